import type { ArmClients } from './clients.ts';
import { toAzureError } from './errors.ts';
import type { VaultRef } from './policy-types.ts';

/** The Resource Guard that protects a vault's critical operations (multi-user authorization). */
export type ResourceGuardLink = { id: string; name: string; subscriptionId: string; resourceGroup: string };

export type MultiUserAuthorization =
  | { state: 'protected'; guard: ResourceGuardLink }
  | { state: 'notProtected' }
  /** The proxies could not be read (e.g. no permission); the vault's own flag may still say something. */
  | { state: 'unknown'; reason: string };

function linkOf(id: string): ResourceGuardLink {
  const parts = id.split('/');
  return { id, name: parts.at(-1) ?? id, subscriptionId: parts[2] ?? '', resourceGroup: parts[4] ?? '' };
}

/** Whether a Resource Guard protects the vault, from its backupResourceGuardProxies (read only). */
export async function getMultiUserAuthorization(clients: ArmClients, vault: VaultRef): Promise<MultiUserAuthorization> {
  const client = await clients.backup(vault.subscriptionId);
  try {
    for await (const proxy of client.resourceGuardProxies.list(vault.vaultName, vault.resourceGroup)) {
      const id = proxy.properties?.resourceGuardResourceId;
      if (id) return { state: 'protected', guard: linkOf(id) };
    }
    return { state: 'notProtected' };
  } catch (error) {
    const azure = toAzureError(error);
    return { state: 'unknown', reason: `${azure.code}: ${azure.message}` };
  }
}
