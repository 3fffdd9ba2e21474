import { z } from 'zod';
import { addAttempt, addIntent, JOURNAL_CAP, markAccepted, markSettled } from '../journal/journal.ts';
import { WRITE_KINDS, type JournalEntry, type JournalSink, type WriteAccepted, type WriteAttempt, type WriteIntent, type WriteResult } from '../journal/types.ts';
import type { SliceCreator, StoreDeps } from './slice.ts';

/** The operation journal (src/journal): persisted with the account's progress, so a reload can resume in-flight writes. */
export type JournalState = { entries: JournalEntry[] };

export type JournalSlice = {
  journal: JournalState;
  /** Records a write about to be sent; returns the entry id. */
  recordWriteIntent(intent: WriteIntent): string;
  recordWriteAttempt(id: string, attempt: WriteAttempt): void;
  recordWriteAccepted(id: string, accepted: WriteAccepted): void;
  recordWriteResult(id: string, result: WriteResult): void;
};

export const initialJournal: JournalState = { entries: [] };

// Bounds only stop a corrupted entry from flooding the UI; ids, URLs and messages are far shorter in practice.
const id = z.string().min(1).max(2000);
const text = z.string().max(4000);
const summary = z.record(z.string().max(100), z.union([z.string().max(2000), z.number(), z.boolean()]));

const resultSchema = z.object({
  outcome: z.enum(['succeeded', 'failed', 'unknown']),
  at: z.iso.datetime(),
  status: z.number().int().optional(),
  code: text.optional(),
  message: text.optional(),
  requestId: text.optional(),
  correlationId: text.optional(),
  finalState: text.optional(),
  jobId: text.optional(),
});

const entrySchema = z.object({
  id,
  at: z.iso.datetime(),
  kind: z.enum(WRITE_KINDS),
  method: z.enum(['PUT', 'PATCH', 'POST', 'DELETE']),
  target: id,
  summary: summary.default({}),
  clientRequestId: text.optional(),
  attempts: z.number().int().min(0).default(0),
  operationUrl: z.string().max(4000).optional(),
  requestId: text.optional(),
  correlationId: text.optional(),
  acceptedAt: z.iso.datetime().optional(),
  result: resultSchema.optional(),
});

export const persistedJournalSchema = z.object({
  // One unreadable entry (say, from an older build) is dropped on its own; the rest of the journal is kept.
  entries: z
    .array(entrySchema.nullable().catch(null))
    .max(JOURNAL_CAP * 2)
    .default([])
    .transform((entries) => entries.filter((entry) => entry !== null)),
});

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The parsed journal as state: zod's optional fields come back as `undefined`, which the state never holds. */
export function journalFromPersisted(persisted: z.infer<typeof persistedJournalSchema>): JournalState {
  return {
    entries: persisted.entries.map((entry) => {
      const { result, ...rest } = entry;
      const clean = withoutUndefined(rest) as Omit<JournalEntry, 'result'>;
      return result ? { ...clean, result: withoutUndefined(result) as NonNullable<JournalEntry['result']> } : clean;
    }),
  };
}

export const createJournalSlice =
  ({ now }: StoreDeps): SliceCreator<JournalSlice> =>
  (set) => ({
    journal: initialJournal,
    recordWriteIntent: (intent) => {
      const entryId = crypto.randomUUID();
      set((state) => ({ journal: { entries: addIntent(state.journal.entries, entryId, intent, now().toISOString()) } }));
      return entryId;
    },
    recordWriteAttempt: (entryId, attempt) =>
      set((state) => ({ journal: { entries: addAttempt(state.journal.entries, entryId, attempt) } })),
    recordWriteAccepted: (entryId, accepted) =>
      set((state) => ({ journal: { entries: markAccepted(state.journal.entries, entryId, accepted, now().toISOString()) } })),
    recordWriteResult: (entryId, result) =>
      set((state) => ({ journal: { entries: markSettled(state.journal.entries, entryId, result, now().toISOString()) } })),
  });

/** The store's journal as the gateway's JournalSink (attached through the relay in src/journal/relay.ts). */
export function journalSinkOf(store: { getState(): JournalSlice }): JournalSink {
  return {
    intent: (intent) => store.getState().recordWriteIntent(intent),
    attempted: (entryId, attempt) => store.getState().recordWriteAttempt(entryId, attempt),
    accepted: (entryId, accepted) => store.getState().recordWriteAccepted(entryId, accepted),
    settled: (entryId, result) => store.getState().recordWriteResult(entryId, result),
  };
}

/** Every write this account made, oldest first (the Summary prints it). */
export const selectJournal = (state: { journal: JournalState }): JournalEntry[] => state.journal.entries;
