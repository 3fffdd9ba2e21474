import type { StateStorage } from 'zustand/middleware';
import type { JournalEntry } from '../journal/types.ts';

/*
 * The journal is saved entry by entry, not with the rest of the progress: a write's intent must be in storage
 * before its request leaves (src/journal/README.md), and rewriting every entry for each change of one costs a
 * thousand-VM run seconds of main thread. So each entry has a key of its own, written at once (synchronously,
 * inside the store update that made the change) and only when that entry changed:
 *
 *   <account key>:journal        {"first": 12, "next": 1040}   which entry keys exist (an append log)
 *   <account key>:journal:<n>    one entry, n = its place in the log (oldest first)
 *
 * The account key is storageKeyFor(account), so the journal stays with its tenant and account.
 */

type Meta = { first: number; next: number };

export const journalMetaKey = (accountKey: string) => `${accountKey}:journal`;
const entryKey = (accountKey: string, seq: number) => `${accountKey}:journal:${seq}`;

function readMeta(storage: StateStorage, accountKey: string): Meta | null {
  const raw = storage.getItem(journalMetaKey(accountKey));
  if (typeof raw !== 'string') return null;
  try {
    const meta = JSON.parse(raw) as Partial<Meta>;
    const { first, next } = meta;
    return Number.isSafeInteger(first) && Number.isSafeInteger(next) && (first as number) <= (next as number) ? { first: first as number, next: next as number } : null;
  } catch {
    return null;
  }
}

const ENTRY_FIELDS = ['id', 'at', 'kind', 'method', 'target', 'summary', 'clientRequestId', 'attempts', 'operationUrl', 'requestId', 'correlationId', 'acceptedAt', 'result'] as const;
const RESULT_FIELDS = ['outcome', 'at', 'status', 'code', 'message', 'requestId', 'correlationId', 'finalState', 'jobId'] as const;

function ordered<T extends object>(value: T, fields: readonly (keyof T)[]): Partial<T> {
  const out: Partial<T> = {};
  for (const field of fields) if (value[field] !== undefined) out[field] = value[field];
  return out;
}

/**
 * An entry as it is saved: its fields in the schema's order whatever order they were set in (so an entry read
 * back and unchanged compares equal and is not written again), no undefineds.
 */
export function serializeEntry(entry: JournalEntry): string {
  const out = ordered(entry, ENTRY_FIELDS);
  if (entry.result) out.result = ordered(entry.result, RESULT_FIELDS) as NonNullable<JournalEntry['result']>;
  return JSON.stringify(out);
}

export type JournalStorage = {
  /** The saved entries, oldest first, as raw JSON values (the store validates them); null if none were ever saved. */
  read(): unknown[] | null;
  /** Saves what changed since the last sync: new and changed entries, and removals. */
  sync(entries: readonly JournalEntry[]): void;
  /** Forgets what was saved (the next sync writes every entry): after the list was replaced, e.g. by a migration. */
  clear(): void;
  /** Every key it wrote (for removing the account's progress). */
  keys(): string[];
};

export function createJournalStorage(storage: StateStorage, accountKey: string): JournalStorage {
  // What storage holds, as this tab knows it: entry id → its place in the log, its saved JSON and the entry
  // object last saved (the journal's transforms copy only the entry they change, so the same object means
  // no change and costs no serialising).
  let saved = new Map<string, { seq: number; json: string; ref?: JournalEntry }>();
  let meta: Meta = { first: 0, next: 0 };

  const writeMeta = () => storage.setItem(journalMetaKey(accountKey), JSON.stringify(meta));

  return {
    read() {
      const found = readMeta(storage, accountKey);
      saved = new Map();
      meta = found ?? { first: 0, next: 0 };
      if (!found) return null;
      const values: unknown[] = [];
      for (let seq = found.first; seq < found.next; seq++) {
        const raw = storage.getItem(entryKey(accountKey, seq));
        if (typeof raw !== 'string') continue; // removed when the journal was capped
        try {
          const value = JSON.parse(raw) as unknown;
          const id = typeof value === 'object' && value !== null && 'id' in value ? String(value.id) : '';
          if (id) saved.set(id, { seq, json: raw });
          values.push(value);
        } catch {
          // An unreadable entry is dropped on its own, like any other the schema refuses.
        }
      }
      return values;
    },
    sync(entries) {
      for (const entry of entries) {
        const known = saved.get(entry.id);
        if (known?.ref === entry) continue;
        const json = serializeEntry(entry);
        if (known?.json === json) {
          known.ref = entry;
          continue;
        }
        const seq = known?.seq ?? meta.next++;
        // Entry first, then the log that points at it: a crash in between leaves a key no one reads.
        storage.setItem(entryKey(accountKey, seq), json);
        saved.set(entry.id, { seq, json, ref: entry });
        if (!known) writeMeta();
      }
      if (saved.size > entries.length) {
        const live = new Set(entries.map((entry) => entry.id));
        for (const [id, { seq }] of saved) {
          if (live.has(id)) continue;
          storage.removeItem(entryKey(accountKey, seq));
          saved.delete(id);
        }
        let first = meta.next;
        for (const { seq } of saved.values()) first = Math.min(first, seq);
        if (first !== meta.first) {
          meta.first = first;
          writeMeta();
        }
      }
    },
    clear() {
      saved = new Map();
    },
    keys() {
      return [journalMetaKey(accountKey), ...[...saved.values()].map(({ seq }) => entryKey(accountKey, seq))];
    },
  };
}
