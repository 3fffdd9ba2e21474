import type { ArmClients } from './clients.ts';
import { journaled } from './journaled.ts';

/** Registered, NotRegistered, Registering, Unregistering — ARM documents the field as a free string. */
export type ResourceProvider = {
  namespace: string;
  registrationState: string;
  resourceTypes: { resourceType: string; locations: string[] }[];
};

function toProvider(namespace: string, provider: {
  namespace?: string;
  registrationState?: string;
  resourceTypes?: { resourceType?: string; locations?: string[] }[];
}): ResourceProvider {
  return {
    namespace: provider.namespace ?? namespace,
    registrationState: provider.registrationState ?? 'Unknown',
    resourceTypes: (provider.resourceTypes ?? []).map((type) => ({
      resourceType: type.resourceType ?? '',
      locations: type.locations ?? [],
    })),
  };
}

/** A resource provider as the subscription sees it. Its resource types' `locations` are DISPLAY names ("West Europe"). */
export async function getResourceProvider(clients: ArmClients, subscriptionId: string, namespace: string): Promise<ResourceProvider> {
  const client = await clients.resources(subscriptionId);
  return toProvider(namespace, await client.providers.get(namespace));
}

export async function registerResourceProvider(clients: ArmClients, subscriptionId: string, namespace: string): Promise<ResourceProvider> {
  const client = await clients.resources(subscriptionId);
  const registered = await journaled(
    clients.journal,
    { kind: 'provider.register', method: 'POST', target: `/subscriptions/${subscriptionId}/providers/${namespace}`, summary: { namespace } },
    (hooks) => client.providers.register(namespace, hooks.modular),
  );
  return toProvider(namespace, registered);
}
