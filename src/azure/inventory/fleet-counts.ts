// How many VMs each subscription holds per region, for the subscription step: one Resource Graph query for
// the whole tenant, or (without Resource Graph) each subscription's VM list counted.
import type { ArmClients } from '../clients.ts';
import { toAzureError } from '../errors.ts';
import { collectPages, mapConcurrent } from '../paging.ts';
import type { VmLike } from '../vm-wire.ts';
import { vmCountQuery, type GraphCountRow } from './fleet-queries.ts';
import { graphRunnerFor, graphUnavailable } from './load-inventory.ts';
import { regionKey } from './normalise.ts';
import { SUBSCRIPTION_CONCURRENCY } from './read-lists.ts';
import type { InventorySource } from './types.ts';

export type VmCount = { subscriptionId: string; location: string; vms: number };

export type VmCounts = { counts: VmCount[]; source: InventorySource; requests: number };

const order = (a: VmCount, b: VmCount) => a.subscriptionId.localeCompare(b.subscriptionId) || a.location.localeCompare(b.location);

export async function countVmsFromLists(clients: ArmClients, subscriptions: readonly string[]): Promise<VmCounts> {
  let requests = 0;
  const perSubscription = await mapConcurrent(subscriptions, SUBSCRIPTION_CONCURRENCY, async (subscriptionId) => {
    const client = await clients.compute(subscriptionId);
    const { items, pages } = await collectPages<VmLike>(client.virtualMachines.listAll({ statusOnly: 'true' }));
    requests += pages;
    const byRegion = new Map<string, number>();
    for (const vm of items) byRegion.set(regionKey(vm.location), (byRegion.get(regionKey(vm.location)) ?? 0) + 1);
    return [...byRegion].map(([location, vms]) => ({ subscriptionId, location, vms }));
  });
  return { counts: perSubscription.flat().sort(order), source: 'lists', requests };
}

export async function countVms(clients: ArmClients, subscriptions: readonly string[], options: { source?: InventorySource | 'auto'; signal?: AbortSignal } = {}): Promise<VmCounts> {
  const source = options.source ?? 'auto';
  if (source === 'lists') return countVmsFromLists(clients, subscriptions);
  try {
    const result = await graphRunnerFor(clients)<GraphCountRow>(vmCountQuery(), { subscriptions }, options.signal ? { abortSignal: options.signal } : {});
    const counts = result.rows.map((r) => ({ subscriptionId: r.subscriptionId, location: regionKey(r.location), vms: Number(r.vms) }));
    return { counts: counts.sort(order), source: 'graph', requests: result.pages };
  } catch (error) {
    if (source === 'graph' || !graphUnavailable(toAzureError(error))) throw error;
    return countVmsFromLists(clients, subscriptions);
  }
}
