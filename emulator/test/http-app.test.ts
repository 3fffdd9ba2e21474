// The emulator's HTTP layer through Fastify's inject(): the test controls' guard and the answers
// Fastify gives by itself (body too large, malformed URL), which must leave in ARM's envelope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildHttpApp } from '../app.ts';
import { armErrors } from '../arm/errors.ts';
import { createArmService, type ArmService } from '../arm/pipeline.ts';
import { defaultSettings } from '../arm/settings.ts';
import { CONTROL_HEADERS } from '../control/header.ts';
import { armRoutes } from '../routes/index.ts';
import { createMemoryStore, DEFAULT_FIXTURE_PATH, loadFixtureFile } from '../state/store.ts';

let app: FastifyInstance;
let arm: ArmService;

beforeAll(async () => {
  const store = createMemoryStore(loadFixtureFile(DEFAULT_FIXTURE_PATH));
  const settings = defaultSettings();
  arm = createArmService({
    store,
    routes: armRoutes,
    settings: () => settings,
    authority: 'https://localhost/idp',
    verifyToken: async () => {
      throw armErrors.missingAuthorization('https://localhost/idp');
    },
  });
  app = await buildHttpApp({ arm, store, settings, initialSettings: defaultSettings(), distDir: '/nonexistent-dist' });
  await app.ready();
});

afterAll(() => app.close());

const FAULT = { path: '/resourcegroups', status: 503, count: 1 };

describe('test controls', () => {
  it('work with the control header', async () => {
    const reset = await app.inject({ method: 'POST', url: '/_emulator/reset', headers: CONTROL_HEADERS });
    expect(reset.statusCode).toBe(200);
    const added = await app.inject({ method: 'POST', url: '/_emulator/faults', headers: CONTROL_HEADERS, payload: FAULT });
    expect(added.statusCode).toBe(201);
    expect(arm.faults).toHaveLength(1);
  });

  it('refuse a state change without it (a no-cors POST from another origin) with 403 and change nothing', async () => {
    await app.inject({ method: 'POST', url: '/_emulator/reset', headers: CONTROL_HEADERS });
    await app.inject({ method: 'POST', url: '/_emulator/faults', headers: CONTROL_HEADERS, payload: FAULT });
    const forged = await app.inject({
      method: 'POST',
      url: '/_emulator/reset',
      headers: { origin: 'https://localhost:9999', 'content-type': 'text/plain' },
      payload: '',
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json()).toEqual({ error: { code: 'Forbidden', message: "Emulator controls need the request header 'x-emulator-control: 1'." } });
    expect(forged.headers['access-control-allow-origin']).toBeUndefined();
    expect(arm.faults).toHaveLength(1);
  });

  it('guard every other control, reads of the request log included, but not the health check', async () => {
    for (const [method, url] of [
      ['GET', '/_emulator/requests'],
      ['DELETE', '/_emulator/requests'],
      ['GET', '/_emulator/settings'],
      ['POST', '/_emulator/latency'],
      ['DELETE', '/_emulator/faults'],
      ['PATCH', '/_emulator/resource'],
      ['GET', '/_emulator/resource?id=x'],
    ] as const) {
      expect((await app.inject({ method, url })).statusCode, `${method} ${url}`).toBe(403);
    }
    expect((await app.inject({ method: 'GET', url: '/_emulator/health' })).statusCode).toBe(200);
  });

  it('refuse CORS preflights, so a page cannot get permission to send the header', async () => {
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/_emulator/reset',
      headers: { origin: 'https://localhost:9999', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-emulator-control' },
    });
    expect(preflight.statusCode).toBe(403);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-headers']).toBeUndefined();
  });

  it('stay loopback only', async () => {
    const remote = await app.inject({ method: 'GET', url: '/_emulator/health', remoteAddress: '10.1.2.3' });
    expect(remote.statusCode).toBe(403);
  });
});
