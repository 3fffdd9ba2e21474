// Emulator configuration, read once from command-line flags and environment variables.
import { parseArgs } from 'node:util';
import { z } from 'zod';

const schema = z.object({
  port: z.coerce.number().int().min(0).max(65535),
  fixture: z.string().min(1),
  lroDelayMs: z.coerce.number().int().min(0),
  pageSize: z.coerce.number().int().min(1),
  latencyMs: z.coerce.number().int().min(0),
  distDir: z.string().min(1),
  certDir: z.string().min(1),
  readCapacity: z.coerce.number().int().min(1).optional(),
  writeCapacity: z.coerce.number().int().min(1).optional(),
  graphQuota: z.coerce.number().int().min(1),
  graphWindowMs: z.coerce.number().int().min(1),
  graphLagMs: z.coerce.number().int().min(0),
  graphDisabled: z.boolean(),
  // VITE_SOURCEMAP is the build's switch: `VITE_SOURCEMAP=1 npm start` builds the maps and serves them.
  sourceMaps: z.preprocess((v) => v === true || (typeof v === 'string' && ['1', 'true', 'yes', 'hidden'].includes(v.toLowerCase())), z.boolean()),
});
export type EmulatorConfig = z.infer<typeof schema>;

export const DEFAULT_FIXTURE = new URL('./fixtures/contoso.json', import.meta.url).pathname;

export function readConfig(argv: readonly string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): EmulatorConfig {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      fixture: { type: 'string' },
      'lro-delay-ms': { type: 'string' },
      'page-size': { type: 'string' },
      'latency-ms': { type: 'string' },
      dist: { type: 'string' },
      certs: { type: 'string' },
      'read-capacity': { type: 'string' },
      'write-capacity': { type: 'string' },
      'graph-quota': { type: 'string' },
      'graph-window-ms': { type: 'string' },
      'graph-lag-ms': { type: 'string' },
      'graph-disabled': { type: 'boolean' },
      'source-maps': { type: 'boolean' },
    },
    strict: true,
  });
  const parsed = schema.safeParse({
    port: values.port ?? env['EMULATOR_PORT'] ?? 8443,
    fixture: values.fixture ?? env['EMULATOR_FIXTURE'] ?? DEFAULT_FIXTURE,
    lroDelayMs: values['lro-delay-ms'] ?? env['EMULATOR_LRO_DELAY_MS'] ?? 1000,
    pageSize: values['page-size'] ?? env['EMULATOR_PAGE_SIZE'] ?? 100,
    latencyMs: values['latency-ms'] ?? env['EMULATOR_LATENCY_MS'] ?? 0,
    distDir: values.dist ?? env['EMULATOR_DIST'] ?? 'dist',
    certDir: values.certs ?? env['EMULATOR_CERTS'] ?? '.certs',
    readCapacity: values['read-capacity'] ?? env['EMULATOR_READ_CAPACITY'],
    writeCapacity: values['write-capacity'] ?? env['EMULATOR_WRITE_CAPACITY'],
    graphQuota: values['graph-quota'] ?? env['EMULATOR_GRAPH_QUOTA'] ?? 15,
    graphWindowMs: values['graph-window-ms'] ?? env['EMULATOR_GRAPH_WINDOW_MS'] ?? 5000,
    // Azure's index trails ARM writes by seconds; the app must never read its own writes back from it.
    graphLagMs: values['graph-lag-ms'] ?? env['EMULATOR_GRAPH_LAG_MS'] ?? 2000,
    graphDisabled: values['graph-disabled'] ?? ['1', 'true'].includes((env['EMULATOR_GRAPH_DISABLED'] ?? '').toLowerCase()),
    sourceMaps: values['source-maps'] ?? env['EMULATOR_SOURCE_MAPS'] ?? env['VITE_SOURCEMAP'],
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  --${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid emulator configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
