import type { ArmGateway } from '../azure/gateway.ts';
import { decideResume } from '../journal/resume.ts';
import type { JournalEntry, WriteKind, WriteResult } from '../journal/types.ts';

/**
 * On start-up (in the tab holding the write lock): every write that was in flight when the page last closed
 * is settled. Accepted ones are polled from their saved URL — never sent again; ones that never got an
 * answer are marked interrupted, so their step (which reads before it writes) can send them again safely.
 * The Enable step resumes its own kinds itself, because it shows their progress.
 */

/** Kinds the Enable step follows (it shows each VM's progress while it does). */
export const ENABLE_STEP_KINDS: ReadonlySet<WriteKind> = new Set<WriteKind>(['protectedItem.put', 'backup.trigger']);

export type ResumeJournalDeps = {
  entries: readonly JournalEntry[];
  gateway: Pick<ArmGateway, 'resumeOperation'>;
  settle: (entryId: string, result: WriteResult) => void;
  armEndpoint: string;
  now?: () => Date;
  /** Kinds left to their step. */
  skipKinds?: ReadonlySet<WriteKind>;
  signal?: AbortSignal;
};

export type ResumeReport = { polled: number; interrupted: number; unknown: number };

export async function resumeJournal({
  entries,
  gateway,
  settle,
  armEndpoint,
  now = () => new Date(),
  skipKinds = ENABLE_STEP_KINDS,
  signal,
}: ResumeJournalDeps): Promise<ResumeReport> {
  const report: ResumeReport = { polled: 0, interrupted: 0, unknown: 0 };
  const polls: Promise<unknown>[] = [];
  for (const entry of entries) {
    if (skipKinds.has(entry.kind)) continue;
    const decision = decideResume(entry, now(), { armEndpoint });
    switch (decision.action) {
      case 'none':
        break;
      case 'poll':
        report.polled++;
        // Polling failures leave the entry in flight: it is polled again next start-up.
        polls.push(gateway.resumeOperation(entry.id, decision.url, signal ? { signal } : {}).catch(() => undefined));
        break;
      case 'resend-safe-put':
        report.interrupted++;
        settle(entry.id, { outcome: 'unknown', finalState: 'Interrupted', code: 'Interrupted', message: decision.reason });
        break;
      case 'mark-unknown':
        report.unknown++;
        settle(entry.id, { outcome: 'unknown', finalState: 'Unknown', code: 'OutcomeUnknown', message: decision.reason });
        break;
    }
  }
  await Promise.all(polls);
  return report;
}
