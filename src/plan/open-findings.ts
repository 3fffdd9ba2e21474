// What the checks found about the selected VMs and the user accepted rather than fixed (or what still stops
// them): still open after the setup, and worth watching when the first backup runs. The Review step shows it
// before anything is sent; the summary, its print and its exports list it afterwards.
import { ruleTitle, verdictLabel, type Verdict } from '../readiness/index.ts';
import type { WizardState } from '../store/wizard-store.ts';
import { selectedPlanVms } from './choices-from-state.ts';

export type OpenFindingArea = 'Virtual machine' | 'Agent' | 'Network';

export type OpenFinding = {
  vmId: string;
  vmName: string;
  area: OpenFindingArea;
  ruleId: string;
  title: string;
  verdict: Exclude<Verdict, 'ready'>;
  accepted: boolean;
  /** When the step that found it last checked; absent for what the VM step found at discovery. */
  checkedAt?: string;
};

type FindingState = Pick<WizardState, 'vms' | 'agent' | 'network'>;

/** Every finding needing attention or blocking, per selected VM, in the order of the steps. */
export function openFindings(state: FindingState): OpenFinding[] {
  const findings: OpenFinding[] = [];
  for (const vm of selectedPlanVms(state)) {
    const key = vm.id.toLowerCase();
    const base = { vmId: vm.id, vmName: vm.name };
    const summary = state.vms.summaries[vm.id];
    const acceptedHere = new Set(summary?.accepted ?? []);
    for (const ruleId of summary?.attention ?? []) {
      findings.push({ ...base, area: 'Virtual machine', ruleId, title: ruleTitle(ruleId), verdict: 'attention', accepted: acceptedHere.has(ruleId) });
    }
    const agent = state.agent.results[key];
    if (agent && agent.level !== 'ready') {
      const accepted = new Set(state.agent.acknowledged[key] ?? []);
      const rules = agent.warnings.length > 0 ? agent.warnings : ['agent-check'];
      for (const ruleId of rules) {
        findings.push({
          ...base,
          area: 'Agent',
          ruleId,
          title: ruleId === 'agent-check' ? 'The agent check found a problem' : ruleTitle(ruleId),
          verdict: agent.level,
          accepted: agent.level === 'attention' && accepted.has(ruleId),
          checkedAt: agent.checkedAt,
        });
      }
    }
    const net = state.network.results[key];
    if (net && net.verdict !== 'ready') {
      const accepted = state.network.acknowledged.includes(key);
      for (const ruleId of net.findings.length > 0 ? net.findings : [net.path === 'denied' ? 'network-outbound-denied' : 'network-unknown']) {
        findings.push({ ...base, area: 'Network', ruleId, title: ruleTitle(ruleId), verdict: net.verdict, accepted: net.verdict === 'attention' && accepted, checkedAt: net.checkedAt });
      }
    }
  }
  return findings;
}

/** "Needs attention: The VM agent is not ready (accepted), as of 2026-11-25T10:00:00.000Z." */
export function openFindingText(finding: OpenFinding, proxy: { ip: string; port: number } | null = null): string {
  const accepted = finding.accepted ? ' (accepted)' : '';
  const via = finding.ruleId === 'network-outbound-denied' && proxy ? `; backup traffic goes through proxy ${proxy.ip}:${proxy.port}` : '';
  const when = finding.checkedAt ? `, as of ${finding.checkedAt}` : '';
  return `${verdictLabel(finding.verdict)}: ${finding.title}${accepted}${via}${when}.`;
}
