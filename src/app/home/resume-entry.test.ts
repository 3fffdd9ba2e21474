import { describe, expect, it } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { createWizardStore } from '../../store/wizard-store.ts';
import { hasSavedSetup, lastSavedAt, resumeEntry } from './resume-entry.ts';

const memory = (): StateStorage => {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
};

function store(times: string[]) {
  let i = 0;
  return createWizardStore({ account: { tenantId: 't', homeAccountId: 'a' }, storage: memory(), now: () => new Date(times[Math.min(i++, times.length - 1)] ?? '') });
}

const VAULT = { id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/rsv-prod-weu', name: 'rsv-prod-weu', resourceGroup: 'rg', location: 'westeurope' };

describe('resumeEntry', () => {
  it('offers nothing before a vault is chosen', () => {
    const s = store(['2026-01-01T10:00:00.000Z']);
    s.getState().chooseSubscription({ subscriptionId: 's', displayName: 'S' });
    expect(resumeEntry(s.getState())).toBeNull();
    expect(hasSavedSetup(s.getState())).toBe(false);
  });

  it('names the vault, its region, the first step not done and when progress was last saved', () => {
    const s = store(['2026-01-01T10:00:00.000Z', '2026-01-01T10:05:00.000Z']);
    s.getState().chooseSubscription({ subscriptionId: 's', displayName: 'S' });
    s.getState().chooseVault(VAULT);
    const entry = resumeEntry(s.getState());
    expect(entry).toMatchObject({ vaultName: 'rsv-prod-weu', region: 'westeurope', savedAt: '2026-01-01T10:05:00.000Z', finished: false });
    expect(entry?.step.id).toBe('replication');
    expect(hasSavedSetup(s.getState())).toBe(true);
  });

  it('counts the journal as saved progress', () => {
    const s = store(['2026-01-01T10:00:00.000Z', '2026-01-01T11:00:00.000Z']);
    s.getState().chooseSubscription({ subscriptionId: 's', displayName: 'S' });
    s.setState({
      journal: {
        entries: [{ id: 'e', at: '2026-01-01T10:30:00.000Z', kind: 'vault.put', method: 'PUT', target: VAULT.id, summary: {}, attempts: 1, result: { outcome: 'succeeded', at: '2026-01-01T12:00:00.000Z' } }],
      },
    });
    expect(lastSavedAt(s.getState())).toBe('2026-01-01T12:00:00.000Z');
  });
});

describe('resumeEntry for the next region', () => {
  it('offers to continue the next region before its vault is chosen', () => {
    const s = store(['2026-01-01T10:00:00.000Z']);
    s.getState().chooseSubscription({ subscriptionId: 's', displayName: 'S' });
    s.getState().chooseVault(VAULT);
    s.getState().startNextRegion({
      finished: { vaultId: VAULT.id, vaultName: VAULT.name, location: 'westeurope', policyName: 'DefaultPolicy', vmCount: 1 },
      region: 'northeurope',
      policyDraft: null,
    });
    expect(resumeEntry(s.getState())).toMatchObject({ vaultName: null, region: 'northeurope', finished: false });
    expect(resumeEntry(s.getState())?.step.id).toBe('vault');
    expect(hasSavedSetup(s.getState())).toBe(true);
  });
});
