import type { AgentState } from '../../store/agent-slice.ts';
import type { NetworkState } from '../../store/network-slice.ts';
import type { SummaryFinding } from './summary-model.ts';

const AGENT_RULES: Record<string, string> = {
  'agent-not-installed': 'The VM agent is not installed',
  'agent-not-ready': 'The VM agent is not ready',
  'agent-not-reporting': 'The VM agent does not report its version',
  'agent-status-unknown': 'The VM agent status is unknown',
  'agent-outdated': 'The VM agent is older than the version backup needs',
};

const words = (ruleId: string): string => AGENT_RULES[ruleId] ?? ruleId.replace(/-/g, ' ');

/**
 * What the Agent and Network steps found and the user accepted rather than fixed, per selected VM: still open
 * after the setup, and worth checking when the first backup runs.
 */
export function openFindings(
  vms: readonly { id: string; name: string }[],
  agent: Pick<AgentState, 'results' | 'acknowledged'>,
  network: Pick<NetworkState, 'results' | 'acknowledged' | 'proxy'>,
): SummaryFinding[] {
  const findings: SummaryFinding[] = [];
  for (const vm of vms) {
    const key = vm.id.toLowerCase();
    const agentResult = agent.results[key];
    if (agentResult && agentResult.level !== 'ok') {
      const accepted = new Set(agent.acknowledged[key] ?? []);
      for (const rule of agentResult.warnings) {
        findings.push({ vmName: vm.name, area: 'Agent', text: `${words(rule)}${accepted.has(rule) ? ' (accepted)' : ''}, as of ${agentResult.checkedAt}.` });
      }
      if (agentResult.level === 'blocker') findings.push({ vmName: vm.name, area: 'Agent', text: `The agent check found a blocker, as of ${agentResult.checkedAt}.` });
    }
    const net = network.results[key];
    if (net) {
      const accepted = network.acknowledged.includes(key) ? ' (accepted)' : '';
      if (net.verdict === 'blocked') {
        findings.push({
          vmName: vm.name,
          area: 'Network',
          text: network.proxy
            ? `Direct outbound HTTPS to Azure is blocked; backup traffic goes through the proxy, as of ${net.checkedAt}.`
            : `Outbound HTTPS to Azure is blocked, as of ${net.checkedAt}.`,
        });
      } else if (net.verdict === 'unknown') {
        findings.push({ vmName: vm.name, area: 'Network', text: `The outbound HTTPS path could not be confirmed${accepted}, as of ${net.checkedAt}.` });
      }
      if (net.platformDenied) {
        findings.push({ vmName: vm.name, area: 'Network', text: `An NSG rule denies the platform address 168.63.129.16${accepted}, as of ${net.checkedAt}.` });
      }
    }
  }
  return findings;
}
