// The plan's rows for the vault security settings: one per setting the user set, "no change" when Azure
// already holds it. The Vault and Replication steps write these settings (and read them back); the Enable
// step does not, so a difference here is a conflict that names where to save it.
import { lockedSettings, securityStepProblems, type OneWaySetting, type SecurityField, type VaultSecurity } from '../shared/vault-security.ts';
import type { PlanChoices, PlanItem, PlanObserved } from './plan-types.ts';
import { SECURITY_DOORS, SECURITY_FIELDS, SECURITY_LABELS, securityValue } from './security-words.ts';

/** Retention belongs to the soft delete row: one row per setting the user sees. */
const ROWS: readonly SecurityField[] = SECURITY_FIELDS.filter((field) => field !== 'softDeleteRetentionDays');

const DOOR_OF: Partial<Record<SecurityField, OneWaySetting>> = {
  softDeleteState: 'softDeleteAlwaysOn',
  immutability: 'immutabilityLocked',
  crossSubscriptionRestore: 'crossSubscriptionRestorePermanentlyDisabled',
};

function words(security: VaultSecurity, field: SecurityField): string {
  const value = securityValue(security, field);
  return field === 'softDeleteState' ? `${value}, ${securityValue(security, 'softDeleteRetentionDays')}` : value;
}

const differs = (a: VaultSecurity, b: VaultSecurity, field: SecurityField) =>
  a[field] !== b[field] || (field === 'softDeleteState' && a.softDeleteRetentionDays !== b.softDeleteRetentionDays);

/** The rows, or none when the user left the settings as Azure has them. */
export function securityItems(choices: PlanChoices, observed: PlanObserved, vaultId: string): PlanItem[] {
  const chosen = choices.security;
  if (!chosen) return [];
  const current = observed.security ?? null;
  const refused = new Map<SecurityField, string>(
    securityStepProblems(current, chosen.settings).map((p) => [p.field === 'softDeleteRetentionDays' ? 'softDeleteState' : p.field, p.message]),
  );
  const doorsNow = new Set(lockedSettings(chosen.settings));
  return ROWS.map((field): PlanItem => {
    const door = DOOR_OF[field];
    const base = {
      key: `security:${field}`,
      kind: 'security' as const,
      title: SECURITY_LABELS[field],
      targetId: vaultId,
      oneWayDoors: door && doorsNow.has(door) ? [SECURITY_DOORS[door]] : [],
      permissions: [],
      write: null,
    };
    const problem = refused.get(field);
    if (problem) return { ...base, action: 'conflict', detail: `${words(chosen.settings, field)} can’t be set: ${problem}` };
    if (current && !differs(current, chosen.settings, field)) return { ...base, action: 'noChange', detail: `${words(current, field)}: already set.` };
    const where = 'Save the security settings on the Replication step (the Enable step only enables protection), or set them back.';
    const detail = !current
      ? `${words(chosen.settings, field)} once the vault exists. ${where}`
      : chosen.saved
        ? `Azure now reports ${words(current, field)}, not the ${words(chosen.settings, field)} saved earlier. ${where}`
        : `Not saved yet: ${words(current, field)} now, ${words(chosen.settings, field)} chosen. ${where}`;
    return { ...base, action: 'conflict', detail };
  });
}
