// POST /providers/Microsoft.ResourceGraph/resources through the ARM pipeline, in process: paging, scope
// and RBAC, formats, facets, errors in ARG's words, the quota and the lag.
import { describe, expect, it } from 'vitest';
import { allPages, DEV, graphHarness, PROD, TENANT, USERS } from './graph-harness.ts';

const VMS = "Resources | where type =~ 'microsoft.compute/virtualmachines' | project id, name, resourceGroup";
const ids = (rows: Record<string, unknown>[]) => rows.map((r) => String(r['id']).toLowerCase());

async function armVmIds(h: ReturnType<typeof graphHarness>, principal: string, subscriptionId: string): Promise<string[]> {
  const res = await h.call(principal, 'GET', `/subscriptions/${subscriptionId}/providers/Microsoft.Compute/virtualMachines?api-version=2026-04-01`);
  return (res.body['value'] as { id: string }[]).map((v) => v.id.toLowerCase());
}

describe('paging', () => {
  it('pages with $skipToken: every VM once, in a stable order, totalRecords on every page', async () => {
    const h = graphHarness();
    const { pages, rows } = await allPages(h, USERS.sp, { query: VMS, options: { $top: 10 } });
    const expected = [...(await armVmIds(h, USERS.sp, PROD)), ...(await armVmIds(h, USERS.sp, DEV))].sort();
    // Full pages of 10, then the rest.
    const sizes = Array.from({ length: Math.ceil(expected.length / 10) }, (_, i) => Math.min(10, expected.length - i * 10));
    expect(pages.map((p) => p.body['count'])).toEqual(sizes);
    expect(pages.every((p) => p.body['totalRecords'] === expected.length && p.body['resultTruncated'] === 'false')).toBe(true);
    expect(ids(rows)).toEqual(expected);
    expect(new Set(ids(rows)).size).toBe(rows.length);
  });

  it('answers up to 1,000 rows a page by default, with no token when everything fits', async () => {
    const h = graphHarness();
    const res = await h.query(USERS.sp, { query: VMS });
    expect(res.status).toBe(200);
    expect(res.body['$skipToken']).toBeUndefined();
    expect(res.body['count']).toBe(res.body['totalRecords']);
    expect(res.body['facets']).toEqual([]);
  });

  it('serves later pages from the first page\'s snapshot, whatever ARM writes in between', async () => {
    const h = graphHarness();
    const first = await h.query(USERS.sp, { query: VMS, options: { $top: 30 } });
    h.store.delete(`/subscriptions/${PROD}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/web-01`);
    const second = await h.query(USERS.sp, { query: VMS, options: { $skipToken: first.body['$skipToken'] } });
    expect(second.body['totalRecords']).toBe(first.body['totalRecords']);
  });

  it('honours $skip, and $top/$skip given with a token override its page size and offset', async () => {
    const h = graphHarness();
    const all = ids((await h.query(USERS.sp, { query: VMS })).body['data'] as Record<string, unknown>[]);
    const skipped = await h.query(USERS.sp, { query: VMS, options: { $skip: 5, $top: 3 } });
    expect(ids(skipped.body['data'] as Record<string, unknown>[])).toEqual(all.slice(5, 8));
    const next = await h.query(USERS.sp, { query: VMS, options: { $skipToken: skipped.body['$skipToken'], $top: 2 } });
    expect(ids(next.body['data'] as Record<string, unknown>[])).toEqual(all.slice(8, 10));
  });

  it('does not page a query with take: the rest is truncated, and $skip is ignored', async () => {
    const h = graphHarness();
    const res = await h.query(USERS.sp, { query: `${VMS} | take 5`, options: { $top: 2, $skip: 3 } });
    expect(res.body).toMatchObject({ totalRecords: 5, count: 2, resultTruncated: 'true' });
    expect(res.body['$skipToken']).toBeUndefined();
  });

  it('does not page a result whose columns are all dynamic', async () => {
    const h = graphHarness();
    const res = await h.query(USERS.sp, { query: "Resources | where type =~ 'microsoft.compute/virtualmachines' | project properties", options: { $top: 5 } });
    expect(res.body).toMatchObject({ count: 5, resultTruncated: 'true' });
    expect(res.body['totalRecords']).toBeGreaterThan(5);
    expect(res.body['$skipToken']).toBeUndefined();
  });

  it("refuses a token with another query, scope or user (ARG's token binds them)", async () => {
    const h = graphHarness();
    const first = await h.query(USERS.sp, { query: VMS, options: { $top: 5 } });
    const token = first.body['$skipToken'];
    for (const [who, body] of [
      [USERS.sp, { query: `${VMS} | take 100`, options: { $skipToken: token } }],
      [USERS.sp, { query: VMS, subscriptions: [PROD], options: { $skipToken: token } }],
      [USERS.alice, { query: VMS, options: { $skipToken: token } }],
      [USERS.sp, { query: VMS, options: { $skipToken: 'bm90IGEgdG9rZW4=' } }],
    ] as const) {
      const res = await h.query(who, body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'BadRequest', details: [{ code: 'InvalidSkipToken' }] } });
    }
  });
});

