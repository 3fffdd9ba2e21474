import { z } from 'zod';
import {
  AZURE_DEFAULT_SECURITY,
  CROSS_SUBSCRIPTION_RESTORE_STATES,
  IMMUTABILITY_STATES,
  SOFT_DELETE_RETENTION_DAYS,
  SWITCH_STATES,
  securityStepProblems,
  type SecurityField,
  type VaultSecurity,
} from '../shared/vault-security.ts';

/*
 * The vault security settings as the user filled them in (the Vault step for a new vault, the Replication
 * step for an existing one). The retention is kept as typed, so a wrong entry can be shown back with its
 * message. Soft delete can't be turned off (Azure refuses it), so the only choice is whether it is "always
 * on", which can't be undone.
 */

export type SecurityDraft = {
  softDeleteState: 'Enabled' | 'AlwaysON';
  softDeleteRetentionDays: string;
  immutability: VaultSecurity['immutability'];
  crossSubscriptionRestore: VaultSecurity['crossSubscriptionRestore'];
  publicNetworkAccess: VaultSecurity['publicNetworkAccess'];
  jobFailureAlerts: VaultSecurity['jobFailureAlerts'];
};

/** The form for settings Azure reports (or its defaults). A Disabled soft delete (from before secure by default) shows as on. */
export function draftFromSecurity(security: VaultSecurity): SecurityDraft {
  return {
    softDeleteState: security.softDeleteState === 'AlwaysON' ? 'AlwaysON' : 'Enabled',
    softDeleteRetentionDays: String(security.softDeleteRetentionDays),
    immutability: security.immutability,
    crossSubscriptionRestore: security.crossSubscriptionRestore,
    publicNetworkAccess: security.publicNetworkAccess,
    jobFailureAlerts: security.jobFailureAlerts,
  };
}

export const initialSecurityDraft: SecurityDraft = draftFromSecurity(AZURE_DEFAULT_SECURITY);

/** The typed retention as a number, or NaN when it is not a whole number. */
function retentionOf(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

/** The settings a draft asks for (the retention NaN when not a number: `securityDraftProblems` says so). */
export function securityFromDraft(draft: SecurityDraft): VaultSecurity {
  return { ...draft, softDeleteRetentionDays: retentionOf(draft.softDeleteRetentionDays) };
}

export type SecurityDraftProblems = Partial<Record<SecurityField, string>>;

/**
 * What is wrong with the draft, per field, before anything is sent: Azure's own rules for a change from
 * `current` (null: a new vault), along the writes the wizard would send.
 */
export function securityDraftProblems(draft: SecurityDraft, current: VaultSecurity | null): SecurityDraftProblems {
  const problems: SecurityDraftProblems = {};
  const { min, max } = SOFT_DELETE_RETENTION_DAYS;
  for (const problem of securityStepProblems(current, securityFromDraft(draft))) {
    problems[problem.field] ??=
      problem.field === 'softDeleteRetentionDays' ? `Enter a whole number of days from ${min} to ${max}.` : problem.message;
  }
  return problems;
}

export const sameSecurity = (a: VaultSecurity, b: VaultSecurity): boolean =>
  (Object.keys(a) as SecurityField[]).every((field) => a[field] === b[field]);

export const securityDraftSchema = z.object({
  softDeleteState: z.enum(['Enabled', 'AlwaysON']),
  softDeleteRetentionDays: z.string().max(20),
  immutability: z.enum(IMMUTABILITY_STATES),
  crossSubscriptionRestore: z.enum(CROSS_SUBSCRIPTION_RESTORE_STATES),
  publicNetworkAccess: z.enum(SWITCH_STATES),
  jobFailureAlerts: z.enum(SWITCH_STATES),
});

/** What Azure reported: the settings exactly (retention a number). */
export const securitySchema = securityDraftSchema.extend({
  softDeleteState: z.enum(['Enabled', 'AlwaysON', 'Disabled']),
  softDeleteRetentionDays: z.number().int().min(0).max(10_000),
});
