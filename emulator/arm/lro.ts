// The one long-running-operation helper. An operation is InProgress until `lroDelayMs` has
// passed; it then settles once (running its completion, which applies the change) on the
// next request that looks at emulator state. No timers: state changes only inside requests,
// which keeps tests deterministic and a reset complete.
import { randomUUID } from 'node:crypto';
import { ArmError, armErrors } from './errors.ts';
import type { ArmContext, RouteResult } from './types.ts';
import type { Settings } from './settings.ts';

export type OperationOutcome =
  | { status: 'Succeeded'; result?: unknown; properties?: Record<string, unknown> }
  | { status: 'Failed'; error: { code: string; message: string } };

export interface Operation {
  id: string;
  status: 'InProgress' | 'Succeeded' | 'Failed' | 'Canceled';
  startTime: string;
  endTime?: string;
  error?: { code: string; message: string };
  result?: unknown;
  properties?: Record<string, unknown>;
}

interface Pending {
  op: Operation;
  readyAt: number;
  complete: () => OperationOutcome;
}

export interface Operations {
  start(complete: () => OperationOutcome, options?: { delayMs?: number; properties?: Record<string, unknown> }): Operation;
  get(id: string): Operation | undefined;
  settleDue(): void;
  reset(): void;
}

export function createOperations(settings: () => Settings, now: () => number = Date.now): Operations {
  const all = new Map<string, Operation>();
  let pending: Pending[] = [];

  function settle(p: Pending): void {
    let outcome: OperationOutcome;
    try {
      outcome = p.complete();
    } catch (e) {
      outcome =
        e instanceof ArmError
          ? { status: 'Failed', error: { code: e.code, message: e.message } }
          : { status: 'Failed', error: { code: 'InternalServerError', message: 'The operation failed unexpectedly.' } };
    }
    p.op.endTime = new Date(now()).toISOString();
    if (outcome.status === 'Succeeded') {
      p.op.status = 'Succeeded';
      p.op.result = outcome.result;
      if (outcome.properties) p.op.properties = { ...p.op.properties, ...outcome.properties };
    } else {
      p.op.status = 'Failed';
      p.op.error = outcome.error;
    }
  }

  return {
    start(complete, options = {}) {
      const op: Operation = {
        id: randomUUID(),
        status: 'InProgress',
        startTime: new Date(now()).toISOString(),
        ...(options.properties ? { properties: options.properties } : {}),
      };
      all.set(op.id, op);
      const p = { op, readyAt: now() + (options.delayMs ?? settings().lroDelayMs), complete };
      if (p.readyAt <= now()) settle(p);
      else pending.push(p);
      return op;
    },
    get(id) {
      this.settleDue();
      return all.get(id.toLowerCase()) ?? all.get(id);
    },
    settleDue() {
      if (pending.length === 0) return;
      const at = now();
      const due = pending.filter((p) => p.readyAt <= at);
      if (due.length === 0) return;
      pending = pending.filter((p) => p.readyAt > at);
      for (const p of due) settle(p);
    },
    reset() {
      all.clear();
      pending = [];
    },
  };
}

/** Absolute URL on this emulator for a path, carrying the request's api-version (SDKs follow it verbatim). */
export function absoluteUrl(ctx: Pick<ArmContext, 'endpoint' | 'apiVersion'>, path: string): string {
  return `${ctx.endpoint}${encodePath(path)}?api-version=${encodeURIComponent(ctx.apiVersion)}`;
}

export function encodePath(path: string): string {
  return path
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
}

/** Headers of an accepted asynchronous request: poll statusPath (Azure-AsyncOperation) or resultPath (Location). */
export function asyncHeaders(
  ctx: Pick<ArmContext, 'endpoint' | 'apiVersion' | 'settings'>,
  paths: { statusPath?: string; resultPath?: string },
): Record<string, string> {
  return {
    ...(paths.statusPath ? { 'Azure-AsyncOperation': absoluteUrl(ctx, paths.statusPath) } : {}),
    ...(paths.resultPath ? { Location: absoluteUrl(ctx, paths.resultPath) } : {}),
    'Retry-After': String(ctx.settings.retryAfterSeconds),
  };
}

/** The operation-status resource every RP serves at its Azure-AsyncOperation URL. */
export function operationStatusResult(ctx: ArmContext, operationId: string): RouteResult {
  const op = ctx.operations.get(operationId);
  if (!op) throw armErrors.operationNotFound(operationId);
  return {
    status: 200,
    body: {
      id: ctx.path,
      name: op.id,
      status: op.status,
      startTime: op.startTime,
      ...(op.endTime ? { endTime: op.endTime } : {}),
      ...(op.error ? { error: op.error } : {}),
      ...(op.properties ? { properties: op.properties } : {}),
    },
    ...(op.status === 'InProgress' ? { headers: { 'Retry-After': String(ctx.settings.retryAfterSeconds) } } : {}),
  };
}

/**
 * The Location-style result: 202 while running, then the result (200) or nothing (204),
 * or the operation's error with a 4xx/5xx as ARM does for failed operations.
 */
export function operationLocationResult(
  ctx: ArmContext,
  operationId: string,
  options: { whenDone?: 200 | 204; runningStatus?: 202 } = {},
): RouteResult {
  const op = ctx.operations.get(operationId);
  if (!op) throw armErrors.operationNotFound(operationId);
  if (op.status === 'InProgress') {
    return {
      status: options.runningStatus ?? 202,
      headers: {
        Location: absoluteUrl(ctx, ctx.path),
        'Retry-After': String(ctx.settings.retryAfterSeconds),
      },
    };
  }
  if (op.status === 'Failed' && op.error) throw new ArmError(400, op.error.code, op.error.message);
  if (options.whenDone === 204 || op.result === undefined) return { status: 204 };
  return { status: 200, body: op.result };
}
