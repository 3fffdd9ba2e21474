import { roleAllows, type RoleName } from '../shared/built-in-roles.ts';
import { permissionsAllow } from '../shared/rbac-actions.ts';
import type { PermissionCheckScopes } from './permission-types.ts';
import type { Plan, RequiredPermission } from './plan-types.ts';

/** The built-in roles offered as a fix, narrowest first: the first that grants an action is the one to ask for. */
export const SUGGESTED_ROLES: readonly RoleName[] = [
  'Backup Contributor',
  'Backup Operator',
  'Virtual Machine Contributor',
  'Network Contributor',
  'Contributor',
  'Owner',
];

/** The built-in roles that grant `action`, narrowest first. */
export function rolesGranting(action: string): RoleName[] {
  return SUGGESTED_ROLES.filter((role) => roleAllows(role, action));
}

export type { PermissionCheckScopes as ScopePermissions } from './permission-types.ts';

export type PermissionVerdict = RequiredPermission & {
  /** null when the scope's permissions could not be read: neither allowed nor refused. */
  allowed: boolean | null;
  grantedBy: RoleName[];
};

export type PlanPermissions = {
  byItem: Record<string, PermissionVerdict[]>;
  /** Every permission the plan needs and the user lacks. */
  missing: (PermissionVerdict & { itemKey: string })[];
  /** Permissions that could not be checked. */
  unknown: (PermissionVerdict & { itemKey: string })[];
};

/** Each scope the plan needs permissions on, once (ARM scopes compare case-insensitively). */
export function scopesToCheck(plan: Plan): string[] {
  const scopes = new Map<string, string>();
  for (const item of plan.items) {
    for (const permission of item.permissions) {
      const key = permission.scope.toLowerCase();
      if (!scopes.has(key)) scopes.set(key, permission.scope);
    }
  }
  return [...scopes.values()];
}

/** Judges every permission the plan needs against what the permissions API said for its scope. */
export function checkPlanPermissions(plan: Plan, permissions: PermissionCheckScopes): PlanPermissions {
  const result: PlanPermissions = { byItem: {}, missing: [], unknown: [] };
  for (const item of plan.items) {
    const verdicts = item.permissions.map((permission): PermissionVerdict => {
      const entries = permissions.get(permission.scope.toLowerCase());
      const allowed = entries === undefined || entries instanceof Error ? null : permissionsAllow(entries, permission.action);
      return { ...permission, allowed, grantedBy: rolesGranting(permission.action) };
    });
    result.byItem[item.key] = verdicts;
    for (const verdict of verdicts) {
      if (verdict.allowed === false) result.missing.push({ ...verdict, itemKey: item.key });
      if (verdict.allowed === null) result.unknown.push({ ...verdict, itemKey: item.key });
    }
  }
  return result;
}

/** "Backup Contributor (or Backup Operator, Contributor, Owner)". */
export function describeRoles(roles: readonly RoleName[]): string {
  const [first, ...rest] = roles;
  if (!first) return 'a custom role that includes it';
  return rest.length === 0 ? first : `${first} (or ${rest.join(', ')})`;
}
