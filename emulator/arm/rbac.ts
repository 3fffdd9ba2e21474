// Built-in role definitions (the parts that matter for VM backup) and ARM's authorization
// check: an action is allowed when an assignment at the scope or above has a role whose
// actions match it and whose notActions don't. Actions compare case-insensitively with "*" wildcards.

// The role definitions and the action matcher live in src/shared, so the wizard's permission pre-check
// judges an action exactly as this emulator authorizes it.
import { roleAllows, type RoleName } from '../../src/shared/built-in-roles.ts';

export { ROLE_DEFINITIONS, ROLE_NAMES, roleAllows, type RoleName } from '../../src/shared/built-in-roles.ts';

export interface RoleAssignment {
  principalId: string;
  roleName: RoleName;
  scope: string;
}

/** True when `scope` equals `ancestor` or lies under it (segment-wise, case-insensitive). */
export function scopeWithin(scope: string, ancestor: string): boolean {
  const s = scope.toLowerCase().replace(/\/+$/, '');
  const a = ancestor.toLowerCase().replace(/\/+$/, '');
  return s === a || s.startsWith(`${a}/`);
}

export function assignmentsAt(assignments: readonly RoleAssignment[], principalId: string, scope: string): RoleAssignment[] {
  const pid = principalId.toLowerCase();
  return assignments.filter((a) => a.principalId.toLowerCase() === pid && scopeWithin(scope, a.scope));
}

export function isAuthorized(
  assignments: readonly RoleAssignment[],
  principalId: string,
  action: string,
  scope: string,
): boolean {
  return assignmentsAt(assignments, principalId, scope).some((a) => roleAllows(a.roleName, action));
}

/** Subscriptions a principal can see: any assignment at or below the subscription (ARM lists those). */
export function canSeeSubscription(
  assignments: readonly RoleAssignment[],
  principalId: string,
  subscriptionId: string,
): boolean {
  const pid = principalId.toLowerCase();
  const sub = `/subscriptions/${subscriptionId}`;
  return assignments.some(
    (a) => a.principalId.toLowerCase() === pid && (scopeWithin(a.scope, sub) || scopeWithin(sub, a.scope)),
  );
}
