// Microsoft.Resources provider reads and registration: the app reads Microsoft.RecoveryServices
// to learn where vaults are offered, and registration state to warn before the first vault.
import { API_VERSIONS } from '../arm/api-versions.ts';
import { ArmError } from '../arm/errors.ts';
import type { ArmContext, ArmRoute } from '../arm/types.ts';
import { providerFor } from '../state/wire-catalog.ts';

const versions = API_VERSIONS.resources;

function provider(ctx: ArmContext) {
  const namespace = ctx.params['namespace'] ?? '';
  const found = providerFor(ctx.store.catalog, ctx.params['subscriptionId'] ?? '', namespace);
  if (!found) {
    throw new ArmError(404, 'InvalidResourceNamespace', `The resource namespace '${namespace}' is invalid.`);
  }
  return found;
}

export const providerRoutes: ArmRoute[] = [
  {
    method: 'GET',
    path: '/subscriptions/{subscriptionId}/providers',
    apiVersions: versions,
    action: 'Microsoft.Resources/subscriptions/providers/read',
    anySubscriptionRole: true,
    handler: (ctx) => {
      const sub = ctx.params['subscriptionId'] ?? '';
      const value = ctx.store.catalog.providers.flatMap((p) => providerFor(ctx.store.catalog, sub, p.namespace) ?? []);
      return { status: 200, body: { value } };
    },
  },
  {
    method: 'GET',
    path: '/subscriptions/{subscriptionId}/providers/{namespace}',
    apiVersions: versions,
    action: 'Microsoft.Resources/subscriptions/providers/read',
    anySubscriptionRole: true,
    handler: (ctx) => ({ status: 200, body: provider(ctx) }),
  },
  {
    method: 'POST',
    path: '/subscriptions/{subscriptionId}/providers/{namespace}/register',
    apiVersions: versions,
    // ARM checks the provider's own register action, e.g. Microsoft.RecoveryServices/register/action.
    action: (params) => `${params['namespace'] ?? ''}/register/action`,
    handler: (ctx) => {
      const found = provider(ctx);
      const sub = ctx.params['subscriptionId'] ?? '';
      ctx.store.setProviderRegistration(sub, found.namespace, 'Registered');
      return { status: 200, body: providerFor(ctx.store.catalog, sub, found.namespace) };
    },
  },
];
