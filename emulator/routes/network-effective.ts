// POST …/networkInterfaces/{nic}/effectiveNetworkSecurityGroups: the rules that apply to a NIC,
// from its subnet's NSG and its own NSG (custom then default rules), in the shape of
// rest-examples/network/NetworkInterfaceEffectiveNSGList.json. Long-running like Azure: 202 with
// Azure-AsyncOperation and Location; the Location answers with the result once done.
import { API_VERSIONS } from '../arm/api-versions.ts';
import { armErrors } from '../arm/errors.ts';
import type { ArmContext, ArmRoute, RouteResult } from '../arm/types.ts';
import type { ArmResource, Store } from '../state/store.ts';
import { instanceViewOf } from './compute.ts';
import { networkAsyncHeaders, RG_NETWORK, requireNetworkResource, type Obj } from './network-common.ts';
import { serviceTagBase } from './network-prefixes.ts';

type Ref = { id: string } | undefined;

// What a tag expands to. Azure's lists are long and change weekly; these are stand-ins:
// AzureLoadBalancer is the real host address, Internet the first entries of the real list (the REST
// example), VirtualNetwork the NIC's VNet address space. Other tags expand to nothing here.
const INTERNET_SAMPLE = ['32.0.0.0/3', '4.0.0.0/6', '2.0.0.0/7', '1.0.0.0/8'];

function expansion(tag: string, vnetPrefixes: readonly string[]): string[] {
  const base = serviceTagBase(tag);
  if (base === 'AzureLoadBalancer') return ['168.63.129.16/32'];
  if (base === 'Internet') return [...INTERNET_SAMPLE];
  if (base === 'VirtualNetwork') return [...vnetPrefixes];
  return [];
}

function isRunning(vm: ArmResource): boolean {
  const statuses = (instanceViewOf(vm)?.['statuses'] as { code?: string }[] | undefined) ?? [];
  return statuses.some((s) => s.code?.toLowerCase() === 'powerstate/running');
}

const normalPort = (p: string): string => (p === '*' ? '0-65535' : p.includes('-') ? p : `${p}-${p}`);
const normalAddress = (a: string): string => (a === '*' ? '0.0.0.0/0' : serviceTagBase(a) !== undefined || a.includes('/') ? a : `${a}/${a.includes(':') ? 128 : 32}`);

function effectiveRule(rule: Obj, kind: 'securityRules' | 'defaultSecurityRules', tags: Map<string, string[]>, vnetPrefixes: readonly string[]): Obj {
  const p = (rule['properties'] ?? {}) as Obj;
  const out: Obj = { name: `${kind}/${String(rule['name'])}`, protocol: p['protocol'] === '*' ? 'All' : p['protocol'] };
  const portField = (side: 'source' | 'destination'): void => {
    const one = p[`${side}PortRange`];
    const many = typeof one === 'string' ? [one] : ((p[`${side}PortRanges`] as string[] | undefined) ?? []);
    if (typeof one === 'string') out[`${side}PortRange`] = normalPort(one);
    out[`${side}PortRanges`] = many.map(normalPort);
  };
  const addressField = (side: 'source' | 'destination'): void => {
    const one = p[`${side}AddressPrefix`];
    const many = typeof one === 'string' ? [one] : ((p[`${side}AddressPrefixes`] as string[] | undefined) ?? []);
    if (typeof one === 'string') out[`${side}AddressPrefix`] = normalAddress(one);
    out[`${side}AddressPrefixes`] = many.map(normalAddress);
    const tagged = many.filter((a) => serviceTagBase(a) !== undefined);
    if (tagged.length > 0) {
      const expanded = tagged.flatMap((t) => {
        const list = expansion(t, vnetPrefixes);
        tags.set(t, list);
        return list;
      });
      out[`expanded${side === 'source' ? 'Source' : 'Destination'}AddressPrefix`] = expanded;
    }
  };
  portField('source');
  portField('destination');
  addressField('source');
  addressField('destination');
  out['access'] = p['access'];
  out['priority'] = p['priority'];
  out['direction'] = p['direction'];
  return out;
}

