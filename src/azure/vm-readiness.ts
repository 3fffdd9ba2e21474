// Gathers the readiness table of every VM in the vault's subscription with as few requests as Azure
// allows: list calls (requests grow with pages) for everything Azure can list, and one request per VM
// only where it can't — the instance view (agent, extensions, guest OS) and backupStatus — and only for
// the VMs this vault could protect. Runs in the browser and in Node (the benchmark).
import { powerStateFrom, type VaultContext } from '../readiness/index.ts';
import type { ArmClients } from './clients.ts';
import { mapConcurrent } from './paging.ts';
import { buildVmRows, sameRegion, type VmRow } from './vm-facts.ts';
import { backupStatusOf, listProtectableVmIds, listVaultProtectedVmIds, refreshContainers } from './vm-discovery.ts';
import { BACKUP_API_VERSION } from './api-versions.ts';
import { listNetwork, listVmProfiles, listVmSizes, listVmStatuses, NETWORK_LIST_COUNT, readInstanceView } from './vm-inventory.ts';
import { fieldsOf, type BackupStatusLike, type VmInstanceViewLike, type VmLike } from './vm-wire.ts';

/** The vault the table is for: the readiness rules' context plus where the vault lives. */
export type GatherVault = VaultContext & { resourceGroup: string };

export type GatherStageId = 'refresh' | 'vms' | 'network' | 'agents' | 'protection';
export type GatherStage = { state: 'waiting' | 'running' | 'done'; done: number; total: number | null };
export type GatherProgress = Record<GatherStageId, GatherStage>;

export type GatherStats = {
  /** Pages read per list call (one request each). */
  listPages: Record<'vmProfiles' | 'vmStatuses' | 'vmSizes' | 'nics' | 'nsgs' | 'publicIps' | 'loadBalancers' | 'vnets' | 'protectableItems' | 'protectedItems', number>;
  /** The refresh POST and its polls. */
  refreshRequests: number;
  /** One request per VM, where Azure has no list call: only VMs in the vault's region (instance views: not stopped). */
  perVm: { instanceView: number; backupStatus: number };
  vmCount: number;
  inScopeCount: number;
};

export type VmReadinessTable = { vault: GatherVault; rows: VmRow[]; gatheredAt: string; stats: GatherStats };

export type GatherOptions = {
  onProgress?: (progress: GatherProgress) => void;
  /** Per-VM requests in flight at once. */
  concurrency?: number;
  sleep?: (ms: number) => Promise<void>;
  signal?: AbortSignal;
  now?: () => Date;
};

export const DEFAULT_CONCURRENCY = 8;

export function initialGatherProgress(): GatherProgress {
  const waiting = (): GatherStage => ({ state: 'waiting', done: 0, total: null });
  return { refresh: waiting(), vms: waiting(), network: waiting(), agents: waiting(), protection: waiting() };
}

/** A promise that runs while the caller awaits something else: its failure is still seen when it is awaited. */
function inBackground<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new DOMException('The operation was aborted.', 'AbortError');
}

