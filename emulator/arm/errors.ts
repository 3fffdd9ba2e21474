// The ARM error envelope and one factory function per service error, so every route
// answers with the same codes and wording as Azure (see shared/reference/arm-api.md §1j).

export interface ArmErrorDetail {
  code: string;
  message: string;
  target?: string;
  /** Services add their own fields (Resource Graph: line, characterPositionInLine, token, ...). */
  [extra: string]: unknown;
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
  // The code is ARM's for any token it cannot validate; the wording about the lifetime is ours [unconfirmed wording].
  tokenWithoutExpiry: (authority: string) =>
    new ArmError(401, 'InvalidAuthenticationToken', "The access token is invalid: it has no expiry ('exp') claim, and a token without a lifetime is not accepted.", {
      headers: bearerChallenge(authority, 'The access token has no expiry time.'),
    }),
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
  // Requests the HTTP layer refuses before any handler (see emulator/http-errors.ts).
  // Code and message as ARM answers an oversized body (reported from deployments: 413 RequestContentTooLarge).
  requestContentTooLarge: (limitMegabytes: number) =>
    new ArmError(413, 'RequestContentTooLarge', `The request content size exceeds the maximum size of ${limitMegabytes} MB.`),
  // [unconfirmed code] ARM's front end answers these itself; no public source names its codes.
  invalidRequestUri: (detail: string) =>
    new ArmError(400, 'InvalidRequestUri', `The request URI is invalid and could not be parsed: ${detail}`),
  // [unconfirmed code]
  requestHeadersTooLarge: () =>
    new ArmError(431, 'RequestHeaderFieldsTooLarge', 'The request headers are larger than the server accepts.'),
  // [unconfirmed code]
  unsupportedMediaType: (contentType: string) =>
    new ArmError(415, 'UnsupportedMediaType', `The content media type '${contentType}' is not supported. Send 'application/json'.`),
  // [unconfirmed code] Any other request the HTTP layer cannot read.
  badRequest: (detail: string) => new ArmError(400, 'BadRequest', `The request could not be read: ${detail}`),
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

  // Recovery Services (vaults, vault storage config, backup policies). Codes marked
  // [unconfirmed code] are plausible service codes no public source confirms (arm-api.md §4).
  missingSubscriptionRegistration: (namespace: string) =>
    new ArmError(
      409,
      'MissingSubscriptionRegistration',
      `The subscription is not registered to use namespace '${namespace}'. See https://aka.ms/rps-not-found for how to register subscriptions.`,
      { details: [{ code: 'MissingSubscriptionRegistration', target: namespace, message: `The subscription is not registered to use namespace '${namespace}'. See https://aka.ms/rps-not-found for how to register subscriptions.` }] },
    ),
  // [unconfirmed code] ARM's generic name error; the RP's own wording is not documented.
  invalidResourceName: (name: string, type: string, reason: string) =>
    new ArmError(400, 'InvalidResourceName', `The resource name '${name}' is invalid for type '${type}'. ${reason}`, { target: name }),
  invalidResourceLocation: (name: string, existing: string, requested: string, resourceGroup: string) =>
    new ArmError(
      409,
      'InvalidResourceLocation',
      `The resource '${name}' already exists in location '${existing}' in resource group '${resourceGroup}'. A resource with the same name cannot be created in location '${requested}'. Please select a new resource name.`,
    ),
  // Seen from the backup RP for malformed parameters ("Parameter NO_PARAM in request is invalid.").
  invalidRequestParameter: (parameter: string, explanation: string) =>
    new ArmError(400, 'UserErrorInvalidRequestParameter', `Parameter ${parameter} in request is invalid. ${explanation}`, { target: parameter }),
  // [unconfirmed code]
  invalidVaultSku: (sku: string) =>
    new ArmError(400, 'InvalidSkuName', `The SKU '${sku}' is not supported for Recovery Services vaults. Use 'Standard' (or 'RS0').`, { target: 'sku.name' }),
  // [unconfirmed code]
  zoneRedundancyNotSupported: (region: string) =>
    new ArmError(
      400,
      'BMSUserErrorZoneRedundancyNotSupportedInRegion',
      `Zone-redundant storage (ZoneRedundant) is not available in region '${region}' because it has no availability zones. Choose LocallyRedundant or GeoRedundant, or a region with availability zones.`,
    ),
  // Code and message as reported from the service (terraform-provider-azurerm PR #8813).
  storageModelLocked: () =>
    new ArmError(
      400,
      'StorageModelModifyError',
      'Storage Redundancy option is locked when the first machine is registered with the vault, and cannot be modified thereafter.',
    ),
  // The code is the service's for refusing to enable Cross Region Restore; this cause's wording is ours.
  crossRegionRestoreNeedsGeoRedundancy: (storageType: string) =>
    new ArmError(
      400,
      'BMSUserErrorUnableToEnableCrossRegionRestore',
      `Cross Region Restore can be enabled only on a geo-redundant (GeoRedundant) vault; this vault's backup storage is ${storageType}.`,
    ),
  // [unconfirmed code]
  crossRegionRestoreCannotBeDisabled: () =>
    new ArmError(
      400,
      'BMSUserErrorCrossRegionRestoreCannotBeDisabled',
      'Cross Region Restore cannot be disabled once it has been enabled on a vault.',
    ),
  vaultNotEmpty: () =>
    new ArmError(
      400,
      'ServiceResourceNotEmpty',
      'Vault cannot be deleted as there are existing resources within the vault. Please delete any replicated items, registered servers, Hyper-V sites (Used for Site Recovery), policy associations for System Center VMM clouds (Used for Site Recovery) and then delete the vault.',
    ),
  // Vault security settings: the codes and wordings live with the rules (src/shared/vault-security.ts, sources there).
  vaultSecurityRefused: (problem: { code: string; message: string; field: string }) =>
    new ArmError(400, problem.code, problem.message, { target: problem.field }),
  // Code as the service reports it when "stop protection and delete data" meets an immutable vault
  // (Azure/terraform-azurerm-avm-res-compute-virtualmachine#214, as the failed operation's error); the wording is ours.
  deleteBackupItemOnImmutableItem: () =>
    new ArmError(
      400,
      'UserErrorDeleteBackupItemOnImmutableItem',
      'The vault is immutable: backup data with recovery points that have not expired cannot be deleted. Stop protection and retain the data instead. Refer to the documentation to learn more: https://aka.ms/AB-ImmutableVaults-States',
    ),
  // [unconfirmed code]
  resourceGuardProxyNotFound: (name: string) =>
    new ArmError(404, 'BMSUserErrorResourceGuardProxyNotFound', `Resource Guard proxy '${name}' does not exist for this vault.`, { target: name }),
  // [unconfirmed code]
  policyNotFound: (name: string) =>
    new ArmError(404, 'BMSUserErrorPolicyNotFound', `The backup policy '${name}' was not found in this vault.`, { target: name }),
  // The code is the service's (BMSUserErrorInvalidPolicyInput); problems from src/shared/policy-rules.ts may carry a more specific one.
  invalidPolicyInput: (problems: readonly { field: string; message: string; code: string }[]) => {
    const [first, ...rest] = problems;
    const message = first
      ? `Input for create or update policy is not in proper format. ${first.message}${rest.length > 0 ? ` (${rest.length} more problem${rest.length === 1 ? '' : 's'} in details.)` : ''}`
      : 'Input for create or update policy is not in proper format.';
    return new ArmError(400, first?.code ?? 'BMSUserErrorInvalidPolicyInput', message, {
      ...(first ? { target: first.field } : {}),
      details: problems.map((p) => ({ code: p.code, message: p.message, target: p.field })),
    });
  },
  // [unconfirmed code]
  policyInUse: (name: string, protectedItems: number) =>
    new ArmError(
      400,
      'BMSUserErrorPolicyInUse',
      `The backup policy '${name}' cannot be deleted because ${protectedItems} protected item${protectedItems === 1 ? ' uses' : 's use'} it. Stop protection of those items or move them to another policy first.`,
      { target: name },
    ),

