/**
 * Every failure that leaves the gateway is normalised here, once, into AzureError. Recognition is by shape
 * (RestError from both SDK families, MSAL's AuthError family, fetch's TypeError) so this module stays free of
 * SDK imports and can be unit-tested with plain objects.
 */

export type AzureErrorKind =
  | 'auth'
  | 'forbidden'
  | 'notFound'
  | 'conflict'
  | 'throttled'
  | 'validation'
  | 'network'
  | 'unknown';

export type AzureError = {
  kind: AzureErrorKind;
  status?: number;
  code: string;
  message: string;
  requestId?: string;
  correlationId?: string;
  target?: string;
  /** The service's Retry-After of a throttled or unavailable answer, in milliseconds. */
  retryAfterMs?: number;
};

/** What the gateway throws: an Error (so stacks and `instanceof` work) carrying the normalised detail. */
export class AzureRequestError extends Error {
  readonly detail: AzureError;
  constructor(detail: AzureError, options?: { cause?: unknown }) {
    super(detail.message, options);
    this.name = 'AzureRequestError';
    this.detail = detail;
  }
}

/** Where keep-error-body-policy.ts leaves the raw body of a failed response (see there for why). */
export const ARM_ERROR_BODY_HEADER = 'x-vmbw-arm-error-body';

const MSAL_ERROR_NAMES = new Set([
  'AuthError',
  'BrowserAuthError',
  'ClientAuthError',
  'ClientConfigurationError',
  'BrowserConfigurationAuthError',
  'InteractionRequiredAuthError',
  'ServerError',
  'NativeAuthError',
]);

const CODE_KINDS: Record<string, AzureErrorKind> = {
  AuthorizationFailed: 'forbidden',
  LinkedAuthorizationFailed: 'forbidden',
  RequestDisallowedByPolicy: 'forbidden',
  InvalidAuthenticationToken: 'auth',
  InvalidAuthenticationTokenAudience: 'auth',
  InvalidAuthenticationTokenTenant: 'auth',
  ExpiredAuthenticationToken: 'auth',
  AuthenticationFailed: 'auth',
  SubscriptionNotFound: 'notFound',
  ResourceNotFound: 'notFound',
  ResourceGroupNotFound: 'notFound',
  TooManyRequests: 'throttled',
  RateLimiting: 'throttled',
  RetryableErrorDueToAnotherOperation: 'throttled',
};

function kindFromStatus(status: number | undefined): AzureErrorKind {
  switch (status) {
    case 401:
      return 'auth';
    case 403:
      return 'forbidden';
    case 404:
      return 'notFound';
    case 409:
    case 412:
      return 'conflict';
    case 429:
      return 'throttled';
    case 400:
    case 422:
      return 'validation';
    default:
      return 'unknown';
  }
}

type Bag = Record<string, unknown>;
const isRecord = (value: unknown): value is Bag => typeof value === 'object' && value !== null;
const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

function parseArmError(text: string | undefined): Bag | undefined {
  if (!text) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    const inner = isRecord(parsed) ? parsed['error'] : undefined;
    return isRecord(inner) ? inner : undefined;
  } catch {
    return undefined;
  }
}

/** The ARM envelope `{error:{code,message,target}}`: from the SDK's parsed `details`, else the raw body. */
function armErrorBody(error: Bag): Bag | undefined {
  const fromDetails = isRecord(error['details']) ? error['details']['error'] : undefined;
  if (isRecord(fromDetails)) return fromDetails;
  const response = error['response'];
  const text = isRecord(response) ? str(response['bodyAsText']) : undefined;
  return parseArmError(text) ?? parseArmError(header(error, ARM_ERROR_BODY_HEADER));
}

function header(error: Bag, name: string): string | undefined {
  const response = error['response'];
  if (!isRecord(response)) return undefined;
  const headers = response['headers'];
  if (!isRecord(headers) || typeof headers['get'] !== 'function') return undefined;
  const value: unknown = (headers['get'] as (n: string) => unknown).call(headers, name);
  return str(value);
}

/** Retry-After in seconds or as an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/**
 * Resource Graph's top-level message only gives a time and a correlation id ("Please provide below info when
 * asking for support: …"); what went wrong is in its details, after the generic InvalidQuery. The most specific
 * detail becomes the error, with where the parser stopped.
 */
function graphDetail(body: Bag | undefined): { code: string; message: string } | undefined {
  const details = body?.['details'];
  if (!Array.isArray(details) || !(str(body?.['message']) ?? '').startsWith('Please provide below info when asking for support')) return undefined;
  const records = details.filter(isRecord);
  const specific = [...records].reverse().find((d) => str(d['code']) !== undefined && d['code'] !== 'InvalidQuery') ?? records[0];
  const code = str(specific?.['code']);
  if (!specific || !code) return undefined;
  // The modular SDK moves a detail's own fields (line, token, ...) into additionalProperties.
  const extra = isRecord(specific['additionalProperties']) ? { ...specific, ...specific['additionalProperties'] } : specific;
  const line = extra['line'];
  const position = extra['characterPositionInLine'];
  const token = str(extra['token']);
  const where = typeof line === 'number' && line >= 0 ? ` (line ${line}, position ${String(position)}${token ? `, at '${token}'` : ''})` : '';
  return { code, message: `${str(specific['message']) ?? code}${where}` };
}

