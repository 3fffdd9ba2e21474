// A Recovery Services vault's security settings and the rules for changing them, as pure checks over
// the vault's wire `properties`. The wizard runs them before it sends anything; the emulator answers an
// illegal change with the first problem, as the service does.
// Sources (MicrosoftDocs/azure-docs, articles/backup/):
// - secure-by-default.md (2025-11): soft delete is enforced on every Recovery Services vault; disabling it
//   is not allowed for any API version; retention 14–180 days, 14 by default; AlwaysON is irreversible.
// - backup-azure-immutable-vault-concept.md (2025-06): Disabled, Enabled (Unlocked, reversible), Enabled
//   and locked (Locked, irreversible); immutability blocks "stop protection with delete data".
// - azure-cli backup/_params.py: immutability "Disabled" and cross-subscription restore "Enabled" by
//   default; PermanentlyDisabled cannot be re-enabled (Azure Policy Vaults_CrossSubscriptionRestore_Modify).
// Error codes: BMSUserErrorDisablingSoftDeleteStateNotAllowed (azure-cli#32383, ansible-collections/azure#2290),
// BMSUserErrorSoftDeleteStateAlwaysOn (terraform-provider-azurerm#31912), UserErrorUnsupportedVaultImmutabilityStateChange
// (azure-rest-api-specs#26598, which also shows that a vault cannot be created Locked). Codes without a
// source are marked [unconfirmed code].

export const SOFT_DELETE_STATES = ['Enabled', 'AlwaysON', 'Disabled'] as const;
export type SoftDeleteState = (typeof SOFT_DELETE_STATES)[number];
export const IMMUTABILITY_STATES = ['Disabled', 'Unlocked', 'Locked'] as const;
export type ImmutabilityState = (typeof IMMUTABILITY_STATES)[number];
export const CROSS_SUBSCRIPTION_RESTORE_STATES = ['Enabled', 'Disabled', 'PermanentlyDisabled'] as const;
export type CrossSubscriptionRestoreState = (typeof CROSS_SUBSCRIPTION_RESTORE_STATES)[number];
export const SWITCH_STATES = ['Enabled', 'Disabled'] as const;
export type SwitchState = (typeof SWITCH_STATES)[number];

export const SOFT_DELETE_RETENTION_DAYS = { min: 14, max: 180, default: 14 } as const;

/** The settings the wizard reads, sets and shows; the wire fields they come from are in `securityFromProperties`. */
export type VaultSecurity = {
  softDeleteState: SoftDeleteState;
  softDeleteRetentionDays: number;
  immutability: ImmutabilityState;
  crossSubscriptionRestore: CrossSubscriptionRestoreState;
  publicNetworkAccess: SwitchState;
  /** Built-in Azure Monitor alerts for every job failure (classic alerts were retired on 31 March 2026). */
  jobFailureAlerts: SwitchState;
};

export type SecurityField = keyof VaultSecurity;

/**
 * What Azure gives a new vault when the request says nothing. Soft delete "Enabled" with 14 days is what the
 * GETVault example and the create article show; Azure Monitor job-failure alerts "Enabled" is [unconfirmed]
 * (the GETVault example shows it). Since the 2026 general availability of secure by default, Azure is
 * reported to turn soft delete to AlwaysON on its own (terraform-provider-azurerm#31163); read it back.
 */
export const AZURE_DEFAULT_SECURITY: VaultSecurity = {
  softDeleteState: 'Enabled',
  softDeleteRetentionDays: SOFT_DELETE_RETENTION_DAYS.default,
  immutability: 'Disabled',
  crossSubscriptionRestore: 'Enabled',
  publicNetworkAccess: 'Enabled',
  jobFailureAlerts: 'Enabled',
};

export const VAULT_SECURITY_ERROR_CODES = {
  disablingSoftDelete: 'BMSUserErrorDisablingSoftDeleteStateNotAllowed',
  softDeleteAlwaysOn: 'BMSUserErrorSoftDeleteStateAlwaysOn',
  // [unconfirmed code]
  softDeleteRetention: 'BMSUserErrorInvalidSoftDeleteRetentionPeriod',
  immutabilityChange: 'UserErrorUnsupportedVaultImmutabilityStateChange',
  // [unconfirmed code]
  crossSubscriptionRestore: 'BMSUserErrorCrossSubscriptionRestorePermanentlyDisabled',
} as const;

export type SecurityProblem = { field: SecurityField; code: string; message: string };

/** The settings that cannot be undone once reached. */
export type OneWaySetting = 'softDeleteAlwaysOn' | 'immutabilityLocked' | 'crossSubscriptionRestorePermanentlyDisabled';

