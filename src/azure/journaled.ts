import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { discardingJournal } from '../journal/relay.ts';
import type { JournalSink, WriteAccepted, WriteAttempt, WriteIntent, WriteResult } from '../journal/types.ts';
import { AzureRequestError, toAzureError, type AzureError } from './errors.ts';

/*
 * Every ARM write goes through journaled(): the intent is recorded before the request leaves, each HTTP
 * attempt (the SDK retries 429s and 5xx on its own) is counted, the operation URL of an accepted
 * asynchronous write is kept the moment the 201/202 arrives, and the result is recorded at the end.
 */

const CLIENT_REQUEST_ID = 'x-ms-client-request-id';

type HeadersLike = { get(name: string): string | undefined | null };
/** What both SDK families hand to `onResponse`: the raw response of the request (after the SDK's retries). */
export type RawResponseLike = { status: number; headers: HeadersLike };

/** Sees every attempt of a journaled write by its client request id, which the SDK keeps across retries. */
export type AttemptRegistry = {
  watch(clientRequestId: string, listener: (attempt: WriteAttempt) => void): () => void;
  /** Added to every client as a per-retry policy. */
  policy: PipelinePolicy;
};

export function createAttemptRegistry(): AttemptRegistry {
  const listeners = new Map<string, (attempt: WriteAttempt) => void>();
  return {
    watch(id, listener) {
      listeners.set(id, listener);
      return () => listeners.delete(id);
    },
    policy: {
      name: 'vmbwJournalAttempts',
      async sendRequest(request, next) {
        const listener = listeners.get(request.headers.get(CLIENT_REQUEST_ID) ?? '');
        if (!listener) return next(request);
        try {
          const response = await next(request);
          listener({ status: response.status, ...optional('requestId', response.headers.get('x-ms-request-id')) });
          return response;
        } catch (error) {
          // No response at all (network, CORS, abort): still an attempt.
          listener({});
          throw error;
        }
      },
    },
  };
}

/** The journal as the gateway's clients carry it. Absent in unit tests that don't care. */
export type ArmJournal = { sink: JournalSink; attempts: AttemptRegistry | null };

export type WriteHooks = {
  clientRequestId: string;
  /** Options for an AutoRest (recoveryservicesbackup) operation: spread into its options argument. */
  hlc: { onResponse: (raw: RawResponseLike) => void; requestOptions: { customHeaders: Record<string, string> } };
  /** Options for a modular (TypeSpec) operation: spread into its options argument. */
  modular: { onResponse: (raw: RawResponseLike) => void; requestOptions: { headers: Record<string, string> } };
};

/** The answer to the write's own request (not to polls). */
export type FirstResponse = {
  status: number;
  requestId?: string;
  correlationId?: string;
  operationUrl?: string;
  /** The 201/202's Retry-After: how long to wait before the first poll of its operation. */
  retryAfter?: string;
};

function optional<K extends string>(key: K, value: string | null | undefined): { [P in K]?: string } {
  return (value ? { [key]: value } : {}) as { [P in K]?: string };
}

function readFirstResponse(raw: RawResponseLike): FirstResponse {
  const asyncUrl = raw.headers.get('azure-asyncoperation');
  const location = raw.headers.get('location');
  return {
    status: raw.status,
    ...optional('requestId', raw.headers.get('x-ms-request-id')),
    ...optional('correlationId', raw.headers.get('x-ms-correlation-request-id')),
    // Only a 201/202 names an operation; a Location on a 200 is just where the resource is.
    ...(raw.status === 201 || raw.status === 202 ? optional('operationUrl', asyncUrl ?? location) : {}),
    ...optional('retryAfter', raw.headers.get('retry-after')),
  };
}

function failedResult(error: AzureError): WriteResult {
  return {
    outcome: 'failed',
    finalState: 'Failed',
    code: error.code,
    message: error.message,
    ...(error.status !== undefined ? { status: error.status } : {}),
    ...optional('requestId', error.requestId),
    ...optional('correlationId', error.correlationId),
  };
}

function refused(error: unknown): AzureRequestError {
  const code = typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : 'WriteRefused';
  const message = error instanceof Error ? error.message : 'The write was refused before it was sent.';
  return new AzureRequestError({ kind: 'conflict', code, message }, { cause: error });
}

export type JournaledRun<T> = {
  entryId: string;
  value: T;
  first: FirstResponse | null;
  /** Null when the write was left in flight (its operation is still running, or could not be followed). */
  result: WriteResult | null;
};

