import { describe, expect, it } from 'vitest';
import { AZURE_DEFAULT_SECURITY } from '../shared/vault-security.ts';
import { AzureRequestError } from '../azure/errors.ts';
import type { PlanChoices } from './plan-types.ts';
import { readPlanObserved, readScopePermissions, type PlanReader } from './read-observed.ts';

const SUB = 's1';
const VAULT_ID = `/subscriptions/${SUB}/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/v1`;
const vm = (name: string) => ({ id: `/subscriptions/${SUB}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/${name}`, name, resourceGroup: 'rg-web' });
const NSG = `/subscriptions/${SUB}/resourceGroups/rg-network/providers/Microsoft.Network/networkSecurityGroups/nsg1`;

const choices: PlanChoices = {
  subscriptionId: SUB,
  vault: { name: 'v1', resourceGroup: 'rg-backup', location: 'westeurope' },
  replication: { storageType: 'GeoRedundant', crossRegionRestore: false },
  policy: { name: 'DefaultPolicy', policyType: null },
  nsgRules: [{ nsgId: NSG, name: 'r1', properties: { priority: 100, protocol: 'Tcp', access: 'Allow', direction: 'Outbound', sourceAddressPrefix: '*', sourcePortRange: '*', destinationPortRange: '443', destinationAddressPrefix: 'Storage' } }],
  proxy: null,
  vms: [vm('a'), vm('b'), vm('c')],
};

const unused = () => Promise.reject(new Error('not expected'));

function reader(change: Partial<PlanReader> = {}): PlanReader & { calls: string[] } {
  const calls: string[] = [];
  const base: PlanReader = {
    getVaultDetails: async () => ({ id: VAULT_ID, name: 'v1', resourceGroup: 'rg-backup', location: 'westeurope', skuName: 'RS0', skuTier: 'Standard', provisioningState: 'Succeeded', tags: {}, security: AZURE_DEFAULT_SECURITY, multiUserAuthorization: 'Disabled' }),
    listResourceGroups: unused,
    getStorageConfig: async () => ({ storageType: 'GeoRedundant', crossRegionRestore: false, locked: false }),
    getVmPolicy: async () => ({ id: `${VAULT_ID}/backupPolicies/DefaultPolicy`, name: 'DefaultPolicy', protectedItemsCount: 1, properties: null }),
    getSecurityRule: async () => null,
    listProtectedVms: async () => [
      { id: 'item-a', vmId: vm('a').id.toUpperCase(), vmName: 'a', protectionState: 'Protected', protectionStatus: 'Healthy', healthStatus: 'Passed', lastBackupStatus: '', lastBackupTime: null, policyId: `${VAULT_ID}/backupPolicies/DefaultPolicy`, policyName: 'DefaultPolicy' },
    ],
    getVmProtectionStatus: async (_sub, _loc, vmId) => (vmId.endsWith('/b') ? { vaultId: '/other/vault', policyName: 'p', state: 'Protected' } : null),
    getPermissions: unused,
    preValidateProtection: async () => ({ status: 'Succeeded' }),
    validateVmBackupFeature: async () => 'Supported',
    listVirtualMachines: async () => [],
  };
  const merged = { ...base, ...change };
  const tracked = Object.fromEntries(
    Object.entries(merged).map(([name, fn]) => [name, (...args: unknown[]) => (calls.push(name), (fn as (...a: unknown[]) => unknown)(...args))]),
  ) as unknown as PlanReader;
  return Object.assign(tracked, { calls });
}

describe('readPlanObserved', () => {
  it('reads the vault, its replication, the policy, the rules and where each VM is protected', async () => {
    const observed = await readPlanObserved(reader(), choices);
    expect(observed.resourceGroupExists).toBe(true);
    expect(observed.vault).toEqual({ id: VAULT_ID, location: 'westeurope' });
    expect(observed.storageConfig).toEqual({ storageType: 'GeoRedundant', crossRegionRestore: false, locked: false });
    expect(observed.policy).toEqual({ id: `${VAULT_ID}/backupPolicies/DefaultPolicy`, name: 'DefaultPolicy', policyType: null });
    expect(observed.nsgRules).toEqual({ [`${NSG}/securityRules/r1`.toLowerCase()]: null });
    expect(observed.protection).toEqual({
      [vm('a').id.toLowerCase()]: { vaultId: VAULT_ID, policyId: `${VAULT_ID}/backupPolicies/DefaultPolicy`, policyName: 'DefaultPolicy' },
      [vm('b').id.toLowerCase()]: { vaultId: '/other/vault', policyId: '', policyName: 'p' },
      [vm('c').id.toLowerCase()]: null,
    });
    expect(observed.protectionUnchecked).toBeUndefined();
  });

  it('only asks the region about VMs this vault does not protect', async () => {
    const gateway = reader();
    await readPlanObserved(gateway, choices);
    expect(gateway.calls.filter((c) => c === 'getVmProtectionStatus')).toHaveLength(2);
  });

  it('a VM whose protection cannot be checked is noted, not fatal', async () => {
    const refused = new AzureRequestError({ kind: 'forbidden', status: 403, code: 'AuthorizationFailed', message: 'No.' });
    const observed = await readPlanObserved(reader({ getVmProtectionStatus: () => Promise.reject(refused) }), choices);
    expect(observed.protection[vm('c').id.toLowerCase()]).toBeNull();
    expect(observed.protectionUnchecked?.[vm('c').id.toLowerCase()]).toBe('AuthorizationFailed (No.)');
  });

  it('for a vault that is gone, checks its resource group and reads nothing inside the vault', async () => {
    const gateway = reader({
      getVaultDetails: async () => null,
      listResourceGroups: async () => [{ id: '/x', name: 'RG-BACKUP', location: 'westeurope' }],
    });
    const observed = await readPlanObserved(gateway, choices);
    expect(observed).toMatchObject({ resourceGroupExists: true, vault: null, storageConfig: null, policy: null });
    expect(gateway.calls).not.toContain('getStorageConfig');
    expect(gateway.calls).not.toContain('listProtectedVms');
  });

  it('fails when a read it depends on fails', async () => {
    await expect(readPlanObserved(reader({ getStorageConfig: () => Promise.reject(new Error('boom')) }), choices)).rejects.toThrow('boom');
  });
});

describe('readScopePermissions', () => {
  it('keys the answers by lower-cased scope and keeps a failed scope as its error', async () => {
    const result = await readScopePermissions(
      { getPermissions: async (scope) => (scope.includes('bad') ? Promise.reject(new Error('nope')) : [{ actions: ['*'], notActions: [] }]) },
      ['/subscriptions/S1/Good', '/subscriptions/s1/bad'],
    );
    expect(result.get('/subscriptions/s1/good')).toEqual([{ actions: ['*'], notActions: [] }]);
    expect(result.get('/subscriptions/s1/bad')).toBeInstanceOf(Error);
  });
});