describe('formats and facets', () => {
  it('answers the table format with typed columns', async () => {
    const h = graphHarness();
    const res = await h.query(USERS.sp, { query: `${VMS} | take 2`, options: { resultFormat: 'table' } });
    const data = res.body['data'] as { columns: { name: string; type: string }[]; rows: unknown[][] };
    expect(data.columns).toEqual([{ name: 'id', type: 'string' }, { name: 'name', type: 'string' }, { name: 'resourceGroup', type: 'string' }]);
    expect(data.rows).toHaveLength(2);
    expect(data.rows[0]).toHaveLength(3);
  });

  it('computes a facet by a column and answers a FacetError for a column the result lacks', async () => {
    const h = graphHarness();
    const res = await h.query(USERS.sp, {
      query: "Resources | where type =~ 'microsoft.compute/virtualmachines' | project id, location",
      facets: [{ expression: 'location', options: { $top: 2 } }, { expression: 'nonExistingColumn' }],
    });
    const [byLocation, missing] = res.body['facets'] as Record<string, unknown>[];
    expect(byLocation).toMatchObject({ expression: 'location', resultType: 'FacetResult', count: 2, data: [{ location: 'westeurope' }, {}] });
    expect((byLocation?.['data'] as { count: number }[])[0]?.count).toBeGreaterThan(20);
    expect(missing).toEqual({
      expression: 'nonExistingColumn',
      resultType: 'FacetError',
      errors: [{ code: 'NoValidColumns', message: 'No valid columns in facet expression.' }, { code: 'InvalidColumnNames', message: 'Invalid column names: [nonExistingColumn].' }],
    });
  });
});

describe('scope and RBAC', () => {
  it('shows a Reader of one resource group only that group\'s rows', async () => {
    const h = graphHarness();
    const { rows } = await allPages(h, USERS.gina, { query: VMS });
    expect(rows.length).toBe(4);
    expect(new Set(rows.map((r) => r['resourceGroup']))).toEqual(new Set(['rg-web']));
    const containers = await h.query(USERS.gina, { query: 'ResourceContainers | project id, name, type' });
    expect((containers.body['data'] as { name: string }[]).map((r) => r.name)).toEqual(['rg-web']);
  });

  it('leaves out subscriptions the caller cannot reach, silently, and answers an empty result for none', async () => {
    const h = graphHarness();
    const rita = await h.query(USERS.rita, { query: VMS, subscriptions: [PROD, DEV] });
    expect(ids(rita.body['data'] as Record<string, unknown>[])).toEqual((await armVmIds(h, USERS.rita, PROD)).sort());
    const dev = await h.query(USERS.rita, { query: VMS, subscriptions: [DEV] });
    expect(dev.body).toMatchObject({ totalRecords: 0, count: 0, data: [] });
    const nora = await h.query(USERS.nora, { query: VMS });
    expect(nora.status).toBe(200);
    expect(nora.body).toMatchObject({ totalRecords: 0, count: 0, resultTruncated: 'false', data: [] });
  });

  it('covers every visible subscription at tenant scope and under the tenant root management group', async () => {
    const h = graphHarness();
    const tenant = await h.query(USERS.alice, { query: VMS });
    const root = await h.query(USERS.alice, { query: VMS, managementGroups: [TENANT] });
    const other = await h.query(USERS.alice, { query: VMS, managementGroups: ['ProductionMG'] });
    expect(root.body['totalRecords']).toBe(tenant.body['totalRecords']);
    expect(tenant.body['totalRecords']).toBe((await armVmIds(h, USERS.alice, PROD)).length + (await armVmIds(h, USERS.alice, DEV)).length);
    expect(other.body['totalRecords']).toBe(0);
  });
});

