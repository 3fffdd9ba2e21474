/**
 * The operation journal: every ARM write the wizard makes, recorded before it is sent (intent) and after
 * (result). It is what lets a reloaded or crashed tab poll an operation that was in flight instead of
 * sending it again, and what the summary prints as the record of what was changed.
 */

/** Each kind of write the wizard makes; the resume rules (resume.ts) are per kind. */
export const WRITE_KINDS = [
  'resourceGroup.put',
  'vault.put',
  'vault.patch',
  'storageConfig.patch',
  'storageConfig.put',
  'policy.put',
  'provider.register',
  'nsgRule.put',
  'protectedItem.put',
  'backup.trigger',
] as const;
export type WriteKind = (typeof WRITE_KINDS)[number];

export type WriteMethod = 'PUT' | 'PATCH' | 'POST' | 'DELETE';

/** A few scalar facts about the body (a location, a policy id) — never the whole body, never a token. */
export type WriteSummary = Record<string, string | number | boolean>;

/** What a write module says about the write it is about to send. */
export type WriteIntent = {
  kind: WriteKind;
  method: WriteMethod;
  /** The ARM id of the resource written (for an action, the resource the action is on). */
  target: string;
  summary?: WriteSummary;
  /** Sent as x-ms-client-request-id, so the journal entry can be matched with ARM's own logs. */
  clientRequestId?: string;
};

/** The first answer that says Azure accepted the write and runs it asynchronously. */
export type WriteAccepted = {
  status?: number;
  /** Azure-AsyncOperation, else Location: where the operation can be polled, even after a reload. */
  operationUrl?: string;
  requestId?: string;
  correlationId?: string;
};

/** One HTTP attempt of the write; the SDK retries some failures on its own, each attempt counts. */
export type WriteAttempt = { status?: number; requestId?: string };

export type JournalOutcome = 'succeeded' | 'failed' | 'unknown';

export type WriteResult = {
  outcome: JournalOutcome;
  status?: number;
  code?: string;
  message?: string;
  requestId?: string;
  correlationId?: string;
  /** The operation's final state as Azure reported it (Succeeded, Failed, …), or how it ended locally (Interrupted). */
  finalState?: string;
  /** The backup job an asynchronous backup operation started, when the service names one. */
  jobId?: string;
};

export type JournalEntry = {
  id: string;
  /** When the intent was recorded (ISO), i.e. just before the first attempt was sent. */
  at: string;
  kind: WriteKind;
  method: WriteMethod;
  target: string;
  summary: WriteSummary;
  clientRequestId?: string;
  attempts: number;
  operationUrl?: string;
  requestId?: string;
  correlationId?: string;
  acceptedAt?: string;
  /** Absent while the write is in flight (or was, when the tab closed). */
  result?: WriteResult & { at: string };
};

/**
 * Where the gateway records writes. Implemented by the store's journal slice (through a relay that also
 * enforces the two-tab write lock); `intent` throws when the write must not be sent at all.
 */
export interface JournalSink {
  intent(intent: WriteIntent): string;
  attempted(id: string, attempt: WriteAttempt): void;
  accepted(id: string, accepted: WriteAccepted): void;
  settled(id: string, result: WriteResult): void;
}
