// The fleet inventory from ARM list calls, for users without Resource Graph: per subscription the VM lists
// (profiles, and power states with statusOnly), NICs, public IPs, VNets and NSGs, and protection from each
// vault's protected items — no discovery (refreshContainers) and no per-VM backupStatus — and the size list of
// each region not read yet this session (vm-sizes.ts). Requests grow with pages, subscriptions and regions,
// never with VMs. Normalised exactly as read-graph.ts does, so rows agree.
import { nsgFrom, powerStateFrom } from '../../readiness/index.ts';
import { resourceGroupOf } from '../arm-ids.ts';
import type { ArmClients } from '../clients.ts';
import { collectPages, mapConcurrent } from '../paging.ts';
import { disksOf, fieldsOf, securityTypeOf, type NicLike, type NsgListItemLike, type PublicIpLike, type VmLike, type VnetLike } from '../vm-wire.ts';
import { idKey, imageFrom, lastSegment, osTypeFrom, present, referencedNsgIds, regionKey, securityTypeFrom, subscriptionOf, tagsFrom, zonesFrom } from './normalise.ts';
import { vaultIdOfItem } from './read-graph.ts';
import type { FleetInventory, FleetNic, FleetProtectedItem, FleetScope, FleetSubnet, FleetVm, InventoryOptions, InventoryStage } from './types.ts';
import { applySizes, listingsOf, type RegionSizes, type SizeCatalog } from './vm-sizes.ts';

/** Subscriptions read at once (each runs its lists side by side; buckets are per subscription). */
export const SUBSCRIPTION_CONCURRENCY = 4;

type VmListed = VmLike & { zones?: readonly string[] | undefined };

type ProtectedItemLike = {
  id?: string | undefined;
  properties?: { sourceResourceId?: string | undefined; policyId?: string | undefined; policyName?: string | undefined; protectionState?: string | undefined } | undefined;
};

export function vmFromList(vm: VmListed & { id: string; name: string }, status: VmLike | undefined): FleetVm {
  const fields = fieldsOf(vm);
  const statusFields = status ? fieldsOf(status) : undefined;
  const os = fields.osProfile;
  const out: FleetVm = {
    id: vm.id,
    name: vm.name,
    subscriptionId: subscriptionOf(vm.id),
    resourceGroup: resourceGroupOf(vm.id),
    location: regionKey(vm.location),
    size: fields.hardwareProfile?.vmSize ?? '',
    osType: osTypeFrom(fields.storageProfile?.osDisk?.osType),
    windowsConfiguration: Boolean(os?.windowsConfiguration),
    dataDiskCount: fields.storageProfile?.dataDisks?.length ?? 0,
    disks: disksOf(fields),
    zones: zonesFrom(vm.zones),
    tags: tagsFrom(vm.tags),
    powerState: powerStateFrom(statusFields?.instanceView?.statuses),
    nics: (fields.networkProfile?.networkInterfaces ?? []).flatMap((ref) => (ref.id ? [{ id: ref.id, primary: fieldsOf(ref).primary === true }] : [])),
  };
  const image = imageFrom(fields.storageProfile?.imageReference ?? {});
  if (image) out.image = image;
  const provision = os?.windowsConfiguration?.provisionVMAgent ?? os?.linuxConfiguration?.provisionVMAgent;
  if (typeof provision === 'boolean') out.provisionVMAgent = provision;
  const securityType = securityTypeFrom(securityTypeOf(fields));
  if (securityType) out.securityType = securityType;
  return out;
}

export function nicFromList(nic: NicLike & { id: string }, staticIps: ReadonlySet<string>): FleetNic {
  const fields = fieldsOf(nic);
  const out: FleetNic = {
    id: nic.id,
    name: nic.name ?? lastSegment(nic.id),
    ipConfigurations: (fields.ipConfigurations ?? []).map((raw) => {
      const c = fieldsOf(raw);
      const config: FleetNic['ipConfigurations'][number] = {
        primary: c.primary === true,
        staticPublicIp: c.publicIPAddress?.id ? staticIps.has(idKey(c.publicIPAddress.id)) : false,
        loadBalanced: (c.loadBalancerBackendAddressPools?.length ?? 0) > 0 || (c.loadBalancerInboundNatRules?.length ?? 0) > 0,
      };
      const privateIp = present(c.privateIPAddress);
      if (privateIp) config.privateIp = privateIp;
      const subnetId = present(c.subnet?.id);
      if (subnetId) config.subnetId = subnetId;
      const publicIpId = present(c.publicIPAddress?.id);
      if (publicIpId) config.publicIpId = publicIpId;
      return config;
    }),
  };
  const nsgId = present(fields.networkSecurityGroup?.id);
  if (nsgId) out.nsgId = nsgId;
  return out;
}

