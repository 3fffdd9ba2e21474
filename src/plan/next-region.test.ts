import { describe, expect, it } from 'vitest';
import { regionsLeft } from './next-region.ts';

const vm = (name: string, location: string) => ({ id: `/x/${name}`, name, resourceGroup: 'rg', location, size: 'Standard_D2s_v5', osDiskType: 'Premium_LRS' });

describe('regionsLeft', () => {
  it('groups the VMs of regions not done yet, most VMs first', () => {
    const result = regionsLeft(
      [vm('web-01', 'westeurope'), vm('neu-b', 'northeurope'), vm('eus', 'eastus'), vm('neu-a', 'NorthEurope')],
      ['WestEurope'],
    );
    expect(result.map((r) => [r.location, r.vms.map((v) => v.name)])).toEqual([
      ['northeurope', ['neu-a', 'neu-b']],
      ['eastus', ['eus']],
    ]);
  });

  it('is empty when every region is done', () => {
    expect(regionsLeft([vm('a', 'westeurope')], ['westeurope'])).toEqual([]);
  });
});
