import { resourceGroupOf } from './arm-ids.ts';
import type { ArmClients } from './clients.ts';
import { toAzureError } from './errors.ts';

/** A vault as the Summary shows it. */
export type VaultDetails = {
  id: string;
  name: string;
  resourceGroup: string;
  location: string;
  /** e.g. "Standard" or "RS0" (the service echoes either). */
  skuName: string;
  skuTier: string;
  provisioningState: string;
  tags: Record<string, string>;
};

/** The vault read back from ARM, or null when it does not exist. */
export async function getVaultDetails(
  clients: ArmClients,
  subscriptionId: string,
  resourceGroup: string,
  name: string,
): Promise<VaultDetails | null> {
  const client = await clients.recoveryServices(subscriptionId);
  try {
    const vault = await client.vaults.get(resourceGroup, name);
    const id = vault.id ?? '';
    return {
      id,
      name: vault.name ?? name,
      resourceGroup: resourceGroupOf(id) || resourceGroup,
      location: vault.location,
      skuName: vault.sku?.name ?? '',
      skuTier: vault.sku?.tier ?? '',
      provisioningState: vault.properties?.provisioningState ?? '',
      tags: { ...(vault.tags ?? {}) },
    };
  } catch (error) {
    if (toAzureError(error).status === 404) return null;
    throw error;
  }
}
