// What the Microsoft.Network routes share: resource types and ids, lookups with the network RP's
// not-found answers, fresh etags, and the RP's operation URLs (network operations are tracked per
// subscription and region, not under the resource, as in Azure).
import { randomUUID } from 'node:crypto';
import { armErrors } from '../arm/errors.ts';
import { absoluteUrl } from '../arm/lro.ts';
import type { ArmContext } from '../arm/types.ts';
import type { ArmResource } from '../state/store.ts';

export const NETWORK_TYPES = {
  networkInterfaces: 'Microsoft.Network/networkInterfaces',
  networkSecurityGroups: 'Microsoft.Network/networkSecurityGroups',
  securityRules: 'Microsoft.Network/networkSecurityGroups/securityRules',
  virtualNetworks: 'Microsoft.Network/virtualNetworks',
  subnets: 'Microsoft.Network/virtualNetworks/subnets',
  publicIPAddresses: 'Microsoft.Network/publicIPAddresses',
  loadBalancers: 'Microsoft.Network/loadBalancers',
} as const;

export const RG_NETWORK = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network';
export const NSG_PATH = `${RG_NETWORK}/networkSecurityGroups/{networkSecurityGroupName}`;

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function param(ctx: ArmContext, name: string): string {
  return ctx.params[name] ?? '';
}

/** Id of a top-level network resource of the request's resource group. */
export function networkId(ctx: ArmContext, typeSegment: string, name: string): string {
  return `/subscriptions/${param(ctx, 'subscriptionId')}/resourceGroups/${param(ctx, 'resourceGroupName')}/providers/Microsoft.Network/${typeSegment}/${name}`;
}

/** A top-level resource, or ARM's ResourceNotFound (which also answers for a child's missing parent). */
export function requireNetworkResource(ctx: ArmContext, typeSegment: keyof typeof NETWORK_TYPES, paramName: string): ArmResource {
  const name = param(ctx, paramName);
  const found = ctx.store.get(networkId(ctx, typeSegment, name));
  if (!found) throw armErrors.resourceNotFound(NETWORK_TYPES[typeSegment], name, param(ctx, 'resourceGroupName'));
  return found;
}

/** A child resource (subnet, security rule): the network RP answers NotFound with the full id. */
export function requireChild(ctx: ArmContext, id: string): ArmResource {
  const found = ctx.store.get(id);
  if (!found) throw armErrors.networkChildNotFound(id);
  return found;
}

/** Network resources carry weak GUID etags that change on every write. */
export function freshEtag(): string {
  return `W/"${randomUUID()}"`;
}

function operationPath(ctx: ArmContext, region: string, kind: 'operations' | 'operationResults', operationId: string): string {
  return `/subscriptions/${param(ctx, 'subscriptionId')}/providers/Microsoft.Network/locations/${region}/${kind}/${operationId}`;
}

/**
 * Headers of an accepted network operation. PUTs get Azure-AsyncOperation only; DELETEs and POSTs
 * also get a Location (operationResults) that answers 202 while running, then the result.
 */
export function networkAsyncHeaders(ctx: ArmContext, region: string, operationId: string, withLocation: boolean): Record<string, string> {
  return {
    'Azure-AsyncOperation': absoluteUrl(ctx, operationPath(ctx, region, 'operations', operationId)),
    ...(withLocation ? { Location: absoluteUrl(ctx, operationPath(ctx, region, 'operationResults', operationId)) } : {}),
    'Retry-After': String(ctx.settings.retryAfterSeconds),
  };
}
