// What the vault, storage-config and policy routes share: resource ids, the vault lookup, the
// protected items of a vault, and the backup storage redundancy, which lives in two places
// (the vault's properties.redundancySettings and its backupstorageconfig child) kept in sync here.
import { armErrors } from '../arm/errors.ts';
import type { ArmContext } from '../arm/types.ts';
import type { ArmResource, Store } from '../state/store.ts';
import type { CatalogRegion } from '../state/wire-catalog.ts';
import { storageConfigResource } from '../state/wire-backup.ts';

export const VAULT_TYPE = 'Microsoft.RecoveryServices/vaults';
export const POLICY_TYPE = 'Microsoft.RecoveryServices/vaults/backupPolicies';
export const PROTECTED_ITEM_TYPE = 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems';
export const VAULT_PREFIX = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.RecoveryServices/vaults';

export const REDUNDANCIES = ['LocallyRedundant', 'GeoRedundant', 'ZoneRedundant'] as const;
export type Redundancy = (typeof REDUNDANCIES)[number];

export interface RedundancyState {
  type: Redundancy;
  crossRegionRestore: boolean;
}

export function vaultIdOf(ctx: ArmContext): string {
  const p = ctx.params;
  return `/subscriptions/${p['subscriptionId']}/resourceGroups/${p['resourceGroupName']}/providers/${VAULT_TYPE}/${p['vaultName']}`;
}

export function requireVault(ctx: ArmContext): ArmResource {
  const vault = ctx.store.get(vaultIdOf(ctx));
  if (!vault) throw armErrors.resourceNotFound(VAULT_TYPE, ctx.params['vaultName'] ?? '', ctx.params['resourceGroupName'] ?? '');
  return vault;
}

export function protectedItemsOf(store: Store, vaultId: string): ArmResource[] {
  return store.list({ type: PROTECTED_ITEM_TYPE, scope: vaultId });
}

const configId = (vaultId: string): string => `${vaultId}/backupstorageconfig/vaultstorageconfig`;

export function redundancyOfVault(vault: ArmResource): RedundancyState {
  const settings = (vault.properties?.['redundancySettings'] ?? {}) as { standardTierStorageRedundancy?: string; crossRegionRestore?: string };
  const type = REDUNDANCIES.find((r) => r === settings.standardTierStorageRedundancy) ?? 'GeoRedundant';
  return { type, crossRegionRestore: settings.crossRegionRestore === 'Enabled' };
}

/**
 * The storage config as the service reports it. Locked is derived: Azure locks the choice when the
 * first item is protected, so any protected item in the vault means Locked.
 */
export function storageConfigOf(store: Store, vault: ArmResource): ArmResource {
  const stored = store.get(configId(vault.id));
  const { type, crossRegionRestore } = redundancyOfVault(vault);
  const locked = stored?.properties?.['storageTypeState'] === 'Locked' || protectedItemsOf(store, vault.id).length > 0;
  return storageConfigResource(vault.id, type, crossRegionRestore, locked ? 'Locked' : 'Unlocked');
}

export function parseRedundancy(value: unknown, parameter: string): Redundancy | undefined {
  if (value === undefined || value === null) return undefined;
  const found = REDUNDANCIES.find((r) => typeof value === 'string' && r.toLowerCase() === value.toLowerCase());
  if (!found) throw armErrors.invalidRequestParameter(parameter, `Use one of ${REDUNDANCIES.join(', ')} (got ${JSON.stringify(value)}).`);
  return found;
}

/** The checks every redundancy choice passes, for a new vault or a change to an existing one. */
export function checkRedundancy(next: RedundancyState, region: CatalogRegion | undefined): void {
  if (next.type === 'ZoneRedundant' && (region?.availabilityZones.length ?? 0) === 0) {
    throw armErrors.zoneRedundancyNotSupported(region?.name ?? 'unknown');
  }
  if (next.crossRegionRestore && next.type !== 'GeoRedundant') throw armErrors.crossRegionRestoreNeedsGeoRedundancy(next.type);
}

/**
 * Applies a requested change (fields left undefined keep their value) to the vault and its storage
 * config together, refusing what the service refuses. Returns the saved vault.
 */
export function changeRedundancy(store: Store, vault: ArmResource, requested: Partial<RedundancyState>, region: CatalogRegion | undefined): ArmResource {
  const current = redundancyOfVault(vault);
  const config = storageConfigOf(store, vault);
  const locked = config.properties?.['storageTypeState'] === 'Locked';
  if (requested.type !== undefined && requested.type !== current.type && locked) throw armErrors.storageModelLocked();
  if (current.crossRegionRestore && requested.crossRegionRestore === false) throw armErrors.crossRegionRestoreCannotBeDisabled();
  const next: RedundancyState = {
    type: requested.type ?? current.type,
    crossRegionRestore: requested.crossRegionRestore ?? current.crossRegionRestore,
  };
  if (next.type !== current.type || next.crossRegionRestore !== current.crossRegionRestore) checkRedundancy(next, region);
  return saveRedundancy(store, vault, next);
}

/** Writes the redundancy to the vault and (re)writes its storage config child, keeping its lock state. */
export function saveRedundancy(store: Store, vault: ArmResource, next: RedundancyState): ArmResource {
  const stored = store.get(configId(vault.id));
  const state = stored?.properties?.['storageTypeState'] === 'Locked' ? 'Locked' : 'Unlocked';
  store.put(storageConfigResource(vault.id, next.type, next.crossRegionRestore, state));
  return store.put({
    ...vault,
    properties: {
      ...vault.properties,
      redundancySettings: { standardTierStorageRedundancy: next.type, crossRegionRestore: next.crossRegionRestore ? 'Enabled' : 'Disabled' },
    },
  });
}

/** ARM's weak datetime etag, e.g. W/"datetime'2025-06-01T08%3A00%3A00.123Z'". */
export function vaultEtag(now = new Date()): string {
  return `W/"datetime'${now.toISOString().replace(/:/g, '%3A')}'"`;
}
