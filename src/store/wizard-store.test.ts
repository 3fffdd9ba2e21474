import { describe, expect, it } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { createWizardStore, migrate, PERSIST_VERSION, storageKeyFor } from './wizard-store.ts';

const alice = { tenantId: '3f6c2a9e-8b1d-4e27-9c5a-1d2e3f4a5b6c', homeAccountId: 'a11ce000-0000-4000-8000-000000000001.3f6c2a9e-8b1d-4e27-9c5a-1d2e3f4a5b6c' };
const ben = { tenantId: alice.tenantId, homeAccountId: 'b0b00000-0000-4000-8000-000000000002.3f6c2a9e-8b1d-4e27-9c5a-1d2e3f4a5b6c' };
const production = { subscriptionId: '8c6b1f3e-2a4d-4f5b-9e7c-0a1b2c3d4e5f', displayName: 'Contoso Production' };
const fixedNow = () => new Date('2026-11-25T10:00:00.000Z');

function memoryStorage(): StateStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

function saved(storage: { data: Map<string, string> }, key: string): unknown {
  const raw = storage.data.get(key);
  return raw === undefined ? undefined : JSON.parse(raw);
}

describe('wizard store', () => {
  it('saves a chosen subscription under a key for that tenant and account', () => {
    const storage = memoryStorage();
    const store = createWizardStore({ account: alice, storage, now: fixedNow });
    store.getState().chooseSubscription(production);

    expect(storageKeyFor(alice)).toBe(`vmbw:v1:${alice.tenantId}:${alice.homeAccountId}`);
    // The whole allow-list is checked below; here, the subscription slice and the version.
    expect(saved(storage, storageKeyFor(alice))).toMatchObject({ version: PERSIST_VERSION });
    expect((saved(storage, storageKeyFor(alice)) as { state: { setup: unknown } }).state.setup).toEqual({
      subscriptionId: production.subscriptionId,
      subscriptionName: 'Contoso Production',
      updatedAt: '2026-11-25T10:00:00.000Z',
    });
  });

  it('restores the saved choice for the same account', () => {
    const storage = memoryStorage();
    createWizardStore({ account: alice, storage, now: fixedNow }).getState().chooseSubscription(production);

    const reopened = createWizardStore({ account: alice, storage });
    expect(reopened.persist.hasHydrated()).toBe(true);
    expect(reopened.getState().setup.subscriptionId).toBe(production.subscriptionId);
  });

  it('never shows one account’s progress to another account on the same browser', () => {
    const storage = memoryStorage();
    createWizardStore({ account: alice, storage, now: fixedNow }).getState().chooseSubscription(production);

    const bens = createWizardStore({ account: ben, storage });
    expect(bens.getState().setup).toEqual({ subscriptionId: null, subscriptionName: null, updatedAt: null });
    expect(storage.data.has(storageKeyFor(ben))).toBe(false);
  });

  it('keeps the same user in another tenant separate', () => {
    const storage = memoryStorage();
    createWizardStore({ account: alice, storage, now: fixedNow }).getState().chooseSubscription(production);

    const otherTenant = { ...alice, tenantId: '00000000-0000-4000-8000-00000000abcd' };
    expect(createWizardStore({ account: otherTenant, storage }).getState().setup.subscriptionId).toBeNull();
  });

  it('persists only the allow-listed choices: no functions, tokens or other fields', () => {
    const storage = memoryStorage();
    const store = createWizardStore({ account: alice, storage, now: fixedNow });
    store.getState().chooseSubscription(production);
    // Anything else put on the state must not leak into storage.
    store.setState({ accessToken: 'eyJ.secret', idToken: 'eyJ.id' } as never);
    store.getState().chooseSubscription(production);

    const raw = storage.data.get(storageKeyFor(alice)) ?? '';
    expect(raw).not.toMatch(/token|secret|password|credential|eyJ/i);
    const keys = (value: unknown, prefix = ''): string[] =>
      typeof value === 'object' && value !== null
        ? Object.entries(value).flatMap(([k, v]) => [`${prefix}${k}`, ...keys(v, `${prefix}${k}.`)])
        : [];
    expect(keys((saved(storage, storageKeyFor(alice)) as { state: unknown }).state).sort()).toEqual([
      'agent',
      'agent.acknowledged',
      'agent.results',
      'agent.updatedAt',
      'enable',
      'enable.acceptedFailures',
      'enable.backups',
      'enable.run',
      'enable.unchanged',
      'goal',
      'goal.backupItem',
      'goal.updatedAt',
      'goal.workload',
      // The journal is saved entry by entry beside this value (journal-storage.ts), not in it.
      'network',
      'network.acknowledged',
      'network.createdRules',
      'network.proxy',
      'network.proxyDraft',
      'network.proxyDraft.ip',
      'network.proxyDraft.port',
      'network.results',
      'network.updatedAt',
      'policy',
      'policy.chosen',
      'policy.draft',
      'policy.updatedAt',
      'replication',
      'replication.choice',
      'replication.confirmed',
      'replication.security',
      'replication.security.confirmed',
      'replication.security.draft',
      'replication.security.vaultId',
      'replication.vaultId',
      'review',
      'review.approval',
      'setup',
      'setup.subscriptionId',
      'setup.subscriptionName',
      'setup.updatedAt',
      'setups',
      'setups.completed',
      'vault',
      'vault.chosen',
      'vault.draft',
      'vault.draft.existingResourceGroup',
      'vault.draft.location',
      'vault.draft.mode',
      'vault.draft.name',
      'vault.draft.newResourceGroup',
      'vault.draft.resourceGroupMode',
      'vault.draft.security',
      'vault.draft.security.crossSubscriptionRestore',
      'vault.draft.security.immutability',
      'vault.draft.security.jobFailureAlerts',
      'vault.draft.security.publicNetworkAccess',
      'vault.draft.security.softDeleteRetentionDays',
      'vault.draft.security.softDeleteState',
      'vault.draft.tags',
      'vault.updatedAt',
      'vms',
      'vms.discoveredAt',
      'vms.selectedIds',
      'vms.summaries',
      'vms.updatedAt',
    ]);
  });

  it('ignores saved data of an unknown version instead of guessing', () => {
    const storage = memoryStorage();
    storage.setItem(
      storageKeyFor(alice),
      JSON.stringify({ state: { setup: { subscriptionId: 'from-a-future-build' } }, version: 99 }),
    );
    expect(createWizardStore({ account: alice, storage }).getState().setup.subscriptionId).toBeNull();
    expect(migrate({ setup: { subscriptionId: 'x' } }, 0)).toEqual({
      setup: { subscriptionId: null, subscriptionName: null, updatedAt: null },
    });
  });

  it('ignores saved data that does not match the expected shape', () => {
    const storage = memoryStorage();
    storage.setItem(storageKeyFor(alice), JSON.stringify({ state: { setup: { subscriptionId: 42 } }, version: 1 }));
    const store = createWizardStore({ account: alice, storage });
    expect(store.getState().setup.subscriptionId).toBeNull();
    expect(typeof store.getState().chooseSubscription).toBe('function');
  });
});
