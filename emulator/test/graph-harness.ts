// An in-process ARM service with the Resource Graph route, for unit tests: no network, no tokens (the
// bearer "token" is a principal's object id), a clock the test moves.
import { createArmService } from '../arm/pipeline.ts';
import { defaultSettings, type Settings } from '../arm/settings.ts';
import type { Principal } from '../arm/types.ts';
import { createGraphService } from '../graph/service.ts';
import { armRoutes } from '../routes/index.ts';
import { resourceGraphRoutes } from '../routes/resource-graph.ts';
import { createMemoryStore, DEFAULT_FIXTURE_PATH, loadFixtureFile, type Fixture } from '../state/store.ts';

export const PROD = '8c6b1f3e-2a4d-4f5b-9e7c-0a1b2c3d4e5f';
export const DEV = 'b2d4f6a8-1c3e-4a5b-8d7f-9e0a1b2c3d4e';
export const TENANT = '3f6c2a9e-8b1d-4e27-9c5a-1d2e3f4a5b6c';
export const USERS = {
  alice: 'a11ce000-0000-4000-8000-000000000001',
  ben: 'b0b00000-0000-4000-8000-000000000002',
  rita: '4ead0000-0000-4000-8000-000000000003',
  nora: '0000a0a0-0000-4000-8000-000000000004',
  gina: '6a1a0000-0000-4000-8000-000000000006',
  sp: '5e7a0000-0000-4000-8000-000000000005',
} as const;
export const GRAPH_URL = '/providers/Microsoft.ResourceGraph/resources?api-version=2024-04-01';

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

export function graphHarness(fixture: Fixture = loadFixtureFile(DEFAULT_FIXTURE_PATH), tune: (s: Settings) => void = () => {}) {
  let now = Date.now();
  const clock = () => now;
  const store = createMemoryStore(fixture);
  const settings = defaultSettings();
  tune(settings);
  const graph = createGraphService({ store, settings: () => settings, clock });
  const arm = createArmService({
    store,
    routes: [...armRoutes, ...resourceGraphRoutes(graph)],
    settings: () => settings,
    authority: 'https://localhost/idp',
    verifyToken: async (authorization) => {
      const objectId = (authorization ?? '').replace(/^Bearer\s+/i, '');
      const user = store.identity.users.find((u) => u.objectId === objectId);
      const sp = store.identity.servicePrincipals.find((p) => p.objectId === objectId);
      const principal: Principal = user
        ? { objectId, tenantId: TENANT, kind: 'user', displayName: user.userPrincipalName, userPrincipalName: user.userPrincipalName }
        : { objectId, tenantId: TENANT, kind: 'servicePrincipal', displayName: sp?.displayName ?? objectId, appId: sp?.appId ?? objectId };
      return principal;
    },
  });

  async function call(principal: string, method: string, url: string, body?: unknown): Promise<Answer> {
    const res = await arm.handle({
      method,
      url,
      headers: { authorization: `Bearer ${principal}`, host: 'localhost:8443' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, headers: res.headers, body: (res.body ?? {}) as Record<string, unknown> };
  }

  return {
    store,
    settings,
    graph,
    arm,
    call,
    query: (principal: string, body: unknown, url = GRAPH_URL) => call(principal, 'POST', url, body),
    advance(ms: number) {
      now += ms;
    },
  };
}

/** Every row of a query, following $skipToken; the pages as they came. */
export async function allPages(h: ReturnType<typeof graphHarness>, principal: string, body: Record<string, unknown>) {
  const pages: Answer[] = [];
  let token: string | undefined;
  do {
    const options = { ...((body['options'] as Record<string, unknown> | undefined) ?? {}), ...(token ? { $skipToken: token } : {}) };
    const page = await h.query(principal, { ...body, options });
    if (page.status !== 200) throw new Error(`page ${pages.length + 1}: ${page.status} ${JSON.stringify(page.body)}`);
    pages.push(page);
    token = page.body['$skipToken'] as string | undefined;
  } while (token);
  return { pages, rows: pages.flatMap((p) => p.body['data'] as Record<string, unknown>[]) };
}

/** Every item of an ARM list call, following nextLink (absolute, on the emulator's host). */
export async function armList<T = Record<string, unknown>>(h: ReturnType<typeof graphHarness>, principal: string, url: string): Promise<T[]> {
  const items: T[] = [];
  let next: string | undefined = url;
  while (next) {
    const res = await h.call(principal, 'GET', next);
    if (res.status !== 200) throw new Error(`GET ${next}: ${res.status} ${JSON.stringify(res.body)}`);
    items.push(...((res.body['value'] as T[] | undefined) ?? []));
    const link = res.body['nextLink'] as string | undefined;
    next = link?.replace(/^https:\/\/[^/]+\/arm/, '');
  }
  return items;
}
