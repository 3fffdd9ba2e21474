import { Badge, Button, Checkbox, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { Wrench16Regular } from '@fluentui/react-icons';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { FindingList } from '../../components/finding-list.tsx';
import { DESTINATIONS, type Destination } from '../../readiness/index.ts';
import { networkRiskAcceptable } from '../../store/network-slice.ts';
import { verdictBadge, type NetworkRow } from './network-table.tsx';
import { methodLabel, pathLabel } from './verdict-text.ts';

// What each destination is for today, so a denied one that backup doesn't need reads as such.
const PURPOSE: Record<Destination, string> = {
  Storage: "the backup extension's path in the 2016 guide",
  AzureBackup: 'needed by in-guest workloads (SQL Server, SAP HANA, MARS), not by VM snapshots',
  AzureActiveDirectory: 'needed by in-guest workloads, not by VM snapshots',
  Internet: 'needed only with write-accelerated disks',
};

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
  },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  heading: { margin: 0 },
  destinations: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  pair: { display: 'contents' },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0 },
  method: { margin: 0, color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'center' },
});

type NetworkVmCardProps = {
  row: NetworkRow;
  fixing: boolean;
  onFix: (vmId: string) => void;
  onAccept: (vmId: string, accepted: boolean) => void;
  onCheckAgain: (vmId: string) => void;
};

/** One VM's network findings: the verdict per destination, where it came from, and what can be done. */
export function NetworkVmCard({ row, fixing, onFix, onAccept, onCheckAgain }: NetworkVmCardProps) {
  const styles = useStyles();
  const outcome = row.entry?.outcome;
  if (!outcome) return null;
  const headingId = `network-card-${row.vmId.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  const badge = verdictBadge(row);
  return (
    <section className={styles.card} aria-labelledby={headingId}>
      <div className={styles.header}>
        <Subtitle2 as="h3" id={headingId} className={styles.heading}>
          {row.name}
        </Subtitle2>
        <Badge appearance="filled" color={badge.color}>
          {badge.text}
        </Badge>
      </div>
      {outcome.kind === 'failed' && (
        <ErrorPanel title={`The network of ${row.name} couldn't be checked`} error={outcome.error} onRetry={() => onCheckAgain(row.vmId)} />
      )}
      {outcome.kind === 'gone' && (
        <MessageBar intent="error">
          <MessageBarBody>This VM no longer exists in Azure. Go back to the virtual machines and deselect it.</MessageBarBody>
        </MessageBar>
      )}
      {outcome.kind === 'checked' && (
        <>
          <p className={styles.method}>Evaluated from: {methodLabel(outcome.view.nics[0])}.</p>
          <dl className={styles.destinations} aria-label={`HTTPS from ${row.name} per destination`}>
            {DESTINATIONS.map((destination) => {
              const verdict = outcome.view.report.destinations[destination];
              return (
                <div key={destination} className={styles.pair}>
                  <dt className={styles.term}>{destination}</dt>
                  <dd className={styles.value}>
                    {verdict.status === 'unknown' ? `Unknown: ${verdict.reason}` : pathLabel(verdict)} ({PURPOSE[destination]})
                  </dd>
                </div>
              );
            })}
          </dl>
          <FindingList findings={outcome.view.findings} />
          {outcome.view.verdict === 'blocked' && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                {row.name} can&apos;t be backed up until the rule is removed or narrowed, so this can&apos;t be accepted. Fix it
                and check again, or go back and deselect the VM.
              </MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.actions}>
            {outcome.view.path === 'denied' && (
              <Button appearance="primary" icon={<Wrench16Regular />} disabledFocusable={fixing} onClick={() => onFix(row.vmId)}>
                Fix {row.name} with an allow rule
              </Button>
            )}
            {networkRiskAcceptable(outcome.view) && (
              <Checkbox
                checked={row.accepted}
                onChange={(_, data) => onAccept(row.vmId, data.checked === true)}
                label={`Accept for ${row.name}: protect it as its network is, with the fixes above left undone`}
              />
            )}
          </div>
        </>
      )}
    </section>
  );
}