/** The wire sections that carry the settings, as a vault PUT or PATCH sends them. */
export type SecurityWire = {
  publicNetworkAccess?: SwitchState;
  securitySettings?: {
    softDeleteSettings?: { softDeleteState: SoftDeleteState; softDeleteRetentionPeriodInDays: number };
    immutabilitySettings?: { state: ImmutabilityState };
  };
  restoreSettings?: { crossSubscriptionRestoreSettings: { crossSubscriptionRestoreState: CrossSubscriptionRestoreState } };
  monitoringSettings?: { azureMonitorAlertSettings: { alertsForAllJobFailures: SwitchState } };
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const obj = (v: unknown): Obj => (isObj(v) ? v : {});
const oneOf = <T extends string>(values: readonly T[], v: unknown): T | undefined =>
  values.find((value) => typeof v === 'string' && value.toLowerCase() === v.toLowerCase());

/** The settings as a vault's wire (or SDK) `properties` hold them; what is missing reads as Azure's default. */
export function securityFromProperties(properties: unknown): VaultSecurity {
  const p = obj(properties);
  const security = obj(p['securitySettings']);
  const softDelete = obj(security['softDeleteSettings']);
  const days = softDelete['softDeleteRetentionPeriodInDays'];
  const d = AZURE_DEFAULT_SECURITY;
  return {
    softDeleteState: oneOf(SOFT_DELETE_STATES, softDelete['softDeleteState']) ?? d.softDeleteState,
    softDeleteRetentionDays: typeof days === 'number' && Number.isFinite(days) ? days : d.softDeleteRetentionDays,
    immutability: oneOf(IMMUTABILITY_STATES, obj(security['immutabilitySettings'])['state']) ?? d.immutability,
    crossSubscriptionRestore:
      oneOf(CROSS_SUBSCRIPTION_RESTORE_STATES, obj(obj(p['restoreSettings'])['crossSubscriptionRestoreSettings'])['crossSubscriptionRestoreState']) ??
      d.crossSubscriptionRestore,
    publicNetworkAccess: oneOf(SWITCH_STATES, p['publicNetworkAccess']) ?? d.publicNetworkAccess,
    jobFailureAlerts: oneOf(SWITCH_STATES, obj(obj(p['monitoringSettings'])['azureMonitorAlertSettings'])['alertsForAllJobFailures']) ?? d.jobFailureAlerts,
  };
}

/**
 * The `properties` of a vault PUT or PATCH that sets `next`: only the sections that differ from `current`
 * (every section for a new vault, `current` null), so a PATCH never writes back what it did not mean to change.
 */
export function securityProperties(next: VaultSecurity, current: VaultSecurity | null): SecurityWire {
  const changed = (field: SecurityField) => current === null || current[field] !== next[field];
  const out: SecurityWire = {};
  if (changed('publicNetworkAccess')) out.publicNetworkAccess = next.publicNetworkAccess;
  const security: NonNullable<SecurityWire['securitySettings']> = {};
  if (changed('softDeleteState') || changed('softDeleteRetentionDays')) {
    security.softDeleteSettings = { softDeleteState: next.softDeleteState, softDeleteRetentionPeriodInDays: next.softDeleteRetentionDays };
  }
  if (changed('immutability')) security.immutabilitySettings = { state: next.immutability };
  if (Object.keys(security).length > 0) out.securitySettings = security;
  if (changed('crossSubscriptionRestore')) {
    out.restoreSettings = { crossSubscriptionRestoreSettings: { crossSubscriptionRestoreState: next.crossSubscriptionRestore } };
  }
  if (changed('jobFailureAlerts')) out.monitoringSettings = { azureMonitorAlertSettings: { alertsForAllJobFailures: next.jobFailureAlerts } };
  return out;
}

/** Which settings a change would make irreversible (already irreversible ones are not counted again). */
export function newOneWaySettings(current: VaultSecurity | null, next: VaultSecurity): OneWaySetting[] {
  const doors: OneWaySetting[] = [];
  if (next.softDeleteState === 'AlwaysON' && current?.softDeleteState !== 'AlwaysON') doors.push('softDeleteAlwaysOn');
  if (next.immutability === 'Locked' && current?.immutability !== 'Locked') doors.push('immutabilityLocked');
  if (next.crossSubscriptionRestore === 'PermanentlyDisabled' && current?.crossSubscriptionRestore !== 'PermanentlyDisabled') {
    doors.push('crossSubscriptionRestorePermanentlyDisabled');
  }
  return doors;
}

/** Settings already irreversible on the vault. */
export function lockedSettings(current: VaultSecurity): OneWaySetting[] {
  return newOneWaySettings(null, current);
}

/**
 * Everything Azure refuses in moving from `current` to `next`; `current` null is a new vault (which starts
 * from Azure's defaults). Empty when the change is allowed.
 */
export function securityChangeProblems(current: VaultSecurity | null, next: VaultSecurity): SecurityProblem[] {
  const from = current ?? AZURE_DEFAULT_SECURITY;
  const codes = VAULT_SECURITY_ERROR_CODES;
  const problems: SecurityProblem[] = [];
  const { min, max } = SOFT_DELETE_RETENTION_DAYS;
  if (!Number.isInteger(next.softDeleteRetentionDays) || next.softDeleteRetentionDays < min || next.softDeleteRetentionDays > max) {
    problems.push({
      field: 'softDeleteRetentionDays',
      code: codes.softDeleteRetention,
      message: `Soft delete retention must be a whole number of days from ${min} to ${max} (got ${String(next.softDeleteRetentionDays)}).`,
    });
  }
  if (from.softDeleteState === 'AlwaysON' && next.softDeleteState !== 'AlwaysON') {
    problems.push({
      field: 'softDeleteState',
      code: codes.softDeleteAlwaysOn,
      // The service's first sentence (terraform-provider-azurerm#31912); the rest of its message is not public.
      message: 'Soft delete cannot be disabled on this vault since it is configured to be ‘Always on’.',
    });
  } else if (next.softDeleteState === 'Disabled') {
    problems.push({
      field: 'softDeleteState',
      code: codes.disablingSoftDelete,
      message: 'Disabling soft delete or enhanced security state is not allowed for this vault. Please contact Microsoft Support if this is not expected.',
    });
  }
  const immutabilityMoves = from.immutability !== next.immutability;
  if (immutabilityMoves && (from.immutability === 'Locked' || (next.immutability === 'Locked' && from.immutability === 'Disabled'))) {
    problems.push({
      field: 'immutability',
      code: codes.immutabilityChange,
      message:
        from.immutability === 'Locked'
          ? 'The immutable vault property for this vault is locked, hence, this setting cannot be disabled. The vault has its immutable vault property enabled and locked, and it can no longer be reverted to a non-immutable vault. Refer to the documentation to learn more: https://aka.ms/AB-ImmutableVaults-States'
          : // [unconfirmed wording] Azure refuses Disabled → Locked in one step (azure-rest-api-specs#26598); enable it first.
            'Immutability can be locked only once it is enabled: set it to Unlocked first, then to Locked. Refer to the documentation to learn more: https://aka.ms/AB-ImmutableVaults-States',
    });
  }
  if (from.crossSubscriptionRestore === 'PermanentlyDisabled' && next.crossSubscriptionRestore !== 'PermanentlyDisabled') {
    problems.push({
      field: 'crossSubscriptionRestore',
      code: codes.crossSubscriptionRestore,
      message: 'Cross subscription restore is permanently disabled for this vault and cannot be enabled again.',
    });
  }
  return problems;
}

/** Azure refuses Disabled → Locked in one step; a client gets there through Unlocked. */
const locksFromDisabled = (current: VaultSecurity | null, next: VaultSecurity): boolean =>
  next.immutability === 'Locked' && (current?.immutability ?? 'Disabled') === 'Disabled';

/**
 * The vault `properties` to send, in order, to go from `current` to `next` (for a new vault, `current` null,
 * the first is the create body). Locking immutability from Disabled takes two writes: Unlocked, then Locked.
 * Empty when nothing changes.
 */
export function securityWriteSteps(current: VaultSecurity | null, next: VaultSecurity): SecurityWire[] {
  if (!locksFromDisabled(current, next)) {
    const only = securityProperties(next, current);
    return current !== null && Object.keys(only).length === 0 ? [] : [only];
  }
  const unlocked: VaultSecurity = { ...next, immutability: 'Unlocked' };
  return [securityProperties(unlocked, current), { securitySettings: { immutabilitySettings: { state: 'Locked' } } }];
}

/** The problems on the way `securityWriteSteps` takes: what the wizard can't do for the user, whatever it sends. */
export function securityStepProblems(current: VaultSecurity | null, next: VaultSecurity): SecurityProblem[] {
  if (!locksFromDisabled(current, next)) return securityChangeProblems(current, next);
  const unlocked: VaultSecurity = { ...next, immutability: 'Unlocked' };
  const all = [...securityChangeProblems(current, unlocked), ...securityChangeProblems(unlocked, next)];
  return all.filter((p, i) => all.findIndex((q) => q.field === p.field && q.code === p.code) === i);
}
