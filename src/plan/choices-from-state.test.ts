import { describe, expect, it } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { AZURE_DEFAULT_SECURITY } from '../shared/vault-security.ts';
import { draftFromSecurity } from '../store/security-draft.ts';
import { createWizardStore } from '../store/wizard-store.ts';
import { choicesFromState } from './choices-from-state.ts';

const VAULT = { id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v1', name: 'v1', resourceGroup: 'rg', location: 'westeurope' };
const memory = (): StateStorage => {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
};

function store() {
  const s = createWizardStore({ account: { tenantId: 't', homeAccountId: 'a' }, storage: memory(), now: () => new Date('2026-11-25T10:00:00.000Z') });
  s.getState().chooseSubscription({ subscriptionId: 's', displayName: 'S' });
  s.getState().chooseVault(VAULT);
  s.getState().choosePolicy({ id: `${VAULT.id}/backupPolicies/DefaultPolicy`, name: 'DefaultPolicy' });
  return s;
}

describe('choicesFromState: vault security', () => {
  it('is null until the user sets something or Azure reported the saved settings', () => {
    expect(choicesFromState(store().getState())?.security).toBeNull();
  });

  it('is the saved settings, marked saved, and a later edit not saved yet', () => {
    const s = store();
    s.getState().confirmSecurity(VAULT.id, { ...AZURE_DEFAULT_SECURITY, immutability: 'Unlocked' });
    expect(choicesFromState(s.getState())?.security).toEqual({ settings: { ...AZURE_DEFAULT_SECURITY, immutability: 'Unlocked' }, saved: true });
    s.getState().editSecurityDraft(VAULT.id, draftFromSecurity(AZURE_DEFAULT_SECURITY), { softDeleteRetentionDays: '45' });
    expect(choicesFromState(s.getState())?.security).toMatchObject({ settings: { softDeleteRetentionDays: 45, immutability: 'Unlocked' }, saved: false });
  });
});
