import { z } from 'zod';
import { policyDraftSchema, type PolicyDraft } from './policy-draft.ts';
import type { SliceCreator, StoreDeps } from './slice.ts';

/** A policy of the chosen vault; its id starts with the vault's id, which ties the choice to that vault. */
export type ChosenPolicy = { id: string; name: string };

/** The policy step: the chosen policy, and the new-policy form while it is being filled in. */
export type PolicyState = {
  chosen: ChosenPolicy | null;
  /** Non-null while the user is writing a new policy; kept so closing the tab loses nothing typed. */
  draft: PolicyDraft | null;
  updatedAt: string | null;
};

export type PolicySlice = {
  policy: PolicyState;
  choosePolicy(policy: ChosenPolicy): void;
  /** Opens the form with `draft`, or replaces what is in it. */
  editPolicyDraft(draft: PolicyDraft): void;
  discardPolicyDraft(): void;
};

export const initialPolicy: PolicyState = { chosen: null, draft: null, updatedAt: null };

export const persistedPolicySchema = z.object({
  chosen: z.object({ id: z.string().min(1), name: z.string().min(1) }).nullable().default(null),
  // A draft from an older build that no longer fits is dropped on its own, keeping the rest of the progress.
  draft: policyDraftSchema.nullable().default(null).catch(null),
  updatedAt: z.iso.datetime().nullable().default(null),
});

export const persistPolicy = (policy: PolicyState): PolicyState => ({
  chosen: policy.chosen ? { id: policy.chosen.id, name: policy.chosen.name } : null,
  draft: policy.draft,
  updatedAt: policy.updatedAt,
});

/** True when `policyId` is a policy of the vault `vaultId` (ARM ids compare case-insensitively). */
export function isPolicyOfVault(policyId: string, vaultId: string): boolean {
  return vaultId !== '' && policyId.toLowerCase().startsWith(`${vaultId.toLowerCase()}/backuppolicies/`);
}

export const createPolicySlice =
  ({ now }: StoreDeps): SliceCreator<PolicySlice> =>
  (set) => ({
    policy: initialPolicy,
    choosePolicy: ({ id, name }) =>
      set((state) => ({ policy: { ...state.policy, chosen: { id, name }, updatedAt: now().toISOString() } })),
    editPolicyDraft: (draft) =>
      set((state) => ({ policy: { ...state.policy, draft, updatedAt: now().toISOString() } })),
    discardPolicyDraft: () =>
      set((state) => ({ policy: { ...state.policy, draft: null, updatedAt: now().toISOString() } })),
  });
