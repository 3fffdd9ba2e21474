// Microsoft.Network reads the readiness checks need (NICs, NSGs with their default rules, VNets and
// subnets, public IPs, load balancers), the network RP's operation endpoints, and — from their own
// modules — security-rule writes and effective NSGs.
import { API_VERSIONS } from '../arm/api-versions.ts';
import { armErrors } from '../arm/errors.ts';
import { operationLocationResult, operationStatusResult } from '../arm/lro.ts';
import { page } from '../arm/paging.ts';
import type { ArmContext, ArmRoute } from '../arm/types.ts';
import type { ArmResource } from '../state/store.ts';
import { NETWORK_TYPES, NSG_PATH, param, RG_NETWORK, requireChild, requireNetworkResource } from './network-common.ts';
import { effectiveNsgRoutes } from './network-effective.ts';
import { securityRuleRoutes } from './network-security-rules.ts';

const versions = API_VERSIONS.network;
type TopLevel = 'networkInterfaces' | 'networkSecurityGroups' | 'virtualNetworks' | 'publicIPAddresses' | 'loadBalancers';

/** List per subscription, list per resource group (both paged) and get, for one top-level type. */
function topLevelRoutes(typeSegment: TopLevel, paramName: string): ArmRoute[] {
  const type = NETWORK_TYPES[typeSegment];
  const action = `${type}/read`;
  return [
    {
      method: 'GET',
      path: `/subscriptions/{subscriptionId}/providers/Microsoft.Network/${typeSegment}`,
      apiVersions: versions,
      action,
      handler: (ctx) => ({ status: 200, body: page(ctx, ctx.store.list({ type, scope: `/subscriptions/${param(ctx, 'subscriptionId')}` })) }),
    },
    {
      method: 'GET',
      path: `${RG_NETWORK}/${typeSegment}`,
      apiVersions: versions,
      action,
      handler: (ctx) => {
        const scope = `/subscriptions/${param(ctx, 'subscriptionId')}/resourceGroups/${param(ctx, 'resourceGroupName')}`;
        return { status: 200, body: page(ctx, ctx.store.list({ type, scope })) };
      },
    },
    {
      method: 'GET',
      path: `${RG_NETWORK}/${typeSegment}/{${paramName}}`,
      apiVersions: versions,
      action,
      handler: (ctx) => ({ status: 200, body: requireNetworkResource(ctx, typeSegment, paramName) }),
    },
  ];
}

// Default rules live only inside the NSG (they cannot be changed), so they are read from there.
function defaultRules(ctx: ArmContext): ArmResource[] {
  const nsg = requireNetworkResource(ctx, 'networkSecurityGroups', 'networkSecurityGroupName');
  return (nsg.properties?.['defaultSecurityRules'] as ArmResource[] | undefined) ?? [];
}

const SUBNETS = `${RG_NETWORK}/virtualNetworks/{virtualNetworkName}/subnets`;
const OPERATIONS = '/subscriptions/{subscriptionId}/providers/Microsoft.Network/locations/{location}';

export const networkRoutes: ArmRoute[] = [
  ...topLevelRoutes('networkInterfaces', 'networkInterfaceName'),
  ...topLevelRoutes('networkSecurityGroups', 'networkSecurityGroupName'),
  ...topLevelRoutes('virtualNetworks', 'virtualNetworkName'),
  ...topLevelRoutes('publicIPAddresses', 'publicIpAddressName'),
  ...topLevelRoutes('loadBalancers', 'loadBalancerName'),
  {
    method: 'GET',
    path: SUBNETS,
    apiVersions: versions,
    action: 'Microsoft.Network/virtualNetworks/subnets/read',
    handler: (ctx) => {
      const vnet = requireNetworkResource(ctx, 'virtualNetworks', 'virtualNetworkName');
      return { status: 200, body: page(ctx, ctx.store.list({ type: NETWORK_TYPES.subnets, scope: vnet.id })) };
    },
  },
  {
    method: 'GET',
    path: `${SUBNETS}/{subnetName}`,
    apiVersions: versions,
    action: 'Microsoft.Network/virtualNetworks/subnets/read',
    handler: (ctx) => {
      const vnet = requireNetworkResource(ctx, 'virtualNetworks', 'virtualNetworkName');
      return { status: 200, body: requireChild(ctx, `${vnet.id}/subnets/${param(ctx, 'subnetName')}`) };
    },
  },
  {
    method: 'GET',
    path: `${NSG_PATH}/defaultSecurityRules`,
    apiVersions: versions,
    action: 'Microsoft.Network/networkSecurityGroups/defaultSecurityRules/read',
    handler: (ctx) => ({ status: 200, body: page(ctx, defaultRules(ctx)) }),
  },
  {
    method: 'GET',
    path: `${NSG_PATH}/defaultSecurityRules/{defaultSecurityRuleName}`,
    apiVersions: versions,
    action: 'Microsoft.Network/networkSecurityGroups/defaultSecurityRules/read',
    handler: (ctx) => {
      const name = param(ctx, 'defaultSecurityRuleName').toLowerCase();
      const rule = defaultRules(ctx).find((r) => r.name.toLowerCase() === name);
      if (!rule) throw armErrors.networkChildNotFound(ctx.path);
      return { status: 200, body: rule };
    },
  },
  ...securityRuleRoutes,
  ...effectiveNsgRoutes,
  {
    method: 'GET',
    path: `${OPERATIONS}/operations/{operationId}`,
    apiVersions: versions,
    action: 'Microsoft.Network/locations/operations/read',
    handler: (ctx) => operationStatusResult(ctx, param(ctx, 'operationId')),
  },
  {
    method: 'GET',
    path: `${OPERATIONS}/operationResults/{operationId}`,
    apiVersions: versions,
    action: 'Microsoft.Network/locations/operationResults/read',
    handler: (ctx) => operationLocationResult(ctx, param(ctx, 'operationId')),
  },
];
