import { describe, expect, it } from 'vitest';
import type { Settlement } from '../azure/operations.ts';
import type { JournalEntry, WriteResult } from '../journal/types.ts';
import { resumeJournal } from './resume-journal.ts';

const ARM = 'https://localhost:8443/arm';
const now = () => new Date('2026-01-01T12:00:00.000Z');
const entry = (id: string, change: Partial<JournalEntry>): JournalEntry => ({
  id,
  at: '2026-01-01T11:59:00.000Z',
  kind: 'vault.put',
  method: 'PUT',
  target: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/${id}`,
  summary: {},
  attempts: 1,
  ...change,
});

describe('resuming the journal on start-up', () => {
  it('polls accepted writes, marks unanswered ones interrupted, and leaves settled ones and the Enable step’s kinds alone', async () => {
    const polled: string[] = [];
    const settled: [string, WriteResult][] = [];
    const succeeded: Settlement = { settled: true, result: { outcome: 'succeeded' }, poll: { state: 'Succeeded', httpStatus: 200, retryAfterMs: 1000 } };
    const report = await resumeJournal({
      entries: [
        entry('done', { result: { outcome: 'succeeded', at: '2026-01-01T11:59:30.000Z' } }),
        entry('accepted', { operationUrl: `${ARM}/subscriptions/s/op/1`, acceptedAt: '2026-01-01T11:59:01.000Z' }),
        entry('unanswered', {}),
        entry('protect', { kind: 'protectedItem.put', operationUrl: `${ARM}/subscriptions/s/op/2` }),
        entry('foreign', { operationUrl: 'https://elsewhere.example/op' }),
      ],
      gateway: {
        resumeOperation: async (id) => {
          polled.push(id);
          return succeeded;
        },
      },
      settle: (id, result) => void settled.push([id, result]),
      armEndpoint: ARM,
      now,
    });
    expect(polled).toEqual(['accepted']);
    expect(settled).toEqual([
      ['unanswered', expect.objectContaining({ outcome: 'unknown', finalState: 'Interrupted' })],
      ['foreign', expect.objectContaining({ outcome: 'unknown', code: 'OutcomeUnknown' })],
    ]);
    expect(report).toEqual({ polled: 1, interrupted: 1, unknown: 1 });
  });
});
