// The two ways of reading the fleet agree: Resource Graph's queries and ARM's list calls give the same
// inventory and the same rows, on the default fixture and on a generated tenant.
import { describe, expect, it } from 'vitest';
import { USERS } from '../../../emulator/test/graph-harness.ts';
import { generateFixture } from '../../../emulator/state/generate-fixture.ts';
import { DEFAULT_FIXTURE_PATH, loadFixtureFile, parseFixture, type Fixture } from '../../../emulator/state/store.ts';
import { buildFleetRows, type FleetRow } from './fleet-rows.ts';
import { inProcessArm } from './in-process.fixture.ts';
import { graphRunnerFor, loadFleetInventory } from './load-inventory.ts';
import { sortedInventory } from './normalise.ts';
import { readInventoryFromGraph } from './read-graph.ts';
import { readInventoryFromLists } from './read-lists.ts';
import type { FleetInventory } from './types.ts';

const comparable = (inventory: FleetInventory) => {
  const { source: _source, requests: _requests, readAt: _readAt, ...rest } = sortedInventory(inventory);
  return rest;
};
const byId = (rows: FleetRow[]) => [...rows].sort((a, b) => a.facts.id.toLowerCase().localeCompare(b.facts.id.toLowerCase()));
const subscriptionsOf = (fixture: Fixture) => fixture.subscriptions.map((s) => s.subscriptionId);

async function bothPaths(fixture: Fixture, regions?: string[]) {
  const arm = inProcessArm(fixture);
  const clients = arm.clientsFor(USERS.alice);
  const scope = { subscriptions: subscriptionsOf(fixture), ...(regions ? { regions } : {}) };
  const graph = await readInventoryFromGraph(graphRunnerFor(clients), scope);
  const lists = await readInventoryFromLists(clients, scope);
  return { graph, lists };
}

// The first test loads the SDK packages (seconds on a busy machine).
describe('fleet inventory: Resource Graph and ARM lists agree', { timeout: 60_000 }, () => {
  it('on the contoso fixture, VM for VM and row for row', async () => {
    const fixture = loadFixtureFile(DEFAULT_FIXTURE_PATH);
    const { graph, lists } = await bothPaths(fixture);
    expect(graph.vms.length).toBe(34);
    expect(graph.protectedItems.length).toBeGreaterThan(0);
    expect(comparable(graph)).toEqual(comparable(lists));
    expect(byId(buildFleetRows(graph))).toEqual(byId(buildFleetRows(lists)));
    // Three queries, one page each; the lists need several pages per subscription.
    expect(graph.requests).toEqual({ graph: 3, arm: 0 });
    expect(lists.requests.arm).toBeGreaterThan(10);
  });

  it('on a generated tenant of 1,000 VMs, and for a region filter', async () => {
    const fixture = parseFixture(generateFixture({ vmCount: 1000, seed: 7 }));
    const { graph, lists } = await bothPaths(fixture);
    expect(graph.vms.length).toBe(1000);
    expect(comparable(graph)).toEqual(comparable(lists));
    expect(byId(buildFleetRows(graph))).toEqual(byId(buildFleetRows(lists)));
    const west = await bothPaths(fixture, ['westeurope']);
    expect(west.graph.vms.length).toBeGreaterThan(250);
    expect(west.graph.vms.every((vm) => vm.location === 'westeurope')).toBe(true);
    expect(comparable(west.graph)).toEqual(comparable(west.lists));
  });

  it('falls back to the lists when Resource Graph is not there, and says why', async () => {
    const fixture = loadFixtureFile(DEFAULT_FIXTURE_PATH);
    const arm = inProcessArm(fixture, (s) => {
      s.graph.enabled = false;
    });
    const reasons: string[] = [];
    const inventory = await loadFleetInventory(arm.clientsFor(USERS.alice), { subscriptions: subscriptionsOf(fixture) }, { onFallback: (e) => reasons.push(e.code) });
    expect(inventory.source).toBe('lists');
    expect(inventory.vms.length).toBe(34);
    expect(reasons).toEqual(['InvalidResourceNamespace']);
  });

  it('does not fall back on other errors: they are the caller’s to show', async () => {
    const fixture = loadFixtureFile(DEFAULT_FIXTURE_PATH);
    const arm = inProcessArm(fixture);
    arm.arm.faults.push({ method: 'POST', path: 'Microsoft.ResourceGraph/resources', status: 400, code: 'BadRequest', count: 10 });
    await expect(loadFleetInventory(arm.clientsFor(USERS.alice), { subscriptions: subscriptionsOf(fixture) })).rejects.toThrow();
  });
});
