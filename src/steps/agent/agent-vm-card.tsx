import {
  Badge,
  Button,
  Checkbox,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowLeft16Regular } from '@fluentui/react-icons';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { FindingList } from '../../components/finding-list.tsx';
import { resultBadge, type AgentRow } from './agent-table.tsx';

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
});

type AgentVmCardProps = {
  row: AgentRow;
  onAccept: (vmId: string, accepted: boolean) => void;
  onCheckAgain: (vmId: string) => void;
  onDeselect: () => void;
};

/** What is wrong with one VM's agent and the remedy for its OS; what needs attention can be accepted, a blocked VM can't. */
export function AgentVmCard({ row, onAccept, onCheckAgain, onDeselect }: AgentVmCardProps) {
  const styles = useStyles();
  const outcome = row.entry?.outcome;
  if (!outcome) return null;
  const headingId = `agent-card-${row.vmId.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  const badge = resultBadge(row);
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
        <ErrorPanel title={`The agent of ${row.name} couldn't be checked`} error={outcome.error} onRetry={() => onCheckAgain(row.vmId)} />
      )}
      {outcome.kind === 'gone' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>This VM no longer exists in Azure. Go back to the virtual machines and deselect it.</MessageBarBody>
          <MessageBarActions>
            <Button icon={<ArrowLeft16Regular />} onClick={onDeselect}>
              Back to virtual machines
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {outcome.kind === 'checked' && (
        <>
          <FindingList findings={outcome.view.findings} />
          {outcome.view.level === 'attention' && (
            <Checkbox
              checked={row.accepted}
              onChange={(_, data) => onAccept(row.vmId, data.checked === true)}
              label={`Accept for ${row.name}: protect it now, knowing its backups fail until this is fixed`}
            />
          )}
          {outcome.view.level === 'blocked' && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                Backups of {row.name} would fail until this is fixed, so it can't be accepted. Fix it as described and
                check again, or go back and deselect the VM.
              </MessageBarBody>
              <MessageBarActions>
                <Button icon={<ArrowLeft16Regular />} onClick={onDeselect}>
                  Back to virtual machines
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
        </>
      )}
    </section>
  );
}
