// Turns what the gatherer read from ARM (whole-subscription lists, per-VM instance views for the vault's
// region, the vault's protection view) into one readiness row per VM. Pure: no I/O, no SDK, so it runs
// the same in the browser, in Node (the benchmark) and in unit tests fed with the emulator's wire JSON.
import {
  agentFrom,
  evaluateOutbound443,
  evaluateVm,
  extensionsFrom,
  layersFromNsgs,
  osOf,
  powerStateFrom,
  RULES,
  type Destination,
  type ImageRef,
  type NetworkReport,
  type NsgLike,
  type OsInfo,
  type OsType,
  type ProtectionState,
  type SizeSpec,
  type VaultContext,
  type VmFacts,
  type VmReadiness,
} from '../readiness/index.ts';
import { resourceGroupOf } from './arm-ids.ts';
import {
  disksOf,
  fieldsOf,
  securityTypeOf,
  type BackupStatusLike,
  type LoadBalancerLike,
  type NicLike,
  type PublicIpLike,
  type VmInstanceViewLike,
  type VmLike,
  type VmSizeLike,
  type VnetLike,
} from './vm-wire.ts';

/** How the VMs of the vault's region stand with Azure Backup, as read from the vault and the backupStatus API. */
export type ProtectionInput = {
  /** VMs the vault's last refresh found unprotected (the protectable items). */
  protectableVmIds: readonly string[];
  /** VMs the chosen vault already protects. */
  protectedByVault: readonly string[];
  /** backupStatus answers, by VM id (any case); 'failed' when the call failed. */
  backupStatus: ReadonlyMap<string, BackupStatusLike | 'failed'>;
};

export type VmInventory = {
  vault: VaultContext;
  /** virtualMachines.listAll(): profiles. */
  vms: readonly VmLike[];
  /** virtualMachines.listAll({ statusOnly: 'true' }): power states of every VM. */
  statuses: readonly VmLike[];
  /** Per-VM instance views, by VM id (any case); read for the vault's region only, and not for stopped VMs. */
  instanceViews: ReadonlyMap<string, VmInstanceViewLike>;
  nics: readonly NicLike[];
  nsgs: readonly NsgLike[];
  publicIps: readonly PublicIpLike[];
  loadBalancers: readonly LoadBalancerLike[];
  vnets: readonly VnetLike[];
  protection: ProtectionInput;
  /** virtualMachineSizes.list in the vault's region; absent or empty when it couldn't be read. */
  sizes?: readonly VmSizeLike[];
};

/** What the table shows about the path out of the VM's primary NIC. */
export type VmNetwork = {
  report: NetworkReport;
  nicName: string;
  /** The NSGs on the way out, NIC's first. */
  nsgNames: string[];
  privateIp?: string;
};

export type VmRow = {
  facts: VmFacts;
  os: OsInfo;
  network: VmNetwork;
  readiness: VmReadiness;
  /**
   * True for VMs in the vault's region and subscription: their agent, extensions, guest OS and protection were
   * read. VMs elsewhere can't be selected for this vault, so only the whole-subscription lists describe them.
   */
  inVaultScope: boolean;
};

const key = (id: string | undefined): string => (id ?? '').toLowerCase();
const lastSegment = (id: string | undefined): string => id?.split('/').filter(Boolean).at(-1) ?? '';
const normaliseRegion = (region: string): string => region.replace(/\s+/g, '').toLowerCase();

export function sameRegion(a: string, b: string): boolean {
  return normaliseRegion(a) === normaliseRegion(b);
}

function byId<T extends { id?: string | undefined }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (item.id) map.set(key(item.id), item);
  return map;
}

/** The facts the whole-subscription lists can't give (agent, extensions, protection) are only read in the vault's scope. */
const UNREAD_OUTSIDE_SCOPE: ReadonlySet<keyof VmFacts> = new Set(['agent', 'extensions', 'protection', 'sizeSpec']);
const RULES_NEEDING_DETAIL = new Set(RULES.filter((rule) => rule.reads.some((fact) => UNREAD_OUTSIDE_SCOPE.has(fact))).map((rule) => rule.id));

