import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../journal/types.ts';
import { countRows, paceSentence, progressSentence, remedyFor, rowsToContinue, rowView, runPace } from './enable-view.ts';

const entry = { id: 'e', at: '2026-01-01T10:00:00.000Z', kind: 'protectedItem.put', method: 'PUT', target: 't', summary: {}, attempts: 1 } satisfies JournalEntry;
const vm = { id: 'vm', name: 'vm', resourceGroup: 'rg' };

describe('enable view', () => {
  it('shows live progress over the saved state', () => {
    expect(rowView({ state: 'notStarted' }, { stage: 'waiting', polls: 2 })).toMatchObject({ label: 'Configuring', state: 'working', progress: 0.6 });
    expect(rowView({ state: 'notStarted' }, { stage: 'retrying', round: 1, delayMs: 4000, error: { kind: 'throttled', code: 'SubscriptionRequestsThrottled', message: '' } })).toMatchObject({
      label: 'Retrying',
      detail: 'Azure answered SubscriptionRequestsThrottled; trying again in 4 s.',
    });
  });

  it('says when Azure asked to wait, from the attempts the journal counted', () => {
    expect(rowView({ state: 'sending', entry: { ...entry, attempts: 2 } }, { stage: 'sending', round: 1 })).toMatchObject({
      detail: 'Azure asked to wait; sending again (attempt 3).',
      tone: 'warning',
    });
    expect(rowView({ state: 'sending', entry: { ...entry, attempts: 0 } }, { stage: 'sending', round: 1 }).detail).toBe('Sending the request to Azure.');
  });

  it('shows a failure saved in the journal with its code, message and request id', () => {
    const view = rowView({ state: 'failed', entry: { ...entry, requestId: 'req-1', result: { outcome: 'failed', at: entry.at, code: 'UserErrorGuestAgentStatusUnavailable', message: 'agent' } } }, undefined);
    expect(view).toMatchObject({ state: 'failed', tone: 'error', error: { code: 'UserErrorGuestAgentStatusUnavailable', message: 'agent', requestId: 'req-1' } });
    expect(remedyFor('UserErrorGuestAgentStatusUnavailable')).toMatch(/agent status is Ready/);
  });

  it('says when nothing was sent because the VM was already protected', () => {
    expect(rowView({ state: 'protected', unchanged: true, jobId: null, entry: null, at: entry.at }, undefined).detail).toMatch(/No change/);
  });

  it('counts and words the overall progress', () => {
    const views = [
      rowView({ state: 'protected', unchanged: false, jobId: 'j', entry, at: entry.at }, undefined),
      rowView({ state: 'notStarted' }, { stage: 'checking' }),
      rowView({ state: 'notStarted' }, { stage: 'failed', error: { kind: 'unknown', code: 'X', message: '' } }),
    ];
    expect(countRows(views)).toEqual({ total: 3, done: 1, failed: 1, working: 1 });
    expect(progressSentence(countRows(views))).toBe('Enabling backup: 2 of 3 virtual machines finished, 1 failed.');
    expect(progressSentence({ total: 2, done: 2, failed: 0, working: 0 })).toBe('Backup is enabled for all 2 virtual machines.');
  });

  it('carries on after a reload with what was in flight, and with VMs not reached yet only if the selection did not change', () => {
    const rows = [
      { vm, status: { state: 'inFlight' as const, entry, operationUrl: 'u' } },
      { vm, status: { state: 'notStarted' as const } },
      { vm, status: { state: 'failed' as const, entry } },
      { vm, status: { state: 'sending' as const, entry } },
    ];
    expect(rowsToContinue(rows, false).map((row) => row.status.state)).toEqual(['inFlight', 'notStarted', 'sending']);
    expect(rowsToContinue(rows, true).map((row) => row.status.state)).toEqual(['inFlight', 'sending']);
  });
});

describe('throughput and time left', () => {
  const run = { startedAt: 0, finishedAtStart: 100 };

  it('counts only what this run finished, and says how long the rest takes at that rate', () => {
    // 200 finished in 60 s (300 − the 100 finished before): 200 a minute; 700 left → 210 s.
    expect(runPace(run, 300, 1000, 60_000)).toEqual({ vmsPerMinute: 200, secondsLeft: 210 });
    expect(paceSentence({ vmsPerMinute: 200, secondsLeft: 210 })).toBe('200 virtual machines a minute · about 4 min left');
    expect(paceSentence({ vmsPerMinute: 600, secondsLeft: 20 })).toBe('600 virtual machines a minute · less than a minute left');
  });

  it('waits for something to go on before guessing', () => {
    expect(runPace(run, 100, 1000, 60_000)).toBeNull();
    expect(runPace(run, 150, 1000, 1000)).toBeNull();
  });
});
