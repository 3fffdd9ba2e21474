import type { StateStorage } from 'zustand/middleware';

/**
 * Saved progress is shared by every tab of the same account. Only the tab holding the write lock saves; the
 * others only read (and re-read when the holder saves), so a read-only tab never overwrites newer progress
 * with its stale copy.
 */
export function guardedStorage(base: StateStorage, canSave: () => boolean): StateStorage {
  return {
    getItem: (name) => base.getItem(name),
    setItem: (name, value) => (canSave() ? base.setItem(name, value) : undefined),
    removeItem: (name) => (canSave() ? base.removeItem(name) : undefined),
  };
}
