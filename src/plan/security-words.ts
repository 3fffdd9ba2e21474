// The vault security settings in plain words: one vocabulary for the Vault and Replication steps, the
// Review plan, the Summary and the exports.
import type { MultiUserAuthorization } from '../azure/resource-guard.ts';
import type { OneWaySetting, SecurityField, VaultSecurity } from '../shared/vault-security.ts';

/** What each irreversible setting means, said once wherever it is chosen or shown. */
export const SECURITY_DOORS: Record<OneWaySetting, string> = {
  softDeleteAlwaysOn: 'Soft delete set to always on can never be turned back: deleted backup data is always kept for the retention period.',
  immutabilityLocked:
    'Locked immutability can never be unlocked or turned off: no recovery point can be deleted before it expires, and retention can only grow.',
  crossSubscriptionRestorePermanentlyDisabled: 'Cross-subscription restore, once permanently disabled, can never be enabled again for this vault.',
};

/** The row labels, in the order the settings are shown. */
export const SECURITY_LABELS: Record<SecurityField, string> = {
  softDeleteState: 'Soft delete',
  softDeleteRetentionDays: 'Soft delete retention',
  immutability: 'Immutability',
  crossSubscriptionRestore: 'Cross-subscription restore',
  publicNetworkAccess: 'Public network access',
  jobFailureAlerts: 'Alerts for failed backup jobs',
};

const SOFT_DELETE: Record<VaultSecurity['softDeleteState'], string> = { Enabled: 'On', AlwaysON: 'Always on (irreversible)', Disabled: 'Off' };
const IMMUTABILITY: Record<VaultSecurity['immutability'], string> = {
  Disabled: 'Off',
  Unlocked: 'On, can still be turned off (Unlocked)',
  Locked: 'On and locked (irreversible)',
};
const CROSS_SUBSCRIPTION: Record<VaultSecurity['crossSubscriptionRestore'], string> = {
  Enabled: 'Allowed',
  Disabled: 'Not allowed',
  PermanentlyDisabled: 'Permanently not allowed (irreversible)',
};

/** One setting's value in words, e.g. "Always on (irreversible)", "30 days". */
export function securityValue(security: VaultSecurity, field: SecurityField): string {
  switch (field) {
    case 'softDeleteState':
      return SOFT_DELETE[security.softDeleteState];
    case 'softDeleteRetentionDays':
      return `${security.softDeleteRetentionDays} days`;
    case 'immutability':
      return IMMUTABILITY[security.immutability];
    case 'crossSubscriptionRestore':
      return CROSS_SUBSCRIPTION[security.crossSubscriptionRestore];
    case 'publicNetworkAccess':
      return security.publicNetworkAccess === 'Enabled' ? 'Allowed' : 'Private endpoints only';
    case 'jobFailureAlerts':
      return security.jobFailureAlerts === 'Enabled' ? 'Azure Monitor alert for every failure' : 'Off';
  }
}

export const SECURITY_FIELDS = Object.keys(SECURITY_LABELS) as SecurityField[];

/** Every setting as [label, value] pairs, for tables. */
export function securityRows(security: VaultSecurity): [string, string][] {
  return SECURITY_FIELDS.map((field) => [SECURITY_LABELS[field], securityValue(security, field)]);
}

/** Said next to the alerts setting: why there is no classic-alerts choice. */
export const CLASSIC_ALERTS_NOTE = 'Classic backup alerts were retired on 31 March 2026; Azure Monitor alerts replace them.';

/** "Protected by Resource Guard guard-x (resource group rg, subscription s)", "Not protected …", or why it is not known. */
export function multiUserAuthorizationWords(mua: MultiUserAuthorization): string {
  switch (mua.state) {
    case 'protected':
      return `Protected by Resource Guard ${mua.guard.name} (resource group ${mua.guard.resourceGroup}, subscription ${mua.guard.subscriptionId})`;
    case 'notProtected':
      return 'Not protected by a Resource Guard';
    case 'unknown':
      return `Could not be read (${mua.reason})`;
  }
}