export async function gatherVmReadiness(clients: ArmClients, vault: GatherVault, options: GatherOptions = {}): Promise<VmReadinessTable> {
  const { onProgress, concurrency = DEFAULT_CONCURRENCY, signal, now = () => new Date() } = options;
  const progress = initialGatherProgress();
  const update = (id: GatherStageId, change: Partial<GatherStage>): void => {
    progress[id] = { ...progress[id], ...change };
    onProgress?.({ ...progress });
  };
  // The rules' context: the vault, and the backup api-version its protection would be enabled with.
  const context: GatherVault = { ...vault, backupApiVersion: BACKUP_API_VERSION };
  const locator = { subscriptionId: vault.subscriptionId, resourceGroup: vault.resourceGroup, vaultName: vault.name };
  const sub = vault.subscriptionId;

  update('refresh', { state: 'running' });
  let refreshRequests = 0;
  const discovery = inBackground(
    (async () => {
      const polls = await refreshContainers(clients, locator, {
        ...(options.sleep ? { sleep: options.sleep } : {}),
        onPoll: (n) => update('refresh', { done: n }),
      });
      refreshRequests = 1 + polls;
      update('refresh', { state: 'done' });
      return listProtectableVmIds(clients, locator);
    })(),
  );
  const byVault = inBackground(listVaultProtectedVmIds(clients, locator));

  update('vms', { state: 'running' });
  update('network', { state: 'running', total: NETWORK_LIST_COUNT });
  const network = inBackground(listNetwork(clients, sub, (done) => update('network', { done })));
  // One list per region; without it the size rule is skipped rather than the table lost.
  const sizes = inBackground(listVmSizes(clients, sub, vault.location).catch(() => ({ items: [], pages: 0 })));
  const [profiles, statuses] = await Promise.all([
    listVmProfiles(clients, sub, (count) => update('vms', { done: count })),
    inBackground(listVmStatuses(clients, sub)),
  ]);
  update('vms', { state: 'done', done: profiles.items.length, total: profiles.items.length });
  throwIfAborted(signal);

  const inScope = profiles.items.filter(
    (vm): vm is VmLike & { id: string; name: string } =>
      Boolean(vm.id && vm.name) && sameRegion(vm.location ?? '', vault.location) && vm.id?.split('/')[2]?.toLowerCase() === sub.toLowerCase(),
  );
  // A stopped or deallocated VM's agent can't report: its instance view would add nothing the status list
  // doesn't say, so only VMs that may be running are read one by one.
  const powerById = new Map(statuses.items.map((vm) => [(vm.id ?? '').toLowerCase(), powerStateFrom(fieldsOf(vm).instanceView?.statuses)]));
  const toRead = inScope.filter((vm) => {
    const power = powerById.get(vm.id.toLowerCase());
    return power !== 'stopped' && power !== 'deallocated';
  });
  update('agents', { state: 'running', total: toRead.length });
  let agentsRead = 0;
  const views = await mapConcurrent(toRead, concurrency, async (vm) => {
    throwIfAborted(signal);
    const view = await readInstanceView(clients, vm.id, vm.name);
    update('agents', { done: ++agentsRead });
    return view;
  });
  update('agents', { state: 'done' });
  const instanceViews = new Map<string, VmInstanceViewLike>();
  const gone = new Set<string>();
  toRead.forEach((vm, i) => {
    const view = views[i];
    if (view) instanceViews.set(vm.id, view);
    else gone.add(vm.id.toLowerCase()); // deleted since it was listed
  });

  const networkLists = await network;
  update('network', { state: 'done' });
  const [protectable, protectedIds] = await Promise.all([discovery, byVault]);
  throwIfAborted(signal);

  // Protectable items omit every protected VM, whichever vault protects it: only backupStatus names that vault.
  const known = new Set([...protectable.ids, ...protectedIds.ids].map((id) => id.toLowerCase()));
  const toCheck = inScope.filter((vm) => !known.has(vm.id.toLowerCase()) && !gone.has(vm.id.toLowerCase()));
  update('protection', { state: 'running', total: toCheck.length });
  let checked = 0;
  const statusesByVm = await mapConcurrent(toCheck, concurrency, async (vm): Promise<[string, BackupStatusLike | 'failed']> => {
    throwIfAborted(signal);
    let status: BackupStatusLike | 'failed';
    try {
      status = await backupStatusOf(clients, vm.id, vault.location);
    } catch {
      // One VM's unknown protection is a finding on its row, not a reason to lose the whole table.
      status = 'failed';
    }
    update('protection', { done: ++checked });
    return [vm.id, status];
  });
  update('protection', { state: 'done' });

  const vms = profiles.items.filter((vm) => !gone.has((vm.id ?? '').toLowerCase()));
  const sizeList = await sizes;
  const rows = buildVmRows({
    vault: context,
    sizes: sizeList.items,
    vms,
    statuses: statuses.items,
    instanceViews,
    nics: networkLists.nics.items,
    nsgs: networkLists.nsgs.items,
    publicIps: networkLists.publicIps.items,
    loadBalancers: networkLists.loadBalancers.items,
    vnets: networkLists.vnets.items,
    protection: { protectableVmIds: protectable.ids, protectedByVault: protectedIds.ids, backupStatus: new Map(statusesByVm) },
  });
  return {
    vault: context,
    rows,
    gatheredAt: now().toISOString(),
    stats: {
      listPages: {
        vmProfiles: profiles.pages,
        vmStatuses: statuses.pages,
        vmSizes: sizeList.pages,
        nics: networkLists.nics.pages,
        nsgs: networkLists.nsgs.pages,
        publicIps: networkLists.publicIps.pages,
        loadBalancers: networkLists.loadBalancers.pages,
        vnets: networkLists.vnets.pages,
        protectableItems: protectable.pages,
        protectedItems: protectedIds.pages,
      },
      refreshRequests,
      perVm: { instanceView: toRead.length, backupStatus: toCheck.length },
      vmCount: rows.length,
      inScopeCount: inScope.length - gone.size,
    },
  };
}
