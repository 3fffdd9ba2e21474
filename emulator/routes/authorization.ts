// Microsoft.Authorization/permissions: what the caller may do at a scope, one entry per role
// assignment of the caller that applies there (at the scope or above), as
// rest-examples/authorization/GetPermissions.json. Every caller may read its own permissions, so the
// route is public; a caller without assignments gets an empty list [unconfirmed: ARM may answer 403
// for a subscription the caller cannot see]. The resource itself is not looked up [unconfirmed].
import { API_VERSIONS } from '../arm/api-versions.ts';
import { assignmentsAt, ROLE_DEFINITIONS, type RoleAssignment } from '../arm/rbac.ts';
import type { ArmContext, ArmRoute } from '../arm/types.ts';

const SUFFIX = '/providers/Microsoft.Authorization/permissions';
const RG = '/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}';

function permissions(ctx: ArmContext) {
  const scope = ctx.path.slice(0, ctx.path.toLowerCase().lastIndexOf(SUFFIX.toLowerCase()));
  const assignments = ctx.store.identity.roleAssignments as readonly RoleAssignment[];
  const value = assignmentsAt(assignments, ctx.principal.objectId, scope).map((a) => {
    const role = ROLE_DEFINITIONS[a.roleName];
    return { actions: [...role.actions], notActions: [...role.notActions], dataActions: [], notDataActions: [] };
  });
  return { status: 200, body: { value } };
}

const route = (path: string): ArmRoute => ({
  method: 'GET',
  path: `${path}${SUFFIX}`,
  apiVersions: API_VERSIONS.authorization,
  action: 'Microsoft.Authorization/permissions/read',
  public: true,
  handler: permissions,
});

export const authorizationRoutes: ArmRoute[] = [
  route('/subscriptions/{subscriptionId}'),
  route(RG),
  route(`${RG}/providers/{resourceProviderNamespace}/{resourceType}/{resourceName}`),
  // A child resource, e.g. virtualNetworks/{vnet}/subnets/{subnet}.
  route(`${RG}/providers/{resourceProviderNamespace}/{parentType}/{parentName}/{resourceType}/{resourceName}`),
];
