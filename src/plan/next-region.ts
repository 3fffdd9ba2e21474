import type { VirtualMachineSummary } from '../azure/virtual-machines.ts';

export type RegionLeft = { location: string; vms: VirtualMachineSummary[] };

/**
 * The regions that still have VMs without a finished setup, most VMs first (then by name). A vault protects
 * VMs of its own region only, so each of these needs a setup of its own.
 */
export function regionsLeft(vms: readonly VirtualMachineSummary[], doneRegions: readonly string[]): RegionLeft[] {
  const done = new Set(doneRegions.map((region) => region.toLowerCase()));
  const byRegion = new Map<string, VirtualMachineSummary[]>();
  for (const vm of vms) {
    const location = vm.location.toLowerCase();
    if (done.has(location)) continue;
    byRegion.set(location, [...(byRegion.get(location) ?? []), vm]);
  }
  return [...byRegion.entries()]
    .map(([location, list]) => ({ location, vms: [...list].sort((a, b) => a.name.localeCompare(b.name)) }))
    .sort((a, b) => b.vms.length - a.vms.length || a.location.localeCompare(b.location));
}
