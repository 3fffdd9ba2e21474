// Every readiness rule, and the verdict for one VM: any blocker → Blocked, anything needing attention →
// Needs attention, otherwise Ready. Notes never change the verdict.

import { AGENT_RULES } from './agent.ts';
import type { VaultContext, VmFacts } from './facts.ts';
import type { Finding, Rule } from './finding.ts';
import { PLATFORM_ADDRESS } from './limits.ts';
import type { NetworkReport, NetworkVerdict } from './network.ts';
import { NETWORK_RULE_TITLES, networkFindings, type NetworkContext } from './network-rules.ts';
import { OS_RULES } from './os-rules.ts';
import { EXTENSIONS_NETWORK_DOC, guide2016, supportMatrix, type Source } from './sources.ts';
import { bySeverity, verdictOf, type Verdict } from './verdict.ts';
import { VM_RULES } from './vm-rules.ts';

export const RULES: readonly Rule[] = [...VM_RULES, ...AGENT_RULES, ...OS_RULES];

export type VmReadiness = { verdict: Verdict; findings: Finding[] };

/** Write-accelerated data disks, which change what the network must allow. */
export function writeAcceleratorDisks(facts: Pick<VmFacts, 'disks'>): number {
  return facts.disks.filter((d) => d.writeAccelerator).length;
}

export function evaluateVm(
  facts: VmFacts,
  vault: VaultContext,
  network?: NetworkVerdict | NetworkReport,
  context: Omit<NetworkContext, 'writeAcceleratorDisks'> = {},
): VmReadiness {
  const findings = bySeverity([
    ...RULES.flatMap((rule) => rule.evaluate(facts, vault) ?? []),
    ...(network ? networkFindings(network, { ...context, writeAcceleratorDisks: writeAcceleratorDisks(facts) }) : []),
  ]);
  return { verdict: verdictOf(findings), findings };
}

const TITLES: ReadonlyMap<string, string> = new Map([
  ...RULES.map((rule) => [rule.id, rule.title] as const),
  ...Object.entries(NETWORK_RULE_TITLES),
  ['policy-needs-enhanced', 'A Standard policy for a VM that needs Enhanced'],
  ['policy-agentless', 'An agentless policy the VM cannot use'],
]);

/** The few words naming a rule in lists and the summary; the id's words for a rule this build doesn't know. */
export function ruleTitle(ruleId: string): string {
  return TITLES.get(ruleId) ?? ruleId.replace(/-/g, ' ');
}

export type GeneralNote = { id: string; message: string; source: Source };

/** Limitations that apply to every VM, shown once rather than per VM. */
export const GENERAL_NOTES: readonly GeneralNote[] = [
  {
    id: 'restore-replace-vm',
    message: "The 2016 guide didn't support replacing an existing VM during restore. Today you can replace its disks instead (Replace existing).",
    source: supportMatrix('Supported restore methods'),
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
    message: `Today Azure VM backup needs no explicit outbound rule with a supported agent, but the VM must reach ${PLATFORM_ADDRESS.value.ip} (ports ${PLATFORM_ADDRESS.value.requiredPorts.join(' and ')}) and keep DHCP enabled in the guest.`,
    source: EXTENSIONS_NETWORK_DOC,
  },
  {
    id: 'linux-guest',
    message: "Linux VMs are backed up only when 64-bit, without a ZFS pool, and with /var and /var/lib not mounted noexec: Azure can't see these from outside the guest, so check them yourself.",
    source: supportMatrix('Support for Linux backup'),
  },
  {
    id: 'restore-point-lock',
    message: 'Azure Backup keeps instant restore snapshots in resource groups named AzureBackupRG_<region>_<n>. A lock on such a group stops it deleting old restore points, and backups fail once the limit is reached.',
    source: supportMatrix('Supported backup actions'),
  },
];