type NetworkIndex = {
  nics: Map<string, NicLike>;
  nsgs: Map<string, NsgLike>;
  subnetNsg: Map<string, string | undefined>;
  publicIps: Map<string, PublicIpLike>;
  /** ipConfiguration ids that a load balancer names as a backend or NAT target. */
  balanced: Set<string>;
};

function indexNetwork(inventory: VmInventory): NetworkIndex {
  const subnetNsg = new Map<string, string | undefined>();
  for (const vnet of inventory.vnets) {
    for (const subnet of fieldsOf(vnet).subnets ?? []) {
      if (subnet.id) subnetNsg.set(key(subnet.id), fieldsOf(subnet).networkSecurityGroup?.id ?? undefined);
    }
  }
  const balanced = new Set<string>();
  for (const lb of inventory.loadBalancers) {
    const lbFields = fieldsOf(lb);
    for (const pool of lbFields.backendAddressPools ?? []) {
      for (const config of fieldsOf(pool).backendIPConfigurations ?? []) if (config.id) balanced.add(key(config.id));
    }
    for (const rule of lbFields.inboundNatRules ?? []) {
      const target = fieldsOf(rule).backendIPConfiguration?.id;
      if (target) balanced.add(key(target));
    }
  }
  return {
    nics: byId(inventory.nics),
    nsgs: byId(inventory.nsgs),
    subnetNsg,
    publicIps: byId(inventory.publicIps),
    balanced,
  };
}

type NicRef = { id: string; primary: boolean };

function nicRefsOf(vm: VmLike): NicRef[] {
  const refs = fieldsOf(vm).networkProfile?.networkInterfaces ?? [];
  return refs.flatMap((ref) => {
    const fields = fieldsOf(ref);
    return ref.id ? [{ id: ref.id, primary: fields.primary === true }] : [];
  });
}

function networkFacts(vm: VmLike, index: NetworkIndex) {
  const nics = nicRefsOf(vm).map((ref) => ({ ref, nic: index.nics.get(key(ref.id)) }));
  let staticPublicIps = 0;
  let behindLoadBalancer = false;
  for (const { nic } of nics) {
    for (const config of (nic && fieldsOf(nic).ipConfigurations) ?? []) {
      const c = fieldsOf(config);
      if ((c.loadBalancerBackendAddressPools?.length ?? 0) > 0 || (c.loadBalancerInboundNatRules?.length ?? 0) > 0) behindLoadBalancer = true;
      if (config.id && index.balanced.has(key(config.id))) behindLoadBalancer = true;
      const pip = c.publicIPAddress?.id ? index.publicIps.get(key(c.publicIPAddress.id)) : undefined;
      if (pip && fieldsOf(pip).publicIPAllocationMethod?.toLowerCase() === 'static') staticPublicIps++;
    }
  }
  return { nicCount: nics.length, staticPublicIpCount: staticPublicIps, behindLoadBalancer };
}

const DESTINATIONS: readonly Destination[] = ['Storage', 'AzureBackup', 'AzureActiveDirectory', 'Internet'];

function unknownReport(reason: string): NetworkReport {
  const verdict = { status: 'unknown' as const, reason };
  return {
    overall: verdict,
    destinations: Object.fromEntries(DESTINATIONS.map((d) => [d, verdict])) as NetworkReport['destinations'],
    platformDenies: [],
  };
}

/**
 * Outbound 443 from the primary NIC, where the guest's default route goes, through the NIC's NSG and its
 * subnet's NSG as listed (the Network step re-checks selected VMs against their effective rules).
 */
