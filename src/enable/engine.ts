import type { AzureError } from '../azure/errors.ts';
import { toAzureError } from '../azure/errors.ts';
import type { ArmGateway } from '../azure/gateway.ts';
import type { Settlement } from '../azure/operations.ts';
import type { VaultRef } from '../azure/policy-types.ts';
import type { VmRef, WriteOperationOutcome } from '../azure/protect-vm.ts';
import type { WriteResult } from '../journal/types.ts';

/*
 * The execution engine of "Enable backup": one configure-protection write per VM, many at a time.
 * - Read before write: a VM this vault already protects with this policy is "no change" (nothing is sent).
 *   One list of the vault's protected VMs answers that for the first round of every VM; a VM sent again
 *   (a later round) is read on its own first, since the earlier write may have landed.
 * - Writes are paced by the subscription's write budget (src/azure/write-budget.ts): as fast as the VMs go
 *   while ARM's bucket has plenty, then at its refill rate, so a thousand VMs don't run into 429s. A 429
 *   that still happens is waited out (Retry-After) and is not a failure.
 * - A write Azure accepted is followed from its operation URL; after a reload it is polled, never re-sent.
 * - The SDK already retries a 429 or 503 three times honouring Retry-After. What still fails here gets a
 *   few more rounds (waiting Retry-After, capped, or backing off), each round a new journal entry so every
 *   attempt is on record; a failure Azure reports for the operation itself is final until the user retries.
 */

export type EnableGateway = Pick<ArmGateway, 'getProtectedVmItem' | 'enableVmProtection' | 'resumeOperation' | 'listProtectedVms' | 'paceWrite'>;

export type VmProgress =
  | { stage: 'queued' }
  | { stage: 'checking' }
  | { stage: 'sending'; round: number }
  | { stage: 'waiting'; polls: number }
  | { stage: 'retrying'; round: number; delayMs: number; error: AzureError }
  | { stage: 'protected'; unchanged: boolean; jobId: string | null }
  | { stage: 'failed'; error: AzureError }
  /** Accepted by Azure but could not be followed to its end here: still in the journal, polled next time. */
  | { stage: 'stillRunning'; error: AzureError }
  | { stage: 'stopped' };

export type VmTask = {
  vm: VmRef;
  /** An operation saved in the journal before a reload: it is polled from its URL instead of being sent. */
  resume?: { entryId: string; operationUrl: string };
};

export type EngineOptions = {
  gateway: EnableGateway;
  onProgress: (vmId: string, progress: VmProgress) => void;
  /** Records a VM found already protected by this vault with this policy. */
  onUnchanged: (vmId: string) => void;
  /** Records a result for a journal entry the engine gives up following (e.g. its operation no longer exists). */
  settleEntry: (entryId: string, result: WriteResult) => void;
  concurrency?: number;
  /** Rounds of sending per VM, each of which the SDK may itself retry; rounds that were throttled don't count. */
  maxRounds?: number;
  /** Throttled rounds waited out before a VM is given up on (ARM keeps answering 429). */
  maxThrottledRounds?: number;
  /** Retries of following an accepted operation whose polls fail. */
  maxFollowRetries?: number;
  backoffBaseMs?: number;
  /** No wait is longer than this, whatever Retry-After says. */
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  signal?: AbortSignal;
};

/**
 * VMs worked on at once. Each spends about a second waiting for its operation, so this many keep ARM's write
 * budget busy (the pacer, not this bound, keeps the rate under the bucket's).
 */
export const DEFAULT_CONCURRENCY = 32;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Failures worth another round: throttling, the service briefly unavailable, the network, a conflicting operation. */
export function isTransient(error: AzureError): boolean {
  if (error.kind === 'throttled' || error.kind === 'network') return true;
  if (error.status !== undefined && error.status >= 500 && error.status !== 501 && error.status !== 505) return true;
  // Another configure-protection operation on the item is still running: once it ends, the PUT answers 200.
  return error.code === 'BMSUserErrorConflictingProtectionOperation' || error.code === 'RetryableErrorDueToAnotherOperation';
}

/** Retry-After when the service sent one, else exponential backoff with jitter; never above the cap. */
export function retryDelayMs(error: AzureError, round: number, options: { base: number; max: number; random: () => number }): number {
  if (error.retryAfterMs !== undefined && error.retryAfterMs > 0) return Math.min(options.max, error.retryAfterMs);
  const exponential = options.base * 2 ** Math.max(0, round - 1);
  return Math.min(options.max, Math.round(exponential * (0.75 + options.random() * 0.5)));
}

const samePolicy = (a: string | null, b: string) => a !== null && a.toLowerCase() === b.toLowerCase();

/** Runs `tasks` through `worker`, at most `limit` at a time, in order. */
export async function runBounded<T>(tasks: readonly T[], limit: number, worker: (task: T) => Promise<void>, signal?: AbortSignal): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, tasks.length)) }, async () => {
    while (next < tasks.length && !signal?.aborted) {
      const task = tasks[next++];
      if (task !== undefined) await worker(task);
    }
  });
  await Promise.all(lanes);
}

type Final = Extract<VmProgress, { stage: 'protected' | 'failed' | 'stillRunning' | 'stopped' }>;

