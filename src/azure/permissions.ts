import { createPipelineRequest, RestError } from '@azure/core-rest-pipeline';
import type { PermissionEntry } from '../shared/rbac-actions.ts';
import type { ArmClients } from './clients.ts';

export const AUTHORIZATION_API_VERSION = '2022-04-01';

type Bag = Record<string, unknown>;
const isBag = (v: unknown): v is Bag => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

/** The subscription an ARM scope lies in: each SDK client is bound to one. */
function subscriptionOf(scope: string): string {
  const match = /^\/subscriptions\/([^/]+)/i.exec(scope);
  if (!match?.[1]) throw new Error(`"${scope}" is not an ARM scope under a subscription.`);
  return match[1];
}

/**
 * What the signed-in user may do at `scope` (GET {scope}/providers/Microsoft.Authorization/permissions): one
 * entry per role assignment that applies there, inherited ones included. @azure/arm-authorization is not a
 * dependency for this one GET: it goes through the backup client's pipeline, which already carries the ARM
 * token, retries and the error-body policy.
 */
export async function getPermissions(clients: ArmClients, endpoint: string, scope: string): Promise<PermissionEntry[]> {
  const client = await clients.backup(subscriptionOf(scope));
  const path = `${scope.replace(/\/+$/, '')}/providers/Microsoft.Authorization/permissions`;
  const url = `${endpoint.replace(/\/+$/, '')}${path.split('/').map(encodeURIComponent).join('/')}?api-version=${AUTHORIZATION_API_VERSION}`;
  const response = await client.sendRequest(createPipelineRequest({ url, method: 'GET' }));
  if (response.status !== 200) {
    // Thrown as the SDKs throw, so the gateway normalises it like any other failure (code, message, request id).
    throw new RestError(`Reading your permissions on ${scope} failed with HTTP ${response.status}.`, {
      statusCode: response.status,
      request: response.request,
      response,
    });
  }
  const body: unknown = JSON.parse(response.bodyAsText ?? '{}');
  const value = isBag(body) && Array.isArray(body['value']) ? body['value'] : [];
  return value.filter(isBag).map((entry) => ({ actions: strings(entry['actions']), notActions: strings(entry['notActions']) }));
}
