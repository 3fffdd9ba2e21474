// Test support: the fleet inventory as the list path would read it from a store, built from the same wire
// JSON the emulator serves (plain and statusOnly VM views, network lists, protected items, the size list of
// every region), and the instance views the agent reader would get.
import { instanceViewOf, vmView, VM_TYPE } from '../../../emulator/routes/compute.ts';
import { createMemoryStore, DEFAULT_FIXTURE_PATH, loadFixtureFile, type Store } from '../../../emulator/state/store.ts';
import { VM_SIZES } from '../../../emulator/state/vm-sizes.ts';
import { sizeIndex } from '../vm-facts.ts';
import type { VmInstanceViewLike } from '../vm-wire.ts';
import { regionKey } from './normalise.ts';
import { inventoryFromLists, type SubscriptionLists } from './read-lists.ts';
import type { FleetInventory, FleetScope } from './types.ts';

export const PRODUCTION = '8c6b1f3e-2a4d-4f5b-9e7c-0a1b2c3d4e5f';
export const DEV_TEST = 'b2d4f6a8-1c3e-4a5b-8d7f-9e0a1b2c3d4e';

const PROTECTED_ITEM = 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems';
const cast = <T>(value: unknown): T => value as T;

export function contosoStore(): Store {
  return createMemoryStore(loadFixtureFile(DEFAULT_FIXTURE_PATH));
}

export function fleetInventoryFrom(store: Store, scope: FleetScope = { subscriptions: [PRODUCTION, DEV_TEST] }): FleetInventory {
  const lists = scope.subscriptions.map((sub): SubscriptionLists => {
    const list = (type: string) => store.list({ type, scope: `/subscriptions/${sub}` });
    const vms = list(VM_TYPE);
    // The emulator offers the same sizes in every region.
    const sizes = new Map(vms.map((vm) => [regionKey(vm.location), sizeIndex(VM_SIZES)]));
    return {
      sizes,
      vms: cast(vms.map((vm) => vmView(vm, 'plain'))),
      statuses: cast(vms.map((vm) => vmView(vm, 'statusOnly'))),
      nics: cast(list('Microsoft.Network/networkInterfaces')),
      publicIps: cast(list('Microsoft.Network/publicIPAddresses')),
      vnets: cast(list('Microsoft.Network/virtualNetworks')),
      nsgs: cast(list('Microsoft.Network/networkSecurityGroups')),
      items: cast(list(PROTECTED_ITEM)),
      pages: 0,
    };
  });
  return inventoryFromLists(lists, scope, '2025-06-01T10:00:00.000Z');
}

/** The VM's instance view as GET …/instanceView returns it. */
export function instanceViewFrom(store: Store, vmId: string): VmInstanceViewLike {
  const vm = store.get(vmId);
  return cast<VmInstanceViewLike>((vm ? instanceViewOf(vm) : undefined) ?? {});
}
