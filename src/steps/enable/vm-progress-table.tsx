import { Badge, Caption1, ProgressBar, makeStyles, tokens, type BadgeProps } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { VmRef } from '../../azure/protect-vm.ts';
import { VirtualTable, type VirtualColumn } from '../../components/virtual-table.tsx';
import type { BackupRecord } from '../../store/enable-slice.ts';
import type { RowView } from './enable-view.ts';

const useStyles = makeStyles({
  table: { minWidth: '820px' },
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

/** A row re-renders only when what it shows changed (a batch of progress touches a few VMs of a thousand). */
function sameRow(a: VmProgressRow, b: VmProgressRow): boolean {
  const x = a.view;
  const y = b.view;
  return (
    a.vm === b.vm &&
    a.backup === b.backup &&
    x.label === y.label &&
    x.detail === y.detail &&
    x.progress === y.progress &&
    x.tone === y.tone &&
    x.jobId === y.jobId
  );
}

/**
 * One row per VM: where its protection stands, its progress, and the jobs Azure started for it. Virtualized:
 * only the rows in view are in the page, however many VMs there are.
 */
export function VmProgressTable({ rows }: { rows: readonly VmProgressRow[] }) {
  const styles = useStyles();
  // Stable across renders: rows compare their columns to know whether to re-render.
  const columns = useMemo((): VirtualColumn<VmProgressRow>[] => [
    { id: 'vm', header: 'Virtual machine', width: 'minmax(140px, 1.2fr)', cell: ({ vm }) => <span className={styles.name}>{vm.name}</span> },
    { id: 'rg', header: 'Resource group', width: 'minmax(110px, 1fr)', cell: ({ vm }) => vm.resourceGroup },
    {
      id: 'status',
      header: 'Status',
      width: 'minmax(180px, 2fr)',
      cell: ({ view }) => (
        <div className={styles.status}>
          <Badge appearance="tint" color={BADGE[view.tone]}>
            {view.label}
          </Badge>
          {view.detail && <Caption1 className={styles.detail}>{view.detail}</Caption1>}
        </div>
      ),
    },
    {
      id: 'progress',
      header: 'Progress',
      width: '130px',
      cell: ({ vm, view }) => (
        <ProgressBar
          className={styles.progress}
          aria-label={`Progress of ${vm.name}`}
          thickness="large"
          color={view.tone}
          {...(view.progress !== undefined ? { value: view.progress } : {})}
        />
      ),
    },
    {
      id: 'job',
      header: 'Configure-backup job',
      width: 'minmax(120px, 1.3fr)',
      cell: ({ view }) => (view.jobId ? <span className={styles.id}>{view.jobId}</span> : <span className={styles.none}>—</span>),
    },
    {
      id: 'backup',
      header: 'Backup now',
      width: 'minmax(110px, 1.2fr)',
      cell: ({ backup }) =>
        backup ? (
          <div className={styles.status}>
            <Badge appearance="tint" color={jobBadge(backup.status)}>
              {backup.status === 'InProgress' ? 'Backing up' : backup.status}
            </Badge>
            {backup.jobId && <span className={styles.id}>{backup.jobId}</span>}
          </div>
        ) : (
          <span className={styles.none}>—</span>
        ),
    },
  ], [styles]);
  return (
    <VirtualTable
      label="Virtual machines to protect"
      className={styles.table}
      rows={rows}
      columns={columns}
      rowKey={(row) => row.vm.id}
      rowEquals={sameRow}
      estimateRowHeight={64}
    />
  );
}
