// Whether a VM can be protected with a given policy: some VMs need the Enhanced policy (Trusted Launch under
// older backup API versions, Ultra Disk, Premium SSD v2), and agentless crash-consistent policies fit only
// some sizes and disks. The 2016 guide knew one kind of policy, so these rules have today's source only.

import type { VmFacts } from './facts.ts';
import type { Finding } from './finding.ts';
import { AGENTLESS_LIMITS, ENHANCED_ONLY_DISKS, TRUSTED_LAUNCH_STANDARD_FROM } from './limits.ts';
import { says } from './sources.ts';

export type PolicyKind = {
  name: string;
  /** V1 Standard, V2 Enhanced; null when not known. */
  policyType: 'V1' | 'V2' | null;
  /** snapshotConsistencyType OnlyCrashConsistent: agentless crash-consistent backups. */
  crashConsistentOnly?: boolean;
};

type DiskView = Pick<VmFacts, 'securityType' | 'disks'>;

const apiDate = (version: string) => version.slice(0, 10);

/** Why this VM needs an Enhanced policy, in a few words each; empty when a Standard one will do. */
export function enhancedReasons(facts: DiskView, backupApiVersion: string | undefined): string[] {
  const reasons: string[] = [];
  const from = TRUSTED_LAUNCH_STANDARD_FROM.value;
  // Without the api-version the wizard would send, assume an older one: refusing is the safe side.
  if (facts.securityType?.toLowerCase() === 'trustedlaunch' && (backupApiVersion === undefined || apiDate(backupApiVersion) < from)) {
    reasons.push(
      backupApiVersion === undefined
        ? `Trusted Launch: a Standard policy needs backup API ${from} or later`
        : `Trusted Launch: a Standard policy needs backup API ${from} or later, and this wizard uses ${backupApiVersion}`,
    );
  }
  const bySku = new Map<string, string[]>();
  for (const disk of facts.disks) {
    const kind = disk.sku ? ENHANCED_ONLY_DISKS.value[disk.sku.toLowerCase()] : undefined;
    if (kind) bySku.set(kind, [...(bySku.get(kind) ?? []), disk.name]);
  }
  for (const [kind, names] of bySku) reasons.push(`${kind} disk${names.length === 1 ? '' : 's'} ${names.join(', ')}`);
  return reasons;
}

type SizeFeatures = { premium: boolean; amd: boolean; version: number | undefined };

/** Reads what a size name says: Standard_D4as_v7 is premium-capable (s), AMD (a), version 7. */
export function sizeFeatures(size: string): SizeFeatures {
  const parts = size.replace(/^(standard|basic)_/i, '').split('_');
  const head = parts[0] ?? '';
  const family = /^[A-Za-z]+/.exec(head)?.[0] ?? '';
  const features = head.slice(family.length).replace(/^[\d-]+/, '');
  const version = parts.map((p) => /^v(\d+)$/i.exec(p)?.[1]).find((v) => v !== undefined);
  return {
    premium: features.includes('s') || /S$/.test(family),
    amd: features.includes('a'),
    version: version === undefined ? undefined : Number(version),
  };
}

/** Why agentless crash-consistent backup can't protect this VM; empty when it can. */
export function agentlessProblems(facts: Pick<VmFacts, 'size' | 'disks'>): string[] {
  const { intelFrom, amdFrom } = AGENTLESS_LIMITS.value;
  const problems: string[] = [];
  const size = sizeFeatures(facts.size);
  if (!size.premium) problems.push(`size ${facts.size} is not premium-storage capable`);
  if (size.version !== undefined && size.version >= (size.amd ? amdFrom : intelFrom)) {
    problems.push(`size ${facts.size} uses Azure Boost (${size.amd ? `AMD v${amdFrom}` : `Intel v${intelFrom}`} or later)`);
  }
  for (const disk of facts.disks) {
    const kind = disk.sku ? ENHANCED_ONLY_DISKS.value[disk.sku.toLowerCase()] : undefined;
    if (kind) problems.push(`${kind} disk ${disk.name}`);
    if (disk.writeAccelerator) problems.push(`write-accelerated disk ${disk.name}`);
  }
  return problems;
}

const ENHANCED_TODAY = says(
  TRUSTED_LAUNCH_STANDARD_FROM.source,
  `the Standard policy doesn't protect Ultra Disk or Premium SSD v2, and protects Trusted Launch VMs only through backup API ${TRUSTED_LAUNCH_STANDARD_FROM.value} or later`,
);
const AGENTLESS_TODAY = says(
  AGENTLESS_LIMITS.source,
  `agentless crash-consistent backup needs an Enhanced policy, a premium-storage size that isn't Azure Boost (Intel v${AGENTLESS_LIMITS.value.intelFrom}+, AMD v${AGENTLESS_LIMITS.value.amdFrom}+), and no ${AGENTLESS_LIMITS.value.disks.join(', ')} disks`,
);

/** What stops this policy from protecting this VM: Blocked findings, or none. */
export function policyFindings(facts: DiskView & Pick<VmFacts, 'size'>, policy: PolicyKind, backupApiVersion: string | undefined): Finding[] {
  const findings: Finding[] = [];
  const reasons = enhancedReasons(facts, backupApiVersion);
  if (policy.policyType === 'V1' && reasons.length > 0) {
    findings.push({
      ruleId: 'policy-needs-enhanced',
      severity: 'blocker',
      area: 'vm',
      message: `Policy ${policy.name} is a Standard policy, and this VM needs an Enhanced one (${reasons.join('; ')}). Azure refuses to protect it with a Standard policy.`,
      remediation: 'Choose or create an Enhanced policy on the Policy step, or leave this VM out.',
      sources: { today: ENHANCED_TODAY },
    });
  }
  if (policy.crashConsistentOnly) {
    const problems = [...(policy.policyType === 'V1' ? ['the policy is not Enhanced'] : []), ...agentlessProblems(facts)];
    if (problems.length > 0) {
      findings.push({
        ruleId: 'policy-agentless',
        severity: 'blocker',
        area: 'vm',
        message: `Policy ${policy.name} takes agentless crash-consistent backups, which can't protect this VM: ${problems.join('; ')}.`,
        remediation: 'Use an application-consistent (agent-based) policy for this VM.',
        sources: { today: AGENTLESS_TODAY },
      });
    }
  }
  return findings;
}
