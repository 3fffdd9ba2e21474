import type { ArmClients } from './clients.ts';
import { toAzureError, type AzureError } from './errors.ts';
import { runJournaled } from './journaled.ts';
import { followOperation, type FollowOptions, type OperationPoll } from './operations.ts';
import { retryAfterMs } from './policies.ts';
import type { VaultRef } from './policy-types.ts';
import { AZURE_FABRIC, protectedItemIdFor, protectionNamesFor, vaultIdOf, VM_PROTECTED_ITEM_TYPE, type VmRef } from './protection-names.ts';

export { protectedItemIdFor, vmRefFromId, type VmRef } from './protection-names.ts';

/*
 * Enabling backup of an Azure VM (configure protection) and backing it up now. In
 * @azure/arm-recoveryservicesbackup 12 neither `protectedItems.createOrUpdate` nor `backups.trigger` is a
 * long-running operation: both return after the 202, so the operation URL is read through onResponse and
 * followed here (arm-api.md §2.3).
 */

export type ProtectedVmItem = {
  id: string;
  policyId: string | null;
  protectionState: string | null;
  healthStatus: string | null;
  lastBackupStatus: string | null;
};

/** The VM's protected item in this vault, or null if this vault does not protect it. */
export async function getProtectedVmItem(clients: ArmClients, vault: VaultRef, vm: VmRef): Promise<ProtectedVmItem | null> {
  const client = await clients.backup(vault.subscriptionId);
  const { container, item } = protectionNamesFor(vm);
  try {
    const resource = await client.protectedItems.get(vault.vaultName, vault.resourceGroup, AZURE_FABRIC, container, item);
    const properties = resource.properties as
      | { policyId?: string; protectionState?: string; healthStatus?: string; lastBackupStatus?: string }
      | undefined;
    return {
      id: resource.id ?? protectedItemIdFor(vault, vm),
      policyId: properties?.policyId ?? null,
      protectionState: properties?.protectionState ?? null,
      healthStatus: properties?.healthStatus ?? null,
      lastBackupStatus: properties?.lastBackupStatus ?? null,
    };
  } catch (error) {
    if (toAzureError(error).status === 404) return null;
    throw error;
  }
}

export type OperationObserver = FollowOptions & {
  /** The write was accepted and its operation URL journaled: from here on it is polled, never re-sent. */
  onAccepted?: (entryId: string, operationUrl: string) => void;
};

/** How a journaled asynchronous write ended, as far as this tab could follow it. */
export type WriteOperationOutcome =
  | { kind: 'succeeded'; entryId: string; jobId: string | null; requestId?: string }
  /** `send`: the request itself was refused (nothing runs in Azure); `operation`: Azure ran it and it failed. */
  | { kind: 'failed'; entryId: string | null; error: AzureError; phase: 'send' | 'operation' }
  /** Accepted, but following it failed or timed out: it stays in flight in the journal, to be polled again. */
  | { kind: 'inFlight'; entryId: string; operationUrl: string; error: AzureError };

/** Turns a finished poll into the outcome; `requestId` is the write's own (support traces the operation by it). */
export function outcomeOfPoll(entryId: string, poll: OperationPoll, requestId: string | undefined): WriteOperationOutcome {
  if (poll.state === 'Succeeded') {
    return { kind: 'succeeded', entryId, jobId: poll.jobId ?? null, ...(requestId ? { requestId } : {}) };
  }
  const id = requestId ?? poll.requestId;
  return {
    kind: 'failed',
    entryId,
    phase: 'operation',
    error: {
      kind: 'unknown',
      code: poll.error?.code ?? `Operation${poll.state}`,
      message: poll.error?.message ?? `Azure reported the operation as ${poll.state}.`,
      ...(id ? { requestId: id } : {}),
    },
  };
}

/** Sends one journaled write whose 202 is followed here; shared by configure protection and backup now. */
async function sendAndFollow(
  clients: ArmClients,
  intent: Parameters<typeof runJournaled>[1],
  send: Parameters<typeof runJournaled<unknown>>[2],
  observer: OperationObserver,
): Promise<WriteOperationOutcome> {
  // A holder, not a `let`: it is set inside the callback.
  const ended: { outcome: WriteOperationOutcome | null } = { outcome: null };
  try {
    await runJournaled(clients.journal, intent, send, async (_value, first, entryId) => {
      if (!first?.operationUrl) {
        // A synchronous 200: done, nothing to follow.
        ended.outcome = { kind: 'succeeded', entryId, jobId: null, ...(first?.requestId ? { requestId: first.requestId } : {}) };
        return { outcome: 'succeeded', finalState: 'Succeeded', status: first?.status ?? 200, ...(first?.requestId ? { requestId: first.requestId } : {}) };
      }
      observer.onAccepted?.(entryId, first.operationUrl);
      const settlement = await followOperation(clients, first.operationUrl, { ...observer, initialDelayMs: retryAfterMs(first.retryAfter) });
      if (!settlement.settled) {
        ended.outcome = { kind: 'inFlight', entryId, operationUrl: first.operationUrl, error: settlement.error };
        return null;
      }
      ended.outcome = outcomeOfPoll(entryId, settlement.poll, first.requestId);
      return settlement.result;
    });
  } catch (error) {
    return { kind: 'failed', entryId: null, error: toAzureError(error), phase: 'send' };
  }
  if (!ended.outcome) throw new Error('The write finished without an outcome.');
  return ended.outcome;
}

