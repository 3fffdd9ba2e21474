// The fleet inventory from Resource Graph: three paged queries (VMs with their disks, NICs and protection,
// subnets, referenced NSGs) run side by side, their rows mapped into the normalised inventory; each region's
// VM sizes from its size list (vm-sizes.ts: ARM, one request per region, none once the session has it).
import { nsgFrom, powerStateFrom, type NsgLike, type SecurityRuleLike } from '../../readiness/index.ts';
import { resourceGroupOf } from '../arm-ids.ts';
import { mapConcurrent } from '../paging.ts';
import { disksOf, type DiskLike } from '../vm-wire.ts';
import { nsgQuery, subnetQuery, vmQuery, type GraphDiskRow, type GraphNicConfigRow, type GraphNsgRow, type GraphSubnetRow, type GraphVmRow } from './fleet-queries.ts';
import { idKey, imageFrom, lastSegment, osTypeFrom, present, referencedNsgIds, regionKey, securityTypeFrom, tagsFrom, zonesFrom } from './normalise.ts';
import type { FleetInventory, FleetNic, FleetProtectedItem, FleetScope, FleetSubnet, FleetVm, InventoryOptions, InventoryStage } from './types.ts';
import { applySizes, listingsOf, type RegionSizes, type SizeCatalog, type SizeListing } from './vm-sizes.ts';

/** What the inventory needs of the Resource Graph gateway: every row of a query over some subscriptions. */
export type GraphRunner = <T>(
  query: string,
  scope: { subscriptions: readonly string[] },
  options?: { abortSignal?: AbortSignal },
) => Promise<{ rows: T[]; pages: number; truncated?: boolean }>;

export function vaultIdOfItem(itemId: string): string {
  return /^(.*?\/providers\/Microsoft\.RecoveryServices\/vaults\/[^/]+)/i.exec(itemId)?.[1] ?? '';
}

function nicsOf(configs: readonly GraphNicConfigRow[], into: Map<string, FleetNic>): void {
  for (const c of configs) {
    const key = idKey(c.nicId);
    if (!key) continue;
    let nic = into.get(key);
    if (!nic) {
      nic = { id: c.nicId, name: present(c.nicName) ?? lastSegment(c.nicId), ipConfigurations: [] };
      const nsgId = present(c.nsgId);
      if (nsgId) nic.nsgId = nsgId;
      into.set(key, nic);
    }
    const config: FleetNic['ipConfigurations'][number] = {
      primary: c.primary === true,
      staticPublicIp: (c.allocation ?? '').toLowerCase() === 'static',
      loadBalanced: (c.pools ?? 0) > 0 || (c.natRules ?? 0) > 0,
    };
    const privateIp = present(c.privateIp);
    if (privateIp) config.privateIp = privateIp;
    const subnetId = present(c.subnetId);
    if (subnetId) config.subnetId = subnetId;
    const publicIpId = present(c.publicIpId);
    if (publicIpId) config.publicIpId = publicIpId;
    nic.ipConfigurations.push(config);
  }
}

/** A packed disk in the VM list's shape, so both paths go through the same disksOf(). */
function diskLikeFrom(disk: GraphDiskRow): DiskLike {
  const out: DiskLike = {};
  const name = present(disk.name);
  if (name) out.name = name;
  if (typeof disk.lun === 'number') out.lun = disk.lun;
  if (typeof disk.sizeGB === 'number') out.diskSizeGB = disk.sizeGB;
  if (disk.writeAccelerator === true) out.writeAcceleratorEnabled = true;
  const sku = present(disk.sku);
  if (sku) out.managedDisk = { storageAccountType: sku };
  return out;
}

/** ARG packs an OS disk even for a VM without one: all of its fields empty. */
const isDisk = (disk: GraphDiskRow | null): disk is GraphDiskRow =>
  disk !== null && (present(disk.name) !== undefined || present(disk.sku) !== undefined || typeof disk.sizeGB === 'number');

export function vmFromGraph(row: GraphVmRow): FleetVm {
  const dataDisks = (row.dataDisks ?? []).map(diskLikeFrom);
  const osDisk = isDisk(row.osDisk) ? diskLikeFrom(row.osDisk) : undefined;
  const vm: FleetVm = {
    id: row.id,
    name: row.name,
    subscriptionId: present(row.subscriptionId) ?? '',
    resourceGroup: resourceGroupOf(row.id),
    location: regionKey(row.location),
    size: row.size ?? '',
    osType: osTypeFrom(row.osType),
    windowsConfiguration: row.windowsConfiguration === true,
    dataDiskCount: dataDisks.length,
    disks: disksOf({ storageProfile: osDisk ? { osDisk, dataDisks } : { dataDisks } }),
    zones: zonesFrom(row.zones),
    tags: tagsFrom(row.tags),
    powerState: powerStateFrom(present(row.powerState) ? [{ code: row.powerState }] : undefined),
    nics: (row.nicRefs ?? []).flatMap((ref) => (ref.id ? [{ id: ref.id, primary: ref.properties?.primary === true }] : [])),
  };
  const image = imageFrom({ publisher: row.imagePublisher, offer: row.imageOffer, sku: row.imageSku, version: row.imageVersion });
  if (image) vm.image = image;
  const provision = row.windowsAgent ?? row.linuxAgent;
  if (typeof provision === 'boolean') vm.provisionVMAgent = provision;
  const securityType = securityTypeFrom(row.securityType);
  if (securityType) vm.securityType = securityType;
  return vm;
}

