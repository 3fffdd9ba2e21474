// Custom security rules of an NSG: list, get, create/update and delete, both long-running as in
// Azure. Each rule is stored as a child resource AND embedded in the NSG's securityRules array;
// every write here rewrites the embedded copy and gives the NSG a new etag.
import { API_VERSIONS } from '../arm/api-versions.ts';
import { armErrors } from '../arm/errors.ts';
import { page } from '../arm/paging.ts';
import type { ArmContext, ArmRoute, RouteResult } from '../arm/types.ts';
import type { SecurityRule } from '../state/fixture-schema.ts';
import type { ArmResource, Store } from '../state/store.ts';
import { securityRuleResource } from '../state/wire-network.ts';
import {
  freshEtag, isObj, networkAsyncHeaders, NETWORK_TYPES, NSG_PATH, param, requireChild, requireNetworkResource, type Obj,
} from './network-common.ts';
import { isIpOrCidr, isPortRange, serviceTagBase } from './network-prefixes.ts';

const versions = API_VERSIONS.network;
const RULE_TYPE = NETWORK_TYPES.securityRules;
const RULE_PATH = `${NSG_PATH}/securityRules/{securityRuleName}`;
const RULE_NAME = /^[A-Za-z0-9](?:[\w.-]{0,78}\w)?$/;

const PROTOCOLS = ['*', 'Tcp', 'Udp', 'Icmp', 'Esp', 'Ah'] as const;
const ACCESSES = ['Allow', 'Deny'] as const;
const DIRECTIONS = ['Inbound', 'Outbound'] as const;

/** Rewrites the NSG's embedded copy of its rules (in store order) and bumps its etag. */
function syncNsg(store: Store, nsgId: string): void {
  const nsg = store.get(nsgId);
  if (!nsg) return;
  const rules = store.list({ type: RULE_TYPE, scope: nsgId }).map((r) => structuredClone(r));
  store.put({ ...nsg, etag: freshEtag(), properties: { ...nsg.properties, securityRules: rules } });
}

function withState(rule: ArmResource, provisioningState: string): ArmResource {
  return { ...rule, etag: freshEtag(), properties: { ...rule.properties, provisioningState } };
}

function enumValue<T extends string>(props: Obj, field: string, allowed: readonly T[], type: string): T {
  const value = props[field];
  if (value === undefined || value === null) {
    throw armErrors.networkInvalidRequestFormat(`Required property '${field}' was not provided.`, `properties.${field}`);
  }
  const found = allowed.find((a) => typeof value === 'string' && a.toLowerCase() === value.toLowerCase());
  if (found === undefined) {
    throw armErrors.networkInvalidRequestFormat(`Error converting value ${JSON.stringify(value)} to type '${type}'.`, `properties.${field}`);
  }
  return found;
}

/** The singular field or the plural list (never both, empty values count as absent). */
function oneOrMany(props: Obj, singular: string, plural: string): string | string[] | undefined {
  const one = props[singular];
  const many = props[plural];
  if (one !== undefined && one !== null && typeof one !== 'string') {
    throw armErrors.networkInvalidRequestFormat(`Property '${singular}' must be a string.`, `properties.${singular}`);
  }
  if (many !== undefined && many !== null && (!Array.isArray(many) || many.some((v) => typeof v !== 'string'))) {
    throw armErrors.networkInvalidRequestFormat(`Property '${plural}' must be an array of strings.`, `properties.${plural}`);
  }
  const hasOne = typeof one === 'string' && one !== '';
  const list = Array.isArray(many) ? (many as string[]) : [];
  if (hasOne && list.length > 0) {
    // [unconfirmed] Azure refuses a rule that sets both forms; its exact code is not public.
    throw armErrors.networkInvalidRequestFormat(`Properties '${singular}' and '${plural}' cannot both be specified.`, `properties.${plural}`);
  }
  return hasOne ? one : list.length > 0 ? list : undefined;
}

function ports(props: Obj, singular: string, plural: string): string | string[] {
  const value = oneOrMany(props, singular, plural);
  if (value === undefined) throw armErrors.securityRuleInvalidPortRange('');
  for (const v of typeof value === 'string' ? [value] : value) if (!isPortRange(v)) throw armErrors.securityRuleInvalidPortRange(v);
  return value;
}

function addresses(props: Obj, singular: string, plural: string, ruleId: string): string | string[] {
  const value = oneOrMany(props, singular, plural);
  if (value === undefined) throw armErrors.securityRuleInvalidAddressPrefix('');
  if (typeof value === 'string') {
    if (value !== '*' && serviceTagBase(value) === undefined && !isIpOrCidr(value)) throw armErrors.securityRuleInvalidAddressPrefix(value);
    return value;
  }
  for (const v of value) {
    if (v === '*' || serviceTagBase(v) !== undefined) {
      throw armErrors.securityRuleUnsupportedValue(`${plural.charAt(0).toUpperCase()}${plural.slice(1)}`, ruleId, v);
    }
    if (!isIpOrCidr(v)) throw armErrors.securityRuleInvalidAddressPrefix(v);
  }
  return value;
}

