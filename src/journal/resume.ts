import type { JournalEntry, WriteKind } from './types.ts';

/**
 * What to do, on start-up, with a journal entry: nothing (it has its result), poll its saved operation URL
 * (it was accepted, and Azure is running or ran it), let its step send it again (an idempotent write that
 * never got an answer — a PUT by name creates nothing twice), or record that its outcome is unknown (it
 * can't be safely repeated, or can't be followed any more).
 */
export type ResumeDecision =
  | { action: 'none' }
  | { action: 'poll'; url: string }
  | { action: 'resend-safe-put'; reason: string }
  | { action: 'mark-unknown'; reason: string };

/** Writes that may be sent again without changing the outcome. A backup trigger would start a second backup. */
const REPEATABLE: Record<WriteKind, boolean> = {
  'resourceGroup.put': true,
  'vault.put': true,
  // A PATCH to a target state: sending it again changes nothing more.
  'vault.patch': true,
  'storageConfig.patch': true,
  'storageConfig.put': true,
  'policy.put': true,
  // Registering a registered provider is a no-op.
  'provider.register': true,
  'nsgRule.put': true,
  'protectedItem.put': true,
  'backup.trigger': false,
};

/** ARM keeps operation status for a limited time (a day or two); past that a poll only finds 404s. */
export const OPERATION_URL_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export type ResumeOptions = {
  /** The ARM endpoint this app talks to; an operation URL elsewhere is never called with an ARM token. */
  armEndpoint: string;
  maxAgeMs?: number;
};

/** True when `url` is an https URL under the ARM endpoint (same origin, same base path). */
export function isOnArmEndpoint(url: string, armEndpoint: string): boolean {
  let target: URL;
  let base: URL;
  try {
    target = new URL(url);
    base = new URL(armEndpoint);
  } catch {
    return false;
  }
  if (target.protocol !== 'https:' || target.origin !== base.origin) return false;
  const basePath = base.pathname.replace(/\/+$/, '');
  return basePath === '' || target.pathname === basePath || target.pathname.startsWith(`${basePath}/`);
}

export function decideResume(entry: JournalEntry, now: Date, { armEndpoint, maxAgeMs = OPERATION_URL_MAX_AGE_MS }: ResumeOptions): ResumeDecision {
  if (entry.result) return { action: 'none' };
  if (entry.operationUrl !== undefined) {
    if (!isOnArmEndpoint(entry.operationUrl, armEndpoint)) {
      return { action: 'mark-unknown', reason: 'The saved operation URL is not on the Azure Resource Manager endpoint, so it is not called.' };
    }
    const acceptedAt = Date.parse(entry.acceptedAt ?? entry.at);
    if (Number.isFinite(acceptedAt) && now.getTime() - acceptedAt > maxAgeMs) {
      return { action: 'mark-unknown', reason: 'The operation is too old for Azure to still report its status. Check the resource in Azure.' };
    }
    return { action: 'poll', url: entry.operationUrl };
  }
  if (REPEATABLE[entry.kind]) {
    return { action: 'resend-safe-put', reason: 'The page closed before Azure answered. Sending the same write again is safe: it creates nothing twice.' };
  }
  return {
    action: 'mark-unknown',
    reason: 'The page closed before Azure answered, and this request is not safe to repeat. Check the vault’s backup jobs to see whether it started.',
  };
}
