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
  mergeClasses,
  tokens,
  type BadgeProps,
} from '@fluentui/react-components';
import { ArrowClockwise16Regular } from '@fluentui/react-icons';
import type { CheckEntry } from '../../components/use-vm-checks.ts';
import { VERDICT_COLOR } from '../../components/verdict-badge.tsx';
import { verdictLabel } from '../../readiness/index.ts';
import type { NetworkOutcome } from './network-check.ts';
import { methodLabel, nsgPathText, pathLabel, platformText } from './verdict-text.ts';

const useStyles = makeStyles({
  card: { backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusLarge, boxShadow: tokens.shadow4, overflowX: 'auto' },
  table: { tableLayout: 'auto', minWidth: '900px' },
  cell: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS}`, verticalAlign: 'top' },
  name: { fontWeight: tokens.fontWeightSemibold },
  sub: { display: 'block', color: tokens.colorNeutralForeground3 },
  nic: { display: 'block' },
  detail: { display: 'block', marginTop: tokens.spacingVerticalXXS, maxWidth: '36ch' },
  denied: { color: tokens.colorPaletteRedForeground1 },
  nowrap: { whiteSpace: 'nowrap' },
  method: { maxWidth: '26ch' },
});

export type NetworkRow = {
  vmId: string;
  name: string;
  resourceGroup: string;
  entry: CheckEntry<NetworkOutcome> | undefined;
  accepted: boolean;
};

/** The verdict word of a checked VM; "(accepted)" once the user accepted what needs attention. */
export function verdictBadge(row: NetworkRow): { text: string; color: NonNullable<BadgeProps['color']> } {
  const outcome = row.entry?.outcome;
  if (!outcome) return { text: 'Checking…', color: 'informative' };
  if (outcome.kind === 'failed') return { text: "Couldn't check", color: 'danger' };
  if (outcome.kind === 'gone') return { text: 'VM not found', color: 'danger' };
  const { verdict } = outcome.view;
  const text = verdictLabel(verdict);
  return { text: row.accepted && verdict === 'attention' ? `${text} (accepted)` : text, color: VERDICT_COLOR[verdict] };
}

type NetworkTableProps = { rows: NetworkRow[]; onCheckAgain: (vmId: string) => void };

/** One row per selected VM: the path out through its NSGs, how it was evaluated and the verdict. */
export function NetworkTable({ rows, onCheckAgain }: NetworkTableProps) {
  const styles = useStyles();
  return (
    <div className={styles.card}>
      <Table className={styles.table} aria-label="Outbound HTTPS of the selected virtual machines">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Virtual machine</TableHeaderCell>
            <TableHeaderCell>Network interfaces and NSGs</TableHeaderCell>
            <TableHeaderCell>Evaluated from</TableHeaderCell>
            <TableHeaderCell>Verdict</TableHeaderCell>
            <TableHeaderCell>HTTPS to Azure Storage (TCP 443)</TableHeaderCell>
            <TableHeaderCell>{'168.63.129.16'}</TableHeaderCell>
            <TableHeaderCell>Actions</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => {
            const outcome = row.entry?.outcome;
            const view = outcome?.kind === 'checked' ? outcome.view : undefined;
            const checking = row.entry?.checking ?? true;
            const badge = verdictBadge(row);
            const overall = view?.report.overall;
            return (
              <TableRow key={row.vmId}>
                <TableCell className={styles.cell}>
                  <span className={styles.name}>{row.name}</span>
                  <Caption1 className={styles.sub}>{row.resourceGroup}</Caption1>
                </TableCell>
                <TableCell className={styles.cell}>
                  {view
                    ? view.nics.length === 0
                      ? 'No network interface'
                      : view.nics.map((nic, i) => (
                          <span key={nic.nic.id} className={styles.nic}>
                            {nic.nic.name}
                            {i === 0 && view.nics.length > 1 ? ' (primary)' : ''}
                            {nic.subnet ? `, subnet ${nic.subnet.name}` : ''}
                            <Caption1 className={styles.sub}>{nsgPathText(nic)}</Caption1>
                          </span>
                        ))
                    : '—'}
                </TableCell>
                <TableCell className={mergeClasses(styles.cell, styles.method)}>{view ? methodLabel(view.nics[0]) : '—'}</TableCell>
                <TableCell className={styles.cell}>
                  {checking && !outcome ? (
                    <Spinner size="extra-tiny" label="Checking…" />
                  ) : (
                    <Badge appearance="filled" color={badge.color} className={styles.nowrap}>
                      {badge.text}
                    </Badge>
                  )}
                </TableCell>
                <TableCell className={styles.cell}>
                  {overall ? pathLabel(overall) : '—'}
                  {overall?.status === 'unknown' && <Caption1 className={styles.detail}>{overall.reason}</Caption1>}
                </TableCell>
                <TableCell className={styles.cell}>
                  {view ? <span className={view.verdict === 'blocked' ? styles.denied : undefined}>{platformText(view)}</span> : '—'}
                </TableCell>
                <TableCell className={styles.cell}>
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
