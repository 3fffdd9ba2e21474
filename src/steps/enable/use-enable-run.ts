import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useArmGateway } from '../../azure/gateway-context.tsx';
import type { VmRef } from '../../azure/protect-vm.ts';
import { useWriteLock } from '../../components/write-lock-context.tsx';
import { useAppConfig } from '../../config/config-context.tsx';
import { runEnable, type VmProgress, type VmTask } from '../../enable/engine.ts';
import { enableTargets, vmEnableStatus, type EnableTargets, type VmEnableRow } from '../../enable/status.ts';
import { decideResume } from '../../journal/resume.ts';
import { useWizardStore, useWizardStoreApi } from '../../store/store-context.tsx';
import type { WizardStore } from '../../store/wizard-store.ts';
import { rowsToContinue } from './enable-view.ts';

/*
 * Runs the engine from the Enable step. Progress of the current run is kept here (it means nothing after a
 * reload); outcomes go to the journal and the store, so they survive one. A VM is never worked on twice at
 * once, even if the step is opened again while a run continues.
 */

const activeByStore = new WeakMap<WizardStore, Set<string>>();
function activeSet(store: WizardStore): Set<string> {
  let set = activeByStore.get(store);
  if (!set) {
    set = new Set();
    activeByStore.set(store, set);
  }
  return set;
}

const lower = (id: string) => id.toLowerCase();

/** Progress of a thousand VMs arrives many times a second; the page takes it in batches, this often. */
export const PROGRESS_BATCH_MS = 100;

/** When the current run started, and how many VMs were finished then (for its throughput). */
export type RunClock = { startedAt: number; finishedAtStart: number };

export function useEnableTargets(): EnableTargets | null {
  const vault = useWizardStore((s) => s.vault);
  const policy = useWizardStore((s) => s.policy);
  const vms = useWizardStore((s) => s.vms);
  return useMemo(() => enableTargets({ vault, policy, vms }), [vault, policy, vms]);
}

export function useEnableRows(targets: EnableTargets | null): VmEnableRow[] {
  const journal = useWizardStore((s) => s.journal);
  const enable = useWizardStore((s) => s.enable);
  return useMemo(
    () => (targets ? targets.vms.map((vm) => ({ vm, status: vmEnableStatus({ journal, enable }, targets, vm) })) : []),
    [targets, journal, enable],
  );
}