function effectiveGroup(nsg: ArmResource, association: Obj, vnetPrefixes: readonly string[]): Obj {
  const tags = new Map<string, string[]>();
  const custom = ((nsg.properties?.['securityRules'] as Obj[] | undefined) ?? []).map((r) => effectiveRule(r, 'securityRules', tags, vnetPrefixes));
  const defaults = ((nsg.properties?.['defaultSecurityRules'] as Obj[] | undefined) ?? []).map((r) => effectiveRule(r, 'defaultSecurityRules', tags, vnetPrefixes));
  return {
    networkSecurityGroup: { id: nsg.id },
    association,
    effectiveSecurityRules: [...custom, ...defaults],
    // A JSON string on the wire, not an object (the SDK types it as string).
    tagMap: JSON.stringify(Object.fromEntries(tags)),
  };
}

/** The subnet NSG first (inbound traffic meets it first), then the NIC's own NSG; none → an empty list. */
export function effectiveGroups(store: Store, nic: ArmResource): Obj[] {
  const configs = (nic.properties?.['ipConfigurations'] as { properties?: { subnet?: Ref } }[] | undefined) ?? [];
  const subnetIds = [...new Map(configs.flatMap((c) => (c.properties?.subnet ? [c.properties.subnet.id] : [])).map((id) => [id.toLowerCase(), id])).values()];
  const groups: Obj[] = [];
  let vnetPrefixes: string[] = [];
  for (const subnetId of subnetIds) {
    const vnet = store.get(subnetId.replace(/\/subnets\/[^/]+$/i, ''));
    vnetPrefixes = ((vnet?.properties?.['addressSpace'] as { addressPrefixes?: string[] } | undefined)?.addressPrefixes) ?? vnetPrefixes;
    const nsgRef = store.get(subnetId)?.properties?.['networkSecurityGroup'] as Ref;
    const nsg = nsgRef ? store.get(nsgRef.id) : undefined;
    if (nsg) groups.push(effectiveGroup(nsg, { subnet: { id: subnetId } }, vnetPrefixes));
  }
  const nicNsgRef = nic.properties?.['networkSecurityGroup'] as Ref;
  const nicNsg = nicNsgRef ? store.get(nicNsgRef.id) : undefined;
  if (nicNsg) groups.push(effectiveGroup(nicNsg, { networkInterface: { id: nic.id } }, vnetPrefixes));
  return groups;
}

function listEffective(ctx: ArmContext): RouteResult {
  const nic = requireNetworkResource(ctx, 'networkInterfaces', 'networkInterfaceName');
  const vmRef = nic.properties?.['virtualMachine'] as Ref;
  const vm = vmRef ? ctx.store.get(vmRef.id) : undefined;
  if (!vm || !isRunning(vm)) throw armErrors.nicNotAttachedToRunningVm(nic.id);
  const store = ctx.store;
  const op = ctx.operations.start(() => {
    const current = store.get(nic.id);
    if (!current) return { status: 'Failed', error: { code: 'NotFound', message: `Resource ${nic.id} not found.` } };
    return { status: 'Succeeded', result: { value: effectiveGroups(store, current) } };
  });
  return { status: 202, headers: networkAsyncHeaders(ctx, nic.location ?? '', op.id, true) };
}

export const effectiveNsgRoutes: ArmRoute[] = [
  {
    method: 'POST',
    path: `${RG_NETWORK}/networkInterfaces/{networkInterfaceName}/effectiveNetworkSecurityGroups`,
    apiVersions: API_VERSIONS.network,
    action: 'Microsoft.Network/networkInterfaces/effectiveNetworkSecurityGroups/action',
    handler: listEffective,
  },
];
