// What a caller may see through Resource Graph: the subscriptions of the query's scope that they can
// reach, and within them only the rows they may read, with the same role assignments and inheritance
// the ARM routes use. Nothing signals what was left out, as in ARG.
import { canSeeSubscription, isAuthorized, type RoleAssignment } from '../arm/rbac.ts';
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
 * A predicate: may the principal read this row? Role assignments are made at a subscription or a resource
 * group (fixture-schema.ts), so a decision holds for every row of the same type in the same resource group
 * and is computed once per (group, action): this keeps a 50,000-VM query to a few hundred checks.
 */
export function readableBy(store: Store, principalId: string): (entry: GraphEntry) => boolean {
  const pid = principalId.toLowerCase();
  const mine = (store.identity.roleAssignments as readonly RoleAssignment[]).filter((a) => a.principalId.toLowerCase() === pid);
  const decisions = new Map<string, boolean>();
  return (entry) => {
    let allowed = decisions.get(entry.rbacKey);
    if (allowed === undefined) {
      allowed = isAuthorized(mine, principalId, entry.readAction, entry.rbacScope);
      decisions.set(entry.rbacKey, allowed);
    }
    return allowed;
  };
}
