// One table row per VM of the fleet inventory, whichever path read it: readiness facts, the network cell
// (from the NSG pairs' rules), protection (which vault, which policy) and the verdict. Pure.
//
// A row says where each of its answers came from. The agent, its extensions and what the guest reports exist
// only in each VM's instance view; until that is read (agent-reader.ts) the row says 'notRead' and the rules
// that need them are left out of its verdict, then withAgent() re-evaluates that one row. withEffectiveNetwork()
// does the same when Azure's effective rules confirm (or correct) the verdict computed from the NSGs.
import {
  agentFrom,
  evaluateVm,
  extensionsFrom,
  osOf,
  powerStateFrom,
  RULES,
  type AgentFacts,
  type NetworkReport,
  type OsInfo,
  type OsProfileLike,
  type PowerState,
  type VaultContext,
  type VmFacts,
  type VmReadiness,
  verdictOf,
} from '../../readiness/index.ts';
import { BACKUP_API_VERSION } from '../api-versions.ts';
import type { VmInstanceViewLike } from '../vm-wire.ts';
import { createPairEvaluator, indexNetwork, networkFromRules, type FleetNetwork, type NetworkSource, type PairEvaluator } from './network-verdicts.ts';
import { idKey, lastSegment } from './normalise.ts';
import type { FleetInventory, FleetProtectedItem, FleetVm } from './types.ts';

/**
 * notRead: not read (yet): a running VM outside the chosen regions, or one still queued. read: from its
 * instance view. notRunning: stopped or deallocated, so its agent can't report (nothing to read). gone: deleted
 * since the inventory. failed: the read failed (the row keeps the error).
 */
export type AgentSource = 'notRead' | 'read' | 'notRunning' | 'gone' | 'failed';

export type FleetAgent = { source: AgentSource; readAt?: string; error?: string };

export type FleetProtection = {
  vaultId: string;
  vaultName: string;
  policyName: string;
  policyId: string;
  /** As the service words it: IRPending, Protected, ProtectionError, ProtectionStopped … */
  protectionState: string;
};

export type FleetRow = {
  facts: VmFacts;
  os: OsInfo;
  zones: string[];
  network: FleetNetwork;
  agent: FleetAgent;
  /** null: no vault protects the VM (as far as the reader could see). */
  protection: FleetProtection | null;
  readiness: VmReadiness;
  /** The vault the limitation rules were evaluated against. */
  vault: VaultContext;
  /** What the agent read needs: the osProfile's provisionVMAgent. */
  osProfile?: OsProfileLike;
};

export type FleetRowOptions = {
  /**
   * The vault each VM would join. Default: a vault still to be chosen in the VM's own subscription and
   * region (id ''), so the region and subscription rules pass and any existing protection shows as another
   * vault's.
   */
  vaultFor?: (vm: FleetVm) => VaultContext;
  /** Shared across calls to reuse pair verdicts; tests pass one to count evaluations. */
  evaluator?: PairEvaluator;
};

export function ownRegionVault(vm: Pick<FleetVm, 'location' | 'subscriptionId'>): VaultContext {
  // With the backup api-version protection would be enabled with, as gatherVmReadiness gives it (Trusted Launch rule).
  return { id: '', name: `a vault in ${vm.location}`, location: vm.location, subscriptionId: vm.subscriptionId, backupApiVersion: BACKUP_API_VERSION };
}

const AGENT_RULES = new Set(RULES.filter((rule) => rule.reads.some((fact) => fact === 'agent' || fact === 'extensions')).map((rule) => rule.id));

const READABLE: ReadonlySet<PowerState> = new Set<PowerState>(['running', 'starting', 'unknown']);

/** Whether the VM's agent can be read now: running, starting, or a power state Azure didn't say. */
export function agentReadable(powerState: PowerState): boolean {
  return READABLE.has(powerState);
}

function evaluate(facts: VmFacts, vault: VaultContext, report: NetworkReport, agent: AgentSource): VmReadiness {
  const evaluated = evaluateVm(facts, vault, report);
  if (agent === 'read' || agent === 'notRunning') return evaluated;
  // Without the instance view the agent and extension rules would only say "unknown": leave them out.
  const findings = evaluated.findings.filter((f) => !AGENT_RULES.has(f.ruleId));
  return { verdict: verdictOf(findings), findings };
}

/** A stopped VM's power state alone says why its agent is unknown. */
function unreadAgent(powerState: PowerState, osProfile: OsProfileLike | undefined): AgentFacts {
  return agentFrom({ statuses: [{ code: `PowerState/${powerState}` }] }, osProfile);
}

function chooseItem(items: readonly FleetProtectedItem[] | undefined): FleetProtectedItem | undefined {
  if (!items || items.length === 0) return undefined;
  // A protection stopped with its data kept in one vault, active in another: the active one says where it is.
  return items.find((i) => i.protectionState !== 'ProtectionStopped') ?? items[0];
}

function protectionOf(item: FleetProtectedItem | undefined): FleetProtection | null {
  if (!item) return null;
  return { vaultId: item.vaultId, vaultName: lastSegment(item.vaultId), policyName: item.policyName, policyId: item.policyId, protectionState: item.protectionState };
}

