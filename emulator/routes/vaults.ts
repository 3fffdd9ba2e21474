// Microsoft.RecoveryServices vaults: create (long-running), read, list, update, delete
// (long-running), their operation endpoints, and the name-availability check.
import { vaultNameProblems } from '../../src/shared/names.ts';
import { API_VERSIONS } from '../arm/api-versions.ts';
import { armErrors } from '../arm/errors.ts';
import { asyncHeaders, operationLocationResult, operationStatusResult } from '../arm/lro.ts';
import { page } from '../arm/paging.ts';
import type { ArmContext, ArmRoute, RouteResult } from '../arm/types.ts';
import type { ArmResource } from '../state/store.ts';
import { systemPolicies, vaultResource } from '../state/wire-backup.ts';
import { findRegion } from '../state/wire-catalog.ts';
import { stableGuid } from '../state/wire-util.ts';
import {
  changeRedundancy, checkRedundancy, parseRedundancy, protectedItemsOf, redundancyOfVault, requireVault, saveRedundancy,
  VAULT_PREFIX, VAULT_TYPE, vaultEtag, vaultIdOf, type RedundancyState,
} from './vault-common.ts';
import { securitySections } from './vault-security.ts';

const versions = API_VERSIONS.vaults;
const NAMESPACE = 'Microsoft.RecoveryServices';
const VAULT = `${VAULT_PREFIX}/{vaultName}`;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

// What clients may set as sent; the security sections (public network access, security, restore and
// monitoring settings) go through vault-security.ts, everything else is computed by the service.
const WRITABLE = ['encryption', 'upgradeDetails'];

function writableProperties(properties: Obj | undefined): Obj {
  return Object.fromEntries(Object.entries(properties ?? {}).filter(([k]) => WRITABLE.includes(k)));
}

function parseBody(ctx: ArmContext): { location?: unknown; tags?: unknown; sku?: unknown; identity?: unknown; properties?: Obj } {
  const body = ctx.body ?? {};
  if (!isObj(body)) throw armErrors.invalidRequestBody('The request body must be a JSON object.');
  if (body['properties'] !== undefined && body['properties'] !== null && !isObj(body['properties'])) {
    throw armErrors.invalidRequestBody('properties must be a JSON object.', 'properties');
  }
  return { ...body, ...(isObj(body['properties']) ? { properties: body['properties'] } : {}) } as ReturnType<typeof parseBody>;
}

function parseTags(value: unknown): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObj(value) || Object.values(value).some((v) => typeof v !== 'string')) {
    throw armErrors.invalidRequestBody('tags must be an object of string values.', 'tags');
  }
  return value as Record<string, string>;
}

function parseSku(value: unknown): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  const name = isObj(value) ? value['name'] : undefined;
  if (typeof name !== 'string' || !['standard', 'rs0'].includes(name.toLowerCase())) throw armErrors.invalidVaultSku(String(name));
  // The service answers "Standard" requests with RS0/Standard (PUTVault.json).
  return { name: 'RS0', tier: 'Standard' };
}

function parseIdentity(value: unknown, tenantId: string, vaultId: string): Record<string, unknown> | undefined {
  if (!isObj(value) || typeof value['type'] !== 'string' || value['type'] === 'None') return undefined;
  if (value['type'] !== 'SystemAssigned') return { ...value };
  return { type: 'SystemAssigned', tenantId, principalId: stableGuid(`identity:${vaultId}`) };
}

function requestedRedundancy(properties: Obj | undefined): Partial<RedundancyState> {
  const settings = properties?.['redundancySettings'];
  if (settings === undefined || settings === null) return {};
  const param = 'properties.redundancySettings';
  if (!isObj(settings)) throw armErrors.invalidRequestParameter(param, 'Expected an object.');
  const type = parseRedundancy(settings['standardTierStorageRedundancy'], `${param}.standardTierStorageRedundancy`);
  const crr = settings['crossRegionRestore'];
  if (crr !== undefined && crr !== null && !(typeof crr === 'string' && ['enabled', 'disabled'].includes(crr.toLowerCase()))) {
    throw armErrors.invalidRequestParameter(`${param}.crossRegionRestore`, `Use Enabled or Disabled (got ${JSON.stringify(crr)}).`);
  }
  return {
    ...(type ? { type } : {}),
    ...(typeof crr === 'string' ? { crossRegionRestore: crr.toLowerCase() === 'enabled' } : {}),
  };
}

function regionOf(ctx: ArmContext, vault: ArmResource) {
  return findRegion(ctx.store.catalog, vault.location ?? '');
}

function asyncResult(ctx: ArmContext, vaultId: string, operationId: string, status: number, body?: unknown): RouteResult {
  return {
    status,
    ...(body === undefined ? {} : { body }),
    headers: asyncHeaders(ctx, { statusPath: `${vaultId}/operationStatus/${operationId}`, resultPath: `${vaultId}/operationResults/${operationId}` }),
  };
}

