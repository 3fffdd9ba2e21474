// Token buckets per subscription and principal, like ARM's throttling model: each request
// takes one token; an empty bucket answers 429 with Retry-After until a token refills.
import type { Settings } from './settings.ts';

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export interface ThrottleDecision {
  allowed: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

export function createThrottle(settings: () => Settings, now: () => number = Date.now) {
  const buckets = new Map<string, Bucket>();
  return {
    take(key: string, kind: 'read' | 'write'): ThrottleDecision {
      const t = settings().throttle;
      const capacity = kind === 'read' ? t.readCapacity : t.writeCapacity;
      const refill = kind === 'read' ? t.readRefillPerSecond : t.writeRefillPerSecond;
      const id = `${kind}|${key}`;
      const at = now();
      const bucket = buckets.get(id) ?? { tokens: capacity, updatedAt: at };
      bucket.tokens = Math.min(capacity, bucket.tokens + ((at - bucket.updatedAt) / 1000) * refill);
      bucket.updatedAt = at;
      buckets.set(id, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true, remaining: Math.floor(bucket.tokens), retryAfterSeconds: 0 };
      }
      const wait = refill > 0 ? Math.ceil((1 - bucket.tokens) / refill) : 60;
      return { allowed: false, remaining: 0, retryAfterSeconds: Math.max(1, wait) };
    },
    reset(): void {
      buckets.clear();
    },
  };
}
