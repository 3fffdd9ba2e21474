// Network resources in ARM wire format (shapes follow rest-examples/network/*.json).
// Back-references that ARM computes (subnet -> ipConfigurations, NSG -> networkInterfaces/subnets,
// public IP -> ipConfiguration, backend pool -> backendIPConfigurations) are derived here from the
// forward references the fixture declares.
import type { Fixture, LoadBalancer, NetworkInterface, NetworkSecurityGroup, PublicIpAddress, ResourceGroup, SecurityRule, Subscription, VirtualNetwork } from './fixture-schema.ts';
import type { FixtureIndex, IndexedResource, ResourceKind } from './fixture-refs.ts';
import { cidrRange, forEachResourceGroup, idOf, intToIp, ipConfigName, ipToInt, lookup } from './fixture-refs.ts';
import type { ArmResource } from './store.ts';
import { lower, networkEtag, pushTo, ref, stableGuid, stableNumber } from './wire-util.ts';

interface IpConfigPlan {
  id: string;
  name: string;
  subnetId: string;
  privateIPAddress: string;
  allocation: 'Dynamic' | 'Static';
  publicIpId?: string;
  poolIds: string[];
  primary: boolean;
}

interface FrontendPlan {
  id: string;
  subnetId?: string;
  privateIPAddress?: string;
  publicIpId?: string;
}

// Every map is keyed by a lower-cased id and holds ids with their declared casing.
export interface NetworkPlan {
  ipConfigs: Map<string, IpConfigPlan[]>; // by NIC
  frontends: Map<string, FrontendPlan>; // by load balancer
  subnetIpConfigs: Map<string, string[]>;
  subnetNsg: Map<string, string>;
  nicNsg: Map<string, string>;
  nsgNics: Map<string, string[]>;
  nsgSubnets: Map<string, string[]>;
  pipOwners: Map<string, string>;
  poolMembers: Map<string, string[]>;
  nicVms: Map<string, { vmId: string; primary: boolean }>;
}

const SUCCEEDED = 'Succeeded';

export function resolve(index: FixtureIndex, refText: string, sub: Subscription, rg: ResourceGroup, kind: Exclude<ResourceKind, 'resourceGroup'>): IndexedResource {
  const found = lookup(index, refText, sub.subscriptionId, rg.name, kind);
  if (found === undefined) throw new Error(`Unresolved ${kind} reference "${refText}" in resource group ${rg.name}; validate the fixture first`);
  return found;
}

export function planNetwork(fixture: Fixture, index: FixtureIndex): NetworkPlan {
  const plan: NetworkPlan = {
    ipConfigs: new Map(),
    frontends: new Map(),
    subnetIpConfigs: new Map(),
    subnetNsg: new Map(),
    nicNsg: new Map(),
    nsgNics: new Map(),
    nsgSubnets: new Map(),
    pipOwners: new Map(),
    poolMembers: new Map(),
    nicVms: new Map(),
  };
  const prefixes = new Map<string, string>();
  const taken = new Map<string, Set<number>>();
  const take = (subnetId: string, ip: string): void => {
    const set = taken.get(lower(subnetId)) ?? new Set<number>();
    set.add(ipToInt(ip));
    taken.set(lower(subnetId), set);
  };
  // Azure keeps the first four addresses and the last one of every subnet.
  const allocate = (subnetId: string): string => {
    const { first, last } = cidrRange(prefixes.get(lower(subnetId)) ?? '0.0.0.0/32');
    const set = taken.get(lower(subnetId)) ?? new Set<number>();
    for (let value = first + 4; value < last; value++) {
      if (!set.has(value)) {
        set.add(value);
        taken.set(lower(subnetId), set);
        return intToIp(value);
      }
    }
    throw new Error(`Subnet ${subnetId} has no free address left; give it a larger prefix`);
  };

  forEachResourceGroup(fixture, (sub, rg) => {
    for (const vnet of rg.virtualNetworks) {
      for (const subnet of vnet.subnets) {
        const id = idOf('subnet', sub.subscriptionId, rg.name, vnet.name, subnet.name);
        prefixes.set(lower(id), subnet.addressPrefix);
        if (subnet.networkSecurityGroup !== undefined) {
          const nsgId = resolve(index, subnet.networkSecurityGroup, sub, rg, 'networkSecurityGroup').id;
          pushTo(plan.nsgSubnets, nsgId, id);
          plan.subnetNsg.set(lower(id), nsgId);
        }
      }
    }
    for (const vm of rg.virtualMachines) {
      const vmId = idOf('virtualMachine', sub.subscriptionId, rg.name, vm.name);
      vm.networkInterfaces.forEach((nicRef, i) => {
        plan.nicVms.set(lower(resolve(index, nicRef, sub, rg, 'networkInterface').id), { vmId, primary: i === 0 });
      });
    }
  });
  // Fixed addresses first, so dynamic ones never collide with them.
  forEachResourceGroup(fixture, (sub, rg) => {
    for (const lb of rg.loadBalancers) {
      if (lb.frontend.subnet !== undefined && lb.frontend.privateIPAddress !== undefined) {
        take(resolve(index, lb.frontend.subnet, sub, rg, 'subnet').id, lb.frontend.privateIPAddress);
      }
    }
    for (const nic of rg.networkInterfaces) {
      for (const config of nic.ipConfigurations) {
        if (config.privateIPAddress !== undefined) take(resolve(index, config.subnet, sub, rg, 'subnet').id, config.privateIPAddress);
      }
    }
  });
  forEachResourceGroup(fixture, (sub, rg) => {
    for (const lb of rg.loadBalancers) planLoadBalancer(plan, index, sub, rg, lb, allocate);
    for (const nic of rg.networkInterfaces) planNic(plan, index, sub, rg, nic, allocate);
  });
  return plan;
}

