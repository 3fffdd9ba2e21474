// What a network report means for backup today, beside what the 2016 guide asked. The guide made outbound
// HTTPS to Azure a prerequisite; today a VM with a supported agent needs no explicit outbound rule, but
// must reach the platform address 168.63.129.16. So:
// - a deny of 168.63.129.16 on 80 or 32526 (or on 443 where the guide's proxy path is used) is Blocked;
// - HTTPS to Azure Storage (the guide's backup path) denied or unconfirmed needs attention, with the guide's fixes;
// - an allow to Storage before a deny of the rest of the Internet leaves the path open, and says so;
// - write-accelerated disks still need the Internet.

import type { Finding, Severity } from './finding.ts';
import { bySeverity } from './verdict.ts';
import { BACKUP_SERVICE_TAGS, PLATFORM_ADDRESS } from './limits.ts';
import type { NetworkReport, NetworkVerdict, PlatformDeny, RuleRef } from './network.ts';
import { EXTENSIONS_NETWORK_DOC, guide2016, prepareToday, says, supportMatrix, type RuleSources } from './sources.ts';

export type NetworkContext = {
  /** Data disks with write accelerator on: their backup needs Internet access, even when they are excluded. */
  writeAcceleratorDisks?: number;
  /** The user routes backup traffic through the guide's HTTP proxy. */
  guidePath?: boolean;
};

const GUIDE_NETWORK = guide2016('Network connectivity');
const ip = PLATFORM_ADDRESS.value.ip;

export const NETWORK_SOURCES = {
  platform: {
    today: says(EXTENSIONS_NETWORK_DOC, `extensions fail when ${ip} is blocked, even with a supported agent and outbound access; ports 80 and 32526 are required`),
    guide: says(GUIDE_NETWORK, `asked only for outbound connectivity to Azure's public IP addresses and didn't mention ${ip}`),
  },
  outbound: {
    today: says(prepareToday('Apply a backup policy'), "explicit outbound connectivity isn't required to back up Azure VMs with a supported agent (it talks to Azure through 168.63.129.16)"),
    guide: says(GUIDE_NETWORK, 'required outbound HTTPS to Azure, opened by allow-listing the Azure datacenter IP ranges or through an HTTP proxy'),
  },
  writeAccelerator: {
    today: says(supportMatrix('VM storage support'), 'VMs with write accelerator disks need internet connectivity for a successful backup, even when those disks are excluded'),
  },
} satisfies Record<string, RuleSources>;

export const NETWORK_RULE_TITLES: Readonly<Record<string, string>> = {
  'network-platform-address': `An NSG denies the platform address ${ip}`,
  'network-platform-https': `An NSG may deny the platform address ${ip}`,
  'network-outbound-denied': 'Outbound HTTPS to Azure Storage is denied',
  'network-unknown': 'The outbound HTTPS path could not be confirmed',
  'network-storage-open': 'HTTPS to Azure Storage is open, the rest is denied',
  'network-write-accelerator': 'Write-accelerated disks need Internet access',
};

const ruleText = (r: RuleRef) => `rule ${r.rule} (priority ${r.priority}) in NSG ${r.nsg}`;
const capital = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
const portsText = (d: PlatformDeny) => d.ports.map((p) => `TCP ${p}`).join(', ');

function platformFinding(deny: PlatformDeny, guidePath: boolean): Finding {
  const required = deny.ports.some((p) => PLATFORM_ADDRESS.value.requiredPorts.includes(p));
  const blocks = deny.certain && (required || guidePath);
  const severity: Severity = blocks ? 'blocker' : 'attention';
  const why = !deny.certain
    ? `It may not apply to this VM (its source couldn't be matched), so check it.`
    : required
      ? 'The VM agent needs that address for every extension, the backup extension included: backups cannot work.'
      : guidePath
        ? 'With backup traffic going through the HTTP proxy, the agent reaches the platform over HTTPS too: backups cannot work.'
        : 'Only HTTPS is denied; the agent uses it when traffic goes the guide’s way (through a proxy).';
  return {
    ruleId: blocks ? 'network-platform-address' : 'network-platform-https',
    severity,
    area: 'network',
    message: `${capital(ruleText(deny))} denies ${deny.prefix === ip || deny.prefix === `${ip}/32` ? ip : `${deny.prefix}, which includes ${ip},`} on ${portsText(deny)}. ${why}`,
    remediation: `Remove the rule or narrow it so it no longer covers ${ip}; ports ${PLATFORM_ADDRESS.value.ports.join(', ')} to ${ip} must stay open.`,
    sources: NETWORK_SOURCES.platform,
  };
}

