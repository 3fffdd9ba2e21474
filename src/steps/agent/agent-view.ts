// What the VM agent step shows for one VM, from the one read of its profile and instance view. Pure: the
// rules come from src/readiness, this only picks the ones about the agent and labels the facts.
import type { VmCheckRead } from '../../azure/vm-check-read.ts';
import {
  agentFrom,
  compareVersions,
  extensionsFrom,
  isVersion,
  MIN_WINDOWS_AGENT,
  powerStateFrom,
  RULES,
  type AgentFacts,
  type Finding,
  type OsType,
  type PowerState,
  type VaultContext,
  type VmFacts,
} from '../../readiness/index.ts';
import type { AgentLevel } from '../../store/agent-slice.ts';

/** The facts this step reads; only rules reading nothing else are evaluated here. */
const AGENT_FACTS: ReadonlySet<keyof VmFacts> = new Set<keyof VmFacts>(['agent', 'osType', 'extensions', 'powerState']);
export const AGENT_STEP_RULES = RULES.filter((rule) => rule.reads.every((fact) => AGENT_FACTS.has(fact)));

export type BackupExtensionView =
  | { state: 'present'; name: string; status: string; failed: boolean; version?: string }
  /** The agent reports and lists no backup extension: the service installs it at the first backup. */
  | { state: 'absent'; name: string }
  /** The agent isn't reporting, so the instance view can't say. */
  | { state: 'unreported'; name: string };

export type AgentVmView = {
  id: string;
  name: string;
  resourceGroup: string;
  osType: OsType;
  /** What the guest reports, e.g. "Windows Server 2022 Datacenter". */
  osName?: string;
  powerState: PowerState;
  agent: AgentFacts;
  statusLabel: string;
  version: { text: string; belowMinimum: boolean; minimum?: string };
  provisioned: 'yes' | 'no' | 'unknown';
  extension: BackupExtensionView;
  findings: Finding[];
  level: AgentLevel;
  /** Rule ids of the warnings, for the acknowledgement. */
  warnings: string[];
};

export const POWER_LABELS: Record<PowerState, string> = {
  running: 'Running',
  stopped: 'Stopped',
  deallocated: 'Deallocated',
  starting: 'Starting',
  stopping: 'Stopping',
  deallocating: 'Deallocating',
  unknown: 'Unknown',
};

export function agentStatusLabel(agent: AgentFacts, powerState: PowerState): string {
  switch (agent.status) {
    case 'ready':
      return 'Ready';
    case 'notReady':
      return 'Not ready';
    case 'notReporting':
      return 'Not reporting';
    case 'notInstalled':
      return 'Not installed';
    case 'unknown':
      if (agent.unknownReason === 'vmStarting') return "Can't be read: the VM is starting";
      if (agent.unknownReason === 'powerStateUnknown') return "Can't be read: power state unknown";
      return `Can't be read: the VM is ${POWER_LABELS[powerState].toLowerCase()}`;
  }
}

function versionOf(agent: AgentFacts, osType: OsType): AgentVmView['version'] {
  if (agent.version === undefined) return { text: 'Not reported', belowMinimum: false };
  if (osType !== 'Windows' || !isVersion(agent.version)) return { text: agent.version, belowMinimum: false };
  const minimum = MIN_WINDOWS_AGENT.value;
  return { text: agent.version, belowMinimum: compareVersions(agent.version, minimum) < 0, minimum };
}

const BACKUP_EXTENSION = /(^|\.)vmsnapshot(linux)?$/i;

function extensionOf(read: VmCheckRead, agent: AgentFacts): BackupExtensionView {
  const name = read.osType === 'Windows' ? 'VMSnapshot' : 'VMSnapshotLinux';
  const view = read.instanceView;
  const ext = view.extensions.find((e) => BACKUP_EXTENSION.test(e.type ?? e.name ?? ''));
  const handler = view.vmAgent?.extensionHandlers.find((h) => BACKUP_EXTENSION.test(h.type));
  if (ext || handler) {
    const status = ext?.statuses[0] ?? handler?.status;
    const failed = status?.level?.toLowerCase() === 'error' || /failed/i.test(`${status?.code ?? ''} ${status?.displayStatus ?? ''}`);
    const out: BackupExtensionView = { state: 'present', name, status: status?.displayStatus ?? status?.code ?? 'Status not reported', failed };
    const version = ext?.typeHandlerVersion ?? handler?.typeHandlerVersion;
    if (version) out.version = version;
    return out;
  }
  return agent.status === 'ready' ? { state: 'absent', name } : { state: 'unreported', name };
}

// The rules picked above read only agent, osType, extensions and powerState; the other facts are never read.
function factsFor(read: VmCheckRead, agent: AgentFacts, powerState: PowerState): VmFacts {
  return {
    id: read.id,
    name: read.name,
    subscriptionId: read.id.split('/')[2] ?? '',
    resourceGroup: read.resourceGroup,
    location: read.location,
    size: '',
    osType: read.osType,
    dataDiskCount: 0,
    powerState,
    agent,
    extensions: extensionsFrom(read.instanceView),
    nicCount: read.nicIds.length,
    staticPublicIpCount: 0,
    behindLoadBalancer: false,
    tags: {},
    protection: { state: 'unknown' },
  };
}

const RANK = { blocker: 0, warning: 1, info: 2 } as const;

export function agentView(read: VmCheckRead): AgentVmView {
  const powerState = powerStateFrom(read.instanceView.statuses);
  const agent = agentFrom(read.instanceView, read.osProfile);
  const facts = factsFor(read, agent, powerState);
  // No rule picked here reads the vault; the context only satisfies the signature.
  const vault: VaultContext = { id: '', name: '', location: read.location, subscriptionId: facts.subscriptionId };
  const extension = extensionOf(read, agent);
  const findings = AGENT_STEP_RULES.flatMap((rule) => rule.evaluate(facts, vault) ?? [])
    // With the agent silent, "no extension listed" means "not reported", not "not installed".
    .filter((f) => !(f.ruleId === 'backup-extension' && extension.state === 'unreported'))
    .sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  const level: AgentLevel = findings.some((f) => f.severity === 'blocker') ? 'blocker' : findings.some((f) => f.severity === 'warning') ? 'warning' : 'ok';
  const provision = agent.provisionVMAgent;
  const view: AgentVmView = {
    id: read.id,
    name: read.name,
    resourceGroup: read.resourceGroup,
    osType: read.osType,
    powerState,
    agent,
    statusLabel: agentStatusLabel(agent, powerState),
    version: versionOf(agent, read.osType),
    provisioned: provision === undefined ? 'unknown' : provision ? 'yes' : 'no',
    extension,
    findings,
    level,
    warnings: findings.filter((f) => f.severity === 'warning').map((f) => f.ruleId),
  };
  if (read.instanceView.osName) view.osName = read.instanceView.osName;
  return view;
}
