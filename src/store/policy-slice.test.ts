import { describe, expect, it } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { stepById } from '../app/steps.ts';
import { newPolicyDraft } from './policy-draft.ts';
import { isPolicyOfVault } from './policy-slice.ts';
import { createWizardStore, storageKeyFor } from './wizard-store.ts';

const alice = { tenantId: 't', homeAccountId: 'alice.t' };
const now = () => new Date('2026-11-25T10:00:00.000Z');
const production = { subscriptionId: '8c6b1f3e-2a4d-4f5b-9e7c-0a1b2c3d4e5f', displayName: 'Contoso Production' };
const vaultId = `/subscriptions/${production.subscriptionId}/resourceGroups/rg-backup-prod/providers/Microsoft.RecoveryServices/vaults/rsv-prod-weu`;
const vault = { id: vaultId, name: 'rsv-prod-weu', resourceGroup: 'rg-backup-prod', location: 'westeurope' };
const otherVault = { ...vault, id: vaultId.replace('rsv-prod-weu', 'rsv-other'), name: 'rsv-other' };
const defaultPolicy = { id: `${vaultId}/backupPolicies/DefaultPolicy`, name: 'DefaultPolicy' };

function memoryStorage(): StateStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

function storeAtPolicyStep(storage = memoryStorage()) {
  const store = createWizardStore({ account: alice, storage, now });
  store.getState().chooseSubscription(production);
  store.getState().chooseVault(vault);
  return { store, storage };
}

describe('goal slice', () => {
  it('completes the goal step once Azure virtual machines are confirmed, and remembers it', () => {
    const { store, storage } = storeAtPolicyStep();
    expect(stepById('goal').isComplete(store.getState())).toBe(false);
    store.getState().confirmGoal();
    expect(store.getState().goal).toEqual({ workload: 'Azure', backupItem: 'VirtualMachine', updatedAt: '2026-11-25T10:00:00.000Z' });
    expect(stepById('goal').isComplete(store.getState())).toBe(true);
    expect(stepById('goal').summarize?.(store.getState())).toBe('Azure virtual machines');
    expect(createWizardStore({ account: alice, storage }).getState().goal.workload).toBe('Azure');
  });

  it('asks again for a different vault', () => {
    const { store } = storeAtPolicyStep();
    store.getState().confirmGoal();
    store.getState().chooseVault(otherVault);
    expect(stepById('goal').isComplete(store.getState())).toBe(false);
  });
});

describe('policy slice', () => {
  it('completes the policy step with a policy of the chosen vault, and keeps only its id and name', () => {
    const { store, storage } = storeAtPolicyStep();
    store.getState().choosePolicy({ ...defaultPolicy, properties: { huge: 'response' } } as typeof defaultPolicy);
    expect(stepById('policy').isComplete(store.getState())).toBe(true);
    expect(stepById('policy').summarize?.(store.getState())).toBe('DefaultPolicy');
    const saved = JSON.parse(storage.data.get(storageKeyFor(alice)) ?? '{}') as { state: { policy: unknown } };
    expect(saved.state.policy).toEqual({ chosen: defaultPolicy, draft: null, updatedAt: '2026-11-25T10:00:00.000Z' });
  });

  it('keeps a draft across a reload, and drops it when discarded', () => {
    const { store, storage } = storeAtPolicyStep();
    const draft = { ...newPolicyDraft(), name: 'weekly-pst', timeZone: 'Pacific Standard Time', dailyCount: '3' };
    store.getState().editPolicyDraft(draft);
    expect(createWizardStore({ account: alice, storage }).getState().policy.draft).toEqual(draft);
    store.getState().discardPolicyDraft();
    expect(createWizardStore({ account: alice, storage }).getState().policy.draft).toBeNull();
  });

  it('drops a saved draft that no longer fits, keeping the rest of the progress', () => {
    const { store, storage } = storeAtPolicyStep();
    store.getState().choosePolicy(defaultPolicy);
    const key = storageKeyFor(alice);
    const saved = JSON.parse(storage.data.get(key) ?? '{}') as { state: { policy: Record<string, unknown> } };
    saved.state.policy['draft'] = { name: 'x', policyType: 'V3' };
    storage.setItem(key, JSON.stringify(saved));
    const reopened = createWizardStore({ account: alice, storage }).getState();
    expect(reopened.policy.draft).toBeNull();
    expect(reopened.policy.chosen).toEqual(defaultPolicy);
    expect(reopened.vault.chosen?.name).toBe('rsv-prod-weu');
  });

  it('forgets the chosen policy, but not the draft, when another vault or subscription is chosen', () => {
    const { store } = storeAtPolicyStep();
    store.getState().choosePolicy(defaultPolicy);
    store.getState().editPolicyDraft({ ...newPolicyDraft(), name: 'kept' });
    store.getState().chooseVault(vault); // the same vault again changes nothing
    expect(store.getState().policy.chosen).toEqual(defaultPolicy);
    store.getState().chooseVault(otherVault);
    expect(store.getState().policy.chosen).toBeNull();
    expect(store.getState().policy.draft?.name).toBe('kept');

    store.getState().chooseVault(vault);
    store.getState().choosePolicy(defaultPolicy);
    store.getState().chooseSubscription({ subscriptionId: 'b2d4f6a8-1c3e-4a5b-8d7f-9e0a1b2c3d4e', displayName: 'Contoso Dev/Test' });
    expect(store.getState().policy.chosen).toBeNull();
  });

  it('does not count a policy of another vault as done', () => {
    const { store } = storeAtPolicyStep();
    store.getState().choosePolicy({ id: `${otherVault.id}/backupPolicies/DefaultPolicy`, name: 'DefaultPolicy' });
    expect(stepById('policy').isComplete(store.getState())).toBe(false);
  });
});

describe('isPolicyOfVault', () => {
  it('compares ARM ids case-insensitively and needs the policy segment', () => {
    expect(isPolicyOfVault(defaultPolicy.id.toLowerCase(), vaultId)).toBe(true);
    expect(isPolicyOfVault(`${vaultId}-2/backupPolicies/DefaultPolicy`, vaultId)).toBe(false);
    expect(isPolicyOfVault(defaultPolicy.id, '')).toBe(false);
  });
});
