// The emulator's HTTP layer through Fastify's inject(): the test controls' guard and the answers
// Fastify and Node give by themselves (body or headers too large, malformed URL), in ARM's envelope.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildHttpApp } from '../app.ts';
import { createGraphService } from '../graph/service.ts';
import { armErrors } from '../arm/errors.ts';
import { createArmService, type ArmService } from '../arm/pipeline.ts';
import { defaultSettings } from '../arm/settings.ts';
import { CONTROL_HEADERS } from '../control/header.ts';
import { answerClientErrors, BODY_LIMIT_BYTES } from '../http-errors.ts';
import { armRoutes } from '../routes/index.ts';
import { createMemoryStore, DEFAULT_FIXTURE_PATH, loadFixtureFile } from '../state/store.ts';
import { CSP_NONCE_PLACEHOLDER } from '../../src/shared/security-headers.ts';

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
  app = await buildHttpApp({ arm, graph: createGraphService({ store, settings: () => settings }), store, settings, initialSettings: defaultSettings(), distDir: '/nonexistent-dist' });
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

describe('answers the HTTP layer gives by itself', () => {
  it('an ARM body over 4 MB is 413 RequestContentTooLarge with ARM headers and CORS', async () => {
    const res = await app.inject({
      method: 'PUT',
      url: '/arm/subscriptions/8c6b1f3e-2a4d-4f5b-9e7c-0a1b2c3d4e5f/resourcegroups/rg-x?api-version=2025-04-01',
      headers: { 'content-type': 'application/json', origin: 'https://localhost:8443' },
      payload: JSON.stringify({ location: 'westeurope', tags: { big: 'x'.repeat(BODY_LIMIT_BYTES) } }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ error: { code: 'RequestContentTooLarge', message: 'The request content size exceeds the maximum size of 4 MB.' } });
    expect(res.headers['x-ms-request-id']).toBeTruthy();
    expect(res.headers['access-control-allow-origin']).toBe('https://localhost:8443');
    expect(arm.log.at(-1)).toMatchObject({ method: 'PUT', status: 413, code: 'RequestContentTooLarge' });
  });

  it('a control body over the limit is 413 in the same envelope', async () => {
    const res = await app.inject({ method: 'POST', url: '/_emulator/faults', headers: { ...CONTROL_HEADERS, 'content-type': 'application/json' }, payload: `"${'x'.repeat(BODY_LIMIT_BYTES)}"` });
    expect([res.statusCode, res.json<{ error: { code: string } }>().error.code]).toEqual([413, 'RequestContentTooLarge']);
  });

  it('a malformed URL is 400 in the ARM envelope', async () => {
    const res = await app.inject({ method: 'GET', url: '/arm/subscriptions/%E0%A4%A?api-version=2022-12-01' });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('InvalidRequestUri');
    expect(res.headers['x-ms-request-id']).toBeTruthy();
  });

  it('a control body of the wrong media type is 415 in the ARM envelope', async () => {
    const res = await app.inject({ method: 'POST', url: '/_emulator/faults', headers: { ...CONTROL_HEADERS, 'content-type': 'application/xml' }, payload: '<x/>' });
    expect(res.statusCode).toBe(415);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('UnsupportedMediaType');
  });

  it('headers too large are 431 in the ARM envelope, not a bare status line', async () => {
    const server = createServer((_req, res) => res.end('ok'));
    answerClientErrors(server);
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    try {
      const { port } = server.address() as AddressInfo;
      const raw = await new Promise<string>((done, fail) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.write(`GET /arm/subscriptions HTTP/1.1\r\nHost: localhost\r\nx-big: ${'a'.repeat(64 * 1024)}\r\n\r\n`);
        });
        let text = '';
        socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        socket.on('end', () => done(text));
        socket.on('error', fail);
      });
      const [head = '', body = ''] = raw.split('\r\n\r\n');
      expect(head.split('\r\n')[0]).toBe('HTTP/1.1 431 Request Header Fields Too Large');
      expect(JSON.parse(body)).toEqual({ error: { code: 'RequestHeaderFieldsTooLarge', message: 'The request headers are larger than the server accepts.' } });
    } finally {
      await new Promise((closed) => server.close(closed));
    }
  });
});

describe('the built app', () => {
  const dist = mkdtempSync(join(tmpdir(), 'dist-'));
  writeFileSync(join(dist, 'index.html'), `<!doctype html><meta property="csp-nonce" nonce="${CSP_NONCE_PLACEHOLDER}"><script type="module" src="/assets/app.js" nonce="${CSP_NONCE_PLACEHOLDER}"></script>`);
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'assets', 'app.js'), 'export {};\n//# sourceMappingURL=app.js.map');
  writeFileSync(join(dist, 'assets', 'app.js.map'), '{}');
  writeFileSync(join(dist, '_headers'), '/*');
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  async function serve(sourceMaps: boolean) {
    const settings = defaultSettings();
    const servedStore = createMemoryStore(loadFixtureFile(DEFAULT_FIXTURE_PATH));
    const served = await buildHttpApp({ arm, graph: createGraphService({ store: servedStore, settings: () => settings }), store: servedStore, settings, initialSettings: settings, distDir: dist, sourceMaps });
    await served.ready();
    return served;
  }

  it('renders index.html with a fresh nonce that the CSP names, on / and on client-side routes', async () => {
    const served = await serve(false);
    const nonces = new Set<string>();
    for (const url of ['/', '/index.html', '/setup/vault', '/summary']) {
      const res = await served.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      const nonce = /'nonce-([^']+)'/.exec(String(res.headers['content-security-policy']))?.[1] ?? 'none';
      expect(res.body).toContain(`nonce="${nonce}"`);
      expect(res.body).not.toContain(CSP_NONCE_PLACEHOLDER);
      expect(res.headers['x-frame-options']).toBe('DENY');
      nonces.add(nonce);
    }
    expect(nonces.size).toBe(4);
    await served.close();
  });

  it('serves assets with nosniff, and no source map or host file unless asked for', async () => {
    const served = await serve(false);
    const script = await served.inject({ method: 'GET', url: '/assets/app.js' });
    expect([script.statusCode, script.headers['x-content-type-options']]).toEqual([200, 'nosniff']);
    expect((await served.inject({ method: 'GET', url: '/assets/app.js.map' })).statusCode).toBe(404);
    expect((await served.inject({ method: 'GET', url: '/_headers' })).statusCode).toBe(404);
    expect((await served.inject({ method: 'GET', url: '/assets/missing.js' })).statusCode).toBe(404);
    await served.close();
    const withMaps = await serve(true);
    expect((await withMaps.inject({ method: 'GET', url: '/assets/app.js.map' })).statusCode).toBe(200);
    await withMaps.close();
  });

  it('puts nosniff on the controls’ answers too', async () => {
    const res = await app.inject({ method: 'GET', url: '/_emulator/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
