import { describe, expect, it } from 'vitest';
import type { VmPolicyPayload } from '../azure/policy-types.ts';
import { buildPlan, ONE_WAY_DOORS, sameSecurityRule, WRITE_ACTIONS } from './build-plan.ts';
import type { PlanChoices, PlanItem, PlanObserved, SecurityRuleSpec } from './plan-types.ts';

const SUB = '8c6b1f3e-2a4d-4f5b-9e7c-0a1b2c3d4e5f';
const RG_ID = `/subscriptions/${SUB}/resourceGroups/rg-backup`;
const VAULT_ID = `${RG_ID}/providers/Microsoft.RecoveryServices/vaults/rsv-prod-weu`;
const OTHER_VAULT_ID = `/subscriptions/${SUB}/resourceGroups/rg-old/providers/Microsoft.RecoveryServices/vaults/rsv-old`;
const vmId = (rg: string, name: string) => `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.Compute/virtualMachines/${name}`;
const WEB = { id: vmId('rg-web', 'web-01'), name: 'web-01', resourceGroup: 'rg-web' };
const APP = { id: vmId('rg-apps', 'app-linux-01'), name: 'app-linux-01', resourceGroup: 'rg-apps' };
const NSG_ID = `/subscriptions/${SUB}/resourceGroups/rg-network/providers/Microsoft.Network/networkSecurityGroups/nsg-snet-locked`;

const RULE: SecurityRuleSpec = {
  priority: 190,
  protocol: 'Tcp',
  access: 'Allow',
  direction: 'Outbound',
  sourceAddressPrefix: 'VirtualNetwork',
  sourcePortRange: '*',
  destinationPortRange: '443',
  destinationAddressPrefix: 'AzureBackup',
  description: 'Azure VM backup: allow HTTPS to AzureBackup.',
};

const PAYLOAD = { properties: { policyType: 'V2' } } as unknown as VmPolicyPayload;

function choices(change: Partial<PlanChoices> = {}): PlanChoices {
  return {
    subscriptionId: SUB,
    vault: { name: 'rsv-prod-weu', resourceGroup: 'rg-backup', location: 'westeurope' },
    replication: { storageType: 'GeoRedundant', crossRegionRestore: false },
    policy: { name: 'DefaultPolicy', policyType: 'V1' },
    nsgRules: [],
    proxy: null,
    vms: [WEB, APP],
    ...change,
  };
}

/** Everything chosen is already in place, and nothing is protected yet. */
function observed(change: Partial<PlanObserved> = {}): PlanObserved {
  return {
    resourceGroupExists: true,
    vault: { id: VAULT_ID, location: 'westeurope' },
    storageConfig: { storageType: 'GeoRedundant', crossRegionRestore: false, locked: false },
    policy: { id: `${VAULT_ID}/backupPolicies/DefaultPolicy`, name: 'DefaultPolicy', policyType: 'V1' },
    nsgRules: {},
    protection: {},
    ...change,
  };
}

