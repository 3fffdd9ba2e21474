// What the vault knows about the VMs it could protect: discovery (refreshContainers, an asynchronous POST
// that SDK 12 doesn't treat as long-running, so its Location is read through onResponse and polled), the
// protectable items it found, the VMs it already protects, and the backupStatus pre-check for the rest.
import type { ArmClients } from './clients.ts';
import { AzureRequestError } from './errors.ts';
import { collectPages } from './paging.ts';
import { operationIdFrom, retryAfterMs } from './policies.ts';
import type { BackupStatusLike } from './vm-wire.ts';

export type VaultLocator = { subscriptionId: string; resourceGroup: string; vaultName: string };

export const AZURE_VM_FILTER = "backupManagementType eq 'AzureIaasVM'";

export type RefreshOptions = {
  sleep?: (ms: number) => Promise<void>;
  /** Gives up after this long; the refresh may still finish in Azure. */
  timeoutMs?: number;
  /** Called after each poll that found the refresh still running. */
  onPoll?: (polls: number) => void;
};

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Asks the vault to discover the subscription's VMs again and waits until it has (202 … 204). Returns the polls made. */
export async function refreshContainers(clients: ArmClients, vault: VaultLocator, options: RefreshOptions = {}): Promise<number> {
  const { sleep = defaultSleep, timeoutMs = 5 * 60_000, onPoll } = options;
  const client = await clients.backup(vault.subscriptionId);
  let location: string | undefined;
  let retryAfter: string | undefined;
  await client.protectionContainers.refresh(vault.vaultName, vault.resourceGroup, 'Azure', {
    filter: AZURE_VM_FILTER,
    onResponse: (raw) => {
      location = raw.headers.get('location') ?? undefined;
      retryAfter = raw.headers.get('retry-after') ?? undefined;
    },
  });
  const operationId = operationIdFrom(location);
  // Without an operation to follow, the refresh finished in the request itself.
  if (operationId === null) return 0;
  const deadline = Date.now() + timeoutMs;
  for (let polls = 1; ; polls++) {
    await sleep(retryAfterMs(retryAfter));
    let status = 0;
    await client.protectionContainerRefreshOperationResults.get(vault.vaultName, vault.resourceGroup, 'Azure', operationId, {
      onResponse: (raw) => {
        status = raw.status;
        retryAfter = raw.headers.get('retry-after') ?? undefined;
      },
    });
    if (status !== 202) return polls;
    onPoll?.(polls);
    if (Date.now() > deadline) {
      throw new AzureRequestError({
        kind: 'unknown',
        code: 'OperationTimedOut',
        message: `The vault had not finished discovering virtual machines after ${Math.round(timeoutMs / 1000)} seconds. Try again in a few minutes.`,
      });
    }
  }
}

// The discriminators are named so every member of the SDK's item unions fits (a type with only optional
// fields accepts no value that shares none of them).
type ItemIdsLike = {
  properties?:
    | { protectableItemType?: string; protectedItemType?: string; virtualMachineId?: string; sourceResourceId?: string }
    | undefined;
};

function vmIdOf(item: ItemIdsLike): string | undefined {
  const p = item.properties;
  return p?.virtualMachineId ?? p?.sourceResourceId;
}

/** The VMs the vault's last refresh found and nothing protects yet (their ARM ids). */
export async function listProtectableVmIds(clients: ArmClients, vault: VaultLocator): Promise<{ ids: string[]; pages: number }> {
  const client = await clients.backup(vault.subscriptionId);
  const { items, pages } = await collectPages<ItemIdsLike>(
    client.backupProtectableItems.list(vault.vaultName, vault.resourceGroup, { filter: AZURE_VM_FILTER }),
  );
  return { ids: items.flatMap((item) => vmIdOf(item) ?? []), pages };
}

/** The VMs the vault already protects (their ARM ids). */
export async function listVaultProtectedVmIds(clients: ArmClients, vault: VaultLocator): Promise<{ ids: string[]; pages: number }> {
  const client = await clients.backup(vault.subscriptionId);
  const { items, pages } = await collectPages<ItemIdsLike>(
    client.backupProtectedItems.list(vault.vaultName, vault.resourceGroup, { filter: `${AZURE_VM_FILTER} and itemType eq 'VM'` }),
  );
  return { ids: items.flatMap((item) => vmIdOf(item) ?? []), pages };
}

/** Whether a VM is protected, and by which vault. One POST per VM: Azure has no list form of it. */
export async function backupStatusOf(clients: ArmClients, vmId: string, region: string): Promise<BackupStatusLike> {
  const client = await clients.backup(vmId.split('/')[2] ?? '');
  const status = await client.backupStatus.get(region, { resourceId: vmId, resourceType: 'VM' });
  const result: BackupStatusLike = {};
  if (status.protectionStatus) result.protectionStatus = status.protectionStatus;
  if (status.vaultId) result.vaultId = status.vaultId;
  if (status.policyName) result.policyName = status.policyName;
  return result;
}
