import {
  Badge,
  Caption1,
  ProgressBar,
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
import type { VmRef } from '../../azure/protect-vm.ts';
import type { BackupRecord } from '../../store/enable-slice.ts';
import type { RowView } from './enable-view.ts';

const useStyles = makeStyles({
  card: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    overflowX: 'auto',
  },
  table: { tableLayout: 'auto', minWidth: '820px' },
  name: { fontWeight: tokens.fontWeightSemibold },
  status: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS, padding: `${tokens.spacingVerticalS} 0` },
  detail: { color: tokens.colorNeutralForeground2, maxWidth: '40ch' },
  progress: { minWidth: '120px' },
  id: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, wordBreak: 'break-all' },
  none: { color: tokens.colorNeutralForeground3 },
});

const BADGE: Record<RowView['tone'], NonNullable<BadgeProps['color']>> = {
  brand: 'brand',
  success: 'success',
  warning: 'warning',
  error: 'danger',
};

function jobBadge(status: string): NonNullable<BadgeProps['color']> {
  const lower = status.toLowerCase();
  if (lower === 'completed') return 'success';
  if (lower === 'failed' || lower === 'unknown') return 'danger';
  if (lower.startsWith('completedwith') || lower.startsWith('cancel')) return 'warning';
  return 'informative';
}

export type VmProgressRow = { vm: VmRef; view: RowView; backup: BackupRecord | undefined };

/** One row per VM: where its protection stands, its progress, and the jobs Azure started for it. */
export function VmProgressTable({ rows }: { rows: readonly VmProgressRow[] }) {
  const styles = useStyles();
  return (
    <div className={styles.card}>
      <Table className={styles.table} aria-label="Virtual machines to protect">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Virtual machine</TableHeaderCell>
            <TableHeaderCell>Resource group</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
            <TableHeaderCell>Progress</TableHeaderCell>
            <TableHeaderCell>Configure-backup job</TableHeaderCell>
            <TableHeaderCell>Backup now</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map(({ vm, view, backup }) => (
            <TableRow key={vm.id}>
              <TableCell>
                <span className={styles.name}>{vm.name}</span>
              </TableCell>
              <TableCell>{vm.resourceGroup}</TableCell>
              <TableCell>
                <div className={styles.status}>
                  <Badge appearance="tint" color={BADGE[view.tone]}>
                    {view.label}
                  </Badge>
                  {view.detail && <Caption1 className={styles.detail}>{view.detail}</Caption1>}
                </div>
              </TableCell>
              <TableCell>
                <ProgressBar
                  className={styles.progress}
                  aria-label={`Progress of ${vm.name}`}
                  thickness="large"
                  color={view.tone}
                  {...(view.progress !== undefined ? { value: view.progress } : {})}
                />
              </TableCell>
              <TableCell>
                {view.jobId ? <span className={styles.id}>{view.jobId}</span> : <span className={styles.none}>—</span>}
              </TableCell>
              <TableCell>
                {backup ? (
                  <div className={styles.status}>
                    <Badge appearance="tint" color={jobBadge(backup.status)}>
                      {backup.status === 'InProgress' ? 'Backing up' : backup.status}
                    </Badge>
                    {backup.jobId && <span className={styles.id}>{backup.jobId}</span>}
                  </div>
                ) : (
                  <span className={styles.none}>—</span>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
