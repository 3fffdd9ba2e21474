// Azure Resource Graph behind POST /providers/Microsoft.ResourceGraph/resources: the caller's quota, the
// request body, the scope and RBAC filter, the KQL engine over the lagged index, paging with $skipToken and
// ARG's QueryResponse. Every answer, errors and 429s included, carries the quota headers.
import { createHash } from 'node:crypto';
import { ArmError, armErrors, graphErrors } from '../arm/errors.ts';
import type { Settings } from '../arm/settings.ts';
import type { Principal } from '../arm/types.ts';
import type { Store } from '../state/store.ts';
import { readableBy, subscriptionsInScope } from './access.ts';
import { computeFacet, type Column, type FacetAnswer } from './facets.ts';
import { createGraphIndex, type GraphIndex } from './indexer.ts';
import { evaluate, KqlError, parseQuery, type QueryInput } from './kql/index.ts';
import { createQuota } from './quota.ts';
import { MAX_TOP, parseQueryRequest, RequestProblem, type GraphQueryRequest, type ResultFormat } from './request.ts';
import { createResultCache } from './skip-token.ts';
import { GRAPH_TABLES, type GraphTable, type Row } from './tables.ts';

/** A query's whole result, kept between pages. */
export interface GraphResult {
  columns: Column[];
  rows: Row[];
  /** false for queries with take/limit (ARG does not page them) and for results with only dynamic columns. */
  pageable: boolean;
}

export interface QueryResponseBody {
  totalRecords: number;
  count: number;
  resultTruncated: 'true' | 'false';
  $skipToken?: string;
  data: unknown;
  facets: FacetAnswer[];
}

export interface GraphAnswer {
  headers: Record<string, string>;
  body: QueryResponseBody;
}

export interface GraphService {
  query(request: { principal: Principal; body: unknown; correlationId: string }): GraphAnswer;
  /** Quota windows and kept results back to nothing (the index follows the store's own reset). */
  reset(): void;
  readonly index: GraphIndex;
}

export interface GraphServiceOptions {
  store: Store;
  settings: () => Settings;
  clock?: () => number;
}

// Clients page through the same query again and again (and poll with it): parse each text once.
const MAX_CACHED_ASTS = 256;
// (table, principal, scope) sets kept; each is an array of references to index rows.
const MAX_VISIBLE_SETS = 64;

function fingerprintOf(request: GraphQueryRequest): string {
  const scope = (list: string[] | undefined) => (list === undefined ? null : list.map((s) => s.toLowerCase()).sort());
  return createHash('sha256')
    .update(JSON.stringify([request.query, scope(request.subscriptions), scope(request.managementGroups)]))
    .digest('hex');
}

/**
 * Without order by/top ARG's order is its own; here it is by id (when the result has one) so that the same
 * query gives the same pages. The index feeds the engine rows sorted by id, so most results already are.
 */
function inStableOrder(rows: Row[], columns: readonly Column[]): Row[] {
  if (!columns.some((c) => c.name === 'id')) return rows;
  const keys = rows.map((row) => (typeof row['id'] === 'string' ? row['id'].toLowerCase() : ''));
  let sorted = true;
  for (let i = 1; i < keys.length && sorted; i++) sorted = (keys[i - 1] as string) <= (keys[i] as string);
  if (sorted) return rows;
  const order = keys.map((key, i) => ({ key, i }));
  order.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i));
  return order.map((o) => rows[o.i] as Row);
}

function formatData(columns: readonly Column[], rows: readonly Row[], format: ResultFormat): unknown {
  if (format === 'table') {
    return { columns: columns.map((c) => ({ name: c.name, type: c.type })), rows: rows.map((r) => columns.map((c) => r[c.name] ?? null)) };
  }
  return rows.map((r) => {
    const out: Row = {};
    for (const c of columns) out[c.name] = r[c.name] ?? null;
    return out;
  });
}

