// Microsoft.Resources resource groups and resource providers.
import { resourceGroupNameProblems } from '../../src/shared/names.ts';
import { API_VERSIONS } from '../arm/api-versions.ts';
import { armErrors } from '../arm/errors.ts';
import { page } from '../arm/paging.ts';
import { isAuthorized, type RoleAssignment } from '../arm/rbac.ts';
import type { ArmContext, ArmRoute } from '../arm/types.ts';
import type { ArmResource } from '../state/store.ts';
import { findRegion } from '../state/wire-catalog.ts';

const versions = API_VERSIONS.resources;
const RG_TYPE = 'Microsoft.Resources/resourceGroups';

function rgId(ctx: ArmContext): string {
  return `/subscriptions/${ctx.params['subscriptionId']}/resourceGroups/${ctx.params['resourceGroupName']}`;
}


const rgBody = ({ id, name, type, location, tags, properties, managedBy }: ArmResource) => ({
  id,
  name,
  type,
  location,
  ...(managedBy === undefined ? {} : { managedBy }),
  tags: tags ?? {},
  properties,
});

export const resourceGroupRoutes: ArmRoute[] = [
  {
    method: 'GET',
    path: '/subscriptions/{subscriptionId}/resourcegroups',
    apiVersions: versions,
    action: 'Microsoft.Resources/subscriptions/resourceGroups/read',
    // ARM lists only the groups the caller may read, so a group-scoped role sees its own group.
    public: true,
    handler: (ctx) => {
      const assignments = ctx.store.identity.roleAssignments as readonly RoleAssignment[];
      const all = ctx.store
        .list({ type: RG_TYPE, scope: `/subscriptions/${ctx.params['subscriptionId']}` })
        .filter((rg) => isAuthorized(assignments, ctx.principal.objectId, 'Microsoft.Resources/subscriptions/resourceGroups/read', rg.id));
      const top = Number(ctx.query.get('$top'));
      return { status: 200, body: page(ctx, (top > 0 ? all.slice(0, top) : all).map(rgBody)) };
    },
  },
  {
    method: 'GET',
    path: '/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}',
    apiVersions: versions,
    action: 'Microsoft.Resources/subscriptions/resourceGroups/read',
    handler: (ctx) => {
      const rg = ctx.store.get(rgId(ctx));
      if (!rg) throw armErrors.resourceGroupNotFound(ctx.params['resourceGroupName'] ?? '');
      return { status: 200, body: rgBody(rg) };
    },
  },
  {
    method: 'HEAD',
    path: '/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}',
    apiVersions: versions,
    action: 'Microsoft.Resources/subscriptions/resourceGroups/read',
    handler: (ctx) => ({ status: ctx.store.get(rgId(ctx)) ? 204 : 404 }),
  },
  {
    method: 'PUT',
    path: '/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}',
    apiVersions: versions,
    action: 'Microsoft.Resources/subscriptions/resourceGroups/write',
    handler: (ctx) => {
      const name = ctx.params['resourceGroupName'] ?? '';
      const problems = resourceGroupNameProblems(name);
      if (problems.length > 0) throw armErrors.invalidResourceGroupName(name, problems.map((p) => p.message).join(' '));
      const body = (ctx.body ?? {}) as { location?: unknown; tags?: unknown; managedBy?: unknown };
      if (typeof body.location !== 'string' || body.location.trim() === '') throw armErrors.locationRequired();
      const region = findRegion(ctx.store.catalog, body.location);
      if (!region) {
        throw armErrors.invalidLocation(body.location, RG_TYPE, ctx.store.catalog.regions.map((r) => r.name));
      }
      const tags = body.tags && typeof body.tags === 'object' ? (body.tags as Record<string, string>) : {};
      const existing = ctx.store.get(rgId(ctx));
      if (existing && existing.location !== region.name) {
        throw armErrors.invalidResourceGroupLocation(name, existing.location ?? '', region.name);
      }
      const saved = ctx.store.put({
        id: existing?.id ?? rgId(ctx),
        name: existing?.name ?? name,
        type: RG_TYPE,
        location: region.name,
        tags,
        properties: { provisioningState: 'Succeeded' },
      });
      return { status: existing ? 200 : 201, body: rgBody(saved) };
    },
  },
];
