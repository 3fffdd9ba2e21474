import type { ReactNode } from 'react';
import {
  Badge,
  Caption1,
  Radio,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Tooltip,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import type { VaultSummary } from '../../azure/vaults.ts';
import { redundancyName } from '../../components/redundancy-names.ts';
import { VisuallyHidden } from '../../components/visually-hidden.tsx';
import type { Detail, VaultDetails } from './use-vault-catalog.ts';

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
  table: { tableLayout: 'auto', minWidth: '760px' },
  radioCell: { width: '44px' },
  chosen: { backgroundColor: tokens.colorBrandBackground2 },
  name: { fontWeight: tokens.fontWeightSemibold, cursor: 'pointer' },
  replication: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  stack: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', padding: `${tokens.spacingVerticalS} 0` },
  muted: { color: tokens.colorNeutralForeground3 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  failed: { color: tokens.colorPaletteRedForeground1 },
});

type ExistingVaultTableProps = {
  vaults: readonly VaultSummary[];
  details: ReadonlyMap<string, VaultDetails>;
  chosenId: string | null;
  regionName: (location: string) => string;
  vmCountIn: (location: string) => number | null;
  onChoose: (vault: VaultSummary) => void;
};

function DetailCell<T>({ detail, children }: { detail: Detail<T> | undefined; children: (value: T) => ReactNode }) {
  const styles = useStyles();
  if (!detail || detail.status === 'loading') return <Spinner size="extra-tiny" label="Loading…" />;
  if (detail.status === 'failed') {
    return (
      <Tooltip content={`${detail.error.code}: ${detail.error.message}`} relationship="description">
        <span className={styles.failed} tabIndex={0}>
          Could not be read ({detail.error.code})
        </span>
      </Tooltip>
    );
  }
  return <>{children(detail.value)}</>;
}

/** The subscription's vaults, one native radio per row like the subscription table. */
export function ExistingVaultTable({ vaults, details, chosenId, regionName, vmCountIn, onChoose }: ExistingVaultTableProps) {
  const styles = useStyles();
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>Recovery Services vaults in this subscription</legend>
      <div className={styles.card}>
        <Table className={styles.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.radioCell}>
                <VisuallyHidden>Choose</VisuallyHidden>
              </TableHeaderCell>
              <TableHeaderCell>Name</TableHeaderCell>
              <TableHeaderCell>Region</TableHeaderCell>
              <TableHeaderCell>Resource group</TableHeaderCell>
              <TableHeaderCell>Replication</TableHeaderCell>
              <TableHeaderCell>Protected VMs</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {vaults.map((vault) => {
              const radioId = `vault-${vault.id}`;
              const chosen = vault.id.toLowerCase() === chosenId?.toLowerCase();
              const vmCount = vmCountIn(vault.location);
              const detail = details.get(vault.id);
              return (
                <TableRow key={vault.id} className={mergeClasses(chosen && styles.chosen)}>
                  <TableCell className={styles.radioCell}>
                    <Radio id={radioId} name="vault" value={vault.id} checked={chosen} onChange={() => onChoose(vault)} />
                  </TableCell>
                  <TableCell>
                    <label htmlFor={radioId} className={styles.name}>
                      {vault.name}
                    </label>
                  </TableCell>
                  <TableCell>
                    <div className={styles.stack}>
                      <span>{regionName(vault.location)}</span>
                      {vmCount !== null && (
                        <Caption1 className={vmCount === 0 ? styles.warning : styles.muted}>
                          {vmCount === 0 ? 'No VMs in this region' : vmCount === 1 ? '1 VM in this region' : `${vmCount} VMs in this region`}
                        </Caption1>
                      )}
                    </div>
                  </TableCell>
                  <TableCell>{vault.resourceGroup}</TableCell>
                  <TableCell>
                    <DetailCell detail={detail?.config}>
                      {(config) => (
                        <span className={styles.replication}>
                          {redundancyName(config.storageType)}
                          <Badge appearance="tint" color={config.locked ? 'warning' : 'success'}>
                            {config.locked ? 'Locked' : 'Unlocked'}
                          </Badge>
                          {config.crossRegionRestore && <Caption1 className={styles.muted}>cross-region restore</Caption1>}
                        </span>
                      )}
                    </DetailCell>
                  </TableCell>
                  <TableCell>
                    <DetailCell detail={detail?.protectedVms}>
                      {(count) =>
                        count === null ? (
                          <span>
                            <span aria-hidden>—</span>
                            <VisuallyHidden>Not reported</VisuallyHidden>
                          </span>
                        ) : (
                          <span>{count}</span>
                        )
                      }
                    </DetailCell>
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
