import type { WizardState } from '../../store/wizard-store.ts';
import { firstUnfinishedStep, stepById, type WizardStep } from '../steps.ts';

/** The start page, always reachable (the index shows it only when a setup is saved). */
export const START_PAGE_PATH = '/start';

/** The newest of the times the slices record: when the progress was last saved. */
export function lastSavedAt(state: WizardState): string | null {
  const times = [
    state.setup.updatedAt,
    state.vault.updatedAt,
    state.replication.confirmed?.confirmedAt,
    state.goal.updatedAt,
    state.policy.updatedAt,
    state.vms.updatedAt,
    state.agent.updatedAt,
    state.network.updatedAt,
    state.review.approval?.approvedAt,
    state.enable.run?.requestedAt,
    ...state.journal.entries.flatMap((entry) => [entry.at, entry.result?.at]),
  ].filter((time): time is string => typeof time === 'string' && !Number.isNaN(Date.parse(time)));
  if (times.length === 0) return null;
  return times.reduce((latest, time) => (Date.parse(time) > Date.parse(latest) ? time : latest));
}

export type ResumeEntry = {
  /** null for the next region's setup, before its vault is chosen. */
  vaultName: string | null;
  region: string;
  /** Where "Continue" goes: the first step not done yet. */
  step: WizardStep;
  savedAt: string | null;
  /** Every step up to Enable is done: only the summary is left. */
  finished: boolean;
};

/** What the start page offers to continue, or null when there is no setup with a vault to continue. */
export function resumeEntry(state: WizardState): ResumeEntry | null {
  const vault = state.vault.chosen;
  const step = firstUnfinishedStep(state);
  if (!vault) {
    // The next region's setup, started from a finished one: its vault is still to be chosen.
    const region = state.vault.draft.location;
    if (state.setups.completed.length === 0 || region === '') return null;
    return { vaultName: null, region, step, savedAt: lastSavedAt(state), finished: false };
  }
  return { vaultName: vault.name, region: vault.location, step, savedAt: lastSavedAt(state), finished: stepById('enable').isComplete(state) };
}

/** The start page is worth showing: there is a setup to continue, or finished ones to build on. */
export const hasSavedSetup = (state: WizardState): boolean => state.vault.chosen !== null || state.setups.completed.length > 0;
