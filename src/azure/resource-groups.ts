import { resourceGroupOf } from './arm-ids.ts';
import type { ArmClients } from './clients.ts';
import { journaled } from './journaled.ts';

export type ResourceGroup = { id: string; name: string; location: string };

/** The subscription's resource groups the account can see (all pages), sorted by name. */
export async function listResourceGroups(clients: ArmClients, subscriptionId: string): Promise<ResourceGroup[]> {
  const client = await clients.resources(subscriptionId);
  const result: ResourceGroup[] = [];
  for await (const group of client.resourceGroups.list()) {
    if (!group.name) continue;
    result.push({ id: group.id ?? '', name: group.name, location: group.location });
  }
  return result.sort((a, b) => a.name.localeCompare(b.name));
}

export type ResourceGroupPut = { location: string; tags?: Record<string, string> };

/** PUT of a resource group: 201 when created, 200 when it already existed (then only its tags change). */
export async function createResourceGroup(
  clients: ArmClients,
  subscriptionId: string,
  name: string,
  body: ResourceGroupPut,
): Promise<ResourceGroup> {
  const client = await clients.resources(subscriptionId);
  const group = await journaled(
    clients.journal,
    { kind: 'resourceGroup.put', method: 'PUT', target: `/subscriptions/${subscriptionId}/resourceGroups/${name}`, summary: { location: body.location } },
    (hooks) => client.resourceGroups.createOrUpdate(name, body, hooks.modular),
  );
  const id = group.id ?? `/subscriptions/${subscriptionId}/resourceGroups/${name}`;
  return { id, name: group.name ?? (resourceGroupOf(id) || name), location: group.location };
}
