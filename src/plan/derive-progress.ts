import type { VmBackupPolicy } from '../azure/policy-types.ts';
import type { ProtectedVm } from '../azure/protected-vms.ts';
import type { StorageRedundancy, VaultStorageConfig } from '../azure/storage-config.ts';
import { sameId } from './arm-paths.ts';
import { countOf, describeRedundancy } from './words.ts';

/** What ARM says about a vault someone else may have started setting up. */
export type VaultObservation = {
  vault: { id: string; name: string; resourceGroup: string; location: string };
  storageConfig: VaultStorageConfig;
  policies: readonly VmBackupPolicy[];
  protectedVms: readonly ProtectedVm[];
};

/** The wizard's progress as it follows from the vault; `notes` say in words what was found. */
export type DerivedProgress = {
  vault: { id: string; name: string; resourceGroup: string; location: string };
  /** The vault's redundancy; `confirmed` only when Locked (then it cannot be chosen any more). */
  replication: { storageType: StorageRedundancy; crossRegionRestore: boolean; locked: boolean; confirmed: boolean } | null;
  goalConfirmed: boolean;
  policy: { id: string; name: string } | null;
  /** VMs protected with that policy: they stay selected, so the plan shows them as "no change". */
  vmIds: string[];
  notes: string[];
};

/**
 * Turns what a vault already holds into wizard progress, so a setup started in another browser (or by
 * someone else) can be finished here:
 * - a Locked replication is settled; an Unlocked one is offered as the starting choice, to be confirmed;
 * - the policy is the one protecting the most VMs (ties: by name); with nothing protected, none is chosen;
 * - the VMs protected with that policy are selected; VMs on other policies are left alone (selecting them
 *   would move them to this policy);
 * - the backup goal (Azure VMs) is settled once the vault protects a VM.
 */
export function deriveProgressFromVault(observed: VaultObservation): DerivedProgress {
  const { vault, storageConfig, policies, protectedVms } = observed;
  const notes: string[] = [];

  let replication: DerivedProgress['replication'] = null;
  if (storageConfig.storageType !== 'Other') {
    const { storageType, crossRegionRestore, locked } = storageConfig;
    replication = { storageType, crossRegionRestore, locked, confirmed: locked };
    notes.push(
      locked
        ? `Replication is Locked at ${describeRedundancy(storageConfig)}.`
        : `Replication is ${describeRedundancy(storageConfig)} and can still be changed: confirm it on the Replication step.`,
    );
  } else {
    notes.push('The vault uses a replication this wizard does not offer; choose one on the Replication step.');
  }

  const usage = new Map<string, { policy: VmBackupPolicy; count: number }>();
  for (const vm of protectedVms) {
    const policy = policies.find((p) => sameId(p.id, vm.policyId) || (vm.policyId === '' && sameId(p.name, vm.policyName)));
    if (!policy) continue;
    const key = policy.id.toLowerCase();
    usage.set(key, { policy, count: (usage.get(key)?.count ?? 0) + 1 });
  }
  const [top] = [...usage.values()].sort((a, b) => b.count - a.count || a.policy.name.localeCompare(b.policy.name));
  const policy = top ? { id: top.policy.id, name: top.policy.name } : null;

  const vmIds = policy ? protectedVms.filter((vm) => sameId(vm.policyId, policy.id) || (vm.policyId === '' && sameId(vm.policyName, policy.name))).map((vm) => vm.vmId) : [];
  if (protectedVms.length === 0) {
    notes.push('The vault protects no virtual machine yet: choose a policy and the virtual machines.');
  } else if (policy) {
    const on = vmIds.length === protectedVms.length ? (vmIds.length === 1 ? 'it is' : 'all are') : `${vmIds.length} ${vmIds.length === 1 ? 'is' : 'are'}`;
    notes.push(`It protects ${countOf(protectedVms.length, 'virtual machine')}; ${on} on policy ${policy.name}, which is chosen.`);
    const elsewhere = protectedVms.length - vmIds.length;
    if (elsewhere > 0) notes.push(`${countOf(elsewhere, 'virtual machine')} on other policies ${elsewhere === 1 ? 'is' : 'are'} left as they are.`);
  } else {
    notes.push(`It protects ${countOf(protectedVms.length, 'virtual machine')}, but with policies that could not be read: choose a policy.`);
  }

  return { vault: { ...vault }, replication, goalConfirmed: protectedVms.length > 0, policy, vmIds, notes };
}
