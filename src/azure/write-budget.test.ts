import { createHttpHeaders, createPipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import { describe, expect, it } from 'vitest';
import { createBudgetBoard, createWriteBudget, rateLimitPolicy, subscriptionOfUrl } from './write-budget.ts';

/** A virtual clock: sleeping advances it, so a 100-second run takes milliseconds. */
function virtualTime() {
  let now = 0;
  const timers: { at: number; resolve: () => void }[] = [];
  return {
    now: () => now,
    sleep: (ms: number) =>
      new Promise<void>((resolve) => {
        timers.push({ at: now + ms, resolve });
      }),
    /** Runs until nothing is waiting: the earliest timer fires, then everything it started settles. */
    async drain(work: Promise<unknown>) {
      let done = false;
      void work.finally(() => (done = true));
      for (;;) {
        // A macrotask turn: every promise chain the last timer started has run by then.
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (done) return;
        timers.sort((a, b) => a.at - b.at);
        const next = timers.shift();
        if (!next) throw new Error('stuck: nothing to wait for');
        now = Math.max(now, next.at);
        next.resolve();
      }
    },
  };
}

/** ARM's write bucket as the emulator models it (emulator/arm/throttle.ts): 200, refilling 10 a second. */
function armBucket(clock: { now(): number }, capacity = 200, refillPerSecond = 10) {
  let tokens = capacity;
  let at = clock.now();
  let throttled = 0;
  return {
    write(): { status: number; remaining: number; retryAfterSeconds?: number } {
      tokens = Math.min(capacity, tokens + ((clock.now() - at) / 1000) * refillPerSecond);
      at = clock.now();
      if (tokens >= 1) {
        tokens -= 1;
        return { status: 202, remaining: Math.floor(tokens) };
      }
      throttled++;
      return { status: 429, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / refillPerSecond)) };
    },
    throttled: () => throttled,
  };
}

describe('the write budget', () => {
  it('sends 1,000 writes through ARM’s bucket with no 429, close to the floor of (1000 − 200) / 10 s', async () => {
    const clock = virtualTime();
    const bucket = armBucket(clock);
    const budget = createWriteBudget({ now: clock.now, sleep: clock.sleep });
    let next = 0;
    // 32 workers, each write answered 50 ms later (the latency), as the engine's lanes would.
    const worker = async () => {
      while (next < 1000) {
        next++;
        await budget.acquire();
        await clock.sleep(50);
        const answer = bucket.write();
        budget.observe({ remaining: answer.remaining, ...(answer.status === 429 ? { throttledForMs: (answer.retryAfterSeconds ?? 1) * 1000 } : {}) });
      }
    };
    await clock.drain(Promise.all(Array.from({ length: 32 }, worker)));
    expect(bucket.throttled()).toBe(0);
    const floorMs = ((1000 - 200) / 10) * 1000;
    expect(clock.now()).toBeGreaterThanOrEqual(floorMs * 0.95);
    expect(clock.now()).toBeLessThanOrEqual(floorMs * 1.1);
  });

  it('goes at full speed while the bucket has plenty', async () => {
    const clock = virtualTime();
    const budget = createWriteBudget({ now: clock.now, sleep: clock.sleep });
    await clock.drain(Promise.all(Array.from({ length: 150 }, () => budget.acquire())));
    expect(clock.now()).toBe(0);
  });

  it('trusts a header that says less is left than it thought (another client shares the bucket)', async () => {
    const clock = virtualTime();
    const budget = createWriteBudget({ now: clock.now, sleep: clock.sleep, reserve: 0 });
    budget.observe({ remaining: 3 });
    await clock.drain(Promise.all(Array.from({ length: 5 }, () => budget.acquire())));
    // Three at once, then one per 100 ms.
    expect(clock.now()).toBe(200);
  });

  it('holds every send for a 429’s Retry-After', async () => {
    const clock = virtualTime();
    const budget = createWriteBudget({ now: clock.now, sleep: clock.sleep });
    budget.observe({ remaining: 150, throttledForMs: 3000 });
    await clock.drain(budget.acquire());
    expect(clock.now()).toBeGreaterThanOrEqual(3000);
  });

  it('lets an aborted waiter go without holding up the others', async () => {
    const clock = virtualTime();
    const budget = createWriteBudget({ now: clock.now, sleep: clock.sleep, reserve: 0 });
    budget.observe({ remaining: 0 });
    const controller = new AbortController();
    const aborted = budget.acquire(controller.signal);
    const after = budget.acquire();
    controller.abort(new Error('left the step'));
    await expect(aborted).rejects.toThrow('left the step');
    await clock.drain(after);
    expect(clock.now()).toBeLessThanOrEqual(200);
  });
});

describe('the rate-limit policy', () => {
  const response = (status: number, headers: Record<string, string>): PipelineResponse => ({
    status,
    headers: createHttpHeaders(headers),
    request: createPipelineRequest({ url: 'https://x' }),
  });

  it('feeds the writes left from each answer to a write into its subscription’s budget, and ignores reads', async () => {
    const board = createBudgetBoard();
    const policy = rateLimitPolicy(board);
    const put = createPipelineRequest({ url: 'https://localhost/arm/subscriptions/S1/resourceGroups/rg/x?api-version=1', method: 'PUT' });
    await policy.sendRequest(put, async () => response(202, { 'x-ms-ratelimit-remaining-subscription-writes': '12' }));
    expect(board.writes('s1').estimate()).toBeCloseTo(12, 0);
    const get = createPipelineRequest({ url: 'https://localhost/arm/subscriptions/S2/x', method: 'GET' });
    await policy.sendRequest(get, async () => response(200, { 'x-ms-ratelimit-remaining-subscription-writes': '1' }));
    expect(board.writes('s2').estimate()).toBe(200);
  });

  it('blocks the budget for a 429’s Retry-After', async () => {
    const board = createBudgetBoard();
    const policy = rateLimitPolicy(board);
    const put = createPipelineRequest({ url: 'https://localhost/arm/subscriptions/s3/x', method: 'PUT' });
    await policy.sendRequest(put, async () => response(429, { 'retry-after': '2' }));
    expect(board.writes('s3').estimate()).toBeLessThan(1);
  });

  it('finds the subscription in a URL', () => {
    expect(subscriptionOfUrl('https://m.example/subscriptions/abc/resourceGroups/x')).toBe('abc');
    expect(subscriptionOfUrl('https://m.example/providers/x')).toBeNull();
  });
});