function planLoadBalancer(plan: NetworkPlan, index: FixtureIndex, sub: Subscription, rg: ResourceGroup, lb: LoadBalancer, allocate: (subnetId: string) => string): void {
  const lbId = idOf('loadBalancer', sub.subscriptionId, rg.name, lb.name);
  const frontend: FrontendPlan = { id: `${lbId}/frontendIPConfigurations/${lb.frontend.name}` };
  if (lb.frontend.publicIpAddress !== undefined) {
    frontend.publicIpId = resolve(index, lb.frontend.publicIpAddress, sub, rg, 'publicIpAddress').id;
    plan.pipOwners.set(lower(frontend.publicIpId), frontend.id);
  }
  if (lb.frontend.subnet !== undefined) {
    frontend.subnetId = resolve(index, lb.frontend.subnet, sub, rg, 'subnet').id;
    frontend.privateIPAddress = lb.frontend.privateIPAddress ?? allocate(frontend.subnetId);
    pushTo(plan.subnetIpConfigs, frontend.subnetId, frontend.id);
  }
  plan.frontends.set(lower(lbId), frontend);
}

function planNic(plan: NetworkPlan, index: FixtureIndex, sub: Subscription, rg: ResourceGroup, nic: NetworkInterface, allocate: (subnetId: string) => string): void {
  const nicId = idOf('networkInterface', sub.subscriptionId, rg.name, nic.name);
  if (nic.networkSecurityGroup !== undefined) {
    const nsgId = resolve(index, nic.networkSecurityGroup, sub, rg, 'networkSecurityGroup').id;
    pushTo(plan.nsgNics, nsgId, nicId);
    plan.nicNsg.set(lower(nicId), nsgId);
  }
  const configs = nic.ipConfigurations.map((config, i): IpConfigPlan => {
    const id = `${nicId}/ipConfigurations/${ipConfigName(config.name, i)}`;
    const subnetId = resolve(index, config.subnet, sub, rg, 'subnet').id;
    pushTo(plan.subnetIpConfigs, subnetId, id);
    const poolIds = config.loadBalancerBackendAddressPools.map((p) => resolve(index, p, sub, rg, 'backendPool').id);
    for (const poolId of poolIds) pushTo(plan.poolMembers, poolId, id);
    const planned: IpConfigPlan = {
      id,
      name: ipConfigName(config.name, i),
      subnetId,
      privateIPAddress: config.privateIPAddress ?? allocate(subnetId),
      allocation: config.privateIPAllocationMethod,
      poolIds,
      primary: i === 0,
    };
    if (config.publicIpAddress !== undefined) {
      planned.publicIpId = resolve(index, config.publicIpAddress, sub, rg, 'publicIpAddress').id;
      plan.pipOwners.set(lower(planned.publicIpId), id);
    }
    return planned;
  });
  plan.ipConfigs.set(lower(nicId), configs);
}

