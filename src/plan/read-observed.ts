import { toAzureError } from '../azure/errors.ts';
import type { ArmGateway } from '../azure/gateway.ts';
import type { PermissionEntry } from '../shared/rbac-actions.ts';
import { sameId, securityRuleIdFor, vaultIdFor } from './arm-paths.ts';
import { mapLimit } from './map-limit.ts';
import type { PermissionCheckScopes } from './permission-types.ts';
import type { ObservedProtection, PlanChoices, PlanObserved, SecurityRuleSpec } from './plan-types.ts';
import { readServiceChecks } from './service-checks.ts';

/** The gateway reads the plan needs (a subset, so tests pass a small fake). */
export type PlanReader = Pick<
  ArmGateway,
  | 'getVaultDetails'
  | 'listResourceGroups'
  | 'getStorageConfig'
  | 'getVmPolicy'
  | 'getSecurityRule'
  | 'listProtectedVms'
  | 'getVmProtectionStatus'
  | 'getPermissions'
  | 'preValidateProtection'
  | 'validateVmBackupFeature'
  | 'listVirtualMachines'
>;

/** Reads in parallel, but gently: ARM throttles per subscription. */
const CONCURRENCY = 6;

/**
 * What ARM says now about everything the plan would write: get before put. The plan then decides what is
 * "no change". Any failed read rejects (the caller shows it and offers a retry): a plan built on a guess
 * could send a write that isn't needed, or skip one that is.
 */
export async function readPlanObserved(gateway: PlanReader, choices: PlanChoices): Promise<PlanObserved> {
  const sub = choices.subscriptionId;
  const { name, resourceGroup } = choices.vault;
  const vault = await gateway.getVaultDetails(sub, resourceGroup, name);
  const vaultRef = { subscriptionId: sub, resourceGroup, vaultName: name };

  const [resourceGroupExists, storageConfig, policy, protectedVms, rules] = await Promise.all([
    vault ? Promise.resolve(true) : gateway.listResourceGroups(sub).then((groups) => groups.some((g) => sameId(g.name, resourceGroup))),
    vault ? gateway.getStorageConfig(sub, resourceGroup, name) : Promise.resolve(null),
    vault ? gateway.getVmPolicy(vaultRef, choices.policy.name) : Promise.resolve(null),
    vault ? gateway.listProtectedVms(vaultRef) : Promise.resolve([]),
    mapLimit(choices.nsgRules, CONCURRENCY, async (rule) => {
      const id = securityRuleIdFor(rule.nsgId, rule.name);
      const read = await gateway.getSecurityRule(id);
      return [id.toLowerCase(), read ? toSpec(read) : null] as const;
    }),
  ]);

  const protection: Record<string, ObservedProtection | null> = {};
  for (const item of protectedVms) {
    protection[item.vmId.toLowerCase()] = { vaultId: vault?.id ?? '', policyId: item.policyId, policyName: item.policyName };
  }
  // A VM this vault does not protect may be protected by another vault: the region's backupStatus says which.
  const others = choices.vms.filter((vm) => !(vm.id.toLowerCase() in protection));
  // The check is an action (POST) a Reader may not run; the plan then says it could not check, rather than fail.
  const protectionUnchecked: Record<string, string> = {};
  const statuses = await mapLimit(others, CONCURRENCY, (vm) =>
    gateway.getVmProtectionStatus(sub, choices.vault.location, vm.id).catch((error: unknown) => {
      protectionUnchecked[vm.id.toLowerCase()] = `${toAzureError(error).code} (${toAzureError(error).message})`;
      return null;
    }),
  );
  others.forEach((vm, i) => {
    const status = statuses[i];
    protection[vm.id.toLowerCase()] = status ? { vaultId: status.vaultId, policyId: '', policyName: status.policyName } : null;
  });
  // Azure Backup's own pre-checks, for the VMs no vault protects yet (the others are "no change" or conflicts already).
  const toProtect = choices.vms.filter((vm) => protection[vm.id.toLowerCase()] === null);
  const serviceChecks = await readServiceChecks(gateway, choices, vault?.id ?? vaultIdFor(sub, resourceGroup, name), toProtect, CONCURRENCY);

  return {
    resourceGroupExists,
    vault: vault ? { id: vault.id, location: vault.location } : null,
    storageConfig,
    policy: policy ? { id: policy.id, name: policy.name, policyType: policy.properties?.policyType ?? null } : null,
    nsgRules: Object.fromEntries(rules),
    protection,
    ...(Object.keys(protectionUnchecked).length > 0 ? { protectionUnchecked } : {}),
    security: vault?.security ?? null,
    serviceChecks,
  };
}

function toSpec(rule: SecurityRuleSpec): SecurityRuleSpec {
  const spec: SecurityRuleSpec = {
    priority: rule.priority,
    protocol: rule.protocol,
    access: rule.access,
    direction: rule.direction,
    sourceAddressPrefix: rule.sourceAddressPrefix,
    sourcePortRange: rule.sourcePortRange,
    destinationPortRange: rule.destinationPortRange,
  };
  if (rule.destinationAddressPrefix !== undefined) spec.destinationAddressPrefix = rule.destinationAddressPrefix;
  if (rule.destinationAddressPrefixes !== undefined) spec.destinationAddressPrefixes = [...rule.destinationAddressPrefixes];
  if (rule.description !== undefined) spec.description = rule.description;
  return spec;
}

/** The permissions API's answer for each scope; a scope whose read failed holds the Error (shown as "could not check"). */
export async function readScopePermissions(gateway: Pick<ArmGateway, 'getPermissions'>, scopes: readonly string[]): Promise<PermissionCheckScopes> {
  const answers = await mapLimit(scopes, CONCURRENCY, async (scope): Promise<readonly PermissionEntry[] | Error> => {
    try {
      return await gateway.getPermissions(scope);
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  });
  return new Map(scopes.map((scope, i) => [scope.toLowerCase(), answers[i] ?? new Error('No answer.')]));
}