/** What one subscription's list calls returned (SDK objects or ARM's wire JSON alike). */
export type SubscriptionLists = {
  vms: VmListed[];
  statuses: VmLike[];
  nics: NicLike[];
  publicIps: PublicIpLike[];
  vnets: VnetLike[];
  nsgs: NsgListItemLike[];
  items: ProtectedItemLike[];
  /** The size lists of its VMs' regions. */
  sizes: RegionSizes;
  pages: number;
};

type RegionFilter = ReadonlySet<string> | null;

const regionFilterOf = (scope: FleetScope): RegionFilter => (scope.regions && scope.regions.length > 0 ? new Set(scope.regions.map(regionKey)) : null);

const inRegion = (regions: RegionFilter, location: string | null | undefined) => regions === null || regions.has(regionKey(location));

async function readSubscription(
  clients: ArmClients,
  subscriptionId: string,
  regions: RegionFilter,
  catalog: SizeCatalog,
  onStage: (stage: InventoryStage, vms?: number) => void,
): Promise<SubscriptionLists> {
  const [compute, network, vaultsClient, backup] = await Promise.all([
    clients.compute(subscriptionId),
    clients.network(subscriptionId),
    clients.recoveryServices(subscriptionId),
    clients.backup(subscriptionId),
  ]);
  let pages = 0;
  const counted = async <T>(list: Promise<{ items: T[]; pages: number }>): Promise<T[]> => {
    const result = await list;
    pages += result.pages;
    return result.items;
  };
  const protection = (async () => {
    const vaults = await counted(collectPages(vaultsClient.vaults.listBySubscriptionId()));
    const perVault = await Promise.all(
      vaults.flatMap((vault) =>
        vault.id && vault.name
          ? [counted(collectPages<ProtectedItemLike>(
              backup.backupProtectedItems.list(vault.name, resourceGroupOf(vault.id), { filter: "backupManagementType eq 'AzureIaasVM' and itemType eq 'VM'" }),
            ))]
          : [],
      ),
    );
    onStage('protection');
    return perVault.flat();
  })();
  const vmList = counted(collectPages<VmListed>(compute.virtualMachines.listAll()));
  // The regions' sizes as soon as the VMs say which regions they are in (beside the other lists).
  const sizes = vmList.then(async (v) => {
    const loaded = await catalog.load(listingsOf(v.flatMap((vm) => (inRegion(regions, vm.location) ? [{ location: regionKey(vm.location), subscriptionId }] : []))));
    pages += loaded.requests;
    return loaded.sizes;
  });
  const [vms, statuses, nics, publicIps, vnets, nsgs, items, regionSizes] = await Promise.all([
    vmList.then((v) => {
      onStage('vms', v.length);
      return v;
    }),
    counted(collectPages<VmLike>(compute.virtualMachines.listAll({ statusOnly: 'true' }))),
    counted(collectPages<NicLike>(network.networkInterfaces.listAll())),
    counted(collectPages<PublicIpLike>(network.publicIPAddresses.listAll())),
    counted(collectPages<VnetLike>(network.virtualNetworks.listAll())).then((v) => {
      onStage('subnets');
      return v;
    }),
    counted(collectPages<NsgListItemLike>(network.networkSecurityGroups.listAll())).then((v) => {
      onStage('nsgs');
      return v;
    }),
    protection,
    sizes,
  ]);
  return { vms, statuses, nics, publicIps, vnets, nsgs, items, sizes: regionSizes, pages };
}

