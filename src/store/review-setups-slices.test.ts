import { describe, expect, it } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { newPolicyDraft } from './policy-draft.ts';
import { isReviewApproved } from './review-slice.ts';
import { createWizardStore, storageKeyFor } from './wizard-store.ts';

const account = { tenantId: 't', homeAccountId: 'a.t' };
const now = () => new Date('2026-11-25T10:00:00.000Z');
const VAULT = { id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v1', name: 'v1', resourceGroup: 'rg', location: 'westeurope' };
const POLICY = { id: `${VAULT.id}/backupPolicies/DefaultPolicy`, name: 'DefaultPolicy' };
const VM_A = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/a';
const VM_B = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/b';

function memoryStorage(): StateStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

function storeWithChoices() {
  const storage = memoryStorage();
  const store = createWizardStore({ account, storage, now });
  const s = store.getState();
  s.chooseSubscription({ subscriptionId: 's', displayName: 'S' });
  s.chooseVault(VAULT);
  s.choosePolicy(POLICY);
  s.selectVms([VM_A, VM_B]);
  return { store, storage };
}

describe('review approval', () => {
  it('holds for the vault, policy and VMs it approved, whatever the order or case of the ids', () => {
    const { store } = storeWithChoices();
    expect(isReviewApproved(store.getState())).toBe(false);
    store.getState().approveReview({ vaultId: VAULT.id.toUpperCase(), policyId: POLICY.id, vmIds: [VM_B, VM_A.toUpperCase()] });
    expect(isReviewApproved(store.getState())).toBe(true);
  });

  it('lapses when the selection, the policy or the vault changes', () => {
    const { store } = storeWithChoices();
    store.getState().approveReview({ vaultId: VAULT.id, policyId: POLICY.id, vmIds: [VM_A, VM_B] });
    store.getState().toggleVm(VM_B);
    expect(isReviewApproved(store.getState())).toBe(false);
    store.getState().toggleVm(VM_B);
    expect(isReviewApproved(store.getState())).toBe(true);
    store.getState().choosePolicy({ id: `${VAULT.id}/backupPolicies/other`, name: 'other' });
    expect(isReviewApproved(store.getState())).toBe(false);
  });

  it('is saved with the progress', () => {
    const { store, storage } = storeWithChoices();
    store.getState().approveReview({ vaultId: VAULT.id, policyId: POLICY.id, vmIds: [VM_A, VM_B] });
    const saved = JSON.parse(storage.data.get(storageKeyFor(account)) ?? '{}') as { state: { review: unknown } };
    expect(saved.state.review).toEqual({
      approval: { vaultId: VAULT.id, policyId: POLICY.id, vmIds: [VM_A.toLowerCase(), VM_B.toLowerCase()], approvedAt: '2026-11-25T10:00:00.000Z' },
    });
  });
});

describe('startNextRegion', () => {
  it('records the finished region and starts a new vault there, carrying the policy settings but not the policy', () => {
    const { store } = storeWithChoices();
    store.getState().approveReview({ vaultId: VAULT.id, policyId: POLICY.id, vmIds: [VM_A, VM_B] });
    const draft = { ...newPolicyDraft(), name: 'DefaultPolicy', dailyCount: '45' };
    store.getState().startNextRegion({
      finished: { vaultId: VAULT.id, vaultName: 'v1', location: 'westeurope', policyName: 'DefaultPolicy', vmCount: 2 },
      region: 'northeurope',
      policyDraft: draft,
    });
    const state = store.getState();
    expect(state.setups.completed).toEqual([
      { vaultId: VAULT.id, vaultName: 'v1', location: 'westeurope', policyName: 'DefaultPolicy', vmCount: 2, completedAt: '2026-11-25T10:00:00.000Z' },
    ]);
    expect(state.setup.subscriptionId).toBe('s');
    expect(state.vault.chosen).toBeNull();
    expect(state.vault.draft).toMatchObject({ mode: 'new', name: '', location: 'northeurope' });
    expect(state.policy.chosen).toBeNull();
    expect(state.policy.draft).toEqual(draft);
    expect(state.vms.selectedIds).toEqual([]);
    expect(state.review.approval).toBeNull();
    expect(state.enable.run).toBeNull();
  });

  it('records a region once, however often it is finished', () => {
    const { store } = storeWithChoices();
    const finished = { vaultId: VAULT.id, vaultName: 'v1', location: 'westeurope', policyName: 'DefaultPolicy', vmCount: 2 };
    store.getState().startNextRegion({ finished, region: 'northeurope', policyDraft: null });
    store.getState().startNextRegion({ finished: { ...finished, vmCount: 3 }, region: 'eastus', policyDraft: null });
    expect(store.getState().setups.completed.map((s) => s.vmCount)).toEqual([3]);
  });
});