  // Microsoft.Compute. [unconfirmed code] Compute's usual answer to a bad query parameter.
  invalidComputeParameter: (message: string, target: string) =>
    new ArmError(400, 'InvalidParameter', message, { target }),
  // [unconfirmed code] Compute's answer for a missing child (e.g. a VM extension), as commonly reported.
  computeEntityNotFound: (target: string) =>
    new ArmError(404, 'NotFound', 'The entity was not found in this Azure location.', { target }),

  // Microsoft.Network. The SecurityRule* codes and wordings are as users report them from the
  // service (az CLI / Terraform output); none is in a public spec, so treat them as [unconfirmed code].
  networkChildNotFound: (id: string) =>
    new ArmError(404, 'NotFound', `Resource ${id} not found.`, { details: [] }),
  securityRuleConflict: (rule: string, other: string) =>
    new ArmError(
      400,
      'SecurityRuleConflict',
      `Security rule ${rule} conflicts with rule ${other}. Rules cannot have the same Priority and Direction. To learn more, see aka.ms/nsgrules.`,
    ),
  securityRuleInvalidPriority: (value: unknown) =>
    new ArmError(400, 'SecurityRuleInvalidPriority', `Security rule has invalid Priority. Value provided: ${String(value)} Allowed range 100-4096.`),
  securityRuleInvalidPortRange: (value: string) =>
    new ArmError(
      400,
      'SecurityRuleInvalidPortRange',
      `Security rule has invalid Port range. Value provided: ${value}. Value should be an integer OR integer range with '-' delimiter. Valid range 0-65535.`,
    ),
  securityRuleInvalidAddressPrefix: (value: string) =>
    new ArmError(400, 'SecurityRuleInvalidAddressPrefix', `Security rule has invalid Address prefix. Value provided: ${value}`),
  // Service tags and '*' are allowed only in the singular *AddressPrefix fields.
  securityRuleUnsupportedValue: (parameter: string, ruleId: string, value: string) =>
    new ArmError(
      400,
      'SecurityRuleParameterContainsUnsupportedValue',
      `Security rule parameter ${parameter} for rule with Id ${ruleId} cannot specify existing VIRTUALNETWORK, INTERNET, AZURELOADBALANCER, '*' or system tags. Unsupported value used: ${value}.`,
    ),
  // [unconfirmed wording] The network RP's answer to a body it cannot bind (bad enum value, wrong type).
  networkInvalidRequestFormat: (detail: string, path: string) =>
    new ArmError(400, 'InvalidRequestFormat', 'Cannot parse the request.', { details: [{ code: 'InvalidJson', message: `${detail} Path '${path}'.` }] }),
  // [unconfirmed code] Azure computes effective rules only for a NIC attached to a running VM (arm-api.md §1h, §4).
  nicNotAttachedToRunningVm: (nicId: string) =>
    new ArmError(
      400,
      'NicNotAttachedToRunningVm',
      `Network interface ${nicId} is not attached to a running virtual machine. Effective security rules are available only while the virtual machine is running.`,
    ),
  // Azure Backup discovery, protection and jobs. Codes without a source are marked [unconfirmed code].
  // Code and message as the service returns them (terraform-provider-azurerm #2143, #2207).
  invalidConfigureProtectionRequest: (detail: string) =>
    new ArmError(
      400,
      'BMSUserErrorInvalidConfigureProtectionRequest',
      `Input for configure protection is not in proper format\r\nPlease ensure that container exists and other parameters are in valid format. ${detail}`,
    ),
  // Code and message as the service returns them (azure-sdk-for-python #19147).
  backupInvalidInput: (detail: string) =>
    new ArmError(400, 'BMSUserErrorInvalidInput', `Input provided for the call is invalid\r\nPlease check the required inputs. ${detail}`),
  // Code and message as the service returns them (azure-rest-api-specs #23842, terraform-provider-azurerm #9452).
  backupItemNotFound: () =>
    new ArmError(
      404,
      'BMSUserErrorDataSourceObjectNotFound',
      'Item not found.\r\nSelected item might have been deleted. Please check if item is registered to the vault.',
    ),
  // [unconfirmed code]
  backupContainerNotFound: (name: string) =>
    new ArmError(404, 'BMSUserErrorContainerObjectNotFound', `Container '${name}' is not registered with this vault.`, { target: name }),
  // [unconfirmed code]
  backupJobNotFound: (jobId: string) =>
    new ArmError(404, 'BMSUserErrorJobNotFound', `Job '${jobId}' was not found in this vault.`, { target: jobId }),
  // [unconfirmed code] The rule itself is documented: the vault must be in the VM's region.
  vmNotInVaultRegion: (vmName: string, vmRegion: string, vaultRegion: string) =>
    new ArmError(
      400,
      'BMSUserErrorVMNotInVaultRegion',
      `Virtual machine '${vmName}' is in region '${vmRegion}' but the vault is in '${vaultRegion}'. A vault can protect only virtual machines in its own region.`,
    ),
  // [unconfirmed code] The rule itself is documented: the vault must be in the VM's subscription.
  vmNotInVaultSubscription: (vmName: string) =>
    new ArmError(
      400,
      'BMSUserErrorVMNotInVaultSubscription',
      `Virtual machine '${vmName}' is in another subscription than the vault. A vault can protect only virtual machines in its own subscription.`,
    ),
  // The code is the pre-validate API's (ProtectionIntent_Validate.json); configure protection answering with it is [unconfirmed].
  vmAlreadyProtected: (vaultId: string) =>
    new ArmError(
      400,
      'VirtualMachineAlreadyProtected',
      `Virtual machine is already registered with another Recovery Services vault ('${vaultId}'). A virtual machine can be protected by only one vault; stop its protection there first.`,
    ),
  // Code and wording as documented for the same service's Azure Files backup (backup-azure-files troubleshooting).
  conflictingProtectionOperation: () =>
    new ArmError(400, 'BMSUserErrorConflictingProtectionOperation', 'Another configure protection operation is in progress for this item.'),
  // The code is documented (arm-api.md §3 #11); refusing the trigger synchronously is [unconfirmed].
  backupOperationInProgress: () =>
    new ArmError(
      400,
      'UserErrorBackupOperationInProgress',
      'Unable to start the backup as another backup operation is currently in progress for this virtual machine. Wait for it to finish, then retry.',
    ),
  // ARM's linked-access check. That protectedItems/write links Microsoft.Compute/virtualMachines/write is [unconfirmed];
  // the docs require Virtual Machine Contributor on the VM to enable its backup.
  linkedAuthorizationFailed: (principal: { objectId: string; displayName: string }, action: string, scope: string, linkedAction: string, linkedScope: string) =>
    new ArmError(
      403,
      'LinkedAuthorizationFailed',
      `The client '${principal.displayName}' with object id '${principal.objectId}' has permission to perform action '${action}' on scope '${scope}'; however, it does not have permission to perform action(s) '${linkedAction}' on the linked scope(s) '${linkedScope}' (respectively) or the linked scope(s) are invalid.`,
    ),
} as const;

// Azure Resource Graph answers in the same envelope with its own codes; its factories live next door.
export { graphErrors } from './graph-errors.ts';