/** The rule the body describes, validated as the network RP does (application security groups are not modelled). */
function parseRule(name: string, body: unknown, ruleId: string): SecurityRule {
  if (!isObj(body) || !isObj(body['properties'])) {
    throw armErrors.networkInvalidRequestFormat('The request body must be an object with a properties object.', 'properties');
  }
  const props = body['properties'];
  const priority = props['priority'];
  if (typeof priority !== 'number' || !Number.isInteger(priority) || priority < 100 || priority > 4096) {
    throw armErrors.securityRuleInvalidPriority(priority ?? 0);
  }
  const description = props['description'];
  if (description !== undefined && description !== null && typeof description !== 'string') {
    throw armErrors.networkInvalidRequestFormat("Property 'description' must be a string.", 'properties.description');
  }
  return {
    name,
    priority,
    protocol: enumValue(props, 'protocol', PROTOCOLS, 'SecurityRuleProtocol'),
    access: enumValue(props, 'access', ACCESSES, 'SecurityRuleAccess'),
    direction: enumValue(props, 'direction', DIRECTIONS, 'SecurityRuleDirection'),
    sourcePortRange: ports(props, 'sourcePortRange', 'sourcePortRanges'),
    destinationPortRange: ports(props, 'destinationPortRange', 'destinationPortRanges'),
    sourceAddressPrefix: addresses(props, 'sourceAddressPrefix', 'sourceAddressPrefixes', ruleId),
    destinationAddressPrefix: addresses(props, 'destinationAddressPrefix', 'destinationAddressPrefixes', ruleId),
    ...(typeof description === 'string' ? { description } : {}),
  };
}

function putRule(ctx: ArmContext): RouteResult {
  const nsg = requireNetworkResource(ctx, 'networkSecurityGroups', 'networkSecurityGroupName');
  const existing = ctx.store.get(`${nsg.id}/securityRules/${param(ctx, 'securityRuleName')}`);
  const name = existing?.name ?? param(ctx, 'securityRuleName');
  if (!RULE_NAME.test(name)) throw armErrors.invalidResourceName(name, RULE_TYPE, 'Use 1-80 letters, digits, underscores, periods or hyphens, starting with a letter or digit and ending with a letter, digit or underscore.');
  const ruleId = `${nsg.id}/securityRules/${name}`;
  const rule = parseRule(name, ctx.body, ruleId);
  const clash = ctx.store
    .list({ type: RULE_TYPE, scope: nsg.id })
    .find((r) => r.name.toLowerCase() !== name.toLowerCase() && r.properties?.['priority'] === rule.priority && r.properties?.['direction'] === rule.direction);
  if (clash) throw armErrors.securityRuleConflict(name, clash.name);

  // Azure answers at once with the rule "Updating" and finishes in the background; the SDK follows
  // Azure-AsyncOperation, then GETs the rule.
  const updating = withState(securityRuleResource(nsg.id, rule), 'Updating');
  const store = ctx.store;
  store.put(updating);
  syncNsg(store, nsg.id);
  const op = ctx.operations.start(() => {
    const current = store.get(ruleId);
    if (!current) return { status: 'Failed', error: { code: 'NotFound', message: `Resource ${ruleId} not found.` } };
    store.put(withState(current, 'Succeeded'));
    syncNsg(store, nsg.id);
    return { status: 'Succeeded' };
  });
  return { status: existing ? 200 : 201, body: updating, headers: networkAsyncHeaders(ctx, nsg.location ?? '', op.id, false) };
}

function deleteRule(ctx: ArmContext): RouteResult {
  const nsg = requireNetworkResource(ctx, 'networkSecurityGroups', 'networkSecurityGroupName');
  const rule = ctx.store.get(`${nsg.id}/securityRules/${param(ctx, 'securityRuleName')}`);
  if (!rule) return { status: 204 };
  const store = ctx.store;
  store.put(withState(rule, 'Deleting'));
  syncNsg(store, nsg.id);
  const op = ctx.operations.start(() => {
    store.delete(rule.id);
    syncNsg(store, nsg.id);
    return { status: 'Succeeded' };
  });
  return { status: 202, headers: networkAsyncHeaders(ctx, nsg.location ?? '', op.id, true) };
}

export const securityRuleRoutes: ArmRoute[] = [
  {
    method: 'GET',
    path: `${NSG_PATH}/securityRules`,
    apiVersions: versions,
    action: 'Microsoft.Network/networkSecurityGroups/securityRules/read',
    handler: (ctx) => {
      const nsg = requireNetworkResource(ctx, 'networkSecurityGroups', 'networkSecurityGroupName');
      return { status: 200, body: page(ctx, ctx.store.list({ type: RULE_TYPE, scope: nsg.id })) };
    },
  },
  {
    method: 'GET',
    path: RULE_PATH,
    apiVersions: versions,
    action: 'Microsoft.Network/networkSecurityGroups/securityRules/read',
    handler: (ctx) => {
      const nsg = requireNetworkResource(ctx, 'networkSecurityGroups', 'networkSecurityGroupName');
      return { status: 200, body: requireChild(ctx, `${nsg.id}/securityRules/${param(ctx, 'securityRuleName')}`) };
    },
  },
  { method: 'PUT', path: RULE_PATH, apiVersions: versions, action: 'Microsoft.Network/networkSecurityGroups/securityRules/write', handler: putRule },
  { method: 'DELETE', path: RULE_PATH, apiVersions: versions, action: 'Microsoft.Network/networkSecurityGroups/securityRules/delete', handler: deleteRule },
];
