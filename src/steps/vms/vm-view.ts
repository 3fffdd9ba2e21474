// What the Virtual machines table shows for each VM, computed once per discovery so that filtering,
// sorting and searching thousands of rows only compares ready-made strings and numbers.
import type { GatherVault } from '../../azure/vm-readiness.ts';
import type { VmRow } from '../../azure/vm-facts.ts';
import {
  acceptableFindings,
  distroName,
  enhancedReasons,
  taggedAsDomainController,
  VERDICT_LABELS,
  type Finding,
  type Verdict,
} from '../../readiness/index.ts';
import type { VmSummary } from '../../store/vms-slice.ts';

export type OsGroup = 'windows' | 'linux' | 'unknown';

export type VmView = {
  id: string;
  /** Lower-cased id, for selection lookups. */
  key: string;
  name: string;
  resourceGroup: string;
  location: string;
  os: string;
  osGroup: OsGroup;
  size: string;
  dataDisks: number;
  power: string;
  agent: string;
  network: string;
  networkStatus: 'open' | 'denied' | 'unknown';
  protection: string;
  verdict: Verdict;
  /** The one line under the verdict: why it is blocked or needs attention, or the note most worth reading. */
  reason: string;
  /** Why it can't be selected for this vault, or null when it can. */
  whyNot: string | null;
  /** What needs attention and is accepted here, when selecting it (its OS, size, disks…). */
  attention: Finding[];
  /** What needs attention and is checked again, and accepted, on the VM agent or Network step. */
  laterAttention: Finding[];
  /** Why it needs an Enhanced policy; empty when a Standard one will do. */
  needsEnhanced: string[];
  row: VmRow;
  search: string;
};

const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
const normaliseRegion = (region: string): string => region.replace(/\s+/g, '').toLowerCase();

export function osLabel(row: VmRow): string {
  const { os, facts } = row;
  if (os.family === 'windowsServer') return os.version ? `Windows Server ${os.version}` : 'Windows Server';
  if (os.family === 'windowsClient') return os.version ? `Windows ${os.version}` : 'Windows';
  if (os.family === 'linux' && os.distro) return os.version ? `${distroName(os.distro)} ${os.version}` : distroName(os.distro);
  return facts.osName ? `${facts.osType} (${facts.osName})` : `${facts.osType}, unidentified`;
}

function osGroupOf(row: VmRow): OsGroup {
  if (row.os.family === 'windowsServer' || row.os.family === 'windowsClient') return 'windows';
  if (row.os.family === 'linux') return 'linux';
  return row.facts.osType === 'Windows' ? 'windows' : row.facts.osType === 'Linux' ? 'linux' : 'unknown';
}

const POWER_LABELS: Record<VmRow['facts']['powerState'], string> = {
  running: 'Running',
  stopped: 'Stopped',
  deallocated: 'Deallocated',
  starting: 'Starting',
  stopping: 'Stopping',
  deallocating: 'Deallocating',
  unknown: 'Unknown',
};

export function agentLabel(row: VmRow): string {
  if (!row.inVaultScope) return 'Not read (other region)';
  const { agent } = row.facts;
  switch (agent.status) {
    case 'ready':
      return agent.version ? `Ready (${agent.version})` : 'Ready';
    case 'notReady':
      return 'Not ready';
    case 'notReporting':
      return 'Not reporting';
    case 'notInstalled':
      return 'Not installed';
    case 'unknown':
      return agent.unknownReason === 'vmNotRunning' ? 'Unknown (VM not running)' : 'Unknown';
  }
}

/** The state of the path to Azure Storage (the guide's), and any deny of the platform address: facts, not the verdict. */
export function networkLabel(row: VmRow): string {
  const { overall, platformDenies } = row.network.report;
  const platform = platformDenies.find((d) => d.certain);
  if (platform) return `168.63.129.16 denied by ${platform.nsg}`;
  if (overall.status === 'open') return 'Open';
  if (overall.status === 'denied') return `HTTPS denied by ${overall.nsg}`;
  return 'Unknown';
}

