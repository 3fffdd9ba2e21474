import { describe, expect, it } from 'vitest';
import { subscriptionGroups, SUBSCRIPTIONS_PER_GROUP, VMS_PER_GROUP, vmFromGraph } from './read-graph.ts';
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

describe('a Resource Graph VM row', () => {
  it('reads ARG’s lower-cased, empty-string and null forms as the lists’ absent values', () => {
    const row: GraphVmRow = {
      id: '/subscriptions/S1/resourceGroups/RG-Web/providers/Microsoft.Compute/virtualMachines/web-01',
      name: 'web-01', subscriptionId: 'S1', location: 'westeurope', tags: null, zones: null, size: 'Standard_B2s', osType: '',
      imagePublisher: '', imageOffer: '', imageSku: '', imageVersion: '', dataDiskCount: null, powerState: '',
      windowsAgent: null, linuxAgent: false, windowsConfiguration: false, nicRefs: null, nics: null,
      itemId: null, vaultPolicyId: null, policyName: null, protectionState: null,
    };
    expect(vmFromGraph(row)).toEqual({
      id: row.id, name: 'web-01', subscriptionId: 'S1', resourceGroup: 'RG-Web', location: 'westeurope', size: 'Standard_B2s', osType: '',
      windowsConfiguration: false, dataDiskCount: 0, zones: [], tags: {}, powerState: 'unknown', provisionVMAgent: false, nics: [],
    });
  });
});
