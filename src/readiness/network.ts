// Can the VM open outbound HTTPS (TCP 443) to Azure, and does it reach the platform address
// 168.63.129.16? Each NSG is evaluated on its own, as Azure does: lowest priority number first, first match
// wins; traffic must pass every NSG in its path (NIC, then subnet), and no NSG means allowed.
//
// What a rule's destination decides, per destination:
// - `*`, `0.0.0.0/0`, `Internet`: every destination here (all are public addresses).
// - a service tag (`Storage`, `Storage.<region>`, …): that service only; a regional tag only in the VM's region.
// - `AzureCloud`: might cover the Azure services, so it can't decide them; it never decides `Internet`.
// - a public IP prefix: might hold a service address, so it can't decide a service; private prefixes,
//   `VirtualNetwork`, `AzureLoadBalancer`, other tags and application security groups never match.
// A rule that can't decide is remembered: if it comes before the deciding rule with the opposite access,
// the verdict is `unknown` and names it. Rules whose source might not be this VM are treated the same way.
//
// The input is the NSGs and, at most, the VM's private IP: the same (subnet NSG, NIC NSG) pair gives the
// same report for every VM behind it, so a caller may evaluate once per pair.

import { isNonPublic, parseIpv4, parseIpv4Prefix, rangeContains } from './ip.ts';
import { BACKUP_PATH, PLATFORM_ADDRESS, type BackupServiceTag, type PlatformPort } from './limits.ts';
import type { NsgLayer, NsgRule } from './nsg.ts';

export type Destination = BackupServiceTag | 'Internet';
export const DESTINATIONS: readonly Destination[] = ['Storage', 'AzureBackup', 'AzureActiveDirectory', 'Internet'];

/** The rule that decided, and where it sits. */
export type RuleRef = { nsg: string; rule: string; priority: number };

/**
 * A path's state, not a verdict: `denied` names the rule; `open` names the custom rules that allowed it
 * (none when only ARM's defaults, or no NSG at all, let it through).
 */
export type NetworkVerdict =
  | { status: 'open'; allowedBy?: RuleRef[] }
  | ({ status: 'denied'; destination: Destination } & RuleRef)
  | { status: 'unknown'; reason: string };

/**
 * An NSG rule that denies the Azure platform address 168.63.129.16 on some of its ports. `certain` is false
 * when the rule may not apply to this VM (its source couldn't be matched).
 */
export type PlatformDeny = RuleRef & { prefix: string; ports: PlatformPort[]; certain: boolean };

export type NetworkReport = {
  /** Over the required destinations: the guide's backup path, Azure Storage, unless told otherwise. */
  overall: NetworkVerdict;
  destinations: Record<Destination, NetworkVerdict>;
  platformDenies: PlatformDeny[];
};

export type OutboundInput = {
  layers: readonly NsgLayer[];
  /** The VM's region, for regional service tags such as `Storage.westeurope`. */
  location: string;
  /** The VM's private IP, to decide rules whose source is an IP prefix. */
  sourceAddress?: string;
  required?: readonly Destination[];
};

type Match = 'yes' | 'maybe' | 'no';

const LAYER_ORDER = { networkManager: 0, nic: 1, subnet: 2 } as const;

export function evaluateOutbound443(input: OutboundInput): NetworkReport {
  const layers = [...input.layers].sort((a, b) => LAYER_ORDER[a.attachedTo] - LAYER_ORDER[b.attachedTo]);
  const source = input.sourceAddress === undefined ? undefined : parseIpv4(input.sourceAddress);
  const region = normaliseRegion(input.location);
  const verdict = (d: Destination) => destinationVerdict(layers, d, region, source);
  const destinations: Record<Destination, NetworkVerdict> = {
    Storage: verdict('Storage'),
    AzureBackup: verdict('AzureBackup'),
    AzureActiveDirectory: verdict('AzureActiveDirectory'),
    Internet: verdict('Internet'),
  };
  const required = input.required ?? BACKUP_PATH.value;
  return {
    overall: worst(required.map((d) => destinations[d])),
    destinations,
    platformDenies: layers.flatMap((l) => platformDenies(l, source)),
  };
}