/** The network resources of one resource group, in a stable order. */
export function networkResources(plan: NetworkPlan, sub: Subscription, rg: ResourceGroup): ArmResource[] {
  const s = sub.subscriptionId;
  return [
    ...rg.virtualNetworks.flatMap((vnet) => virtualNetwork(plan, idOf('virtualNetwork', s, rg.name, vnet.name), vnet, rg)),
    ...rg.networkSecurityGroups.flatMap((nsg) => securityGroup(plan, idOf('networkSecurityGroup', s, rg.name, nsg.name), nsg, rg)),
    ...rg.publicIpAddresses.map((pip) => publicIp(plan, idOf('publicIpAddress', s, rg.name, pip.name), pip, rg)),
    ...rg.loadBalancers.map((lb) => loadBalancer(plan, idOf('loadBalancer', s, rg.name, lb.name), lb, rg)),
    ...rg.networkInterfaces.map((nic) => networkInterface(plan, idOf('networkInterface', s, rg.name, nic.name), nic, rg)),
  ];
}

// The VNet embeds its subnets and each subnet is also stored on its own: the embedded copies are
// derived, so routes that change a subnet must rewrite both.
function virtualNetwork(plan: NetworkPlan, id: string, vnet: VirtualNetwork, rg: ResourceGroup): ArmResource[] {
  const subnets = vnet.subnets.map((subnet): ArmResource => {
    const subnetId = `${id}/subnets/${subnet.name}`;
    const properties: Record<string, unknown> = { provisioningState: SUCCEEDED, addressPrefix: subnet.addressPrefix };
    const nsgId = plan.subnetNsg.get(lower(subnetId));
    if (nsgId !== undefined) properties.networkSecurityGroup = ref(nsgId);
    properties.ipConfigurations = (plan.subnetIpConfigs.get(lower(subnetId)) ?? []).map(ref);
    properties.delegations = [];
    properties.privateEndpointNetworkPolicies = 'Disabled';
    properties.privateLinkServiceNetworkPolicies = 'Enabled';
    return { id: subnetId, name: subnet.name, type: 'Microsoft.Network/virtualNetworks/subnets', etag: networkEtag(subnetId), properties };
  });
  const network: ArmResource = {
    id,
    name: vnet.name,
    type: 'Microsoft.Network/virtualNetworks',
    location: vnet.location ?? rg.location,
    tags: { ...vnet.tags },
    etag: networkEtag(id),
    properties: {
      provisioningState: SUCCEEDED,
      resourceGuid: stableGuid(`guid:${id}`),
      addressSpace: { addressPrefixes: [...vnet.addressPrefixes] },
      subnets: subnets.map((s) => structuredClone(s)),
      virtualNetworkPeerings: [],
      enableDdosProtection: false,
    },
  };
  return [network, ...subnets];
}

function ruleProperties(rule: SecurityRule): Record<string, unknown> {
  const properties: Record<string, unknown> = { provisioningState: SUCCEEDED };
  if (rule.description !== undefined) properties.description = rule.description;
  properties.protocol = rule.protocol;
  // ARM returns the singular field for one value and the plural list (else empty) for several.
  const both = (singular: string, plural: string, value: string | string[]): void => {
    if (typeof value === 'string') properties[singular] = value;
    properties[plural] = typeof value === 'string' ? [] : [...value];
  };
  both('sourcePortRange', 'sourcePortRanges', rule.sourcePortRange);
  both('destinationPortRange', 'destinationPortRanges', rule.destinationPortRange);
  both('sourceAddressPrefix', 'sourceAddressPrefixes', rule.sourceAddressPrefix);
  both('destinationAddressPrefix', 'destinationAddressPrefixes', rule.destinationAddressPrefix);
  properties.access = rule.access;
  properties.priority = rule.priority;
  properties.direction = rule.direction;
  return properties;
}

