import { describe, expect, it } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { AZURE_DEFAULT_SECURITY } from '../shared/vault-security.ts';
import { replicationIsConfirmed, securityChoiceFor } from './replication-slice.ts';
import { draftFromSecurity } from './security-draft.ts';
import { createWizardStore, storageKeyFor } from './wizard-store.ts';

const account = { tenantId: 't', homeAccountId: 'alice' };
const now = () => new Date('2026-11-25T10:00:00.000Z');
const production = { subscriptionId: 'sub-prod', displayName: 'Contoso Production' };
const prodVault = { id: '/subscriptions/sub-prod/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-prod-weu', name: 'rsv-prod-weu', resourceGroup: 'rg-backup', location: 'westeurope' };
const otherVault = { ...prodVault, id: prodVault.id.replace('rsv-prod-weu', 'rsv-other'), name: 'rsv-other' };

function memoryStorage(): StateStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

function storeWithVault(storage = memoryStorage()) {
  const store = createWizardStore({ account, storage, now });
  store.getState().chooseSubscription(production);
  store.getState().chooseVault(prodVault);
  return { store, storage };
}

describe('vault slice', () => {
  it('keeps the chosen vault and the typed draft across a reload', () => {
    const { store, storage } = storeWithVault();
    store.getState().editVaultDraft({ mode: 'new', name: 'rsv-half', resourceGroupMode: 'new', newResourceGroup: 'rg-half', tags: [{ key: 'env', value: 'x' }] });

    const reopened = createWizardStore({ account, storage });
    expect(reopened.getState().vault.chosen).toEqual(prodVault);
    expect(reopened.getState().vault.draft).toMatchObject({ mode: 'new', name: 'rsv-half', newResourceGroup: 'rg-half', tags: [{ key: 'env', value: 'x' }] });
  });

  it('ignores a saved vault of the wrong shape', () => {
    const storage = memoryStorage();
    storage.setItem(
      storageKeyFor(account),
      JSON.stringify({ state: { setup: { subscriptionId: 'sub-prod' }, vault: { chosen: { id: 42 } } }, version: 1 }),
    );
    const store = createWizardStore({ account, storage });
    expect(store.getState().vault.chosen).toBeNull();
  });

  it('a new subscription drops the vault and what depends on it, but keeps the typed name and tags', () => {
    const { store } = storeWithVault();
    store.getState().editVaultDraft({ name: 'rsv-typed', existingResourceGroup: 'rg-backup', location: 'westeurope', tags: [{ key: 'a', value: 'b' }] });
    store.getState().chooseReplication(prodVault.id, { storageType: 'LocallyRedundant', crossRegionRestore: false });

    store.getState().chooseSubscription(production); // the same one: nothing changes
    expect(store.getState().vault.chosen).toEqual(prodVault);

    store.getState().chooseSubscription({ subscriptionId: 'sub-dev', displayName: 'Dev' });
    const { vault, replication } = store.getState();
    expect(vault.chosen).toBeNull();
    expect(vault.draft).toMatchObject({ name: 'rsv-typed', existingResourceGroup: '', location: '', tags: [{ key: 'a', value: 'b' }] });
    expect(replication.choice).toBeNull();
  });
});

