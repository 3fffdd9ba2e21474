import { securityFromProperties, type VaultSecurity } from '../shared/vault-security.ts';
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
  /** Soft delete, immutability, cross-subscription restore, public network access and job-failure alerts. */
  security: VaultSecurity;
  /** The vault's own (read-only) multi-user authorization flag; which guard it is comes from the proxy read. */
  multiUserAuthorization: 'Enabled' | 'Disabled' | 'Unknown';
};

const muaFlag = (value: string | undefined): VaultDetails['multiUserAuthorization'] =>
  value === 'Enabled' || value === 'Disabled' ? value : 'Unknown';

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
      security: securityFromProperties(vault.properties),
      multiUserAuthorization: muaFlag(vault.properties?.securitySettings?.multiUserAuthorization),
    };
  } catch (error) {
    if (toAzureError(error).status === 404) return null;
    throw error;
  }
}
