// The lazy gateway forwards every method of the real one, each async (it loads gateway.ts on the first call).
import { describe, expect, it } from 'vitest';
import { USERS } from '../../emulator/test/graph-harness.ts';
import { inProcessArm, IN_PROCESS_ENDPOINT } from './inventory/in-process.fixture.ts';
import { PRODUCTION } from './inventory/fleet.fixture.ts';
import { createLazyArmGateway } from './lazy-gateway.ts';

describe('the lazy gateway', { timeout: 60_000 }, () => {
  it('offers the fleet methods, the agent reader and the discovery state included, as promises', async () => {
    const arm = inProcessArm();
    const credential = { getToken: async () => ({ token: USERS.alice, expiresOnTimestamp: Date.now() + 3_600_000 }) };
    const gateway = createLazyArmGateway({ endpoint: IN_PROCESS_ENDPOINT, credential, httpClient: arm.httpClient });
    const vault = { subscriptionId: PRODUCTION, resourceGroup: 'rg-backup', vaultName: 'rsv-prod-weu', location: 'westeurope' };
    await expect(gateway.discoveryState(vault)).resolves.toBeUndefined();
    const inventory = await gateway.loadFleetInventory({ subscriptions: [PRODUCTION], regions: ['westeurope'] });
    const running = inventory.vms.filter((vm) => vm.powerState === 'running').map((vm) => vm.id).slice(0, 3);
    const reader = await gateway.readAgents(running, { first: [running[2] ?? ''] });
    await expect(reader.done).resolves.toMatchObject({ read: 3, failed: 0 });
    const reads = arm.log.filter((e) => /\/instanceView/i.test(e.url)).map((e) => e.url);
    expect(reads[0]).toContain(running[2]?.split('/').at(-1));
  });
});