export function protectionLabel(row: VmRow, vault: GatherVault): string {
  const { protection } = row.facts;
  if (!row.inVaultScope) return 'Not checked';
  const vaultName = protection.vaultName ?? 'another vault';
  const thisVault = protection.vaultId !== undefined && sameName(protection.vaultId, vault.id);
  switch (protection.state) {
    case 'unprotected':
      return 'Unprotected';
    case 'protected':
      return thisVault ? `Protected by ${vault.name} (this vault)` : `Protected by ${vaultName}`;
    case 'protecting':
      return `Being protected by ${thisVault ? `${vault.name} (this vault)` : vaultName}`;
    case 'unknown':
      return 'Unknown';
  }
}

/** Null when the VM may be selected for this vault; otherwise the reason, in a few words. */
export function whyNotSelectable(row: VmRow, vault: GatherVault): string | null {
  const { facts } = row;
  if (normaliseRegion(facts.location) !== normaliseRegion(vault.location)) return `Needs a vault in ${facts.location}`;
  if (!sameName(facts.subscriptionId, vault.subscriptionId)) return "Needs a vault in the VM's subscription";
  const { protection } = facts;
  const thisVault = protection.vaultId !== undefined && sameName(protection.vaultId, vault.id);
  if (protection.state === 'protected') return thisVault ? 'Already protected by this vault' : `Protected by ${protection.vaultName ?? 'another vault'}`;
  if (protection.state === 'protecting') return `Protection is being set up by ${thisVault ? 'this vault' : (protection.vaultName ?? 'another vault')}`;
  if (row.readiness.verdict === 'blocked') {
    const blocker = row.readiness.findings.find((f) => f.severity === 'blocker');
    return blocker ? `${VERDICT_LABELS.blocked}: ${blocker.message}` : VERDICT_LABELS.blocked;
  }
  return null;
}

/** Notes that apply to nearly every VM; the row shows something more specific when there is one. */
function isRoutine(finding: Finding, row: VmRow): boolean {
  if (finding.ruleId === 'backup-extension' && finding.severity === 'info') return true;
  return finding.ruleId === 'domain-controller' && !taggedAsDomainController(row.facts.tags);
}

export function reasonLine(row: VmRow, whyNot: string | null): string {
  const { verdict, findings } = row.readiness;
  if (!row.inVaultScope && whyNot) return whyNot;
  if (verdict === 'blocked') return findings.find((f) => f.severity === 'blocker')?.message ?? VERDICT_LABELS.blocked;
  if (verdict === 'attention') return findings.find((f) => f.severity === 'attention')?.message ?? VERDICT_LABELS.attention;
  if (whyNot) return whyNot;
  return findings.find((f) => !isRoutine(f, row))?.message ?? 'No problems found.';
}

export function toView(row: VmRow, vault: GatherVault): VmView {
  const { facts } = row;
  const whyNot = whyNotSelectable(row, vault);
  const needing = acceptableFindings(row.readiness.findings);
  return {
    id: facts.id,
    key: facts.id.toLowerCase(),
    name: facts.name,
    resourceGroup: facts.resourceGroup,
    location: facts.location,
    os: osLabel(row),
    osGroup: osGroupOf(row),
    size: facts.size,
    dataDisks: facts.dataDiskCount,
    power: POWER_LABELS[facts.powerState],
    agent: agentLabel(row),
    network: networkLabel(row),
    networkStatus: row.network.report.overall.status,
    protection: protectionLabel(row, vault),
    verdict: row.readiness.verdict,
    reason: reasonLine(row, whyNot),
    whyNot,
    attention: needing.filter((f) => f.area === 'vm'),
    laterAttention: needing.filter((f) => f.area !== 'vm'),
    needsEnhanced: enhancedReasons(facts, vault.backupApiVersion),
    row,
    search: `${facts.name}\n${facts.resourceGroup}`.toLowerCase(),
  };
}

/** What later steps keep about a selected VM; `accepted` when the user accepted its findings here. */
export function summaryOf(view: VmView, accepted?: readonly string[]): VmSummary {
  const summary: VmSummary = { name: view.name, resourceGroup: view.resourceGroup, verdict: view.verdict };
  if (view.attention.length > 0) summary.attention = view.attention.map((f) => f.ruleId);
  if (accepted && accepted.length > 0) summary.accepted = [...accepted];
  if (view.needsEnhanced.length > 0) summary.needsEnhanced = [...view.needsEnhanced];
  return summary;
}

/** A VM whose findings here must be accepted before it can be selected. */
export const needsAcceptance = (view: VmView): boolean => view.whyNot === null && view.attention.length > 0;
