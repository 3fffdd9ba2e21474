// Test controls under /_emulator: reachable only from this machine (loopback) and outside
// /arm, so no ARM token can touch them. Tests reset state, inject faults, slow things down
// and read what the app sent. Every call but GET /health needs the control header (header.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ArmService } from '../arm/pipeline.ts';
import type { Settings } from '../arm/settings.ts';
import type { GraphService } from '../graph/service.ts';
import type { Store } from '../state/store.ts';
import { CONTROL_HEADER } from './header.ts';
import { registerFixtureControl } from './fixture-control.ts';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

const faultSchema = z.object({
  method: z.string().optional(),
  path: z.string().min(1),
  status: z.number().int().min(400).max(599),
  count: z.number().int().min(1).default(1),
  code: z.string().optional(),
  message: z.string().optional(),
  retryAfter: z.number().int().min(0).optional(),
});

const settingsSchema = z
  .object({
    lroDelayMs: z.number().int().min(0),
    retryAfterSeconds: z.number().int().min(0),
    pageSize: z.number().int().min(1),
    latencyMs: z.number().int().min(0),
    throttle: z
      .object({
        readCapacity: z.number().min(1),
        readRefillPerSecond: z.number().min(0),
        writeCapacity: z.number().min(1),
        writeRefillPerSecond: z.number().min(0),
      })
      .partial(),
    graph: z
      .object({
        enabled: z.boolean(),
        quotaLimit: z.number().int().min(1),
        quotaWindowMs: z.number().int().min(1),
        lagMs: z.number().int().min(0),
      })
      .partial(),
  })
  .partial();

const mergeSchema = z.object({ id: z.string().min(1), merge: z.record(z.string(), z.unknown()) });

export interface ControlDeps {
  arm: ArmService;
  graph: GraphService;
  store: Store;
  settings: Settings;
  initialSettings: Settings;
}

function deepMerge(target: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...target };
  for (const [k, v] of Object.entries(patch)) {
    const cur = out[k];
    out[k] =
      v && typeof v === 'object' && !Array.isArray(v) && cur && typeof cur === 'object' && !Array.isArray(cur)
        ? deepMerge(cur as Record<string, unknown>, v as Record<string, unknown>)
        : v;
  }
  return out;
}

const refuse = (reply: FastifyReply, message: string) => reply.code(403).send({ error: { code: 'Forbidden', message } });

/** Why this request may not use the controls, or undefined when it may. */
function refusal(req: FastifyRequest): string | undefined {
  if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) return 'Emulator controls are loopback only.';
  // No CORS for the controls: a preflight is refused, so a page on another origin never gets to send the header.
  if (req.method === 'OPTIONS') return 'Emulator controls do not answer cross-origin requests.';
  if (req.method === 'GET' && req.url.split('?')[0] === '/_emulator/health') return undefined;
  if (req.headers[CONTROL_HEADER] !== '1') return `Emulator controls need the request header '${CONTROL_HEADER}: 1'.`;
  return undefined;
}

export function registerControl(app: FastifyInstance, deps: ControlDeps): void {
  app.register(
    async (scope) => {
      scope.addHook('onRequest', async (req: FastifyRequest, reply) => {
        const reason = refusal(req);
        if (reason) await refuse(reply, reason);
      });
      // Routed so the hook above answers preflights, rather than the app's not-found handler.
      scope.options('/*', async (_req, reply) => refuse(reply, 'Emulator controls do not answer cross-origin requests.'));
      scope.get('/health', async () => ({ status: 'ok' }));
      scope.post('/reset', async () => {
        deps.store.reset();
        deps.arm.reset();
        deps.graph.reset();
        Object.assign(deps.settings, structuredClone(deps.initialSettings));
        return { status: 'reset' };
      });
      registerFixtureControl(scope, deps);
      scope.get('/settings', async () => deps.settings);
      scope.post('/settings', async (req, reply) => {
        const parsed = settingsSchema.safeParse(req.body);
        if (!parsed.success) return reply.code(400).send({ error: { code: 'InvalidSettings', message: parsed.error.message } });
        const { throttle, graph, ...rest } = parsed.data;
        Object.assign(deps.settings, rest);
        if (throttle) Object.assign(deps.settings.throttle, throttle);
        if (graph) Object.assign(deps.settings.graph, graph);
        return deps.settings;
      });
      scope.post('/latency', async (req, reply) => {
        const parsed = z.object({ ms: z.number().int().min(0) }).safeParse(req.body);
        if (!parsed.success) return reply.code(400).send({ error: { code: 'InvalidLatency', message: parsed.error.message } });
        deps.settings.latencyMs = parsed.data.ms;
        return { latencyMs: deps.settings.latencyMs };
      });
      scope.get('/faults', async () => deps.arm.faults);
      scope.post('/faults', async (req, reply) => {
        const parsed = faultSchema.safeParse(req.body);
        if (!parsed.success) return reply.code(400).send({ error: { code: 'InvalidFault', message: parsed.error.message } });
        const { method, code, message, retryAfter, ...rest } = parsed.data;
        deps.arm.faults.push({
          ...rest,
          ...(method === undefined ? {} : { method }),
          ...(code === undefined ? {} : { code }),
          ...(message === undefined ? {} : { message }),
          ...(retryAfter === undefined ? {} : { retryAfter }),
        });
        return reply.code(201).send(deps.arm.faults);
      });
      scope.delete('/faults', async () => {
        deps.arm.faults = [];
        return { faults: [] };
      });
      scope.get('/requests', async () => deps.arm.log);
      scope.delete('/requests', async () => {
        deps.arm.log.length = 0;
        return { requests: [] };
      });
      // Change a resource as something outside the wizard would (an admin fixing an agent, say).
      scope.get('/resource', async (req, reply) => {
        const id = (req.query as Record<string, string | undefined>)['id'] ?? '';
        const found = deps.store.get(id);
        return found ?? reply.code(404).send({ error: { code: 'NotFound', message: `No resource '${id}'.` } });
      });
      scope.patch('/resource', async (req, reply) => {
        const parsed = mergeSchema.safeParse(req.body);
        if (!parsed.success) return reply.code(400).send({ error: { code: 'InvalidMerge', message: parsed.error.message } });
        const current = deps.store.get(parsed.data.id);
        if (!current) return reply.code(404).send({ error: { code: 'NotFound', message: `No resource '${parsed.data.id}'.` } });
        return deps.store.put(deepMerge(current, parsed.data.merge) as typeof current);
      });
    },
    { prefix: '/_emulator' },
  );
}
