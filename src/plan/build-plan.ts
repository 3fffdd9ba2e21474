import {
  containerNameFor,
  nameFromId,
  policyIdFor,
  protectedItemIdFor,
  protectedItemNameFor,
  resourceGroupIdFor,
  sameId,
  securityRuleIdFor,
  storageConfigIdFor,
  vaultIdFor,
} from './arm-paths.ts';
import type {
  Plan,
  PlanChoices,
  PlanItem,
  PlanObserved,
  RequiredPermission,
  SecurityRuleSpec,
} from './plan-types.ts';
import { securityItems } from './security-plan.ts';
import { describeRedundancy } from './words.ts';

/** The ARM actions each write needs (what the permission pre-check asks about). */
export const WRITE_ACTIONS = {
  resourceGroup: 'Microsoft.Resources/subscriptions/resourceGroups/write',
  vault: 'Microsoft.RecoveryServices/vaults/write',
  storageConfig: 'Microsoft.RecoveryServices/vaults/backupstorageconfig/write',
  policy: 'Microsoft.RecoveryServices/vaults/backupPolicies/write',
  securityRule: 'Microsoft.Network/networkSecurityGroups/securityRules/write',
  protectedItem: 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems/write',
  virtualMachine: 'Microsoft.Compute/virtualMachines/write',
} as const;

export const ONE_WAY_DOORS = {
  replicationLocks:
    'Storage replication locks when the first virtual machine is protected: after that it can only be changed by stopping protection and deleting the backup data, or by using a new vault.',
  firstProtectionLocks: 'This is the first virtual machine the vault protects: it locks the vault\'s storage replication',
  crossRegionRestore: 'Cross-region restore cannot be turned off once protection has started.',
  enhancedPolicy: 'Virtual machines protected with an Enhanced policy cannot be moved back to a Standard policy.',
} as const;

const lower = (s: string) => s.toLowerCase();

function normalisedRule(rule: SecurityRuleSpec) {
  const list = (values: readonly string[] | undefined) => (values ?? []).map(lower).sort().join(',');
  return [
    rule.priority,
    lower(rule.protocol),
    lower(rule.access),
    lower(rule.direction),
    lower(rule.sourceAddressPrefix),
    lower(rule.sourcePortRange),
    lower(rule.destinationPortRange),
    lower(rule.destinationAddressPrefix ?? ''),
    list(rule.destinationAddressPrefixes),
  ].join('|');
}

/** True when an existing rule already does what the chosen one would (the description is not compared). */
export function sameSecurityRule(a: SecurityRuleSpec, b: SecurityRuleSpec): boolean {
  return normalisedRule(a) === normalisedRule(b);
}

const countItems = (items: PlanItem[]): Plan => ({
  items,
  writeCount: items.filter((item) => item.action === 'create' || item.action === 'update').length,
  conflictCount: items.filter((item) => item.action === 'conflict').length,
});

/** Only writes still to do are checked: nothing is needed to leave a thing as it is. */
const needs = (sends: boolean, permissions: RequiredPermission[]): RequiredPermission[] => (sends ? permissions : []);

/**
 * Every write still to do, in the order the Enable step sends them: resource group, vault, replication,
 * policy, NSG rules, then one protection per VM. What is already in place is "no change"; what cannot be
 * done as chosen is a "conflict" with the reason. Pure: ARM's answers come in `observed`.
 */
