// The fleet functions on the gateway, against the emulator in process (real SDK clients, no network).
import { describe, expect, it } from 'vitest';
import { USERS } from '../../../emulator/test/graph-harness.ts';
import { createArmGateway } from '../gateway.ts';
import { buildFleetRows, type FleetRow } from './fleet-rows.ts';
import { PRODUCTION, DEV_TEST } from './fleet.fixture.ts';
import { inProcessArm, IN_PROCESS_ENDPOINT } from './in-process.fixture.ts';

function setup() {
  const arm = inProcessArm(undefined, (s) => {
    s.lroDelayMs = 0;
  });
  const credential = { getToken: async () => ({ token: USERS.alice, expiresOnTimestamp: Date.now() + 3_600_000 }) };
  const gateway = createArmGateway({ endpoint: IN_PROCESS_ENDPOINT, credential, httpClient: arm.httpClient });
  return { arm, gateway };
}

const VAULT = { subscriptionId: PRODUCTION, resourceGroup: 'rg-backup', vaultName: 'rsv-prod-weu', location: 'westeurope' };
const row = (rows: FleetRow[], name: string) => {
  const found = rows.find((r) => r.facts.name === name);
  if (!found) throw new Error(`no row for ${name}`);
  return found;
};

describe('the gateway’s fleet functions', { timeout: 60_000 }, () => {
  it('runs a vault’s discovery once per session, however often it is asked for', async () => {
    const { arm, gateway } = setup();
    const sleep = async () => undefined;
    const first = gateway.ensureDiscovery(VAULT, { sleep });
    expect(await gateway.discoveryState(VAULT)).toEqual({ state: 'running' });
    await Promise.all([first, gateway.ensureDiscovery(VAULT, { sleep }), gateway.ensureDiscovery({ ...VAULT, vaultName: 'RSV-PROD-WEU' }, { sleep })]);
    await gateway.ensureDiscovery(VAULT, { sleep });
    expect(arm.log.filter((e) => e.method === 'POST' && /refreshContainers/i.test(e.url))).toHaveLength(1);
    expect(await gateway.discoveryState(VAULT)).toMatchObject({ state: 'done' });
  });

  it('confirms a verdict with Azure’s effective rules, and says when Azure can’t tell', async () => {
    const { gateway } = setup();
    const rows = buildFleetRows(await gateway.loadFleetInventory({ subscriptions: [PRODUCTION, DEV_TEST] }));
    const [blocked, stopped] = await gateway.confirmNetworks([row(rows, 'blocked-443-01'), row(rows, 'stopped-01')]);
    expect(blocked).toMatchObject({ outcome: 'confirmed', agreesWithRules: true, report: { overall: { status: 'denied' } } });
    expect(stopped?.outcome).toBe('unavailable');
    // At most the stated number automatically.
    expect(await gateway.confirmNetworks(rows.filter((r) => r.facts.powerState === 'running'), 3)).toHaveLength(3);
  });

  it('reads each region’s VM sizes once per session, however many inventories', async () => {
    const { arm, gateway } = setup();
    const scope = { subscriptions: [PRODUCTION, DEV_TEST] };
    const first = await gateway.loadFleetInventory(scope);
    const second = await gateway.loadFleetInventory(scope, { source: 'lists' });
    const sizeLists = arm.log.filter((e) => /\/vmSizes\?/.test(e.url));
    expect(sizeLists).toHaveLength(new Set(first.vms.map((vm) => vm.location)).size);
    expect(first.requests.arm).toBe(sizeLists.length);
    expect(second.vms.find((vm) => vm.name === 'tiny-01')?.sizeSpec).toEqual({ cores: 1, memoryMB: 512 });
  });

  it('counts VMs per subscription and region with one Resource Graph query', async () => {
    const { arm, gateway } = setup();
    const counts = await gateway.countVms([PRODUCTION, DEV_TEST]);
    expect(counts).toMatchObject({ source: 'graph', requests: 1 });
    expect(counts.counts.find((c) => c.subscriptionId === PRODUCTION && c.location === 'westeurope')?.vms).toBe(37);
    expect(arm.log).toHaveLength(1);
    const lists = await gateway.countVms([PRODUCTION, DEV_TEST], { source: 'lists' });
    expect(lists.counts).toEqual(counts.counts);
  });
});
