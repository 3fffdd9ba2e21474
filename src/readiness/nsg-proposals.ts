// The NSG rules the wizard offers to add. A rule is evaluated before another when its priority number
// is lower, so an allow must take a free number below the rule that blocks; custom rules use 100–4096.

import { parseIpv4, parseIpv4Prefix } from './ip.ts';
import { BACKUP_SERVICE_TAGS } from './limits.ts';

export const MIN_PRIORITY = 100;
export const MAX_PRIORITY = 4096;

/** Field names as ARM's `securityRules/{name}` PUT body expects them under `properties`. */
export type ProposedRule = {
  name: string;
  priority: number;
  protocol: 'Tcp';
  sourceAddressPrefix: string;
  sourcePortRange: '*';
  destinationPortRange: string;
  destinationAddressPrefix?: string;
  destinationAddressPrefixes?: string[];
  access: 'Allow';
  direction: 'Outbound';
  description: string;
};

export type Proposal<T> = { ok: true; value: T } | { ok: false; message: string };

export type AllowRuleInput = {
  /** Priority of the rule that blocks the traffic today. */
  blockingPriority: number;
  /** Priorities already used in the NSG that gets the rule. */
  existingPriorities: readonly number[];
  /** Service tags, one rule each (ARM doesn't accept service tags in a prefix list). Default: the backup tags. */
  tags?: readonly string[];
  /** IPv4 prefixes, together in one rule's `destinationAddressPrefixes`. */
  prefixes?: readonly string[];
  /** Default `VirtualNetwork`: the VMs in the network. */
  sourcePrefix?: string;
};

/**
 * HTTPS allow rules, each on the highest free priority number below the blocking rule, so they sit just
 * in front of it and leave lower numbers to the NSG's owner.
 */
export function proposeAllowRule(input: AllowRuleInput): Proposal<ProposedRule[]> {
  const tags = input.tags ?? BACKUP_SERVICE_TAGS.value;
  const prefixes = input.prefixes ?? [];
  const badPrefix = prefixes.find((p) => parseIpv4Prefix(p) === undefined);
  if (badPrefix !== undefined) return { ok: false, message: `"${badPrefix}" isn't an IPv4 address or prefix (like 20.150.0.0/16).` };
  const count = tags.length + (prefixes.length > 0 ? 1 : 0);
  if (count === 0) return { ok: false, message: 'Name at least one service tag or address prefix to allow.' };

  const priorities = freeBelow(input.blockingPriority, input.existingPriorities, count);
  if (!priorities.ok) return priorities;
  const source = input.sourcePrefix ?? 'VirtualNetwork';
  const base = { protocol: 'Tcp', sourceAddressPrefix: source, sourcePortRange: '*', destinationPortRange: '443', access: 'Allow', direction: 'Outbound' } as const;
  const rules: ProposedRule[] = tags.map((tag, i) => ({
    ...base,
    name: `allow-${slug(tag)}-443`,
    priority: priorities.value[i] ?? 0,
    destinationAddressPrefix: tag,
    description: `Azure VM backup: allow HTTPS to ${tag}.`,
  }));
  if (prefixes.length > 0) {
    rules.push({
      ...base,
      name: 'allow-backup-prefixes-443',
      priority: priorities.value[tags.length] ?? 0,
      destinationAddressPrefixes: [...prefixes],
      description: 'Azure VM backup: allow HTTPS to the listed Azure addresses.',
    });
  }
  return { ok: true, value: rules };
}

function slug(tag: string): string {
  return tag.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

function freeBelow(blocking: number, existing: readonly number[], count: number): Proposal<number[]> {
  if (!Number.isInteger(blocking)) return { ok: false, message: `The blocking rule's priority (${blocking}) isn't a whole number.` };
  if (blocking <= MIN_PRIORITY) {
    return { ok: false, message: `The blocking rule has priority ${blocking}; no rule can come before it (the lowest number is ${MIN_PRIORITY}). Change that rule instead.` };
  }
  const taken = new Set(existing);
  const free: number[] = [];
  for (let p = Math.min(blocking - 1, MAX_PRIORITY); p >= MIN_PRIORITY && free.length < count; p--) {
    if (!taken.has(p)) free.push(p);
  }
  if (free.length < count) {
    const top = Math.min(blocking - 1, MAX_PRIORITY);
    const need = count === 1 ? 'a free priority' : `${count} free priorities`;
    return { ok: false, message: `This NSG has no room for ${need} between ${MIN_PRIORITY} and ${top} (before the blocking rule). Free some numbers or renumber the blocking rule.` };
  }
  return { ok: true, value: free };
}

export type ProxyRuleInput = {
  proxyIp: string;
  existingPriorities?: readonly number[];
  /** When the rule must come before a blocking rule. */
  blockingPriority?: number;
};

const PROXY_PRIORITY = 200;

/** The guide's "allow-proxy" rule: the proxy VM may reach the Internet on 80–443. Priority 200, or the nearest free. */
export function proposeProxyRule(input: ProxyRuleInput): Proposal<ProposedRule> {
  if (parseIpv4(input.proxyIp) === undefined) {
    return { ok: false, message: `"${input.proxyIp}" isn't an IPv4 address (like 10.0.0.5).` };
  }
  const top = Math.min((input.blockingPriority ?? MAX_PRIORITY + 1) - 1, MAX_PRIORITY);
  const taken = new Set(input.existingPriorities ?? []);
  const candidates: number[] = [];
  for (let p = MIN_PRIORITY; p <= top; p++) if (!taken.has(p)) candidates.push(p);
  // Nearest to 200; on a tie the lower number, which is evaluated first.
  const priority = candidates.sort((a, b) => Math.abs(a - PROXY_PRIORITY) - Math.abs(b - PROXY_PRIORITY) || a - b)[0];
  if (priority === undefined) {
    return { ok: false, message: `This NSG has no free priority between ${MIN_PRIORITY} and ${top}. Free a number or renumber the blocking rule.` };
  }
  return {
    ok: true,
    value: {
      name: 'allow-proxy',
      priority,
      protocol: 'Tcp',
      sourceAddressPrefix: `${input.proxyIp.trim()}/32`,
      sourcePortRange: '*',
      destinationAddressPrefix: 'Internet',
      destinationPortRange: '80-443',
      access: 'Allow',
      direction: 'Outbound',
      description: 'Let the HTTP proxy reach the Internet on ports 80-443 for Azure VM backup.',
    },
  };
}
