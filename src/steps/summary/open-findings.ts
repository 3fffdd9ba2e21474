import { openFindings as findOpen, openFindingText } from '../../plan/open-findings.ts';
import type { WizardState } from '../../store/wizard-store.ts';
import type { SummaryFinding } from './summary-model.ts';

/**
 * What the Virtual machines, VM agent and Network steps found and the user accepted rather than fixed, per
 * selected VM: still open after the setup, and worth checking when the first backup runs.
 */
export function openFindings(state: Pick<WizardState, 'vms' | 'agent' | 'network'>): SummaryFinding[] {
  return findOpen(state).map((f) => ({ vmName: f.vmName, area: f.area, text: openFindingText(f, state.network.proxy) }));
}
