// Azure VM backup policies of a vault. PUT is asynchronous as in Azure Backup: 202 with
// Location (operationResults) and Azure-AsyncOperation (operations); the policy appears when the
// operation settles. Validation is src/shared/policy-rules.ts, the same rules the wizard applies.
import { policyNameProblems } from '../../src/shared/names.ts';
import { policyProblems, POLICY_ERROR_CODES } from '../../src/shared/policy-rules.ts';
import { API_VERSIONS } from '../arm/api-versions.ts';
import { armErrors } from '../arm/errors.ts';
import { asyncHeaders, operationLocationResult, operationStatusResult } from '../arm/lro.ts';
import { page } from '../arm/paging.ts';
import type { ArmContext, ArmRoute, RouteResult } from '../arm/types.ts';
import type { ArmResource, Store } from '../state/store.ts';
import { POLICY_TYPE, protectedItemsOf, requireVault, VAULT_PREFIX } from './vault-common.ts';

const versions = API_VERSIONS.backup;
const POLICIES = `${VAULT_PREFIX}/{vaultName}/backupPolicies`;
const POLICY = `${POLICIES}/{policyName}`;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function vaultIdOfPolicy(policyId: string): string {
  return policyId.slice(0, policyId.toLowerCase().lastIndexOf('/backuppolicies/'));
}

function protectedCount(store: Store, policy: ArmResource): number {
  const id = policy.id.toLowerCase();
  return protectedItemsOf(store, vaultIdOfPolicy(policy.id)).filter((item) => String(item.properties?.['policyId'] ?? '').toLowerCase() === id).length;
}

/** The policy as the service returns it: protectedItemsCount is computed from the vault's items. */
function policyView(store: Store, policy: ArmResource): ArmResource {
  return { ...policy, properties: { ...policy.properties, protectedItemsCount: protectedCount(store, policy) } };
}

// Fills the defaults the service reports back for fields a request may leave out.
function normalise(properties: Obj): Obj {
  const { protectedItemsCount: _computed, ...rest } = properties;
  const policyType = rest['policyType'] ?? 'V1';
  const schedule = isObj(rest['schedulePolicy']) ? rest['schedulePolicy'] : {};
  const weekly = schedule['scheduleRunFrequency'] === 'Weekly';
  return {
    ...rest,
    policyType,
    timeZone: rest['timeZone'] ?? 'UTC',
    instantRpRetentionRangeInDays: rest['instantRpRetentionRangeInDays'] ?? (policyType === 'V2' ? 7 : weekly ? 5 : 2),
    instantRPDetails: rest['instantRPDetails'] ?? {},
    schedulePolicy: schedule['schedulePolicyType'] === 'SimpleSchedulePolicy' ? { scheduleWeeklyFrequency: 0, ...schedule } : schedule,
  };
}

function getPolicy(ctx: ArmContext): ArmResource {
  const vault = requireVault(ctx);
  const name = ctx.params['policyName'] ?? '';
  const policy = ctx.store.get(`${vault.id}/backupPolicies/${name}`);
  if (!policy) throw armErrors.policyNotFound(name);
  return policy;
}

function listPolicies(ctx: ArmContext): RouteResult {
  const vault = requireVault(ctx);
  const filter = /backupManagementType\s+eq\s+'([^']*)'/i.exec(ctx.query.get('$filter') ?? '');
  const wanted = filter?.[1]?.toLowerCase();
  const policies = ctx.store
    .list({ type: POLICY_TYPE, scope: vault.id })
    .filter((p) => wanted === undefined || String(p.properties?.['backupManagementType'] ?? '').toLowerCase() === wanted)
    .map((p) => policyView(ctx.store, p));
  return { status: 200, body: page(ctx, policies) };
}

function putPolicy(ctx: ArmContext): RouteResult {
  const vault = requireVault(ctx);
  const name = ctx.params['policyName'] ?? '';
  const nameProblems = policyNameProblems(name);
  if (nameProblems.length > 0) {
    throw armErrors.invalidPolicyInput(nameProblems.map((p) => ({ field: 'name', message: `Policy name: ${p.message}`, code: POLICY_ERROR_CODES.invalidInput })));
  }
  const body = isObj(ctx.body) ? ctx.body : {};
  const problems = policyProblems(body['properties']);
  if (problems.length > 0) throw armErrors.invalidPolicyInput(problems);
  const properties = normalise(body['properties'] as Obj);
  const existing = ctx.store.get(`${vault.id}/backupPolicies/${name}`);
  const existingType = existing?.properties?.['policyType'] ?? 'V1';
  if (existing && existingType !== properties['policyType']) {
    throw armErrors.invalidPolicyInput([{
      field: 'policyType',
      message: `The policy is ${String(existingType)}; an existing policy's type cannot be changed. Create a new policy instead.`,
      code: POLICY_ERROR_CODES.invalidInput,
    }]);
  }
  const resource: ArmResource = {
    id: existing?.id ?? `${vault.id}/backupPolicies/${name}`,
    name: existing?.name ?? name,
    type: POLICY_TYPE,
    ...(isObj(body['tags']) ? { tags: body['tags'] as Record<string, string> } : {}),
    properties,
  };
  const store = ctx.store;
  const op = ctx.operations.start(() => {
    if (!store.get(vault.id)) return { status: 'Failed', error: { code: 'ResourceNotFound', message: `The vault '${vault.name}' no longer exists.` } };
    return { status: 'Succeeded', result: policyView(store, store.put(resource)) };
  });
  return {
    status: 202,
    headers: asyncHeaders(ctx, { statusPath: `${resource.id}/operations/${op.id}`, resultPath: `${resource.id}/operationResults/${op.id}` }),
  };
}

function deletePolicy(ctx: ArmContext): RouteResult {
  const vault = requireVault(ctx);
  const policy = ctx.store.get(`${vault.id}/backupPolicies/${ctx.params['policyName'] ?? ''}`);
  if (!policy) return { status: 204 };
  const count = protectedCount(ctx.store, policy);
  if (count > 0) throw armErrors.policyInUse(policy.name, count);
  ctx.store.delete(policy.id);
  return { status: 200 };
}

const base = 'Microsoft.RecoveryServices/Vaults/backupPolicies';

export const backupPolicyRoutes: ArmRoute[] = [
  { method: 'GET', path: POLICIES, apiVersions: versions, action: `${base}/read`, handler: listPolicies },
  { method: 'GET', path: POLICY, apiVersions: versions, action: `${base}/read`, handler: (ctx) => ({ status: 200, body: policyView(ctx.store, getPolicy(ctx)) }) },
  { method: 'PUT', path: POLICY, apiVersions: versions, action: `${base}/write`, handler: putPolicy },
  { method: 'DELETE', path: POLICY, apiVersions: versions, action: `${base}/delete`, handler: deletePolicy },
  {
    method: 'GET',
    path: `${POLICY}/operations/{operationId}`,
    apiVersions: versions,
    action: `${base}/operations/read`,
    handler: (ctx) => operationStatusResult(ctx, ctx.params['operationId'] ?? ''),
  },
  {
    method: 'GET',
    path: `${POLICY}/operationResults/{operationId}`,
    apiVersions: versions,
    action: `${base}/operationResults/read`,
    handler: (ctx) => operationLocationResult(ctx, ctx.params['operationId'] ?? ''),
  },
];
