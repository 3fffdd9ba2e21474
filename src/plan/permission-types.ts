import type { PermissionEntry } from '../shared/rbac-actions.ts';

/** What the permissions API answered per scope (keyed by lower-cased scope); an Error when it could not be read. */
export type PermissionCheckScopes = ReadonlyMap<string, readonly PermissionEntry[] | Error>;
