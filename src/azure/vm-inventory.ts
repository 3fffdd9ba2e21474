// The whole-subscription lists (one request per page, however many VMs) and the one per-VM read Azure
// offers no list for: the instance view, which alone carries the agent, the extension statuses and the
// OS the guest reports.
import { resourceGroupOf } from './arm-ids.ts';
import type { ArmClients } from './clients.ts';
import { toAzureError } from './errors.ts';
import { collectPages } from './paging.ts';
import type { LoadBalancerLike, NicLike, NsgListItemLike, PublicIpLike, VmInstanceViewLike, VmLike, VmSizeLike, VnetLike } from './vm-wire.ts';

export type Listed<T> = { items: T[]; pages: number };
type OnCount = (itemsSoFar: number) => void;

/** virtualMachines.listAll(): every VM's profiles (size, image, disks, NICs, osProfile). */
export async function listVmProfiles(clients: ArmClients, subscriptionId: string, onCount?: OnCount): Promise<Listed<VmLike>> {
  const client = await clients.compute(subscriptionId);
  return collectPages<VmLike>(client.virtualMachines.listAll(), onCount);
}

/** virtualMachines.listAll({ statusOnly: 'true' }): every VM's power state, without reading each instance view. */
export async function listVmStatuses(clients: ArmClients, subscriptionId: string): Promise<Listed<VmLike>> {
  const client = await clients.compute(subscriptionId);
  return collectPages<VmLike>(client.virtualMachines.listAll({ statusOnly: 'true' }));
}

/** virtualMachineSizes.list(region): cores and memory of every size offered there (what the size rule reads). */
export async function listVmSizes(clients: ArmClients, subscriptionId: string, location: string): Promise<Listed<VmSizeLike>> {
  const client = await clients.compute(subscriptionId);
  return collectPages<VmSizeLike>(client.virtualMachineSizes.list(location));
}

export type NetworkLists = {
  nics: Listed<NicLike>;
  nsgs: Listed<NsgListItemLike>;
  publicIps: Listed<PublicIpLike>;
  loadBalancers: Listed<LoadBalancerLike>;
  vnets: Listed<VnetLike>;
};

/** Every NIC, NSG (with its rules), public IP, load balancer and VNet (with its subnets) of the subscription. */
export async function listNetwork(clients: ArmClients, subscriptionId: string, onList?: (done: number) => void): Promise<NetworkLists> {
  const client = await clients.network(subscriptionId);
  let done = 0;
  const counted = async <T>(list: Promise<Listed<T>>): Promise<Listed<T>> => {
    const result = await list;
    onList?.(++done);
    return result;
  };
  const [nics, nsgs, publicIps, loadBalancers, vnets] = await Promise.all([
    counted(collectPages<NicLike>(client.networkInterfaces.listAll())),
    counted(collectPages<NsgListItemLike>(client.networkSecurityGroups.listAll())),
    counted(collectPages<PublicIpLike>(client.publicIPAddresses.listAll())),
    counted(collectPages<LoadBalancerLike>(client.loadBalancers.listAll())),
    counted(collectPages<VnetLike>(client.virtualNetworks.listAll())),
  ]);
  return { nics, nsgs, publicIps, loadBalancers, vnets };
}

export const NETWORK_LIST_COUNT = 5;

/** One VM's instance view, or null when the VM is gone (deleted since it was listed). */
export async function readInstanceView(clients: ArmClients, vmId: string, vmName: string, signal?: AbortSignal): Promise<VmInstanceViewLike | null> {
  const client = await clients.compute(vmId.split('/')[2] ?? '');
  try {
    return await client.virtualMachines.instanceView(resourceGroupOf(vmId), vmName, signal ? { abortSignal: signal } : {});
  } catch (error) {
    if (toAzureError(error).status === 404) return null;
    throw error;
  }
}
