import { describe, expect, it } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { createWizardStore, storageKeyFor } from './wizard-store.ts';
import { hasSelectableSelection, initialVms, persistedVmsSchema, selectSelectedVmIds, vmFindingsAccepted } from './vms-slice.ts';

const account = { tenantId: 't', homeAccountId: 'alice.t' };
const now = () => new Date('2026-11-25T10:00:00.000Z');
const VM = (name: string) => `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/${name}`;

function memoryStorage(): StateStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

describe('vms slice', () => {
  it('toggles a VM in and out, keeping its summary only while selected', () => {
    const store = createWizardStore({ account, storage: memoryStorage(), now });
    store.getState().toggleVm(VM('web-01'), { name: 'web-01', resourceGroup: 'rg', verdict: 'ready' });
    expect(selectSelectedVmIds(store.getState())).toEqual([VM('web-01')]);
    expect(store.getState().vms.summaries[VM('web-01')]?.verdict).toBe('ready');
    // ARM ids compare case-insensitively.
    store.getState().toggleVm(VM('WEB-01'));
    expect(store.getState().vms).toMatchObject({ selectedIds: [], summaries: {}, updatedAt: '2026-11-25T10:00:00.000Z' });
  });

  it('replaces the selection, dropping duplicates and summaries of VMs no longer selected', () => {
    const store = createWizardStore({ account, storage: memoryStorage(), now });
    store.getState().selectVms([VM('a'), VM('b')], {
      [VM('a')]: { name: 'a', resourceGroup: 'rg', verdict: 'ready' },
      [VM('b')]: { name: 'b', resourceGroup: 'rg', verdict: 'attention' },
    });
    store.getState().selectVms([VM('b'), VM('B'), VM('c')]);
    expect(store.getState().vms.selectedIds).toEqual([VM('b'), VM('c')]);
    expect(Object.keys(store.getState().vms.summaries)).toEqual([VM('b')]);
  });

  it('clears the selection but remembers that discovery ran', () => {
    const store = createWizardStore({ account, storage: memoryStorage(), now });
    store.getState().markVmsDiscovered('2026-11-25T09:00:00.000Z');
    store.getState().toggleVm(VM('a'));
    store.getState().clearVms();
    expect(store.getState().vms).toMatchObject({ selectedIds: [], discoveredAt: '2026-11-25T09:00:00.000Z' });
  });

  it('is complete with at least one VM that is not blocked', () => {
    expect(hasSelectableSelection(initialVms)).toBe(false);
    expect(hasSelectableSelection({ ...initialVms, selectedIds: [VM('a')] })).toBe(true);
    expect(
      hasSelectableSelection({ ...initialVms, selectedIds: [VM('a')], summaries: { [VM('a')]: { name: 'a', resourceGroup: 'rg', verdict: 'blocked' } } }),
    ).toBe(false);
    expect(
      hasSelectableSelection({ ...initialVms, selectedIds: [VM('a')], summaries: { [VM('a')]: { name: 'a', resourceGroup: 'rg', verdict: 'attention' } } }),
    ).toBe(true);
  });

  it('is not complete with only VMs whose findings needing attention were not accepted', () => {
    const summary = { name: 'a', resourceGroup: 'rg', verdict: 'attention' as const, attention: ['vm-size'] };
    expect(hasSelectableSelection({ ...initialVms, selectedIds: [VM('a')], summaries: { [VM('a')]: summary } })).toBe(false);
    expect(hasSelectableSelection({ ...initialVms, selectedIds: [VM('a')], summaries: { [VM('a')]: { ...summary, accepted: ['vm-size'] } } })).toBe(true);
    expect(vmFindingsAccepted({ ...summary, accepted: ['os-linux-unendorsed'] })).toBe(false);
  });

  it('keeps the acceptance and the Enhanced-policy needs of a selected VM across a reload, and drops them with it', async () => {
    const storage = memoryStorage();
    const store = createWizardStore({ account, storage, now });
    const summary = { name: 'tl', resourceGroup: 'rg', verdict: 'attention' as const, attention: ['vm-size'], accepted: ['vm-size'], needsEnhanced: ['Trusted Launch'] };
    store.getState().toggleVm(VM('tl'), summary);
    const again = createWizardStore({ account, storage, now });
    await again.persist.rehydrate();
    expect(again.getState().vms.summaries[VM('tl')]).toEqual(summary);
    again.getState().toggleVm(VM('tl'));
    expect(again.getState().vms.summaries).toEqual({});
  });

  it('is saved (ids, summaries, when discovered) and read back after a reload', async () => {
    const storage = memoryStorage();
    const store = createWizardStore({ account, storage, now });
    store.getState().markVmsDiscovered('2026-11-25T09:00:00.000Z');
    store.getState().toggleVm(VM('web-01'), { name: 'web-01', resourceGroup: 'rg', verdict: 'ready' });
    const saved = JSON.parse(storage.data.get(storageKeyFor(account)) ?? '{}') as { state: { vms: unknown } };
    expect(saved.state.vms).toEqual({
      selectedIds: [VM('web-01')],
      discoveredAt: '2026-11-25T09:00:00.000Z',
      summaries: { [VM('web-01')]: { name: 'web-01', resourceGroup: 'rg', verdict: 'ready' } },
      updatedAt: '2026-11-25T10:00:00.000Z',
    });
    const again = createWizardStore({ account, storage, now });
    await again.persist.rehydrate();
    expect(again.getState().vms.selectedIds).toEqual([VM('web-01')]);
  });

  it('ignores a saved selection of the wrong shape', () => {
    expect(persistedVmsSchema.safeParse({ selectedIds: [42] }).success).toBe(false);
    expect(persistedVmsSchema.parse({})).toEqual({ selectedIds: [], discoveredAt: null, summaries: {}, updatedAt: null });
  });

  it('resets when the vault changes: which VMs can be selected depends on its region', () => {
    const store = createWizardStore({ account, storage: memoryStorage(), now });
    store.getState().chooseVault({ id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v1', name: 'v1', resourceGroup: 'rg', location: 'westeurope' });
    store.getState().toggleVm(VM('a'));
    store.getState().chooseVault({ id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v2', name: 'v2', resourceGroup: 'rg', location: 'northeurope' });
    expect(store.getState().vms.selectedIds).toEqual([]);
  });
});
