import type { AzureError } from '../../azure/errors.ts';
import type { VmProgress } from '../../enable/engine.ts';
import type { VmEnableRow, VmEnableStatus } from '../../enable/status.ts';
import { lookupBackupError } from '../../shared/backup-error-codes.ts';

/*
 * What each VM row says: the saved status (journal) overlaid with what this tab is doing right now (the
 * engine's live progress). Pure, so the words and the progress values are tested without a browser.
 */

export type RowView = {
  /** Short status, shown as a badge. */
  label: string;
  /** One line of detail under it. */
  detail: string | null;
  /** 0–1, or undefined for an indeterminate bar. */
  progress: number | undefined;
  tone: 'brand' | 'success' | 'warning' | 'error';
  state: 'idle' | 'working' | 'done' | 'failed';
  error: AzureError | null;
  jobId: string | null;
};

const seconds = (ms: number) => `${Math.max(1, Math.round(ms / 1000))} s`;

export function rowView(status: VmEnableStatus, live: VmProgress | undefined): RowView {
  const base = { error: null, jobId: null } as const;
  switch (live?.stage) {
    case 'queued':
      return { ...base, label: 'Queued', detail: 'Waiting for a free slot (a few VMs are enabled at a time).', progress: 0, tone: 'brand', state: 'working' };
    case 'checking':
      return { ...base, label: 'Checking', detail: 'Reading whether this vault already protects it.', progress: 0.1, tone: 'brand', state: 'working' };
    case 'sending': {
      // The SDK retries a throttled or unavailable answer on its own; the journal counts each attempt.
      const attempts = status.state === 'sending' ? status.entry.attempts : 0;
      return {
        ...base,
        label: 'Sending',
        detail:
          attempts > 0
            ? `Azure asked to wait; sending again (attempt ${attempts + 1}).`
            : live.round > 1
              ? `Sending the request again (round ${live.round}).`
              : 'Sending the request to Azure.',
        progress: 0.25,
        tone: attempts > 0 ? 'warning' : 'brand',
        state: 'working',
      };
    }
    case 'waiting':
      return {
        ...base,
        label: 'Configuring',
        detail: 'Azure accepted the request and is configuring protection.',
        progress: Math.min(0.9, (4 + live.polls) / 10),
        tone: 'brand',
        state: 'working',
      };
    case 'retrying':
      return {
        ...base,
        label: 'Retrying',
        detail: `Azure answered ${live.error.code}; trying again in ${seconds(live.delayMs)}.`,
        progress: 0.2,
        tone: 'warning',
        state: 'working',
      };
    case 'stillRunning':
      return {
        ...base,
        label: 'Still running',
        detail: 'Azure has not finished yet and the wizard could not follow it to the end. It is checked again when you come back.',
        progress: undefined,
        tone: 'warning',
        state: 'idle',
        error: live.error,
      };
    case 'failed':
      return failedView(live.error);
    default:
      break;
  }
  switch (status.state) {
    case 'notStarted':
      return { ...base, label: 'Not started', detail: null, progress: 0, tone: 'brand', state: 'idle' };
    case 'sending':
    case 'interrupted':
      return {
        ...base,
        label: 'Interrupted',
        detail: 'The page closed before Azure answered. Sending the request again is safe: nothing is created twice.',
        progress: 0,
        tone: 'warning',
        state: 'idle',
      };
    case 'inFlight':
      return { ...base, label: 'Configuring', detail: 'Azure accepted the request earlier; its progress is being checked.', progress: 0.4, tone: 'brand', state: 'working' };
    case 'protected':
      return status.unchanged
        ? { ...base, label: 'Protected', detail: 'No change: this vault already protects it with this policy.', progress: 1, tone: 'success', state: 'done' }
        : { ...base, label: 'Protected', detail: 'Protection configured.', progress: 1, tone: 'success', state: 'done', jobId: status.jobId };
    case 'failed': {
      const result = status.entry.result;
      const requestId = status.entry.requestId ?? result?.requestId;
      return failedView({
        kind: 'unknown',
        code: result?.code ?? 'OperationFailed',
        message: result?.message ?? 'Azure reported the operation as failed.',
        ...(result?.status !== undefined ? { status: result.status } : {}),
        ...(requestId ? { requestId } : {}),
      });
    }
  }
}

function failedView(error: AzureError): RowView {
  return { label: 'Failed', detail: error.code, progress: 1, tone: 'error', state: 'failed', error, jobId: null };
}

/** The remedy for a failure: the Azure Backup table's, when it knows the code. */
export function remedyFor(code: string): string | undefined {
  return lookupBackupError(code)?.remedy;
}

export type Counts = { total: number; done: number; failed: number; working: number };

export function countRows(views: readonly RowView[]): Counts {
  return {
    total: views.length,
    done: views.filter((view) => view.state === 'done').length,
    failed: views.filter((view) => view.state === 'failed').length,
    working: views.filter((view) => view.state === 'working').length,
  };
}

/** The sentence the polite live region reads; it changes only when a VM finishes, not on every poll. */
export function progressSentence(counts: Counts): string {
  if (counts.total === 0) return 'No virtual machines to enable.';
  const finished = counts.done + counts.failed;
  const failed = counts.failed > 0 ? `, ${counts.failed} failed` : '';
  if (counts.working > 0) return `Enabling backup: ${finished} of ${counts.total} virtual machines finished${failed}.`;
  if (counts.done === counts.total) return `Backup is enabled for all ${counts.total} virtual machines.`;
  return `${counts.done} of ${counts.total} virtual machines protected${failed}.`;
}

/**
 * The VMs to carry on with when the step opens after a reload: those with a write in flight or interrupted,
 * and — if the selection did not change since "Enable backup" was pressed — those not reached yet.
 */
export function rowsToContinue(rows: readonly VmEnableRow[], selectionChangedSinceRun: boolean): VmEnableRow[] {
  return rows.filter(({ status }) => {
    if (status.state === 'inFlight' || status.state === 'sending' || status.state === 'interrupted') return true;
    return status.state === 'notStarted' && !selectionChangedSinceRun;
  });
}

export type Pace = { vmsPerMinute: number; secondsLeft: number };

/**
 * The run's throughput and the time left at that rate; null until there is something to go on (a couple of
 * seconds and one VM finished), so the first guess isn't wild.
 */
export function runPace(run: { startedAt: number; finishedAtStart: number }, finished: number, total: number, now: number): Pace | null {
  const seconds = (now - run.startedAt) / 1000;
  const done = finished - run.finishedAtStart;
  if (seconds < 2 || done <= 0) return null;
  const perSecond = done / seconds;
  return { vmsPerMinute: Math.round(perSecond * 60), secondsLeft: Math.ceil(Math.max(0, total - finished) / perSecond) };
}

export function paceSentence(pace: Pace): string {
  const rate = `${pace.vmsPerMinute} virtual machine${pace.vmsPerMinute === 1 ? '' : 's'} a minute`;
  if (pace.secondsLeft <= 0) return rate;
  const left = pace.secondsLeft < 60 ? 'less than a minute left' : `about ${Math.round(pace.secondsLeft / 60)} min left`;
  return `${rate} · ${left}`;
}
