import { useCallback, useEffect, useRef, useState } from 'react';
import { toAzureError } from '../../azure/errors.ts';
import { useArmGateway } from '../../azure/gateway-context.tsx';
import { isJobFinished, type VmRef } from '../../azure/protect-vm.ts';
import { useWriteLock } from '../../components/write-lock-context.tsx';
import { useAppConfig } from '../../config/config-context.tsx';
import { runBounded } from '../../enable/engine.ts';
import type { EnableTargets } from '../../enable/status.ts';
import { decideResume } from '../../journal/resume.ts';
import type { BackupRecord } from '../../store/enable-slice.ts';
import { useWizardStore, useWizardStoreApi } from '../../store/store-context.tsx';

/*
 * "Back up now": one backup request per protected VM, then its job is watched until it ends. Jobs take
 * minutes to hours in Azure; the step shows the job while it runs and picks the watching up again after a
 * reload. The request itself is never repeated automatically: a second one would start a second backup.
 */

const JOB_POLL_MS = 5000;
const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function useBackupNow(targets: EnableTargets | null) {
  const gateway = useArmGateway();
  const store = useWizardStoreApi();
  const { arm } = useAppConfig();
  const { canWrite } = useWriteLock();
  const backups = useWizardStore((s) => s.enable.backups);
  const [requesting, setRequesting] = useState(false);
  const watching = useRef(new Set<string>());
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    const current = new AbortController();
    controller.current = current;
    return () => current.abort();
  }, []);

  const record = useCallback(
    (vm: VmRef, change: Omit<BackupRecord, 'vmId' | 'vaultId' | 'updatedAt'>) => {
      if (targets) store.getState().recordBackup({ vmId: vm.id, vaultId: targets.vaultId, ...change });
    },
    [store, targets],
  );

  /** Watches a job until it ends (or the step closes), recording each change of status. */
  const watchJob = useCallback(
    async (vm: VmRef, journalId: string | null, jobId: string) => {
      const signal = controller.current?.signal;
      if (!targets || !signal || watching.current.has(jobId)) return;
      watching.current.add(jobId);
      try {
        for (let failures = 0; !signal.aborted; ) {
          try {
            const job = await gateway.getBackupJob(targets.vault, jobId);
            record(vm, { journalId, jobId, status: job.status, errors: job.errors });
            if (isJobFinished(job)) return;
            failures = 0;
          } catch (error) {
            // Reading the job failed; it still runs in Azure. Give up after a few tries (it is re-read next time).
            if (++failures >= 3) {
              const detail = toAzureError(error);
              record(vm, { journalId, jobId, status: 'Unknown', errors: [{ code: detail.code, message: detail.message, recommendations: [] }] });
              return;
            }
          }
          await sleep(JOB_POLL_MS, signal);
        }
      } finally {
        watching.current.delete(jobId);
      }
    },
    [gateway, record, targets],
  );

  const backUp = useCallback(
    async (vms: readonly VmRef[]) => {
      if (!targets || !canWrite || requesting) return;
      setRequesting(true);
      try {
        await runBounded(vms, 4, async (vm) => {
          const outcome = await gateway.triggerVmBackup(targets.vault, vm);
          if (outcome.kind === 'succeeded') {
            record(vm, { journalId: outcome.entryId, jobId: outcome.jobId, status: outcome.jobId ? 'InProgress' : 'Requested', errors: [] });
            if (outcome.jobId) void watchJob(vm, outcome.entryId, outcome.jobId);
          } else if (outcome.kind === 'failed') {
            record(vm, {
              journalId: outcome.entryId,
              jobId: null,
              status: 'Failed',
              errors: [{ code: outcome.error.code, message: outcome.error.message, recommendations: [] }],
            });
          } else {
            record(vm, { journalId: outcome.entryId, jobId: null, status: 'Requested', errors: [] });
          }
        });
      } finally {
        setRequesting(false);
      }
    },
    [targets, canWrite, requesting, gateway, record, watchJob],
  );

  // After a reload: follow backup requests that were accepted, and keep watching jobs still running.
  const resumed = useRef(false);
  useEffect(() => {
    if (resumed.current || !targets || !canWrite) return;
    resumed.current = true;
    const state = store.getState();
    for (const vm of targets.vms) {
      const saved = state.enable.backups.find((b) => same(b.vmId, vm.id) && same(b.vaultId, targets.vaultId));
      if (saved?.jobId && !isJobFinished(saved)) void watchJob(vm, saved.journalId, saved.jobId);
    }
    for (const entry of state.journal.entries) {
      if (entry.kind !== 'backup.trigger' || entry.result) continue;
      const vm = targets.vms.find((candidate) => same(String(entry.summary['vmId'] ?? ''), candidate.id));
      const decision = decideResume(entry, new Date(), { armEndpoint: arm.endpoint });
      if (decision.action === 'poll' && vm) {
        void gateway.resumeOperation(entry.id, decision.url).then((settlement) => {
          if (!settlement.settled) return;
          const jobId = settlement.result.jobId ?? null;
          record(vm, { journalId: entry.id, jobId, status: jobId ? 'InProgress' : settlement.result.outcome === 'succeeded' ? 'Requested' : 'Failed', errors: [] });
          if (jobId) void watchJob(vm, entry.id, jobId);
        });
      } else if (decision.action !== 'none' && decision.action !== 'poll') {
        // Never answered: a backup may or may not have started. It is not sent again; the journal says so.
        state.recordWriteResult(entry.id, { outcome: 'unknown', finalState: 'Unknown', code: 'OutcomeUnknown', message: decision.reason });
      }
    }
  }, [targets, canWrite, store, arm.endpoint, gateway, record, watchJob]);

  const backupOf = useCallback(
    (vm: VmRef): BackupRecord | undefined =>
      targets ? backups.find((b) => same(b.vmId, vm.id) && same(b.vaultId, targets.vaultId)) : undefined,
    [backups, targets],
  );

  return { backUp, requesting, backupOf };
}
