import { describe, expect, it } from 'vitest';
import {
  AZURE_DEFAULT_SECURITY,
  lockedSettings,
  newOneWaySettings,
  securityChangeProblems,
  securityFromProperties,
  securityProperties,
  securityStepProblems,
  securityWriteSteps,
  type VaultSecurity,
} from './vault-security.ts';

const d = AZURE_DEFAULT_SECURITY;
const codes = (current: VaultSecurity | null, next: Partial<VaultSecurity>) =>
  securityChangeProblems(current, { ...(current ?? d), ...next }).map((p) => p.code);

describe('securityFromProperties', () => {
  it('reads the wire sections, case-insensitively, and defaults what is missing', () => {
    expect(securityFromProperties(undefined)).toEqual(d);
    expect(
      securityFromProperties({
        publicNetworkAccess: 'disabled',
        securitySettings: { softDeleteSettings: { softDeleteState: 'AlwaysON', softDeleteRetentionPeriodInDays: 30 }, immutabilitySettings: { state: 'Locked' } },
        restoreSettings: { crossSubscriptionRestoreSettings: { crossSubscriptionRestoreState: 'PermanentlyDisabled' } },
        monitoringSettings: { azureMonitorAlertSettings: { alertsForAllJobFailures: 'Disabled' } },
      }),
    ).toEqual({
      softDeleteState: 'AlwaysON',
      softDeleteRetentionDays: 30,
      immutability: 'Locked',
      crossSubscriptionRestore: 'PermanentlyDisabled',
      publicNetworkAccess: 'Disabled',
      jobFailureAlerts: 'Disabled',
    });
  });
});

describe('securityProperties', () => {
  it('writes every section for a new vault, and only what changed for an existing one', () => {
    expect(Object.keys(securityProperties(d, null)).sort()).toEqual(['monitoringSettings', 'publicNetworkAccess', 'restoreSettings', 'securitySettings']);
    expect(securityProperties({ ...d, softDeleteRetentionDays: 60 }, d)).toEqual({
      securitySettings: { softDeleteSettings: { softDeleteState: 'Enabled', softDeleteRetentionPeriodInDays: 60 } },
    });
    expect(securityProperties({ ...d, immutability: 'Unlocked' }, d)).toEqual({ securitySettings: { immutabilitySettings: { state: 'Unlocked' } } });
    expect(securityProperties(d, d)).toEqual({});
  });
});

describe('securityChangeProblems', () => {
  it('accepts the defaults and every reversible change', () => {
    expect(codes(null, {})).toEqual([]);
    expect(codes(d, { softDeleteState: 'AlwaysON', immutability: 'Unlocked', crossSubscriptionRestore: 'Disabled', publicNetworkAccess: 'Disabled' })).toEqual([]);
    expect(codes({ ...d, immutability: 'Unlocked' }, { immutability: 'Disabled' })).toEqual([]);
    expect(codes({ ...d, immutability: 'Unlocked' }, { immutability: 'Locked' })).toEqual([]);
    expect(codes({ ...d, crossSubscriptionRestore: 'Disabled' }, { crossSubscriptionRestore: 'Enabled' })).toEqual([]);
  });

  it('refuses retention outside 14–180 whole days', () => {
    for (const days of [13, 181, 14.5, Number.NaN]) expect(codes(d, { softDeleteRetentionDays: days })).toEqual(['BMSUserErrorInvalidSoftDeleteRetentionPeriod']);
    expect(codes(d, { softDeleteRetentionDays: 180 })).toEqual([]);
  });

  it('refuses to disable soft delete, and to leave Always on', () => {
    expect(codes(d, { softDeleteState: 'Disabled' })).toEqual(['BMSUserErrorDisablingSoftDeleteStateNotAllowed']);
    expect(codes(null, { softDeleteState: 'Disabled' })).toEqual(['BMSUserErrorDisablingSoftDeleteStateNotAllowed']);
    expect(codes({ ...d, softDeleteState: 'AlwaysON' }, { softDeleteState: 'Enabled' })).toEqual(['BMSUserErrorSoftDeleteStateAlwaysOn']);
  });

  it('refuses to unlock a Locked vault, and to lock in one step from Disabled (a new vault too)', () => {
    const locked = { ...d, immutability: 'Locked' as const };
    expect(codes(locked, { immutability: 'Unlocked' })).toEqual(['UserErrorUnsupportedVaultImmutabilityStateChange']);
    expect(codes(locked, { immutability: 'Disabled' })).toEqual(['UserErrorUnsupportedVaultImmutabilityStateChange']);
    expect(codes(d, { immutability: 'Locked' })).toEqual(['UserErrorUnsupportedVaultImmutabilityStateChange']);
    expect(codes(null, { immutability: 'Locked' })).toEqual(['UserErrorUnsupportedVaultImmutabilityStateChange']);
  });

  it('refuses to re-enable a permanently disabled cross-subscription restore', () => {
    expect(codes({ ...d, crossSubscriptionRestore: 'PermanentlyDisabled' }, { crossSubscriptionRestore: 'Enabled' })).toEqual([
      'BMSUserErrorCrossSubscriptionRestorePermanentlyDisabled',
    ]);
  });
});

describe('one-way settings', () => {
  it('names the doors a change walks through, once', () => {
    const all = { ...d, softDeleteState: 'AlwaysON' as const, immutability: 'Locked' as const, crossSubscriptionRestore: 'PermanentlyDisabled' as const };
    expect(newOneWaySettings(d, all)).toEqual(['softDeleteAlwaysOn', 'immutabilityLocked', 'crossSubscriptionRestorePermanentlyDisabled']);
    expect(newOneWaySettings(all, all)).toEqual([]);
    expect(lockedSettings(all)).toHaveLength(3);
    expect(lockedSettings(d)).toEqual([]);
  });
});

describe('securityWriteSteps', () => {
  it('creates with every section; locks from Disabled through Unlocked, in two writes', () => {
    const locked = { ...d, immutability: 'Locked' as const };
    const forNew = securityWriteSteps(null, locked);
    expect(forNew).toHaveLength(2);
    expect(forNew[0]?.securitySettings?.immutabilitySettings).toEqual({ state: 'Unlocked' });
    expect(forNew[1]).toEqual({ securitySettings: { immutabilitySettings: { state: 'Locked' } } });
    expect(securityWriteSteps(d, locked).map((w) => w.securitySettings?.immutabilitySettings?.state)).toEqual(['Unlocked', 'Locked']);
    expect(securityWriteSteps({ ...d, immutability: 'Unlocked' }, locked)).toEqual([{ securitySettings: { immutabilitySettings: { state: 'Locked' } } }]);
    expect(securityWriteSteps(d, d)).toEqual([]);
    expect(securityWriteSteps(null, d)).toHaveLength(1);
  });

  it('finds no problem in locking through Unlocked, but still every other one, once', () => {
    expect(securityStepProblems(null, { ...d, immutability: 'Locked' })).toEqual([]);
    expect(securityStepProblems(d, { ...d, immutability: 'Locked', softDeleteRetentionDays: 5 }).map((p) => p.field)).toEqual(['softDeleteRetentionDays']);
  });
});
