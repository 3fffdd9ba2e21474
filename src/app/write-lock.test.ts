import { afterEach, describe, expect, it } from 'vitest';
import { createWriteLock, writeLockName, type WriteLock, type WriteLockStatus } from './write-lock.ts';

// Node 24 implements Web Locks and BroadcastChannel: two WriteLocks in one process behave like two tabs.
const open: WriteLock[] = [];
let counter = 0;
const freshName = () => `test-lock-${process.pid}-${++counter}`;

function tab(name: string, options: Parameters<typeof createWriteLock>[1] = {}): WriteLock {
  const lock = createWriteLock(name, options);
  open.push(lock);
  return lock;
}

function until(lock: WriteLock, wanted: WriteLockStatus, timeoutMs = 2000): Promise<void> {
  if (lock.status() === wanted) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still ${lock.status()}, wanted ${wanted}`)), timeoutMs);
    const stop = lock.subscribe(() => {
      if (lock.status() !== wanted) return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}

afterEach(() => {
  for (const lock of open.splice(0)) lock.dispose();
});

describe('write lock (Web Locks)', () => {
  it('names the lock by tenant and account', () => {
    expect(writeLockName({ tenantId: 't1', homeAccountId: 'oid.t1' })).toBe('vmbw:write-lock:t1:oid.t1');
  });

  it('gives the lock to the first tab; a second tab of the same setup is read-only', async () => {
    const name = freshName();
    const first = tab(name);
    await until(first, 'held');
    const second = tab(name);
    await until(second, 'elsewhere');
    expect(first.status()).toBe('held');
  });

  it('does not block another account', async () => {
    const first = tab(freshName());
    const other = tab(freshName());
    await until(first, 'held');
    await until(other, 'held');
  });

  it('lets the second tab take over; the first turns read-only, and can take it back', async () => {
    const name = freshName();
    const first = tab(name);
    await until(first, 'held');
    const second = tab(name);
    await until(second, 'elsewhere');

    second.takeOver();
    await until(second, 'held');
    await until(first, 'elsewhere');

    first.takeOver();
    await until(first, 'held');
    await until(second, 'elsewhere');
  });

  it('hands the lock to a waiting tab when the holder closes', async () => {
    const name = freshName();
    const first = tab(name);
    await until(first, 'held');
    const second = tab(name);
    await until(second, 'elsewhere');
    first.dispose();
    await until(second, 'held');
  });

  it('re-reads saved progress before reporting the lock as held', async () => {
    const name = freshName();
    const order: string[] = [];
    const first = tab(name, {
      onAcquire: async () => {
        order.push('reread');
        await Promise.resolve();
      },
    });
    first.subscribe(() => order.push(first.status()));
    await until(first, 'held');
    expect(order).toEqual(['reread', 'held']);
  });
});

describe('write lock (BroadcastChannel fallback)', () => {
  it('without Web Locks, the first tab holds, the second defers, and take-over moves the lock', async () => {
    const name = freshName();
    const first = tab(name, { locks: null, fallbackWaitMs: 50 });
    await until(first, 'held');
    const second = tab(name, { locks: null, fallbackWaitMs: 50 });
    await until(second, 'elsewhere');

    second.takeOver();
    await until(second, 'held');
    await until(first, 'elsewhere');
  });
});
