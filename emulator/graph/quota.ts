// Resource Graph's per-user query quota. A user's window opens with their first query and lasts
// quotaWindowMs; within it they may send quotaLimit queries. Every answer tells how many are left and when
// the window closes (x-ms-user-quota-remaining, x-ms-user-quota-resets-after as hh:mm:ss), so that a
// client seeing "10, 00:00:03" knows it may send 10 more in the next 3 s, after which it has 15 again
// (guidance-for-throttled-requests.md).

export interface QuotaSettings {
  quotaLimit: number;
  quotaWindowMs: number;
}

export interface QuotaDecision {
  allowed: boolean;
  remaining: number;
  resetsAfterMs: number;
  headers: Record<string, string>;
}

interface Window {
  opensAt: number;
  used: number;
}

/** hh:mm:ss, rounded up so that a client waiting that long never arrives early. */
export function formatResetsAfter(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}

export function createQuota(settings: () => QuotaSettings, clock: () => number = Date.now) {
  const windows = new Map<string, Window>();
  return {
    /** Counts one query by `user`, unless the window is used up. */
    take(user: string): QuotaDecision {
      const { quotaLimit, quotaWindowMs } = settings();
      const now = clock();
      let w = windows.get(user);
      if (w === undefined || now >= w.opensAt + quotaWindowMs) {
        w = { opensAt: now, used: 0 };
        windows.set(user, w);
      }
      const allowed = w.used < quotaLimit;
      if (allowed) w.used++;
      const remaining = Math.max(0, quotaLimit - w.used);
      const resetsAfterMs = w.opensAt + quotaWindowMs - now;
      return {
        allowed,
        remaining,
        resetsAfterMs,
        headers: {
          'x-ms-user-quota-remaining': String(remaining),
          'x-ms-user-quota-resets-after': formatResetsAfter(resetsAfterMs),
        },
      };
    },
    reset(): void {
      windows.clear();
    },
  };
}

export type Quota = ReturnType<typeof createQuota>;