describe('replication slice', () => {
  it('is done only when the read-back matches the choice, for the chosen vault', () => {
    const { store } = storeWithVault();
    const lrs = { storageType: 'LocallyRedundant' as const, crossRegionRestore: false };
    store.getState().chooseReplication(prodVault.id, lrs);
    expect(replicationIsConfirmed(store.getState().replication, prodVault.id)).toBe(false);

    store.getState().confirmReplication(prodVault.id, { ...lrs, locked: false });
    expect(replicationIsConfirmed(store.getState().replication, prodVault.id)).toBe(true);
    expect(store.getState().replication.confirmed).toEqual({ ...lrs, locked: false, confirmedAt: '2026-11-25T10:00:00.000Z' });

    // Picking something else un-does it until that is saved and read back too.
    store.getState().chooseReplication(prodVault.id, { storageType: 'GeoRedundant', crossRegionRestore: false });
    expect(replicationIsConfirmed(store.getState().replication, prodVault.id)).toBe(false);
    expect(replicationIsConfirmed(store.getState().replication, otherVault.id)).toBe(false);
  });

  it('a read-back that differs from the choice does not complete the step', () => {
    const { store } = storeWithVault();
    store.getState().chooseReplication(prodVault.id, { storageType: 'LocallyRedundant', crossRegionRestore: false });
    store.getState().confirmReplication(prodVault.id, { storageType: 'GeoRedundant', crossRegionRestore: false, locked: false });
    expect(replicationIsConfirmed(store.getState().replication, prodVault.id)).toBe(false);
  });

  it('a Locked vault, once acknowledged, is done with its own setting', () => {
    const { store } = storeWithVault();
    store.getState().confirmReplication(prodVault.id, { storageType: 'GeoRedundant', crossRegionRestore: false, locked: true });
    expect(replicationIsConfirmed(store.getState().replication, prodVault.id)).toBe(true);
    expect(store.getState().replication.choice).toEqual({ storageType: 'GeoRedundant', crossRegionRestore: false });
  });

  it('choosing another vault resets replication; choosing the same one again does not', () => {
    const { store } = storeWithVault();
    store.getState().confirmReplication(prodVault.id, { storageType: 'GeoRedundant', crossRegionRestore: false, locked: true });
    store.getState().chooseVault({ ...prodVault, id: prodVault.id.toUpperCase() });
    expect(replicationIsConfirmed(store.getState().replication, prodVault.id)).toBe(true);

    store.getState().chooseVault(otherVault);
    expect(store.getState().replication).toEqual({ vaultId: null, choice: null, confirmed: null, security: { vaultId: null, draft: null, confirmed: null } });
  });

  it('persists the choice and the confirmation', () => {
    const { store, storage } = storeWithVault();
    const lrs = { storageType: 'LocallyRedundant' as const, crossRegionRestore: false };
    store.getState().chooseReplication(prodVault.id, lrs);
    store.getState().confirmReplication(prodVault.id, { ...lrs, locked: false });
    const reopened = createWizardStore({ account, storage });
    expect(replicationIsConfirmed(reopened.getState().replication, prodVault.id)).toBe(true);
  });
});

describe('vault security choice', () => {
  const azure = { ...AZURE_DEFAULT_SECURITY };

  it('starts a draft from what Azure reports, keeps it per vault, and a confirmation replaces it', () => {
    const { store } = storeWithVault();
    store.getState().editSecurityDraft(prodVault.id, draftFromSecurity(azure), { immutability: 'Unlocked' });
    store.getState().editSecurityDraft(prodVault.id, draftFromSecurity(azure), { softDeleteRetentionDays: '30' });
    expect(securityChoiceFor(store.getState().replication, prodVault.id).draft).toMatchObject({ immutability: 'Unlocked', softDeleteRetentionDays: '30' });
    expect(securityChoiceFor(store.getState().replication, otherVault.id).draft).toBeNull();

    store.getState().confirmSecurity(prodVault.id, { ...azure, immutability: 'Unlocked', softDeleteRetentionDays: 30, softDeleteState: 'AlwaysON' });
    const saved = securityChoiceFor(store.getState().replication, prodVault.id);
    expect(saved.confirmed).toMatchObject({ immutability: 'Unlocked', softDeleteState: 'AlwaysON', confirmedAt: '2026-11-25T10:00:00.000Z' });
    expect(saved.draft).toMatchObject({ softDeleteState: 'AlwaysON', softDeleteRetentionDays: '30' });
  });

  it('survives a reload, a replication change keeps it, and another vault drops it', () => {
    const { store, storage } = storeWithVault();
    store.getState().confirmSecurity(prodVault.id, { ...azure, immutability: 'Locked' });
    store.getState().chooseReplication(prodVault.id, { storageType: 'LocallyRedundant', crossRegionRestore: false });
    const reopened = createWizardStore({ account, storage });
    expect(securityChoiceFor(reopened.getState().replication, prodVault.id).confirmed?.immutability).toBe('Locked');
    reopened.getState().chooseVault(otherVault);
    expect(reopened.getState().replication.security).toEqual({ vaultId: null, draft: null, confirmed: null });
  });

  it('reads progress saved before these settings existed (version 1 without them)', () => {
    const storage = memoryStorage();
    storage.setItem(
      storageKeyFor(account),
      JSON.stringify({
        state: {
          setup: { subscriptionId: 'sub-prod' },
          vault: { chosen: prodVault, draft: { mode: 'new', name: 'rsv-old' } },
          replication: { vaultId: prodVault.id, choice: { storageType: 'GeoRedundant', crossRegionRestore: false }, confirmed: null },
        },
        version: 1,
      }),
    );
    const store = createWizardStore({ account, storage });
    expect(store.getState().vault.draft).toMatchObject({ name: 'rsv-old', security: { softDeleteState: 'Enabled', softDeleteRetentionDays: '14', immutability: 'Disabled' } });
    expect(store.getState().replication).toMatchObject({ choice: { storageType: 'GeoRedundant' }, security: { vaultId: null, draft: null, confirmed: null } });
  });
});
