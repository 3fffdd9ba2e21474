import type { SecurityWire, SwitchState } from '../shared/vault-security.ts';
import { resourceGroupOf } from './arm-ids.ts';
import type { ArmClients } from './clients.ts';
import { toAzureError } from './errors.ts';
import { journaled } from './journaled.ts';

export const VAULT_RESOURCE_TYPE = 'Microsoft.RecoveryServices/vaults';

export type VaultSummary = {
  id: string;
  name: string;
  resourceGroup: string;
  /** Programmatic region name, e.g. "westeurope" (ARM normalises what was sent). */
  location: string;
  provisioningState: string;
};

/** The vault PUT body the wizard sends. It is what the SDK serialises unchanged, so a preview of it is exact. */
export type VaultPutBody = {
  location: string;
  sku: { name: 'Standard' };
  /** The security sections as `securityProperties` builds them (all of them for a new vault). */
  properties: SecurityWire & { publicNetworkAccess: SwitchState };
  tags?: Record<string, string>;
};

export type NameAvailability =
  | { available: true }
  | { available: false; reason: string; message: string };

/** core-lro's states; "running" covers every in-progress status the service reports. */
export type OperationProgress = 'notStarted' | 'running' | 'succeeded' | 'failed' | 'canceled';

function toSummary(vault: { id?: string; name?: string; location: string; properties?: { provisioningState?: string } }): VaultSummary {
  const id = vault.id ?? '';
  return {
    id,
    name: vault.name ?? '',
    resourceGroup: resourceGroupOf(id),
    location: vault.location,
    provisioningState: vault.properties?.provisioningState ?? 'Unknown',
  };
}

/** Every Recovery Services vault of the subscription (all pages), sorted by name. */
export async function listVaults(clients: ArmClients, subscriptionId: string): Promise<VaultSummary[]> {
  const client = await clients.recoveryServices(subscriptionId);
  const result: VaultSummary[] = [];
  for await (const vault of client.vaults.listBySubscriptionId()) {
    if (vault.id && vault.name) result.push(toSummary(vault));
  }
  return result.sort((a, b) => a.name.localeCompare(b.name));
}

/** The vault, or null when neither it nor (for a group still to be created) its resource group exists. */
export async function findVault(
  clients: ArmClients,
  subscriptionId: string,
  resourceGroup: string,
  name: string,
): Promise<VaultSummary | null> {
  const client = await clients.recoveryServices(subscriptionId);
  try {
    return toSummary(await client.vaults.get(resourceGroup, name));
  } catch (error) {
    if (toAzureError(error).status === 404) return null;
    throw error;
  }
}

/**
 * checkNameAvailability is resource-group scoped in its URL, but the answer covers the whole subscription:
 * a name is taken when any vault of the subscription has it.
 */
export async function checkVaultName(
  clients: ArmClients,
  subscriptionId: string,
  resourceGroup: string,
  location: string,
  name: string,
): Promise<NameAvailability> {
  const client = await clients.recoveryServices(subscriptionId);
  const result = await client.recoveryServices.checkNameAvailability(resourceGroup, location, {
    type: 'Microsoft.RecoveryServices/Vaults',
    name,
  });
  return result.nameAvailable
    ? { available: true }
    : { available: false, reason: result.reason ?? 'Unknown', message: result.message ?? 'The name is not available.' };
}

/** PUT of the vault, a long-running operation followed to its end; `onProgress` hears each poll's state. */
export async function createVault(
  clients: ArmClients,
  subscriptionId: string,
  resourceGroup: string,
  name: string,
  body: VaultPutBody,
  onProgress?: (progress: OperationProgress) => void,
): Promise<VaultSummary> {
  const client = await clients.recoveryServices(subscriptionId);
  const target = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/${VAULT_RESOURCE_TYPE}/${name}`;
  // The operation URL of the 201/202 is journaled as soon as it arrives, so a reload polls it instead of re-sending.
  return journaled(clients.journal, { kind: 'vault.put', method: 'PUT', target, summary: { location: body.location, sku: body.sku.name } }, async (hooks) => {
    const poller = client.vaults.createOrUpdate(resourceGroup, name, body, hooks.modular);
    if (onProgress) poller.onProgress((state) => onProgress(state.status));
    await poller.submitted();
    onProgress?.('running');
    return toSummary(await poller.pollUntilDone());
  });
}
