// Resource ids of fixture resources, resolution of the fixture's short references, and the
// cross-reference checks that a per-object schema cannot express. Shared by the schema and the loader
// so that "valid" and "loadable" mean the same thing.
import type { Fixture, ResourceGroup, Subscription } from './fixture-schema.ts';

export type IssuePath = (string | number)[];
export interface ReferenceIssue {
  path: IssuePath;
  message: string;
}

export type ResourceKind =
  | 'resourceGroup'
  | 'virtualNetwork'
  | 'subnet'
  | 'networkSecurityGroup'
  | 'publicIpAddress'
  | 'loadBalancer'
  | 'backendPool'
  | 'availabilitySet'
  | 'networkInterface'
  | 'virtualMachine'
  | 'vault';

interface KindSpec {
  namespace: string;
  types: readonly string[];
  label: string;
}

const KINDS: Record<Exclude<ResourceKind, 'resourceGroup'>, KindSpec> = {
  virtualNetwork: { namespace: 'Microsoft.Network', types: ['virtualNetworks'], label: 'virtual network' },
  subnet: { namespace: 'Microsoft.Network', types: ['virtualNetworks', 'subnets'], label: 'subnet' },
  networkSecurityGroup: { namespace: 'Microsoft.Network', types: ['networkSecurityGroups'], label: 'network security group' },
  publicIpAddress: { namespace: 'Microsoft.Network', types: ['publicIPAddresses'], label: 'public IP address' },
  loadBalancer: { namespace: 'Microsoft.Network', types: ['loadBalancers'], label: 'load balancer' },
  backendPool: { namespace: 'Microsoft.Network', types: ['loadBalancers', 'backendAddressPools'], label: 'backend pool' },
  availabilitySet: { namespace: 'Microsoft.Compute', types: ['availabilitySets'], label: 'availability set' },
  networkInterface: { namespace: 'Microsoft.Network', types: ['networkInterfaces'], label: 'network interface' },
  virtualMachine: { namespace: 'Microsoft.Compute', types: ['virtualMachines'], label: 'virtual machine' },
  vault: { namespace: 'Microsoft.RecoveryServices', types: ['vaults'], label: 'vault' },
};

