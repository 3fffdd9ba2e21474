// Resource Graph's own copy of the store. In Azure, ARG is a separate index that learns about ARM writes
// seconds later; here every store change is queued with its time and applied once it is older than the lag,
// so an app that reads its own writes back from ARG sees them missing, as it would in Azure. Applying a
// change costs O(log n) plus one array move, never a rebuild; only a store reset rebuilds (at once).
import type { Store, StoreChange } from '../state/store.ts';
import { entryFor, GRAPH_TABLES, subscriptionEntry, type GraphEntry, type GraphTable, type TableContext } from './tables.ts';

export interface GraphIndex {
  /** A table's rows as ARG sees them at `now`, sorted by lower-cased id. Read-only. */
  entries(table: GraphTable, now?: number): readonly GraphEntry[];
  /** Store changes not visible yet. */
  pending(): number;
  /** Rows in all tables. */
  size(): number;
  /** Changes whenever a row appears, changes or goes (callers cache what they derive from entries()). */
  version(): number;
  /** Stops following the store. */
  close(): void;
}

interface TableState {
  byKey: Map<string, GraphEntry>;
  /** Sorted by key; kept in step with byKey. */
  sorted: GraphEntry[];
}

function search(sorted: readonly GraphEntry[], key: string): { found: boolean; at: number } {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const k = (sorted[mid] as GraphEntry).key;
    if (k === key) return { found: true, at: mid };
    if (k < key) lo = mid + 1;
    else hi = mid;
  }
  return { found: false, at: lo };
}

export function createGraphIndex(store: Store, lagMs: () => number, clock: () => number = Date.now): GraphIndex {
  const ctx: TableContext = {
    get tenantId() {
      return store.identity.tenant.tenantId;
    },
    lookup: (id) => store.get(id),
  };
  let tables = new Map<GraphTable, TableState>();
  /** Which table holds a key, so a put that changes a resource's table moves it. */
  let tableOf = new Map<string, GraphTable>();
  /** Changes stamped with this index's clock when they happened (the store's own stamp is Date.now). */
  let queue: { change: StoreChange; at: number }[] = [];
  let head = 0;
  let version = 0;

  const remove = (key: string): void => {
    const table = tableOf.get(key);
    if (table === undefined) return;
    version++;
    tableOf.delete(key);
    const state = tables.get(table) as TableState;
    state.byKey.delete(key);
    const { found, at } = search(state.sorted, key);
    if (found) state.sorted.splice(at, 1);
  };
  const upsert = (e: GraphEntry): void => {
    version++;
    if (tableOf.get(e.key) !== e.table) remove(e.key);
    tableOf.set(e.key, e.table);
    const state = tables.get(e.table) as TableState;
    state.byKey.set(e.key, e);
    const { found, at } = search(state.sorted, e.key);
    if (found) state.sorted[at] = e;
    else state.sorted.splice(at, 0, e);
  };

  const rebuild = (): void => {
    tables = new Map(GRAPH_TABLES.map((t) => [t, { byKey: new Map(), sorted: [] }]));
    tableOf = new Map();
    queue = [];
    head = 0;
    version++;
    const all: GraphEntry[] = store.catalog.subscriptions.map((s) => subscriptionEntry(s, ctx));
    for (const resource of store.all()) {
      const e = entryFor(resource, ctx);
      if (e) all.push(e);
    }
    for (const e of all) {
      tableOf.set(e.key, e.table);
      (tables.get(e.table) as TableState).byKey.set(e.key, e);
    }
    for (const state of tables.values()) {
      state.sorted = [...state.byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    }
  };

  const applyUntil = (now: number): void => {
    const visibleBefore = now - Math.max(0, lagMs());
    while (head < queue.length) {
      const { change, at } = queue[head] as { change: StoreChange; at: number };
      if (at > visibleBefore) break;
      head++;
      if (change.kind === 'put') {
        const e = entryFor(change.resource, ctx);
        if (e) upsert(e);
        else remove(change.id.toLowerCase());
      } else if (change.kind === 'delete') {
        remove(change.id.toLowerCase());
      }
    }
    if (head > 1024 && head * 2 > queue.length) {
      queue = queue.slice(head);
      head = 0;
    }
  };

  rebuild();
  const unsubscribe = store.onChange((change) => {
    // A reset replaces everything at once (tests and /_emulator/reset expect a clean slate, not a lagged one).
    if (change.kind === 'reset') return rebuild();
    const now = clock();
    queue.push({ change, at: now });
    applyUntil(now);
  });

  return {
    entries(table, now = clock()) {
      applyUntil(now);
      return (tables.get(table) as TableState).sorted;
    },
    pending: () => queue.length - head,
    size: () => tableOf.size,
    version: () => version,
    close: unsubscribe,
  };
}
