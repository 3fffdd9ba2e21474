// POST /_emulator/fixture swaps the tenant at run time; /_emulator/reset goes back to the start fixture.
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { createArmService } from '../arm/pipeline.ts';
import { defaultSettings } from '../arm/settings.ts';
import { createGraphService } from '../graph/service.ts';
import { CONTROL_HEADERS } from '../control/header.ts';
import { registerControl } from '../control/routes.ts';
import { armRoutes } from '../routes/index.ts';
import { createMemoryStore, DEFAULT_FIXTURE_PATH, loadFixtureFile } from '../state/store.ts';

const VMS = { type: 'Microsoft.Compute/virtualMachines', scope: '/subscriptions' };

async function controls() {
  const store = createMemoryStore(loadFixtureFile(DEFAULT_FIXTURE_PATH));
  const settings = defaultSettings();
  const arm = createArmService({
    store,
    routes: armRoutes,
    settings: () => settings,
    authority: 'https://localhost/idp',
    verifyToken: async () => {
      throw new Error('no tokens in this test');
    },
  });
  const app = Fastify();
  registerControl(app, { arm, graph: createGraphService({ store, settings: () => settings }), store, settings, initialSettings: structuredClone(settings) });
  await app.ready();
  return { app, store, arm };
}

describe('the fixture control', () => {
  it('loads a generated tenant, keeps it until reset, and reset returns to the start fixture', async () => {
    const { app, store, arm } = await controls();
    const contosoVms = store.list(VMS).length;
    arm.faults.push({ path: 'x', status: 500, count: 1 });

    const generated = await app.inject({ method: 'POST', url: '/_emulator/fixture', headers: CONTROL_HEADERS, payload: { generate: { vmCount: 300, seed: 7 } } });
    expect(generated.statusCode).toBe(200);
    expect(generated.json()).toMatchObject({ virtualMachines: 300, description: 'Generated: 300 VMs, seed 7' });
    expect(store.list(VMS)).toHaveLength(300);
    expect(arm.faults).toEqual([]);
    // The same users sign in to the generated tenant.
    expect(store.identity.users.map((u) => u.userPrincipalName)).toContain('alice@contoso.example');

    await app.inject({ method: 'POST', url: '/_emulator/reset', headers: CONTROL_HEADERS });
    expect(store.list(VMS)).toHaveLength(contosoVms);
  });

  it('goes back to contoso with {"default": true} and refuses anything else', async () => {
    const { app, store } = await controls();
    const contosoVms = store.list(VMS).length;
    await app.inject({ method: 'POST', url: '/_emulator/fixture', headers: CONTROL_HEADERS, payload: { generate: { vmCount: 50 } } });
    const back = await app.inject({ method: 'POST', url: '/_emulator/fixture', headers: CONTROL_HEADERS, payload: { default: true } });
    expect(back.json()).toMatchObject({ virtualMachines: contosoVms });
    const wrong = await app.inject({ method: 'POST', url: '/_emulator/fixture', headers: CONTROL_HEADERS, payload: { generate: { vmCount: 0 } } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ error: { code: 'InvalidFixture' } });
  });
});
