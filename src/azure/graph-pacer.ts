import type { PipelinePolicy } from '@azure/core-rest-pipeline';

/*
 * Resource Graph allows each user a number of queries per window (15 per 5 s by default) and says on every
 * answer how many are left (x-ms-user-quota-remaining) and when the window resets
 * (x-ms-user-quota-resets-after, hh:mm:ss). One pacer per gateway, shared by concurrent queries, spends that
 * budget and waits for the reset instead of sending a query it knows would be throttled (429).
 */

/** What both AbortSignal and the SDK's AbortSignalLike offer. */
type SignalLike = {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
};

export type GraphPacer = {
  /** Resolves when one more query may be sent; the caller must then call settle() once. */
  acquire(signal?: SignalLike): Promise<void>;
  /** After a response (its quota headers) or a failure without one (no headers). */
  settle(headers?: { get(name: string): string | undefined | null }): void;
};

export type PacerOptions = {
  now?: () => number;
  sleep?: (ms: number, signal?: SignalLike) => Promise<void>;
};

/** "00:00:03" → 3000; undefined when unreadable. */
export function parseResetsAfter(value: string | undefined | null): number | undefined {
  const m = /^(\d+):(\d{2}):(\d{2})(?:\.(\d+))?$/.exec((value ?? '').trim());
  if (!m) return undefined;
  const fraction = m[4] ? Number(`0.${m[4]}`) : 0;
  return ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3]) + fraction) * 1000;
}

const aborted = () => new DOMException('The operation was aborted.', 'AbortError');

const defaultSleep = (ms: number, signal?: SignalLike) =>
  new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(aborted());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

export function createGraphPacer(options: PacerOptions = {}): GraphPacer {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  /** What the last answer said is left, minus what has been sent since; undefined until an answer says. */
  let remaining: number | undefined;
  let resetsAt = 0;
  /** The largest budget a window has shown (remaining + 1 on a window's first answer). */
  let limit = 1;
  let inFlight = 0;
  let waiters: (() => void)[] = [];

  const wake = () => {
    const woken = waiters;
    waiters = [];
    for (const w of woken) w();
  };

  const mayGo = (): boolean => {
    if (remaining !== undefined && now() >= resetsAt) remaining = undefined;
    // Nothing known yet (first query, or the window has reset): send one and learn from its answer,
    // unless the window's size is already known.
    if (remaining === undefined) return inFlight < limit;
    return remaining > 0;
  };

  return {
    async acquire(signal) {
      while (!mayGo()) {
        if (signal?.aborted) throw aborted();
        if (remaining === undefined || inFlight > 0) {
          // An answer in flight will tell more; a window reset also frees the way.
          const delay = remaining === undefined ? undefined : Math.max(1, resetsAt - now());
          await Promise.race([
            new Promise<void>((resolve) => waiters.push(resolve)),
            ...(delay === undefined ? [] : [sleep(delay, signal)]),
          ]);
        } else {
          await sleep(Math.max(1, resetsAt - now()), signal);
        }
      }
      inFlight++;
      if (remaining !== undefined) remaining--;
    },
    settle(headers) {
      inFlight = Math.max(0, inFlight - 1);
      const left = Number(headers?.get('x-ms-user-quota-remaining'));
      const resetsAfter = parseResetsAfter(headers?.get('x-ms-user-quota-resets-after'));
      if (headers && Number.isInteger(left) && resetsAfter !== undefined) {
        // Queries still in flight were counted by the service after (or before) this answer; assume after.
        remaining = Math.max(0, left - inFlight);
        resetsAt = now() + resetsAfter;
        limit = Math.max(limit, left + 1);
      }
      wake();
    },
  };
}

/** Paces every attempt the Resource Graph client sends, the SDK's own retries included. */
export function graphPacingPolicy(pacer: GraphPacer): PipelinePolicy {
  return {
    name: 'vmbwGraphPacing',
    async sendRequest(request, next) {
      await pacer.acquire(request.abortSignal);
      let headers: { get(name: string): string | undefined } | undefined;
      try {
        const response = await next(request);
        headers = response.headers;
        return response;
      } finally {
        pacer.settle(headers);
      }
    },
  };
}