/** A denial first, then a doubt; otherwise open, naming every custom rule that allowed it. */
function worst(verdicts: readonly NetworkVerdict[]): NetworkVerdict {
  const denied = verdicts.find((v) => v.status === 'denied') ?? verdicts.find((v) => v.status === 'unknown');
  if (denied) return denied;
  const allowedBy = verdicts.flatMap((v) => (v.status === 'open' ? (v.allowedBy ?? []) : []));
  const unique = allowedBy.filter((r, i) => allowedBy.findIndex((o) => o.nsg === r.nsg && o.rule === r.rule) === i);
  return unique.length > 0 ? { status: 'open', allowedBy: unique } : { status: 'open' };
}

function destinationVerdict(layers: readonly NsgLayer[], destination: Destination, region: string, source?: number): NetworkVerdict {
  return worst(layers.map((layer) => layerVerdict(layer, destination, region, source)));
}

function layerVerdict(layer: NsgLayer, destination: Destination, region: string, source?: number): NetworkVerdict {
  const doubts: NsgRule[] = [];
  for (const rule of outboundByPriority(layer)) {
    const match = ruleMatch(rule, source, (prefix) => destinationMatch(prefix, destination, region));
    if (match === 'no') continue;
    if (match === 'maybe') {
      doubts.push(rule);
      continue;
    }
    const allows = isAllow(rule);
    const doubt = doubts.find((d) => isAllow(d) !== allows);
    if (doubt) {
      return {
        status: 'unknown',
        reason: `Rule ${doubt.name} (priority ${doubt.priority}) in NSG ${layer.nsg.name} may apply to HTTPS traffic to ${destination} ` +
          `(it names ${describe(doubt)}); check it.`,
      };
    }
    const ref: RuleRef = { nsg: layer.nsg.name, rule: rule.name, priority: rule.priority };
    if (allows) return rule.isDefault ? { status: 'open' } : { status: 'open', allowedBy: [ref] };
    return { status: 'denied', destination, ...ref };
  }
  return { status: 'unknown', reason: `No outbound rule in NSG ${layer.nsg.name} decides HTTPS traffic to ${destination}.` };
}

function outboundByPriority(layer: NsgLayer): NsgRule[] {
  return layer.nsg.rules.filter((r) => r.direction.toLowerCase() === 'outbound').sort((a, b) => a.priority - b.priority);
}

function isAllow(rule: NsgRule): boolean {
  const access = rule.access.toLowerCase();
  return access === 'allow' || access === 'alwaysallow';
}

function describe(rule: NsgRule): string {
  if (rule.sourceAsg) return 'an application security group as source';
  return [...rule.sourcePrefixes.map((p) => `source ${p}`), ...rule.destinationPrefixes.map((p) => `destination ${p}`)].join(', ');
}

/** A rule matches when every part of it does; the weakest part wins. */
function ruleMatch(rule: NsgRule, source: number | undefined, destination: (prefix: string) => Match, port = 443): Match {
  if (!coversTcp(rule.protocol)) return 'no';
  if (!rule.destinationPorts.some((p) => portCovers(p, port))) return 'no';
  const parts: Match[] = [
    sourcePortsMatch(rule.sourcePorts),
    rule.sourceAsg ? 'maybe' : best(rule.sourcePrefixes.map((p) => sourceMatch(p, source))),
    rule.destinationAsg && rule.destinationPrefixes.length === 0 ? 'no' : best(rule.destinationPrefixes.map(destination)),
  ];
  return parts.includes('no') ? 'no' : parts.includes('maybe') ? 'maybe' : 'yes';
}

function best(matches: readonly Match[]): Match {
  return matches.includes('yes') ? 'yes' : matches.includes('maybe') ? 'maybe' : 'no';
}

