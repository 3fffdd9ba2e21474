import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { retryAfterMs } from './policies.ts';

/*
 * ARM throttles writes per subscription (and principal) with a token bucket: 200 to start with, refilling 10 a
 * second (arm-api.md; the emulator models the same). Every response says what is left in
 * `x-ms-ratelimit-remaining-subscription-writes`. A WriteBudget mirrors the bucket from those headers and
 * paces sends: at full speed while plenty is left, then one per refill interval, so a large Enable runs at the
 * bucket's rate instead of running into 429s. The pipeline policy below feeds every client's responses to the
 * budgets of their subscriptions; the Enable engine asks the budget before each write.
 */

export type BudgetOptions = {
  /** ARM's write bucket; used until the headers say otherwise. */
  capacity?: number;
  refillPerSecond?: number;
  /** Left unused, as a margin for the server's clock and other clients of the same bucket. */
  reserve?: number;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
};

export type WriteBudget = {
  /** Resolves when one write may be sent; rejects with the signal's reason when aborted. */
  acquire(signal?: AbortSignal): Promise<void>;
  /** What a response said: the writes left, and for a 429 how long to wait. */
  observe(facts: { remaining?: number; throttledForMs?: number }): void;
  /** The current estimate of the writes left (for display and tests). */
  estimate(): number;
};

export const ARM_WRITE_CAPACITY = 200;
export const ARM_WRITE_REFILL_PER_SECOND = 10;

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function createWriteBudget(options: BudgetOptions = {}): WriteBudget {
  const {
    capacity = ARM_WRITE_CAPACITY,
    refillPerSecond = ARM_WRITE_REFILL_PER_SECOND,
    reserve = 5,
    now = () => Date.now(),
    sleep = abortableSleep,
  } = options;
  let tokens = capacity;
  let updatedAt = now();
  let blockedUntil = 0;
  // Sends are granted one after another, so a crowd of waiting workers is spaced at the refill rate.
  let queue: Promise<void> = Promise.resolve();

  const refill = () => {
    const at = now();
    tokens = Math.min(capacity, tokens + ((at - updatedAt) / 1000) * refillPerSecond);
    updatedAt = at;
    return at;
  };

  const grant = async (signal?: AbortSignal): Promise<void> => {
    for (;;) {
      if (signal?.aborted) throw signal.reason as Error;
      const at = refill();
      if (at < blockedUntil) {
        await sleep(blockedUntil - at, signal);
        continue;
      }
      if (tokens >= reserve + 1) {
        tokens -= 1;
        return;
      }
      await sleep(Math.max(1, Math.ceil(((reserve + 1 - tokens) / refillPerSecond) * 1000)), signal);
    }
  };

  return {
    acquire(signal) {
      const turn = queue.then(() => grant(signal));
      // A cancelled waiter must not hold up the ones behind it.
      queue = turn.catch(() => undefined);
      return turn;
    },
    observe({ remaining, throttledForMs }) {
      refill();
      // The header counts every request the server has seen, ours and anyone else's; our estimate already
      // counts the ones still in flight. The lower of the two is the safe one.
      if (remaining !== undefined && Number.isFinite(remaining)) tokens = Math.min(tokens, remaining);
      if (throttledForMs !== undefined) {
        tokens = 0;
        blockedUntil = Math.max(blockedUntil, now() + throttledForMs);
      }
    },
    estimate: () => {
      refill();
      return tokens;
    },
  };
}

/** One budget per subscription, shared by every client and caller of the gateway. */
export type BudgetBoard = { writes(subscriptionId: string): WriteBudget };

export function createBudgetBoard(options: BudgetOptions = {}): BudgetBoard {
  const budgets = new Map<string, WriteBudget>();
  return {
    writes(subscriptionId) {
      const key = subscriptionId.toLowerCase();
      let budget = budgets.get(key);
      if (!budget) {
        budget = createWriteBudget(options);
        budgets.set(key, budget);
      }
      return budget;
    },
  };
}

const WRITE_METHODS = new Set(['PUT', 'PATCH', 'POST', 'DELETE']);
const REMAINING_WRITES = 'x-ms-ratelimit-remaining-subscription-writes';

/** The subscription a request URL's path names, if any. */
export function subscriptionOfUrl(url: string): string | null {
  try {
    return /\/subscriptions\/([^/?#]+)/i.exec(new URL(url).pathname)?.[1] ?? null;
  } catch {
    return null;
  }
}

/**
 * Per retry, on every client: reads the writes left from each answer to a write, and a 429's Retry-After,
 * into the subscription's budget. It never changes the request or the response.
 */
export function rateLimitPolicy(board: BudgetBoard): PipelinePolicy {
  return {
    name: 'vmbwRateLimits',
    async sendRequest(request, next) {
      const response = await next(request);
      const subscriptionId = subscriptionOfUrl(request.url);
      if (subscriptionId !== null && WRITE_METHODS.has(request.method)) {
        const header = response.headers.get(REMAINING_WRITES);
        const remaining = header === undefined ? undefined : Number(header);
        board.writes(subscriptionId).observe({
          ...(remaining !== undefined && Number.isFinite(remaining) ? { remaining } : {}),
          ...(response.status === 429 ? { throttledForMs: retryAfterMs(response.headers.get('retry-after') ?? undefined) } : {}),
        });
      }
      return response;
    },
  };
}