function networkCounts(vm: FleetVm, nics: ReadonlyMap<string, FleetInventory['nics'][number]>) {
  let staticPublicIpCount = 0;
  let behindLoadBalancer = false;
  for (const ref of vm.nics) {
    for (const config of nics.get(idKey(ref.id))?.ipConfigurations ?? []) {
      if (config.loadBalanced) behindLoadBalancer = true;
      if (config.staticPublicIp) staticPublicIpCount++;
    }
  }
  return { nicCount: vm.nics.length, staticPublicIpCount, behindLoadBalancer };
}

/** Every VM of the inventory as a row, in inventory order. */
export function buildFleetRows(inventory: FleetInventory, options: FleetRowOptions = {}): FleetRow[] {
  const vaultFor = options.vaultFor ?? ownRegionVault;
  const evaluator = options.evaluator ?? createPairEvaluator();
  const index = indexNetwork(inventory);
  const items = new Map<string, FleetProtectedItem[]>();
  for (const item of inventory.protectedItems) {
    const list = items.get(idKey(item.vmId)) ?? [];
    list.push(item);
    items.set(idKey(item.vmId), list);
  }

  return inventory.vms.map((vm): FleetRow => {
    const osProfile: OsProfileLike | undefined =
      vm.provisionVMAgent === undefined ? undefined : vm.windowsConfiguration ? { windowsConfiguration: { provisionVMAgent: vm.provisionVMAgent } } : { linuxConfiguration: { provisionVMAgent: vm.provisionVMAgent } };
    const item = chooseItem(items.get(idKey(vm.id)));
    const agentSource: AgentSource = agentReadable(vm.powerState) ? 'notRead' : 'notRunning';
    const agent: AgentFacts = agentSource === 'notRunning' ? unreadAgent(vm.powerState, osProfile) : { status: 'unknown', ...(vm.provisionVMAgent === undefined ? {} : { provisionVMAgent: vm.provisionVMAgent }) };
    const facts: VmFacts = {
      id: vm.id,
      name: vm.name,
      subscriptionId: vm.subscriptionId,
      resourceGroup: vm.resourceGroup,
      location: vm.location,
      size: vm.size,
      osType: vm.osType || (vm.windowsConfiguration ? 'Windows' : 'Linux'),
      dataDiskCount: vm.dataDiskCount,
      // Shared with the inventory, not copied (50,000 rows): neither rows nor the rules change them.
      disks: vm.disks,
      powerState: vm.powerState,
      agent,
      extensions: [],
      ...networkCounts(vm, index.nics),
      tags: { ...vm.tags },
      protection: item ? { state: 'protected', vaultId: item.vaultId, vaultName: lastSegment(item.vaultId) } : { state: 'unprotected' },
    };
    if (vm.image) facts.image = { ...vm.image };
    if (vm.securityType) facts.securityType = vm.securityType;
    if (vm.sizeSpec) facts.sizeSpec = vm.sizeSpec;
    const network = networkFromRules(vm, index, evaluator);
    const vault = vaultFor(vm);
    const row: FleetRow = {
      facts,
      os: osOf(facts),
      zones: [...vm.zones],
      network,
      agent: { source: agentSource },
      protection: protectionOf(item),
      readiness: evaluate(facts, vault, network.report, agentSource),
      vault,
    };
    if (osProfile) row.osProfile = osProfile;
    return row;
  });
}

/** What one per-VM read found: the instance view, or that the VM is gone, or the error. */
export type AgentReadResult =
  | { vmId: string; outcome: 'read'; view: VmInstanceViewLike; readAt: string }
  | { vmId: string; outcome: 'gone'; readAt: string }
  | { vmId: string; outcome: 'failed'; error: string; readAt: string };

/** The row with its agent, extensions and guest OS from the instance view, re-evaluated. */
export function withAgent(row: FleetRow, result: AgentReadResult): FleetRow {
  if (result.outcome !== 'read') {
    const agent: FleetAgent = result.outcome === 'failed' ? { source: 'failed', readAt: result.readAt, error: result.error } : { source: 'gone', readAt: result.readAt };
    return { ...row, agent, readiness: evaluate(row.facts, row.vault, row.network.report, agent.source) };
  }
  const view = result.view;
  const facts: VmFacts = { ...row.facts, agent: agentFrom(view, row.osProfile), extensions: extensionsFrom(view) };
  // The instance view's power state is newer than the inventory's.
  const power = powerStateFrom(view.statuses);
  if (power !== 'unknown') facts.powerState = power;
  if (view.osName) facts.osName = view.osName;
  if (view.osVersion) facts.osVersion = view.osVersion;
  return { ...row, facts, os: osOf(facts), agent: { source: 'read', readAt: result.readAt }, readiness: evaluate(facts, row.vault, row.network.report, 'read') };
}

/** The row with the verdict from Azure's effective rules for its primary NIC, re-evaluated. */
export function withEffectiveNetwork(row: FleetRow, report: NetworkReport): FleetRow {
  const network: FleetNetwork = { ...row.network, report, source: 'effective' satisfies NetworkSource };
  return { ...row, network, readiness: evaluate(row.facts, row.vault, report, row.agent.source) };
}

/** The row evaluated against another vault (the user picked one for its region). */
export function withVault(row: FleetRow, vault: VaultContext): FleetRow {
  return { ...row, vault, readiness: evaluate(row.facts, vault, row.network.report, row.agent.source) };
}