function primaryNetwork(vm: VmLike, location: string, index: NetworkIndex): VmNetwork {
  const refs = nicRefsOf(vm);
  const ref = refs.find((r) => r.primary) ?? refs[0];
  if (!ref) return { report: unknownReport('The VM has no network interface.'), nicName: '', nsgNames: [] };
  const nic = index.nics.get(key(ref.id));
  const nicName = nic?.name ?? lastSegment(ref.id);
  if (!nic) return { report: unknownReport(`Network interface ${nicName} couldn't be read.`), nicName, nsgNames: [] };
  const fields = fieldsOf(nic);
  const configs = (fields.ipConfigurations ?? []).map((config) => fieldsOf(config));
  const config = configs.find((c) => c.primary === true) ?? configs[0];
  const nsgIds: { attachedTo: 'nic' | 'subnet'; id: string }[] = [];
  if (fields.networkSecurityGroup?.id) nsgIds.push({ attachedTo: 'nic', id: fields.networkSecurityGroup.id });
  const subnetNsgId = config?.subnet?.id ? index.subnetNsg.get(key(config.subnet.id)) : undefined;
  if (subnetNsgId) nsgIds.push({ attachedTo: 'subnet', id: subnetNsgId });
  const nsgNames = nsgIds.map((n) => lastSegment(n.id));
  const privateIp = config?.privateIPAddress ?? undefined;
  const base: Omit<VmNetwork, 'report'> = privateIp ? { nicName, nsgNames, privateIp } : { nicName, nsgNames };

  const missing = nsgIds.find((n) => !index.nsgs.has(key(n.id)));
  if (missing) return { ...base, report: unknownReport(`NSG ${lastSegment(missing.id)} couldn't be read.`) };
  if (config?.subnet?.id && !index.subnetNsg.has(key(config.subnet.id))) {
    return { ...base, report: unknownReport(`Subnet ${lastSegment(config.subnet.id)} couldn't be read.`) };
  }
  const nsgFor = (attachedTo: 'nic' | 'subnet') => {
    const found = nsgIds.find((n) => n.attachedTo === attachedTo);
    return found ? index.nsgs.get(key(found.id)) : undefined;
  };
  const layers = layersFromNsgs({ nic: nsgFor('nic'), subnet: nsgFor('subnet') });
  const report = evaluateOutbound443(privateIp ? { layers, location, sourceAddress: privateIp } : { layers, location });
  return { ...base, report };
}

function imageOf(vm: VmLike): ImageRef | undefined {
  const ref = fieldsOf(vm).storageProfile?.imageReference;
  if (!ref?.publisher || !ref.offer || !ref.sku) return undefined;
  const image: ImageRef = { publisher: ref.publisher, offer: ref.offer, sku: ref.sku };
  if (ref.version) image.version = ref.version;
  return image;
}

function osTypeOf(vm: VmLike): OsType {
  const fields = fieldsOf(vm);
  const declared = fields.storageProfile?.osDisk?.osType?.toLowerCase();
  if (declared === 'windows') return 'Windows';
  if (declared === 'linux') return 'Linux';
  return fields.osProfile?.windowsConfiguration ? 'Windows' : 'Linux';
}

function vaultNameOf(vaultId: string | undefined): string | undefined {
  const name = lastSegment(vaultId);
  return name === '' ? undefined : name;
}

type ProtectionIndex = {
  protectable: ReadonlySet<string>;
  byVault: ReadonlySet<string>;
  backupStatus: ReadonlyMap<string, BackupStatusLike | 'failed'>;
};

function indexProtection(protection: ProtectionInput): ProtectionIndex {
  return {
    protectable: new Set(protection.protectableVmIds.map(key)),
    byVault: new Set(protection.protectedByVault.map(key)),
    backupStatus: new Map([...protection.backupStatus].map(([id, status]) => [key(id), status])),
  };
}

function protectionOf(vmId: string, inScope: boolean, protection: ProtectionIndex, vault: VaultContext): VmFacts['protection'] {
  if (!inScope) return { state: 'unknown' };
  const id = key(vmId);
  if (protection.byVault.has(id)) return { state: 'protected', vaultId: vault.id, vaultName: vault.name };
  if (protection.protectable.has(id)) return { state: 'unprotected' };
  const status = protection.backupStatus.get(id);
  if (status === undefined || status === 'failed') return { state: 'unknown' };
  const state: ProtectionState =
    status.protectionStatus === 'Protected' ? 'protected' : status.protectionStatus === 'Protecting' ? 'protecting' : status.protectionStatus === 'NotProtected' ? 'unprotected' : 'unknown';
  if (state === 'unprotected' || state === 'unknown') return { state };
  const vaultName = vaultNameOf(status.vaultId ?? undefined);
  return {
    state,
    ...(status.vaultId ? { vaultId: status.vaultId } : {}),
    ...(vaultName ? { vaultName } : {}),
  };
}