const GUIDE_FIXES = `add outbound allow rules on TCP 443 for the ${BACKUP_SERVICE_TAGS.value.join(', ')} service tags (the guide's allow-list in today's form), or route backup traffic through an HTTP proxy`;

function outboundFinding(v: NetworkVerdict): Finding | undefined {
  if (v.status === 'denied') {
    return {
      ruleId: 'network-outbound-denied',
      severity: 'attention',
      area: 'network',
      message: `${capital(ruleText(v))} denies outbound HTTPS (TCP 443) to ${v.destination === 'Storage' ? 'Azure Storage' : v.destination}, the backup extension's path in the 2016 guide. With a supported agent, backups go through ${ip} instead; with an old agent, a proxy or write-accelerated disks they fail (ExtensionSnapshotFailedNoNetwork).`,
      remediation: `If backups fail, ${GUIDE_FIXES}. Allow rules need priority numbers below ${v.priority}.`,
      sources: NETWORK_SOURCES.outbound,
    };
  }
  if (v.status === 'unknown') {
    return {
      ruleId: 'network-unknown',
      severity: 'attention',
      area: 'network',
      message: `Couldn't confirm that the VM can reach Azure Storage over HTTPS: ${v.reason}`,
      remediation: `Check the rule named, or review the NIC's effective security rules in the portal. If backups fail, ${GUIDE_FIXES}.`,
      sources: NETWORK_SOURCES.outbound,
    };
  }
  return undefined;
}

/** Storage allowed by a custom rule while other destinations are denied: the path is open, and the UI says how. */
function storageOpenFinding(report: NetworkReport): Finding | undefined {
  const storage = report.destinations.Storage;
  if (storage.status !== 'open' || !storage.allowedBy?.length) return undefined;
  const denied = (['AzureBackup', 'AzureActiveDirectory', 'Internet'] as const).flatMap((d) => {
    const v = report.destinations[d];
    return v.status === 'denied' ? [{ destination: d, v }] : [];
  });
  if (denied.length === 0) return undefined;
  const first = denied[0]?.v;
  const by = storage.allowedBy.map(ruleText).join(' and ');
  return {
    ruleId: 'network-storage-open',
    severity: 'info',
    area: 'network',
    message: `HTTPS to Azure Storage is open: ${by} allows it${first && first.status === 'denied' ? ` before ${ruleText(first)} denies the rest` : ''}. ${denied.map((d) => d.destination).join(', ')} ${denied.length === 1 ? 'is' : 'are'} denied, which VM backup doesn't need (AzureBackup and AzureActiveDirectory are for in-guest workloads such as SQL Server in a VM).`,
    remediation: 'Nothing to do for VM backup.',
    sources: NETWORK_SOURCES.outbound,
  };
}

function writeAcceleratorFinding(report: NetworkReport, disks: number): Finding | undefined {
  if (disks <= 0) return undefined;
  const internet = report.destinations.Internet;
  const open = internet.status === 'open';
  return {
    ruleId: 'network-write-accelerator',
    severity: open ? 'info' : 'attention',
    area: 'network',
    message: open
      ? `This VM has ${disks} write-accelerated disk${disks === 1 ? '' : 's'}: its backup needs Internet access, which is open now. Keep it open.`
      : `This VM has ${disks} write-accelerated disk${disks === 1 ? '' : 's'}, and its backup needs Internet access even if those disks are excluded, but ${internet.status === 'denied' ? `${ruleText(internet)} denies it` : `it couldn't be confirmed (${internet.reason})`}.`,
    remediation: open ? 'Nothing to do.' : 'Allow outbound HTTPS to the Internet from this VM (or route it through an HTTP proxy).',
    sources: NETWORK_SOURCES.writeAccelerator,
  };
}

/** The network findings of one VM, worst first. `overall` alone (an older caller) means no platform denies. */
export function networkFindings(network: NetworkVerdict | NetworkReport, context: NetworkContext = {}): Finding[] {
  const report: NetworkReport = 'overall' in network
    ? network
    : { overall: network, destinations: { Storage: network, AzureBackup: network, AzureActiveDirectory: network, Internet: network }, platformDenies: [] };
  const findings = [
    ...report.platformDenies.map((d) => platformFinding(d, context.guidePath === true)),
    outboundFinding(report.overall),
    storageOpenFinding(report),
    writeAcceleratorFinding(report, context.writeAcceleratorDisks ?? 0),
  ].filter((f): f is Finding => f !== undefined);
  return bySeverity(findings);
}
