import { resourceGroupOf } from './arm-ids.ts';
import type { ArmClients } from './clients.ts';

export type VirtualMachineSummary = {
  id: string;
  name: string;
  resourceGroup: string;
  location: string;
  /** e.g. "Standard_D2s_v5"; '' when not reported. */
  size: string;
  /** The OS disk's storage account type, e.g. "Premium_LRS"; '' when not reported. */
  osDiskType: string;
};

/** Every VM of the subscription (all pages): where it is, its size and its OS disk type. */
export async function listVirtualMachines(clients: ArmClients, subscriptionId: string): Promise<VirtualMachineSummary[]> {
  const client = await clients.compute(subscriptionId);
  const result: VirtualMachineSummary[] = [];
  for await (const vm of client.virtualMachines.listAll()) {
    if (!vm.id || !vm.name) continue;
    result.push({
      id: vm.id,
      name: vm.name,
      resourceGroup: resourceGroupOf(vm.id),
      location: vm.location,
      size: vm.hardwareProfile?.vmSize ?? '',
      osDiskType: vm.storageProfile?.osDisk?.managedDisk?.storageAccountType ?? '',
    });
  }
  return result;
}