function fromRestError(error: Bag): AzureError {
  const status = typeof error['statusCode'] === 'number' ? error['statusCode'] : undefined;
  const body = armErrorBody(error);
  const graph = graphDetail(body);
  const code = graph?.code ?? str(body?.['code']) ?? str(error['code']) ?? (status ? `HTTP${status}` : 'RequestFailed');
  const message = graph?.message ?? str(body?.['message']) ?? str(error['message']) ?? 'The request to Azure failed.';
  if (status === undefined && code === 'REQUEST_SEND_ERROR') {
    return { kind: 'network', code: 'NetworkError', message };
  }
  const detail: AzureError = { kind: CODE_KINDS[code] ?? kindFromStatus(status), code, message };
  if (status !== undefined) detail.status = status;
  const requestId = header(error, 'x-ms-request-id');
  if (requestId) detail.requestId = requestId;
  const correlationId = header(error, 'x-ms-correlation-request-id');
  if (correlationId) detail.correlationId = correlationId;
  const target = str(body?.['target']);
  if (target) detail.target = target;
  const retryAfter = parseRetryAfter(header(error, 'retry-after'));
  if (retryAfter !== undefined) detail.retryAfterMs = retryAfter;
  return detail;
}

function fromMsalError(error: Bag): AzureError {
  const code = str(error['errorCode']) ?? 'AuthError';
  const detail: AzureError = {
    kind: 'auth',
    code,
    message: str(error['errorMessage']) ?? str(error['message']) ?? 'Signing in failed.',
  };
  const correlationId = str(error['correlationId']);
  if (correlationId) detail.correlationId = correlationId;
  return detail;
}

/** Normalises anything thrown while talking to Azure or the identity provider. Idempotent. */
export function toAzureError(error: unknown): AzureError {
  if (error instanceof AzureRequestError) return error.detail;
  if (!isRecord(error)) return { kind: 'unknown', code: 'UnknownError', message: String(error) };
  const name = str(error['name']);
  if (name === 'RestError') return fromRestError(error);
  if (name && MSAL_ERROR_NAMES.has(name)) return fromMsalError(error);
  // fetch() rejects with a TypeError when the network or CORS fails before any response.
  if (name === 'TypeError' && /fetch|network|load failed/i.test(str(error['message']) ?? '')) {
    return { kind: 'network', code: 'NetworkError', message: str(error['message']) ?? 'The network request failed.' };
  }
  if (name === 'AbortError') return { kind: 'unknown', code: 'Aborted', message: 'The request was cancelled.' };
  return { kind: 'unknown', code: name ?? 'UnknownError', message: str(error['message']) ?? String(error) };
}

// ARM's AuthorizationFailed message names the action and the scope; quoting them tells the user exactly what to ask for.
const AUTHORIZATION_FAILED = /perform action '([^']+)' over scope '([^']+)'/;

/** The action and scope an AuthorizationFailed error names, or null for any other error. */
export function missingPermission(error: AzureError): { action: string; scope: string } | null {
  if (error.code !== 'AuthorizationFailed' && error.code !== 'LinkedAuthorizationFailed') return null;
  const match = AUTHORIZATION_FAILED.exec(error.message);
  return match?.[1] && match[2] ? { action: match[1], scope: match[2] } : null;
}

/** One sentence telling the user how to get past this error. */
export function whatToDo(error: AzureError): string {
  if (error.code === 'AuthorizationFailed' || error.code === 'LinkedAuthorizationFailed') {
    const match = AUTHORIZATION_FAILED.exec(error.message);
    if (match) {
      return `Ask an Owner of ${match[2]} for a role that grants ${match[1]}, then sign out and sign in again.`;
    }
    return 'Ask an Owner of the subscription for a role that grants this action, then sign out and sign in again.';
  }
  if (error.code === 'RequestDisallowedByPolicy') {
    return 'An Azure Policy assignment denied this request. Ask your Azure administrator for an exemption or a compliant setting.';
  }
  // Refused by the wizard itself (src/journal/relay.ts) before anything was sent.
  if (error.code === 'SetupOpenInAnotherTab') {
    return 'Make the change in the other tab, or choose “Take over here” at the top of this page and retry.';
  }
  if (error.code === 'JournalNotReady') return 'Wait a moment, then retry.';
  switch (error.kind) {
    case 'auth':
      return 'Your sign-in is missing, expired or not valid for Azure Resource Manager. Sign out, sign in again, and retry.';
    case 'forbidden':
      return 'Your account lacks permission for this. Ask an Owner of the subscription for a suitable role, such as Backup Contributor.';
    case 'notFound':
      return 'Azure could not find this resource, or you cannot see it. Check that you chose the right subscription, then retry.';
    case 'conflict':
      return 'Another operation is changing this resource. Wait for it to finish, then retry.';
    case 'throttled':
      return 'Azure is limiting how many requests you can make. Wait a minute, then retry.';
    case 'validation':
      return 'Azure rejected the request as invalid. Correct the value the message names, then retry.';
    case 'network':
      return 'The wizard could not reach Azure. Check your network connection, proxy or firewall, then retry.';
    case 'unknown':
      return error.status !== undefined && error.status >= 500
        ? 'Azure had an internal problem. Retry in a few minutes; if it keeps failing, contact Azure support with the request ID.'
        : 'Retry. If it keeps failing, report the code and request ID shown here.';
  }
}
