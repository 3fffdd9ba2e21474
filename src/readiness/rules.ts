// Every readiness rule, and the verdict for one VM: any blocker → blocked, any warning (or a network
// path that is blocked or can't be confirmed) → needs attention, otherwise ready.

import { AGENT_RULES } from './agent.ts';
import type { VaultContext, VmFacts } from './facts.ts';
import type { Finding, Rule, Severity } from './finding.ts';
import { PLATFORM_ADDRESS } from './limits.ts';
import type { NetworkReport, NetworkVerdict } from './network.ts';
import { OS_RULES } from './os-rules.ts';
import { guide2016, prepareToday, supportMatrix, type Source } from './sources.ts';
import { VM_RULES } from './vm-rules.ts';

export const RULES: readonly Rule[] = [...VM_RULES, ...AGENT_RULES, ...OS_RULES];

export type Verdict = 'ready' | 'attention' | 'blocked';
export type VmReadiness = { verdict: Verdict; findings: Finding[] };

const RANK: Record<Severity, number> = { blocker: 0, warning: 1, info: 2 };

export function evaluateVm(facts: VmFacts, vault: VaultContext, network?: NetworkVerdict | NetworkReport): VmReadiness {
  const findings = [
    ...RULES.flatMap((rule) => rule.evaluate(facts, vault) ?? []),
    ...(network ? networkFindings(network) : []),
  ].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  const verdict: Verdict = findings.some((f) => f.severity === 'blocker')
    ? 'blocked'
    : findings.some((f) => f.severity === 'warning')
      ? 'attention'
      : 'ready';
  return { verdict, findings };
}

const NETWORK_SOURCE = guide2016('Network connectivity');

/** A blocked or unconfirmed path needs attention rather than blocking: today VM backup needs no explicit outbound rule. */
export function networkFindings(network: NetworkVerdict | NetworkReport): Finding[] {
  const report: Pick<NetworkReport, 'overall' | 'platformDenies'> = 'overall' in network ? network : { overall: network, platformDenies: [] };
  const findings: Finding[] = [];
  const v = report.overall;
  if (v.status === 'blocked') {
    findings.push({
      ruleId: 'network-blocked',
      severity: 'warning',
      message: `NSG ${v.nsg} blocks outbound HTTPS (TCP 443) to ${v.destination} with rule ${v.rule} (priority ${v.priority}). The backup extension may fail (ExtensionSnapshotFailedNoNetwork).`,
      remediation: `Add outbound allow rules for the Storage, AzureBackup and AzureActiveDirectory service tags on TCP 443 with priority numbers below ${v.priority}, or route the traffic through an HTTP proxy.`,
      source: NETWORK_SOURCE,
    });
  } else if (v.status === 'unknown') {
    findings.push({
      ruleId: 'network-unknown',
      severity: 'warning',
      message: `Couldn't confirm that the VM can reach Azure over HTTPS: ${v.reason}`,
      remediation: "Check the rule named, or review the NIC's effective security rules in the portal.",
      source: NETWORK_SOURCE,
    });
  }
  for (const deny of report.platformDenies) {
    findings.push({
      ruleId: 'network-platform-address',
      severity: 'warning',
      message: `Rule ${deny.rule} (priority ${deny.priority}) in NSG ${deny.nsg} denies ${deny.prefix}, which includes ${PLATFORM_ADDRESS.value.ip}: the VM agent needs that Azure address on ports ${PLATFORM_ADDRESS.value.ports.join(', ')}.`,
      remediation: `Remove the rule or narrow it so it no longer covers ${PLATFORM_ADDRESS.value.ip}.`,
      source: PLATFORM_ADDRESS.source,
    });
  }
  return findings;
}

export type GeneralNote = { id: string; message: string; source: Source };

/** Limitations that apply to every VM, shown once rather than per VM. */
export const GENERAL_NOTES: readonly GeneralNote[] = [
  {
    id: 'restore-replace-vm',
    message: "Replacing an existing VM during restore isn't supported: restoring a VM that still exists fails. (Today you can replace its disks instead.)",
    source: guide2016('Limitations when backing up and restoring a VM'),
  },
  {
    id: 'one-vault-per-region',
    message: 'A vault protects VMs in its own region and subscription. With VMs in several regions, create a vault in each region.',
    source: guide2016('Create a recovery services vault for a VM'),
  },
  {
    id: 'cross-region',
    message: "The 2016 guide doesn't support cross-region backup or restore. Today a geo-redundant vault can restore to its paired region.",
    source: supportMatrix('Supported restore methods'),
  },
  {
    id: 'reserved-ip',
    message: 'The guide excludes VMs with a reserved IP address and no defined endpoint. That applies to classic VMs; Resource Manager VMs have no endpoints.',
    source: guide2016('Limitations when backing up and restoring a VM'),
  },
  {
    id: 'network-today',
    message: `Today Azure VM backup needs no explicit outbound rule, but the VM must reach ${PLATFORM_ADDRESS.value.ip} and keep DHCP enabled in the guest.`,
    source: prepareToday('Network connectivity'),
  },
];
