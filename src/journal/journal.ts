import type { JournalEntry, WriteAccepted, WriteAttempt, WriteIntent, WriteResult } from './types.ts';

/*
 * The journal as pure list transforms; the store slice applies them. Entries are kept oldest first.
 */

/** Enough for a long setup with retries; older settled entries are dropped first, in-flight ones never. */
export const JOURNAL_CAP = 500;

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

/** Keeps the newest `cap` entries, but never drops one still in flight (its URL is the only way back to it). */
export function capJournal(entries: readonly JournalEntry[], cap = JOURNAL_CAP): JournalEntry[] {
  let excess = entries.length - cap;
  if (excess <= 0) return [...entries];
  return entries.filter((entry) => {
    if (excess > 0 && !isInFlight(entry)) {
      excess--;
      return false;
    }
    return true;
  });
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
