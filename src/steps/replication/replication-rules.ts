import type { AzureLocation } from '../../azure/locations.ts';
import type { VaultStorageConfig } from '../../azure/storage-config.ts';
import type { Redundancy, ReplicationChoice } from '../../store/replication-slice.ts';

export type RedundancyOption = {
  value: Redundancy;
  label: string;
  /** One line on durability and relative cost. */
  description: string;
  /** Why it can't be chosen here, or null. */
  disabledReason: string | null;
};

/** The three options, in the order the guide presents them, with why any is unavailable for this vault. */
export function redundancyOptions(config: VaultStorageConfig, region: AzureLocation | undefined): RedundancyOption[] {
  const zones = region?.availabilityZones.length ?? 0;
  const regionName = region?.displayName ?? 'this region';
  // Once cross-region restore is on it can't be turned off, and it needs geo-redundancy.
  const crrLock = config.crossRegionRestore ? 'Cross-region restore is on for this vault and can’t be turned off; it needs geo-redundant storage.' : null;
  return [
    {
      value: 'GeoRedundant',
      label: 'Geo-redundant (GRS)',
      description:
        'The default. Keep it if this is your primary backup: copies are also kept in the paired region, hundreds of miles away, so backups survive a regional outage. Costs the most.',
      disabledReason: null,
    },
    {
      value: 'LocallyRedundant',
      label: 'Locally redundant (LRS)',
      description:
        'A cheaper option that isn’t quite as durable: three copies in one datacenter of the vault’s region, lost if that datacenter is.',
      disabledReason: crrLock,
    },
    {
      value: 'ZoneRedundant',
      label: 'Zone-redundant (ZRS)',
      description:
        'Copies across the region’s availability zones: survives the loss of a datacenter, not of the region. Costs between LRS and GRS.',
      disabledReason:
        crrLock ??
        (zones === 0 ? `${regionName} has no availability zones, so zone-redundant storage isn’t offered there.` : null),
    },
  ];
}

/** The choice to start from: what the user picked for this vault before, else what the vault has now (a new vault: GRS). */
export function initialChoice(config: VaultStorageConfig, saved: ReplicationChoice | null): ReplicationChoice {
  if (saved) return saved;
  return {
    storageType: config.storageType === 'Other' ? 'GeoRedundant' : config.storageType,
    crossRegionRestore: config.crossRegionRestore,
  };
}

/** The choice as it can be saved: cross-region restore exists only with geo-redundancy. */
export function normaliseChoice(choice: ReplicationChoice): ReplicationChoice {
  return choice.storageType === 'GeoRedundant' ? choice : { storageType: choice.storageType, crossRegionRestore: false };
}

/** Turning cross-region restore on can't be undone, so it needs an explicit confirmation first. */
export function needsIrreversibleConfirmation(choice: ReplicationChoice, current: VaultStorageConfig): boolean {
  return choice.crossRegionRestore && !current.crossRegionRestore;
}

export const matchesConfig = (choice: ReplicationChoice, config: VaultStorageConfig): boolean =>
  choice.storageType === config.storageType && choice.crossRegionRestore === config.crossRegionRestore;

/** Why the choice can't be saved as is, or null. */
export function choiceProblem(choice: ReplicationChoice, options: readonly RedundancyOption[]): string | null {
  const option = options.find((o) => o.value === choice.storageType);
  if (option?.disabledReason) return option.disabledReason;
  if (choice.crossRegionRestore && choice.storageType !== 'GeoRedundant') return 'Cross-region restore needs geo-redundant storage.';
  return null;
}
