// Test support: the inputs buildVmRows gets, taken from the emulator's store loaded with a fixture —
// the same wire JSON the emulator serves to the SDKs, with the same views of it (plain, statusOnly,
// instance view) and the same protection answers (protectable items, protected items, backupStatus).
import { instanceViewOf, vmView, VM_TYPE } from '../../emulator/routes/compute.ts';
import { protectionOf, vaultIdOfBackupResource } from '../../emulator/routes/backup-items.ts';
import { createMemoryStore, DEFAULT_FIXTURE_PATH, loadFixtureFile, type Store } from '../../emulator/state/store.ts';
import { VM_SIZES } from '../../emulator/state/vm-sizes.ts';
import { BACKUP_API_VERSION } from './api-versions.ts';
import type { VmInventory } from './vm-facts.ts';
import type { GatherVault } from './vm-readiness.ts';
import type { BackupStatusLike, VmInstanceViewLike, VmLike } from './vm-wire.ts';

export const PRODUCTION = '8c6b1f3e-2a4d-4f5b-9e7c-0a1b2c3d4e5f';

export const PROD_VAULT: GatherVault = {
  id: `/subscriptions/${PRODUCTION}/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-prod-weu`,
  name: 'rsv-prod-weu',
  resourceGroup: 'rg-backup',
  location: 'westeurope',
  subscriptionId: PRODUCTION,
  // As gatherVmReadiness returns it: with the backup api-version protection would be enabled with.
  backupApiVersion: BACKUP_API_VERSION,
};

export function contosoStore(): Store {
  return createMemoryStore(loadFixtureFile(DEFAULT_FIXTURE_PATH));
}

const cast = <T>(value: unknown): T => value as T;

/** What the gatherer would have read for `vault` from a store (the region's size list included). */
export function inventoryFrom(store: Store, vault: GatherVault = PROD_VAULT): VmInventory {
  const scope = `/subscriptions/${vault.subscriptionId}`;
  const list = (type: string) => store.list({ type, scope });
  const vms = list(VM_TYPE);
  const inRegion = vms.filter((vm) => vm.location?.toLowerCase() === vault.location.toLowerCase());
  const protectable: string[] = [];
  const byVault: string[] = [];
  const backupStatus = new Map<string, BackupStatusLike>();
  for (const vm of inRegion) {
    const item = protectionOf(store, vm.id);
    if (!item) protectable.push(vm.id);
    else if (vaultIdOfBackupResource(item.id).toLowerCase() === vault.id.toLowerCase()) byVault.push(vm.id);
    else backupStatus.set(vm.id, { protectionStatus: 'Protected', vaultId: vaultIdOfBackupResource(item.id) });
  }
  return {
    vault: { ...vault, backupApiVersion: BACKUP_API_VERSION },
    sizes: VM_SIZES,
    vms: cast<VmLike[]>(vms.map((vm) => vmView(vm, 'plain'))),
    statuses: cast<VmLike[]>(vms.map((vm) => vmView(vm, 'statusOnly'))),
    // As the gatherer reads them: in the vault's region, and not for stopped or deallocated VMs.
    instanceViews: new Map(
      inRegion
        .filter((vm) => !/PowerState\/(stopped|deallocated)/.test(JSON.stringify(instanceViewOf(vm)?.['statuses'] ?? [])))
        .map((vm) => [vm.id, cast<VmInstanceViewLike>(instanceViewOf(vm) ?? {})]),
    ),
    nics: cast(list('Microsoft.Network/networkInterfaces')),
    nsgs: cast(list('Microsoft.Network/networkSecurityGroups')),
    publicIps: cast(list('Microsoft.Network/publicIPAddresses')),
    loadBalancers: cast(list('Microsoft.Network/loadBalancers')),
    vnets: cast(list('Microsoft.Network/virtualNetworks')),
    protection: { protectableVmIds: protectable, protectedByVault: byVault, backupStatus },
  };
}