export function buildPlan(choices: PlanChoices, observed: PlanObserved): Plan {
  const { subscriptionId: sub, vault } = choices;
  const items: PlanItem[] = [];
  const subscriptionScope = { scope: `/subscriptions/${sub}`, scopeLabel: 'the subscription' };
  const rgId = resourceGroupIdFor(sub, vault.resourceGroup);
  const rgScope = observed.resourceGroupExists ? { scope: rgId, scopeLabel: `resource group ${vault.resourceGroup}` } : subscriptionScope;
  const vaultId = observed.vault?.id ?? vaultIdFor(sub, vault.resourceGroup, vault.name);
  // A resource not created yet has no permissions of its own: its parent's are what will apply.
  const vaultScope = observed.vault ? { scope: vaultId, scopeLabel: `vault ${vault.name}` } : rgScope;
  const vaultRef = { subscriptionId: sub, resourceGroup: vault.resourceGroup, vaultName: vault.name };

  if (!observed.vault && !observed.resourceGroupExists) {
    items.push({
      key: 'resourceGroup',
      kind: 'resourceGroup',
      action: 'create',
      title: `Create resource group ${vault.resourceGroup}`,
      detail: `The resource group does not exist yet; it is created in ${vault.location} to hold the vault.`,
      targetId: rgId,
      oneWayDoors: [],
      permissions: [{ action: WRITE_ACTIONS.resourceGroup, ...subscriptionScope }],
      write: { kind: 'resourceGroup', subscriptionId: sub, name: vault.resourceGroup, location: vault.location },
    });
  }

  if (observed.vault) {
    const moved = lower(observed.vault.location) !== lower(vault.location);
    items.push({
      key: 'vault',
      kind: 'vault',
      action: moved ? 'conflict' : 'noChange',
      title: `Vault ${vault.name}`,
      detail: moved
        ? `The vault is in ${observed.vault.location}, not in ${vault.location} where the chosen virtual machines are. Choose the vault again on the Vault step.`
        : `Already exists in ${observed.vault.location}.`,
      targetId: vaultId,
      oneWayDoors: [],
      permissions: [],
      write: null,
    });
  } else {
    items.push({
      key: 'vault',
      kind: 'vault',
      action: 'create',
      title: `Create vault ${vault.name}`,
      detail: `A Recovery Services vault (Standard) in ${vault.location}, resource group ${vault.resourceGroup}.`,
      targetId: vaultId,
      oneWayDoors: [],
      permissions: [{ action: WRITE_ACTIONS.vault, ...rgScope }],
      write: {
        kind: 'vault',
        subscriptionId: sub,
        resourceGroup: vault.resourceGroup,
        name: vault.name,
        location: vault.location,
        ...(vault.tags ? { tags: { ...vault.tags } } : {}),
      },
    });
  }

  const config = observed.storageConfig;
  const chosen = choices.replication;
  const locked = config?.locked ?? false;
  {
    let action: PlanItem['action'];
    let detail: string;
    if (chosen === null) {
      action = 'noChange';
      detail = config ? `Stays ${describeRedundancy(config)}.` : 'The new vault keeps its default, geo-redundant storage.';
    } else if (!config) {
      action = 'update';
      detail = `Set to ${describeRedundancy(chosen)} once the vault exists.`;
    } else if (config.storageType === chosen.storageType && config.crossRegionRestore === chosen.crossRegionRestore) {
      action = 'noChange';
      detail = `Already ${describeRedundancy(config)}${locked ? ' (Locked)' : ''}.`;
    } else if (locked) {
      action = 'conflict';
      detail = `The vault is Locked at ${describeRedundancy(config)} because it already protects a virtual machine; it cannot become ${describeRedundancy(chosen)}. Accept the vault's setting on the Replication step, or use another vault.`;
    } else {
      action = 'update';
      detail = `From ${describeRedundancy(config)} to ${describeRedundancy(chosen)}.`;
    }
    const oneWayDoors: string[] = [];
    if (!locked) oneWayDoors.push(ONE_WAY_DOORS.replicationLocks);
    if (!locked && (chosen ?? config)?.crossRegionRestore) oneWayDoors.push(ONE_WAY_DOORS.crossRegionRestore);
    const sends = action === 'update';
    items.push({
      key: 'replication',
      kind: 'replication',
      action,
      title: 'Storage replication',
      detail,
      targetId: storageConfigIdFor(vaultId),
      oneWayDoors,
      permissions: needs(sends, [{ action: WRITE_ACTIONS.storageConfig, ...vaultScope }]),
      write:
        sends && chosen
          ? { kind: 'replication', ...vaultRef, storageType: chosen.storageType, crossRegionRestore: chosen.crossRegionRestore }
          : null,
    });
  }

  items.push(...securityItems(choices, observed, vaultId));

  const policy = observed.policy;
  const policyId = policy?.id ?? policyIdFor(vaultId, choices.policy.name);
  const policyType = policy?.policyType ?? choices.policy.policyType ?? choices.policy.payload?.properties.policyType ?? null;
  const enhanced = policyType === 'V2';
  {
    const payload = choices.policy.payload;
    const action: PlanItem['action'] = policy ? 'noChange' : payload ? 'create' : 'conflict';
    items.push({
      key: 'policy',
      kind: 'policy',
      action,
      title: action === 'create' ? `Create policy ${choices.policy.name}` : `Policy ${choices.policy.name}`,
      detail:
        action === 'noChange'
          ? 'Already in the vault; it is reused.'
          : action === 'create'
            ? `A new ${enhanced ? 'Enhanced' : 'Standard'} policy in the vault.`
            : `The vault has no policy named ${choices.policy.name} any more. Choose or create a policy on the Policy step.`,
      targetId: policyId,
      oneWayDoors: enhanced ? [ONE_WAY_DOORS.enhancedPolicy] : [],
      permissions: needs(action === 'create', [{ action: WRITE_ACTIONS.policy, ...vaultScope }]),
      write: action === 'create' && payload ? { kind: 'policy', ...vaultRef, name: choices.policy.name, payload } : null,
    });
  }

  for (const rule of choices.nsgRules) {
    const ruleId = securityRuleIdFor(rule.nsgId, rule.name);
    const existing = observed.nsgRules[lower(ruleId)] ?? null;
    const nsgName = nameFromId(rule.nsgId);
    const action: PlanItem['action'] = existing === null ? 'create' : sameSecurityRule(existing, rule.properties) ? 'noChange' : 'update';
    const sends = action !== 'noChange';
    items.push({
      key: `nsgRule:${lower(ruleId)}`,
      kind: 'nsgRule',
      action,
      title: `${action === 'create' ? 'Add' : action === 'update' ? 'Update' : 'Rule'} ${rule.name} in NSG ${nsgName}`,
      detail:
        action === 'create'
          ? `${describeRule(rule.properties)}.`
          : action === 'update'
            ? `A rule with this name exists but differs; it is replaced by: ${describeRule(rule.properties)}.`
            : `Already in place: ${describeRule(rule.properties)}.`,
      targetId: ruleId,
      oneWayDoors: [],
      permissions: needs(sends, [{ action: WRITE_ACTIONS.securityRule, scope: rule.nsgId, scopeLabel: `network security group ${nsgName}` }]),
      write: sends ? { kind: 'nsgRule', nsgId: rule.nsgId, name: rule.name, properties: { ...rule.properties } } : null,
    });
  }

  if (choices.proxy) {
    items.push({
      key: 'proxy',
      kind: 'proxy',
      action: 'manual',
      title: `HTTP proxy ${choices.proxy.proxyIp}:${choices.proxy.proxyPort}`,
      detail: 'Set up inside each virtual machine and on the proxy, following the Network step; the wizard sends nothing for it.',
      targetId: '',
      oneWayDoors: [],
      permissions: [],
      write: null,
    });
  }

  let lockPending = !locked;
  for (const vm of choices.vms) {
    const protection = observed.protection[lower(vm.id)] ?? null;
    let action: PlanItem['action'];
    let detail: string;
    const standardRefused = policyType === 'V1' && (vm.needsEnhanced?.length ?? 0) > 0;
    if (standardRefused) {
      action = 'conflict';
      detail = `Needs an Enhanced policy (${(vm.needsEnhanced ?? []).join('; ')}), and ${choices.policy.name} is a Standard policy: Azure would refuse it. Choose or create an Enhanced policy on the Policy step, or leave ${vm.name} out.`;
    } else if (protection && !sameId(protection.vaultId, vaultId)) {
      action = 'conflict';
      detail = `Already protected by vault ${nameFromId(protection.vaultId)}; a virtual machine is backed up by one vault only. Stop its protection there, or leave it out.`;
    } else if (protection && sameId(protection.policyId, policyId)) {
      action = 'noChange';
      detail = `Already protected with policy ${protection.policyName || nameFromId(protection.policyId)}.`;
    } else if (protection) {
      action = 'update';
      detail = `Protected with policy ${protection.policyName || nameFromId(protection.policyId)}; it moves to policy ${choices.policy.name}.`;
    } else {
      action = 'create';
      const unchecked = observed.protectionUnchecked?.[lower(vm.id)];
      detail = `Back up with policy ${choices.policy.name}.${unchecked ? ` Whether another vault already protects it could not be checked: ${unchecked}` : ''}`;
    }
    const serviceCheck = action === 'create' ? observed.serviceChecks?.[lower(vm.id)] : undefined;
    if (serviceCheck?.verdict === 'blocked') {
      // A "no" from Azure Backup itself: the protection would be refused, so nothing is sent for this VM.
      action = 'conflict';
      detail = `Azure Backup’s own pre-check refuses it: ${serviceCheck.message} (${serviceCheck.code}).${serviceCheck.recommendation ? ` ${serviceCheck.recommendation}` : ''} Leave it out, or fix it and check again.`;
    }
    const sends = action === 'create' || action === 'update';
    const oneWayDoors: string[] = [];
    if (sends && lockPending) {
      const replication = chosen ?? config;
      const what = replication ? ` at ${describeRedundancy(replication)}` : '';
      oneWayDoors.push(`${ONE_WAY_DOORS.firstProtectionLocks}${what}; from then on it cannot be changed.`);
      lockPending = false;
    }
    if (sends && enhanced) oneWayDoors.push(ONE_WAY_DOORS.enhancedPolicy);
    items.push({
      key: `protect:${lower(vm.id)}`,
      kind: 'protect',
      action,
      title: `Enable protection of ${vm.name}`,
      detail,
      ...(serviceCheck ? { serviceCheck } : {}),
      vmId: vm.id,
      targetId: protectedItemIdFor(vaultId, vm.resourceGroup, vm.name),
      oneWayDoors,
      permissions: needs(sends, [
        { action: WRITE_ACTIONS.protectedItem, ...vaultScope },
        { action: WRITE_ACTIONS.virtualMachine, scope: vm.id, scopeLabel: `virtual machine ${vm.name}` },
      ]),
      write: sends
        ? {
            kind: 'protect',
            ...vaultRef,
            vmId: vm.id,
            vmName: vm.name,
            vmResourceGroup: vm.resourceGroup,
            containerName: containerNameFor(vm.resourceGroup, vm.name),
            protectedItemName: protectedItemNameFor(vm.resourceGroup, vm.name),
            policyId,
          }
        : null,
    });
  }

  return countItems(items);
}

/** "Allow outbound TCP 443 to AzureBackup, priority 200". */
export function describeRule(rule: SecurityRuleSpec): string {
  const destination = rule.destinationAddressPrefix ?? (rule.destinationAddressPrefixes ?? []).join(', ');
  const protocol = rule.protocol === '*' ? 'any protocol' : rule.protocol.toUpperCase();
  return `${rule.access} ${lower(rule.direction)} ${protocol} ${rule.destinationPortRange} from ${rule.sourceAddressPrefix} to ${destination}, priority ${rule.priority}`;
}