function createVault(ctx: ArmContext, body: ReturnType<typeof parseBody>, location: string): RouteResult {
  const name = ctx.params['vaultName'] ?? '';
  const problems = vaultNameProblems(name);
  if (problems.length > 0) throw armErrors.invalidResourceName(name, VAULT_TYPE, problems.map((p) => p.message).join(' '));
  const region = findRegion(ctx.store.catalog, location);
  const requested = requestedRedundancy(body.properties);
  const redundancy: RedundancyState = { type: requested.type ?? 'GeoRedundant', crossRegionRestore: requested.crossRegionRestore ?? false };
  checkRedundancy(redundancy, region);
  const rg = ctx.store.get(`/subscriptions/${ctx.params['subscriptionId']}/resourceGroups/${ctx.params['resourceGroupName']}`);
  const id = rg ? `${rg.id}/providers/${VAULT_TYPE}/${name}` : vaultIdOf(ctx);
  const security = securitySections(ctx.store, id, body.properties, undefined);
  const base = vaultResource(id, { location, tags: parseTags(body.tags) ?? {}, storageRedundancy: redundancy.type, crossRegionRestore: redundancy.crossRegionRestore });
  const identity = parseIdentity(body.identity, ctx.store.identity.tenant.tenantId, id);
  // The vault is visible at once with provisioningState "Creating": the SDK follows Azure-AsyncOperation
  // and then GETs the vault, and a plain ARM client polling the vault (Body mode) also sees it finish.
  ctx.store.put({
    ...base,
    etag: vaultEtag(),
    sku: parseSku(body.sku) ?? { name: 'RS0', tier: 'Standard' },
    ...(identity ? { identity } : {}),
    properties: { ...base.properties, ...writableProperties(body.properties), ...security, provisioningState: 'Creating' },
  });
  const store = ctx.store;
  const op = ctx.operations.start(() => {
    const current = store.get(id);
    if (!current) return { status: 'Failed', error: { code: 'ResourceNotFound', message: `The vault '${name}' was deleted before its creation finished.` } };
    const done = saveRedundancy(store, { ...current, properties: { ...current.properties, provisioningState: 'Succeeded' } }, redundancyOfVault(current));
    for (const policy of systemPolicies(id)) if (!store.get(policy.id)) store.put(policy);
    return { status: 'Succeeded', result: done };
  });
  return asyncResult(ctx, id, op.id, 201, ctx.store.get(id));
}

function updateVault(ctx: ArmContext, existing: ArmResource, body: ReturnType<typeof parseBody>, replaceTags: boolean): ArmResource {
  const requested = requestedRedundancy(body.properties);
  const tags = parseTags(body.tags);
  const sku = parseSku(body.sku);
  const identity = body.identity === undefined ? existing.identity : parseIdentity(body.identity, ctx.store.identity.tenant.tenantId, existing.id);
  // Checked before anything is saved: a refused security change leaves the vault as it was.
  const security = securitySections(ctx.store, existing.id, body.properties, existing);
  const saved = Object.keys(requested).length > 0 ? changeRedundancy(ctx.store, existing, requested, regionOf(ctx, existing)) : existing;
  const { identity: _old, ...rest } = saved;
  return ctx.store.put({
    ...rest,
    ...(identity ? { identity } : {}),
    tags: tags ?? (replaceTags ? {} : (saved.tags ?? {})),
    sku: sku ?? saved.sku ?? { name: 'RS0', tier: 'Standard' },
    etag: vaultEtag(),
    properties: { ...saved.properties, ...writableProperties(body.properties), ...security },
  });
}

function putVault(ctx: ArmContext): RouteResult {
  const registration = ctx.store.catalog.registrations[(ctx.params['subscriptionId'] ?? '').toLowerCase()]?.[NAMESPACE];
  if (registration !== undefined && registration !== 'Registered') throw armErrors.missingSubscriptionRegistration(NAMESPACE);
  const body = parseBody(ctx);
  if (typeof body.location !== 'string' || body.location.trim() === '') throw armErrors.locationRequired();
  const offered = ctx.store.catalog.regions.filter((r) => r.recoveryServicesVaults);
  const region = findRegion(ctx.store.catalog, body.location);
  if (!region || !region.recoveryServicesVaults) throw armErrors.invalidLocation(body.location, VAULT_TYPE, offered.map((r) => r.name));
  const existing = ctx.store.get(vaultIdOf(ctx));
  if (!existing) return createVault(ctx, body, region.name);
  if (existing.location !== region.name) {
    throw armErrors.invalidResourceLocation(existing.name, existing.location ?? '', region.name, existing.id.split('/')[4] ?? '');
  }
  return { status: 200, body: updateVault(ctx, existing, body, true) };
}

