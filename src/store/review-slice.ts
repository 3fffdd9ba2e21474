import { z } from 'zod';
import type { SliceCreator, StoreDeps } from './slice.ts';
import type { WizardState } from './wizard-store.ts';

/**
 * The Review step's approval: the user read the plan, every write in it is permitted, and nothing conflicts.
 * It names what it approved, so a later change of vault, policy or VMs makes the plan unapproved again.
 */
export type ReviewApproval = {
  vaultId: string;
  policyId: string;
  /** Lower-cased and sorted: compared as a set. */
  vmIds: string[];
  approvedAt: string;
};

export type ReviewState = { approval: ReviewApproval | null };

export type ReviewSlice = {
  review: ReviewState;
  approveReview(approval: Omit<ReviewApproval, 'approvedAt' | 'vmIds'> & { vmIds: readonly string[] }): void;
  withdrawReview(): void;
};

export const initialReview: ReviewState = { approval: null };

const id = z.string().min(1).max(2000);

export const persistedReviewSchema = z.object({
  approval: z
    .object({ vaultId: id, policyId: id, vmIds: z.array(id).max(10_000), approvedAt: z.iso.datetime() })
    .nullable()
    .default(null),
});

export const persistReview = (review: ReviewState): ReviewState => ({
  approval: review.approval && { ...review.approval, vmIds: [...review.approval.vmIds] },
});

const vmSet = (ids: readonly string[]): string[] => [...new Set(ids.map((vmId) => vmId.toLowerCase()))].sort();

/** True when the approval is of the current vault, policy and selection of VMs. */
export function isReviewApproved(state: Pick<WizardState, 'review' | 'vault' | 'policy' | 'vms'>): boolean {
  const { approval } = state.review;
  const vault = state.vault.chosen;
  const policy = state.policy.chosen;
  if (!approval || !vault || !policy) return false;
  if (approval.vaultId.toLowerCase() !== vault.id.toLowerCase() || approval.policyId.toLowerCase() !== policy.id.toLowerCase()) return false;
  const selected = vmSet(state.vms.selectedIds);
  return selected.length === approval.vmIds.length && selected.every((vmId, i) => vmId === approval.vmIds[i]);
}

export const createReviewSlice =
  ({ now }: StoreDeps): SliceCreator<ReviewSlice> =>
  (set) => ({
    review: initialReview,
    approveReview: ({ vaultId, policyId, vmIds }) =>
      set({ review: { approval: { vaultId, policyId, vmIds: vmSet(vmIds), approvedAt: now().toISOString() } } }),
    withdrawReview: () => set({ review: initialReview }),
  });
