// The size rule reads each VM's cores and memory, which only the region's size list says (GET
// …/locations/{region}/vmSizes, virtualMachineSizes.list). A size means the same in every subscription, so
// one list per region is read, with any subscription that has VMs there, and kept for the session (the
// gateway holds the catalog): a table of 4 regions costs 4 requests, however many VMs and subscriptions.
import type { SizeSpec } from '../../readiness/index.ts';
import type { ArmClients } from '../clients.ts';
import { sizeIndex } from '../vm-facts.ts';
import { listVmSizes } from '../vm-inventory.ts';
import type { VmSizeLike } from '../vm-wire.ts';
import { idKey, regionKey } from './normalise.ts';
import type { FleetVm } from './types.ts';

/** Region (westeurope) → lower-cased size name → cores and memory. */
export type RegionSizes = ReadonlyMap<string, ReadonlyMap<string, SizeSpec>>;

export type SizeListing = { region: string; subscriptionId: string };

export type SizeCatalog = {
  /**
   * The regions' sizes, each region's list read at most once per catalog (concurrent asks share it);
   * `requests` counts the list pages this call sent. A list that failed gives no sizes (the rule is left
   * out) and is read again by the next call.
   */
  load(wanted: readonly SizeListing[]): Promise<{ sizes: RegionSizes; requests: number }>;
};

export type SizeLister = (subscriptionId: string, region: string) => Promise<{ items: readonly VmSizeLike[]; pages: number }>;

export function createSizeCatalog(list: SizeLister): SizeCatalog {
  const cache = new Map<string, Promise<ReadonlyMap<string, SizeSpec>>>();
  return {
    async load(wanted) {
      let requests = 0;
      const byRegion = new Map<string, string>();
      for (const w of wanted) if (!byRegion.has(regionKey(w.region))) byRegion.set(regionKey(w.region), w.subscriptionId);
      const entries = await Promise.all(
        [...byRegion].map(async ([region, subscriptionId]) => {
          let table = cache.get(region);
          if (!table) {
            table = list(subscriptionId, region).then(
              ({ items, pages }) => {
                requests += pages;
                return sizeIndex(items);
              },
              () => {
                requests += 1;
                cache.delete(region);
                return new Map<string, SizeSpec>();
              },
            );
            cache.set(region, table);
          }
          return [region, await table] as const;
        }),
      );
      return { sizes: new Map(entries), requests };
    },
  };
}

export function sizeCatalogFor(clients: ArmClients): SizeCatalog {
  return createSizeCatalog((subscriptionId, region) => listVmSizes(clients, subscriptionId, region));
}

/** One listing per region of these VMs, with the subscription of the first VM seen there. */
export function listingsOf(vms: readonly Pick<FleetVm, 'location' | 'subscriptionId'>[]): SizeListing[] {
  const byRegion = new Map<string, string>();
  for (const vm of vms) if (vm.location && !byRegion.has(vm.location)) byRegion.set(vm.location, vm.subscriptionId);
  return [...byRegion].map(([region, subscriptionId]) => ({ region, subscriptionId }));
}

/** Sets each VM's sizeSpec from its region's sizes (the readers own these objects until they hand them over). */
export function applySizes(vms: readonly FleetVm[], sizes: RegionSizes): void {
  for (const vm of vms) {
    const spec = sizes.get(vm.location)?.get(idKey(vm.size));
    if (spec) vm.sizeSpec = spec;
  }
}
