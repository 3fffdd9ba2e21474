import { z } from 'zod';
import type { SliceCreator, StoreDeps } from './slice.ts';
import type { WizardState } from './wizard-store.ts';

/** The verdict words (src/readiness): ready, attention (the user can accept it), blocked (fix it or deselect the VM). */
export type AgentLevel = 'ready' | 'attention' | 'blocked';

/** The outcome of the last agent check of one VM: what the step's completion depends on (not the ARM answer). */
export type AgentCheckSummary = {
  level: AgentLevel;
  /** Rule ids of the findings that need attention, so an acknowledgement covers exactly these. */
  warnings: string[];
  checkedAt: string;
};

/** The VM agent step. Keys are VM ids in lower case (ARM ids are case-insensitive). */
export type AgentState = {
  results: Record<string, AgentCheckSummary>;
  /** Findings needing attention (rule ids) the user accepted, per VM. Blocked ones can't be accepted. */
  acknowledged: Record<string, string[]>;
  updatedAt: string | null;
};

export type AgentSlice = {
  agent: AgentState;
  recordAgentCheck(vmId: string, summary: Omit<AgentCheckSummary, 'checkedAt'>): void;
  /** Accepts the VM's current findings that need attention; `false` withdraws the acceptance. */
  acknowledgeAgentWarnings(vmId: string, accepted: boolean): void;
};

export const initialAgent: AgentState = { results: {}, acknowledged: {}, updatedAt: null };

const vmKey = (id: string): string => id.toLowerCase();
const id = z.string().min(1).max(1000);
const ruleIds = z.array(z.string().min(1).max(100)).max(50);

// Builds before the one vocabulary saved ok / warning / blocker.
const OLD_LEVELS: Record<string, AgentLevel> = { ok: 'ready', warning: 'attention', blocker: 'blocked' };
const level = z.preprocess((v) => (typeof v === 'string' ? (OLD_LEVELS[v] ?? v) : v), z.enum(['ready', 'attention', 'blocked']));

export const persistedAgentSchema = z.object({
  results: z
    .record(id, z.object({ level, warnings: ruleIds, checkedAt: z.iso.datetime() }))
    .default({}),
  acknowledged: z.record(id, ruleIds).default({}),
  updatedAt: z.iso.datetime().nullable().default(null),
});

export const persistAgent = (agent: AgentState): AgentState => ({
  results: Object.fromEntries(Object.entries(agent.results).map(([k, v]) => [k, { ...v, warnings: [...v.warnings] }])),
  acknowledged: Object.fromEntries(Object.entries(agent.acknowledged).map(([k, v]) => [k, [...v]])),
  updatedAt: agent.updatedAt,
});

export function agentResultOf(agent: AgentState, vmId: string): AgentCheckSummary | undefined {
  return agent.results[vmKey(vmId)];
}

/** True when every finding needing attention that the last check found for this VM was accepted. */
export function agentWarningsAcknowledged(agent: AgentState, vmId: string): boolean {
  const result = agentResultOf(agent, vmId);
  if (!result || result.level !== 'attention') return false;
  const accepted = new Set(agent.acknowledged[vmKey(vmId)] ?? []);
  return result.warnings.every((rule) => accepted.has(rule));
}

/** A VM may go forward: its agent is fine, or its only problems are ones the user accepted. */
export function agentVmCleared(agent: AgentState, vmId: string): boolean {
  const result = agentResultOf(agent, vmId);
  return result !== undefined && (result.level === 'ready' || agentWarningsAcknowledged(agent, vmId));
}

/** Complete when at least one VM is selected and every selected VM is cleared. */
export function isAgentStepComplete(state: Pick<WizardState, 'agent' | 'vms'>): boolean {
  const ids = state.vms.selectedIds;
  return ids.length > 0 && ids.every((vmId) => agentVmCleared(state.agent, vmId));
}

export function summarizeAgentStep(state: Pick<WizardState, 'agent' | 'vms'>): string | null {
  if (!isAgentStepComplete(state)) return null;
  const accepted = state.vms.selectedIds.filter((vmId) => agentResultOf(state.agent, vmId)?.level === 'attention').length;
  const total = state.vms.selectedIds.length;
  const ready = `${total - accepted} of ${total} ready`;
  return accepted === 0 ? ready : `${ready}, ${accepted} needing attention accepted`;
}

export const createAgentSlice =
  ({ now }: StoreDeps): SliceCreator<AgentSlice> =>
  (set) => ({
    agent: initialAgent,
    recordAgentCheck: (vmId, summary) =>
      set((state) => {
        const at = now().toISOString();
        const results = { ...state.agent.results, [vmKey(vmId)]: { level: summary.level, warnings: [...summary.warnings], checkedAt: at } };
        return { agent: { ...state.agent, results, updatedAt: at } };
      }),
    acknowledgeAgentWarnings: (vmId, accepted) =>
      set((state) => {
        const key = vmKey(vmId);
        const result = state.agent.results[key];
        const acknowledged = { ...state.agent.acknowledged };
        // Only findings needing attention can be accepted; a blocked VM stays back whatever the user ticks.
        if (accepted && result?.level === 'attention') acknowledged[key] = [...result.warnings];
        else delete acknowledged[key];
        return { agent: { ...state.agent, acknowledged, updatedAt: now().toISOString() } };
      }),
  });
