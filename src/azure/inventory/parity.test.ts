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
import { sizeCatalogFor } from './vm-sizes.ts';

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
  // Each path with a catalog of its own, so each reads the size lists it needs.
  const graph = await readInventoryFromGraph(graphRunnerFor(clients), scope, {}, sizeCatalogFor(clients));
  const lists = await readInventoryFromLists(clients, scope, {}, sizeCatalogFor(clients));
  return { arm, graph, lists };
}

// The first test loads the SDK packages (seconds on a busy machine).
describe('fleet inventory: Resource Graph and ARM lists agree', { timeout: 60_000 }, () => {
  it('on the contoso fixture, VM for VM and row for row', async () => {
    const fixture = loadFixtureFile(DEFAULT_FIXTURE_PATH);
    const { arm, graph, lists } = await bothPaths(fixture);
    expect(graph.vms.length).toBe(44);
    expect(graph.protectedItems.length).toBeGreaterThan(0);
    expect(comparable(graph)).toEqual(comparable(lists));
    expect(byId(buildFleetRows(graph))).toEqual(byId(buildFleetRows(lists)));
    // Today's facts came through both paths (rg-today: Trusted Launch, Premium SSD v2, write accelerator, small sizes, …).
    const vm = (name: string) => graph.vms.find((v) => v.name === name);
    expect(vm('tl-01')?.securityType).toBe('TrustedLaunch');
    expect(vm('cvm-01')?.securityType).toBe('ConfidentialVM');
    expect(vm('pv2-data-01')?.disks.map((d) => d.sku)).toEqual(['Premium_LRS', 'PremiumV2_LRS']);
    expect(vm('wa-m-01')?.disks.filter((d) => d.writeAccelerator)).toHaveLength(2);
    expect(vm('tiny-01')?.sizeSpec).toEqual({ cores: 1, memoryMB: 512 });
    expect(graph.vms.every((v) => v.sizeSpec !== undefined && v.disks.length === v.dataDiskCount + 1)).toBe(true);
    // Three queries, one page each, and one size list per region (5); the lists need several pages per subscription.
    const regions = new Set(graph.vms.map((v) => v.location)).size;
    expect(regions).toBe(5);
    expect(graph.requests).toEqual({ graph: 3, arm: regions });
    expect(lists.requests.arm).toBeGreaterThan(10);
    // Each path read each region's size list once.
    expect(arm.log.filter((e) => /\/vmSizes\?/.test(e.url))).toHaveLength(2 * regions);
  });

  it('reads a region’s sizes once per catalog, whichever path and however many loads', async () => {
    const fixture = loadFixtureFile(DEFAULT_FIXTURE_PATH);
    const arm = inProcessArm(fixture);
    const clients = arm.clientsFor(USERS.alice);
    const sizes = sizeCatalogFor(clients);
    const scope = { subscriptions: subscriptionsOf(fixture) };
    const first = await loadFleetInventory(clients, scope, {}, sizes);
    const again = await loadFleetInventory(clients, scope, { source: 'lists' }, sizes);
    expect(arm.log.filter((e) => /\/vmSizes\?/.test(e.url))).toHaveLength(5);
    expect(first.requests.arm).toBe(5);
    expect(comparable(again)).toEqual(comparable(first));
  });

  it('on a generated tenant of 1,000 VMs, and for a region filter', async () => {
    const fixture = parseFixture(generateFixture({ vmCount: 1000, seed: 7 }));
    const { graph, lists } = await bothPaths(fixture);
    expect(graph.vms.length).toBe(1000);
    expect(graph.vms.filter((v) => v.dataDiskCount > 0).length).toBeGreaterThan(100);
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
    expect(inventory.vms.length).toBe(44);
    expect(reasons).toEqual(['InvalidResourceNamespace']);
  });

  it('does not fall back on other errors: they are the caller’s to show', async () => {
    const fixture = loadFixtureFile(DEFAULT_FIXTURE_PATH);
    const arm = inProcessArm(fixture);
    arm.arm.faults.push({ method: 'POST', path: 'Microsoft.ResourceGraph/resources', status: 400, code: 'BadRequest', count: 10 });
    await expect(loadFleetInventory(arm.clientsFor(USERS.alice), { subscriptions: subscriptionsOf(fixture) })).rejects.toThrow();
  });
});