function deleteVault(ctx: ArmContext): RouteResult {
  const vault = ctx.store.get(vaultIdOf(ctx));
  if (!vault) return { status: 204 };
  if (protectedItemsOf(ctx.store, vault.id).length > 0) throw armErrors.vaultNotEmpty();
  const store = ctx.store;
  const op = ctx.operations.start(() => {
    store.delete(vault.id);
    return { status: 'Succeeded' };
  });
  return asyncResult(ctx, vault.id, op.id, 202);
}

// Uniqueness follows the spec's semantics (arm-api.md §1a): a name is taken when a vault with the
// same name exists anywhere in the subscription, although ARM would accept it in another resource
// group. The spec's "deleted less than 24 h ago" rule is not modelled.
function checkNameAvailability(ctx: ArmContext): RouteResult {
  const body = isObj(ctx.body) ? ctx.body : {};
  const type = body['type'];
  const name = body['name'];
  if (typeof type !== 'string' || type.toLowerCase() !== VAULT_TYPE.toLowerCase()) {
    throw armErrors.invalidRequestParameter('type', `Use "Microsoft.RecoveryServices/Vaults" (got ${JSON.stringify(type ?? null)}).`);
  }
  if (typeof name !== 'string') throw armErrors.invalidRequestParameter('name', 'A vault name is required.');
  const region = findRegion(ctx.store.catalog, ctx.params['location'] ?? '');
  if (!region || !region.recoveryServicesVaults) {
    const offered = ctx.store.catalog.regions.filter((r) => r.recoveryServicesVaults).map((r) => r.name);
    throw armErrors.invalidLocation(ctx.params['location'] ?? '', VAULT_TYPE, offered);
  }
  const problems = vaultNameProblems(name);
  if (problems.length > 0) return { status: 200, body: { nameAvailable: false, reason: 'Invalid', message: problems.map((p) => p.message).join(' ') } };
  const taken = ctx.store
    .list({ type: VAULT_TYPE, scope: `/subscriptions/${ctx.params['subscriptionId']}` })
    .some((v) => v.name.toLowerCase() === name.toLowerCase());
  return { status: 200, body: taken ? { nameAvailable: false, reason: 'AlreadyExists', message: 'Resource already exists with the same name.' } : { nameAvailable: true } };
}

const read = 'Microsoft.RecoveryServices/Vaults/read';

export const vaultRoutes: ArmRoute[] = [
  {
    method: 'GET',
    path: `/subscriptions/{subscriptionId}/providers/${VAULT_TYPE}`,
    apiVersions: versions,
    action: read,
    handler: (ctx) => ({ status: 200, body: page(ctx, ctx.store.list({ type: VAULT_TYPE, scope: `/subscriptions/${ctx.params['subscriptionId']}` })) }),
  },
  {
    method: 'GET',
    path: VAULT_PREFIX,
    apiVersions: versions,
    action: read,
    handler: (ctx) => {
      const scope = `/subscriptions/${ctx.params['subscriptionId']}/resourceGroups/${ctx.params['resourceGroupName']}`;
      return { status: 200, body: page(ctx, ctx.store.list({ type: VAULT_TYPE, scope })) };
    },
  },
  { method: 'GET', path: VAULT, apiVersions: versions, action: read, handler: (ctx) => ({ status: 200, body: requireVault(ctx) }) },
  { method: 'PUT', path: VAULT, apiVersions: versions, action: 'Microsoft.RecoveryServices/Vaults/write', handler: putVault },
  {
    method: 'PATCH',
    path: VAULT,
    apiVersions: versions,
    action: 'Microsoft.RecoveryServices/Vaults/write',
    handler: (ctx) => ({ status: 200, body: updateVault(ctx, requireVault(ctx), parseBody(ctx), false) }),
  },
  { method: 'DELETE', path: VAULT, apiVersions: versions, action: 'Microsoft.RecoveryServices/Vaults/delete', handler: deleteVault },
  {
    method: 'GET',
    path: `${VAULT}/operationStatus/{operationId}`,
    apiVersions: versions,
    action: 'Microsoft.RecoveryServices/Vaults/operationStatus/read',
    handler: (ctx) => operationStatusResult(ctx, ctx.params['operationId'] ?? ''),
  },
  {
    method: 'GET',
    path: `${VAULT}/operationResults/{operationId}`,
    apiVersions: versions,
    action: 'Microsoft.RecoveryServices/Vaults/operationResults/read',
    handler: (ctx) => operationLocationResult(ctx, ctx.params['operationId'] ?? ''),
  },
  {
    method: 'POST',
    path: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.RecoveryServices/locations/{location}/checkNameAvailability',
    apiVersions: versions,
    action: 'Microsoft.RecoveryServices/locations/checkNameAvailability/action',
    handler: checkNameAvailability,
  },
];