const item = (items: PlanItem[], key: string): PlanItem => {
  const found = items.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no item ${key} in ${items.map((i) => i.key).join(', ')}`);
  return found;
};
const protectKey = (vm: { id: string }) => `protect:${vm.id.toLowerCase()}`;

describe('buildPlan: order and targets', () => {
  it('lists vault, replication, policy, NSG rules, proxy, then one protection per VM, in that order', () => {
    const plan = buildPlan(
      choices({ nsgRules: [{ nsgId: NSG_ID, name: 'allow-azurebackup-443', properties: RULE }], proxy: { proxyIp: '10.0.0.5', proxyPort: 3128 } }),
      observed(),
    );
    expect(plan.items.map((i) => i.kind)).toEqual(['vault', 'replication', 'policy', 'nsgRule', 'proxy', 'protect', 'protect']);
    expect(plan.items.map((i) => i.targetId)).toEqual([
      VAULT_ID,
      `${VAULT_ID}/backupstorageconfig/vaultstorageconfig`,
      `${VAULT_ID}/backupPolicies/DefaultPolicy`,
      `${NSG_ID}/securityRules/allow-azurebackup-443`,
      '',
      `${VAULT_ID}/backupFabrics/Azure/protectionContainers/iaasvmcontainer;iaasvmcontainerv2;rg-web;web-01/protectedItems/vm;iaasvmcontainerv2;rg-web;web-01`,
      `${VAULT_ID}/backupFabrics/Azure/protectionContainers/iaasvmcontainer;iaasvmcontainerv2;rg-apps;app-linux-01/protectedItems/vm;iaasvmcontainerv2;rg-apps;app-linux-01`,
    ]);
  });

  it('puts a missing resource group first, then the vault, checked on the subscription', () => {
    const plan = buildPlan(choices(), observed({ resourceGroupExists: false, vault: null, storageConfig: null }));
    expect(plan.items.slice(0, 2).map((i) => [i.kind, i.action])).toEqual([
      ['resourceGroup', 'create'],
      ['vault', 'create'],
    ]);
    expect(plan.items[0]?.permissions).toEqual([
      { action: WRITE_ACTIONS.resourceGroup, scope: `/subscriptions/${SUB}`, scopeLabel: 'the subscription' },
    ]);
    expect(plan.items[1]?.permissions).toEqual([
      { action: WRITE_ACTIONS.vault, scope: `/subscriptions/${SUB}`, scopeLabel: 'the subscription' },
    ]);
    expect(plan.items[1]?.write).toEqual({
      kind: 'vault',
      subscriptionId: SUB,
      resourceGroup: 'rg-backup',
      name: 'rsv-prod-weu',
      location: 'westeurope',
    });
  });

  it('counts writes and conflicts', () => {
    const plan = buildPlan(choices(), observed({ protection: { [APP.id.toLowerCase()]: { vaultId: OTHER_VAULT_ID, policyId: 'x', policyName: 'x' } } }));
    expect(plan.writeCount).toBe(1);
    expect(plan.conflictCount).toBe(1);
  });
});

describe('buildPlan: "no change" when already in place', () => {
  it('everything in place and every VM protected with the policy: nothing to send', () => {
    const protection = Object.fromEntries(
      [WEB, APP].map((vm) => [vm.id.toLowerCase(), { vaultId: VAULT_ID.toUpperCase(), policyId: `${VAULT_ID}/backuppolicies/defaultpolicy`, policyName: 'DefaultPolicy' }]),
    );
    const plan = buildPlan(
      choices({ nsgRules: [{ nsgId: NSG_ID, name: 'allow-azurebackup-443', properties: RULE }] }),
      observed({
        storageConfig: { storageType: 'GeoRedundant', crossRegionRestore: false, locked: true },
        nsgRules: { [`${NSG_ID}/securityRules/allow-azurebackup-443`.toLowerCase()]: { ...RULE, protocol: 'TCP', description: 'other words' } },
        protection,
      }),
    );
    expect(plan.items.map((i) => i.action)).toEqual(['noChange', 'noChange', 'noChange', 'noChange', 'noChange', 'noChange']);
    expect(plan.writeCount).toBe(0);
    for (const planned of plan.items) {
      expect(planned.permissions).toEqual([]);
      expect(planned.write).toBeNull();
    }
  });

  it('an existing vault is "no change"', () => {
    const vault = item(buildPlan(choices(), observed()).items, 'vault');
    expect(vault.action).toBe('noChange');
    expect(vault.detail).toContain('westeurope');
  });

  it('a replication that already matches is "no change", Locked or not', () => {
    expect(item(buildPlan(choices(), observed()).items, 'replication').action).toBe('noChange');
    const locked = item(
      buildPlan(choices(), observed({ storageConfig: { storageType: 'GeoRedundant', crossRegionRestore: false, locked: true } })).items,
      'replication',
    );
    expect(locked.action).toBe('noChange');
    expect(locked.detail).toContain('Locked');
  });

  it('an unconfirmed replication leaves the vault as it is', () => {
    const replication = item(buildPlan(choices({ replication: null }), observed()).items, 'replication');
    expect(replication.action).toBe('noChange');
    expect(replication.write).toBeNull();
  });

  it('a policy already in the vault is reused', () => {
    const policy = item(buildPlan(choices({ policy: { name: 'DefaultPolicy', policyType: 'V1', payload: PAYLOAD } }), observed()).items, 'policy');
    expect(policy.action).toBe('noChange');
    expect(policy.write).toBeNull();
  });

  it('an NSG rule that exists with the same settings is "no change"', () => {
    const ruleId = `${NSG_ID}/securityRules/allow-azurebackup-443`;
    const plan = buildPlan(
      choices({ nsgRules: [{ nsgId: NSG_ID, name: 'allow-azurebackup-443', properties: RULE }] }),
      observed({ nsgRules: { [ruleId.toLowerCase()]: RULE } }),
    );
    expect(item(plan.items, `nsgRule:${ruleId.toLowerCase()}`).action).toBe('noChange');
  });

  it('a VM already protected by this vault with this policy is "no change"', () => {
    const plan = buildPlan(
      choices(),
      observed({ protection: { [WEB.id.toLowerCase()]: { vaultId: VAULT_ID, policyId: `${VAULT_ID}/backupPolicies/DefaultPolicy`, policyName: 'DefaultPolicy' } } }),
    );
    expect(item(plan.items, protectKey(WEB)).action).toBe('noChange');
    expect(item(plan.items, protectKey(APP)).action).toBe('create');
  });
});

describe('buildPlan: writes still to do', () => {
  it('a vault that is gone is created, and its replication set afterwards', () => {
    const plan = buildPlan(
      choices({ replication: { storageType: 'LocallyRedundant', crossRegionRestore: false } }),
      observed({ vault: null, storageConfig: null }),
    );
    expect(item(plan.items, 'vault').action).toBe('create');
    expect(item(plan.items, 'vault').permissions[0]?.scope).toBe(RG_ID);
    const replication = item(plan.items, 'replication');
    expect(replication.action).toBe('update');
    expect(replication.permissions[0]?.scope).toBe(RG_ID);
    expect(replication.write).toMatchObject({ kind: 'replication', storageType: 'LocallyRedundant', crossRegionRestore: false });
  });

  it('a different, unlocked replication is changed', () => {
    const replication = item(
      buildPlan(choices({ replication: { storageType: 'GeoRedundant', crossRegionRestore: true } }), observed()).items,
      'replication',
    );
    expect(replication.action).toBe('update');
    expect(replication.permissions).toEqual([{ action: WRITE_ACTIONS.storageConfig, scope: VAULT_ID, scopeLabel: 'vault rsv-prod-weu' }]);
    expect(replication.write).toEqual({
      kind: 'replication',
      subscriptionId: SUB,
      resourceGroup: 'rg-backup',
      vaultName: 'rsv-prod-weu',
      storageType: 'GeoRedundant',
      crossRegionRestore: true,
    });
  });

  it('a different replication on a Locked vault is a conflict, not a write', () => {
    const replication = item(
      buildPlan(
        choices({ replication: { storageType: 'LocallyRedundant', crossRegionRestore: false } }),
        observed({ storageConfig: { storageType: 'GeoRedundant', crossRegionRestore: false, locked: true } }),
      ).items,
      'replication',
    );
    expect(replication.action).toBe('conflict');
    expect(replication.write).toBeNull();
    expect(replication.permissions).toEqual([]);
  });

  it('a policy not in the vault is created when its body is known, else a conflict', () => {
    const withBody = item(
      buildPlan(choices({ policy: { name: 'nightly', policyType: 'V2', payload: PAYLOAD } }), observed({ policy: null })).items,
      'policy',
    );
    expect(withBody.action).toBe('create');
    expect(withBody.targetId).toBe(`${VAULT_ID}/backupPolicies/nightly`);
    expect(withBody.write).toMatchObject({ kind: 'policy', name: 'nightly', vaultName: 'rsv-prod-weu', payload: PAYLOAD });
    expect(withBody.permissions.map((p) => p.action)).toEqual([WRITE_ACTIONS.policy]);

    const without = item(buildPlan(choices({ policy: { name: 'nightly', policyType: null } }), observed({ policy: null })).items, 'policy');
    expect(without.action).toBe('conflict');
    expect(without.detail).toContain('Policy step');
  });

  it('an NSG rule is added when missing and replaced when it differs', () => {
    const ruleId = `${NSG_ID}/securityRules/allow-azurebackup-443`.toLowerCase();
    const added = item(buildPlan(choices({ nsgRules: [{ nsgId: NSG_ID, name: 'allow-azurebackup-443', properties: RULE }] }), observed()).items, `nsgRule:${ruleId}`);
    expect(added.action).toBe('create');
    expect(added.title).toBe('Add allow-azurebackup-443 in NSG nsg-snet-locked');
    expect(added.permissions).toEqual([{ action: WRITE_ACTIONS.securityRule, scope: NSG_ID, scopeLabel: 'network security group nsg-snet-locked' }]);
    expect(added.write).toEqual({ kind: 'nsgRule', nsgId: NSG_ID, name: 'allow-azurebackup-443', properties: RULE });

    const replaced = item(
      buildPlan(
        choices({ nsgRules: [{ nsgId: NSG_ID, name: 'allow-azurebackup-443', properties: RULE }] }),
        observed({ nsgRules: { [ruleId]: { ...RULE, priority: 4000 } } }),
      ).items,
      `nsgRule:${ruleId}`,
    );
    expect(replaced.action).toBe('update');
  });

  it('a proxy is a manual item with nothing to send', () => {
    const proxy = item(buildPlan(choices({ proxy: { proxyIp: '10.0.0.5', proxyPort: 3128 } }), observed()).items, 'proxy');
    expect(proxy.action).toBe('manual');
    expect(proxy.title).toContain('10.0.0.5:3128');
    expect(proxy.permissions).toEqual([]);
    expect(proxy.write).toBeNull();
  });

  it('an unprotected VM is protected with the policy, checked on the vault and on the VM', () => {
    const web = item(buildPlan(choices(), observed()).items, protectKey(WEB));
    expect(web.action).toBe('create');
    expect(web.permissions).toEqual([
      { action: WRITE_ACTIONS.protectedItem, scope: VAULT_ID, scopeLabel: 'vault rsv-prod-weu' },
      { action: WRITE_ACTIONS.virtualMachine, scope: WEB.id, scopeLabel: 'virtual machine web-01' },
    ]);
    expect(web.write).toEqual({
      kind: 'protect',
      subscriptionId: SUB,
      resourceGroup: 'rg-backup',
      vaultName: 'rsv-prod-weu',
      vmId: WEB.id,
      vmName: 'web-01',
      vmResourceGroup: 'rg-web',
      containerName: 'iaasvmcontainer;iaasvmcontainerv2;rg-web;web-01',
      protectedItemName: 'vm;iaasvmcontainerv2;rg-web;web-01',
      policyId: `${VAULT_ID}/backupPolicies/DefaultPolicy`,
    });
  });

  it('a VM protected by this vault with another policy moves to the chosen policy', () => {
    const web = item(
      buildPlan(
        choices(),
        observed({ protection: { [WEB.id.toLowerCase()]: { vaultId: VAULT_ID, policyId: `${VAULT_ID}/backupPolicies/old`, policyName: 'old' } } }),
      ).items,
      protectKey(WEB),
    );
    expect(web.action).toBe('update');
    expect(web.detail).toContain('old');
  });

  it('a VM protected by another vault is a conflict', () => {
    const web = item(
      buildPlan(choices(), observed({ protection: { [WEB.id.toLowerCase()]: { vaultId: OTHER_VAULT_ID, policyId: 'p', policyName: 'p' } } })).items,
      protectKey(WEB),
    );
    expect(web.action).toBe('conflict');
    expect(web.detail).toContain('rsv-old');
    expect(web.write).toBeNull();
  });
});

describe('buildPlan: one-way doors', () => {
  it('marks replication locking and cross-region restore while the vault is unlocked', () => {
    const plan = buildPlan(choices({ replication: { storageType: 'GeoRedundant', crossRegionRestore: true } }), observed());
    expect(item(plan.items, 'replication').oneWayDoors).toEqual([ONE_WAY_DOORS.replicationLocks, ONE_WAY_DOORS.crossRegionRestore]);
  });

  it('marks the first protection, and only the first, as the one that locks replication', () => {
    const plan = buildPlan(choices(), observed());
    expect(item(plan.items, protectKey(WEB)).oneWayDoors).toEqual([
      `${ONE_WAY_DOORS.firstProtectionLocks} at geo-redundant storage (GRS); from then on it cannot be changed.`,
    ]);
    expect(item(plan.items, protectKey(APP)).oneWayDoors).toEqual([]);
  });

  it('skips VMs with nothing to send when picking the first protection', () => {
    const plan = buildPlan(
      choices(),
      observed({ protection: { [WEB.id.toLowerCase()]: { vaultId: VAULT_ID, policyId: `${VAULT_ID}/backupPolicies/DefaultPolicy`, policyName: 'DefaultPolicy' } } }),
    );
    expect(item(plan.items, protectKey(WEB)).oneWayDoors).toEqual([]);
    expect(item(plan.items, protectKey(APP)).oneWayDoors).toHaveLength(1);
  });

  it('marks nothing about replication once the vault is Locked', () => {
    const plan = buildPlan(
      choices({ replication: { storageType: 'GeoRedundant', crossRegionRestore: true } }),
      observed({ storageConfig: { storageType: 'GeoRedundant', crossRegionRestore: true, locked: true } }),
    );
    expect(item(plan.items, 'replication').oneWayDoors).toEqual([]);
    expect(item(plan.items, protectKey(WEB)).oneWayDoors).toEqual([]);
  });

  it('marks an Enhanced policy on the policy and on every VM it will protect', () => {
    const plan = buildPlan(
      choices({ policy: { name: 'EnhancedPolicy', policyType: 'V2' } }),
      observed({ policy: { id: `${VAULT_ID}/backupPolicies/EnhancedPolicy`, name: 'EnhancedPolicy', policyType: 'V2' } }),
    );
    expect(item(plan.items, 'policy').oneWayDoors).toEqual([ONE_WAY_DOORS.enhancedPolicy]);
    expect(item(plan.items, protectKey(APP)).oneWayDoors).toEqual([ONE_WAY_DOORS.enhancedPolicy]);
    expect(item(plan.items, protectKey(WEB)).oneWayDoors).toContain(ONE_WAY_DOORS.enhancedPolicy);
  });
});

describe('sameSecurityRule', () => {
  it('ignores case, order of prefixes and the description', () => {
    const { destinationAddressPrefix: _single, ...rest } = RULE;
    const a: SecurityRuleSpec = { ...rest, destinationAddressPrefixes: ['20.0.0.0/8', '10.0.0.0/8'] };
    const b: SecurityRuleSpec = { ...a, protocol: 'tcp', destinationAddressPrefixes: ['10.0.0.0/8', '20.0.0.0/8'], description: 'x' };
    expect(sameSecurityRule(a, b)).toBe(true);
    expect(sameSecurityRule(RULE, { ...RULE, destinationPortRange: '80' })).toBe(false);
  });
});

describe('buildPlan: what could not be read', () => {
  it('still plans the protection when it could not be checked whether another vault has the VM, and says so', () => {
    const web = item(
      buildPlan(choices(), observed({ protectionUnchecked: { [WEB.id.toLowerCase()]: 'AuthorizationFailed (no access)' } })).items,
      protectKey(WEB),
    );
    expect(web.action).toBe('create');
    expect(web.detail).toContain('could not be checked: AuthorizationFailed (no access)');
  });
});

describe('buildPlan: a VM that needs an Enhanced policy', () => {
  const TL = { id: vmId('rg-today', 'tl-01'), name: 'tl-01', resourceGroup: 'rg-today', needsEnhanced: ['Trusted Launch: a Standard policy needs backup API 2025-01-01 or later, and this wizard uses 2023-06-01'] };

  it('refuses a Standard policy before anything is sent, naming the VM and why', () => {
    const plan = buildPlan(choices({ vms: [WEB, TL] }), observed());
    const refused = item(plan.items, protectKey(TL));
    expect(refused).toMatchObject({ action: 'conflict', write: null, permissions: [] });
    expect(refused.detail).toContain('Needs an Enhanced policy (Trusted Launch');
    expect(refused.detail).toContain('DefaultPolicy is a Standard policy');
    expect(refused.detail).toContain('leave tl-01 out');
    expect(item(plan.items, protectKey(WEB)).action).toBe('create');
    expect(plan.conflictCount).toBe(1);
  });

  it('takes an Enhanced policy, or one whose type is not known yet', () => {
    const enhanced = observed({ policy: { id: `${VAULT_ID}/backupPolicies/EnhancedPolicy`, name: 'EnhancedPolicy', policyType: 'V2' } });
    expect(item(buildPlan(choices({ vms: [TL], policy: { name: 'EnhancedPolicy', policyType: null } }), enhanced).items, protectKey(TL)).action).toBe('create');
    // A policy not in the vault (and no body) is its own conflict; the VM's item doesn't guess its type.
    expect(item(buildPlan(choices({ vms: [TL], policy: { name: 'New', policyType: null } }), observed({ policy: null })).items, protectKey(TL)).action).toBe('create');
  });
});
