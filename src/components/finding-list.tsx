import { Badge, Caption1, Link, makeStyles, tokens, type BadgeProps } from '@fluentui/react-components';
import type { Finding, Severity } from '../readiness/index.ts';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, alignItems: 'start' },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0, maxWidth: '90ch' },
  message: { margin: 0 },
  remedy: { margin: 0 },
  source: { color: tokens.colorNeutralForeground3 },
});

export const SEVERITY_LABEL: Record<Severity, string> = { blocker: 'Blocker', warning: 'Warning', info: 'Note' };
export const SEVERITY_COLOR: Record<Severity, NonNullable<BadgeProps['color']>> = {
  blocker: 'danger',
  warning: 'warning',
  info: 'informative',
};

/** Each finding: severity, what is wrong, what to do, and the document that says so. */
export function FindingList({ findings }: { findings: readonly Finding[] }) {
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {findings.map((finding) => (
        <li key={finding.ruleId} className={styles.item}>
          <Badge appearance="tint" color={SEVERITY_COLOR[finding.severity]}>
            {SEVERITY_LABEL[finding.severity]}
          </Badge>
          <div className={styles.body}>
            <p className={styles.message}>{finding.message}</p>
            <p className={styles.remedy}>
              <strong>What to do: </strong>
              {finding.remediation}
            </p>
            <Caption1 className={styles.source}>
              Source:{' '}
              <Link href={finding.source.url} target="_blank" rel="noreferrer" inline>
                {finding.source.title}
              </Link>
              {finding.source.section ? `, “${finding.source.section}”` : ''} ({finding.source.date})
            </Caption1>
          </div>
        </li>
      ))}
    </ul>
  );
}
