// Resource Graph's knobs: flags and environment (config.ts), the settings they make (app.ts), and the
// test controls that change them at run time.
import { describe, expect, it } from 'vitest';
import { buildHttpApp, settingsFrom } from '../app.ts';
import { readConfig } from '../config.ts';
import { CONTROL_HEADERS } from '../control/header.ts';
import { graphHarness, USERS } from './graph-harness.ts';

describe('graph flags', () => {
  it('default to ARG: 15 queries per 5 s, a 2 s lag, enabled', () => {
    expect(settingsFrom(readConfig([], {})).graph).toEqual({ enabled: true, quotaLimit: 15, quotaWindowMs: 5000, lagMs: 2000 });
  });

  it('read --graph-quota, --graph-window-ms, --graph-lag-ms and --graph-disabled, or the environment', () => {
    const fromFlags = readConfig(['--graph-quota', '3', '--graph-window-ms', '60000', '--graph-lag-ms', '0', '--graph-disabled'], {});
    expect(settingsFrom(fromFlags).graph).toEqual({ enabled: false, quotaLimit: 3, quotaWindowMs: 60000, lagMs: 0 });
    const fromEnv = readConfig([], { EMULATOR_GRAPH_QUOTA: '7', EMULATOR_GRAPH_LAG_MS: '250', EMULATOR_GRAPH_DISABLED: 'true' });
    expect(settingsFrom(fromEnv).graph).toMatchObject({ enabled: false, quotaLimit: 7, lagMs: 250 });
    expect(() => readConfig(['--graph-quota', '0'], {})).toThrow(/graphQuota/);
  });
});

describe('graph test controls', () => {
  it('change the graph settings in part, and reset puts them and the quota back', async () => {
    const h = graphHarness();
    const initialSettings = structuredClone(h.settings);
    const app = await buildHttpApp({ arm: h.arm, graph: h.graph, store: h.store, settings: h.settings, initialSettings, distDir: '/nonexistent' });
    const changed = await app.inject({ method: 'POST', url: '/_emulator/settings', headers: CONTROL_HEADERS, payload: { graph: { quotaLimit: 1, lagMs: 500 } } });
    expect(changed.json()).toMatchObject({ graph: { enabled: true, quotaLimit: 1, quotaWindowMs: 5000, lagMs: 500 } });
    const query = { query: 'Resources | take 1' };
    expect((await h.query(USERS.sp, query)).status).toBe(200);
    expect((await h.query(USERS.sp, query)).status).toBe(429);
    expect((await app.inject({ method: 'POST', url: '/_emulator/settings', headers: CONTROL_HEADERS, payload: { graph: { quotaLimit: 0 } } })).statusCode).toBe(400);
    await app.inject({ method: 'POST', url: '/_emulator/reset', headers: CONTROL_HEADERS });
    expect(h.settings.graph).toEqual(initialSettings.graph);
    expect((await h.query(USERS.sp, query)).headers['x-ms-user-quota-remaining']).toBe('14');
    await app.close();
  });
});
