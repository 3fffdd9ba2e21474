// The vault's backup storage config (backupstorageconfig/vaultstorageconfig): which redundancy the
// vault's backups use and whether Cross Region Restore is on. GET 200, PUT 200 with the resource,
// PATCH 204 with no body (the backup SDK throws on anything else, arm-api.md §2.6).
import { API_VERSIONS } from '../arm/api-versions.ts';
import { armErrors } from '../arm/errors.ts';
import type { ArmContext, ArmRoute } from '../arm/types.ts';
import { findRegion } from '../state/wire-catalog.ts';
import { changeRedundancy, parseRedundancy, requireVault, storageConfigOf, VAULT_PREFIX, type RedundancyState } from './vault-common.ts';

const versions = API_VERSIONS.backup;
const PATH = `${VAULT_PREFIX}/{vaultName}/backupstorageconfig/vaultstorageconfig`;

function requested(ctx: ArmContext): Partial<RedundancyState> {
  const body = ctx.body;
  const properties = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['properties'] : undefined;
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) {
    throw armErrors.invalidRequestParameter('properties', 'The storage config needs a properties object.');
  }
  const p = properties as Record<string, unknown>;
  // storageModelType is the newer name of storageType; both may be sent, and then they must agree.
  const storageType = parseRedundancy(p['storageType'], 'properties.storageType');
  const storageModelType = parseRedundancy(p['storageModelType'], 'properties.storageModelType');
  if (storageType && storageModelType && storageType !== storageModelType) {
    throw armErrors.invalidRequestParameter('properties.storageModelType', `storageModelType (${storageModelType}) and storageType (${storageType}) disagree.`);
  }
  const crr = p['crossRegionRestoreFlag'];
  if (crr !== undefined && crr !== null && typeof crr !== 'boolean') {
    throw armErrors.invalidRequestParameter('properties.crossRegionRestoreFlag', `Use true or false (got ${JSON.stringify(crr)}).`);
  }
  const type = storageModelType ?? storageType;
  return { ...(type ? { type } : {}), ...(typeof crr === 'boolean' ? { crossRegionRestore: crr } : {}) };
}

/** Applies the request's changes to the vault and its config (storageTypeState in the body is ignored: it is derived). */
function apply(ctx: ArmContext) {
  const vault = requireVault(ctx);
  const saved = changeRedundancy(ctx.store, vault, requested(ctx), findRegion(ctx.store.catalog, vault.location ?? ''));
  return storageConfigOf(ctx.store, saved);
}

const read = 'Microsoft.RecoveryServices/Vaults/backupstorageconfig/read';
const write = 'Microsoft.RecoveryServices/Vaults/backupstorageconfig/write';

export const backupStorageConfigRoutes: ArmRoute[] = [
  { method: 'GET', path: PATH, apiVersions: versions, action: read, handler: (ctx) => ({ status: 200, body: storageConfigOf(ctx.store, requireVault(ctx)) }) },
  { method: 'PUT', path: PATH, apiVersions: versions, action: write, handler: (ctx) => ({ status: 200, body: apply(ctx) }) },
  {
    method: 'PATCH',
    path: PATH,
    apiVersions: versions,
    action: write,
    handler: (ctx) => {
      apply(ctx);
      return { status: 204 };
    },
  },
];
