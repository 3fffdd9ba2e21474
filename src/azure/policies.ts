import type { ArmClients } from './clients.ts';
import { AzureRequestError, toAzureError, type AzureError } from './errors.ts';
import { journaledAccepted } from './journaled.ts';
import { toVmBackupPolicy } from './policy-read.ts';
import type { VaultRef, VmBackupPolicy, VmPolicyPayload } from './policy-types.ts';

export const VM_POLICY_FILTER = "backupManagementType eq 'AzureIaasVM'";

/** The vault's Azure VM backup policies (all pages), sorted by name. */
export async function listVmPolicies(clients: ArmClients, vault: VaultRef): Promise<VmBackupPolicy[]> {
  const client = await clients.backup(vault.subscriptionId);
  const result: VmBackupPolicy[] = [];
  for await (const policy of client.backupPolicies.list(vault.vaultName, vault.resourceGroup, { filter: VM_POLICY_FILTER })) {
    result.push(toVmBackupPolicy(policy));
  }
  return result.sort((a, b) => a.name.localeCompare(b.name));
}

/** The policy, or null if the vault has none by that name (Azure matches policy names case-insensitively). */
export async function findVmPolicy(clients: ArmClients, vault: VaultRef, name: string): Promise<VmBackupPolicy | null> {
  const client = await clients.backup(vault.subscriptionId);
  try {
    return toVmBackupPolicy(await client.protectionPolicies.get(vault.vaultName, vault.resourceGroup, name));
  } catch (error) {
    if (toAzureError(error).status === 404) return null;
    throw error;
  }
}

export type PolicyWriteStage = 'checking' | 'sending' | 'waiting' | 'reading';

export type CreatePolicyResult =
  | { outcome: 'created'; policy: VmBackupPolicy; operationId: string | null }
  /** Nothing was sent: a policy by that name is already in the vault (it is never overwritten). */
  | { outcome: 'exists'; policy: VmBackupPolicy };

export type CreatePolicyOptions = {
  onStage?: (stage: PolicyWriteStage) => void;
  /** Waits between status polls; tests replace it. */
  sleep?: (ms: number) => Promise<void>;
  /** Gives up waiting after this long (the operation may still finish in Azure). */
  timeoutMs?: number;
};

const RETRY_AFTER = { defaultMs: 2000, minMs: 1000, maxMs: 5000 };

/**
 * How long to wait before the next status poll: the service's Retry-After (seconds, or an HTTP date), held
 * between 1 and 5 seconds — Azure Backup often says 60, far longer than a policy write takes.
 */
export function retryAfterMs(header: string | undefined, now = Date.now()): number {
  const { defaultMs, minMs, maxMs } = RETRY_AFTER;
  if (header === undefined || header.trim() === '') return defaultMs;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  if (Number.isNaN(ms)) return defaultMs;
  return Math.min(maxMs, Math.max(minMs, ms));
}

/** The operation id at the end of an Azure-AsyncOperation (…/operations/{id}) or Location (…/operationResults/{id}) URL. */
export function operationIdFrom(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const segments = new URL(url).pathname.split('/').filter(Boolean);
    const last = segments.at(-1);
    const parent = segments.at(-2)?.toLowerCase();
    return last && (parent === 'operations' || parent === 'operationresults') ? decodeURIComponent(last) : null;
  } catch {
    return null;
  }
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Creates a policy the way the backup API requires: the PUT answers 202 with the operation's URLs (read
 * through onResponse — SDK 12 does not treat this call as long-running), the operation is polled until it
 * settles, and the policy is then read back so the caller shows what Azure saved, not what was sent.
 * A policy that already has the name is reported, never overwritten.
 */
export async function createVmPolicy(
  clients: ArmClients,
  vault: VaultRef,
  name: string,
  payload: VmPolicyPayload,
  { onStage, sleep = defaultSleep, timeoutMs = 10 * 60_000 }: CreatePolicyOptions = {},
): Promise<CreatePolicyResult> {
  onStage?.('checking');
  const existing = await findVmPolicy(clients, vault, name);
  if (existing) return { outcome: 'exists', policy: existing };

  const client = await clients.backup(vault.subscriptionId);
  onStage?.('sending');
  let asyncUrl: string | undefined;
  const vaultId = `/subscriptions/${vault.subscriptionId}/resourceGroups/${vault.resourceGroup}/providers/Microsoft.RecoveryServices/vaults/${vault.vaultName}`;
  // Journaled: intent before the PUT, the operation URL from the 202; the end is recorded below once polled.
  const write = await journaledAccepted(
    clients.journal,
    { kind: 'policy.put', method: 'PUT', target: `${vaultId}/backupPolicies/${name}`, summary: { policyType: payload.properties.policyType } },
    (hooks) =>
      client.protectionPolicies.createOrUpdate(vault.vaultName, vault.resourceGroup, name, payload, {
        ...hooks.hlc,
        onResponse: (raw) => {
          hooks.hlc.onResponse(raw);
          asyncUrl = raw.headers.get('azure-asyncoperation') ?? raw.headers.get('location') ?? undefined;
        },
      }),
  );

  const operationId = operationIdFrom(asyncUrl);
  // Without an operation to follow (a synchronous 200), the read-back below is all there is to do.
  if (operationId !== null) {
    onStage?.('waiting');
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      let requestId: string | undefined;
      let retryAfter: string | undefined;
      const status = await client.protectionPolicyOperationStatuses.get(vault.vaultName, vault.resourceGroup, name, operationId, {
        onResponse: (raw) => {
          requestId = raw.headers.get('x-ms-request-id') ?? undefined;
          retryAfter = raw.headers.get('retry-after') ?? undefined;
        },
      });
      const state = status.status ?? 'InProgress';
      if (state === 'Succeeded') break;
      if (state === 'Failed' || state === 'Canceled' || state === 'Invalid') {
        const detail: AzureError = {
          kind: 'unknown',
          code: status.error?.code ?? `Operation${state}`,
          message: status.error?.message ?? `Azure reported the policy operation as ${state}.`,
        };
        if (requestId) detail.requestId = requestId;
        write.fail(new AzureRequestError(detail));
        throw new AzureRequestError(detail);
      }
      if (Date.now() > deadline) {
        throw new AzureRequestError({
          kind: 'unknown',
          code: 'OperationTimedOut',
          message: `Azure had not finished saving policy '${name}' after ${Math.round(timeoutMs / 1000)} seconds; it may still finish. Reload the policies to check.`,
          ...(requestId ? { requestId } : {}),
        });
      }
      await sleep(retryAfterMs(retryAfter));
    }
  }
  // A poll that failed or timed out above leaves the entry in flight: the next start-up polls its URL.
  write.settle({ outcome: 'succeeded', finalState: 'Succeeded', ...(write.first?.requestId ? { requestId: write.first.requestId } : {}) });

  onStage?.('reading');
  const saved = await findVmPolicy(clients, vault, name);
  if (!saved) {
    throw new AzureRequestError({
      kind: 'notFound',
      code: 'PolicyNotFoundAfterCreate',
      message: `Azure reported policy '${name}' as saved, but reading it back found nothing.`,
    });
  }
  return { outcome: 'created', policy: saved, operationId };
}
