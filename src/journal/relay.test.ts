import { describe, expect, it } from 'vitest';
import { createJournalRelay, WriteRefusedError } from './relay.ts';
import type { JournalSink, WriteIntent } from './types.ts';

const intent: WriteIntent = { kind: 'vault.put', method: 'PUT', target: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v' };

function recordingSink(): JournalSink & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    intent: () => {
      calls.push('intent');
      return 'id-1';
    },
    attempted: () => void calls.push('attempted'),
    accepted: () => void calls.push('accepted'),
    settled: () => void calls.push('settled'),
  };
}

describe('journal relay', () => {
  it('refuses a write while no journal is attached, so nothing is sent unrecorded', () => {
    const relay = createJournalRelay();
    expect(() => relay.intent(intent)).toThrowError(WriteRefusedError);
  });

  it('forwards to the attached journal until detached', () => {
    const relay = createJournalRelay();
    const sink = recordingSink();
    const detach = relay.attach(sink);
    expect(relay.intent(intent)).toBe('id-1');
    relay.settled('id-1', { outcome: 'succeeded' });
    detach();
    expect(() => relay.intent(intent)).toThrowError(/not ready/);
    expect(sink.calls).toEqual(['intent', 'settled']);
  });

  it('refuses new writes while another tab holds the write lock, but records results of writes already sent', () => {
    const relay = createJournalRelay();
    const sink = recordingSink();
    let held = true;
    relay.attach(sink, { canWrite: () => held });
    const id = relay.intent(intent);
    held = false;
    expect(() => relay.intent(intent)).toThrowError(expect.objectContaining({ code: 'SetupOpenInAnotherTab' }));
    relay.accepted(id, { operationUrl: 'https://x' });
    expect(sink.calls).toEqual(['intent', 'accepted']);
  });
});
