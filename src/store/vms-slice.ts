import { z } from 'zod';
import type { SliceCreator, StoreDeps } from './slice.ts';
import type { WizardState } from './wizard-store.ts';

export type VmVerdict = 'ready' | 'attention' | 'blocked';

/**
 * Enough to name a selected VM on later steps without re-reading ARM; the facts themselves are re-read when
 * needed. A VM that needs attention for what only this step checks (its OS, size, disks) is selected together
 * with the user's acceptance of those findings; the agent and network findings are accepted on their own steps.
 */
export type VmSummary = {
  name: string;
  resourceGroup: string;
  verdict: VmVerdict;
  /** Rule ids of the findings that need attention here, at selection. */
  attention?: string[];
  /** Rule ids the user accepted when selecting it. */
  accepted?: string[];
  /** Why the VM needs an Enhanced policy (Trusted Launch, Premium SSD v2 disk…); the Policy and Review steps check it. */
  needsEnhanced?: string[];
};

/** The Virtual machines step: which VMs go forward. ARM ids, as ARM spells them. */
export type VmsState = {
  selectedIds: string[];
  /** ISO time of the last completed discovery. */
  discoveredAt: string | null;
  /** Keyed by VM id; only selected VMs have one. */
  summaries: Record<string, VmSummary>;
  updatedAt: string | null;
};

export type VmsSlice = {
  vms: VmsState;
  /** Replaces the selection. Summaries given for these ids are kept; summaries of deselected VMs are dropped. */
  selectVms(ids: readonly string[], summaries?: Readonly<Record<string, VmSummary>>): void;
  toggleVm(id: string, summary?: VmSummary): void;
  clearVms(): void;
  markVmsDiscovered(at?: string): void;
};

export const initialVms: VmsState = { selectedIds: [], discoveredAt: null, summaries: {}, updatedAt: null };

// A generous ceiling: a subscription with more VMs than this in one region can't be backed up by one vault anyway.
const MAX_SELECTED = 10_000;
const ruleIds = z.array(z.string().min(1).max(100)).max(50);

export const persistedVmsSchema = z.object({
  selectedIds: z.array(z.string().min(1).max(1000)).max(MAX_SELECTED).default([]),
  discoveredAt: z.iso.datetime().nullable().default(null),
  summaries: z
    .record(
      z.string().min(1).max(1000),
      z.object({
        name: z.string().max(200),
        resourceGroup: z.string().max(200),
        verdict: z.enum(['ready', 'attention', 'blocked']),
        attention: ruleIds.optional(),
        accepted: ruleIds.optional(),
        needsEnhanced: z.array(z.string().max(300)).max(20).optional(),
      }),
    )
    .default({}),
  updatedAt: z.iso.datetime().nullable().default(null),
});

export const persistVms = (vms: VmsState): VmsState => ({
  selectedIds: [...vms.selectedIds],
  discoveredAt: vms.discoveredAt,
  summaries: Object.fromEntries(vms.selectedIds.flatMap((id) => (vms.summaries[id] ? [[id, copySummary(vms.summaries[id])]] : []))),
  updatedAt: vms.updatedAt,
});

/** The Agent and Network steps work on these. */
export const selectSelectedVmIds = (state: Pick<WizardState, 'vms'>): string[] => state.vms.selectedIds;

export const selectVmSummaries = (state: Pick<WizardState, 'vms'>): Record<string, VmSummary> => state.vms.summaries;

/** Every finding that needed attention at selection was accepted. */
export function vmFindingsAccepted(summary: VmSummary | undefined): boolean {
  const accepted = new Set(summary?.accepted ?? []);
  return (summary?.attention ?? []).every((rule) => accepted.has(rule));
}

/** The step is complete when at least one VM that may go forward is selected. */
export const hasSelectableSelection = (vms: VmsState): boolean =>
  vms.selectedIds.some((id) => {
    const summary = vms.summaries[id];
    // A selection saved without a summary was selectable when it was made.
    return summary === undefined || (summary.verdict !== 'blocked' && vmFindingsAccepted(summary));
  });

/** zod leaves absent optional keys out, but exactOptionalPropertyTypes needs them gone, not undefined. */
function copySummary(summary: VmSummary): VmSummary {
  const out: VmSummary = { name: summary.name, resourceGroup: summary.resourceGroup, verdict: summary.verdict };
  if (summary.attention) out.attention = [...summary.attention];
  if (summary.accepted) out.accepted = [...summary.accepted];
  if (summary.needsEnhanced) out.needsEnhanced = [...summary.needsEnhanced];
  return out;
}

/** Restores the persisted slice into its exact state type. */
export function vmsFromPersisted(parsed: z.infer<typeof persistedVmsSchema>): VmsState {
  const summaries: Record<string, VmSummary> = {};
  for (const [id, summary] of Object.entries(parsed.summaries)) {
    const { attention, accepted, needsEnhanced, ...base } = summary;
    summaries[id] = copySummary({ ...base, ...(attention ? { attention } : {}), ...(accepted ? { accepted } : {}), ...(needsEnhanced ? { needsEnhanced } : {}) });
  }
  return { ...parsed, summaries };
}

const sameId = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export const createVmsSlice =
  ({ now }: StoreDeps): SliceCreator<VmsSlice> =>
  (set) => ({
    vms: initialVms,
    selectVms: (ids, summaries = {}) =>
      set((state) => {
        const unique = ids.filter((id, i) => ids.findIndex((other) => sameId(other, id)) === i);
        const kept: Record<string, VmSummary> = {};
        for (const id of unique) {
          const summary = summaries[id] ?? state.vms.summaries[id];
          if (summary) kept[id] = copySummary(summary);
        }
        return { vms: { ...state.vms, selectedIds: unique, summaries: kept, updatedAt: now().toISOString() } };
      }),
    toggleVm: (id, summary) =>
      set((state) => {
        const selected = state.vms.selectedIds.some((other) => sameId(other, id));
        if (selected) {
          const selectedIds = state.vms.selectedIds.filter((other) => !sameId(other, id));
          const summaries = Object.fromEntries(Object.entries(state.vms.summaries).filter(([key]) => !sameId(key, id)));
          return { vms: { ...state.vms, selectedIds, summaries, updatedAt: now().toISOString() } };
        }
        const summaries = summary ? { ...state.vms.summaries, [id]: copySummary(summary) } : state.vms.summaries;
        return { vms: { ...state.vms, selectedIds: [...state.vms.selectedIds, id], summaries, updatedAt: now().toISOString() } };
      }),
    clearVms: () => set((state) => ({ vms: { ...initialVms, discoveredAt: state.vms.discoveredAt, updatedAt: now().toISOString() } })),
    markVmsDiscovered: (at) => set((state) => ({ vms: { ...state.vms, discoveredAt: at ?? now().toISOString() } })),
  });
