import {
  Badge,
  Button,
  Caption1,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
  type BadgeProps,
} from '@fluentui/react-components';
import { ArrowClockwise16Regular } from '@fluentui/react-icons';
import type { CheckEntry } from '../../components/use-vm-checks.ts';
import { VERDICT_COLOR } from '../../components/verdict-badge.tsx';
import { verdictLabel } from '../../readiness/index.ts';
import type { AgentOutcome } from './agent-check.ts';
import { POWER_LABELS, type AgentVmView } from './agent-view.ts';

const useStyles = makeStyles({
  card: { backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusLarge, boxShadow: tokens.shadow4, overflowX: 'auto' },
  table: { tableLayout: 'auto', minWidth: '980px' },
  name: { fontWeight: tokens.fontWeightSemibold },
  sub: { display: 'block', color: tokens.colorNeutralForeground3 },
  cell: { padding: `${tokens.spacingVerticalS} 0` },
  below: { display: 'block', color: tokens.colorPaletteDarkOrangeForeground1 },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  nowrap: { whiteSpace: 'nowrap' },
});

export type AgentRow = {
  vmId: string;
  name: string;
  resourceGroup: string;
  entry: CheckEntry<AgentOutcome> | undefined;
  accepted: boolean;
};

const AGENT_COLOR: Record<Exclude<AgentVmView['agent']['status'], 'unknown'>, NonNullable<BadgeProps['color']>> = {
  ready: 'success',
  notReady: 'danger',
  notReporting: 'warning',
  notInstalled: 'danger',
};

export function resultBadge(row: AgentRow): { text: string; color: NonNullable<BadgeProps['color']> } {
  const outcome = row.entry?.outcome;
  if (!outcome) return { text: 'Checking…', color: 'informative' };
  if (outcome.kind === 'failed') return { text: "Couldn't check", color: 'danger' };
  if (outcome.kind === 'gone') return { text: verdictLabel('blocked'), color: VERDICT_COLOR.blocked };
  const { level } = outcome.view;
  const text = level === 'attention' && row.accepted ? `${verdictLabel(level)} (accepted)` : verdictLabel(level);
  return { text, color: VERDICT_COLOR[level] };
}

const PROVISIONED: Record<AgentVmView['provisioned'], string> = {
  yes: 'Yes',
  no: 'No: created without the agent',
  unknown: 'Not recorded',
};

function ExtensionCell({ view }: { view: AgentVmView }) {
  const styles = useStyles();
  const ext = view.extension;
  if (ext.state === 'present') {
    return (
      <>
        {ext.name}: {ext.status}
        {ext.version && <Caption1 className={styles.sub}>version {ext.version}</Caption1>}
      </>
    );
  }
  if (ext.state === 'absent') return <>Not installed yet: added at the first backup</>;
  return <>Not reported while the agent is silent</>;
}

type AgentTableProps = { rows: AgentRow[]; onCheckAgain: (vmId: string) => void };

/** One row per selected VM: the agent facts side by side, and "Check again" for that VM. */
export function AgentTable({ rows, onCheckAgain }: AgentTableProps) {
  const styles = useStyles();
  return (
    <div className={styles.card}>
      <Table className={styles.table} aria-label="VM agent of the selected virtual machines">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Virtual machine</TableHeaderCell>
            <TableHeaderCell>OS</TableHeaderCell>
            <TableHeaderCell>Power state</TableHeaderCell>
            <TableHeaderCell>Agent</TableHeaderCell>
            <TableHeaderCell>Agent version</TableHeaderCell>
            <TableHeaderCell>Agent provisioned</TableHeaderCell>
            <TableHeaderCell>Backup extension</TableHeaderCell>
            <TableHeaderCell>Result</TableHeaderCell>
            <TableHeaderCell>Actions</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => {
            const outcome = row.entry?.outcome;
            const view = outcome?.kind === 'checked' ? outcome.view : undefined;
            const badge = resultBadge(row);
            const checking = row.entry?.checking ?? true;
            return (
              <TableRow key={row.vmId}>
                <TableCell className={styles.cell}>
                  <span className={styles.name}>{row.name}</span>
                  <Caption1 className={styles.sub}>{row.resourceGroup}</Caption1>
                </TableCell>
                <TableCell>
                  {view ? view.osType : '—'}
                  {view?.osName && <Caption1 className={styles.sub}>{view.osName}</Caption1>}
                </TableCell>
                <TableCell>{view ? POWER_LABELS[view.powerState] : '—'}</TableCell>
                <TableCell>
                  {/* "Can't be read" is no state of the agent, so it reads as a sentence rather than a badge. */}
                  {view && view.agent.status !== 'unknown' && (
                    <Badge appearance="tint" color={AGENT_COLOR[view.agent.status]}>
                      {view.statusLabel}
                    </Badge>
                  )}
                  {view?.agent.status === 'unknown' && view.statusLabel}
                  {!view && '—'}
                </TableCell>
                <TableCell>
                  {view ? <span className={styles.mono}>{view.version.text}</span> : '—'}
                  {view?.version.belowMinimum && <Caption1 className={styles.below}>below {view.version.minimum}</Caption1>}
                </TableCell>
                <TableCell>{view ? PROVISIONED[view.provisioned] : '—'}</TableCell>
                <TableCell>{view ? <ExtensionCell view={view} /> : outcome?.kind === 'gone' ? 'VM not found' : '—'}</TableCell>
                <TableCell>
                  {checking && !outcome ? (
                    <Spinner size="extra-tiny" label="Checking…" />
                  ) : (
                    <Badge appearance="filled" color={badge.color} className={styles.nowrap}>
                      {badge.text}
                    </Badge>
                  )}
                </TableCell>
                <TableCell>
                  <Button
                    size="small"
                    className={styles.nowrap}
                    icon={checking ? <Spinner size="extra-tiny" /> : <ArrowClockwise16Regular />}
                    disabledFocusable={checking}
                    aria-label={`Check again ${row.name}`}
                    onClick={() => onCheckAgain(row.vmId)}
                  >
                    Check again
                  </Button>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
