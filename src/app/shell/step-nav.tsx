import { Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CheckmarkCircle20Filled, Circle20Regular, CircleHalfFill20Regular, Home20Regular, LockClosed20Regular } from '@fluentui/react-icons';
import { Link } from 'react-router';
import { VisuallyHidden } from '../../components/visually-hidden.tsx';
import { useWizardStore } from '../../store/store-context.tsx';
import { START_PAGE_PATH } from '../home/resume-entry.ts';
import { stepStatus, steps, type StepId, type StepStatus } from '../steps.ts';

const useStyles = makeStyles({
  nav: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM}` },
  heading: {
    margin: `0 ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS}`,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    textTransform: 'uppercase',
    letterSpacing: '0.04em',
    color: tokens.colorNeutralForeground3,
  },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  item: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    borderLeft: '3px solid transparent',
    color: tokens.colorNeutralForeground1,
    textDecoration: 'none',
  },
  link: {
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  current: {
    backgroundColor: tokens.colorSubtleBackgroundSelected,
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  locked: { color: tokens.colorNeutralForeground4 },
  start: { marginBottom: tokens.spacingVerticalM },
  icon: { flexShrink: 0, marginTop: '1px' },
  done: { color: tokens.colorPaletteGreenForeground1 },
  currentIcon: { color: tokens.colorBrandForeground1 },
  text: { display: 'flex', flexDirection: 'column' },
  summary: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
});

const STATUS_TEXT: Record<StepStatus, string> = {
  done: 'done',
  current: 'current step',
  available: 'to do',
  locked: 'not yet available',
};

function StatusIcon({ status }: { status: StepStatus }) {
  const styles = useStyles();
  switch (status) {
    case 'done':
      return <CheckmarkCircle20Filled aria-hidden className={mergeClasses(styles.icon, styles.done)} />;
    case 'current':
      return <CircleHalfFill20Regular aria-hidden className={mergeClasses(styles.icon, styles.currentIcon)} />;
    case 'available':
      return <Circle20Regular aria-hidden className={styles.icon} />;
    case 'locked':
      return <LockClosed20Regular aria-hidden className={styles.icon} />;
  }
}

/** The wizard's steps in order, with where the user is and what is done; locked steps are not links. */
export function StepNav({ currentId }: { currentId: StepId | undefined }) {
  const styles = useStyles();
  const state = useWizardStore((s) => s);
  return (
    <nav aria-labelledby="step-nav-heading" className={styles.nav}>
      <Link to={START_PAGE_PATH} className={mergeClasses(styles.item, styles.link, styles.start)}>
        <Home20Regular aria-hidden className={styles.icon} />
        <span>Start page</span>
      </Link>
      <h2 id="step-nav-heading" className={styles.heading}>
        Steps
      </h2>
      <ol className={styles.list}>
        {steps.map((step, index) => {
          const status = stepStatus(step, state, currentId);
          const summary = status === 'locked' ? null : (step.summarize?.(state) ?? null);
          const content = (
            <>
              <StatusIcon status={status} />
              <span className={styles.text}>
                <span>
                  {index + 1}. {step.title}
                  <VisuallyHidden> ({STATUS_TEXT[status]})</VisuallyHidden>
                </span>
                {summary && <Caption1 className={styles.summary}>{summary}</Caption1>}
              </span>
            </>
          );
          return (
            <li key={step.id}>
              {status === 'locked' ? (
                <span className={mergeClasses(styles.item, styles.locked)}>{content}</span>
              ) : (
                <Link
                  to={step.path}
                  aria-current={status === 'current' ? 'step' : undefined}
                  className={mergeClasses(styles.item, styles.link, status === 'current' && styles.current)}
                >
                  {content}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