export function useEnableRun(targets: EnableTargets | null, rows: readonly VmEnableRow[]) {
  const gateway = useArmGateway();
  const store = useWizardStoreApi();
  const { arm } = useAppConfig();
  const { canWrite } = useWriteLock();
  const [live, setLive] = useState<Record<string, VmProgress>>({});
  const [activeCount, setActiveCount] = useState(0);
  const [clock, setClock] = useState<RunClock | null>(null);
  const controllers = useRef(new Set<AbortController>());
  const batch = useProgressBatch(setLive);

  // Leaving the step, or losing the write lock, stops the engine: accepted writes stay in the journal and are
  // polled when the step opens again (in this tab or the one that took over).
  useEffect(() => {
    const running = controllers.current;
    return () => {
      for (const controller of running) controller.abort();
      batch.cancel();
    };
  }, [batch]);
  useEffect(() => {
    if (!canWrite) for (const controller of controllers.current) controller.abort();
  }, [canWrite]);

  const start = useCallback(
    async (vms: readonly VmRef[]) => {
      if (!targets || !canWrite) return;
      const state = store.getState();
      const active = activeSet(store);
      const tasks: VmTask[] = [];
      for (const vm of vms) {
        if (active.has(lower(vm.id))) continue;
        const status = vmEnableStatus(state, targets, vm);
        if (status.state === 'protected') continue;
        if (status.state === 'inFlight' || status.state === 'sending') {
          const decision = decideResume(status.entry, new Date(), { armEndpoint: arm.endpoint });
          if (decision.action === 'poll') {
            tasks.push({ vm, resume: { entryId: status.entry.id, operationUrl: decision.url } });
            continue;
          }
          // Not followable, or never answered: close the old entry; the engine reads before it writes again.
          if (decision.action !== 'none') {
            state.recordWriteResult(status.entry.id, {
              outcome: 'unknown',
              finalState: decision.action === 'resend-safe-put' ? 'Interrupted' : 'Unknown',
              code: decision.action === 'resend-safe-put' ? 'Interrupted' : 'OutcomeUnknown',
              message: decision.reason,
            });
          }
        }
        tasks.push({ vm });
      }
      if (tasks.length === 0) return;
      // Marked before anything else can re-render and call start() again for the same VMs.
      for (const task of tasks) active.add(lower(task.vm.id));
      state.requestEnableRun(targets.vaultId, targets.policyId);
      const controller = new AbortController();
      controllers.current.add(controller);
      setActiveCount((n) => n + 1);
      // Throughput counts what this run finishes: the VMs already finished outside it are its starting point.
      const inRun = new Set(tasks.map((task) => lower(task.vm.id)));
      const finishedOutside = rows.filter((row) => !inRun.has(lower(row.vm.id)) && isFinished(row.status)).length;
      setClock((current) => current ?? { startedAt: Date.now(), finishedAtStart: finishedOutside });
      try {
        await runEnable(targets.vault, targets.policyId, tasks, {
          gateway,
          signal: controller.signal,
          onProgress: (vmId, progress) => batch.add(lower(vmId), progress),
          onUnchanged: (vmId) => store.getState().recordUnchangedProtection(vmId, targets.vaultId, targets.policyId),
          settleEntry: (entryId, result) => store.getState().recordWriteResult(entryId, result),
        });
      } finally {
        batch.flush();
        for (const task of tasks) active.delete(lower(task.vm.id));
        controllers.current.delete(controller);
        setActiveCount((n) => n - 1);
        if (controllers.current.size === 0) setClock(null);
        // Finished VMs show their saved outcome; only what could not be followed keeps its live state.
        setLive((previous) => {
          const next = { ...previous };
          for (const task of tasks) {
            const stage = next[lower(task.vm.id)]?.stage;
            if (stage !== 'stillRunning' && stage !== 'failed') delete next[lower(task.vm.id)];
          }
          return next;
        });
      }
    },
    [targets, canWrite, store, gateway, arm.endpoint, rows, batch],
  );

  // After a reload (or taking over from another tab): carry on with what the last run left unfinished.
  const continued = useRef(false);
  const run = useWizardStore((s) => s.enable.run);
  const selectionUpdatedAt = useWizardStore((s) => s.vms.updatedAt);
  useEffect(() => {
    if (continued.current || !canWrite || !targets || !run) return;
    if (lower(run.vaultId) !== lower(targets.vaultId) || lower(run.policyId) !== lower(targets.policyId)) return;
    continued.current = true;
    const changed = selectionUpdatedAt !== null && Date.parse(selectionUpdatedAt) > Date.parse(run.requestedAt);
    const pending = rowsToContinue(rows, changed).map((row) => row.vm);
    if (pending.length > 0) void start(pending);
  }, [canWrite, targets, run, rows, selectionUpdatedAt, start]);

  const liveOf = useCallback((vm: VmRef): VmProgress | undefined => live[lower(vm.id)], [live]);
  return { start, running: activeCount > 0, liveOf, clock };
}

const isFinished = (status: VmEnableRow['status']) => status.state === 'protected' || status.state === 'failed';

/**
 * Collects the engine's progress and hands it to React state at most every PROGRESS_BATCH_MS, so a thousand
 * VMs' updates cost ten renders a second, not thousands.
 */
function useProgressBatch(setLive: (update: (previous: Record<string, VmProgress>) => Record<string, VmProgress>) => void) {
  const [batch] = useState(() => {
    let pending = new Map<string, VmProgress>();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      if (timer) clearTimeout(timer);
      timer = null;
      if (pending.size === 0) return;
      const taken = pending;
      pending = new Map();
      setLive((previous) => {
        const next = { ...previous };
        for (const [id, progress] of taken) next[id] = progress;
        return next;
      });
    };
    return {
      add(id: string, progress: VmProgress) {
        pending.set(id, progress);
        timer ??= setTimeout(flush, PROGRESS_BATCH_MS);
      },
      flush,
      cancel() {
        if (timer) clearTimeout(timer);
        timer = null;
        pending = new Map();
      },
    };
  });
  return batch;
}
