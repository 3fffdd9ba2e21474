// Azure Resource Graph's errors, in ARM's envelope as ARG words them. ARG's top-level message only names
// the time and correlation id; what went wrong is in `details` (seen in az CLI, PowerShell and SDK output:
// Azure/azure-powershell #13762, Azure/aztfexport #485, Azure/azure-cli-extensions #3325, Azure/azqr #847).
import { ArmError, type ArmErrorDetail } from './errors.ts';

/** ARG's first detail of every query error. */
export const INVALID_QUERY: ArmErrorDetail = {
  code: 'InvalidQuery',
  message: 'Query is invalid. Please refer to the documentation for the Azure Resource Graph service and fix the error before retrying.',
};

/** .NET's round-trip time, as ARG prints it: 2023-12-04T16:43:28.2015623Z. */
function supportTime(now: Date): string {
  return now.toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}

function supportMessage(correlationId: string, now: Date): string {
  return `Please provide below info when asking for support: timestamp = ${supportTime(now)}, correlationId = ${correlationId}.`;
}

export const graphErrors = {
  /** A query the service cannot run: parse errors, unknown tables, operators, functions or columns. */
  invalidQuery: (correlationId: string, details: readonly ArmErrorDetail[], now = new Date()) =>
    new ArmError(400, 'BadRequest', supportMessage(correlationId, now), {
      details: details[0]?.code === INVALID_QUERY.code ? [...details] : [INVALID_QUERY, ...details],
    }),
  // [unconfirmed code] A request body the service refuses before reading the query ($top out of range, no
  // query, an unknown resultFormat, a malformed subscription id). ARG's exact detail codes are not published.
  invalidRequest: (correlationId: string, target: string, message: string, now = new Date()) =>
    new ArmError(400, 'BadRequest', supportMessage(correlationId, now), {
      details: [{ code: 'InvalidRequestParameter', message, target }],
    }),
  // [unconfirmed code] A $skipToken that this query and scope never produced (or that has expired).
  invalidSkipToken: (correlationId: string, now = new Date()) =>
    new ArmError(400, 'BadRequest', supportMessage(correlationId, now), {
      details: [{
        code: 'InvalidSkipToken',
        message: 'The $skipToken is invalid: pass it back with the same query and scopes as the request that returned it, before it expires.',
        target: 'options.$skipToken',
      }],
    }),
  /** The user's query quota is used up for this window (code and wording as the service returns them). */
  quotaExceeded: (correlationId: string, retryAfterSeconds: number, headers: Record<string, string>, now = new Date()) =>
    new ArmError(429, 'RateLimiting', supportMessage(correlationId, now), {
      details: [{
        code: 'RateLimiting',
        message: 'Client application has been throttled and should not attempt to repeat the request until an amount of time has elapsed. Please see https://aka.ms/resourcegraph-throttling for help.',
      }],
      headers: { ...headers, 'Retry-After': String(retryAfterSeconds) },
    }),
} as const;
