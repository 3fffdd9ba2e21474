// The fleet inventory from Resource Graph: three paged queries (VMs with their NICs and protection, subnets,
// referenced NSGs) run side by side, their rows mapped into the normalised inventory.
import { nsgFrom, powerStateFrom, type NsgLike, type SecurityRuleLike } from '../../readiness/index.ts';
import { resourceGroupOf } from '../arm-ids.ts';
import { nsgQuery, subnetQuery, vmQuery, type GraphNicConfigRow, type GraphNsgRow, type GraphSubnetRow, type GraphVmRow } from './fleet-queries.ts';
import { idKey, imageFrom, lastSegment, osTypeFrom, present, referencedNsgIds, regionKey, tagsFrom, zonesFrom } from './normalise.ts';
import type { FleetInventory, FleetNic, FleetProtectedItem, FleetScope, FleetSubnet, FleetVm, InventoryOptions, InventoryStage } from './types.ts';

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

export function vmFromGraph(row: GraphVmRow): FleetVm {
  const vm: FleetVm = {
    id: row.id,
    name: row.name,
    subscriptionId: present(row.subscriptionId) ?? '',
    resourceGroup: resourceGroupOf(row.id),
    location: regionKey(row.location),
    size: row.size ?? '',
    osType: osTypeFrom(row.osType),
    windowsConfiguration: row.windowsConfiguration === true,
    dataDiskCount: row.dataDiskCount ?? 0,
    zones: zonesFrom(row.zones),
    tags: tagsFrom(row.tags),
    powerState: powerStateFrom(present(row.powerState) ? [{ code: row.powerState }] : undefined),
    nics: (row.nicRefs ?? []).flatMap((ref) => (ref.id ? [{ id: ref.id, primary: ref.properties?.primary === true }] : [])),
  };
  const image = imageFrom({ publisher: row.imagePublisher, offer: row.imageOffer, sku: row.imageSku, version: row.imageVersion });
  if (image) vm.image = image;
  const provision = row.windowsAgent ?? row.linuxAgent;
  if (typeof provision === 'boolean') vm.provisionVMAgent = provision;
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

export async function readInventoryFromGraph(graph: GraphRunner, scope: FleetScope, options: InventoryOptions = {}): Promise<FleetInventory> {
  const { onProgress, signal, now = () => new Date() } = options;
  const target = { subscriptions: scope.subscriptions };
  const queryOptions = signal ? { abortSignal: signal } : {};
  let requests = 0;
  let vmCount = 0;
  const stagesDone: InventoryStage[] = [];
  const done = (stages: InventoryStage[], pages: number, vms = 0): void => {
    requests += pages;
    vmCount += vms;
    stagesDone.push(...stages);
    onProgress?.({ source: 'graph', requests, vms: vmCount, stagesDone: [...stagesDone] });
  };

  const [vmRows, subnetRows, nsgRows] = await Promise.all([
    graph<GraphVmRow>(vmQuery(scope.regions), target, queryOptions).then((r) => {
      done(['vms', 'protection'], r.pages, r.rows.length);
      return r;
    }),
    graph<GraphSubnetRow>(subnetQuery(scope.regions), target, queryOptions).then((r) => {
      done(['subnets'], r.pages);
      return r;
    }),
    graph<GraphNsgRow>(nsgQuery(scope.regions), target, queryOptions).then((r) => {
      done(['nsgs'], r.pages);
      return r;
    }),
  ]);

  // A VM with two protected items (a stopped protection kept in another vault) comes as two rows.
  const vms = new Map<string, FleetVm>();
  const nics = new Map<string, FleetNic>();
  const items = new Map<string, FleetProtectedItem>();
  for (const row of vmRows.rows) {
    const key = idKey(row.id);
    if (!vms.has(key)) {
      vms.set(key, vmFromGraph(row));
      nicsOf(row.nics ?? [], nics);
    }
    const item = protectedItemFrom(row);
    if (item) items.set(idKey(item.id), item);
  }
  const subnets = new Map<string, FleetSubnet>();
  for (const row of subnetRows.rows) {
    const nsgId = present(row.nsgId);
    subnets.set(idKey(row.subnetId), nsgId ? { id: row.subnetId, nsgId } : { id: row.subnetId });
  }
  // As the list path does: only NSGs the inventory's NICs and subnets reference.
  const referenced = referencedNsgIds([...nics.values()], [...subnets.values()]);
  return {
    source: 'graph',
    scope,
    vms: [...vms.values()],
    nics: [...nics.values()],
    subnets: [...subnets.values()],
    nsgs: nsgRows.rows.filter((row) => referenced.has(idKey(row.id))).map(nsgFromGraph),
    protectedItems: [...items.values()],
    requests: { graph: requests, arm: 0 },
    truncated: truncatedVnets(subnetRows.rows),
    readAt: now().toISOString(),
  };
}
