import { journalMetaKey } from './journal-storage.ts';

/**
 * One key per tenant and account, so a different account on the same browser never sees this progress. Its own
 * module (no zod, no slices) because the sign-in page keys the signed-in app by it before that app is loaded.
 */
export function storageKeyFor(account: { tenantId: string; homeAccountId: string }): string {
  return `vmbw:v1:${account.tenantId}:${account.homeAccountId}`;
}

/** Whether a storage key holds part of this account's progress: its own key, or one of its journal's entries. */
export function isProgressKeyOf(accountKey: string, key: string): boolean {
  return key === accountKey || key.startsWith(journalMetaKey(accountKey));
}
