// ARM's evaluation of role actions, shared by the wizard (the permission pre-check) and the emulator
// (its authorization step), so both judge a permission the same way. Pure; no imports.

/** One role's effective permission set, as the permissions API lists it (one entry per role assignment). */
export type PermissionEntry = {
  actions: readonly string[];
  notActions: readonly string[];
};

const patternCache = new Map<string, RegExp>();

function actionPattern(pattern: string): RegExp {
  let re = patternCache.get(pattern);
  if (!re) {
    // "*" matches any run of characters, "/" included ("Microsoft.Compute/*" covers every Compute action).
    const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
    re = new RegExp(`^${escaped}$`, 'i');
    patternCache.set(pattern, re);
  }
  return re;
}

/** True when `action` matches `pattern`: case-insensitive, with "*" wildcards. */
export function actionMatches(pattern: string, action: string): boolean {
  return actionPattern(pattern).test(action);
}

/** True when this one entry grants `action`: some action matches and no notAction does. */
export function entryAllows(entry: PermissionEntry, action: string): boolean {
  return entry.actions.some((a) => actionMatches(a, action)) && !entry.notActions.some((n) => actionMatches(n, action));
}

/**
 * True when any entry grants `action`. NotActions subtract from their own role only: a Reader's "*\/read"
 * plus a Contributor's notActions never take away what another role grants.
 */
export function permissionsAllow(entries: readonly PermissionEntry[], action: string): boolean {
  return entries.some((entry) => entryAllows(entry, action));
}