/** Cores and memory by lower-cased size name, from a region's size list (the fleet inventory uses it too). */
export function sizeIndex(sizes: readonly VmSizeLike[]): Map<string, SizeSpec> {
  const index = new Map<string, SizeSpec>();
  for (const size of sizes) {
    if (size.name && typeof size.numberOfCores === 'number' && typeof size.memoryInMB === 'number') {
      index.set(key(size.name), { cores: size.numberOfCores, memoryMB: size.memoryInMB });
    }
  }
  return index;
}

/** Every VM of the inventory as readiness facts, its network path and verdict, in list order. */
export function buildVmRows(inventory: VmInventory): VmRow[] {
  const { vault } = inventory;
  const index = indexNetwork(inventory);
  const statuses = byId(inventory.statuses);
  const views = new Map([...inventory.instanceViews].map(([id, view]) => [key(id), view]));
  const protection = indexProtection(inventory.protection);
  const sizes = sizeIndex(inventory.sizes ?? []);

  return inventory.vms.flatMap((vm): VmRow[] => {
    if (!vm.id || !vm.name) return [];
    const fields = fieldsOf(vm);
    const location = vm.location ?? '';
    const subscriptionId = vm.id.split('/')[2] ?? '';
    const inVaultScope = sameRegion(location, vault.location) && key(subscriptionId) === key(vault.subscriptionId);
    const view = inVaultScope ? views.get(key(vm.id)) : undefined;
    const listedStatuses = statuses.get(key(vm.id));
    const powerStatuses = view?.statuses ?? fieldsOf(listedStatuses ?? {}).instanceView?.statuses ?? fields.instanceView?.statuses;
    const image = imageOf(vm);

    const facts: VmFacts = {
      id: vm.id,
      name: vm.name,
      subscriptionId,
      resourceGroup: resourceGroupOf(vm.id),
      location,
      size: fields.hardwareProfile?.vmSize ?? '',
      osType: osTypeOf(vm),
      dataDiskCount: fields.storageProfile?.dataDisks?.length ?? 0,
      disks: disksOf(fields),
      powerState: powerStateFrom(powerStatuses),
      // Outside the vault's scope the agent isn't read; its findings are dropped below. A stopped VM's instance
      // view isn't read either (its agent can't report): its statuses from the list say why the agent is unknown.
      agent: inVaultScope ? agentFrom(view ?? { statuses: powerStatuses }, fields.osProfile) : { status: 'unknown' },
      extensions: inVaultScope ? extensionsFrom(view) : [],
      ...networkFacts(vm, index),
      tags: { ...(vm.tags ?? {}) },
      protection: protectionOf(vm.id, inVaultScope, protection, vault),
    };
    if (image) facts.image = image;
    const securityType = securityTypeOf(fields);
    if (securityType) facts.securityType = securityType;
    const spec = inVaultScope ? sizes.get(key(facts.size)) : undefined;
    if (spec) facts.sizeSpec = spec;
    if (view?.osName) facts.osName = view.osName;
    if (view?.osVersion) facts.osVersion = view.osVersion;

    const network = primaryNetwork(vm, location, index);
    const evaluated = evaluateVm(facts, vault, network.report);
    // A VM outside the scope is blocked by the region rule anyway, so dropping what wasn't read keeps the verdict.
    const readiness: VmReadiness = inVaultScope
      ? evaluated
      : { verdict: evaluated.verdict, findings: evaluated.findings.filter((f) => !RULES_NEEDING_DETAIL.has(f.ruleId)) };
    return [{ facts, os: osOf(facts), network, readiness, inVaultScope }];
  });
}
