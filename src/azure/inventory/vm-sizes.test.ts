import { describe, expect, it } from 'vitest';
import type { VmSizeLike } from '../vm-wire.ts';
import type { FleetVm } from './types.ts';
import { applySizes, createSizeCatalog, listingsOf, type SizeLister } from './vm-sizes.ts';

const SIZES: VmSizeLike[] = [
  { name: 'Standard_B1ls', numberOfCores: 1, memoryInMB: 512 },
  { name: 'Standard_D2s_v5', numberOfCores: 2, memoryInMB: 8192 },
];

function lister(fail: Set<string> = new Set()) {
  const calls: string[] = [];
  const list: SizeLister = async (subscriptionId, region) => {
    calls.push(`${subscriptionId}/${region}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
    if (fail.has(region)) throw new Error('LocationNotAvailableForResourceType');
    return { items: SIZES, pages: 1 };
  };
  return { calls, list };
}

describe('the VM size catalog', () => {
  it('reads each region’s list once, for concurrent and later asks alike, and counts only what it sent', async () => {
    const { calls, list } = lister();
    const catalog = createSizeCatalog(list);
    const [a, b] = await Promise.all([
      catalog.load([{ region: 'westeurope', subscriptionId: 's1' }, { region: 'West Europe', subscriptionId: 's2' }]),
      catalog.load([{ region: 'westeurope', subscriptionId: 's3' }, { region: 'eastus', subscriptionId: 's3' }]),
    ]);
    expect(calls).toEqual(['s1/westeurope', 's3/eastus']);
    expect(a.requests + b.requests).toBe(2);
    expect(a.sizes.get('westeurope')?.get('standard_b1ls')).toEqual({ cores: 1, memoryMB: 512 });
    const later = await catalog.load([{ region: 'eastus', subscriptionId: 's9' }]);
    expect(later.requests).toBe(0);
    expect(calls).toHaveLength(2);
  });

  it('gives no sizes for a list that failed, and reads it again next time', async () => {
    const fail = new Set(['ukwest']);
    const { calls, list } = lister(fail);
    const catalog = createSizeCatalog(list);
    const first = await catalog.load([{ region: 'ukwest', subscriptionId: 's1' }]);
    expect(first.sizes.get('ukwest')?.size).toBe(0);
    fail.clear();
    const second = await catalog.load([{ region: 'ukwest', subscriptionId: 's1' }]);
    expect(second.sizes.get('ukwest')?.size).toBe(2);
    expect(calls).toHaveLength(2);
  });

  it('sets each VM’s sizeSpec from its region, leaving unknown sizes without one', () => {
    const vm = (name: string, location: string, size: string) => ({ name, location, size, subscriptionId: 's1' }) as FleetVm;
    const vms = [vm('a', 'westeurope', 'standard_d2s_v5'), vm('b', 'westeurope', 'Standard_Z99'), vm('c', 'eastus', 'Standard_B1ls')];
    expect(listingsOf(vms)).toEqual([{ region: 'westeurope', subscriptionId: 's1' }, { region: 'eastus', subscriptionId: 's1' }]);
    applySizes(vms, new Map([['westeurope', new Map([['standard_d2s_v5', { cores: 2, memoryMB: 8192 }]])]]));
    expect(vms.map((v) => v.sizeSpec)).toEqual([{ cores: 2, memoryMB: 8192 }, undefined, undefined]);
  });
});
