import { createHttpHeaders, RestError } from '@azure/core-rest-pipeline';
import { describe, expect, it } from 'vitest';
import { AzureRequestError, toAzureError, whatToDo } from './errors.ts';

function restError(status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  const inner = (body as { error?: { code?: string; message?: string } }).error;
  return new RestError(inner?.message ?? 'failed', {
    statusCode: status,
    ...(inner?.code ? { code: inner.code } : {}),
    response: {
      status,
      headers: createHttpHeaders(headers),
      bodyAsText: text,
      request: {} as never,
    },
  });
}

describe('toAzureError', () => {
  it('reads code, message, status, target and ids from an ARM error response', () => {
    const error = restError(
      400,
      { error: { code: 'InvalidParameter', message: 'The vault name is invalid.', target: 'name' } },
      { 'x-ms-request-id': 'req-1', 'x-ms-correlation-request-id': 'corr-1' },
    );
    expect(toAzureError(error)).toEqual({
      kind: 'validation',
      status: 400,
      code: 'InvalidParameter',
      message: 'The vault name is invalid.',
      target: 'name',
      requestId: 'req-1',
      correlationId: 'corr-1',
    });
  });

  it.each([
    [401, 'InvalidAuthenticationToken', 'auth'],
    [403, 'AuthorizationFailed', 'forbidden'],
    [404, 'ResourceNotFound', 'notFound'],
    [409, 'Conflict', 'conflict'],
    [429, 'TooManyRequests', 'throttled'],
    [400, 'BadRequest', 'validation'],
    [500, 'InternalServerError', 'unknown'],
  ] as const)('maps HTTP %i %s to kind %s', (status, code, kind) => {
    expect(toAzureError(restError(status, { error: { code, message: 'x' } })).kind).toBe(kind);
  });

  it('uses the parsed `details` of the modular SDKs when there is no body text', () => {
    const error = new RestError('Forbidden', { statusCode: 403, code: 'AuthorizationFailed' });
    error.details = { error: { code: 'AuthorizationFailed', message: 'No access.', target: 'sub' } };
    expect(toAzureError(error)).toMatchObject({ kind: 'forbidden', code: 'AuthorizationFailed', target: 'sub' });
  });

  it('falls back to the HTTP status when the body is not ARM-shaped', () => {
    const error = new RestError('Unexpected status code: 502', { statusCode: 502 });
    expect(toAzureError(error)).toMatchObject({ kind: 'unknown', code: 'HTTP502', status: 502 });
  });

  it('treats a request that never got a response as a network failure', () => {
    const error = new RestError('Failed to fetch', { code: RestError.REQUEST_SEND_ERROR });
    expect(toAzureError(error)).toEqual({ kind: 'network', code: 'NetworkError', message: 'Failed to fetch' });
    expect(toAzureError(new TypeError('Failed to fetch')).kind).toBe('network');
  });

  it('recognises MSAL errors by name as sign-in problems', () => {
    const msalError = Object.assign(new Error('AADSTS50058: silent sign-in failed'), {
      name: 'InteractionRequiredAuthError',
      errorCode: 'login_required',
      errorMessage: 'Silent sign-in failed.',
      correlationId: 'c-42',
    });
    expect(toAzureError(msalError)).toEqual({
      kind: 'auth',
      code: 'login_required',
      message: 'Silent sign-in failed.',
      correlationId: 'c-42',
    });
  });

  it('is idempotent for errors the gateway already normalised', () => {
    const detail = { kind: 'conflict' as const, code: 'Conflict', message: 'Busy', status: 409 };
    expect(toAzureError(new AzureRequestError(detail))).toBe(detail);
  });

  it('never throws on odd values', () => {
    expect(toAzureError('boom')).toEqual({ kind: 'unknown', code: 'UnknownError', message: 'boom' });
    expect(toAzureError(undefined).kind).toBe('unknown');
    expect(toAzureError(new Error('plain')).message).toBe('plain');
  });
});

describe('whatToDo', () => {
  it('names the scope and the action an AuthorizationFailed error is missing', () => {
    const advice = whatToDo({
      kind: 'forbidden',
      status: 403,
      code: 'AuthorizationFailed',
      message:
        "The client 'rita@contoso.example' with object id '4ead0000-0000-4000-8000-000000000003' does not have authorization to perform action 'Microsoft.RecoveryServices/vaults/write' over scope '/subscriptions/8c6b1f3e-2a4d-4f5b-9e7c-0a1b2c3d4e5f/resourceGroups/rg-backup' or the scope is invalid.",
    });
    expect(advice).toBe(
      'Ask an Owner of /subscriptions/8c6b1f3e-2a4d-4f5b-9e7c-0a1b2c3d4e5f/resourceGroups/rg-backup for a role that grants Microsoft.RecoveryServices/vaults/write, then sign out and sign in again.',
    );
  });

  it('has advice for every kind', () => {
    const kinds = ['auth', 'forbidden', 'notFound', 'conflict', 'throttled', 'validation', 'network', 'unknown'] as const;
    for (const kind of kinds) expect(whatToDo({ kind, code: 'X', message: 'm' })).toMatch(/\w+/);
    expect(whatToDo({ kind: 'unknown', code: 'InternalServerError', message: 'm', status: 500 })).toMatch(/request ID/);
  });
});
