import type { ArmClients } from './clients.ts';
import { journaled } from './journaled.ts';

/** The redundancies a Recovery Services vault's backup storage can use for Azure VMs. */
export type StorageRedundancy = 'GeoRedundant' | 'LocallyRedundant' | 'ZoneRedundant';

export type VaultStorageConfig = {
  storageType: StorageRedundancy | 'Other';
  /** Locked once the first item is protected: the redundancy can no longer be changed. */
  locked: boolean;
  crossRegionRestore: boolean;
};

const REDUNDANCIES: readonly string[] = ['GeoRedundant', 'LocallyRedundant', 'ZoneRedundant'];

/** The vault's backup storage config (backupstorageconfig/vaultstorageconfig). */
export async function getStorageConfig(
  clients: ArmClients,
  subscriptionId: string,
  resourceGroup: string,
  vaultName: string,
): Promise<VaultStorageConfig> {
  const client = await clients.backup(subscriptionId);
  const { properties } = await client.backupResourceStorageConfigsNonCRR.get(vaultName, resourceGroup);
  // storageModelType is the newer field; older vaults report only storageType.
  const type = properties?.storageModelType ?? properties?.storageType;
  return {
    storageType: type !== undefined && REDUNDANCIES.includes(type) ? (type as StorageRedundancy) : 'Other',
    locked: properties?.storageTypeState === 'Locked',
    crossRegionRestore: properties?.crossRegionRestoreFlag ?? false,
  };
}

export type StorageConfigChange = { storageType: StorageRedundancy; crossRegionRestore: boolean };

/**
 * PATCH, not PUT: a PATCH carries only what the user chose (the redundancy, under both its old and new field
 * names, and the cross-region restore flag), so the service-computed storageTypeState and the dedup and
 * xcool states are never written back from a possibly stale read. The service answers 204 with no body,
 * so callers read the config back to see what was saved.
 */
export async function setStorageConfig(
  clients: ArmClients,
  subscriptionId: string,
  resourceGroup: string,
  vaultName: string,
  change: StorageConfigChange,
): Promise<void> {
  const client = await clients.backup(subscriptionId);
  const target = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.RecoveryServices/vaults/${vaultName}/backupstorageconfig/vaultstorageconfig`;
  await journaled(
    clients.journal,
    { kind: 'storageConfig.patch', method: 'PATCH', target, summary: { storageType: change.storageType, crossRegionRestore: change.crossRegionRestore } },
    (hooks) =>
      client.backupResourceStorageConfigsNonCRR.patch(vaultName, resourceGroup, { properties: storageConfigPatchBody(change).properties }, hooks.hlc),
  );
}

/** The exact body of the PATCH, shared with the page's "what will be sent" preview. */
export function storageConfigPatchBody(change: StorageConfigChange) {
  return {
    properties: {
      storageModelType: change.storageType,
      storageType: change.storageType,
      crossRegionRestoreFlag: change.crossRegionRestore,
    },
  };
}
