// VM agent status and version have no list API: each VM's instance view is read on its own. This reader does
// it for the VMs it is given (the caller passes the running VMs of the chosen regions), progressively:
// - in priority order, which prioritize(ids) changes at any time (visible rows and selected VMs first);
// - paced by the read budget (rate-budget.ts), so each subscription's read bucket is used to the full without
//   a 429; subscriptions have separate buckets, so their reads proceed side by side;
// - results handed over in batches (one re-render per batch, not per VM), with progress and an ETA;
// - a 429 (another client spent the bucket) puts the VM back in the queue: it is not a failure;
// - cancellable.
import { toAzureError } from '../errors.ts';
import { abortError, realClock, type BudgetClock, type ReadBudget } from '../rate-budget.ts';
import type { VmInstanceViewLike } from '../vm-wire.ts';
import type { AgentReadResult } from './fleet-rows.ts';
import { idKey, subscriptionOf } from './normalise.ts';

export type AgentProgress = {
  read: number;
  total: number;
  failed: number;
  /** 429s met (the VMs were read again later). */
  throttled: number;
  /** About how long the rest takes at what ARM allows. */
  etaMs: number;
  /** What ARM allows for the subscriptions still being read: 25 a second each. */
  ratePerSecond: number;
};

export type AgentReaderOptions = {
  budget: ReadBudget;
  /** Read these (the visible rows) before the others, in this order: as prioritize() right at creation. */
  first?: readonly string[];
  /** One instance view; null when the VM is gone (404). */
  read: (vmId: string, signal: AbortSignal) => Promise<VmInstanceViewLike | null>;
  onBatch?: (results: AgentReadResult[]) => void;
  onProgress?: (progress: AgentProgress) => void;
  clock?: BudgetClock;
  /** Reads in flight per subscription at most (the budget decides the rate; this bounds connections). */
  maxInFlightPerSubscription?: number;
  /** Results are handed over at most this often (and at the end). */
  batchMs?: number;
  signal?: AbortSignal;
};

export type AgentReaderSummary = { read: number; gone: number; failed: number; throttled: number; cancelled: boolean };

export type AgentReader = {
  /** Moves these VMs (those still queued) to the front, in this order; a later call goes before earlier ones. */
  prioritize(vmIds: readonly string[]): void;
  /** Queues more VMs (after the ones already queued). */
  add(vmIds: readonly string[]): void;
  cancel(): void;
  progress(): AgentProgress;
  /** Settles when the queue is empty (or the reader is cancelled). */
  readonly done: Promise<AgentReaderSummary>;
};

type Entry = { rank: number; id: string };

/** A binary min-heap on rank; stale entries are skipped by the caller. */
class RankHeap {
  private readonly items: Entry[] = [];
  get size(): number {
    return this.items.length;
  }
  peek(): Entry | undefined {
    return this.items[0];
  }
  push(entry: Entry): void {
    const a = this.items;
    a.push(entry);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((a[parent] as Entry).rank <= entry.rank) break;
      a[i] = a[parent] as Entry;
      i = parent;
    }
    a[i] = entry;
  }
  pop(): Entry | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length === 0 || last === undefined) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      const rank = (k: number) => (k === i ? last.rank : (a[k] as Entry).rank);
      if (l < a.length && rank(l) < rank(m)) m = l;
      if (r < a.length && rank(r) < rank(m)) m = r;
      if (m === i) break;
      a[i] = a[m] as Entry;
      i = m;
    }
    a[i] = last;
    return top;
  }
}

const PRIORITY_STEP = 1e9;