function protectedItemFrom(row: GraphVmRow): FleetProtectedItem | undefined {
  const id = present(row.itemId);
  if (!id) return undefined;
  const policyId = row.vaultPolicyId ?? '';
  return {
    id,
    vmId: row.id,
    vaultId: vaultIdOfItem(id),
    policyId,
    policyName: present(row.policyName) ?? lastSegment(policyId),
    protectionState: row.protectionState ?? '',
  };
}

const nullToUndefined = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

export function nsgFromGraph(row: GraphNsgRow) {
  const input: NsgLike = { id: row.id, name: row.name };
  const rules = nullToUndefined(row.securityRules);
  const defaults = nullToUndefined(row.defaultSecurityRules);
  if (rules) input.securityRules = rules as SecurityRuleLike[];
  if (defaults) input.defaultSecurityRules = defaults as SecurityRuleLike[];
  return nsgFrom(input);
}

/** The VNets whose subnets the mv-expand limit cut short. */
function truncatedVnets(rows: readonly GraphSubnetRow[]): string[] {
  const seen = new Map<string, { id: string; expected: number; got: number }>();
  for (const row of rows) {
    const entry = seen.get(idKey(row.vnetId)) ?? { id: row.vnetId, expected: row.subnetCount ?? 0, got: 0 };
    entry.got++;
    seen.set(idKey(row.vnetId), entry);
  }
  return [...seen.values()].filter((v) => v.got < v.expected).map((v) => v.id);
}

/** VMs per VM query: a few pages each, so parts arrive early and their rows are built while the quota waits. */
export const VMS_PER_GROUP = 5000;
/** Subscriptions per VM query when their VM counts aren't known. */
export const SUBSCRIPTIONS_PER_GROUP = 20;
/** VM queries in flight at once (the gateway's pacer keeps them within the user's quota). */
const GROUP_CONCURRENCY = 2;

/**
 * The scope's subscriptions in groups for the VM query: packed to about VMS_PER_GROUP VMs when the counts
 * are known (the subscription step has them), else SUBSCRIPTIONS_PER_GROUP at a time.
 */
