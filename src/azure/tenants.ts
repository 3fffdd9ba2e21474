import type { ArmClients } from './clients.ts';

export type Tenant = { tenantId: string; displayName: string | null; defaultDomain: string | null };

/** The directories the signed-in account can see, with their names (for "Tenant: Contoso" on the Summary). */
export async function listTenants(clients: ArmClients): Promise<Tenant[]> {
  const client = await clients.subscriptions();
  const result: Tenant[] = [];
  for await (const tenant of client.tenants.list()) {
    if (!tenant.tenantId) continue;
    result.push({ tenantId: tenant.tenantId, displayName: tenant.displayName ?? null, defaultDomain: tenant.defaultDomain ?? null });
  }
  return result;
}
