import type { PersistStorage, StateStorage, StorageValue } from 'zustand/middleware';
import { createJournalStorage, type JournalStorage } from './journal-storage.ts';

/*
 * Where the wizard's progress is saved, for zustand's persist middleware. Two speeds:
 * - the journal, entry by entry, at once (journal-storage.ts): durable before a write is sent;
 * - everything else (the user's choices), as one JSON value, at most every `intervalMs` (the first change
 *   at once, the changes after it coalesced into one write), and at once on flush() — the app flushes
 *   when the page is hidden or closed (pagehide, visibilitychange), so nothing chosen is lost.
 * The middleware calls setItem on every store update; the value it passes is ignored, and the snapshot
 * is taken only when the write happens, so a burst of a hundred updates costs one serialisation.
 */

export type SavedProgressOptions<S> = {
  storage: StateStorage;
  /** storageKeyFor(account): the rest of the progress lives under it, the journal under keys derived from it. */
  key: string;
  /** What to save of the store's current state (the allow-list), journal excluded; read when writing. */
  snapshot: () => S;
  version: number;
  intervalMs?: number;
  schedule?: (run: () => void, ms: number) => () => void;
  now?: () => number;
};

export type SavedProgress<S> = PersistStorage<S> & {
  journal: JournalStorage;
  /** Writes the pending progress now, if any. */
  flush(): void;
};

const defaultSchedule = (run: () => void, ms: number) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

export function createSavedProgress<S extends object>(options: SavedProgressOptions<S>): SavedProgress<S> {
  const { storage, key, snapshot, version, intervalMs = 500, schedule = defaultSchedule, now = () => Date.now() } = options;
  const journal = createJournalStorage(storage, key);
  let dirty = false;
  let lastWrite = Number.NEGATIVE_INFINITY;
  let cancel: (() => void) | null = null;

  const write = () => {
    cancel?.();
    cancel = null;
    if (!dirty) return;
    dirty = false;
    lastWrite = now();
    storage.setItem(key, JSON.stringify({ state: snapshot(), version }));
  };

  return {
    journal,
    flush: write,
    getItem(name) {
      write(); // never read back over a change not yet saved
      const raw = storage.getItem(name);
      const saved = typeof raw === 'string' ? (JSON.parse(raw) as StorageValue<S & { journal?: unknown }>) : null;
      const entries = journal.read();
      if (!saved && entries === null) return null;
      const state = { ...(saved?.state ?? {}) } as S & { journal?: unknown };
      // A version-1 value carries its journal inline; it is moved to entry keys by the first sync after the migration.
      if (entries !== null) state.journal = { entries };
      else if (state.journal !== undefined) journal.clear();
      return { state, version: saved?.version ?? version };
    },
    setItem() {
      dirty = true;
      const wait = lastWrite + intervalMs - now();
      if (wait <= 0) write();
      else cancel ??= schedule(write, wait);
    },
    removeItem(name) {
      cancel?.();
      cancel = null;
      dirty = false;
      for (const journalKey of journal.keys()) storage.removeItem(journalKey);
      storage.removeItem(name);
    },
  };
}
