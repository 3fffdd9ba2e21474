import { createHttpHeaders } from '@azure/core-rest-pipeline';
import { describe, expect, it } from 'vitest';
import { createGraphPacer, parseResetsAfter } from './graph-pacer.ts';

/** Resource Graph's quota as the service keeps it: a window that opens with the first query. */
function simulatedWindow(limit: number, windowMs: number, clock: () => number) {
  let opensAt = -Infinity;
  let used = 0;
  let throttled = 0;
  return {
    get throttled() {
      return throttled;
    },
    answer() {
      const now = clock();
      if (now >= opensAt + windowMs) {
        opensAt = now;
        used = 0;
      }
      if (used >= limit) throttled++;
      else used++;
      const resetsAfter = Math.ceil((opensAt + windowMs - now) / 1000);
      return createHttpHeaders({
        'x-ms-user-quota-remaining': String(Math.max(0, limit - used)),
        'x-ms-user-quota-resets-after': `00:00:${String(resetsAfter).padStart(2, '0')}`,
      });
    },
  };
}

describe('graph pacer', () => {
  it('reads hh:mm:ss', () => {
    expect(parseResetsAfter('00:00:03')).toBe(3000);
    expect(parseResetsAfter('01:02:05')).toBe(3_725_000);
    expect(parseResetsAfter('00:00:01.5')).toBe(1500);
    expect(parseResetsAfter('soon')).toBeUndefined();
  });

  it('sends 40 concurrent queries through a 15-per-5-s window without one 429, waiting for each reset', async () => {
    let now = 0;
    const sleep = async (ms: number) => {
      // Fake time: each wait moves the clock, then lets other queries run.
      now += ms;
      await Promise.resolve();
    };
    const pacer = createGraphPacer({ now: () => now, sleep });
    const server = simulatedWindow(15, 5000, () => now);
    const sent: number[] = [];
    await Promise.all(
      Array.from({ length: 40 }, async () => {
        await pacer.acquire();
        sent.push(now);
        // A round trip.
        await Promise.resolve();
        pacer.settle(server.answer());
      }),
    );
    expect(sent).toHaveLength(40);
    expect(server.throttled).toBe(0);
    // 40 queries need three windows: the last batch cannot start before 10 s.
    expect(Math.max(...sent)).toBeGreaterThanOrEqual(10_000);
  });

  it('sends at once while the budget lasts, and learns again after a failure without headers', async () => {
    let now = 0;
    const pacer = createGraphPacer({ now: () => now, sleep: async (ms) => void (now += ms) });
    await pacer.acquire();
    pacer.settle(createHttpHeaders({ 'x-ms-user-quota-remaining': '2', 'x-ms-user-quota-resets-after': '00:00:05' }));
    await pacer.acquire();
    pacer.settle();
    await pacer.acquire();
    expect(now).toBe(0);
    pacer.settle(createHttpHeaders({ 'x-ms-user-quota-remaining': '0', 'x-ms-user-quota-resets-after': '00:00:04' }));
    await pacer.acquire();
    expect(now).toBe(4000);
    pacer.settle();
  });

  it('gives up waiting when the signal aborts', async () => {
    const pacer = createGraphPacer({ sleep: (_ms, signal) => new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(new Error('aborted')))) });
    await pacer.acquire();
    pacer.settle(createHttpHeaders({ 'x-ms-user-quota-remaining': '0', 'x-ms-user-quota-resets-after': '00:00:05' }));
    const controller = new AbortController();
    const waiting = pacer.acquire(controller.signal);
    controller.abort();
    await expect(waiting).rejects.toThrow('aborted');
  });
});
