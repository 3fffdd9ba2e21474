import { describe, expect, it } from 'vitest';
import type { VmBackupPolicy } from '../azure/policy-types.ts';
import type { ProtectedVm } from '../azure/protected-vms.ts';
import { deriveProgressFromVault, type VaultObservation } from './derive-progress.ts';

const VAULT_ID = '/subscriptions/s/resourceGroups/rg-backup-legacy/providers/Microsoft.RecoveryServices/vaults/rsv-legacy-weu';
const policy = (name: string): VmBackupPolicy => ({ id: `${VAULT_ID}/backupPolicies/${name}`, name, protectedItemsCount: 0, properties: null });
const vmId = (name: string) => `/subscriptions/s/resourceGroups/rg-apps/providers/Microsoft.Compute/virtualMachines/${name}`;
const item = (name: string, policyName: string): ProtectedVm => ({
  id: `${VAULT_ID}/backupFabrics/Azure/protectionContainers/c;${name}/protectedItems/i;${name}`,
  vmId: vmId(name),
  vmName: name,
  protectionState: 'Protected',
  protectionStatus: 'Healthy',
  healthStatus: 'Passed',
  lastBackupStatus: 'Completed',
  lastBackupTime: null,
  policyId: `${VAULT_ID}/backupPolicies/${policyName}`.toUpperCase(),
  policyName,
});

function observed(change: Partial<VaultObservation> = {}): VaultObservation {
  return {
    vault: { id: VAULT_ID, name: 'rsv-legacy-weu', resourceGroup: 'rg-backup-legacy', location: 'westeurope' },
    storageConfig: { storageType: 'GeoRedundant', crossRegionRestore: false, locked: true },
    policies: [policy('DefaultPolicy'), policy('EnhancedPolicy'), policy('legacy-nightly')],
    protectedVms: [item('protected-01', 'legacy-nightly')],
    ...change,
  };
}

describe('deriveProgressFromVault', () => {
  it('a vault that protects VMs: replication settled (Locked), goal settled, its policy chosen, its VMs selected', () => {
    const derived = deriveProgressFromVault(observed());
    expect(derived.vault.name).toBe('rsv-legacy-weu');
    expect(derived.replication).toEqual({ storageType: 'GeoRedundant', crossRegionRestore: false, locked: true, confirmed: true });
    expect(derived.goalConfirmed).toBe(true);
    expect(derived.policy).toEqual({ id: `${VAULT_ID}/backupPolicies/legacy-nightly`, name: 'legacy-nightly' });
    expect(derived.vmIds).toEqual([vmId('protected-01')]);
    expect(derived.notes).toEqual([
      'Replication is Locked at geo-redundant storage (GRS).',
      'It protects 1 virtual machine; it is on policy legacy-nightly, which is chosen.',
    ]);
  });

  it('an empty, unlocked vault: replication offered but not confirmed, nothing else decided', () => {
    const derived = deriveProgressFromVault(
      observed({ storageConfig: { storageType: 'LocallyRedundant', crossRegionRestore: false, locked: false }, protectedVms: [] }),
    );
    expect(derived.replication).toEqual({ storageType: 'LocallyRedundant', crossRegionRestore: false, locked: false, confirmed: false });
    expect(derived.goalConfirmed).toBe(false);
    expect(derived.policy).toBeNull();
    expect(derived.vmIds).toEqual([]);
    expect(derived.notes[1]).toContain('protects no virtual machine yet');
  });

  it('picks the policy protecting the most VMs and leaves VMs on other policies alone', () => {
    const derived = deriveProgressFromVault(
      observed({ protectedVms: [item('a', 'legacy-nightly'), item('b', 'DefaultPolicy'), item('c', 'DefaultPolicy')] }),
    );
    expect(derived.policy?.name).toBe('DefaultPolicy');
    expect(derived.vmIds).toEqual([vmId('b'), vmId('c')]);
    expect(derived.notes).toContain('1 virtual machine on other policies is left as they are.');
  });

  it('breaks a tie by policy name', () => {
    const derived = deriveProgressFromVault(observed({ protectedVms: [item('a', 'legacy-nightly'), item('b', 'DefaultPolicy')] }));
    expect(derived.policy?.name).toBe('DefaultPolicy');
  });

  it('chooses no policy when the items name policies the vault does not list', () => {
    const derived = deriveProgressFromVault(observed({ policies: [policy('DefaultPolicy')] }));
    expect(derived.policy).toBeNull();
    expect(derived.vmIds).toEqual([]);
    expect(derived.goalConfirmed).toBe(true);
  });

  it('offers no replication choice for a redundancy the wizard does not know', () => {
    const derived = deriveProgressFromVault(observed({ storageConfig: { storageType: 'Other', crossRegionRestore: false, locked: true } }));
    expect(derived.replication).toBeNull();
  });
});
