import { resourceGroupOf } from './arm-ids.ts';
import type { ArmClients } from './clients.ts';

export type VirtualMachineSummary = { id: string; name: string; resourceGroup: string; location: string };

/** Every VM of the subscription (all pages), with only where it is. */
export async function listVirtualMachines(clients: ArmClients, subscriptionId: string): Promise<VirtualMachineSummary[]> {
  const client = await clients.compute(subscriptionId);
  const result: VirtualMachineSummary[] = [];
  for await (const vm of client.virtualMachines.listAll()) {
    if (!vm.id || !vm.name) continue;
    result.push({ id: vm.id, name: vm.name, resourceGroup: resourceGroupOf(vm.id), location: vm.location });
  }
  return result;
}