export function resourceGroupId(subscriptionId: string, resourceGroup: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`;
}

/** The ARM id of a fixture resource; `names` has one entry per type of the kind (vnet + subnet, ...). */
export function idOf(kind: Exclude<ResourceKind, 'resourceGroup'>, subscriptionId: string, resourceGroup: string, ...names: string[]): string {
  const spec = KINDS[kind];
  const path = spec.types.map((type, i) => `${type}/${names[i] ?? ''}`).join('/');
  return `${resourceGroupId(subscriptionId, resourceGroup)}/providers/${spec.namespace}/${path}`;
}

/**
 * Turns a fixture reference into an ARM id: "name" (same resource group), "{resourceGroup}/name"
 * (same subscription) or a full id. Names of child kinds have one part per level ("vnet/subnet").
 */
export function resolveRef(ref: string, subscriptionId: string, resourceGroup: string, kind: Exclude<ResourceKind, 'resourceGroup'>): string | undefined {
  if (ref.startsWith('/')) return ref;
  const parts = ref.split('/');
  const levels = KINDS[kind].types.length;
  if (parts.some((p) => p === '')) return undefined;
  if (parts.length === levels) return idOf(kind, subscriptionId, resourceGroup, ...parts);
  const [group, ...names] = parts;
  if (parts.length === levels + 1 && group !== undefined) return idOf(kind, subscriptionId, group, ...names);
  return undefined;
}

export interface IndexedResource {
  id: string;
  kind: ResourceKind;
  location: string;
  subscriptionId: string;
  resourceGroup: string;
  path: IssuePath;
}

/** Every fixture resource by lower-cased ARM id (ARM ids compare case-insensitively). */
export type FixtureIndex = Map<string, IndexedResource>;

export function lookup(index: FixtureIndex, ref: string, subscriptionId: string, resourceGroup: string, kind: Exclude<ResourceKind, 'resourceGroup'>): IndexedResource | undefined {
  const id = resolveRef(ref, subscriptionId, resourceGroup, kind);
  const found = id === undefined ? undefined : index.get(id.toLowerCase());
  return found?.kind === kind ? found : undefined;
}

export function forEachResourceGroup(fixture: Fixture, visit: (sub: Subscription, rg: ResourceGroup, path: IssuePath) => void): void {
  fixture.subscriptions.forEach((sub, si) => {
    sub.resourceGroups.forEach((rg, ri) => visit(sub, rg, ['subscriptions', si, 'resourceGroups', ri]));
  });
}

export function buildIndex(fixture: Fixture, onDuplicate?: (issue: ReferenceIssue) => void): FixtureIndex {
  const index: FixtureIndex = new Map();
  const add = (entry: IndexedResource): void => {
    const key = entry.id.toLowerCase();
    if (index.has(key)) {
      onDuplicate?.({ path: entry.path, message: `duplicate ${entry.kind} name (ids compare case-insensitively): ${entry.id}` });
      return;
    }
    index.set(key, entry);
  };
  forEachResourceGroup(fixture, (sub, rg, base) => {
    const s = sub.subscriptionId;
    const g = rg.name;
    const entry = (kind: ResourceKind, id: string, location: string, path: IssuePath): IndexedResource => ({
      id, kind, location, subscriptionId: s, resourceGroup: g, path,
    });
    add(entry('resourceGroup', resourceGroupId(s, g), rg.location, base));
    const simple = [
      ['networkSecurityGroups', 'networkSecurityGroup'],
      ['publicIpAddresses', 'publicIpAddress'],
      ['availabilitySets', 'availabilitySet'],
      ['networkInterfaces', 'networkInterface'],
      ['virtualMachines', 'virtualMachine'],
      ['vaults', 'vault'],
    ] as const;
    for (const [field, kind] of simple) {
      rg[field].forEach((r, i) => add(entry(kind, idOf(kind, s, g, r.name), r.location ?? rg.location, [...base, field, i])));
    }
    rg.virtualNetworks.forEach((vnet, i) => {
      const location = vnet.location ?? rg.location;
      add(entry('virtualNetwork', idOf('virtualNetwork', s, g, vnet.name), location, [...base, 'virtualNetworks', i]));
      vnet.subnets.forEach((subnet, j) => {
        const path = [...base, 'virtualNetworks', i, 'subnets', j];
        add(entry('subnet', idOf('subnet', s, g, vnet.name, subnet.name), location, path));
      });
    });
    rg.loadBalancers.forEach((lb, i) => {
      const location = lb.location ?? rg.location;
      add(entry('loadBalancer', idOf('loadBalancer', s, g, lb.name), location, [...base, 'loadBalancers', i]));
      lb.backendPools.forEach((pool, j) => {
        add(entry('backendPool', idOf('backendPool', s, g, lb.name, pool), location, [...base, 'loadBalancers', i, 'backendPools', j]));
      });
    });
  });
  return index;
}

// --- IPv4 helpers (the loader allocates private addresses from subnet prefixes) ---

export function ipToInt(ip: string): number {
  return ip.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
}

export function intToIp(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

export function cidrRange(cidr: string): { first: number; last: number } {
  const [base = '0.0.0.0', bits = '32'] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  const first = Math.floor(ipToInt(base) / size) * size;
  return { first, last: first + size - 1 };
}

export function cidrContains(cidr: string, ip: string): boolean {
  const { first, last } = cidrRange(cidr);
  const value = ipToInt(ip);
  return value >= first && value <= last;
}

export const SYSTEM_POLICY_NAMES = ['DefaultPolicy', 'EnhancedPolicy'] as const;

// --- The checks ---

export function collectReferenceIssues(fixture: Fixture): ReferenceIssue[] {
  const issues: ReferenceIssue[] = [];
  const add = (path: IssuePath, message: string): void => {
    issues.push({ path, message });
  };
  checkDirectory(fixture, add);
  const regions = new Map(fixture.regions.map((r) => [r.name, r]));
  const index = buildIndex(fixture, (issue) => issues.push(issue));
  checkRoleAssignments(fixture, index, add);

  const seenSubscriptions = new Set<string>();
  fixture.subscriptions.forEach((sub, si) => {
    const key = sub.subscriptionId.toLowerCase();
    if (seenSubscriptions.has(key)) add(['subscriptions', si, 'subscriptionId'], `duplicate subscription ${sub.subscriptionId}`);
    seenSubscriptions.add(key);
  });

  const checkRegion = (path: IssuePath, location: string): boolean => {
    if (regions.has(location)) return true;
    add(path, `unknown region "${location}" (declare it in regions[]; use the name, e.g. "westeurope")`);
    return false;
  };
  const usedPublicIps = new Map<string, string>();
  const usedNics = new Map<string, string>();
  const protectedVms = new Map<string, string>();
  const privateIps = new Map<string, Set<number>>();
  const subnetPrefixes = new Map<string, string>();
  forEachResourceGroup(fixture, (sub, rg) => {
    for (const vnet of rg.virtualNetworks) {
      for (const subnet of vnet.subnets) {
        subnetPrefixes.set(idOf('subnet', sub.subscriptionId, rg.name, vnet.name, subnet.name).toLowerCase(), subnet.addressPrefix);
      }
    }
  });

  forEachResourceGroup(fixture, (sub, rg, base) => {
    const s = sub.subscriptionId;
    const find = (path: IssuePath, ref: string, kind: Exclude<ResourceKind, 'resourceGroup'>, location?: string): IndexedResource | undefined => {
      const found = lookup(index, ref, s, rg.name, kind);
      if (found === undefined) {
        const id = resolveRef(ref, s, rg.name, kind);
        add(path, id === undefined
          ? `malformed ${KINDS[kind].label} reference "${ref}" (expected ${KINDS[kind].types.length} name part(s), optionally prefixed with "{resourceGroup}/")`
          : `${KINDS[kind].label} "${ref}" not found (looked for ${id})`);
      } else if (location !== undefined && found.location !== location) {
        add(path, `${KINDS[kind].label} "${ref}" is in ${found.location}, not ${location}; Azure requires the same region`);
      }
      return found;
    };
    const claimPublicIp = (path: IssuePath, ref: string, location: string, owner: string): void => {
      const pip = find(path, ref, 'publicIpAddress', location);
      if (pip === undefined) return;
      const previous = usedPublicIps.get(pip.id.toLowerCase());
      if (previous !== undefined) add(path, `public IP "${ref}" is already used by ${previous}`);
      usedPublicIps.set(pip.id.toLowerCase(), owner);
    };
    const claimPrivateIp = (path: IssuePath, subnetId: string, prefix: string | undefined, ip: string): void => {
      if (prefix !== undefined && !cidrContains(prefix, ip)) add(path, `${ip} is outside the subnet prefix ${prefix}`);
      const taken = privateIps.get(subnetId.toLowerCase()) ?? new Set<number>();
      if (taken.has(ipToInt(ip))) add(path, `${ip} is already used in this subnet`);
      taken.add(ipToInt(ip));
      privateIps.set(subnetId.toLowerCase(), taken);
    };
    const subnetPrefix = (id: string): string | undefined => subnetPrefixes.get(id.toLowerCase());

    checkRegion([...base, 'location'], rg.location);

    rg.virtualNetworks.forEach((vnet, i) => {
      const location = vnet.location ?? rg.location;
      checkRegion([...base, 'virtualNetworks', i, 'location'], location);
      uniqueNames(vnet.subnets.map((x) => x.name), [...base, 'virtualNetworks', i, 'subnets'], 'subnet', add);
      vnet.subnets.forEach((subnet, j) => {
        const path = [...base, 'virtualNetworks', i, 'subnets', j];
        if (!vnet.addressPrefixes.some((p) => cidrContains(p, subnet.addressPrefix.split('/')[0] ?? ''))) {
          add([...path, 'addressPrefix'], `${subnet.addressPrefix} is outside the address space ${vnet.addressPrefixes.join(', ')}`);
        }
        if (subnet.networkSecurityGroup !== undefined) {
          find([...path, 'networkSecurityGroup'], subnet.networkSecurityGroup, 'networkSecurityGroup', location);
        }
      });
    });

    rg.networkSecurityGroups.forEach((nsg, i) => {
      const path = [...base, 'networkSecurityGroups', i];
      checkRegion([...path, 'location'], nsg.location ?? rg.location);
      uniqueNames(nsg.securityRules.map((r) => r.name), [...path, 'securityRules'], 'security rule', add);
      const priorities = new Set<string>();
      nsg.securityRules.forEach((rule, j) => {
        const key = `${rule.direction}:${rule.priority}`;
        if (priorities.has(key)) add([...path, 'securityRules', j, 'priority'], `priority ${rule.priority} is already used by another ${rule.direction} rule`);
        priorities.add(key);
      });
    });

    rg.publicIpAddresses.forEach((pip, i) => {
      const location = pip.location ?? rg.location;
      if (checkRegion([...base, 'publicIpAddresses', i, 'location'], location) && pip.zones !== undefined) {
        checkZones([...base, 'publicIpAddresses', i, 'zones'], pip.zones, regions.get(location)?.availabilityZones ?? [], add);
      }
    });

    rg.loadBalancers.forEach((lb, i) => {
      const path = [...base, 'loadBalancers', i];
      const location = lb.location ?? rg.location;
      checkRegion([...path, 'location'], location);
      uniqueNames(lb.backendPools, [...path, 'backendPools'], 'backend pool', add);
      if (lb.frontend.publicIpAddress !== undefined) {
        claimPublicIp([...path, 'frontend', 'publicIpAddress'], lb.frontend.publicIpAddress, location, `load balancer ${lb.name}`);
      }
      if (lb.frontend.subnet !== undefined) {
        const subnet = find([...path, 'frontend', 'subnet'], lb.frontend.subnet, 'subnet', location);
        if (subnet !== undefined && lb.frontend.privateIPAddress !== undefined) {
          claimPrivateIp([...path, 'frontend', 'privateIPAddress'], subnet.id, subnetPrefix(subnet.id), lb.frontend.privateIPAddress);
        }
      }
    });

    rg.availabilitySets.forEach((set, i) => checkRegion([...base, 'availabilitySets', i, 'location'], set.location ?? rg.location));

    rg.networkInterfaces.forEach((nic, i) => {
      const path = [...base, 'networkInterfaces', i];
      const location = nic.location ?? rg.location;
      checkRegion([...path, 'location'], location);
      if (nic.networkSecurityGroup !== undefined) find([...path, 'networkSecurityGroup'], nic.networkSecurityGroup, 'networkSecurityGroup', location);
      uniqueNames(nic.ipConfigurations.map((c, j) => ipConfigName(c.name, j)), [...path, 'ipConfigurations'], 'IP configuration', add);
      nic.ipConfigurations.forEach((config, j) => {
        const cpath = [...path, 'ipConfigurations', j];
        const subnet = find([...cpath, 'subnet'], config.subnet, 'subnet', location);
        if (subnet !== undefined && config.privateIPAddress !== undefined) {
          claimPrivateIp([...cpath, 'privateIPAddress'], subnet.id, subnetPrefix(subnet.id), config.privateIPAddress);
        }
        if (config.publicIpAddress !== undefined) claimPublicIp([...cpath, 'publicIpAddress'], config.publicIpAddress, location, `network interface ${nic.name}`);
        config.loadBalancerBackendAddressPools.forEach((pool, k) => find([...cpath, 'loadBalancerBackendAddressPools', k], pool, 'backendPool', location));
      });
    });

    rg.virtualMachines.forEach((vm, i) => {
      const path = [...base, 'virtualMachines', i];
      const location = vm.location ?? rg.location;
      if (checkRegion([...path, 'location'], location) && vm.zone !== undefined) {
        checkZones([...path, 'zone'], [vm.zone], regions.get(location)?.availabilityZones ?? [], add);
      }
      uniqueNames(vm.extensions.map((e) => e.name), [...path, 'extensions'], 'extension', add);
      if (vm.writeAcceleratorDisks > vm.dataDisks) add([...path, 'writeAcceleratorDisks'], `only ${vm.dataDisks} data disks to accelerate`);
      if ((vm.dataDiskType === 'PremiumV2_LRS' || vm.dataDiskType === 'UltraSSD_LRS') && vm.dataDisks > 0 && vm.zone === undefined) {
        add([...path, 'dataDiskType'], `${vm.dataDiskType} disks attach only to zonal VMs: give the VM a zone`);
      }
      vm.networkInterfaces.forEach((ref, k) => {
        const nic = find([...path, 'networkInterfaces', k], ref, 'networkInterface', location);
        if (nic === undefined) return;
        const owner = usedNics.get(nic.id.toLowerCase());
        if (owner !== undefined) add([...path, 'networkInterfaces', k], `network interface "${ref}" is already attached to ${owner}`);
        usedNics.set(nic.id.toLowerCase(), `virtual machine ${vm.name}`);
      });
      if (vm.availabilitySet !== undefined) {
        find([...path, 'availabilitySet'], vm.availabilitySet, 'availabilitySet', location);
        if (vm.zone !== undefined) add([...path, 'zone'], 'a VM is either zonal or in an availability set, not both');
      }
    });

    rg.vaults.forEach((vault, i) => {
      const path = [...base, 'vaults', i];
      const location = vault.location ?? rg.location;
      if (checkRegion([...path, 'location'], location)) {
        const region = regions.get(location);
        if (region?.recoveryServicesVaults === false) add([...path, 'location'], `Recovery Services vaults are not offered in ${location}`);
        if (vault.storageRedundancy === 'ZoneRedundant' && region?.availabilityZones.length === 0) {
          add([...path, 'storageRedundancy'], `ZoneRedundant needs a region with availability zones; ${location} has none`);
        }
      }
      uniqueNames(vault.policies.map((p) => p.name), [...path, 'policies'], 'policy', add);
      vault.policies.forEach((policy, j) => {
        if (SYSTEM_POLICY_NAMES.some((n) => n.toLowerCase() === policy.name.toLowerCase())) {
          add([...path, 'policies', j, 'name'], `"${policy.name}" is a system policy every vault already has`);
        }
      });
      const policyNames = new Set([...SYSTEM_POLICY_NAMES, ...vault.policies.map((p) => p.name)].map((n) => n.toLowerCase()));
      vault.protectedItems.forEach((item, j) => {
        const ipath = [...path, 'protectedItems', j];
        const vm = find([...ipath, 'virtualMachine'], item.virtualMachine, 'virtualMachine', location);
        if (vm !== undefined) {
          if (vm.subscriptionId.toLowerCase() !== s.toLowerCase()) add([...ipath, 'virtualMachine'], 'a vault protects VMs of its own subscription only');
          const owner = protectedVms.get(vm.id.toLowerCase());
          if (owner !== undefined) add([...ipath, 'virtualMachine'], `virtual machine "${item.virtualMachine}" is already protected by ${owner}`);
          protectedVms.set(vm.id.toLowerCase(), `vault ${vault.name}`);
        }
        if (!policyNames.has(item.policy.toLowerCase())) add([...ipath, 'policy'], `policy "${item.policy}" is not defined in vault ${vault.name}`);
      });
    });
  });
  return issues;
}

export function ipConfigName(name: string | undefined, index: number): string {
  return name ?? `ipconfig${index + 1}`;
}

function uniqueNames(names: string[], path: IssuePath, label: string, add: (path: IssuePath, message: string) => void): void {
  const seen = new Set<string>();
  names.forEach((n, i) => {
    if (seen.has(n.toLowerCase())) add([...path, i, 'name'], `duplicate ${label} name "${n}"`);
    seen.add(n.toLowerCase());
  });
}

function checkZones(path: IssuePath, zones: string[], offered: string[], add: (path: IssuePath, message: string) => void): void {
  const bad = zones.filter((z) => !offered.includes(z));
  if (bad.length > 0) add(path, offered.length === 0 ? 'this region has no availability zones' : `zone(s) ${bad.join(', ')} not offered here (${offered.join(', ')})`);
}

function checkDirectory(fixture: Fixture, add: (path: IssuePath, message: string) => void): void {
  const regionNames = new Set<string>();
  fixture.regions.forEach((r, i) => {
    if (regionNames.has(r.name)) add(['regions', i, 'name'], `duplicate region "${r.name}"`);
    regionNames.add(r.name);
  });
  fixture.regions.forEach((r, i) => {
    if (r.pairedRegion !== undefined && (!regionNames.has(r.pairedRegion) || r.pairedRegion === r.name)) {
      add(['regions', i, 'pairedRegion'], `paired region "${r.pairedRegion}" must be another declared region`);
    }
  });
  const objectIds = new Set<string>();
  const claimObjectId = (path: IssuePath, id: string): void => {
    if (objectIds.has(id.toLowerCase())) add(path, `duplicate objectId ${id}`);
    objectIds.add(id.toLowerCase());
  };
  const upns = new Set<string>();
  fixture.users.forEach((u, i) => {
    claimObjectId(['users', i, 'objectId'], u.objectId);
    if (upns.has(u.userPrincipalName.toLowerCase())) add(['users', i, 'userPrincipalName'], `duplicate user ${u.userPrincipalName}`);
    upns.add(u.userPrincipalName.toLowerCase());
  });
  const appIds = new Set<string>();
  fixture.servicePrincipals.forEach((sp, i) => {
    claimObjectId(['servicePrincipals', i, 'objectId'], sp.objectId);
    if (appIds.has(sp.appId.toLowerCase())) add(['servicePrincipals', i, 'appId'], `duplicate appId ${sp.appId}`);
    appIds.add(sp.appId.toLowerCase());
  });
}

function checkRoleAssignments(fixture: Fixture, index: FixtureIndex, add: (path: IssuePath, message: string) => void): void {
  const principals = new Set([...fixture.users, ...fixture.servicePrincipals].map((p) => p.objectId.toLowerCase()));
  const subscriptions = new Set(fixture.subscriptions.map((s) => `/subscriptions/${s.subscriptionId}`.toLowerCase()));
  fixture.roleAssignments.forEach((ra, i) => {
    if (!principals.has(ra.principalId.toLowerCase())) add(['roleAssignments', i, 'principalId'], `no user or service principal has objectId ${ra.principalId}`);
    const scope = ra.scope.toLowerCase();
    const known = scope.includes('/resourcegroups/') ? index.get(scope)?.kind === 'resourceGroup' : subscriptions.has(scope);
    if (!known) add(['roleAssignments', i, 'scope'], `scope ${ra.scope} is not a subscription or resource group of this fixture`);
  });
}
