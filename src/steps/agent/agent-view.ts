// What the VM agent step shows for one VM, from the one read of its profile and instance view. Pure: the
// rules come from src/readiness, this only picks the ones about the agent and labels the facts.
import type { VmCheckRead } from '../../azure/vm-check-read.ts';
import {
  acceptableFindings,
  agentFrom,
  bySeverity,
  compareVersions,
  extensionsFrom,
  isVersion,
  MIN_AGENT_TODAY,
  MIN_WINDOWS_AGENT,
  powerStateFrom,
  RULES,
  verdictOf,
  type AgentFacts,
  type Finding,
  type OsType,
  type PowerState,
  type VaultContext,
  type VmFacts,
} from '../../readiness/index.ts';
import type { AgentLevel } from '../../store/agent-slice.ts';

/** The rules this step checks in full (and takes the acceptance of): the agent, its extensions, the power state. */
export const AGENT_STEP_RULES = RULES.filter((rule) => rule.area === 'agent');

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
  /** Today's minimum for the OS, and the 2016 guide's (Windows only). */
  version: { text: string; belowMinimum: boolean; minimum?: string; guideMinimum?: string };
  provisioned: 'yes' | 'no' | 'unknown';
  extension: BackupExtensionView;
  findings: Finding[];
  level: AgentLevel;
  /** Rule ids of the findings needing attention, for the acknowledgement. */
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
  if (!isVersion(agent.version)) return { text: agent.version, belowMinimum: false };
  const minimum = MIN_AGENT_TODAY.value[osType];
  const version: AgentVmView['version'] = { text: agent.version, belowMinimum: compareVersions(agent.version, minimum) < 0, minimum };
  if (osType === 'Windows') version.guideMinimum = MIN_WINDOWS_AGENT.value;
  return version;
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
    size: read.size,
    osType: read.osType,
    dataDiskCount: 0,
    disks: [],
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

export function agentView(read: VmCheckRead): AgentVmView {
  const powerState = powerStateFrom(read.instanceView.statuses);
  const agent = agentFrom(read.instanceView, read.osProfile);
  const facts = factsFor(read, agent, powerState);
  // No rule picked here reads the vault; the context only satisfies the signature.
  const vault: VaultContext = { id: '', name: '', location: read.location, subscriptionId: facts.subscriptionId };
  const extension = extensionOf(read, agent);
  const findings = bySeverity(
    AGENT_STEP_RULES.flatMap((rule) => rule.evaluate(facts, vault) ?? [])
      // With the agent silent, "no extension listed" means "not reported", not "not installed".
      .filter((f) => !(f.ruleId === 'backup-extension' && extension.state === 'unreported')),
  );
  const level: AgentLevel = verdictOf(findings);
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
    warnings: acceptableFindings(findings).map((f) => f.ruleId),
  };
  if (read.instanceView.osName) view.osName = read.instanceView.osName;
  return view;
}
