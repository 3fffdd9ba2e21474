import { Caption1, Link, makeStyles, tokens } from '@fluentui/react-components';
import { guideBeside, type Finding, type Statement } from '../readiness/index.ts';
import { SeverityBadge } from './verdict-badge.tsx';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, alignItems: 'start' },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0, maxWidth: '90ch' },
  message: { margin: 0 },
  remedy: { margin: 0 },
  beside: { margin: 0, color: tokens.colorNeutralForeground2 },
  source: { color: tokens.colorNeutralForeground3 },
});

function SourceLink({ label, source }: { label: string; source: Statement }) {
  return (
    <>
      {label}{' '}
      <Link href={source.url} target="_blank" rel="noreferrer" inline>
        {source.title}
      </Link>
      {source.section ? `, “${source.section}”` : ''} ({source.date})
    </>
  );
}

/** One finding's sources: today's decides; the 2016 guide is quoted beside it where the two differ. */
export function FindingSources({ finding }: { finding: Pick<Finding, 'sources'> }) {
  const styles = useStyles();
  const beside = guideBeside(finding.sources);
  const { today, guide } = finding.sources;
  return (
    <>
      {beside && <p className={styles.beside}>{beside}</p>}
      <Caption1 className={styles.source}>
        <SourceLink label="Today:" source={today} />
        {guide && (
          <>
            {' · '}
            <SourceLink label={guide.agrees ? 'The 2016 guide agrees:' : 'The 2016 guide:'} source={guide} />
          </>
        )}
      </Caption1>
    </>
  );
}

/** Each finding: its verdict word, what is wrong, what to do, and what the guide and today's documents say. */
export function FindingList({ findings, label }: { findings: readonly Finding[]; label?: string }) {
  const styles = useStyles();
  return (
    <ul className={styles.list} {...(label ? { 'aria-label': label } : {})}>
      {findings.map((finding, i) => (
        <li key={`${finding.ruleId}-${i}`} className={styles.item}>
          <SeverityBadge severity={finding.severity} />
          <div className={styles.body}>
            <p className={styles.message}>{finding.message}</p>
            <p className={styles.remedy}>
              <strong>What to do: </strong>
              {finding.remediation}
            </p>
            <FindingSources finding={finding} />
          </div>
        </li>
      ))}
    </ul>
  );
}
