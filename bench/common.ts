// What the benchmark scenarios share: the result line every scenario reports, the service principal's
// token, and reading the emulator's request log.
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import type { RequestLogEntry } from '../emulator/arm/pipeline.ts';
import { CONTROL_HEADERS } from '../emulator/control/header.ts';

/** One line of `npm run bench -- --json`. How each scenario computes floorMs is in bench/README.md. */
export interface ScenarioResult {
  name: string;
  vms: number;
  subscriptions: number;
  /** ARM requests the emulator answered (its request log). */
  requests: number;
  /** Of which Resource Graph queries (one per page). */
  graphQueries: number;
  /** Answers 429 (ARM's buckets or Resource Graph's quota). */
  throttled: number;
  /** Wall time of the measured work. */
  ms: number;
  /** The least time the work could take at this latency and these limits. */
  floorMs: number;
  /** Answers >= 400 other than 429, and outcomes the scenario counts as failed. */
  failures: number;
  [extra: string]: unknown;
}

export interface ScenarioOptions {
  latencyMs: number;
  seed: number;
  /** The readiness scenario's tenant sizes. */
  vmCounts: number[];
  concurrency: number;
  pageSize: number;
  lroDelayMs: number;
  /** The graph-50k scenario's tenant. */
  graphVms: number;
  graphSubscriptions: number;
}

export interface Scenario {
  name: string;
  run(options: ScenarioOptions): Promise<ScenarioResult[]>;
}

export const PRODUCTION = '8c6b1f3e-2a4d-4f5b-9e7c-0a1b2c3d4e5f';
const SP = { clientId: '5e7a9c1b-3d5f-4a7b-8c9d-0e1f2a3b4c5d', secret: 'local-only-secret' };

/** The fixture's service principal, through the local IdP's client_credentials grant. */
export function credentialFor(origin: string): TokenCredential {
  let cached: AccessToken | undefined;
  return {
    async getToken() {
      if (cached && cached.expiresOnTimestamp - Date.now() > 120_000) return cached;
      const res = await fetch(`${origin}/idp/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: SP.clientId,
          client_secret: SP.secret,
          scope: 'https://management.azure.com/.default',
        }),
      });
      if (!res.ok) throw new Error(`token request failed: ${res.status} ${await res.text()}`);
      const json = (await res.json()) as { access_token: string; expires_in: number };
      cached = { token: json.access_token, expiresOnTimestamp: Date.now() + json.expires_in * 1000 };
      return cached;
    },
  };
}

export async function requestLog(origin: string): Promise<RequestLogEntry[]> {
  return (await (await fetch(`${origin}/_emulator/requests`, { headers: CONTROL_HEADERS })).json()) as RequestLogEntry[];
}

export async function clearRequestLog(origin: string): Promise<void> {
  await fetch(`${origin}/_emulator/requests`, { method: 'DELETE', headers: CONTROL_HEADERS });
}

export const isGraphQuery = (e: RequestLogEntry): boolean => e.method === 'POST' && /\/providers\/microsoft\.resourcegraph\/resources$/i.test(e.path);

export function countBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return counts;
}
