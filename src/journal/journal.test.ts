import { describe, expect, it } from 'vitest';
import { addAttempt, addIntent, capJournal, inFlight, latestFor, markAccepted, markSettled } from './journal.ts';
import type { JournalEntry, WriteIntent } from './types.ts';

const vault = '/subscriptions/s/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv';
const item = `${vault}/backupFabrics/Azure/protectionContainers/iaasvmcontainer;iaasvmcontainerv2;rg;vm1/protectedItems/vm;iaasvmcontainerv2;rg;vm1`;
const put: WriteIntent = { kind: 'protectedItem.put', method: 'PUT', target: item, summary: { policyId: `${vault}/backupPolicies/DefaultPolicy` } };

describe('journal', () => {
  it('records the intent before anything is known about the answer', () => {
    const entries = addIntent([], 'j1', put, '2026-01-01T10:00:00.000Z');
    expect(entries).toEqual([
      {
        id: 'j1',
        at: '2026-01-01T10:00:00.000Z',
        kind: 'protectedItem.put',
        method: 'PUT',
        target: item,
        summary: { policyId: `${vault}/backupPolicies/DefaultPolicy` },
        attempts: 0,
      },
    ]);
    expect(inFlight(entries)).toHaveLength(1);
  });

  it('keeps entries in the order the writes were started, and updates each in place', () => {
    let entries = addIntent([], 'a', put, '2026-01-01T10:00:00.000Z');
    entries = addIntent(entries, 'b', { ...put, target: `${item}2` }, '2026-01-01T10:00:01.000Z');
    entries = markSettled(entries, 'a', { outcome: 'succeeded', finalState: 'Succeeded' }, '2026-01-01T10:00:05.000Z');
    expect(entries.map((e) => e.id)).toEqual(['a', 'b']);
    expect(entries[0]?.result).toEqual({ outcome: 'succeeded', finalState: 'Succeeded', at: '2026-01-01T10:00:05.000Z' });
    expect(entries[1]?.result).toBeUndefined();
  });

  it('counts every HTTP attempt and keeps the operation URL as soon as the write is accepted', () => {
    let entries = addIntent([], 'j1', put, '2026-01-01T10:00:00.000Z');
    entries = addAttempt(entries, 'j1', { status: 429, requestId: 'r-429' });
    entries = addAttempt(entries, 'j1', { status: 202, requestId: 'r-202' });
    entries = markAccepted(entries, 'j1', { operationUrl: 'https://arm/op/1', requestId: 'r-202', correlationId: 'c1' }, '2026-01-01T10:00:02.000Z');
    expect(entries[0]).toMatchObject({ attempts: 2, operationUrl: 'https://arm/op/1', requestId: 'r-202', correlationId: 'c1', acceptedAt: '2026-01-01T10:00:02.000Z' });
    expect(entries[0]?.result).toBeUndefined();
  });

  it('never overwrites a result once recorded', () => {
    let entries = addIntent([], 'j1', put, '2026-01-01T10:00:00.000Z');
    entries = markSettled(entries, 'j1', { outcome: 'failed', code: 'UserErrorVmNotFoundV2' }, '2026-01-01T10:00:05.000Z');
    entries = markSettled(entries, 'j1', { outcome: 'succeeded' }, '2026-01-01T10:00:06.000Z');
    expect(entries[0]?.result).toMatchObject({ outcome: 'failed', code: 'UserErrorVmNotFoundV2' });
  });

  it('caps the journal by dropping the oldest settled entries, never one in flight', () => {
    const entries: JournalEntry[] = [];
    let list = entries;
    for (let i = 0; i < 6; i++) list = addIntent(list, `e${i}`, put, `2026-01-01T10:00:0${i}.000Z`);
    for (const id of ['e1', 'e2', 'e3', 'e4', 'e5']) list = markSettled(list, id, { outcome: 'succeeded' }, '2026-01-01T11:00:00.000Z');
    // e0 is the oldest but still in flight: it stays, the oldest settled ones go.
    expect(capJournal(list, 3).map((e) => e.id)).toEqual(['e0', 'e4', 'e5']);
  });

  it('finds the newest entry for a resource, whatever the case of its id', () => {
    let entries = addIntent([], 'old', put, '2026-01-01T10:00:00.000Z');
    entries = addIntent(entries, 'new', put, '2026-01-01T10:00:01.000Z');
    expect(latestFor(entries, 'protectedItem.put', item.toUpperCase())?.id).toBe('new');
    expect(latestFor(entries, 'backup.trigger', item)).toBeUndefined();
  });
});
