import { describe, expect, it } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { decideResume } from '../journal/resume.ts';
import type { WriteIntent } from '../journal/types.ts';
import { journalSinkOf } from './journal-slice.ts';
import { createWizardStore, storageKeyFor } from './wizard-store.ts';

const alice = { tenantId: '3f6c2a9e-8b1d-4e27-9c5a-1d2e3f4a5b6c', homeAccountId: 'a11ce000-0000-4000-8000-000000000001.3f6c2a9e-8b1d-4e27-9c5a-1d2e3f4a5b6c' };
const ben = { ...alice, homeAccountId: 'b0b00000-0000-4000-8000-000000000002.3f6c2a9e-8b1d-4e27-9c5a-1d2e3f4a5b6c' };
const ARM = 'https://localhost:8443/arm';
const vaultId = '/subscriptions/s/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv';
const put: WriteIntent = {
  kind: 'protectedItem.put',
  method: 'PUT',
  target: `${vaultId}/backupFabrics/Azure/protectionContainers/c/protectedItems/i`,
  summary: { vmId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1', policyId: `${vaultId}/backupPolicies/p` },
  clientRequestId: 'client-1',
};

function memoryStorage(): StateStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value), removeItem: (key) => void data.delete(key) };
}

/** The journal as saved: one key per entry beside the account's key (journal-storage.ts). */
function savedEntries(storage: { data: Map<string, string> }, key: string): Record<string, unknown>[] {
  const meta = JSON.parse(storage.data.get(`${key}:journal`) ?? '{"first":0,"next":0}') as { first: number; next: number };
  const entries: Record<string, unknown>[] = [];
  for (let seq = meta.first; seq < meta.next; seq++) {
    const raw = storage.data.get(`${key}:journal:${seq}`);
    if (raw) entries.push(JSON.parse(raw) as Record<string, unknown>);
  }
  return entries;
}

let tick = 0;
const clock = () => new Date(Date.parse('2026-01-01T10:00:00.000Z') + 1000 * tick++);

describe('journal slice', () => {
  it('saves the intent before the write is sent, so a crash right after still knows about it', () => {
    const storage = memoryStorage();
    const store = createWizardStore({ account: alice, storage, now: clock });
    const id = journalSinkOf(store).intent(put);

    // The tab "crashes" here: a new store reads what was saved.
    const reopened = createWizardStore({ account: alice, storage });
    const [entry] = reopened.getState().journal.entries;
    expect(entry).toMatchObject({ id, kind: 'protectedItem.put', method: 'PUT', attempts: 0, clientRequestId: 'client-1' });
    expect(entry?.result).toBeUndefined();
    // Never answered, and a PUT by name: the Enable step may send it again; nothing is created twice.
    expect(entry && decideResume(entry, new Date('2026-01-01T10:05:00.000Z'), { armEndpoint: ARM }).action).toBe('resend-safe-put');
  });

  it('keeps the operation URL the moment the write is accepted, so a reload polls it instead of sending again', () => {
    const storage = memoryStorage();
    const store = createWizardStore({ account: alice, storage, now: clock });
    const sink = journalSinkOf(store);
    const id = sink.intent(put);
    sink.attempted(id, { status: 202, requestId: 'req-1' });
    sink.accepted(id, { status: 202, operationUrl: `${ARM}/subscriptions/s/op/1`, requestId: 'req-1' });

    const [entry] = createWizardStore({ account: alice, storage }).getState().journal.entries;
    expect(entry).toMatchObject({ attempts: 1, operationUrl: `${ARM}/subscriptions/s/op/1`, requestId: 'req-1' });
    expect(entry && decideResume(entry, new Date('2026-01-01T10:05:00.000Z'), { armEndpoint: ARM })).toEqual({
      action: 'poll',
      url: `${ARM}/subscriptions/s/op/1`,
    });
  });

  it('saves results with their ids, and the journal belongs to the account that made the writes', () => {
    const storage = memoryStorage();
    const store = createWizardStore({ account: alice, storage, now: clock });
    const sink = journalSinkOf(store);
    const id = sink.intent(put);
    sink.settled(id, { outcome: 'succeeded', finalState: 'Succeeded', jobId: 'job-1', requestId: 'req-2' });

    const saved = savedEntries(storage, storageKeyFor(alice));
    expect(saved[0]).toMatchObject({ result: { outcome: 'succeeded', finalState: 'Succeeded', jobId: 'job-1', requestId: 'req-2' } });
    expect(JSON.stringify([...storage.data.values()])).not.toMatch(/token|authorization|bearer/i);
    // Every key the journal wrote lies under alice's key; ben's store finds none of it.
    expect([...storage.data.keys()].every((key) => key.startsWith(storageKeyFor(alice)))).toBe(true);
    expect(createWizardStore({ account: ben, storage }).getState().journal.entries).toEqual([]);
  });

  it('drops an unreadable saved entry on its own and keeps the rest of the progress', () => {
    const storage = memoryStorage();
    const store = createWizardStore({ account: alice, storage, now: clock });
    store.getState().chooseSubscription({ subscriptionId: 'sub-1', displayName: 'Contoso Production' });
    journalSinkOf(store).intent(put);
    // An entry an older (or broken) build wrote, appended to the saved log.
    const key = storageKeyFor(alice);
    const meta = JSON.parse(storage.data.get(`${key}:journal`) ?? '{}') as { first: number; next: number };
    storage.setItem(`${key}:journal:${meta.next}`, JSON.stringify({ id: 'broken', kind: 'not-a-kind' }));
    storage.setItem(`${key}:journal`, JSON.stringify({ ...meta, next: meta.next + 1 }));

    const reopened = createWizardStore({ account: alice, storage }).getState();
    expect(reopened.journal.entries).toHaveLength(1);
    expect(reopened.setup.subscriptionId).toBe('sub-1');
  });
});
