import { describe, expect, it } from 'vitest';
import { earlyListings, subscriptionGroups, SUBSCRIPTIONS_PER_GROUP, VMS_PER_GROUP, vmFromGraph } from './read-graph.ts';
import type { GraphVmRow } from './fleet-queries.ts';

const subs = (n: number) => Array.from({ length: n }, (_, i) => `sub-${i}`);

describe('the VM query per group of subscriptions', () => {
  it('packs subscriptions to about 5,000 VMs a query when their counts are known', () => {
    const counts = subs(100).map((subscriptionId) => ({ subscriptionId, vms: 500 }));
    const groups = subscriptionGroups(subs(100), counts);
    expect(groups).toHaveLength(10);
    expect(groups.every((g) => g.length * 500 <= VMS_PER_GROUP)).toBe(true);
    // A subscription bigger than a group is a group of its own.
    expect(subscriptionGroups(['a', 'b', 'c'], [{ subscriptionId: 'a', vms: 12000 }, { subscriptionId: 'b', vms: 10 }, { subscriptionId: 'c', vms: 10 }])).toEqual([['a'], ['b', 'c']]);
  });

  it('takes a fixed number of subscriptions per query without counts', () => {
    const groups = subscriptionGroups(subs(45));
    expect(groups.map((g) => g.length)).toEqual([SUBSCRIPTIONS_PER_GROUP, SUBSCRIPTIONS_PER_GROUP, 5]);
  });
});

describe('the size lists started before the VMs arrive', () => {
  it('are the counted regions of the scope, each with a subscription that has VMs there', () => {
    const counts = [
      { subscriptionId: 'a', location: 'westeurope', vms: 0 },
      { subscriptionId: 'b', location: 'westeurope', vms: 5 },
      { subscriptionId: 'a', location: 'East US', vms: 3 },
      { subscriptionId: 'z', location: 'uksouth', vms: 9 },
    ];
    expect(earlyListings({ subscriptions: ['a', 'b'] }, counts)).toEqual([{ region: 'westeurope', subscriptionId: 'b' }, { region: 'eastus', subscriptionId: 'a' }]);
    expect(earlyListings({ subscriptions: ['a', 'b'], regions: ['eastus'] }, counts)).toEqual([{ region: 'eastus', subscriptionId: 'a' }]);
    // Without counts: the chosen regions, or none (they are read as the VMs come).
    expect(earlyListings({ subscriptions: ['a', 'b'], regions: ['North Europe'] }, undefined)).toEqual([{ region: 'northeurope', subscriptionId: 'a' }]);
    expect(earlyListings({ subscriptions: ['a'] }, undefined)).toEqual([]);
  });
});

describe('a Resource Graph VM row', () => {
  it('reads ARG’s lower-cased, empty-string and null forms as the lists’ absent values', () => {
    const row: GraphVmRow = {
      id: '/subscriptions/S1/resourceGroups/RG-Web/providers/Microsoft.Compute/virtualMachines/web-01',
      name: 'web-01', subscriptionId: 'S1', location: 'westeurope', tags: null, zones: null, size: 'Standard_B2s', osType: '',
      imagePublisher: '', imageOffer: '', imageSku: '', imageVersion: '', securityType: '', powerState: '',
      osDisk: { name: '', sizeGB: null, sku: '', writeAccelerator: null }, dataDisks: null,
      windowsAgent: null, linuxAgent: false, windowsConfiguration: false, nicRefs: null, nics: null,
      itemId: null, vaultPolicyId: null, policyName: null, protectionState: null,
    };
    expect(vmFromGraph(row)).toEqual({
      id: row.id, name: 'web-01', subscriptionId: 'S1', resourceGroup: 'RG-Web', location: 'westeurope', size: 'Standard_B2s', osType: '',
      windowsConfiguration: false, dataDiskCount: 0, disks: [], zones: [], tags: {}, powerState: 'unknown', provisionVMAgent: false, nics: [],
    });
  });

  it('reads the packed disks as the VM list’s, and Standard security as none', () => {
    const base = {
      id: '/subscriptions/S1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/db-01', name: 'db-01', subscriptionId: 'S1', location: 'westeurope',
      tags: null, zones: ['1'], size: 'Standard_E16s_v5', osType: 'Linux', imagePublisher: '', imageOffer: '', imageSku: '', imageVersion: '', powerState: 'PowerState/running',
      windowsAgent: null, linuxAgent: true, windowsConfiguration: false, nicRefs: null, nics: null, itemId: null, vaultPolicyId: null, policyName: null, protectionState: null,
    };
    const row: GraphVmRow = {
      ...base,
      securityType: 'TrustedLaunch',
      osDisk: { name: 'db-01_os', sizeGB: 30, sku: 'Premium_LRS', writeAccelerator: null },
      // In the order mv-expand gave them; the facts want them by LUN.
      dataDisks: [
        { name: 'db-01_d1', lun: 1, sizeGB: 1024, sku: 'PremiumV2_LRS', writeAccelerator: null },
        { name: 'db-01_d0', lun: 0, sizeGB: 512, sku: 'Premium_LRS', writeAccelerator: true },
        { name: '', lun: 2, sizeGB: null, sku: '', writeAccelerator: false },
      ],
    };
    const vm = vmFromGraph(row);
    expect(vm.disks).toEqual([
      { name: 'db-01_os', sizeGB: 30, sku: 'Premium_LRS', writeAccelerator: false },
      { name: 'db-01_d0', lun: 0, sizeGB: 512, sku: 'Premium_LRS', writeAccelerator: true },
      { name: 'db-01_d1', lun: 1, sizeGB: 1024, sku: 'PremiumV2_LRS', writeAccelerator: false },
      { name: 'LUN 2', lun: 2, writeAccelerator: false },
    ]);
    expect(vm.dataDiskCount).toBe(3);
    expect(vm.securityType).toBe('TrustedLaunch');
    expect(vmFromGraph({ ...row, securityType: 'Standard' }).securityType).toBeUndefined();
  });
});
