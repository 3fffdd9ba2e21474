// Microsoft.Resources tenant- and subscription-level reads: tenants, subscriptions, locations.
import { API_VERSIONS } from '../arm/api-versions.ts';
import { armErrors } from '../arm/errors.ts';
import { page } from '../arm/paging.ts';
import { canSeeSubscription, type RoleAssignment } from '../arm/rbac.ts';
import type { ArmContext, ArmRoute } from '../arm/types.ts';
import { locationsFor } from '../state/wire-catalog.ts';

const versions = API_VERSIONS.subscriptions;

function visibleSubscriptions(ctx: ArmContext) {
  const assignments = ctx.store.identity.roleAssignments as readonly RoleAssignment[];
  return ctx.store.catalog.subscriptions.filter((s) => canSeeSubscription(assignments, ctx.principal.objectId, s.subscriptionId));
}

export const subscriptionRoutes: ArmRoute[] = [
  {
    method: 'GET',
    path: '/tenants',
    apiVersions: versions,
    action: 'Microsoft.Resources/tenants/read',
    public: true,
    handler: (ctx) => {
      const t = ctx.store.identity.tenant;
      return {
        status: 200,
        body: {
          value: [
            {
              id: `/tenants/${t.tenantId}`,
              tenantId: t.tenantId,
              tenantCategory: 'Home',
              country: 'US',
              countryCode: 'US',
              displayName: t.displayName,
              domains: [t.defaultDomain],
              defaultDomain: t.defaultDomain,
              tenantType: 'AAD',
            },
          ],
        },
      };
    },
  },
  {
    method: 'GET',
    path: '/subscriptions',
    apiVersions: versions,
    action: 'Microsoft.Resources/subscriptions/read',
    // ARM lists the subscriptions the caller has any role in, rather than refusing.
    public: true,
    handler: (ctx) => ({ status: 200, body: page(ctx, visibleSubscriptions(ctx)) }),
  },
  {
    method: 'GET',
    path: '/subscriptions/{subscriptionId}',
    apiVersions: versions,
    action: 'Microsoft.Resources/subscriptions/read',
    handler: (ctx) => {
      const sub = visibleSubscriptions(ctx).find(
        (s) => s.subscriptionId.toLowerCase() === ctx.params['subscriptionId']?.toLowerCase(),
      );
      if (!sub) throw armErrors.subscriptionNotFound(ctx.params['subscriptionId'] ?? '');
      return { status: 200, body: sub };
    },
  },
  {
    method: 'GET',
    path: '/subscriptions/{subscriptionId}/locations',
    apiVersions: versions,
    action: 'Microsoft.Resources/subscriptions/locations/read',
    anySubscriptionRole: true,
    handler: (ctx) => {
      return { status: 200, body: { value: locationsFor(ctx.store.catalog, ctx.params['subscriptionId'] ?? '') } };
    },
  },
];