const DEFAULT_RULES: SecurityRule[] = [
  { name: 'AllowVnetInBound', description: 'Allow inbound traffic from all VMs in VNET', protocol: '*', sourcePortRange: '*', destinationPortRange: '*', sourceAddressPrefix: 'VirtualNetwork', destinationAddressPrefix: 'VirtualNetwork', access: 'Allow', priority: 65000, direction: 'Inbound' },
  { name: 'AllowAzureLoadBalancerInBound', description: 'Allow inbound traffic from azure load balancer', protocol: '*', sourcePortRange: '*', destinationPortRange: '*', sourceAddressPrefix: 'AzureLoadBalancer', destinationAddressPrefix: '*', access: 'Allow', priority: 65001, direction: 'Inbound' },
  { name: 'DenyAllInBound', description: 'Deny all inbound traffic', protocol: '*', sourcePortRange: '*', destinationPortRange: '*', sourceAddressPrefix: '*', destinationAddressPrefix: '*', access: 'Deny', priority: 65500, direction: 'Inbound' },
  { name: 'AllowVnetOutBound', description: 'Allow outbound traffic from all VMs to all VMs in VNET', protocol: '*', sourcePortRange: '*', destinationPortRange: '*', sourceAddressPrefix: 'VirtualNetwork', destinationAddressPrefix: 'VirtualNetwork', access: 'Allow', priority: 65000, direction: 'Outbound' },
  { name: 'AllowInternetOutBound', description: 'Allow outbound traffic from all VMs to Internet', protocol: '*', sourcePortRange: '*', destinationPortRange: '*', sourceAddressPrefix: '*', destinationAddressPrefix: 'Internet', access: 'Allow', priority: 65001, direction: 'Outbound' },
  { name: 'DenyAllOutBound', description: 'Deny all outbound traffic', protocol: '*', sourcePortRange: '*', destinationPortRange: '*', sourceAddressPrefix: '*', destinationAddressPrefix: '*', access: 'Deny', priority: 65500, direction: 'Outbound' },
];

/** A custom security rule in wire format (also what a PUT of a rule should store). */
export function securityRuleResource(nsgId: string, rule: SecurityRule): ArmResource {
  const id = `${nsgId}/securityRules/${rule.name}`;
  return { id, name: rule.name, type: 'Microsoft.Network/networkSecurityGroups/securityRules', etag: networkEtag(id), properties: ruleProperties(rule) };
}

/** The six rules ARM adds to every NSG. */
export function defaultSecurityRules(nsgId: string): ArmResource[] {
  return DEFAULT_RULES.map((rule) => {
    const id = `${nsgId}/defaultSecurityRules/${rule.name}`;
    return { id, name: rule.name, type: 'Microsoft.Network/networkSecurityGroups/defaultSecurityRules', etag: networkEtag(id), properties: ruleProperties(rule) };
  });
}

// Each custom rule is stored as a child resource AND embedded in the NSG's securityRules array; the
// embedded array is derived, so a route that writes a rule must keep the NSG's copy in sync.
function securityGroup(plan: NetworkPlan, id: string, nsg: NetworkSecurityGroup, rg: ResourceGroup): ArmResource[] {
  const rules = nsg.securityRules.map((rule) => securityRuleResource(id, rule));
  const properties: Record<string, unknown> = {
    provisioningState: SUCCEEDED,
    resourceGuid: stableGuid(`guid:${id}`),
    securityRules: rules.map((r) => structuredClone(r)),
    defaultSecurityRules: defaultSecurityRules(id),
  };
  const nics = plan.nsgNics.get(lower(id)) ?? [];
  const subnets = plan.nsgSubnets.get(lower(id)) ?? [];
  if (nics.length > 0) properties.networkInterfaces = nics.map(ref);
  if (subnets.length > 0) properties.subnets = subnets.map(ref);
  const group: ArmResource = {
    id,
    name: nsg.name,
    type: 'Microsoft.Network/networkSecurityGroups',
    location: nsg.location ?? rg.location,
    tags: { ...nsg.tags },
    etag: networkEtag(id),
    properties,
  };
  return [group, ...rules];
}

function fakePublicAddress(id: string): string {
  const n = stableNumber(`pip:${id}`, 256 * 256 * 254);
  return `20.${50 + (Math.floor(n / 65536) % 150)}.${Math.floor(n / 256) % 256}.${(n % 254) + 1}`;
}

function publicIp(plan: NetworkPlan, id: string, pip: PublicIpAddress, rg: ResourceGroup): ArmResource {
  const owner = plan.pipOwners.get(lower(id));
  const properties: Record<string, unknown> = {
    provisioningState: SUCCEEDED,
    resourceGuid: stableGuid(`guid:${id}`),
    publicIPAddressVersion: 'IPv4',
    publicIPAllocationMethod: pip.allocation,
    idleTimeoutInMinutes: 4,
    ipTags: [],
  };
  // A dynamic address exists only while the IP is attached.
  const address = pip.ipAddress ?? (pip.allocation === 'Static' || owner !== undefined ? fakePublicAddress(id) : undefined);
  if (address !== undefined) properties.ipAddress = address;
  if (owner !== undefined) properties.ipConfiguration = ref(owner);
  const resource: ArmResource = {
    id,
    name: pip.name,
    type: 'Microsoft.Network/publicIPAddresses',
    location: pip.location ?? rg.location,
    tags: { ...pip.tags },
    etag: networkEtag(id),
    sku: { name: pip.sku, tier: 'Regional' },
    properties,
  };
  if (pip.zones !== undefined) resource.zones = [...pip.zones];
  return resource;
}

