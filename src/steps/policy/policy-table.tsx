import {
  Badge,
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
} from '@fluentui/react-components';
import type { VmBackupPolicy } from '../../azure/policy-types.ts';
import { VisuallyHidden } from '../../components/visually-hidden.tsx';
import { describePolicy } from '../../plan/describe-policy.ts';

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
  table: { tableLayout: 'auto', minWidth: '720px' },
  radioCell: { width: '44px' },
  chosen: { backgroundColor: tokens.colorBrandBackground2 },
  name: { fontWeight: tokens.fontWeightSemibold, cursor: 'pointer' },
  summary: { padding: `${tokens.spacingVerticalS} 0`, maxWidth: '60ch' },
  unknown: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
  count: { textAlign: 'right', whiteSpace: 'nowrap' },
});

type PolicyTableProps = {
  vaultName: string;
  policies: readonly VmBackupPolicy[];
  chosenId: string | null;
  onChoose: (policy: VmBackupPolicy) => void;
};

const sameId = (a: string, b: string | null) => b !== null && a.toLowerCase() === b.toLowerCase();

/** The vault's Azure VM policies, one native radio per row (arrow keys move the choice), each said in words. */
export function PolicyTable({ vaultName, policies, chosenId, onChoose }: PolicyTableProps) {
  const styles = useStyles();
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>Azure VM backup policies in {vaultName}</legend>
      <div className={styles.card}>
        <Table className={styles.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.radioCell}>
                <VisuallyHidden>Choose</VisuallyHidden>
              </TableHeaderCell>
              <TableHeaderCell>Name</TableHeaderCell>
              <TableHeaderCell>Type</TableHeaderCell>
              <TableHeaderCell>Schedule and retention</TableHeaderCell>
              <TableHeaderCell>Protected items</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {policies.map((policy) => {
              const radioId = `policy-${policy.name}`;
              const chosen = sameId(policy.id, chosenId);
              return (
                <TableRow key={policy.id} className={mergeClasses(chosen && styles.chosen)}>
                  <TableCell className={styles.radioCell}>
                    <Radio id={radioId} name="policy" value={policy.id} checked={chosen} onChange={() => onChoose(policy)} />
                  </TableCell>
                  <TableCell>
                    <label htmlFor={radioId} className={styles.name}>
                      {policy.name}
                    </label>
                  </TableCell>
                  <TableCell>
                    {policy.properties && (
                      <Badge appearance="tint" color={policy.properties.policyType === 'V2' ? 'brand' : 'informative'}>
                        {policy.properties.policyType === 'V2' ? 'Enhanced' : 'Standard'}
                      </Badge>
                    )}
                  </TableCell>
                  <TableCell>
                    <div className={styles.summary}>
                      {policy.properties ? (
                        describePolicy(policy.properties)
                      ) : (
                        <span className={styles.unknown}>A schedule this wizard does not recognise; check it in the Azure portal.</span>
                      )}
                    </div>
                  </TableCell>
                  <TableCell className={styles.count}>{policy.protectedItemsCount}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
    </fieldset>
  );
}
