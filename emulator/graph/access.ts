// What a caller may see through Resource Graph: the subscriptions of the query's scope that they can
// reach, and within them only the rows they may read, with the same role assignments and inheritance
// the ARM routes use. Nothing signals what was left out, as in ARG.
import { canSeeSubscription, roleAllows, type RoleAssignment } from '../arm/rbac.ts';
import type { Store } from '../state/store.ts';
import type { GraphQueryRequest } from './request.ts';
import type { GraphEntry } from './tables.ts';

/**
 * Lower-cased subscription ids the query covers: the requested subscriptions the caller can see; for a
 * management group, the subscriptions under it (every fixture subscription is under the tenant root group,
 * whose id is the tenant id); with neither, every subscription the caller can see (ARG's tenant scope).
 */
export function subscriptionsInScope(store: Store, principalId: string, request: Pick<GraphQueryRequest, 'subscriptions' | 'managementGroups'>): Set<string> {
  const assignments = store.identity.roleAssignments as readonly RoleAssignment[];
  const visible = store.catalog.subscriptions
    .filter((s) => canSeeSubscription(assignments, principalId, s.subscriptionId))
    .map((s) => s.subscriptionId.toLowerCase());
  if (request.subscriptions !== undefined) {
    const wanted = new Set(request.subscriptions.map((s) => s.toLowerCase()));
    return new Set(visible.filter((s) => wanted.has(s)));
  }
  if (request.managementGroups !== undefined) {
    const root = store.identity.tenant.tenantId.toLowerCase();
    return request.managementGroups.some((mg) => mg.toLowerCase() === root) ? new Set(visible) : new Set();
  }
  return new Set(visible);
}

/**
 * A predicate: may the principal read this row? The same rule as arm/rbac.ts isAuthorized (an assignment at
 * the row's scope or above whose role allows the action), made cheap for 100,000 rows: the principal's
 * assignments are grouped by subscription once, and since assignments are made at a subscription or a
 * resource group (fixture-schema.ts), one decision holds for every row with the same group and action.
 */
export function readableBy(store: Store, principalId: string): (entry: GraphEntry) => boolean {
  const pid = principalId.toLowerCase();
  const bySubscription = new Map<string, { scope: string; role: RoleAssignment['roleName'] }[]>();
  for (const a of store.identity.roleAssignments as readonly RoleAssignment[]) {
    if (a.principalId.toLowerCase() !== pid) continue;
    const scope = a.scope.toLowerCase().replace(/\/+$/, '');
    const sub = scope.split('/')[2] ?? '';
    bySubscription.set(sub, [...(bySubscription.get(sub) ?? []), { scope, role: a.roleName }]);
  }
  const decisions = new Map<string, boolean>();
  return (entry) => {
    let allowed = decisions.get(entry.rbacKey);
    if (allowed === undefined) {
      const target = entry.rbacScope;
      allowed = (bySubscription.get(entry.subscriptionId) ?? []).some(
        (a) => (target === a.scope || target.startsWith(`${a.scope}/`)) && roleAllows(a.role, entry.readAction),
      );
      decisions.set(entry.rbacKey, allowed);
    }
    return allowed;
  };
}