export function createAgentReader(vmIds: readonly string[], options: AgentReaderOptions): AgentReader {
  const { budget, read, onBatch, onProgress } = options;
  const clock = options.clock ?? realClock;
  const maxInFlight = options.maxInFlightPerSubscription ?? 12;
  const batchMs = options.batchMs ?? 200;
  const controller = new AbortController();
  const onOuterAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });

  /** Current rank of each queued VM (by lower-cased id); absent once dispatched. */
  const ranks = new Map<string, number>();
  const originalId = new Map<string, string>();
  const heaps = new Map<string, RankHeap>();
  const pendingBySub = new Map<string, number>();
  const inFlightBySub = new Map<string, number>();
  let nextRank = 0;
  let epoch = 0;
  let total = 0;
  const counts = { read: 0, gone: 0, failed: 0, throttled: 0 };
  let buffer: AgentReadResult[] = [];
  let lastFlush = clock.now();
  let wake: (() => void) | undefined;
  let running: Promise<AgentReaderSummary> | undefined;
  let latencyMs = 0;

  const bump = (map: Map<string, number>, key: string, by: number) => map.set(key, (map.get(key) ?? 0) + by);

  const enqueue = (key: string, rank: number) => {
    const sub = subscriptionOf(key);
    ranks.set(key, rank);
    let heap = heaps.get(sub);
    if (!heap) {
      heap = new RankHeap();
      heaps.set(sub, heap);
    }
    heap.push({ rank, id: key });
  };

  /** The best live entry of a subscription's heap, dropping stale ones. */
  const topOf = (sub: string): Entry | undefined => {
    const heap = heaps.get(sub);
    while (heap && heap.size > 0) {
      const top = heap.peek() as Entry;
      if (ranks.get(top.id) === top.rank) return top;
      heap.pop();
    }
    return undefined;
  };

  const progress = (): AgentProgress => {
    let etaMs = 0;
    let active = 0;
    for (const [sub, pending] of pendingBySub) {
      const left = pending + (inFlightBySub.get(sub) ?? 0);
      if (left === 0) continue;
      active++;
      const beyondBucket = Math.max(0, pending - budget.available(sub));
      etaMs = Math.max(etaMs, (beyondBucket / budget.refillPerSecond) * 1000 + latencyMs);
    }
    return { read: counts.read + counts.gone, total, failed: counts.failed, throttled: counts.throttled, etaMs: Math.round(etaMs), ratePerSecond: budget.refillPerSecond * Math.max(1, active) };
  };

  const flush = (force: boolean) => {
    if (buffer.length === 0) return;
    if (!force && clock.now() - lastFlush < batchMs) return;
    const batch = buffer;
    buffer = [];
    lastFlush = clock.now();
    onBatch?.(batch);
    onProgress?.(progress());
  };

  const finish = (result: AgentReadResult | undefined, sub: string) => {
    bump(inFlightBySub, sub, -1);
    if (result) buffer.push(result);
    wake?.();
  };

  const dispatch = (key: string, sub: string) => {
    ranks.delete(key);
    bump(pendingBySub, sub, -1);
    bump(inFlightBySub, sub, 1);
    const vmId = originalId.get(key) ?? key;
    const started = clock.now();
    const readAt = () => new Date(clock.now()).toISOString();
    read(vmId, controller.signal).then(
      (view) => {
        latencyMs = latencyMs === 0 ? clock.now() - started : 0.8 * latencyMs + 0.2 * (clock.now() - started);
        if (view) counts.read++;
        else counts.gone++;
        finish(view ? { vmId, outcome: 'read', view, readAt: readAt() } : { vmId, outcome: 'gone', readAt: readAt() }, sub);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return finish(undefined, sub);
        const detail = toAzureError(error);
        if (detail.kind === 'throttled' || detail.status === 429) {
          // Another client emptied the bucket: the budget heard the 429 and waits; the VM goes back in line.
          counts.throttled++;
          bump(pendingBySub, sub, 1);
          enqueue(key, -Number.MAX_SAFE_INTEGER + counts.throttled);
          return finish(undefined, sub);
        }
        counts.failed++;
        finish({ vmId, outcome: 'failed', error: detail.message, readAt: readAt() }, sub);
      },
    );
  };

  /** Sends every read the budgets allow now, best rank first across subscriptions. */
  const dispatchAll = () => {
    for (;;) {
      const candidates: { sub: string; top: Entry }[] = [];
      for (const sub of heaps.keys()) {
        if ((inFlightBySub.get(sub) ?? 0) >= maxInFlight) continue;
        const top = topOf(sub);
        if (top) candidates.push({ sub, top });
      }
      candidates.sort((a, b) => a.top.rank - b.top.rank);
      const chosen = candidates.find((c) => budget.tryAcquire(c.sub));
      if (!chosen) return;
      dispatch(chosen.top.id, chosen.sub);
    }
  };

  const nextWaitMs = (): number => {
    let wait = Number.POSITIVE_INFINITY;
    for (const sub of heaps.keys()) {
      if ((inFlightBySub.get(sub) ?? 0) >= maxInFlight || !topOf(sub)) continue;
      wait = Math.min(wait, budget.waitMs(sub));
    }
    return wait;
  };

  const pendingTotal = () => [...pendingBySub.values()].reduce((a, b) => a + b, 0);
  const inFlightTotal = () => [...inFlightBySub.values()].reduce((a, b) => a + b, 0);

  const aborted = new Promise<void>((resolve) => controller.signal.addEventListener('abort', () => resolve(), { once: true }));

  const run = async (): Promise<AgentReaderSummary> => {
    // Let the caller's prioritize() right after creation (the visible rows) decide even the first sends.
    await Promise.resolve();
    onProgress?.(progress());
    while (!controller.signal.aborted && (pendingTotal() > 0 || inFlightTotal() > 0)) {
      dispatchAll();
      flush(false);
      const woken = new Promise<void>((resolve) => (wake = resolve));
      const wait = nextWaitMs();
      const timer = new AbortController();
      const slept = Number.isFinite(wait) ? clock.sleep(Math.max(1, wait), timer.signal).catch(() => undefined) : new Promise<void>(() => undefined);
      await Promise.race([woken, slept, aborted]);
      timer.abort();
      wake = undefined;
    }
    flush(true);
    onProgress?.(progress());
    running = undefined;
    return { ...counts, cancelled: controller.signal.aborted };
  };

  const add = (ids: readonly string[]) => {
    for (const id of ids) {
      const key = idKey(id);
      if (ranks.has(key) || originalId.has(key)) continue;
      originalId.set(key, id);
      bump(pendingBySub, subscriptionOf(key), 1);
      total++;
      enqueue(key, nextRank++);
    }
    if (!controller.signal.aborted) {
      running ??= run();
      wake?.();
    }
  };

  const prioritize = (ids: readonly string[]) => {
    epoch++;
    ids.forEach((id, i) => {
      const key = idKey(id);
      if (ranks.has(key)) enqueue(key, -epoch * PRIORITY_STEP + i);
    });
    wake?.();
  };

  add(vmIds);
  if (options.first) prioritize(options.first);
  const first = running ?? Promise.resolve({ ...counts, cancelled: false });

  return {
    prioritize,
    add,
    cancel() {
      if (!controller.signal.aborted) controller.abort(abortError(undefined));
      options.signal?.removeEventListener('abort', onOuterAbort);
    },
    progress,
    get done() {
      return running ?? first;
    },
  };
}