function coversTcp(protocol: string): boolean {
  return ['*', 'tcp', 'all'].includes(protocol.toLowerCase());
}

/** `*`, `443`, `80-443`; effective rules write `0-65535` and `443-443`. */
export function portCovers(range: string, port: number): boolean {
  const text = range.trim();
  if (text === '*') return true;
  const m = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!m?.[1]) return false;
  const low = Number(m[1]);
  const high = m[2] === undefined ? low : Number(m[2]);
  return port >= low && port <= high;
}

// The VM's own source port is ephemeral (Windows 49152–65535, Linux 32768–60999).
function sourcePortsMatch(ranges: readonly string[]): Match {
  if (ranges.length === 0 || ranges.some((r) => portCovers(r, 1024) && portCovers(r, 65535))) return 'yes';
  return ranges.some((r) => portCovers(r, 32768) || portCovers(r, 65535) || portCovers(r, 49152)) ? 'maybe' : 'no';
}

function sourceMatch(prefix: string, source: number | undefined): Match {
  const p = prefix.toLowerCase();
  if (p === '*' || p === '0.0.0.0/0' || p === 'any' || p === 'virtualnetwork') return 'yes';
  const range = parseIpv4Prefix(prefix);
  if (!range) return 'no';
  if (source === undefined) return 'maybe';
  return rangeContains(range, source) ? 'yes' : 'no';
}

const CATCH_ALL = new Set(['*', '0.0.0.0/0', 'any', 'internet']);

function destinationMatch(prefix: string, destination: Destination, region: string): Match {
  const p = prefix.toLowerCase();
  if (CATCH_ALL.has(p)) return 'yes';
  if (destination === 'Internet') return 'no';
  const range = parseIpv4Prefix(prefix);
  // The platform address alone is no service's address.
  if (range) return isNonPublic(range) || isPlatformOnly(range) ? 'no' : 'maybe';
  const [tag, tagRegion] = p.split('.');
  if (tag === destination.toLowerCase()) return tagRegion === undefined || normaliseRegion(tagRegion) === region ? 'yes' : 'no';
  return tag === 'azurecloud' ? 'maybe' : 'no';
}

function isPlatformOnly(range: { first: number; last: number }): boolean {
  const address = parseIpv4(PLATFORM_ADDRESS.value.ip);
  return range.first === address && range.last === address;
}

function normaliseRegion(location: string): string {
  return location.replace(/\s+/g, '').toLowerCase();
}

/**
 * Per platform port, the first rule that matches the address decides, as for any destination. Only rules
 * that name the address (or a prefix holding it) are flagged: a catch-all rule ends the walk unflagged,
 * since the wizard can't tell whether Azure applies it to the platform's own traffic.
 */
function platformDenies(layer: NsgLayer, source: number | undefined): PlatformDeny[] {
  const address = parseIpv4(PLATFORM_ADDRESS.value.ip) ?? 0;
  const named = (prefix: string) => {
    const range = parseIpv4Prefix(prefix);
    return range !== undefined && prefix !== '0.0.0.0/0' && rangeContains(range, address);
  };
  const byRule = new Map<string, PlatformDeny>();
  for (const port of PLATFORM_ADDRESS.value.ports) {
    for (const rule of outboundByPriority(layer)) {
      const match = ruleMatch(rule, source, (prefix) => (CATCH_ALL.has(prefix.toLowerCase()) || named(prefix) ? 'yes' : 'no'), port);
      if (match === 'no') continue;
      const prefix = rule.destinationPrefixes.find(named);
      if (!isAllow(rule) && prefix !== undefined) {
        const found = byRule.get(rule.name) ?? { nsg: layer.nsg.name, rule: rule.name, priority: rule.priority, prefix, ports: [], certain: match === 'yes' };
        found.ports.push(port);
        byRule.set(rule.name, found);
      }
      // A rule that may not apply to this VM leaves the decision to the rules after it.
      if (match === 'yes') break;
    }
  }
  return [...byRule.values()];
}
