// Builds the local Azure: one HTTPS origin serving the app (/), the identity provider (/idp),
// the ARM emulator (/arm) and the test controls (/_emulator). server.ts only listens.
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { createTokenVerifier } from './arm/auth.ts';
import { createArmService, type ArmService } from './arm/pipeline.ts';
import { defaultSettings, type Settings } from './arm/settings.ts';
import { ensureCertificate } from './cert.ts';
import type { EmulatorConfig } from './config.ts';
import { registerControl } from './control/routes.ts';
import { answerClientErrors, answerHttpError, BODY_LIMIT_BYTES } from './http-errors.ts';
import { createIdp, type Idp } from './idp/index.ts';
import { createGraphService, type GraphService } from './graph/service.ts';
import { armRoutes } from './routes/index.ts';
import { resourceGraphRoutes } from './routes/resource-graph.ts';
import { createMemoryStore, loadFixtureFile, type Fixture, type Store } from './state/store.ts';
import { registerStaticApp } from './static-app.ts';
import { BASELINE_HEADERS } from '../src/shared/security-headers.ts';

export interface Emulator {
  origin: string;
  store: Store;
  arm: ArmService;
  graph: GraphService;
  idp: Idp;
  settings: Settings;
  fastify: FastifyInstance;
  server: Server;
  close(): Promise<void>;
}

export function settingsFrom(config: EmulatorConfig): Settings {
  const s = defaultSettings();
  s.lroDelayMs = config.lroDelayMs;
  s.pageSize = config.pageSize;
  s.latencyMs = config.latencyMs;
  if (config.readCapacity) s.throttle.readCapacity = config.readCapacity;
  if (config.writeCapacity) s.throttle.writeCapacity = config.writeCapacity;
  s.graph = { enabled: !config.graphDisabled, quotaLimit: config.graphQuota, quotaWindowMs: config.graphWindowMs, lagMs: config.graphLagMs };
  return s;
}

/**
 * Starts the emulator on https://localhost:<port>. Port 0 picks a free one. `fixture` replaces the
 * fixture file (the benchmark's generated tenants: no need to write and re-read hundreds of megabytes).
 */
export async function startEmulator(config: EmulatorConfig, fixture?: Fixture): Promise<Emulator> {
  const tls = await ensureCertificate(config.certDir);
  const store = createMemoryStore(fixture ?? loadFixtureFile(config.fixture));
  const initialSettings = settingsFrom(config);
  const settings: Settings = structuredClone(initialSettings);

  // The issuer must name the final port, so bind first and build the pieces afterwards.
  let dispatch: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.statusCode = 503;
    res.end('Starting');
  };
  const server = createServer({ key: tls.key, cert: tls.cert }, (req, res) => dispatch(req, res));
  answerClientErrors(server);
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(config.port, 'localhost', () => ok());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const origin = `https://localhost:${port}`;

  const idp = await createIdp({
    origin,
    directory: () => ({
      tenant: store.identity.tenant,
      users: store.identity.users,
      servicePrincipals: store.identity.servicePrincipals,
    }),
    keyFile: resolve(config.certDir, 'idp-signing-key.json'),
  });

  const graph = createGraphService({ store, settings: () => settings });
  const arm = createArmService({
    store,
    routes: [...armRoutes, ...resourceGraphRoutes(graph)],
    settings: () => settings,
    authority: idp.issuer,
    verifyToken: createTokenVerifier({
      issuer: idp.issuer,
      tenantId: () => store.identity.tenant.tenantId,
      jwks: () => idp.publicJwks(),
      displayName: (oid) =>
        store.identity.servicePrincipals.find((p) => p.objectId.toLowerCase() === oid.toLowerCase())?.displayName ??
        store.identity.users.find((u) => u.objectId.toLowerCase() === oid.toLowerCase())?.userPrincipalName,
    }),
  });

  const fastify = await buildHttpApp({ arm, graph, store, settings, initialSettings, distDir: config.distDir, sourceMaps: config.sourceMaps });
  await fastify.ready();
  dispatch = (req, res) => {
    if (req.url === '/idp' || req.url?.startsWith('/idp/') || req.url?.startsWith('/idp?')) {
      // The IdP's pages set their own CSP; its JSON answers get the baseline every answer of this origin has.
      for (const [name, value] of Object.entries(BASELINE_HEADERS)) res.setHeader(name, value);
      idp.handle(req, res);
    } else fastify.routing(req, res);
  };

  return {
    origin,
    store,
    arm,
    graph,
    idp,
    settings,
    fastify,
    server,
    async close() {
      graph.index.close();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
      await fastify.close();
    },
  };
}

export async function buildHttpApp(deps: {
  arm: ArmService;
  graph: GraphService;
  store: Store;
  settings: Settings;
  initialSettings: Settings;
  distDir: string;
  sourceMaps?: boolean;
}): Promise<FastifyInstance> {
  const answerError = answerHttpError(deps.arm);
  const app = Fastify({ logger: false, bodyLimit: BODY_LIMIT_BYTES, frameworkErrors: answerError });
  app.setErrorHandler(answerError);
  // nosniff and no referrer on every answer Fastify gives; pages and ARM add their own headers on top.
  app.addHook('onSend', async (_req, reply, payload) => {
    for (const [name, value] of Object.entries(BASELINE_HEADERS)) if (!reply.hasHeader(name)) reply.header(name, value);
    return payload;
  });

  // ARM parses its own bodies so malformed JSON gets ARM's error, not Fastify's.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
    scope.route({
      method: ['GET', 'PUT', 'POST', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'],
      url: '/arm/*',
      exposeHeadRoute: false,
      handler: async (req, reply) => {
        const raw = req.raw.url ?? '/';
        const result = await deps.arm.handle({
          method: req.method,
          url: raw.slice('/arm'.length) || '/',
          headers: req.headers,
          body: req.body,
          ...(req.socket.remoteAddress ? { remoteAddress: req.socket.remoteAddress } : {}),
        });
        reply.code(result.status).headers(result.headers);
        if (result.body === undefined || req.method === 'HEAD') return reply.send();
        return reply.type('application/json; charset=utf-8').send(JSON.stringify(result.body));
      },
    });
  });

  registerControl(app, deps);
  await registerStaticApp(app, { distDir: deps.distDir, sourceMaps: deps.sourceMaps ?? false });
  return app;
}
