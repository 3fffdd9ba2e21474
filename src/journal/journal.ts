import type { JournalEntry, WriteAccepted, WriteAttempt, WriteIntent, WriteResult } from './types.ts';

/*
 * The journal as pure list transforms; the store slice applies them. Entries are kept oldest first.
 */

/**
 * Enough for a fleet: a thousand VMs' protection and backup writes with retries (each entry is a few hundred
 * bytes in storage). Superseded settled entries are dropped first, then the oldest settled; in-flight ones never.
 */
export const JOURNAL_CAP = 3000;

export function addIntent(entries: readonly JournalEntry[], id: string, intent: WriteIntent, at: string): JournalEntry[] {
  const entry: JournalEntry = {
    id,
    at,
    kind: intent.kind,
    method: intent.method,
    target: intent.target,
    summary: { ...intent.summary },
    attempts: 0,
    ...(intent.clientRequestId ? { clientRequestId: intent.clientRequestId } : {}),
  };
  return capJournal([...entries, entry]);
}

function update(entries: readonly JournalEntry[], id: string, change: (entry: JournalEntry) => JournalEntry): JournalEntry[] {
  // An unknown id (e.g. an entry capped away, or one written by another tab) changes nothing.
  return entries.map((entry) => (entry.id === id ? change(entry) : entry));
}

export function addAttempt(entries: readonly JournalEntry[], id: string, attempt: WriteAttempt): JournalEntry[] {
  return update(entries, id, (entry) => ({
    ...entry,
    attempts: entry.attempts + 1,
    // The first request id is the one support can trace from the start; later ones only replace a missing one.
    ...(entry.requestId === undefined && attempt.requestId ? { requestId: attempt.requestId } : {}),
  }));
}

export function markAccepted(entries: readonly JournalEntry[], id: string, accepted: WriteAccepted, at: string): JournalEntry[] {
  return update(entries, id, (entry) => ({
    ...entry,
    acceptedAt: at,
    ...(accepted.operationUrl ? { operationUrl: accepted.operationUrl } : {}),
    ...(accepted.requestId ? { requestId: accepted.requestId } : {}),
    ...(accepted.correlationId ? { correlationId: accepted.correlationId } : {}),
  }));
}

export function markSettled(entries: readonly JournalEntry[], id: string, result: WriteResult, at: string): JournalEntry[] {
  // A result is final: a late duplicate (another poller, another tab) must not overwrite it.
  return update(entries, id, (entry) => (entry.result ? entry : { ...entry, result: { ...dropUndefined(result), at } }));
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export const isInFlight = (entry: JournalEntry): boolean => entry.result === undefined;

export function inFlight(entries: readonly JournalEntry[]): JournalEntry[] {
  return entries.filter(isInFlight);
}

const targetKey = (entry: JournalEntry) => `${entry.kind} ${entry.target.toLowerCase()}`;

/**
 * Keeps `cap` entries, never dropping one still in flight (its URL is the only way back to it). Settled
 * entries that a newer one of the same kind on the same target supersedes go first (the newest says where that
 * resource stands), then the oldest settled ones.
 */
export function capJournal(entries: readonly JournalEntry[], cap = JOURNAL_CAP): JournalEntry[] {
  const excess = entries.length - cap;
  if (excess <= 0) return [...entries];
  const newest = new Map<string, number>();
  entries.forEach((entry, index) => newest.set(targetKey(entry), index));
  const drop = new Set<number>();
  const pick = (eligible: (entry: JournalEntry, index: number) => boolean) => {
    for (let i = 0; i < entries.length && drop.size < excess; i++) {
      const entry = entries[i];
      if (entry && !drop.has(i) && !isInFlight(entry) && eligible(entry, i)) drop.add(i);
    }
  };
  pick((entry, index) => newest.get(targetKey(entry)) !== index);
  pick(() => true);
  return entries.filter((_, index) => !drop.has(index));
}

/** The newest entry of `kind` on `target` (ARM ids compare case-insensitively). */
export function latestFor(entries: readonly JournalEntry[], kind: JournalEntry['kind'], target: string): JournalEntry | undefined {
  const wanted = target.toLowerCase();
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (entry && entry.kind === kind && entry.target.toLowerCase() === wanted) return entry;
  }
  return undefined;
}