export function subscriptionGroups(subscriptions: readonly string[], counts?: readonly { subscriptionId: string; vms: number }[]): string[][] {
  if (!counts) {
    const groups: string[][] = [];
    for (let i = 0; i < subscriptions.length; i += SUBSCRIPTIONS_PER_GROUP) groups.push(subscriptions.slice(i, i + SUBSCRIPTIONS_PER_GROUP));
    return groups;
  }
  const perSub = new Map<string, number>();
  for (const c of counts) perSub.set(idKey(c.subscriptionId), (perSub.get(idKey(c.subscriptionId)) ?? 0) + c.vms);
  const groups: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const sub of subscriptions) {
    const n = perSub.get(idKey(sub)) ?? 0;
    if (current.length > 0 && size + n > VMS_PER_GROUP) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(sub);
    size += n;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

export type GraphInventoryOptions = InventoryOptions & {
  /** VMs per subscription (and region), to size the VM queries (see subscriptionGroups) and to read the regions' sizes early. */
  vmCounts?: readonly { subscriptionId: string; location?: string; vms: number }[];
};

/** The size lists worth starting before any VM arrives: the counted regions (in scope), else the scope's regions. */
export function earlyListings(scope: FleetScope, counts: GraphInventoryOptions['vmCounts']): SizeListing[] {
  const chosen = scope.regions && scope.regions.length > 0 ? new Set(scope.regions.map(regionKey)) : null;
  const inScope = new Set(scope.subscriptions.map(idKey));
  const counted = (counts ?? []).flatMap((c) =>
    c.location && c.vms > 0 && inScope.has(idKey(c.subscriptionId)) && (chosen === null || chosen.has(regionKey(c.location))) ? [{ location: regionKey(c.location), subscriptionId: c.subscriptionId }] : [],
  );
  if (counted.length > 0) return listingsOf(counted);
  const first = scope.subscriptions[0];
  return chosen && first !== undefined ? [...chosen].map((region) => ({ region, subscriptionId: first })) : [];
}

type Network = { subnets: FleetSubnet[]; nsgs: ReturnType<typeof nsgFromGraph>[]; truncated: string[] };

function partFrom(rows: readonly GraphVmRow[], network: Network, sizes: RegionSizes, scope: FleetScope, requests: { graph: number; arm: number }, readAt: string): FleetInventory {
  // A VM with two protected items (a stopped protection kept in another vault) comes as two rows.
  const vms = new Map<string, FleetVm>();
  const nics = new Map<string, FleetNic>();
  const items = new Map<string, FleetProtectedItem>();
  for (const row of rows) {
    const key = idKey(row.id);
    if (!vms.has(key)) {
      vms.set(key, vmFromGraph(row));
      nicsOf(row.nics ?? [], nics);
    }
    const item = protectedItemFrom(row);
    if (item) items.set(idKey(item.id), item);
  }
  applySizes([...vms.values()], sizes);
  return {
    source: 'graph',
    scope,
    vms: [...vms.values()],
    nics: [...nics.values()],
    subnets: network.subnets,
    nsgs: network.nsgs,
    protectedItems: [...items.values()],
    requests,
    truncated: network.truncated,
    readAt,
  };
}

/**
 * The subnets and NSG queries first (they are small and every row needs them), the VM query per group of
 * subscriptions beside them, and the size lists of the regions known in advance; each group is handed to
 * onPart as soon as it is read and its regions' sizes are in (its rows can be built at once: a part carries
 * every subnet and NSG), then the whole inventory is returned.
 */
export async function readInventoryFromGraph(graph: GraphRunner, scope: FleetScope, options: GraphInventoryOptions, catalog: SizeCatalog): Promise<FleetInventory> {
  const { onProgress, onPart, signal, now = () => new Date() } = options;
  const target = { subscriptions: scope.subscriptions };
  const queryOptions = signal ? { abortSignal: signal } : {};
  const requests = { graph: 0, arm: 0 };
  let vmCount = 0;
  const stagesDone: InventoryStage[] = [];
  const groups = subscriptionGroups(scope.subscriptions, options.vmCounts);
  let groupsDone = 0;
  const report = (stages: InventoryStage[], sent: { graph?: number; arm?: number }, vms = 0): void => {
    requests.graph += sent.graph ?? 0;
    requests.arm += sent.arm ?? 0;
    vmCount += vms;
    stagesDone.push(...stages);
    onProgress?.({ source: 'graph', requests: requests.graph + requests.arm, vms: vmCount, stagesDone: [...stagesDone] });
  };

  const network: Promise<Network> = Promise.all([
    graph<GraphSubnetRow>(subnetQuery(scope.regions), target, queryOptions),
    graph<GraphNsgRow>(nsgQuery(scope.regions), target, queryOptions),
  ]).then(([subnetRows, nsgRows]) => {
    const subnets = new Map<string, FleetSubnet>();
    for (const row of subnetRows.rows) {
      const nsgId = present(row.nsgId);
      subnets.set(idKey(row.subnetId), nsgId ? { id: row.subnetId, nsgId } : { id: row.subnetId });
    }
    report(['subnets', 'nsgs'], { graph: subnetRows.pages + nsgRows.pages });
    return { subnets: [...subnets.values()], nsgs: nsgRows.rows.map(nsgFromGraph), truncated: truncatedVnets(subnetRows.rows) };
  });
  network.catch(() => undefined);
  const early = catalog.load(earlyListings(scope, options.vmCounts)).then((loaded) => report([], { arm: loaded.requests }));

  const parts = await mapConcurrent(groups, GROUP_CONCURRENCY, async (group) => {
    const result = await graph<GraphVmRow>(vmQuery(scope.regions), { subscriptions: group }, queryOptions);
    const regions = listingsOf(result.rows.map((row) => ({ location: regionKey(row.location), subscriptionId: row.subscriptionId })));
    // The early lists first, so this part's load only asks for what they didn't cover (and counts what it sent).
    const sizes = await early.then(() => catalog.load(regions));
    const sent = { graph: result.pages, arm: sizes.requests };
    const part = partFrom(result.rows, await network, sizes.sizes, { ...scope, subscriptions: group }, sent, now().toISOString());
    groupsDone++;
    report(groupsDone === groups.length ? ['vms', 'protection'] : [], sent, part.vms.length);
    onPart?.(part);
    return part;
  });

  const net = await network;
  const nics = parts.flatMap((p) => p.nics);
  // As the list path does: only NSGs the inventory's NICs and subnets reference.
  const referenced = referencedNsgIds(nics, net.subnets);
  return {
    source: 'graph',
    scope,
    vms: parts.flatMap((p) => p.vms),
    nics,
    subnets: net.subnets,
    nsgs: net.nsgs.filter((n) => n.id !== undefined && referenced.has(idKey(n.id))),
    protectedItems: parts.flatMap((p) => p.protectedItems),
    requests: { ...requests },
    truncated: net.truncated,
    readAt: now().toISOString(),
  };
}
