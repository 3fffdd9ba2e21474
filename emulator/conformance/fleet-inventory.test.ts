// The fleet table's reads with the app's own gateway over HTTPS: Resource Graph and the ARM lists give the
// same rows, and the agent reader's pacing is fed by the read-quota header ARM sends. Runs against live
// Azure too (CONFORMANCE_TARGET=azure): there Resource Graph may lag a recent write by seconds.
import { describe, expect, it } from 'vitest';
import { createArmGateway } from '../../src/azure/gateway.ts';
import { agentEligible, buildFleetRows, withAgent, type FleetRow } from '../../src/azure/inventory/index.ts';
import { createReadBudget } from '../../src/azure/rate-budget.ts';
import { endpoint, servicePrincipalCredential, subscriptionId } from './harness.ts';

const byId = (rows: FleetRow[]) => [...rows].sort((a, b) => a.facts.id.toLowerCase().localeCompare(b.facts.id.toLowerCase()));

describe('fleet inventory through the gateway', () => {
  it('reads the same rows from Resource Graph as from the ARM lists', async () => {
    const gateway = createArmGateway({ endpoint, credential: servicePrincipalCredential() });
    const scope = { subscriptions: [subscriptionId] };
    const graph = await gateway.loadFleetInventory(scope, { source: 'graph' });
    const lists = await gateway.loadFleetInventory(scope, { source: 'lists' });
    expect(graph.source).toBe('graph');
    expect(lists.source).toBe('lists');
    expect(graph.vms.length).toBeGreaterThan(0);
    expect(byId(buildFleetRows(graph))).toEqual(byId(buildFleetRows(lists)));
    // Today's facts: every VM's disks (OS disk first) and its size's cores and memory, one size list per region.
    expect(graph.vms.every((vm) => vm.disks.length === vm.dataDiskCount + 1 && vm.sizeSpec !== undefined)).toBe(true);
    expect(graph.requests.arm).toBe(new Set(graph.vms.map((vm) => vm.location)).size);
    // The list path's SDK says securityType Standard where Resource Graph says nothing: both read as none.
    expect(lists.vms.some((vm) => vm.securityType?.toLowerCase() === 'standard')).toBe(false);
    const counts = await gateway.countVms([subscriptionId]);
    expect(counts.counts.reduce((n, c) => n + c.vms, 0)).toBe(graph.vms.length);
  });

  it('reads agents paced by x-ms-ratelimit-remaining-subscription-reads', async () => {
    const readBudget = createReadBudget();
    const gateway = createArmGateway({ endpoint, credential: servicePrincipalCredential(), readBudget });
    const rows = buildFleetRows(await gateway.loadFleetInventory({ subscriptions: [subscriptionId] }));
    const regions = [...new Set(rows.map((r) => r.facts.location))];
    const ids = agentEligible(rows, regions).slice(0, 5);
    const read: FleetRow[] = [];
    const reader = await gateway.readAgents(ids, {
      onBatch: (batch) => {
        for (const result of batch) {
          const row = rows.find((r) => r.facts.id === result.vmId);
          if (row) read.push(withAgent(row, result));
        }
      },
    });
    const summary = await reader.done;
    expect(summary).toMatchObject({ read: ids.length, failed: 0 });
    expect(read.every((r) => r.agent.source === 'read')).toBe(true);
    // The budget heard ARM's remaining reads: fewer than a full bucket now.
    expect(readBudget.available(subscriptionId)).toBeLessThan(readBudget.capacity);
  });
});
