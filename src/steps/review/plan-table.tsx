import { Badge, mergeClasses, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircle16Filled, DismissCircle16Filled, LockClosed16Regular, QuestionCircle16Regular } from '@fluentui/react-icons';
import { describeRoles, type PermissionVerdict, type PlanPermissions } from '../../plan/permission-check.ts';
import type { PlanAction, PlanItem } from '../../plan/plan-types.ts';
import { serviceCheckText } from '../../plan/words.ts';

const useStyles = makeStyles({
  card: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    overflowX: 'auto',
  },
  table: { tableLayout: 'auto', minWidth: '880px' },
  number: { width: '36px', color: tokens.colorNeutralForeground3 },
  change: { width: '108px' },
  what: { padding: `${tokens.spacingVerticalS} 0`, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  title: { fontWeight: tokens.fontWeightSemibold },
  detail: { color: tokens.colorNeutralForeground2, maxWidth: '52ch' },
  door: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'flex-start', color: tokens.colorPaletteDarkOrangeForeground1, maxWidth: '52ch' },
  doorIcon: { flexShrink: 0, marginTop: '2px' },
  target: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, wordBreak: 'break-all', maxWidth: '34ch', padding: `${tokens.spacingVerticalS} 0` },
  permission: { padding: `${tokens.spacingVerticalS} 0`, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, maxWidth: '40ch' },
  verdict: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'flex-start' },
  icon: { flexShrink: 0, marginTop: '2px' },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
  action: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, wordBreak: 'break-all' },
});

const ACTION_BADGES: Record<PlanAction, { text: string; color: 'brand' | 'informative' | 'subtle' | 'warning' | 'danger' }> = {
  create: { text: 'Create', color: 'brand' },
  update: { text: 'Change', color: 'warning' },
  noChange: { text: 'No change', color: 'informative' },
  manual: { text: 'You do it', color: 'informative' },
  conflict: { text: 'Conflict', color: 'danger' },
};

function Verdict({ verdict }: { verdict: PermissionVerdict }) {
  const styles = useStyles();
  if (verdict.allowed === true) {
    return (
      <span className={styles.verdict}>
        <CheckmarkCircle16Filled aria-hidden className={mergeClasses(styles.icon, styles.ok)} />
        <span>
          Permitted: <span className={styles.action}>{verdict.action}</span> on {verdict.scopeLabel}
        </span>
      </span>
    );
  }
  if (verdict.allowed === false) {
    return (
      <span className={styles.verdict}>
        <DismissCircle16Filled aria-hidden className={mergeClasses(styles.icon, styles.bad)} />
        <span>
          <strong>Not permitted:</strong> <span className={styles.action}>{verdict.action}</span> on {verdict.scopeLabel}. Granted by{' '}
          {describeRoles(verdict.grantedBy)}.
        </span>
      </span>
    );
  }
  return (
    <span className={styles.verdict}>
      <QuestionCircle16Regular aria-hidden className={mergeClasses(styles.icon, styles.muted)} />
      <span>
        Could not be checked: <span className={styles.action}>{verdict.action}</span> on {verdict.scopeLabel}
      </span>
    </span>
  );
}

function PermissionCell({ item, verdicts }: { item: PlanItem; verdicts: readonly PermissionVerdict[] }) {
  const styles = useStyles();
  if (verdicts.length === 0) {
    const text = item.action === 'manual' ? 'Outside Azure Resource Manager' : item.action === 'conflict' ? 'Nothing is sent until it is resolved' : 'Nothing to send';
    return <span className={styles.muted}>{text}</span>;
  }
  return (
    <div className={styles.permission}>
      {verdicts.map((verdict) => (
        <Verdict key={`${verdict.action}|${verdict.scope}`} verdict={verdict} />
      ))}
    </div>
  );
}

/** The plan, one row per write in the order it is sent, with its target and whether you may send it. */
export function PlanTable({ items, permissions }: { items: readonly PlanItem[]; permissions: PlanPermissions }) {
  const styles = useStyles();
  return (
    <div className={styles.card}>
      <Table className={styles.table} aria-label="Plan of changes">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.number}>#</TableHeaderCell>
            <TableHeaderCell className={styles.change}>Change</TableHeaderCell>
            <TableHeaderCell>What</TableHeaderCell>
            <TableHeaderCell>Target resource ID</TableHeaderCell>
            <TableHeaderCell>Your permission</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((item, index) => {
            const badge = ACTION_BADGES[item.action];
            return (
              <TableRow key={item.key}>
                <TableCell className={styles.number}>{index + 1}</TableCell>
                <TableCell className={styles.change}>
                  <Badge appearance={item.action === 'noChange' ? 'outline' : 'tint'} color={badge.color}>
                    {badge.text}
                  </Badge>
                </TableCell>
                <TableCell>
                  <div className={styles.what}>
                    <span className={styles.title}>{item.title}</span>
                    <span className={styles.detail}>{item.detail}</span>
                    {item.serviceCheck && (
                      <span className={mergeClasses(styles.detail, item.serviceCheck.verdict === 'blocked' && styles.bad)}>{serviceCheckText(item.serviceCheck)}</span>
                    )}
                    {item.oneWayDoors.map((door) => (
                      <span key={door} className={styles.door}>
                        <LockClosed16Regular aria-hidden className={styles.doorIcon} />
                        <span>
                          <strong>One-way: </strong>
                          {door}
                        </span>
                      </span>
                    ))}
                  </div>
                </TableCell>
                <TableCell>
                  <div className={styles.target}>{item.targetId || '—'}</div>
                </TableCell>
                <TableCell>
                  <PermissionCell item={item} verdicts={permissions.byItem[item.key] ?? []} />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
