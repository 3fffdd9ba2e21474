// Can the VM open outbound HTTPS (TCP 443) to what backup needs? Each NSG is evaluated on its own,
// lowest priority number first, first match wins; traffic must pass every NSG in its path (NIC, then
// subnet), and no NSG means allowed.
//
// What a rule's destination decides, per destination:
// - `*`, `0.0.0.0/0`, `Internet`: every destination here (all are public addresses).
// - a service tag (`Storage`, `Storage.<region>`, …): that service only; a regional tag only in the VM's region.
// - `AzureCloud`: might cover the Azure services, so it can't decide them; it never decides `Internet`.
// - a public IP prefix: might hold a service address, so it can't decide a service; private prefixes,
//   `VirtualNetwork`, `AzureLoadBalancer`, other tags and application security groups never match.
// A rule that can't decide is remembered: if it comes before the deciding rule with the opposite access,
// the verdict is `unknown` and names it. Rules whose source might not be this VM are treated the same way.

import { isNonPublic, parseIpv4, parseIpv4Prefix, rangeContains } from './ip.ts';
import { BACKUP_SERVICE_TAGS, PLATFORM_ADDRESS, type BackupServiceTag } from './limits.ts';
import type { NsgLayer, NsgRule } from './nsg.ts';

export type Destination = BackupServiceTag | 'Internet';
export const DESTINATIONS: readonly Destination[] = ['Storage', 'AzureBackup', 'AzureActiveDirectory', 'Internet'];

export type NetworkVerdict =
  | { status: 'open' }
  | { status: 'blocked'; nsg: string; rule: string; priority: number; destination: Destination }
  | { status: 'unknown'; reason: string };

/** An explicit deny of the Azure platform address 168.63.129.16, which must stay reachable. */
export type PlatformDeny = { nsg: string; rule: string; priority: number; prefix: string };

export type NetworkReport = {
  /** Over the required destinations (the three backup service tags unless told otherwise). */
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
  const required = input.required ?? BACKUP_SERVICE_TAGS.value;
  return {
    overall: worst(required.map((d) => destinations[d])),
    destinations,
    platformDenies: layers.flatMap((l) => platformDeny(l, source)),
  };
}

function worst(verdicts: readonly NetworkVerdict[]): NetworkVerdict {
  return verdicts.find((v) => v.status === 'blocked') ?? verdicts.find((v) => v.status === 'unknown') ?? { status: 'open' };
}

function destinationVerdict(layers: readonly NsgLayer[], destination: Destination, region: string, source?: number): NetworkVerdict {
  const results = layers.map((layer) => layerVerdict(layer, destination, region, source));
  return worst(results);
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
    if (allows) return { status: 'open' };
    return { status: 'blocked', nsg: layer.nsg.name, rule: rule.name, priority: rule.priority, destination };
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
function ruleMatch(rule: NsgRule, source: number | undefined, destination: (prefix: string) => Match, ports: readonly number[] = [443]): Match {
  if (!coversTcp(rule.protocol)) return 'no';
  if (!rule.destinationPorts.some((p) => ports.some((port) => portCovers(p, port)))) return 'no';
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

function destinationMatch(prefix: string, destination: Destination, region: string): Match {
  const p = prefix.toLowerCase();
  if (p === '*' || p === '0.0.0.0/0' || p === 'any' || p === 'internet') return 'yes';
  if (destination === 'Internet') return 'no';
  const range = parseIpv4Prefix(prefix);
  if (range) return isNonPublic(range) ? 'no' : 'maybe';
  const [tag, tagRegion] = p.split('.');
  if (tag === destination.toLowerCase()) return tagRegion === undefined || normaliseRegion(tagRegion) === region ? 'yes' : 'no';
  return tag === 'azurecloud' ? 'maybe' : 'no';
}

function normaliseRegion(location: string): string {
  return location.replace(/\s+/g, '').toLowerCase();
}

// Only rules that name the address (or a prefix holding it) are flagged; catch-all rules are not.
function platformDeny(layer: NsgLayer, source: number | undefined): PlatformDeny[] {
  const address = parseIpv4(PLATFORM_ADDRESS.value.ip) ?? 0;
  const ports = PLATFORM_ADDRESS.value.ports;
  const named = (prefix: string) => {
    const range = parseIpv4Prefix(prefix);
    return range !== undefined && prefix !== '0.0.0.0/0' && rangeContains(range, address);
  };
  const denies: PlatformDeny[] = [];
  for (const rule of outboundByPriority(layer)) {
    const match = ruleMatch(rule, source, (prefix) => {
      const p = prefix.toLowerCase();
      return p === '*' || p === '0.0.0.0/0' || p === 'any' || named(prefix) ? 'yes' : 'no';
    }, ports);
    if (match === 'no') continue;
    const prefix = rule.destinationPrefixes.find(named);
    // A deny that may not apply to this VM (its source is unknown here) is still worth a look.
    if (!isAllow(rule) && prefix !== undefined) denies.push({ nsg: layer.nsg.name, rule: rule.name, priority: rule.priority, prefix });
    if (match === 'yes') break;
  }
  return denies;
}