export function createGraphService(options: GraphServiceOptions): GraphService {
  const { store } = options;
  const clock = options.clock ?? Date.now;
  const graphSettings = () => options.settings().graph;
  const index = createGraphIndex(store, () => graphSettings().lagMs, clock);
  const quota = createQuota(graphSettings, clock);
  const results = createResultCache<GraphResult>({ clock });
  const asts = new Map<string, unknown>();
  const parsed = (query: string): unknown => {
    let ast = asts.get(query);
    if (ast === undefined) {
      ast = parseQuery(query);
      if (asts.size >= MAX_CACHED_ASTS) asts.delete(asts.keys().next().value as string);
      asts.set(query, ast);
    }
    return ast;
  };

  /**
   * The rows of a table the principal may see in the scope. Kept until the index changes (or a kept row
   * expires), because clients send the same principal and scope again and again (pages, polls, batches).
   */
  const visible = new Map<string, { version: number; validUntil: number; rows: Row[] }>();
  function visibleRows(table: GraphTable, principal: Principal, subscriptions: Set<string>, now: number): Row[] {
    const entries = index.entries(table, now);
    const key = `${table}|${principal.objectId.toLowerCase()}|${[...subscriptions].sort().join(',')}`;
    const kept = visible.get(key);
    if (kept && kept.version === index.version() && now < kept.validUntil) return kept.rows;
    const readable = readableBy(store, principal.objectId);
    const rows: Row[] = [];
    let validUntil = Infinity;
    for (const e of entries) {
      if (!subscriptions.has(e.subscriptionId) || (e.expiresAt !== undefined && e.expiresAt <= now) || !readable(e)) continue;
      rows.push(e.row);
      if (e.expiresAt !== undefined) validUntil = Math.min(validUntil, e.expiresAt);
    }
    if (visible.size >= MAX_VISIBLE_SETS) visible.delete(visible.keys().next().value as string);
    visible.set(key, { version: index.version(), validUntil, rows });
    return rows;
  }

  function run(request: GraphQueryRequest, principal: Principal, correlationId: string): GraphResult {
    const now = clock();
    const subscriptions = subscriptionsInScope(store, principal.objectId, request);
    const input: QueryInput = {
      now: new Date(now),
      table(name) {
        const table = GRAPH_TABLES.find((t) => t === name);
        return table === undefined ? undefined : visibleRows(table, principal, subscriptions, now);
      },
    };
    let out;
    try {
      out = evaluate(parsed(request.query), input);
    } catch (e) {
      if (e instanceof KqlError) throw graphErrors.invalidQuery(correlationId, e.details);
      throw e;
    }
    const columns: Column[] = out.columns.map((c) => ({ name: c.name, type: c.type }));
    return {
      columns,
      rows: out.ordered ? out.rows : inStableOrder(out.rows, columns),
      pageable: !out.limited && !columns.every((c) => c.type === 'object'),
    };
  }

  function answer(body: unknown, principal: Principal, correlationId: string): QueryResponseBody {
    let request: GraphQueryRequest;
    try {
      request = parseQueryRequest(body);
    } catch (e) {
      if (e instanceof RequestProblem) throw graphErrors.invalidRequest(correlationId, e.target, e.message);
      throw e;
    }
    const fingerprint = fingerprintOf(request);
    let result: GraphResult;
    let offset: number;
    let pageSize: number;
    let continued = false;
    if (request.skipToken !== undefined) {
      const cursor = results.resolve(request.skipToken, principal.objectId, fingerprint);
      if (!cursor) throw graphErrors.invalidSkipToken(correlationId);
      result = cursor.entry.result;
      // $top and $skip override the token's page size and offset (QueryRequestOptions).
      offset = request.skip ?? cursor.offset;
      pageSize = request.top ?? cursor.pageSize;
      continued = true;
    } else {
      result = run(request, principal, correlationId);
      // "If limit or take are used in the query, Skip is ignored" (work-with-data.md).
      offset = result.pageable ? (request.skip ?? 0) : 0;
      pageSize = request.top ?? MAX_TOP;
    }
    const total = result.rows.length;
    const page = result.rows.slice(offset, offset + pageSize);
    const next = offset + page.length;
    let skipToken: string | undefined;
    if (next < total && result.pageable) {
      skipToken = continued
        ? results.next(request.skipToken ?? '', next, pageSize)
        : results.issue({ owner: principal.objectId, fingerprint, result, rows: total }, next, pageSize);
    }
    return {
      totalRecords: total,
      count: page.length,
      // Rows were left out and cannot be paged to (take/limit, or only dynamic columns).
      resultTruncated: next < total && skipToken === undefined ? 'true' : 'false',
      ...(skipToken === undefined ? {} : { $skipToken: skipToken }),
      data: formatData(result.columns, page, request.resultFormat),
      facets: request.facets.map((f) => computeFacet(f, result.columns, result.rows, request.resultFormat)),
    };
  }

  return {
    index,
    query({ principal, body, correlationId }) {
      // A cloud without Resource Graph (Azure Stack Hub, a proxy that blocks it) knows no such namespace.
      if (!graphSettings().enabled) throw armErrors.invalidResourceNamespace('Microsoft.ResourceGraph');
      const decision = quota.take(principal.objectId);
      if (!decision.allowed) {
        throw graphErrors.quotaExceeded(correlationId, Math.max(1, Math.ceil(decision.resetsAfterMs / 1000)), decision.headers);
      }
      try {
        return { headers: decision.headers, body: answer(body, principal, correlationId) };
      } catch (e) {
        if (e instanceof ArmError) Object.assign(e.headers, decision.headers);
        throw e;
      }
    },
    reset() {
      quota.reset();
      results.reset();
      visible.clear();
    },
  };
}