/** One subscription's lists as inventory parts, restricted to the scope's regions. */
function normaliseSubscription(lists: SubscriptionLists, regions: RegionFilter) {
  const statuses = new Map(lists.statuses.map((s) => [idKey(s.id), s]));
  const vms = lists.vms.flatMap((vm) =>
    vm.id && vm.name && inRegion(regions, vm.location) ? [vmFromList({ ...vm, id: vm.id, name: vm.name }, statuses.get(idKey(vm.id)))] : [],
  );
  applySizes(vms, lists.sizes);
  const vmIds = new Map(vms.map((vm) => [idKey(vm.id), vm.id]));
  const staticIps = new Set(
    lists.publicIps.filter((p) => (fieldsOf(p).publicIPAllocationMethod ?? '').toLowerCase() === 'static').map((p) => idKey(p.id)),
  );
  // As Resource Graph's join does: a NIC belongs to the VM it says it is attached to.
  const nics = lists.nics.flatMap((nic) => (nic.id && vmIds.has(idKey(fieldsOf(nic).virtualMachine?.id)) ? [nicFromList({ ...nic, id: nic.id }, staticIps)] : []));
  const subnets: FleetSubnet[] = lists.vnets
    .filter((vnet) => inRegion(regions, (vnet as { location?: string }).location))
    .flatMap((vnet) =>
      (fieldsOf(vnet).subnets ?? []).flatMap((subnet) => {
        if (!subnet.id) return [];
        const nsgId = present(fieldsOf(subnet).networkSecurityGroup?.id);
        return [nsgId ? { id: subnet.id, nsgId } : { id: subnet.id }];
      }),
    );
  const protectedItems = lists.items.flatMap((item): FleetProtectedItem[] => {
    const vmId = vmIds.get(idKey(item.properties?.sourceResourceId));
    if (!item.id || !vmId) return [];
    const policyId = item.properties?.policyId ?? '';
    return [{
      id: item.id,
      vmId,
      vaultId: vaultIdOfItem(item.id),
      policyId,
      policyName: present(item.properties?.policyName) ?? lastSegment(policyId),
      protectionState: item.properties?.protectionState ?? '',
    }];
  });
  return { vms, nics, subnets, nsgs: lists.nsgs, protectedItems };
}

/** The inventory from each subscription's lists (pure: also what the tests feed with the emulator's wire JSON). */
export function inventoryFromLists(lists: readonly SubscriptionLists[], scope: FleetScope, readAt: string): FleetInventory {
  const regions = regionFilterOf(scope);
  const parts = lists.map((l) => normaliseSubscription(l, regions));
  const nics = parts.flatMap((p) => p.nics);
  const subnets = parts.flatMap((p) => p.subnets);
  const referenced = referencedNsgIds(nics, subnets);
  return {
    source: 'lists',
    scope,
    vms: parts.flatMap((p) => p.vms),
    nics,
    subnets,
    nsgs: parts.flatMap((p) => p.nsgs).filter((n) => n.id && referenced.has(idKey(n.id))).map((n) => nsgFrom(n)),
    protectedItems: parts.flatMap((p) => p.protectedItems),
    requests: { graph: 0, arm: lists.reduce((sum, l) => sum + l.pages, 0) },
    truncated: [],
    readAt,
  };
}

export async function readInventoryFromLists(clients: ArmClients, scope: FleetScope, options: InventoryOptions, catalog: SizeCatalog): Promise<FleetInventory> {
  const regions = regionFilterOf(scope);
  const { onProgress, now = () => new Date() } = options;
  let vmsSoFar = 0;
  let requests = 0;
  const stages = new Map<InventoryStage, number>();
  const report = () =>
    onProgress?.({
      source: 'lists',
      requests,
      vms: vmsSoFar,
      stagesDone: [...stages].filter(([, n]) => n >= scope.subscriptions.length).map(([s]) => s),
    });
  // Each subscription is a part of its own: its NICs can only use its own VNets and NSGs.
  const parts = await mapConcurrent(scope.subscriptions, SUBSCRIPTION_CONCURRENCY, async (sub) => {
    if (options.signal?.aborted) throw options.signal.reason instanceof Error ? options.signal.reason : new DOMException('Aborted', 'AbortError');
    const read = await readSubscription(clients, sub, regions, catalog, (stage, vms) => {
      stages.set(stage, (stages.get(stage) ?? 0) + 1);
      if (vms !== undefined) vmsSoFar += vms;
      report();
    });
    requests += read.pages;
    report();
    const part = inventoryFromLists([read], { ...scope, subscriptions: [sub] }, now().toISOString());
    options.onPart?.(part);
    return part;
  });
  return {
    source: 'lists',
    scope,
    vms: parts.flatMap((p) => p.vms),
    nics: parts.flatMap((p) => p.nics),
    subnets: parts.flatMap((p) => p.subnets),
    nsgs: parts.flatMap((p) => p.nsgs),
    protectedItems: parts.flatMap((p) => p.protectedItems),
    requests: { graph: 0, arm: requests },
    truncated: [],
    readAt: now().toISOString(),
  };
}