export async function runEnable(vault: VaultRef, policyId: string, tasks: readonly VmTask[], options: EngineOptions): Promise<Map<string, Final>> {
  const {
    gateway,
    onProgress,
    onUnchanged,
    settleEntry,
    concurrency = DEFAULT_CONCURRENCY,
    maxRounds = 4,
    maxThrottledRounds = 20,
    maxFollowRetries = 4,
    backoffBaseMs = 2000,
    maxDelayMs = 60_000,
    sleep = defaultSleep,
    random = Math.random,
    signal,
  } = options;
  const delay = (error: AzureError, round: number) => retryDelayMs(error, round, { base: backoffBaseMs, max: maxDelayMs, random });
  const results = new Map<string, Final>();
  const finish = (vmId: string, progress: Final): void => {
    results.set(vmId, progress);
    onProgress(vmId, progress);
  };
  const stopped = () => signal?.aborted === true;

  const fromSettlement = (vmId: string, settlement: Extract<Settlement, { settled: true }>): Final => {
    const { result } = settlement;
    if (result.outcome === 'succeeded') return { stage: 'protected', unchanged: false, jobId: result.jobId ?? null };
    return {
      stage: 'failed',
      error: {
        kind: 'unknown',
        code: result.code ?? 'OperationFailed',
        message: result.message ?? `The operation for ${vmId} failed.`,
        ...(result.requestId ? { requestId: result.requestId } : {}),
      },
    };
  };

  /** Follows an accepted operation to its end, retrying polls that fail; null when it must be sent afresh. */
  const follow = async (vmId: string, entryId: string, url: string): Promise<Final | null> => {
    let polls = 0;
    for (let retry = 0; ; retry++) {
      if (stopped()) return { stage: 'stopped' };
      const settlement = await gateway.resumeOperation(entryId, url, {
        sleep,
        ...(signal ? { signal } : {}),
        onPoll: () => onProgress(vmId, { stage: 'waiting', polls: ++polls }),
      });
      if (settlement.settled) return fromSettlement(vmId, settlement);
      const { error } = settlement;
      if (error.code === 'Aborted') return { stage: 'stopped' };
      if (error.status === 404 || error.code === 'OperationUrlNotOnArm') {
        // The operation is gone (expired) or can't be asked about: record that, then read and, if needed, write again.
        settleEntry(entryId, { outcome: 'unknown', finalState: 'NotFollowed', code: error.code, message: error.message });
        return null;
      }
      if (!isTransient(error) || retry >= maxFollowRetries) return { stage: 'stillRunning', error };
      await sleep(delay(error, retry + 1));
    }
  };

  /** The policy each VM is protected with by this vault, from one list; null when it could not be read. */
  const protectedPolicies = async (): Promise<Map<string, string> | null> => {
    try {
      const listed = await gateway.listProtectedVms(vault);
      return new Map(listed.map((item) => [item.vmId.toLowerCase(), item.policyId]));
    } catch {
      return null; // each VM is read on its own instead
    }
  };
  const known = tasks.some((task) => !task.resume) ? await protectedPolicies() : null;

  const protectOne = async (task: VmTask): Promise<Final> => {
    const { vm } = task;
    if (task.resume) {
      onProgress(vm.id, { stage: 'waiting', polls: 0 });
      const followed = await follow(vm.id, task.resume.entryId, task.resume.operationUrl);
      if (followed) return followed;
    }
    let throttledRounds = 0;
    let sent = false;
    for (let round = 1; ; round++) {
      if (stopped()) return { stage: 'stopped' };
      onProgress(vm.id, { stage: 'checking' });
      let lastError: AzureError;
      try {
        const listedPolicy = !sent && !task.resume && known ? (known.get(vm.id.toLowerCase()) ?? null) : undefined;
        const currentPolicy = listedPolicy !== undefined ? listedPolicy : ((await gateway.getProtectedVmItem(vault, vm))?.policyId ?? null);
        if (samePolicy(currentPolicy, policyId)) {
          onUnchanged(vm.id);
          return { stage: 'protected', unchanged: true, jobId: null };
        }
        try {
          await gateway.paceWrite(vault.subscriptionId, signal);
        } catch {
          return { stage: 'stopped' }; // only an abort stops the wait
        }
        onProgress(vm.id, { stage: 'sending', round });
        sent = true;
        const outcome: WriteOperationOutcome = await gateway.enableVmProtection(vault, vm, policyId, {
          sleep,
          ...(signal ? { signal } : {}),
          onAccepted: () => onProgress(vm.id, { stage: 'waiting', polls: 0 }),
          onPoll: (_poll, count) => onProgress(vm.id, { stage: 'waiting', polls: count }),
        });
        if (outcome.kind === 'succeeded') return { stage: 'protected', unchanged: false, jobId: outcome.jobId };
        if (outcome.kind === 'inFlight') {
          if (outcome.error.code === 'Aborted') return { stage: 'stopped' };
          const followed = await follow(vm.id, outcome.entryId, outcome.operationUrl);
          if (followed) return followed;
          continue;
        }
        if (outcome.phase === 'operation') return { stage: 'failed', error: outcome.error };
        lastError = outcome.error;
      } catch (error) {
        // The read before the write failed.
        lastError = toAzureError(error);
      }
      // Throttling is waited out without using up the VM's rounds: it says nothing about the VM.
      if (lastError.kind === 'throttled' && throttledRounds < maxThrottledRounds) {
        throttledRounds++;
        round--;
      } else if (!isTransient(lastError) || round >= maxRounds) {
        return { stage: 'failed', error: lastError };
      }
      const wait = delay(lastError, Math.max(1, round));
      onProgress(vm.id, { stage: 'retrying', round, delayMs: wait, error: lastError });
      await sleep(wait);
    }
  };

  for (const task of tasks) onProgress(task.vm.id, { stage: 'queued' });
  await runBounded(
    tasks,
    concurrency,
    async (task) => {
      finish(task.vm.id, await protectOne(task));
    },
    signal,
  );
  for (const task of tasks) if (!results.has(task.vm.id)) finish(task.vm.id, { stage: 'stopped' });
  return results;
}
