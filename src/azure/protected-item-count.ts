import type { ArmClients } from './clients.ts';
import { toAzureError } from './errors.ts';

/**
 * How many Azure VMs the vault protects. null when the service (or the local emulator) does not answer
 * this list: the count is informative, never a reason to stop.
 */
export async function countProtectedVms(
  clients: ArmClients,
  subscriptionId: string,
  resourceGroup: string,
  vaultName: string,
): Promise<number | null> {
  const client = await clients.backup(subscriptionId);
  let count = 0;
  try {
    const items = client.backupProtectedItems.list(vaultName, resourceGroup, {
      filter: "backupManagementType eq 'AzureIaasVM' and itemType eq 'VM'",
    });
    for await (const _item of items) count++;
  } catch (error) {
    if (toAzureError(error).status === 404) return null;
    throw error;
  }
  return count;
}
