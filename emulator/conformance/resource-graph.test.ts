// Azure Resource Graph driven by the real @azure/arm-resourcegraph client. Tests marked emulator-only use
// the fixture's users or the test controls; the rest also run against live Azure.
import { ComputeManagementClient } from '@azure/arm-compute';
import { ResourceGraphClient, type QueryRequest } from '@azure/arm-resourcegraph';
import type { TokenCredential } from '@azure/core-auth';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  ARM_SCOPE,
  CONTOSO,
  collect,
  control,
  emulatorOnly,
  endpoint,
  live,
  sdk,
  servicePrincipalCredential,
  staticCredential,
  subscriptionId,
  unique,
  userToken,
  groupsToDeleteAfterLiveRun,
} from './harness.ts';

const graph = (credential: TokenCredential = servicePrincipalCredential(), maxRetries?: number) =>
  new ResourceGraphClient(credential, {
    endpoint,
    credentials: { scopes: [ARM_SCOPE] },
    ...(maxRetries === undefined ? {} : { retryOptions: { maxRetries } }),
  });

type Headers = Record<string, string>;

async function queryWithHeaders(client: ResourceGraphClient, request: QueryRequest) {
  let headers: Headers = {};
  const response = await client.resources(request, { onResponse: (raw) => void (headers = raw.headers.toJSON()) });
  return { response, headers };
}

/** Every row of a query, page by page. */
async function allPages(client: ResourceGraphClient, request: QueryRequest) {
  const pages = [];
  let skipToken: string | undefined;
  do {
    const page = await client.resources({ ...request, options: { ...request.options, ...(skipToken ? { skipToken } : {}) } });
    pages.push(page);
    skipToken = page.skipToken;
  } while (skipToken);
  return { pages, rows: pages.flatMap((p) => p.data as Record<string, unknown>[]) };
}

const VMS = "Resources | where type =~ 'microsoft.compute/virtualmachines' | project id, name, resourceGroup, location";
const lowerIds = (rows: readonly { id?: unknown }[]) => rows.map((r) => String(r.id).toLowerCase()).sort();
const created = groupsToDeleteAfterLiveRun();