/**
 * The one core: records the intent, sends, counts attempts, records acceptance, then settles with what
 * `finish` makes of the answer (null leaves the entry in flight, to be polled later from its URL).
 * A failed send is recorded and rethrown.
 */
export async function runJournaled<T>(
  journal: ArmJournal | undefined,
  intent: Omit<WriteIntent, 'clientRequestId'>,
  send: (hooks: WriteHooks) => Promise<T>,
  finish: (value: T, first: FirstResponse | null, entryId: string) => Promise<WriteResult | null>,
): Promise<JournaledRun<T>> {
  const { sink, attempts } = journal ?? { sink: discardingJournal, attempts: null };
  const clientRequestId = crypto.randomUUID();
  let entryId: string;
  try {
    entryId = sink.intent({ ...intent, clientRequestId });
  } catch (error) {
    throw refused(error);
  }
  // A holder, not a `let`: it is filled in from inside the SDK's callback.
  const seen: { first: FirstResponse | null } = { first: null };
  const onResponse = (raw: RawResponseLike) => {
    const first = readFirstResponse(raw);
    seen.first = first;
    if (first.operationUrl) {
      const accepted: WriteAccepted = { status: first.status, operationUrl: first.operationUrl };
      if (first.requestId) accepted.requestId = first.requestId;
      if (first.correlationId) accepted.correlationId = first.correlationId;
      sink.accepted(entryId, accepted);
    }
  };
  const headers = { [CLIENT_REQUEST_ID]: clientRequestId };
  const hooks: WriteHooks = {
    clientRequestId,
    hlc: { onResponse, requestOptions: { customHeaders: headers } },
    modular: { onResponse, requestOptions: { headers } },
  };
  const unwatch = attempts?.watch(clientRequestId, (attempt) => sink.attempted(entryId, attempt));
  let value: T;
  try {
    value = await send(hooks);
  } catch (error) {
    unwatch?.();
    const detail = toAzureError(error);
    sink.settled(entryId, failedResult(detail));
    throw new AzureRequestError(detail, { cause: error });
  }
  unwatch?.();
  let result: WriteResult | null;
  try {
    result = await finish(value, seen.first, entryId);
  } catch (error) {
    const detail = toAzureError(error);
    sink.settled(entryId, failedResult(detail));
    throw new AzureRequestError(detail, { cause: error });
  }
  if (result) sink.settled(entryId, result);
  return { entryId, value, first: seen.first, result };
}

/**
 * For writes that are done when `send` resolves: synchronous ones, and SDK long-running operations whose
 * poller `send` awaits (their operation URL is still journaled as soon as the first answer arrives).
 */
export async function journaled<T>(
  journal: ArmJournal | undefined,
  intent: Omit<WriteIntent, 'clientRequestId'>,
  send: (hooks: WriteHooks) => Promise<T>,
): Promise<T> {
  const run = await runJournaled(journal, intent, send, async (_value, first) => ({
    outcome: 'succeeded',
    finalState: 'Succeeded',
    ...(first ? { status: first.status, ...optional('requestId', first.requestId), ...optional('correlationId', first.correlationId) } : {}),
  }));
  return run.value;
}

/** A write that was sent and answered, whose end its caller follows and then records. */
export type AcceptedWrite<T> = {
  entryId: string;
  value: T;
  first: FirstResponse | null;
  settle(result: WriteResult): void;
  /** Records the failure of the operation (Azure ran it and it failed), with the service's code and message. */
  fail(error: unknown): void;
};

/**
 * For writes whose asynchronous operation the caller polls itself (AutoRest operations that return after
 * the 202): journals the intent and the acceptance like journaled(), and leaves the end to the caller.
 * An entry the caller never settles stays in flight and is polled from its URL on the next start-up.
 */
export async function journaledAccepted<T>(
  journal: ArmJournal | undefined,
  intent: Omit<WriteIntent, 'clientRequestId'>,
  send: (hooks: WriteHooks) => Promise<T>,
): Promise<AcceptedWrite<T>> {
  const run = await runJournaled(journal, intent, send, async () => null);
  const sink = journal?.sink ?? discardingJournal;
  return {
    entryId: run.entryId,
    value: run.value,
    first: run.first,
    settle: (result) => sink.settled(run.entryId, result),
    fail: (error) => sink.settled(run.entryId, failedResult(toAzureError(error))),
  };
}
