import { createPipelineRequest, RestError } from '@azure/core-rest-pipeline';
import { isOnArmEndpoint } from '../journal/resume.ts';
import type { WriteResult } from '../journal/types.ts';
import type { ArmClients } from './clients.ts';
import { AzureRequestError, toAzureError, type AzureError } from './errors.ts';
import { retryAfterMs } from './policies.ts';

/*
 * Following an asynchronous ARM operation from its URL (Azure-AsyncOperation or Location), the way core-lro
 * does: the body's `status` decides when there is one, else the HTTP status (202 = still running). The same
 * code follows a write just sent and one saved in the journal before a reload, so resuming is never a
 * different path from the first run.
 */

export type OperationState = 'InProgress' | 'Succeeded' | 'Failed' | 'Canceled';

export type OperationPoll = {
  state: OperationState;
  httpStatus: number;
  error?: { code: string; message: string };
  /** Azure Backup names the job its operation started (OperationStatusJobExtendedInfo). */
  jobId?: string;
  requestId?: string;
  /** How long to wait before the next poll: the service's Retry-After, held between 1 and 5 seconds. */
  retryAfterMs: number;
};

type Bag = Record<string, unknown>;
const isBag = (value: unknown): value is Bag => typeof value === 'object' && value !== null;
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

export function stateFrom(status: string | undefined, httpStatus: number): OperationState {
  if (status === undefined) return httpStatus === 202 ? 'InProgress' : 'Succeeded';
  const lower = status.toLowerCase();
  if (lower.includes('succeeded')) return 'Succeeded';
  if (lower.includes('fail')) return 'Failed';
  if (lower === 'canceled' || lower === 'cancelled') return 'Canceled';
  return 'InProgress';
}

/** The subscription a URL's path names; its client carries the ARM token policy. */
function subscriptionOf(url: string): string | null {
  try {
    return /\/subscriptions\/([^/]+)/i.exec(new URL(url).pathname)?.[1] ?? null;
  } catch {
    return null;
  }
}

/**
 * One GET of an operation URL, sent through the backup client's pipeline so it carries an ARM token and
 * gets the SDK's retries. A URL that is not on the configured ARM endpoint is refused: it may come from
 * saved state, and an ARM token must never go anywhere else.
 */
export async function pollOperationOnce(clients: ArmClients, url: string): Promise<OperationPoll> {
  const subscriptionId = subscriptionOf(url);
  if (!isOnArmEndpoint(url, clients.endpoint) || subscriptionId === null) {
    throw new AzureRequestError({
      kind: 'validation',
      code: 'OperationUrlNotOnArm',
      message: `The operation URL ${url} is not on the Azure Resource Manager endpoint ${clients.endpoint}, so it was not called.`,
    });
  }
  const client = await clients.backup(subscriptionId);
  const request = createPipelineRequest({ url, method: 'GET' });
  request.headers.set('accept', 'application/json');
  const response = await client.sendRequest(request);
  if (response.status >= 400) {
    const error = new RestError(`The operation status request failed with status ${response.status}.`, {
      statusCode: response.status,
      request,
      response,
    });
    throw new AzureRequestError(toAzureError(error), { cause: error });
  }
  let body: unknown;
  try {
    body = response.bodyAsText ? JSON.parse(response.bodyAsText) : undefined;
  } catch {
    body = undefined;
  }
  const bag = isBag(body) ? body : {};
  const error = isBag(bag['error']) ? bag['error'] : undefined;
  const properties = isBag(bag['properties']) ? bag['properties'] : undefined;
  const poll: OperationPoll = {
    state: stateFrom(text(bag['status']), response.status),
    httpStatus: response.status,
    retryAfterMs: retryAfterMs(response.headers.get('retry-after') ?? undefined),
  };
  const requestId = response.headers.get('x-ms-request-id');
  if (requestId) poll.requestId = requestId;
  const jobId = text(properties?.['jobId']);
  if (jobId) poll.jobId = jobId;
  if (error) poll.error = { code: text(error['code']) ?? 'OperationFailed', message: text(error['message']) ?? 'Azure reported the operation as failed.' };
  return poll;
}

export type FollowOptions = {
  onPoll?: (poll: OperationPoll, count: number) => void;
  /** Waits between polls; tests replace it. */
  sleep?: (ms: number) => Promise<void>;
  /** Stops following after this long; the operation may still finish in Azure, and can be followed again. */
  timeoutMs?: number;
  /**
   * Waits this long before the first poll: a write just accepted says in its 202's Retry-After when to ask
   * (ARM's guidance), which saves a poll that would only answer InProgress. Resuming polls at once.
   */
  initialDelayMs?: number;
  signal?: AbortSignal;
};

export type Settlement =
  | { settled: true; result: WriteResult; poll: OperationPoll }
  /** Could not be followed to its end (polls failing, timeout, aborted): the operation may still be running. */
  | { settled: false; error: AzureError };

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What the journal records for a finished operation. */
export function resultOf(poll: OperationPoll): WriteResult {
  const base = {
    finalState: poll.state,
    status: poll.httpStatus,
    ...(poll.requestId ? { requestId: poll.requestId } : {}),
    ...(poll.jobId ? { jobId: poll.jobId } : {}),
  };
  if (poll.state === 'Succeeded') return { outcome: 'succeeded', ...base };
  return {
    outcome: 'failed',
    ...base,
    code: poll.error?.code ?? `Operation${poll.state}`,
    message: poll.error?.message ?? `Azure reported the operation as ${poll.state}.`,
  };
}

/** Polls until the operation ends (Succeeded, Failed, Canceled). Never throws: failures to poll come back unsettled. */
export async function followOperation(clients: ArmClients, url: string, options: FollowOptions = {}): Promise<Settlement> {
  const { onPoll, sleep = defaultSleep, timeoutMs = 30 * 60_000, signal, initialDelayMs = 0 } = options;
  const deadline = Date.now() + timeoutMs;
  if (initialDelayMs > 0) await sleep(initialDelayMs);
  for (let count = 1; ; count++) {
    if (signal?.aborted) return { settled: false, error: { kind: 'unknown', code: 'Aborted', message: 'Following the operation was stopped.' } };
    let poll: OperationPoll;
    try {
      poll = await pollOperationOnce(clients, url);
    } catch (error) {
      return { settled: false, error: toAzureError(error) };
    }
    onPoll?.(poll, count);
    if (poll.state !== 'InProgress') return { settled: true, result: resultOf(poll), poll };
    if (Date.now() + poll.retryAfterMs > deadline) {
      return {
        settled: false,
        error: {
          kind: 'unknown',
          code: 'OperationTimedOut',
          message: `Azure had not finished the operation after ${Math.round(timeoutMs / 1000)} seconds. It may still finish; check again later.`,
          ...(poll.requestId ? { requestId: poll.requestId } : {}),
        },
      };
    }
    await sleep(poll.retryAfterMs);
  }
}

/** Follows a journal entry's saved operation and records its result: how an in-flight write is resumed. */
export async function resumeOperation(clients: ArmClients, entryId: string, url: string, options: FollowOptions = {}): Promise<Settlement> {
  const settlement = await followOperation(clients, url, options);
  if (settlement.settled) clients.journal?.sink.settled(entryId, settlement.result);
  return settlement;
}
