import type { JournalSink } from './types.ts';

/** Why a write was refused before it was sent; `code` is shown to the user like an ARM error code. */
export class WriteRefusedError extends Error {
  readonly code: 'JournalNotReady' | 'SetupOpenInAnotherTab';
  constructor(code: WriteRefusedError['code'], message: string) {
    super(message);
    this.name = 'WriteRefusedError';
    this.code = code;
  }
}

export type JournalRelay = JournalSink & {
  /**
   * Routes writes to the signed-in account's journal. `canWrite` is the two-tab lock: while another tab
   * holds it, every write is refused before anything is sent. Returns the detach function.
   */
  attach(sink: JournalSink, options?: { canWrite?: () => boolean }): () => void;
};

/**
 * The gateway is created once at start-up, before anyone signs in; the journal belongs to the account's
 * store, created after sign-in. The relay sits between them: the gateway always writes to the relay, the
 * signed-in app attaches its store. A write with no journal attached is refused, never sent unrecorded.
 */
export function createJournalRelay(): JournalRelay {
  let target: { sink: JournalSink; canWrite: () => boolean } | null = null;
  return {
    attach(sink, { canWrite = () => true } = {}) {
      const attached = { sink, canWrite };
      target = attached;
      return () => {
        if (target === attached) target = null;
      };
    },
    intent(intent) {
      if (!target) throw new WriteRefusedError('JournalNotReady', 'The wizard is not ready to record changes yet. Wait a moment, then retry.');
      if (!target.canWrite()) {
        throw new WriteRefusedError(
          'SetupOpenInAnotherTab',
          'This setup is open in another tab, and changes are made there. Choose “Take over here” to make changes in this tab.',
        );
      }
      return target.sink.intent(intent);
    },
    // Results are recorded whatever the lock says: the write was already sent from this tab.
    attempted: (id, attempt) => target?.sink.attempted(id, attempt),
    accepted: (id, accepted) => target?.sink.accepted(id, accepted),
    settled: (id, result) => target?.sink.settled(id, result),
  };
}

/** A sink that records nothing: for unit tests of modules that don't care about the journal. */
export const discardingJournal: JournalSink = {
  intent: () => `discarded-${Math.random().toString(36).slice(2)}`,
  attempted: () => undefined,
  accepted: () => undefined,
  settled: () => undefined,
};
