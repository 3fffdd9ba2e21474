// The built app (dist/) on the emulator's origin. index.html is rendered per response with a fresh CSP nonce
// and the app's security headers (src/shared/security-headers.ts); client-side routes get the same page;
// source maps are served only when asked for (--source-maps); files meant for static hosts are not served.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { appPageHeaders, BASELINE_HEADERS, CSP_NONCE_PLACEHOLDER } from '../src/shared/security-headers.ts';

export interface StaticAppOptions {
  distDir: string;
  /** Serve *.map files (only useful for a build made with VITE_SOURCEMAP=1). */
  sourceMaps: boolean;
}

// Header files for static hosts (public/), copied into dist/ by Vite: configuration, not content.
const HOST_FILES = new Set(['/_headers', '/staticwebapp.config.json']);

const NOT_BUILT =
  '<!doctype html><html lang="en"><title>vm-backup-wizard</title><main><h1>The app is not built</h1><p>Run <code>npm run build</code> (or <code>npm start</code>, which builds first), then reload.</p></main></html>';

/** A path the browser app routes itself (/setup/vault, /summary): no file extension, not an API. */
function isAppRoute(req: FastifyRequest): boolean {
  const path = req.url.split('?')[0] ?? '/';
  if (req.method !== 'GET' || HOST_FILES.has(path) || path.startsWith('/_emulator') || path.startsWith('/arm')) return false;
  return !(path.split('/').pop() ?? '').includes('.');
}

export async function registerStaticApp(app: FastifyInstance, options: StaticAppOptions): Promise<void> {
  const dist = resolve(options.distDir);
  const indexFile = resolve(dist, 'index.html');

  const sendPage = async (_req: FastifyRequest, reply: FastifyReply) => {
    if (!existsSync(indexFile)) {
      return reply.headers(appPageHeaders({ connectTo: [] })).type('text/html; charset=utf-8').send(NOT_BUILT);
    }
    const nonce = randomBytes(16).toString('base64');
    // Read per response, so a rebuild while the emulator runs is served at once, with its new asset names.
    const html = (await readFile(indexFile, 'utf8')).replaceAll(CSP_NONCE_PLACEHOLDER, nonce);
    return reply
      .headers({ ...appPageHeaders({ connectTo: [], styleNonce: nonce }), 'Cache-Control': 'no-cache' })
      .type('text/html; charset=utf-8')
      .send(html);
  };

  app.get('/', sendPage);
  app.get('/index.html', sendPage);
  if (existsSync(indexFile)) {
    await app.register(fastifyStatic, {
      root: dist,
      wildcard: true,
      index: false,
      allowedPath: (path) => !HOST_FILES.has(path) && (options.sourceMaps || !path.endsWith('.map')),
      setHeaders: (res, path) => {
        for (const [name, value] of Object.entries(BASELINE_HEADERS)) res.setHeader(name, value);
        res.setHeader('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    if (isAppRoute(req)) return sendPage(req, reply);
    return reply.code(404).send({ error: { code: 'NotFound', message: `No route ${req.method} ${req.url}` } });
  });
}
