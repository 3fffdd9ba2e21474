import { describe, expect, it } from 'vitest';
import { toVmBackupPolicy } from './policy-read.ts';

const at = (hhmm: string) => new Date(`2026-01-01T${hhmm}:00Z`);
const id = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v/backupPolicies/p';

describe('toVmBackupPolicy', () => {
  it('reads a policy the SDK returned, defaulting a missing time zone to UTC', () => {
    const policy = toVmBackupPolicy({
      id,
      name: 'p',
      properties: {
        backupManagementType: 'AzureIaasVM',
        protectedItemsCount: 2,
        instantRpRetentionRangeInDays: 2,
        schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicy', scheduleRunFrequency: 'Daily', scheduleRunTimes: [at('22:00')], scheduleWeeklyFrequency: 0 },
        retentionPolicy: {
          retentionPolicyType: 'LongTermRetentionPolicy',
          dailySchedule: { retentionTimes: [at('22:00')], retentionDuration: { count: 14, durationType: 'Days' } },
          yearlySchedule: {
            retentionScheduleFormatType: 'Daily',
            monthsOfYear: ['December', 'Invalid'],
            retentionScheduleDaily: { daysOfTheMonth: [{ date: 0, isLast: true }, { date: 15, isLast: false }] },
            retentionTimes: [at('22:00')],
            retentionDuration: { count: 7, durationType: 'Years' },
          },
        },
      },
    });
    expect(policy).toEqual({
      id,
      name: 'p',
      protectedItemsCount: 2,
      properties: {
        backupManagementType: 'AzureIaasVM',
        policyType: 'V1',
        timeZone: 'UTC',
        instantRpRetentionRangeInDays: 2,
        schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicy', scheduleRunFrequency: 'Daily', scheduleRunTimes: [at('22:00')] },
        retentionPolicy: {
          retentionPolicyType: 'LongTermRetentionPolicy',
          dailySchedule: { retentionTimes: [at('22:00')], retentionDuration: { count: 14, durationType: 'Days' } },
          yearlySchedule: {
            retentionScheduleFormatType: 'Daily',
            monthsOfYear: ['December'],
            retentionScheduleDaily: { daysOfTheMonth: [{ isLast: true }, { date: 15, isLast: false }] },
            retentionTimes: [at('22:00')],
            retentionDuration: { count: 7, durationType: 'Years' },
          },
        },
      },
    });
  });

  it('says "not recognised" (null properties) rather than guess at a shape it does not know', () => {
    const unknownSchedule = toVmBackupPolicy({
      id,
      name: 'p',
      properties: {
        backupManagementType: 'AzureIaasVM',
        instantRpRetentionRangeInDays: 2,
        schedulePolicy: { schedulePolicyType: 'LogSchedulePolicy' },
        retentionPolicy: { retentionPolicyType: 'LongTermRetentionPolicy' },
      },
    });
    expect(unknownSchedule).toMatchObject({ name: 'p', protectedItemsCount: 0, properties: null });
    const noCount = toVmBackupPolicy({
      id,
      name: 'p',
      properties: {
        backupManagementType: 'AzureIaasVM',
        policyType: 'V2',
        instantRpRetentionRangeInDays: 7,
        schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicyV2', scheduleRunFrequency: 'Hourly', hourlySchedule: { interval: 4 } },
        retentionPolicy: { retentionPolicyType: 'LongTermRetentionPolicy' },
      },
    });
    expect(noCount.properties).toBeNull();
  });
});
