import {
  Badge,
  Caption1,
  Radio,
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
import type { Subscription } from '../../azure/subscriptions.ts';
import { VisuallyHidden } from '../../components/visually-hidden.tsx';
import { whyNotSelectable } from './subscription-rules.ts';

const useStyles = makeStyles({
  fieldset: { border: 'none', margin: 0, padding: 0, minWidth: 0 },
  legend: {
    padding: 0,
    marginBottom: tokens.spacingVerticalS,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  card: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    overflowX: 'auto',
  },
  // Fluent tables default to fixed layout (equal columns), which wraps the GUIDs; let content size them.
  table: { tableLayout: 'auto', minWidth: '760px' },
  radioCell: { width: '44px' },
  chosen: { backgroundColor: tokens.colorBrandBackground2 },
  unavailable: { color: tokens.colorNeutralForeground3 },
  name: { fontWeight: tokens.fontWeightSemibold, cursor: 'pointer' },
  nameDisabled: { cursor: 'default' },
  id: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, whiteSpace: 'nowrap' },
  stateCell: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS, padding: `${tokens.spacingVerticalS} 0` },
  reason: { color: tokens.colorPaletteRedForeground1, maxWidth: '32ch' },
});

const BADGE_COLOR: Record<Subscription['state'], NonNullable<BadgeProps['color']>> = {
  Enabled: 'success',
  Warned: 'warning',
  PastDue: 'warning',
  Disabled: 'danger',
  Deleted: 'danger',
  Unknown: 'informative',
};

type SubscriptionTableProps = {
  subscriptions: Subscription[];
  chosenId: string | null;
  onChoose: (subscription: Subscription) => void;
};

/**
 * One native radio per row (same `name`), so arrow keys move the choice like any radio group, and the
 * subscription's name is the radio's <label>. Rows that can't be chosen say why.
 */
export function SubscriptionTable({ subscriptions, chosenId, onChoose }: SubscriptionTableProps) {
  const styles = useStyles();
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>Subscriptions your account can access</legend>
      <div className={styles.card}>
        <Table className={styles.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.radioCell}>
                <VisuallyHidden>Choose</VisuallyHidden>
              </TableHeaderCell>
              <TableHeaderCell>Name</TableHeaderCell>
              <TableHeaderCell>Subscription ID</TableHeaderCell>
              <TableHeaderCell>Tenant ID</TableHeaderCell>
              <TableHeaderCell>State</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {subscriptions.map((subscription) => {
              const id = subscription.subscriptionId;
              const reason = whyNotSelectable(subscription);
              const radioId = `subscription-${id}`;
              const reasonId = `subscription-${id}-reason`;
              const chosen = id === chosenId;
              return (
                <TableRow
                  key={id}
                  className={mergeClasses(chosen && styles.chosen, reason !== null && styles.unavailable)}
                >
                  <TableCell className={styles.radioCell}>
                    <Radio
                      id={radioId}
                      name="subscription"
                      value={id}
                      checked={chosen}
                      disabled={reason !== null}
                      onChange={() => onChoose(subscription)}
                      {...(reason !== null ? { 'aria-describedby': reasonId } : {})}
                    />
                  </TableCell>
                  <TableCell>
                    <label htmlFor={radioId} className={mergeClasses(styles.name, reason !== null && styles.nameDisabled)}>
                      {subscription.displayName}
                    </label>
                  </TableCell>
                  <TableCell>
                    <span className={styles.id}>{id}</span>
                  </TableCell>
                  <TableCell>
                    <span className={styles.id}>{subscription.tenantId || 'Not reported'}</span>
                  </TableCell>
                  <TableCell>
                    <div className={styles.stateCell}>
                      <Badge appearance="tint" color={BADGE_COLOR[subscription.state]}>
                        {subscription.state}
                      </Badge>
                      {reason !== null && (
                        <Caption1 id={reasonId} className={styles.reason}>
                          {reason}
                        </Caption1>
                      )}
                    </div>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
    </fieldset>
  );
}
