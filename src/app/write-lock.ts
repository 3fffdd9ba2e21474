/**
 * The two-tab write lock. Two tabs with the same account's setup share one saved state; if both sent
 * writes, each would overwrite the other's progress and could send the same operation twice. One tab holds
 * the lock and makes changes; the others show the state read-only and can take over.
 *
 * Web Locks (navigator.locks) do the real work: a lock is released when its tab closes or crashes, and
 * `steal` hands it over at once. Where Web Locks are missing, a BroadcastChannel handshake stands in.
 */

export type WriteLockStatus = 'acquiring' | 'held' | 'elsewhere';

export type WriteLock = {
  status(): WriteLockStatus;
  subscribe(listener: () => void): () => void;
  /** Takes the lock from the tab holding it; that tab turns read-only. */
  takeOver(): void;
  /** Releases the lock (sign-out, unmount). */
  dispose(): void;
};

export type WriteLockOptions = {
  /** Defaults to navigator.locks; null forces the BroadcastChannel fallback. */
  locks?: LockManager | null;
  createChannel?: (name: string) => BroadcastChannel | null;
  /** Runs after the lock is granted and before this tab reports `held`, e.g. to re-read saved progress. */
  onAcquire?: () => void | Promise<void>;
  /** How long the fallback waits for a holder to answer before taking the lock. */
  fallbackWaitMs?: number;
};

/** One lock per tenant and account: different accounts on one browser never block each other. */
export function writeLockName(account: { tenantId: string; homeAccountId: string }): string {
  return `vmbw:write-lock:${account.tenantId}:${account.homeAccountId}`;
}

type Message = { type: 'claim' | 'held' | 'taken' | 'released'; from: string };

const defaultLocks = (): LockManager | null =>
  typeof navigator !== 'undefined' && 'locks' in navigator && navigator.locks ? navigator.locks : null;
const defaultChannel = (name: string): BroadcastChannel | null =>
  typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(name);

export function createWriteLock(name: string, options: WriteLockOptions = {}): WriteLock {
  const locks = options.locks === undefined ? defaultLocks() : options.locks;
  const channel = (options.createChannel ?? defaultChannel)(name);
  const tabId = Math.random().toString(36).slice(2);
  const listeners = new Set<() => void>();
  let status: WriteLockStatus = 'acquiring';
  let disposed = false;
  let releaseHold: (() => void) | null = null;
  let waiting: AbortController | null = null;
  let holdGeneration = 0;

  const setStatus = (next: WriteLockStatus) => {
    if (status === next || disposed) return;
    status = next;
    for (const listener of [...listeners]) listener();
  };
  const post = (type: Message['type']) => channel?.postMessage({ type, from: tabId } satisfies Message);

  /** Called with the lock granted: keeps it until released or stolen. */
  const hold = async (): Promise<void> => {
    if (disposed) return;
    const generation = ++holdGeneration;
    try {
      await options.onAcquire?.();
    } catch (error) {
      console.error('Re-reading saved progress after taking the write lock failed.', error);
    }
    // Stolen again while re-reading: the newer owner wins.
    if (generation !== holdGeneration || disposed) return;
    setStatus('held');
    post('taken');
    await new Promise<void>((resolve) => {
      releaseHold = resolve;
    });
  };

  const lost = () => {
    holdGeneration++;
    releaseHold?.();
    releaseHold = null;
    setStatus('elsewhere');
  };

  // --- Web Locks ---------------------------------------------------------------------------------
  const request = (lockOptions: LockOptions, onGranted: (granted: boolean) => Promise<void> | void) => {
    if (!locks) return;
    let granted = false;
    locks
      .request(name, lockOptions, (lock) => {
        granted = lock !== null;
        return onGranted(granted);
      })
      .catch((error: unknown) => {
        if (!(error instanceof Error && error.name === 'AbortError')) {
          console.error('The write lock failed.', error);
          return;
        }
        // AbortError after the grant: another tab stole the lock. Before it: our own wait was cancelled.
        if (granted && !disposed) {
          lost();
          waitForRelease();
        }
      });
  };

  /** Queues behind the holder, so closing the other tab hands the lock to this one. */
  const waitForRelease = () => {
    if (!locks || disposed) return;
    waiting?.abort();
    const controller = new AbortController();
    waiting = controller;
    request({ signal: controller.signal }, async () => {
      if (waiting === controller) waiting = null;
      await hold();
    });
  };

  // --- BroadcastChannel fallback -----------------------------------------------------------------
  let fallbackTimer: ReturnType<typeof setTimeout> | undefined;
  const onMessage = (event: MessageEvent<Message>) => {
    const message = event.data;
    if (!message || message.from === tabId) return;
    if (message.type === 'taken' && status === 'held') {
      // Another tab stole (Web Locks) or claimed (fallback) the lock.
      if (!locks) lost();
    } else if (!locks && message.type === 'claim' && status === 'held') {
      post('held');
    } else if (!locks && message.type === 'held' && status === 'acquiring') {
      clearTimeout(fallbackTimer);
      setStatus('elsewhere');
    } else if (!locks && message.type === 'released' && status === 'elsewhere') {
      claimByChannel();
    }
  };
  const claimByChannel = () => {
    status = 'acquiring';
    post('claim');
    fallbackTimer = setTimeout(() => {
      if (status === 'acquiring') void hold();
    }, options.fallbackWaitMs ?? 300);
  };
  channel?.addEventListener('message', onMessage);

  if (locks) {
    request({ ifAvailable: true }, async (granted) => {
      if (granted) await hold();
      else {
        setStatus('elsewhere');
        waitForRelease();
      }
    });
  } else if (channel) {
    claimByChannel();
  } else {
    // Nothing to coordinate with (a very old browser): this tab is the only one that can know.
    void hold();
  }

  return {
    status: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    takeOver() {
      if (disposed || status === 'held') return;
      waiting?.abort();
      waiting = null;
      if (locks) request({ steal: true }, () => hold());
      else void hold();
    },
    dispose() {
      if (disposed) return;
      const wasHeld = status === 'held';
      disposed = true;
      waiting?.abort();
      releaseHold?.();
      clearTimeout(fallbackTimer);
      if (wasHeld && !locks) post('released');
      channel?.removeEventListener('message', onMessage);
      channel?.close();
      listeners.clear();
    },
  };
}
