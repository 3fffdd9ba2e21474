import { securityFromProperties, type SecurityWire, type VaultSecurity } from '../shared/vault-security.ts';
import type { ArmClients } from './clients.ts';
import { journaled } from './journaled.ts';
import { VAULT_RESOURCE_TYPE, type OperationProgress } from './vaults.ts';

/**
 * PATCH of the vault with only the security sections that change (built by `securityProperties`), followed to
 * the end of its long-running operation. Returns the settings Azure reports afterwards: a caller compares
 * them with what it asked for, since the service may hold more than it was sent (e.g. soft delete always on).
 */
export async function updateVaultSecurity(
  clients: ArmClients,
  subscriptionId: string,
  resourceGroup: string,
  name: string,
  properties: SecurityWire,
  onProgress?: (progress: OperationProgress) => void,
): Promise<VaultSecurity> {
  const client = await clients.recoveryServices(subscriptionId);
  const target = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/${VAULT_RESOURCE_TYPE}/${name}`;
  const summary = { sections: Object.keys(properties).sort().join(',') };
  return journaled(clients.journal, { kind: 'vault.patch', method: 'PATCH', target, summary }, async (hooks) => {
    const poller = client.vaults.update(resourceGroup, name, { properties }, hooks.modular);
    if (onProgress) poller.onProgress((state) => onProgress(state.status));
    const vault = await poller.pollUntilDone();
    return securityFromProperties(vault.properties);
  });
}
