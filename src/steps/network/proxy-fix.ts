// The proxy path: the proxy VM's outbound NSG rule, placed where it takes effect in the chosen NSG.
import type { NsgInfo } from '../../azure/network-security.ts';
import { evaluateOutbound443, proposeProxyRule, type Proposal, type ProposedRule } from '../../readiness/index.ts';

/** Priorities of the NSG's own outbound rules; a rule the PUT would replace (same name) doesn't count. */
/** proposeProxyRule's rule name (the guide's). */
export const PROXY_RULE_NAME = 'allow-proxy';

export function outboundPriorities(nsg: Pick<NsgInfo, 'rules'>, replacing: readonly string[] = []): number[] {
  const replaced = new Set(replacing.map((name) => name.toLowerCase()));
  return nsg.rules
    .filter((r) => !r.isDefault && r.direction.toLowerCase() === 'outbound' && !replaced.has(r.name.toLowerCase()))
    .map((r) => r.priority);
}

/**
 * The guide's allow-proxy rule for this NSG: priority 200 or the nearest free number, and in front of any
 * rule of this NSG that stops the proxy reaching the Internet on 443.
 */
export function planProxyRule(nsg: NsgInfo, proxyIp: string): Proposal<ProposedRule> {
  const internet = evaluateOutbound443({
    layers: [{ attachedTo: 'nic', nsg }],
    location: nsg.location,
    sourceAddress: proxyIp.trim(),
    required: ['Internet'],
  }).destinations.Internet;
  const existingPriorities = outboundPriorities(nsg, [PROXY_RULE_NAME]);
  return proposeProxyRule(
    internet.status === 'denied'
      ? { proxyIp, existingPriorities, blockingPriority: internet.priority }
      : { proxyIp, existingPriorities },
  );
}
