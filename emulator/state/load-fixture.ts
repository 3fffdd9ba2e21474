// Reads and validates a tenant fixture, and turns it into ARM wire-format resources plus the
// identity and catalog data the store serves.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Fixture } from './fixture-schema.ts';
import { FixtureSchema } from './fixture-schema.ts';
import { buildIndex, idOf, resourceGroupId, SYSTEM_POLICY_NAMES } from './fixture-refs.ts';
import type { ArmResource, IdentityData } from './store.ts';
import {
  DEFAULT_POLICY, ENHANCED_POLICY, policyResource, protectionResources, resourceGuardProxyResource, storageConfigResource, vaultResource,
} from './wire-backup.ts';
import { FIXTURE_TIME } from './wire-util.ts';
import type { CatalogData } from './wire-catalog.ts';
import { buildCatalog } from './wire-catalog.ts';
import { computeResources, planCompute } from './wire-compute.ts';
import { networkResources, planNetwork, resolve } from './wire-network.ts';
import { lower } from './wire-util.ts';

export { systemPolicies } from './wire-backup.ts';

export const DEFAULT_FIXTURE_PATH = fileURLToPath(new URL('../fixtures/contoso.json', import.meta.url));

/** When a protected item of a fixture does not say when it was last backed up. */
const DEFAULT_LAST_BACKUP_TIME = '2025-05-31T19:04:31.1234567Z';
const MAX_LISTED_ISSUES = 50;

export interface FixtureIssue {
  path: string;
  message: string;
}

export class FixtureError extends Error {
  readonly issues: FixtureIssue[];
  constructor(message: string, issues: FixtureIssue[] = []) {
    super(message);
    this.name = 'FixtureError';
    this.issues = issues;
  }
}

/** Validates parsed JSON; throws a FixtureError listing every bad path. */
export function parseFixture(data: unknown, source = 'fixture'): Fixture {
  const result = FixtureSchema.safeParse(data);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: describePath(data, issue.path), message: issue.message }));
  const listed = issues.slice(0, MAX_LISTED_ISSUES).map((i) => `  - ${i.path}: ${i.message}`);
  if (issues.length > MAX_LISTED_ISSUES) listed.push(`  ... and ${issues.length - MAX_LISTED_ISSUES} more`);
  throw new FixtureError(`Invalid fixture ${source} (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${listed.join('\n')}`, issues);
}

export function loadFixtureFile(path: string): Fixture {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new FixtureError(`Cannot read fixture file ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new FixtureError(`Fixture file ${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseFixture(data, path);
}

// "subscriptions[0].resourceGroups[3].virtualMachines[2]" names nothing a reader can find quickly, so
// array items that have a name are shown by it: subscriptions["Contoso Production"].resourceGroups["rg-apps"]...
function describePath(data: unknown, path: readonly PropertyKey[]): string {
  let text = '';
  let node: unknown = data;
  for (const key of path) {
    if (typeof key === 'number') {
      const item: unknown = Array.isArray(node) ? node[key] : undefined;
      const label = labelOf(item);
      text += label === undefined ? `[${key}]` : `[${JSON.stringify(label)}]`;
      node = item;
    } else {
      const name = String(key);
      text += text === '' ? name : `.${name}`;
      node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[name] : undefined;
    }
  }
  return text === '' ? '(root)' : text;
}

function labelOf(item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const record = item as Record<string, unknown>;
  for (const key of ['name', 'displayName', 'userPrincipalName']) {
    const value = record[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

export interface LoadedState {
  resources: ArmResource[];
  identity: IdentityData;
  catalog: CatalogData;
}

/** Converts a validated fixture; resources come out grouped by resource group, in fixture order. */
export function buildState(fixture: Fixture): LoadedState {
  const index = buildIndex(fixture);
  const network = planNetwork(fixture, index);
  const compute = planCompute(fixture, index);
  const protectedCounts = countProtectedItems(fixture);
  const resources: ArmResource[] = [];
  for (const sub of fixture.subscriptions) {
    for (const rg of sub.resourceGroups) {
      resources.push({
        id: resourceGroupId(sub.subscriptionId, rg.name),
        name: rg.name,
        type: 'Microsoft.Resources/resourceGroups',
        location: rg.location,
        tags: { ...rg.tags },
        properties: { provisioningState: 'Succeeded' },
      });
      resources.push(...networkResources(network, sub, rg));
      const nicIds = (vm: (typeof rg.virtualMachines)[number]): string[] =>
        vm.networkInterfaces.map((nic) => resolve(index, nic, sub, rg, 'networkInterface').id);
      resources.push(...computeResources(compute, sub, rg, nicIds));
      for (const vault of rg.vaults) {
        const vaultId = idOf('vault', sub.subscriptionId, rg.name, vault.name);
        const { security } = vault;
        resources.push(vaultResource(vaultId, {
          location: vault.location ?? rg.location,
          tags: vault.tags,
          storageRedundancy: vault.storageRedundancy,
          crossRegionRestore: vault.crossRegionRestore,
          security: {
            softDeleteState: security.softDelete,
            softDeleteRetentionDays: security.softDeleteRetentionDays,
            immutability: security.immutability,
            crossSubscriptionRestore: security.crossSubscriptionRestore,
            publicNetworkAccess: security.publicNetworkAccess,
            jobFailureAlerts: security.jobFailureAlerts,
          },
          resourceGuarded: security.resourceGuard !== undefined,
        }));
        if (security.resourceGuard) resources.push(resourceGuardProxyResource(vaultId, security.resourceGuard, FIXTURE_TIME));
        const locked = vault.storageConfig ?? (vault.protectedItems.length > 0 ? 'Locked' : 'Unlocked');
        resources.push(storageConfigResource(vaultId, vault.storageRedundancy, vault.crossRegionRestore, locked));
        for (const policy of [DEFAULT_POLICY, ENHANCED_POLICY, ...vault.policies]) {
          const count = protectedCounts.get(lower(`${vaultId}/backupPolicies/${policy.name}`)) ?? 0;
          resources.push(policyResource(vaultId, policy, count));
        }
        for (const item of vault.protectedItems) {
          const vm = resolve(index, item.virtualMachine, sub, rg, 'virtualMachine');
          const policyName = [...SYSTEM_POLICY_NAMES, ...vault.policies.map((p) => p.name)]
            .find((n) => lower(n) === lower(item.policy)) ?? item.policy;
          resources.push(...protectionResources({
            vaultId,
            vmId: vm.id,
            policyId: `${vaultId}/backupPolicies/${policyName}`,
            protectionState: 'Protected',
            lastBackupTime: item.lastBackupTime ?? DEFAULT_LAST_BACKUP_TIME,
          }));
        }
      }
    }
  }
  const identity: IdentityData = {
    tenant: { ...fixture.tenant },
    users: fixture.users.map((u) => ({ ...u })),
    servicePrincipals: fixture.servicePrincipals.map((sp) => ({ ...sp })),
    roleAssignments: fixture.roleAssignments.map((ra) => ({ ...ra })),
  };
  return { resources, identity, catalog: buildCatalog(fixture) };
}

function countProtectedItems(fixture: Fixture): Map<string, number> {
  const counts = new Map<string, number>();
  for (const sub of fixture.subscriptions) {
    for (const rg of sub.resourceGroups) {
      for (const vault of rg.vaults) {
        const vaultId = idOf('vault', sub.subscriptionId, rg.name, vault.name);
        for (const item of vault.protectedItems) {
          const key = lower(`${vaultId}/backupPolicies/${item.policy}`);
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
      }
    }
  }
  return counts;
}
