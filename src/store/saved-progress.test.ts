import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { runJournaled } from '../azure/journaled.ts';
import type { WriteIntent } from '../journal/types.ts';
import { journalSinkOf } from './journal-slice.ts';
import { createSavedProgress } from './saved-progress.ts';
import { createWizardStore, flushSavedProgress, PERSIST_VERSION, storageKeyFor } from './wizard-store.ts';

const alice = { tenantId: '3f6c2a9e-8b1d-4e27-9c5a-1d2e3f4a5b6c', homeAccountId: 'a11ce000-0000-4000-8000-000000000001.3f6c2a9e-8b1d-4e27-9c5a-1d2e3f4a5b6c' };
const ben = { ...alice, homeAccountId: 'b0b00000-0000-4000-8000-000000000002.3f6c2a9e-8b1d-4e27-9c5a-1d2e3f4a5b6c' };
const KEY = storageKeyFor(alice);
const vaultId = '/subscriptions/s/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv';
const put = (n: number): Omit<WriteIntent, 'clientRequestId'> => ({
  kind: 'protectedItem.put',
  method: 'PUT',
  target: `${vaultId}/backupFabrics/Azure/protectionContainers/c${n}/protectedItems/i${n}`,
  summary: { vmId: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm${n}` },
});

/** In-memory storage that records every write, in order. */
function recordingStorage(): StateStorage & { data: Map<string, string>; writes: string[] } {
  const data = new Map<string, string>();
  const writes: string[] = [];
  return {
    data,
    writes,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => {
      writes.push(key);
      data.set(key, value);
    },
    removeItem: (key) => void data.delete(key),
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('saved progress', () => {
  it('has a write’s intent in storage before its request is sent', async () => {
    const storage = recordingStorage();
    const store = createWizardStore({ account: alice, storage, saveIntervalMs: 500 });
    const seenAtSend: unknown[] = [];
    await runJournaled({ sink: journalSinkOf(store), attempts: null }, put(1), async (hooks) => {
      // What a tab opened right now (after a crash) would read.
      const reopened = createWizardStore({ account: alice, storage });
      seenAtSend.push(...reopened.getState().journal.entries.map((e) => e.clientRequestId));
      expect(hooks.clientRequestId).toBeTruthy();
      return hooks.clientRequestId;
    }, async () => ({ outcome: 'succeeded' }));
    expect(seenAtSend).toHaveLength(1);
    expect(seenAtSend[0]).toBe(store.getState().journal.entries[0]?.clientRequestId);
  });

  it('writes only the journal entry that changed, not the others nor the rest of the progress', () => {
    const storage = recordingStorage();
    const store = createWizardStore({ account: alice, storage, saveIntervalMs: 60_000 });
    const sink = journalSinkOf(store);
    const ids = Array.from({ length: 50 }, (_, n) => sink.intent({ ...put(n), clientRequestId: `c${n}` }));
    storage.writes.length = 0;

    sink.attempted(ids[7] ?? '', { status: 202 });

    expect(storage.writes).toEqual([`${KEY}:journal:7`]);
  });

  it('saves the choices at most once per interval, the first change at once, the last one after the interval', () => {
    vi.useFakeTimers();
    const storage = recordingStorage();
    const store = createWizardStore({ account: alice, storage, saveIntervalMs: 500 });
    storage.writes.length = 0;
    for (let i = 0; i < 100; i++) store.getState().chooseSubscription({ subscriptionId: `sub-${i}`, displayName: `S ${i}` });
    const writesOfChoices = () => storage.writes.filter((key) => key === KEY).length;
    expect(writesOfChoices()).toBeLessThanOrEqual(1);

    vi.advanceTimersByTime(500);

    expect(writesOfChoices()).toBeLessThanOrEqual(2);
    const saved = JSON.parse(storage.data.get(KEY) ?? '{}') as { state: { setup: { subscriptionId: string } }; version: number };
    expect(saved.state.setup.subscriptionId).toBe('sub-99');
    expect(saved.version).toBe(PERSIST_VERSION);
  });

  it('writes what is pending at once when flushed (the page is hidden or closed)', () => {
    vi.useFakeTimers();
    const storage = recordingStorage();
    const store = createWizardStore({ account: alice, storage, saveIntervalMs: 500 });
    store.getState().chooseSubscription({ subscriptionId: 'first', displayName: 'First' });
    store.getState().chooseSubscription({ subscriptionId: 'last', displayName: 'Last' });

    flushSavedProgress(store);

    expect(createWizardStore({ account: alice, storage }).getState().setup.subscriptionId).toBe('last');
  });

  it('coalesces a burst into one snapshot taken when writing', () => {
    let now = 0;
    const runs: (() => void)[] = [];
    const storage = recordingStorage();
    let snapshots = 0;
    const saved = createSavedProgress({
      storage,
      key: KEY,
      version: 2,
      intervalMs: 500,
      now: () => now,
      schedule: (run) => {
        runs.push(run);
        return () => undefined;
      },
      snapshot: () => ({ n: ++snapshots }),
    });
    for (let i = 0; i < 10; i++) saved.setItem(KEY, { state: { n: 0 }, version: 2 });
    expect(snapshots).toBe(1); // the first, at once
    now = 500;
    runs.forEach((run) => run());
    expect(snapshots).toBe(2); // the other nine, as one
  });

  it('migrates version 1 (journal inline) keeping every choice and entry, and moves the journal to entry keys', () => {
    const storage = recordingStorage();
    const entry = {
      id: 'e1',
      at: '2026-01-01T10:00:00.000Z',
      kind: 'protectedItem.put',
      method: 'PUT',
      target: put(1).target,
      summary: { vmId: 'x' },
      attempts: 1,
      operationUrl: 'https://localhost:8443/arm/subscriptions/s/op/1',
    };
    const v1 = {
      version: 1,
      state: {
        setup: { subscriptionId: 'sub-1', subscriptionName: 'Contoso Production', updatedAt: '2026-01-01T09:00:00.000Z' },
        vms: { selectedIds: ['/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1'] },
        journal: { entries: [entry] },
      },
    };
    storage.setItem(KEY, JSON.stringify(v1));

    const store = createWizardStore({ account: alice, storage });

    expect(store.getState().setup.subscriptionId).toBe('sub-1');
    expect(store.getState().vms.selectedIds).toEqual(v1.state.vms.selectedIds);
    expect(store.getState().journal.entries).toEqual([entry]);
    const main = JSON.parse(storage.data.get(KEY) ?? '{}') as { version: number; state: Record<string, unknown> };
    expect(main.version).toBe(2);
    expect(main.state['journal']).toBeUndefined();
    expect(JSON.parse(storage.data.get(`${KEY}:journal:0`) ?? '{}')).toEqual(entry);
    // And it reads back from the new layout.
    expect(createWizardStore({ account: alice, storage }).getState().journal.entries).toEqual([entry]);
  });

  it('keeps each account’s journal under its own key', () => {
    const storage = recordingStorage();
    journalSinkOf(createWizardStore({ account: alice, storage })).intent({ ...put(1), clientRequestId: 'a' });
    journalSinkOf(createWizardStore({ account: ben, storage })).intent({ ...put(2), clientRequestId: 'b' });

    expect(createWizardStore({ account: alice, storage }).getState().journal.entries.map((e) => e.clientRequestId)).toEqual(['a']);
    expect(createWizardStore({ account: ben, storage }).getState().journal.entries.map((e) => e.clientRequestId)).toEqual(['b']);
    const bensKey = storageKeyFor(ben);
    expect([...storage.data.keys()].filter((key) => key.includes(':journal')).sort()).toEqual(
      [`${KEY}:journal`, `${KEY}:journal:0`, `${bensKey}:journal`, `${bensKey}:journal:0`].sort(),
    );
  });

  it('removes capped entries from storage too', () => {
    const storage = recordingStorage();
    const store = createWizardStore({ account: alice, storage });
    const sink = journalSinkOf(store);
    const first = sink.intent({ ...put(1), clientRequestId: 'old' });
    sink.settled(first, { outcome: 'succeeded' });
    // A newer write on the same target supersedes it; capping drops the superseded one first.
    sink.intent({ ...put(1), clientRequestId: 'new' });
    store.setState((state) => ({ journal: { entries: state.journal.entries.filter((e) => e.id !== first) } }));

    expect(storage.data.has(`${KEY}:journal:0`)).toBe(false);
    expect(createWizardStore({ account: alice, storage }).getState().journal.entries.map((e) => e.clientRequestId)).toEqual(['new']);
  });
});
