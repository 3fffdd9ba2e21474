import { z } from 'zod';
import { afterVaultChange } from './dependent-resets.ts';
import { initialEnable } from './enable-slice.ts';
import { policyDraftSchema, type PolicyDraft } from './policy-draft.ts';
import { initialReview } from './review-slice.ts';
import type { SliceCreator, StoreDeps } from './slice.ts';

/** A region whose setup is finished: one vault, one policy, its VMs protected. */
export type CompletedSetup = {
  vaultId: string;
  vaultName: string;
  location: string;
  policyName: string;
  vmCount: number;
  completedAt: string;
};

/** Finished setups of this account, kept when a setup for the next region starts. */
export type SetupsState = { completed: CompletedSetup[] };

export type NextRegionStart = {
  finished: Omit<CompletedSetup, 'completedAt'>;
  /** Programmatic region name of the next vault. */
  region: string;
  /** The finished setup's policy settings, to create the same policy in the next vault; null keeps the form. */
  policyDraft: PolicyDraft | null;
};

export type SetupsSlice = {
  setups: SetupsState;
  /**
   * Records the finished setup and starts the next one in `region`: a new vault there, the policy settings
   * carried over as a new-policy form (a policy belongs to its vault, so its id can't be), no VMs yet.
   */
  startNextRegion(start: NextRegionStart): void;
};

export const initialSetups: SetupsState = { completed: [] };

const text = z.string().min(1).max(2000);

export const persistedSetupsSchema = z.object({
  completed: z
    .array(
      z.object({
        vaultId: text,
        vaultName: text,
        location: text,
        policyName: z.string().max(300),
        vmCount: z.number().int().min(0),
        completedAt: z.iso.datetime(),
      }),
    )
    .max(200)
    .default([]),
});

export const persistSetups = (setups: SetupsState): SetupsState => ({ completed: setups.completed.map((setup) => ({ ...setup })) });

// Keeps the import of the draft schema honest: a carried-over draft must be one the policy slice would accept.
export const isStorableDraft = (draft: PolicyDraft): boolean => policyDraftSchema.safeParse(draft).success;

export const createSetupsSlice =
  ({ now }: StoreDeps): SliceCreator<SetupsSlice> =>
  (set) => ({
    setups: initialSetups,
    startNextRegion: ({ finished, region, policyDraft }) =>
      set((state) => {
        const at = now().toISOString();
        const others = state.setups.completed.filter((setup) => setup.vaultId.toLowerCase() !== finished.vaultId.toLowerCase());
        return {
          ...afterVaultChange(state),
          vault: { chosen: null, draft: { ...state.vault.draft, mode: 'new', name: '', location: region }, updatedAt: at },
          policy: { chosen: null, draft: policyDraft && isStorableDraft(policyDraft) ? policyDraft : state.policy.draft, updatedAt: at },
          review: initialReview,
          enable: initialEnable,
          setups: { completed: [...others, { ...finished, completedAt: at }] },
        };
      }),
  });
