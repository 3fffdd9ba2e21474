// Test support: a clock whose time only moves when the test lets it, and ARM's read bucket simulated on it
// (the emulator's own throttle), so pacing is checked in milliseconds of fake time, not seconds of waiting.
import { createThrottle } from '../../../emulator/arm/throttle.ts';
import { defaultSettings } from '../../../emulator/arm/settings.ts';
import { abortError, type BudgetClock, type ReadBudget } from '../rate-budget.ts';

type Timer = { at: number; seq: number; resolve: () => void };

export class FakeClock implements BudgetClock {
  private time = 0;
  private seq = 0;
  private timers: Timer[] = [];

  now(): number {
    return this.time;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(abortError(signal));
      const timer: Timer = { at: this.time + Math.max(0, ms), seq: this.seq++, resolve };
      this.timers.push(timer);
      signal?.addEventListener('abort', () => {
        this.timers = this.timers.filter((t) => t !== timer);
        reject(abortError(signal));
      }, { once: true });
    });
  }

  /** Runs timers in time order until `until` settles; returns its value. */
  async run<T>(until: Promise<T>, limitMs = 24 * 3600_000): Promise<T> {
    let settled = false;
    const watched = until.finally(() => {
      settled = true;
    });
    watched.catch(() => undefined);
    for (;;) {
      for (let i = 0; i < 3; i++) await new Promise<void>((r) => setImmediate(r));
      if (settled) return watched;
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers.shift();
      if (!next) throw new Error('Nothing left to run, and the awaited promise never settled.');
      if (next.at > limitMs) throw new Error(`Fake time passed ${limitMs} ms.`);
      this.time = Math.max(this.time, next.at);
      next.resolve();
    }
  }
}

/** ARM's read bucket (250, refilling 25/s) on the fake clock, and a read that behaves like one through the budget policy. */
export function simulatedArm(clock: FakeClock, budget: ReadBudget, latencyMs: number) {
  const settings = defaultSettings();
  const throttle = createThrottle(() => settings, () => clock.now());
  const stats = { sent: 0, throttled: 0 };
  /** A GET to `key`'s bucket: half the latency there, half back, with the header (or a 429) as ARM sends them. */
  const read = async (key: string): Promise<void> => {
    budget.sent(key);
    stats.sent++;
    await clock.sleep(latencyMs / 2);
    const decision = throttle.take(key, 'read');
    await clock.sleep(latencyMs / 2);
    if (!decision.allowed) {
      stats.throttled++;
      budget.answered(key, { throttledForMs: decision.retryAfterSeconds * 1000 });
      throw Object.assign(new Error('Too many requests'), { name: 'RestError', statusCode: 429 });
    }
    budget.answered(key, { remaining: decision.remaining });
  };
  return { read, stats, takeDirectly: (key: string) => throttle.take(key, 'read') };
}