describe('Resource Graph with the real client', () => {
  beforeEach(async () => {
    if (!live) await control.reset();
  });

  it('pages with $skipToken: no duplicates, no gaps, totalRecords on every page', async () => {
    const { pages, rows } = await allPages(graph(), { query: "Resources | project id, name, type | order by id asc", subscriptions: [subscriptionId], options: { top: 7 } });
    const total = pages[0]?.totalRecords ?? 0;
    expect(pages.every((p) => p.totalRecords === total && p.count <= 7)).toBe(true);
    expect(pages.slice(0, -1).every((p) => p.count === 7 && p.resultTruncated === 'false')).toBe(true);
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((r) => String(r['id']).toLowerCase())).size).toBe(total);
    if (!live) expect(pages.length).toBeGreaterThan(5);
  });

  it('returns the VMs that the ARM list call returns, with ARG casing', async () => {
    const { rows } = await allPages(graph(), { query: VMS, subscriptions: [subscriptionId] });
    const compute = new ComputeManagementClient(servicePrincipalCredential(), subscriptionId, { endpoint, credentials: { scopes: [ARM_SCOPE] } });
    const fromArm = await collect(compute.virtualMachines.listAll());
    expect(lowerIds(rows)).toEqual(lowerIds(fromArm));
    const typed = await graph().resources({ query: "Resources | where type =~ 'microsoft.compute/virtualmachines' | project type | take 1", subscriptions: [subscriptionId] });
    if ((typed.data as unknown[]).length > 0) expect(typed.data).toEqual([{ type: 'microsoft.compute/virtualmachines' }]);
  });

  it('answers the table format with typed columns', async () => {
    const res = await graph().resources({ query: "Resources | project id, name | take 3", subscriptions: [subscriptionId], options: { resultFormat: 'table' } });
    const data = res.data as { columns: { name: string; type: string }[]; rows: unknown[][] };
    expect(data.columns).toEqual([{ name: 'id', type: 'string' }, { name: 'name', type: 'string' }]);
    expect(data.rows.every((r) => r.length === 2)).toBe(true);
  });

  it('carries the quota headers on every answer', async () => {
    const { headers } = await queryWithHeaders(graph(), { query: 'Resources | take 1', subscriptions: [subscriptionId] });
    expect(Number(headers['x-ms-user-quota-remaining'])).toBeGreaterThanOrEqual(0);
    expect(headers['x-ms-user-quota-resets-after']).toMatch(/^\d\d:\d\d:\d\d$/);
  });

  it('answers a malformed query with 400 BadRequest, InvalidQuery and where parsing failed', async () => {
    const error = await graph().resources({ query: "Resources | where name == 'x", subscriptions: [subscriptionId] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 400, code: 'BadRequest' });
    const details = (error as { details: { error: { message: string; details: { code: string }[] } } }).details.error;
    expect(details.message).toMatch(/^Please provide below info when asking for support: timestamp = .+, correlationId = .+\.$/);
    expect(details.details[0]?.code).toBe('InvalidQuery');
    expect(details.details.length).toBeGreaterThan(1);
  });

  it('names an unknown table', async () => {
    const error = await graph().resources({ query: 'NoSuchResources | take 1', subscriptions: [subscriptionId] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 400, code: 'BadRequest' });
    const codes = (error as { details: { error: { details: { code: string }[] } } }).details.error.details.map((d) => d.code);
    expect(codes).toContain('DisallowedLogicalTableName');
  });

  emulatorOnly('shows a Reader of one resource group only that group (gina, rg-web), and nothing to a user with no role', async () => {
    const gina = staticCredential(await userToken('gina@contoso.example'));
    const { rows } = await allPages(graph(gina), { query: VMS });
    expect(rows.map((r) => r['name']).sort()).toEqual(['lb-web-01', 'lb-web-02', 'multi-pip-01', 'web-01']);
    const nora = await graph(staticCredential(await userToken('nora@contoso.example'))).resources({ query: VMS });
    expect(nora).toMatchObject({ totalRecords: 0, count: 0, data: [] });
    const rita = await graph(staticCredential(await userToken('rita@contoso.example'))).resources({ query: VMS, subscriptions: [CONTOSO.devTest] });
    expect(rita.totalRecords).toBe(0);
  });

  emulatorOnly('answers 429 RateLimiting with Retry-After once the window is used up', async () => {
    await control.settings({ graph: { quotaLimit: 3, quotaWindowMs: 60_000 } });
    const client = graph(servicePrincipalCredential(), 0);
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) remaining.push((await queryWithHeaders(client, { query: 'Resources | take 1' })).headers['x-ms-user-quota-remaining'] ?? '');
    expect(remaining).toEqual(['2', '1', '0']);
    let headers: Headers = {};
    const error = await client.resources({ query: 'Resources | take 1' }, { onResponse: (raw) => void (headers = raw.headers.toJSON()) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 429, code: 'RateLimiting' });
    expect(Number(headers['retry-after'])).toBeGreaterThan(50);
    expect(headers['x-ms-user-quota-remaining']).toBe('0');
    expect(headers['x-ms-user-quota-resets-after']).toMatch(/^00:0[01]:\d\d$/);
  });

  emulatorOnly('lags ARM writes: a new resource group shows only after the lag', async () => {
    await control.settings({ graph: { lagMs: 1500 } });
    const name = unique('rg-graph-lag');
    created.push(name);
    await sdk().resources().resourceGroups.createOrUpdate(name, { location: 'westeurope' });
    const query = `ResourceContainers | where type =~ 'microsoft.resources/subscriptions/resourcegroups' | where name =~ '${name}' | project id, name`;
    expect((await graph().resources({ query })).count).toBe(0);
    await new Promise((r) => setTimeout(r, 1600));
    expect((await graph().resources({ query })).data).toEqual([{ id: `/subscriptions/${subscriptionId}/resourceGroups/${name}`, name }]);
  });

  emulatorOnly('refuses a skip token with another query', async () => {
    const first = await graph().resources({ query: VMS, options: { top: 5 } });
    const skipToken = first.skipToken ?? '';
    expect(skipToken).not.toBe('');
    const error = await graph().resources({ query: `${VMS} | order by name asc`, options: { skipToken } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 400, code: 'BadRequest' });
  });
});
