// Run-time knobs of the emulator, changeable through /_emulator/settings so tests can
// make long-running operations instant or slow, pages small, and throttling tight.
export interface Settings {
  /** How long a long-running operation stays InProgress. */
  lroDelayMs: number;
  /** Retry-After (seconds) sent with 202s and poll responses; the SDK ignores 0. */
  retryAfterSeconds: number;
  /** Items per page of list calls. */
  pageSize: number;
  /** Added to every ARM request, to measure the app under realistic round trips. */
  latencyMs: number;
  throttle: {
    readCapacity: number;
    readRefillPerSecond: number;
    writeCapacity: number;
    writeRefillPerSecond: number;
  };
  /** Azure Resource Graph (POST /providers/Microsoft.ResourceGraph/resources). */
  graph: {
    /** false: the endpoint answers as a cloud without Resource Graph does (404 InvalidResourceNamespace). */
    enabled: boolean;
    /** Queries a user may send per window (ARG's default: 15 per 5 s). */
    quotaLimit: number;
    quotaWindowMs: number;
    /** How long an ARM write takes to show in Resource Graph; 0 reads the store live. */
    lagMs: number;
  };
}

// ARM's token buckets (2024 model): reads 250 refilling 25/s, writes 200 refilling 10/s.
export function defaultSettings(): Settings {
  return {
    lroDelayMs: 1000,
    retryAfterSeconds: 1,
    pageSize: 100,
    latencyMs: 0,
    throttle: { readCapacity: 250, readRefillPerSecond: 25, writeCapacity: 200, writeRefillPerSecond: 10 },
    // No lag here (tests and in-process use); `npm start` passes --graph-lag-ms (2000 by default).
    graph: { enabled: true, quotaLimit: 15, quotaWindowMs: 5000, lagMs: 0 },
  };
}