function loadBalancer(plan: NetworkPlan, id: string, lb: LoadBalancer, rg: ResourceGroup): ArmResource {
  const frontend = plan.frontends.get(lower(id)) ?? { id: `${id}/frontendIPConfigurations/${lb.frontend.name}` };
  const frontendProps: Record<string, unknown> = {
    provisioningState: SUCCEEDED,
    privateIPAllocationMethod: lb.frontend.privateIPAddress === undefined ? 'Dynamic' : 'Static',
  };
  if (frontend.subnetId !== undefined) {
    frontendProps.privateIPAddress = frontend.privateIPAddress;
    frontendProps.privateIPAddressVersion = 'IPv4';
    frontendProps.subnet = ref(frontend.subnetId);
  }
  if (frontend.publicIpId !== undefined) frontendProps.publicIPAddress = ref(frontend.publicIpId);
  frontendProps.loadBalancingRules = [];
  return {
    id,
    name: lb.name,
    type: 'Microsoft.Network/loadBalancers',
    location: lb.location ?? rg.location,
    tags: { ...lb.tags },
    etag: networkEtag(id),
    sku: { name: lb.sku, tier: 'Regional' },
    properties: {
      provisioningState: SUCCEEDED,
      resourceGuid: stableGuid(`guid:${id}`),
      frontendIPConfigurations: [
        { id: frontend.id, name: lb.frontend.name, type: 'Microsoft.Network/loadBalancers/frontendIPConfigurations', etag: networkEtag(id), properties: frontendProps },
      ],
      backendAddressPools: lb.backendPools.map((pool) => {
        const poolId = `${id}/backendAddressPools/${pool}`;
        return {
          id: poolId,
          name: pool,
          type: 'Microsoft.Network/loadBalancers/backendAddressPools',
          etag: networkEtag(id),
          properties: { provisioningState: SUCCEEDED, backendIPConfigurations: (plan.poolMembers.get(lower(poolId)) ?? []).map(ref), loadBalancingRules: [] },
        };
      }),
      loadBalancingRules: [],
      probes: [],
      inboundNatRules: [],
      inboundNatPools: [],
      outboundRules: [],
    },
  };
}

function macAddress(id: string): string {
  const n = stableNumber(`mac:${id}`, 2 ** 24);
  const bytes = [0x00, 0x0d, 0x3a, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
  return bytes.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join('-');
}

function networkInterface(plan: NetworkPlan, id: string, nic: NetworkInterface, rg: ResourceGroup): ArmResource {
  const attached = plan.nicVms.get(lower(id));
  const ipConfigurations = (plan.ipConfigs.get(lower(id)) ?? []).map((config) => {
    const properties: Record<string, unknown> = {
      provisioningState: SUCCEEDED,
      privateIPAddress: config.privateIPAddress,
      privateIPAllocationMethod: config.allocation,
      subnet: ref(config.subnetId),
      primary: config.primary,
      privateIPAddressVersion: 'IPv4',
    };
    if (config.publicIpId !== undefined) properties.publicIPAddress = ref(config.publicIpId);
    if (config.poolIds.length > 0) properties.loadBalancerBackendAddressPools = config.poolIds.map(ref);
    return { id: config.id, name: config.name, type: 'Microsoft.Network/networkInterfaces/ipConfigurations', etag: networkEtag(id), properties };
  });
  const properties: Record<string, unknown> = {
    provisioningState: SUCCEEDED,
    resourceGuid: stableGuid(`guid:${id}`),
    ipConfigurations,
    dnsSettings: { dnsServers: [], appliedDnsServers: [] },
    enableAcceleratedNetworking: nic.enableAcceleratedNetworking,
    enableIPForwarding: false,
    hostedWorkloads: [],
    tapConfigurations: [],
    nicType: 'Standard',
    vnetEncryptionSupported: false,
  };
  const nsgId = plan.nicNsg.get(lower(id));
  if (nsgId !== undefined) properties.networkSecurityGroup = ref(nsgId);
  if (attached !== undefined) {
    properties.macAddress = nic.macAddress ?? macAddress(id);
    properties.primary = attached.primary;
    properties.virtualMachine = ref(attached.vmId);
  }
  return {
    id,
    name: nic.name,
    type: 'Microsoft.Network/networkInterfaces',
    location: nic.location ?? rg.location,
    tags: { ...nic.tags },
    etag: networkEtag(id),
    properties,
  };
}