describe('errors as ARG words them', () => {
  it('answers a query it cannot parse with 400 BadRequest, InvalidQuery first, then where it failed', async () => {
    const h = graphHarness();
    const res = await h.query(USERS.sp, { query: 'Resources | wher type == 1' });
    expect(res.status).toBe(400);
    const error = res.body['error'] as { code: string; message: string; details: Record<string, unknown>[] };
    expect(error.code).toBe('BadRequest');
    expect(error.message).toMatch(/^Please provide below info when asking for support: timestamp = \d{4}-\d\d-\d\dT[\d:.]+Z, correlationId = [0-9a-f-]{36}\.$/);
    expect(error.details[0]).toEqual({ code: 'InvalidQuery', message: 'Query is invalid. Please refer to the documentation for the Azure Resource Graph service and fix the error before retrying.' });
    expect(error.details[1]).toMatchObject({ code: 'ParserFailure', line: 1, characterPositionInLine: expect.any(Number) });
    expect(res.headers['x-ms-user-quota-remaining']).toBe('14');
  });

  it('names an unknown table', async () => {
    const h = graphHarness();
    const res = await h.query(USERS.sp, { query: 'AppServiceResources | take 1' });
    expect(res.body).toMatchObject({ error: { code: 'BadRequest', details: [{ code: 'InvalidQuery' }, { code: 'DisallowedLogicalTableName', message: 'Table AppServiceResources is invalid, unsupported or disallowed.' }] } });
  });

  it.each([
    [{}, 'query'],
    [{ query: '' }, 'query'],
    [{ query: VMS, options: { $top: 1001 } }, 'options.$top'],
    [{ query: VMS, options: { $top: 0 } }, 'options.$top'],
    [{ query: VMS, options: { $skip: -1 } }, 'options.$skip'],
    [{ query: VMS, options: { resultFormat: 'csv' } }, 'options.resultFormat'],
    [{ query: VMS, subscriptions: ['not-a-guid'] }, 'subscriptions[0]'],
    [{ query: VMS, subscriptions: [PROD], managementGroups: [TENANT] }, 'managementGroups'],
  ])('refuses the body %j (%s)', async (body, target) => {
    const h = graphHarness();
    const res = await h.query(USERS.sp, body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'BadRequest', details: [{ code: 'InvalidRequestParameter', target }] } });
  });

  it('accepts the api-versions the SDK and the az CLI send, and no others', async () => {
    const h = graphHarness();
    for (const v of ['2021-03-01', '2022-10-01', '2024-04-01']) {
      expect((await h.query(USERS.sp, { query: VMS }, `/providers/Microsoft.ResourceGraph/resources?api-version=${v}`)).status).toBe(200);
    }
    const old = await h.query(USERS.sp, { query: VMS }, '/providers/Microsoft.ResourceGraph/resources?api-version=2018-09-01-preview');
    expect(old.body).toMatchObject({ error: { code: 'NoRegisteredProviderFound' } });
  });

  it('answers as a cloud without Resource Graph does when it is disabled', async () => {
    const h = graphHarness(undefined, (s) => {
      s.graph.enabled = false;
    });
    const res = await h.query(USERS.sp, { query: VMS });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: { code: 'InvalidResourceNamespace', message: "The resource namespace 'Microsoft.ResourceGraph' is invalid." } });
  });
});

describe('quota', () => {
  it('allows 15 queries per user per 5 s, says so on every answer, then answers 429 with Retry-After', async () => {
    const h = graphHarness();
    const remaining: string[] = [];
    for (let i = 0; i < 15; i++) remaining.push((await h.query(USERS.sp, { query: VMS })).headers['x-ms-user-quota-remaining'] ?? '');
    expect(remaining).toEqual(['14', '13', '12', '11', '10', '9', '8', '7', '6', '5', '4', '3', '2', '1', '0']);
    h.advance(2000);
    const refused = await h.query(USERS.sp, { query: VMS });
    expect(refused.status).toBe(429);
    expect(refused.headers).toMatchObject({ 'Retry-After': '3', 'x-ms-user-quota-remaining': '0', 'x-ms-user-quota-resets-after': '00:00:03' });
    expect(refused.body).toMatchObject({ error: { code: 'RateLimiting', details: [{ code: 'RateLimiting' }] } });
    expect((await h.query(USERS.alice, { query: VMS })).status).toBe(200);
    h.advance(3000);
    const again = await h.query(USERS.sp, { query: VMS });
    expect(again.status).toBe(200);
    expect(again.headers['x-ms-user-quota-remaining']).toBe('14');
    expect(again.headers['x-ms-ratelimit-remaining-tenant-reads']).toEqual(expect.any(String));
  });

  it('takes its limit and window from the settings', async () => {
    const h = graphHarness(undefined, (s) => {
      s.graph.quotaLimit = 2;
      s.graph.quotaWindowMs = 60_000;
    });
    await h.query(USERS.sp, { query: VMS });
    expect((await h.query(USERS.sp, { query: VMS })).headers['x-ms-user-quota-resets-after']).toBe('00:01:00');
    expect((await h.query(USERS.sp, { query: VMS })).status).toBe(429);
  });
});

describe('freshness', () => {
  it('shows an ARM write only after the lag', async () => {
    const h = graphHarness(undefined, (s) => {
      s.graph.lagMs = 2000;
    });
    const put = await h.call(USERS.sp, 'PUT', `/subscriptions/${PROD}/resourcegroups/rg-new?api-version=2025-04-01`, { location: 'westeurope' });
    expect(put.status).toBe(201);
    const groups = "ResourceContainers | where type =~ 'microsoft.resources/subscriptions/resourcegroups' | project id, name";
    const names = async () => ((await h.query(USERS.sp, { query: groups })).body['data'] as { name: string }[]).map((r) => r.name);
    expect(await names()).not.toContain('rg-new');
    h.advance(2000);
    expect(await names()).toContain('rg-new');
  });
});
