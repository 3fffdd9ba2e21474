import { createContext, use, useCallback, useSyncExternalStore, type ReactNode } from 'react';
import type { WriteLock, WriteLockStatus } from '../app/write-lock.ts';

/** `lock: null` while the signed-in app is still creating it (its status is then "acquiring"). */
const WriteLockContext = createContext<{ lock: WriteLock | null } | null>(null);

export function WriteLockProvider({ lock, children }: { lock: WriteLock | null; children: ReactNode }) {
  return <WriteLockContext value={{ lock }}>{children}</WriteLockContext>;
}

export type WriteLockView = {
  status: WriteLockStatus;
  /** False while another tab holds the lock (or this tab is still asking for it): write buttons are disabled. */
  canWrite: boolean;
  takeOver: () => void;
};

const noop = () => undefined;

/** The two-tab write lock as components see it. Outside any provider (isolated component tests), writing is allowed. */
export function useWriteLock(): WriteLockView {
  const context = use(WriteLockContext);
  const lock = context?.lock ?? null;
  const subscribe = useCallback((onChange: () => void) => lock?.subscribe(onChange) ?? noop, [lock]);
  const status = useSyncExternalStore(subscribe, () => (context ? (lock?.status() ?? 'acquiring') : 'held'));
  return { status, canWrite: status === 'held', takeOver: lock ? lock.takeOver : noop };
}
