// A mirror of ARM's read bucket, one per subscription (and principal: the app has one), so fan-out reads
// (agent status for a thousand VMs) can use the whole bucket without a 429. ARM's model since 2024: a token
// bucket of 250 reads refilling 25 a second. Every answer's x-ms-ratelimit-remaining-subscription-reads says
// how many are left right after that request; between answers the mirror refills at the known rate.
//
// The estimate is kept conservative: requests in flight when an answer arrives are counted as not charged
// yet (some may have been), so the mirror can only under-estimate by the number in flight. That costs a
// few tokens once, never a 429, and in steady state the send rate equals the refill rate either way.
//
// Pure: no SDK, no timers of its own beyond the injected clock, so it is tested against a simulated bucket.

export type BudgetClock = {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
};

export const realClock: BudgetClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortError(signal));
        return;
      }
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortError(signal));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

export function abortError(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new DOMException('The operation was aborted.', 'AbortError');
}

export type ReadBudgetOptions = {
  /** ARM's read bucket: 250 tokens. */
  capacity?: number;
  /** ARM refills 25 reads a second per subscription and principal. */
  refillPerSecond?: number;
  /** Tokens never spent by paced callers, left for the user's other clicks (and other tools). */
  reserve?: number;
  /** Reads in flight allowed for a subscription before its first header has been seen. */
  probeConcurrency?: number;
  clock?: BudgetClock;
};

export type ReadAnswer = {
  /** x-ms-ratelimit-remaining-subscription-reads, when the answer carried it. */
  remaining?: number | undefined;
  /** A 429's Retry-After: nothing more is sent for this long. */
  throttledForMs?: number | undefined;
};

export type ReadBudget = {
  readonly capacity: number;
  readonly refillPerSecond: number;
  /** The pipeline policy: a read of `key` is going out (uses a reservation when one is held). */
  sent(key: string): void;
  /** The pipeline policy: an answer (or a failure without one) came back for a read of `key`. */
  answered(key: string, answer: ReadAnswer): void;
  /** Reserves one read of `key` if the mirror says it can be spent now. */
  tryAcquire(key: string): boolean;
  /** Waits until a read of `key` can be spent and reserves it. */
  acquire(key: string, signal?: AbortSignal): Promise<void>;
  /** Gives a reservation back (the caller sent nothing after all). */
  release(key: string): void;
  /** How long until tryAcquire(key) may succeed: 0 now; an estimate while no header has been seen. */
  waitMs(key: string): number;
  /** Tokens the mirror thinks are spendable now (capacity while unknown). */
  available(key: string): number;
  /** Reads of `key` sent and not answered yet. */
  inFlight(key: string): number;
};

type Bucket = {
  /** Spendable tokens at `at`, after what is in flight and reserved; null until a header is seen. */
  tokens: number | null;
  at: number;
  inFlight: number;
  reserved: number;
  blockedUntil: number;
};

/** Polling step while a subscription's first answer is awaited. */
const PROBE_POLL_MS = 10;

/** The bucket key of a request URL: its subscription id (lower case), or 'tenant'. */
export function budgetKeyOf(url: string): string {
  const match = /\/subscriptions\/([^/?#]+)/i.exec(url);
  return match?.[1] ? match[1].toLowerCase() : 'tenant';
}

export function createReadBudget(options: ReadBudgetOptions = {}): ReadBudget {
  const capacity = options.capacity ?? 250;
  const refillPerSecond = options.refillPerSecond ?? 25;
  const reserve = options.reserve ?? 2;
  const probeConcurrency = options.probeConcurrency ?? 2;
  const clock = options.clock ?? realClock;
  const buckets = new Map<string, Bucket>();

  const bucket = (key: string): Bucket => {
    const id = key.toLowerCase();
    let b = buckets.get(id);
    if (!b) {
      b = { tokens: null, at: clock.now(), inFlight: 0, reserved: 0, blockedUntil: 0 };
      buckets.set(id, b);
    }
    const now = clock.now();
    if (b.tokens !== null && now > b.at) b.tokens = Math.min(capacity, b.tokens + ((now - b.at) / 1000) * refillPerSecond);
    b.at = Math.max(b.at, now);
    return b;
  };

  const tryAcquire = (key: string): boolean => {
    const b = bucket(key);
    if (clock.now() < b.blockedUntil) return false;
    if (b.tokens === null) {
      if (b.inFlight + b.reserved >= probeConcurrency) return false;
      b.reserved++;
      return true;
    }
    if (b.tokens - reserve < 1) return false;
    b.tokens -= 1;
    b.reserved++;
    return true;
  };

  const waitMs = (key: string): number => {
    const b = bucket(key);
    const blocked = Math.max(0, b.blockedUntil - clock.now());
    if (b.tokens === null) return b.inFlight + b.reserved < probeConcurrency ? blocked : Math.max(blocked, PROBE_POLL_MS);
    const deficit = reserve + 1 - b.tokens;
    const refill = deficit <= 0 ? 0 : refillPerSecond > 0 ? Math.ceil((deficit / refillPerSecond) * 1000) : 60_000;
    return Math.max(blocked, refill);
  };

  return {
    capacity,
    refillPerSecond,
    sent(key) {
      const b = bucket(key);
      b.inFlight++;
      if (b.reserved > 0) b.reserved--;
      else if (b.tokens !== null) b.tokens -= 1;
    },
    answered(key, answer) {
      const b = bucket(key);
      b.inFlight = Math.max(0, b.inFlight - 1);
      if (answer.throttledForMs !== undefined) {
        b.blockedUntil = Math.max(b.blockedUntil, clock.now() + answer.throttledForMs);
        b.tokens = -b.inFlight - b.reserved;
        return;
      }
      if (answer.remaining !== undefined && Number.isFinite(answer.remaining)) b.tokens = answer.remaining - b.inFlight - b.reserved;
    },
    tryAcquire,
    async acquire(key, signal) {
      for (;;) {
        if (signal?.aborted) throw abortError(signal);
        if (tryAcquire(key)) return;
        await clock.sleep(Math.max(1, waitMs(key)), signal);
      }
    },
    release(key) {
      const b = bucket(key);
      if (b.reserved === 0) return;
      b.reserved--;
      if (b.tokens !== null) b.tokens += 1;
    },
    waitMs,
    available(key) {
      const b = bucket(key);
      return b.tokens === null ? capacity : Math.max(0, b.tokens - reserve);
    },
    inFlight: (key) => bucket(key).inFlight,
  };
}
