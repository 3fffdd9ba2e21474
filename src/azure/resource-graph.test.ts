import { createHttpHeaders, type HttpClient, type PipelineRequest } from '@azure/core-rest-pipeline';
import { describe, expect, it } from 'vitest';
import { AzureRequestError } from './errors.ts';
import { createArmGateway } from './gateway.ts';

const ENDPOINT = 'https://localhost:8443/arm';
const credential = { getToken: async () => ({ token: 't', expiresOnTimestamp: Date.now() + 3_600_000 }) };
const sub = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

type Body = { subscriptions?: string[]; query: string; options?: { $top?: number; $skipToken?: string; resultFormat?: string } };

/** A fake Resource Graph: `rowsPerSubscription` rows in each subscription, paged by $top with $skipToken. */
function fakeGraph(rowsPerSubscription: number, answer?: (body: Body, n: number) => { status: number; body: unknown; headers?: Record<string, string> } | undefined) {
  const requests: { url: string; body: Body }[] = [];
  const httpClient: HttpClient = {
    async sendRequest(request: PipelineRequest) {
      const body = JSON.parse(String(request.body)) as Body;
      requests.push({ url: request.url, body });
      const custom = answer?.(body, requests.length);
      const headers = { 'content-type': 'application/json', 'x-ms-user-quota-remaining': '14', 'x-ms-user-quota-resets-after': '00:00:05', ...custom?.headers };
      if (custom) return { request, status: custom.status, headers: createHttpHeaders(headers), bodyAsText: JSON.stringify(custom.body) };
      const all = (body.subscriptions ?? []).flatMap((s) => Array.from({ length: rowsPerSubscription }, (_, i) => ({ id: `/subscriptions/${s}/vm-${i}`, subscriptionId: s })));
      const offset = body.options?.$skipToken ? Number(body.options.$skipToken) : 0;
      const top = body.options?.$top ?? 1000;
      const data = all.slice(offset, offset + top);
      const next = offset + data.length;
      const page = { totalRecords: all.length, count: data.length, resultTruncated: 'false', data, facets: [], ...(next < all.length ? { $skipToken: String(next) } : {}) };
      return { request, status: 200, headers: createHttpHeaders(headers), bodyAsText: JSON.stringify(page) };
    },
  };
  return { httpClient, requests };
}

describe('queryGraph', () => {
  it('pages through $skipToken and returns every row with the totals', async () => {
    const arg = fakeGraph(1250);
    const gateway = createArmGateway({ endpoint: ENDPOINT, credential, httpClient: arg.httpClient });
    const result = await gateway.queryGraph<{ id: string }>("Resources | project id, subscriptionId", { subscriptions: [sub(1), sub(2)] });
    expect(result).toMatchObject({ totalRecords: 2500, pages: 3, truncated: false });
    expect(result.rows).toHaveLength(2500);
    expect(new Set(result.rows.map((r) => r.id)).size).toBe(2500);
    expect(arg.requests[0]?.url).toBe(`${ENDPOINT}/providers/Microsoft.ResourceGraph/resources?api-version=2024-04-01`);
    expect(arg.requests.map((r) => r.body.options)).toEqual([
      { $top: 1000, resultFormat: 'objectArray' },
      { $top: 1000, resultFormat: 'objectArray', $skipToken: '1000' },
      { $top: 1000, resultFormat: 'objectArray', $skipToken: '2000' },
    ]);
  });

  it('asks for at most a few hundred subscriptions per request and adds the batches up', async () => {
    const arg = fakeGraph(2);
    const gateway = createArmGateway({ endpoint: ENDPOINT, credential, httpClient: arg.httpClient });
    const subscriptions = Array.from({ length: 450 }, (_, i) => sub(i));
    const result = await gateway.queryGraph("Resources | project id", { subscriptions }, { subscriptionsPerRequest: 200 });
    expect(arg.requests.map((r) => r.body.subscriptions?.length)).toEqual([200, 200, 50]);
    expect(result).toMatchObject({ totalRecords: 900, pages: 3 });
    expect(result.rows).toHaveLength(900);
  });

  it('sends a management-group scope as it is, and nothing for an empty subscription list', async () => {
    const arg = fakeGraph(0, () => ({ status: 200, body: { totalRecords: 1, count: 1, resultTruncated: 'true', data: [{ id: 'x' }] } }));
    const gateway = createArmGateway({ endpoint: ENDPOINT, credential, httpClient: arg.httpClient });
    expect(await gateway.queryGraph('Resources | take 1', { managementGroups: ['root'] })).toMatchObject({ truncated: true, pages: 1 });
    expect(arg.requests[0]?.body).toMatchObject({ managementGroups: ['root'] });
    expect(await gateway.queryGraph('Resources', { subscriptions: [] })).toEqual({ rows: [], totalRecords: 0, pages: 0, truncated: false });
    expect(arg.requests).toHaveLength(1);
  });

  it("retries a 429 after Retry-After (the SDK's throttling policy) and paces the retry by the quota headers", async () => {
    const arg = fakeGraph(1, (_body, n) =>
      n === 1
        ? { status: 429, body: { error: { code: 'RateLimiting', message: 'Please provide below info when asking for support: …', details: [{ code: 'RateLimiting', message: 'Client application has been throttled' }] } }, headers: { 'Retry-After': '1', 'x-ms-user-quota-remaining': '0', 'x-ms-user-quota-resets-after': '00:00:01' } }
        : undefined,
    );
    const gateway = createArmGateway({ endpoint: ENDPOINT, credential, httpClient: arg.httpClient });
    const started = Date.now();
    const result = await gateway.queryGraph('Resources | project id', { subscriptions: [sub(1)] });
    expect(result.rows).toHaveLength(1);
    expect(arg.requests).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("throws ARG's most specific error detail, with where the query went wrong", async () => {
    const arg = fakeGraph(0, () => ({
      status: 400,
      body: {
        error: {
          code: 'BadRequest',
          message: 'Please provide below info when asking for support: timestamp = 2025-06-01T10:00:00.0000000Z, correlationId = c-1.',
          details: [
            { code: 'InvalidQuery', message: 'Query is invalid. Please refer to the documentation for the Azure Resource Graph service and fix the error before retrying.' },
            { code: 'ParserFailure', message: 'ParserFailure', line: 1, characterPositionInLine: 12, token: 'wher' },
          ],
        },
      },
    }));
    const gateway = createArmGateway({ endpoint: ENDPOINT, credential, httpClient: arg.httpClient });
    const error = await gateway.queryGraph('Resources | wher x', { subscriptions: [sub(1)] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AzureRequestError);
    expect((error as AzureRequestError).detail).toMatchObject({
      kind: 'validation',
      status: 400,
      code: 'ParserFailure',
      message: "ParserFailure (line 1, position 12, at 'wher')",
    });
  });
});
