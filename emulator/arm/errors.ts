// The ARM error envelope and one factory function per service error, so every route
// answers with the same codes and wording as Azure (see shared/reference/arm-api.md §1j).

export interface ArmErrorDetail {
  code: string;
  message: string;
  target?: string;
}

export class ArmError extends Error {
  readonly status: number;
  readonly code: string;
  readonly target: string | undefined;
  readonly details: ArmErrorDetail[] | undefined;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    code: string,
    message: string,
    extra: { target?: string; details?: ArmErrorDetail[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.target = extra.target;
    this.details = extra.details;
    this.headers = extra.headers ?? {};
  }

  toBody(): { error: { code: string; message: string; target?: string; details?: ArmErrorDetail[] } } {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.target === undefined ? {} : { target: this.target }),
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

// ARM answers with the authority the client should go to; we point at the local IdP.
function bearerChallenge(authorizationUri: string, description: string): Record<string, string> {
  return {
    'WWW-Authenticate': `Bearer authorization_uri="${authorizationUri}", error="invalid_token", error_description="${description}"`,
  };
}

function armTime(date: Date): string {
  // ARM prints times in .NET's invariant "M/d/yyyy h:mm:ss tt" form in auth errors.
  const h = date.getUTCHours();
  const hh = h % 12 === 0 ? 12 : h % 12;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()} ${hh}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}

export const armErrors = {
  missingAuthorization: (authority: string) =>
    new ArmError(401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing.", {
      headers: bearerChallenge(authority, "The authentication failed because of missing 'Authorization' header."),
    }),
  invalidAuthorizationHeader: (authority: string) =>
    new ArmError(
      401,
      'AuthenticationFailedInvalidHeader',
      "Authentication failed. The 'Authorization' header is provided in an invalid format.",
      { headers: bearerChallenge(authority, "The authentication failed because of invalid 'Authorization' header.") },
    ),
  invalidToken: (authority: string) =>
    new ArmError(401, 'InvalidAuthenticationToken', 'The access token is invalid.', {
      headers: bearerChallenge(authority, 'The access token is invalid.'),
    }),
  expiredToken: (authority: string, expiredAt: Date, now: Date) =>
    new ArmError(
      401,
      'ExpiredAuthenticationToken',
      `The access token expiry UTC time '${armTime(expiredAt)}' is earlier than current UTC time '${armTime(now)}'.`,
      { headers: bearerChallenge(authority, 'The access token expiry UTC time is earlier than current UTC time.') },
    ),
  wrongAudience: (authority: string, audience: string, allowed: readonly string[]) =>
    new ArmError(
      401,
      'InvalidAuthenticationTokenAudience',
      `The access token has been obtained for wrong audience or resource '${audience}'. It should exactly match with one of the allowed audiences ${allowed.map((a) => `'${a}'`).join(',')}.`,
      { headers: bearerChallenge(authority, 'The access token has been obtained for wrong audience or resource.') },
    ),
  wrongIssuer: (authority: string, issuer: string) =>
    new ArmError(
      401,
      'InvalidAuthenticationTokenTenant',
      `The access token is from the wrong issuer '${issuer}'. It must match the tenant associated with this subscription. Please use the authority (URL) '${authority}' to get the token.`,
      { headers: bearerChallenge(authority, 'The access token is from the wrong issuer.') },
    ),
  authorizationFailed: (principal: { objectId: string; displayName: string }, action: string, scope: string) =>
    new ArmError(
      403,
      'AuthorizationFailed',
      `The client '${principal.displayName}' with object id '${principal.objectId}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
    ),
  missingApiVersion: () =>
    new ArmError(
      400,
      'MissingApiVersionParameter',
      "The api-version query parameter (?api-version=) is required for all requests.",
    ),
  invalidApiVersion: (apiVersion: string, supported: readonly string[]) =>
    new ArmError(
      400,
      'InvalidApiVersionParameter',
      `The api-version '${apiVersion}' is invalid. The supported versions are '${supported.join(',')}'.`,
    ),
  noRegisteredProviderForApiVersion: (apiVersion: string, type: string, supported: readonly string[]) =>
    new ArmError(
      400,
      'NoRegisteredProviderFound',
      `No registered resource provider found for location 'global' and API version '${apiVersion}' for type '${type}'. The supported api-versions are '${supported.join(', ')}'. The supported locations are ''.`,
    ),
  subscriptionNotFound: (subscriptionId: string) =>
    new ArmError(404, 'SubscriptionNotFound', `The subscription '${subscriptionId}' could not be found.`),
  invalidSubscriptionId: (subscriptionId: string) =>
    new ArmError(400, 'InvalidSubscriptionId', `The provided subscription identifier '${subscriptionId}' is malformed or invalid.`),
  resourceGroupNotFound: (name: string) =>
    new ArmError(404, 'ResourceGroupNotFound', `Resource group '${name}' could not be found.`),
  resourceNotFound: (type: string, name: string, resourceGroup: string) =>
    new ArmError(
      404,
      'ResourceNotFound',
      `The Resource '${type}/${name}' under resource group '${resourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
    ),
  invalidResourceNamespace: (namespace: string) =>
    new ArmError(404, 'InvalidResourceNamespace', `The resource namespace '${namespace}' is invalid.`),
  invalidResourceType: (type: string, namespace: string, apiVersion: string) =>
    new ArmError(
      404,
      'InvalidResourceType',
      `The resource type '${type}' could not be found in the namespace '${namespace}' for api version '${apiVersion}'.`,
    ),
  pathNotFound: (path: string) =>
    new ArmError(404, 'NotFound', `The requested path '${path}' is not a known Azure Resource Manager route.`),
  methodNotAllowed: (method: string) =>
    new ArmError(405, 'MethodNotAllowed', `The requested resource does not support http method '${method}'.`),
  invalidRequestContent: (detail: string) =>
    new ArmError(400, 'InvalidRequestContent', `The request content was invalid and could not be deserialized: '${detail}'.`),
  invalidRequestBody: (message: string, target?: string) =>
    new ArmError(400, 'InvalidRequestContent', message, target === undefined ? {} : { target }),
  locationRequired: () =>
    new ArmError(400, 'LocationRequired', 'The location property is required for this definition.'),
  invalidLocation: (location: string, type: string, offered: readonly string[]) =>
    new ArmError(
      400,
      'LocationNotAvailableForResourceType',
      `The provided location '${location}' is not available for resource type '${type}'. List of available regions for the resource type is '${offered.join(',')}'.`,
    ),
  invalidResourceGroupName: (name: string, reason: string) =>
    new ArmError(
      400,
      'InvalidResourceGroupName',
      `Resource group name '${name}' is invalid. ${reason} It must be 1-90 characters and contain only letters, digits, underscores, hyphens, periods and parentheses, and cannot end in a period.`,
    ),
  invalidResourceGroupLocation: (name: string, existing: string, requested: string) =>
    new ArmError(
      409,
      'InvalidResourceGroupLocation',
      `Invalid resource group location '${requested}'. The Resource group already exists in location '${existing}'.`,
      { target: name },
    ),
  throttled: (kind: 'read' | 'write', subscriptionId: string, actor: string, retryAfterSeconds: number) =>
    new ArmError(
      429,
      'SubscriptionRequestsThrottled',
      `Number of '${kind}' requests for subscription '${subscriptionId}' actor '${actor}' exceeded. Please try again after '${retryAfterSeconds}' seconds after additional tokens are available. Refer to https://aka.ms/arm-throttling`,
      { headers: { 'Retry-After': String(retryAfterSeconds) } },
    ),
  operationNotFound: (operationId: string) =>
    new ArmError(404, 'OperationNotFound', `The operation '${operationId}' could not be found.`),
  internal: () =>
    new ArmError(500, 'InternalServerError', 'Encountered internal server error. Diagnostic information: the emulator failed to process the request.'),
  injected: (status: number, code: string, message: string, retryAfter?: number) =>
    new ArmError(status, code, message, retryAfter === undefined ? {} : { headers: { 'Retry-After': String(retryAfter) } }),
} as const;
