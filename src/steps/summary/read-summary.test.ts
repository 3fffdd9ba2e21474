import { describe, expect, it } from 'vitest';
import { AZURE_DEFAULT_SECURITY } from '../../shared/vault-security.ts';
import type { JournalEntry } from '../../journal/types.ts';
import { readSummary, type SummaryInput, type SummaryReader } from './read-summary.ts';
import { POLICY_PROPERTIES } from './summary.fixture.ts';

const SUB = 's1';
const VAULT_ID = `/subscriptions/${SUB}/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/v1`;
const vmId = (name: string) => `/subscriptions/${SUB}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/${name}`;
const NSG = `/subscriptions/${SUB}/resourceGroups/rg-network/providers/Microsoft.Network/networkSecurityGroups/nsg1`;

const input = (change: Partial<SummaryInput> = {}): SummaryInput => ({
  now: new Date('2026-02-03T04:05:06.000Z'),
  tenantId: 'T1',
  account: { name: 'Alice Admin', username: 'alice@contoso.example' },
  subscription: { id: SUB, name: 'Prod' },
  vault: { name: 'v1', resourceGroup: 'rg-backup' },
  policyName: 'DefaultPolicy',
  selectedVms: [{ id: vmId('a'), name: 'a' }, { id: vmId('b'), name: 'b' }],
  createdRules: [
    { id: `${NSG}/securityRules/r1`, nsgId: NSG, name: 'r1', purpose: 'allow' },
    { id: `${NSG}/securityRules/gone`, nsgId: NSG, name: 'gone', purpose: 'proxy' },
  ],
  proxy: { ip: '10.0.0.5', port: 3128 },
  openFindings: [],
  journal: [{ id: 'e', at: '2026-02-03T04:00:00.000Z', kind: 'protectedItem.put', method: 'PUT', target: 'x', summary: {}, attempts: 1, requestId: 'r', result: { outcome: 'succeeded', at: 'y' } } satisfies JournalEntry],
  ...change,
});

const reader = (change: Partial<SummaryReader> = {}): SummaryReader => ({
  getVaultDetails: async () => ({ id: VAULT_ID, name: 'v1', resourceGroup: 'rg-backup', location: 'westeurope', skuName: 'RS0', skuTier: 'Standard', provisioningState: 'Succeeded', tags: {}, security: AZURE_DEFAULT_SECURITY, multiUserAuthorization: 'Disabled' }),
  getStorageConfig: async () => ({ storageType: 'GeoRedundant', crossRegionRestore: false, locked: true }),
  getVmPolicy: async () => ({ id: `${VAULT_ID}/backupPolicies/DefaultPolicy`, name: 'DefaultPolicy', protectedItemsCount: 1, properties: POLICY_PROPERTIES }),
  listProtectedVms: async () => [
    { id: 'item-a', vmId: vmId('A'), vmName: 'a', protectionState: 'IRPending', protectionStatus: 'Healthy', healthStatus: 'Passed', lastBackupStatus: '', lastBackupTime: null, policyId: `${VAULT_ID}/backupPolicies/DefaultPolicy`, policyName: 'DefaultPolicy' },
  ],
  getSecurityRule: async (id) =>
    id.endsWith('/r1')
      ? { id, name: 'r1', nsgId: NSG, priority: 200, protocol: 'Tcp', access: 'Allow', direction: 'Outbound', sourceAddressPrefix: '*', sourcePortRange: '*', destinationPortRange: '443', destinationAddressPrefix: 'Storage', provisioningState: 'Succeeded' }
      : null,
  listTenants: async () => [{ tenantId: 't1', displayName: 'Contoso', defaultDomain: 'contoso.example' }],
  getMultiUserAuthorization: async () => ({ state: 'notProtected' }),
  ...change,
});

describe('readSummary', () => {
  it('puts what Azure reports together with the wizard’s own record', async () => {
    const summary = await readSummary(reader(), input());
    expect(summary.generatedAt).toBe('2026-02-03T04:05:06.000Z');
    expect(summary.tenant).toEqual({ id: 'T1', name: 'Contoso' });
    expect(summary.vault).toMatchObject({ id: VAULT_ID, skuName: 'RS0', location: 'westeurope' });
    expect(summary.replication).toEqual({ storageType: 'GeoRedundant', crossRegionRestore: false, locked: true });
    expect(summary.policy?.properties).toBe(POLICY_PROPERTIES);
    expect(summary.protectedVms).toEqual([expect.objectContaining({ vmName: 'a', vmResourceGroup: 'rg-web', protectionState: 'IRPending' })]);
    expect(summary.unprotectedVmNames).toEqual(['b']);
    expect(summary.nsgRules.map((r) => [r.name, r.nsgName, r.nsgResourceGroup, r.rule?.destinationAddressPrefix ?? null])).toEqual([
      ['r1', 'nsg1', 'rg-network', 'Storage'],
      ['gone', 'nsg1', 'rg-network', null],
    ]);
    expect(summary.proxy).toEqual({ ip: '10.0.0.5', port: 3128 });
    expect(summary.journal).toEqual([expect.objectContaining({ operation: 'Enable protection (PUT)', result: 'Succeeded', requestIds: ['r'] })]);
  });

  it('goes without the tenant’s name when it cannot be read', async () => {
    const summary = await readSummary(reader({ listTenants: () => Promise.reject(new Error('no')) }), input());
    expect(summary.tenant).toEqual({ id: 'T1', name: null });
  });

  it('says so when the vault is gone', async () => {
    await expect(readSummary(reader({ getVaultDetails: async () => null }), input())).rejects.toMatchObject({ name: 'VaultNotFound' });
  });
});
