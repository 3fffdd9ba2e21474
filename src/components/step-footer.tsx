import { Body1, Button, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowLeft20Regular, ArrowRight20Regular } from '@fluentui/react-icons';
import { useNavigate } from 'react-router';
import { stepAfter, stepBefore, type StepId } from '../app/steps.ts';

const useStyles = makeStyles({
  footer: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    marginTop: tokens.spacingVerticalXL,
    paddingTop: tokens.spacingVerticalL,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  spacer: { flexGrow: 1 },
  note: { color: tokens.colorNeutralForeground2, maxWidth: '60ch' },
});

type StepFooterProps = {
  stepId: StepId;
  canContinue: boolean;
  /** Says what is still missing (when it can't continue) or what was decided. */
  note?: string;
  /** Runs before moving on, e.g. to record an approval the next step depends on. */
  onNext?: () => void;
};

/** Back and Next for a step. Next stays focusable while disabled, and the note tells why. */
export function StepFooter({ stepId, canContinue, note, onNext }: StepFooterProps) {
  const styles = useStyles();
  const navigate = useNavigate();
  const previous = stepBefore(stepId);
  const next = stepAfter(stepId);
  const noteId = `${stepId}-footer-note`;
  return (
    <div className={styles.footer}>
      {previous && (
        <Button icon={<ArrowLeft20Regular />} onClick={() => void navigate(previous.path)}>
          Back
        </Button>
      )}
      <div className={styles.spacer} />
      {note && (
        <Body1 id={noteId} className={styles.note}>
          {note}
        </Body1>
      )}
      {next && (
        <Button
          appearance="primary"
          icon={<ArrowRight20Regular />}
          iconPosition="after"
          disabledFocusable={!canContinue}
          {...(note ? { 'aria-describedby': noteId } : {})}
          onClick={() => {
            onNext?.();
            void navigate(next.path);
          }}
        >
          Next
        </Button>
      )}
    </div>
  );
}