/**
 * Configures protection of one VM with the policy: PUT of its protected item (202 + operation), followed
 * until the operation ends. The operation's job (ConfigureBackup) is what the outcome names.
 */
export async function enableVmProtection(
  clients: ArmClients,
  vault: VaultRef,
  vm: VmRef,
  policyId: string,
  observer: OperationObserver = {},
): Promise<WriteOperationOutcome> {
  const client = await clients.backup(vault.subscriptionId);
  const { container, item } = protectionNamesFor(vm);
  return sendAndFollow(
    clients,
    {
      kind: 'protectedItem.put',
      method: 'PUT',
      target: protectedItemIdFor(vault, vm),
      summary: { vmId: vm.id, policyId },
    },
    (hooks) =>
      client.protectedItems.createOrUpdate(
        vault.vaultName,
        vault.resourceGroup,
        AZURE_FABRIC,
        container,
        item,
        { properties: { protectedItemType: VM_PROTECTED_ITEM_TYPE, sourceResourceId: vm.id, policyId } },
        hooks.hlc,
      ),
    observer,
  );
}

/** Backs the VM up now (POST …/backup), followed until the trigger's operation names its Backup job. */
export async function triggerVmBackup(
  clients: ArmClients,
  vault: VaultRef,
  vm: VmRef,
  observer: OperationObserver = {},
): Promise<WriteOperationOutcome> {
  const client = await clients.backup(vault.subscriptionId);
  const { container, item } = protectionNamesFor(vm);
  return sendAndFollow(
    clients,
    { kind: 'backup.trigger', method: 'POST', target: protectedItemIdFor(vault, vm), summary: { vmId: vm.id, action: 'backup' } },
    (hooks) =>
      client.backups.trigger(
        vault.vaultName,
        vault.resourceGroup,
        AZURE_FABRIC,
        container,
        item,
        { properties: { objectType: 'IaasVMBackupRequest' } },
        hooks.hlc,
      ),
    observer,
  );
}

export type BackupJobError = { code: string; message: string; recommendations: string[] };

export type BackupJob = {
  id: string;
  name: string;
  /** InProgress, Completed, CompletedWithWarnings, Failed, Cancelled, Cancelling … */
  status: string;
  operation: string | null;
  vmName: string | null;
  startTime: string | null;
  endTime: string | null;
  errors: BackupJobError[];
};

const TERMINAL_JOB_STATES = new Set(['completed', 'completedwithwarnings', 'failed', 'cancelled', 'canceled']);
export const isJobFinished = (job: Pick<BackupJob, 'status'>): boolean => TERMINAL_JOB_STATES.has(job.status.toLowerCase());

const iso = (value: Date | string | undefined): string | null =>
  value === undefined ? null : value instanceof Date ? value.toISOString() : value;

/** One backup job of the vault (jobDetails.get). */
export async function getBackupJob(clients: ArmClients, vault: VaultRef, jobId: string): Promise<BackupJob> {
  const client = await clients.backup(vault.subscriptionId);
  const job = await client.jobDetails.get(vault.vaultName, vault.resourceGroup, jobId);
  const properties = job.properties as
    | {
        status?: string;
        operation?: string;
        entityFriendlyName?: string;
        startTime?: Date;
        endTime?: Date;
        errorDetails?: { errorCode?: number; errorString?: string; errorTitle?: string; recommendations?: string[] }[];
      }
    | undefined;
  return {
    id: job.id ?? `${vaultIdOf(vault)}/backupJobs/${jobId}`,
    name: job.name ?? jobId,
    status: properties?.status ?? 'Unknown',
    operation: properties?.operation ?? null,
    vmName: properties?.entityFriendlyName ?? null,
    startTime: iso(properties?.startTime),
    endTime: iso(properties?.endTime),
    errors: (properties?.errorDetails ?? []).map((detail) => ({
      // The service's string code travels in errorTitle; errorCode is a number whose values are not published.
      code: detail.errorTitle ?? (detail.errorCode !== undefined ? String(detail.errorCode) : 'BackupJobFailed'),
      message: detail.errorString ?? 'The backup job failed.',
      recommendations: detail.recommendations ?? [],
    })),
  };
}
