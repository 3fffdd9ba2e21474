// The security sections of a vault PUT or PATCH (soft delete, immutability, cross-subscription restore,
// public network access, job-failure alerts): parsed, checked against the vault's current settings with
// the rules the wizard also runs (src/shared/vault-security.ts), and written in the service's shape.
// What a request leaves out keeps its value; a new vault starts from Azure's defaults.
import {
  CROSS_SUBSCRIPTION_RESTORE_STATES,
  IMMUTABILITY_STATES,
  SOFT_DELETE_STATES,
  securityChangeProblems,
  securityFromProperties,
  SWITCH_STATES,
  type VaultSecurity,
} from '../../src/shared/vault-security.ts';
import { armErrors } from '../arm/errors.ts';
import type { ArmResource, Store } from '../state/store.ts';
import { RESOURCE_GUARD_PROXY_TYPE, securityWire } from '../state/wire-backup.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const PARAM = 'properties';

function section(parent: Obj | undefined, key: string, path: string): Obj | undefined {
  const value = parent?.[key];
  if (value === undefined || value === null) return undefined;
  if (!isObj(value)) throw armErrors.invalidRequestParameter(`${path}.${key}`, 'Expected an object.');
  return value;
}

function choice<T extends string>(values: readonly T[], parent: Obj | undefined, key: string, path: string): T | undefined {
  const value = parent?.[key];
  if (value === undefined || value === null) return undefined;
  const found = values.find((v) => typeof value === 'string' && v.toLowerCase() === value.toLowerCase());
  if (!found) throw armErrors.invalidRequestParameter(`${path}.${key}`, `Use one of ${values.join(', ')} (got ${JSON.stringify(value)}).`);
  return found;
}

/** The settings the request asks for, over `current` (null: a new vault). Throws on a malformed value. */
export function requestedSecurity(properties: Obj | undefined, current: VaultSecurity | null): VaultSecurity {
  const base = current ?? securityFromProperties(undefined);
  const security = section(properties, 'securitySettings', PARAM);
  const softDelete = section(security, 'softDeleteSettings', `${PARAM}.securitySettings`);
  const softDeletePath = `${PARAM}.securitySettings.softDeleteSettings`;
  const days = softDelete?.['softDeleteRetentionPeriodInDays'];
  if (days !== undefined && days !== null && typeof days !== 'number') {
    throw armErrors.invalidRequestParameter(`${softDeletePath}.softDeleteRetentionPeriodInDays`, `Expected a number of days (got ${JSON.stringify(days)}).`);
  }
  // The enhanced security state can't be turned off either ("Disabling soft delete or enhanced security state…").
  const enhanced = choice(SOFT_DELETE_STATES, softDelete, 'enhancedSecurityState', softDeletePath);
  const restore = section(section(properties, 'restoreSettings', PARAM), 'crossSubscriptionRestoreSettings', `${PARAM}.restoreSettings`);
  const alerts = section(section(properties, 'monitoringSettings', PARAM), 'azureMonitorAlertSettings', `${PARAM}.monitoringSettings`);
  return {
    softDeleteState: enhanced === 'Disabled' ? 'Disabled' : (choice(SOFT_DELETE_STATES, softDelete, 'softDeleteState', softDeletePath) ?? base.softDeleteState),
    softDeleteRetentionDays: typeof days === 'number' ? days : base.softDeleteRetentionDays,
    immutability:
      choice(IMMUTABILITY_STATES, section(security, 'immutabilitySettings', `${PARAM}.securitySettings`), 'state', `${PARAM}.securitySettings.immutabilitySettings`) ??
      base.immutability,
    crossSubscriptionRestore:
      choice(CROSS_SUBSCRIPTION_RESTORE_STATES, restore, 'crossSubscriptionRestoreState', `${PARAM}.restoreSettings.crossSubscriptionRestoreSettings`) ??
      base.crossSubscriptionRestore,
    publicNetworkAccess: choice(SWITCH_STATES, properties, 'publicNetworkAccess', PARAM) ?? base.publicNetworkAccess,
    jobFailureAlerts: choice(SWITCH_STATES, alerts, 'alertsForAllJobFailures', `${PARAM}.monitoringSettings.azureMonitorAlertSettings`) ?? base.jobFailureAlerts,
  };
}

export const resourceGuardProxyId = (vaultId: string): string => `${vaultId}/backupResourceGuardProxies/VaultProxy`;

export function resourceGuardProxiesOf(store: Store, vaultId: string): ArmResource[] {
  return store.list({ type: RESOURCE_GUARD_PROXY_TYPE, scope: vaultId });
}

/**
 * The security sections a vault's properties get from this request, refusing what the service refuses.
 * `existing` is the vault before the request (undefined when it is being created).
 */
export function securitySections(store: Store, vaultId: string, properties: Obj | undefined, existing: ArmResource | undefined): Obj {
  const current = existing ? securityFromProperties(existing.properties) : null;
  const next = requestedSecurity(properties, current);
  const [problem] = securityChangeProblems(current, next);
  if (problem) throw armErrors.vaultSecurityRefused(problem);
  return securityWire(next, resourceGuardProxiesOf(store, vaultId).length > 0);
}
