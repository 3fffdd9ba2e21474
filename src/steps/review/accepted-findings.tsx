import { Body1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { VerdictBadge } from '../../components/verdict-badge.tsx';
import { openFindings, type OpenFinding } from '../../plan/open-findings.ts';
import { useWizardStore } from '../../store/store-context.tsx';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'baseline', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground2 },
});

function Item({ finding }: { finding: OpenFinding }) {
  const styles = useStyles();
  return (
    <li className={styles.item}>
      <VerdictBadge appearance="tint" size="small" verdict={finding.verdict} {...(finding.accepted ? { suffix: '(accepted)' } : {})} />
      <span>
        <strong>{finding.vmName}</strong> ({finding.area}): {finding.title}
      </span>
    </li>
  );
}

/** What the user accepted on the earlier steps, per VM: protection goes ahead, and these backups may fail until fixed. */
export function AcceptedFindings() {
  const styles = useStyles();
  const vms = useWizardStore((s) => s.vms);
  const agent = useWizardStore((s) => s.agent);
  const network = useWizardStore((s) => s.network);
  const findings = openFindings({ vms, agent, network });
  return (
    <section className={styles.section} aria-labelledby="review-accepted-heading">
      <Subtitle2 as="h2" id="review-accepted-heading" className={styles.heading}>
        Accepted findings
      </Subtitle2>
      {findings.length === 0 ? (
        <Body1 className={styles.muted}>Nothing was accepted: every selected virtual machine was Ready on its checks.</Body1>
      ) : (
        <>
          <Body1 className={styles.muted}>
            Protection will be enabled for these virtual machines as they are; their backups may fail or degrade until the
            findings are fixed. The summary lists them again.
          </Body1>
          <ul className={styles.list} aria-label="Accepted findings">
            {findings.map((f) => (
              <Item key={`${f.vmId}|${f.area}|${f.ruleId}`} finding={f} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
