import type { ArmClients } from './clients.ts';
import { mapConcurrent } from './paging.ts';

/** Which subscriptions a Resource Graph query covers: a list, or everything under management groups. */
export type GraphScope = { subscriptions: readonly string[] } | { managementGroups: readonly string[] };

export type GraphQueryOptions = {
  /** Rows per page, at most 1,000 (Resource Graph's maximum and the default). */
  pageSize?: number;
  /** Subscriptions per request; Microsoft suggests batches of a few hundred at most. */
  subscriptionsPerRequest?: number;
  /** Batches queried at once; the quota pacer keeps them within the user's budget anyway. */
  concurrency?: number;
  abortSignal?: AbortSignal;
};

export type GraphQueryResult<T> = {
  rows: T[];
  /** What the service said matched, summed over the batches. */
  totalRecords: number;
  /** Requests sent (one per page). */
  pages: number;
  /** Rows were left out that paging could not reach (a query with take/limit, or only dynamic columns). */
  truncated: boolean;
};

const MAX_PAGE = 1000;
const DEFAULT_BATCH = 200;

function batches(scope: GraphScope, size: number): ({ subscriptions: string[] } | { managementGroups: string[] })[] {
  if ('managementGroups' in scope) return scope.managementGroups.length > 0 ? [{ managementGroups: [...scope.managementGroups] }] : [];
  const out: { subscriptions: string[] }[] = [];
  for (let i = 0; i < scope.subscriptions.length; i += size) out.push({ subscriptions: scope.subscriptions.slice(i, i + size) });
  return out;
}

/**
 * Runs one KQL query over the scope and returns every row, following $skipToken page by page. The rows are
 * typed by the caller's query (its project list); the client's pacing policy (graph-pacer.ts) spends the
 * user's Resource Graph quota without ever sending a query it knows would be throttled.
 */
export async function queryGraph<T>(clients: ArmClients, query: string, scope: GraphScope, options: GraphQueryOptions = {}): Promise<GraphQueryResult<T>> {
  const pageSize = Math.min(MAX_PAGE, Math.max(1, options.pageSize ?? MAX_PAGE));
  const parts = batches(scope, Math.max(1, options.subscriptionsPerRequest ?? DEFAULT_BATCH));
  const client = await clients.resourceGraph();
  const results = await mapConcurrent(parts, options.concurrency ?? 2, async (part) => {
    const rows: T[] = [];
    let totalRecords: number;
    let pages = 0;
    let truncated = false;
    let skipToken: string | undefined;
    do {
      const page = await client.resources(
        { ...part, query, options: { top: pageSize, resultFormat: 'objectArray', ...(skipToken ? { skipToken } : {}) } },
        options.abortSignal ? { abortSignal: options.abortSignal } : {},
      );
      pages++;
      if (!Array.isArray(page.data)) throw new TypeError('Resource Graph answered without an object array.');
      rows.push(...(page.data as T[]));
      totalRecords = page.totalRecords;
      truncated ||= page.resultTruncated === 'true';
      skipToken = page.skipToken || undefined;
    } while (skipToken);
    return { rows, totalRecords, pages, truncated };
  });
  return {
    rows: results.flatMap((r) => r.rows),
    totalRecords: results.reduce((sum, r) => sum + r.totalRecords, 0),
    pages: results.reduce((sum, r) => sum + r.pages, 0),
    truncated: results.some((r) => r.truncated),
  };
}
