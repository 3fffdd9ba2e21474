import { describe, expect, it } from 'vitest';
import type { VmPolicyProperties } from '../azure/policy-types.ts';
import { newPolicyDraft, type PolicyDraft } from '../store/policy-draft.ts';
// The Policy step's own draft → body conversion: a carried-over draft must send the same policy again.
import { toPolicyResource } from '../steps/policy/to-policy-resource.ts';
import { policyDraftFromProperties } from './policy-draft-from.ts';

const at = (hhmm: string) => new Date(`2024-01-01T${hhmm}:00.000Z`);
const draft = (change: Partial<PolicyDraft>): PolicyDraft => ({ ...newPolicyDraft(), name: 'copy', ...change });

const roundTrip = (properties: VmPolicyProperties) => toPolicyResource(policyDraftFromProperties('copy', properties)).properties;

describe('policyDraftFromProperties', () => {
  it('fills the form with a daily Standard policy with weekly points (legacy-nightly)', () => {
    const properties: VmPolicyProperties = {
      backupManagementType: 'AzureIaasVM',
      policyType: 'V1',
      timeZone: 'UTC',
      instantRpRetentionRangeInDays: 2,
      schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicy', scheduleRunFrequency: 'Daily', scheduleRunTimes: [at('22:00')] },
      retentionPolicy: {
        retentionPolicyType: 'LongTermRetentionPolicy',
        dailySchedule: { retentionTimes: [at('22:00')], retentionDuration: { count: 14, durationType: 'Days' } },
        weeklySchedule: { daysOfTheWeek: ['Sunday'], retentionTimes: [at('22:00')], retentionDuration: { count: 8, durationType: 'Weeks' } },
      },
    };
    expect(policyDraftFromProperties('copy', properties)).toEqual(
      draft({ time: '22:00', dailyCount: '14', weekly: { enabled: true, days: ['Sunday'], count: '8' } }),
    );
    expect(roundTrip(properties)).toEqual(properties);
  });

  it('carries an Enhanced hourly policy with monthly and yearly points on dates', () => {
    const properties: VmPolicyProperties = {
      backupManagementType: 'AzureIaasVM',
      policyType: 'V2',
      timeZone: 'W. Europe Standard Time',
      instantRpRetentionRangeInDays: 7,
      schedulePolicy: {
        schedulePolicyType: 'SimpleSchedulePolicyV2',
        scheduleRunFrequency: 'Hourly',
        hourlySchedule: { interval: 6, scheduleWindowStartTime: at('08:00'), scheduleWindowDuration: 12 },
      },
      retentionPolicy: {
        retentionPolicyType: 'LongTermRetentionPolicy',
        dailySchedule: { retentionTimes: [at('08:00')], retentionDuration: { count: 180, durationType: 'Days' } },
        monthlySchedule: {
          retentionScheduleFormatType: 'Daily',
          retentionScheduleDaily: { daysOfTheMonth: [{ date: 1, isLast: false }, { date: 0, isLast: true }] },
          retentionTimes: [at('08:00')],
          retentionDuration: { count: 60, durationType: 'Months' },
        },
        yearlySchedule: {
          retentionScheduleFormatType: 'Weekly',
          retentionScheduleWeekly: { daysOfTheWeek: ['Sunday'], weeksOfTheMonth: ['First'] },
          monthsOfYear: ['January', 'July'],
          retentionTimes: [at('08:00')],
          retentionDuration: { count: 10, durationType: 'Years' },
        },
      },
    };
    const filled = policyDraftFromProperties('copy', properties);
    expect(filled).toMatchObject({
      policyType: 'V2',
      frequency: 'Hourly',
      time: '08:00',
      hourlyInterval: 6,
      hourlyWindowHours: 12,
      timeZone: 'W. Europe Standard Time',
      instantRestoreDays: '7',
      dailyCount: '180',
      monthly: { enabled: true, format: 'Daily', daysOfMonth: [1, 'Last'], count: '60' },
      yearly: { enabled: true, format: 'Weekly', weekdays: ['Sunday'], weeks: ['First'], months: ['January', 'July'], count: '10' },
    });
    expect(roundTrip(properties)).toEqual(properties);
  });

  it('carries a weekly schedule, whose weekly points are kept on its run days', () => {
    const properties: VmPolicyProperties = {
      backupManagementType: 'AzureIaasVM',
      policyType: 'V1',
      timeZone: 'Pacific Standard Time',
      instantRpRetentionRangeInDays: 5,
      schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicy', scheduleRunFrequency: 'Weekly', scheduleRunDays: ['Sunday', 'Wednesday'], scheduleRunTimes: [at('19:30')] },
      retentionPolicy: {
        retentionPolicyType: 'LongTermRetentionPolicy',
        weeklySchedule: { daysOfTheWeek: ['Sunday', 'Wednesday'], retentionTimes: [at('19:30')], retentionDuration: { count: 12, durationType: 'Weeks' } },
      },
    };
    expect(policyDraftFromProperties('copy', properties)).toMatchObject({ frequency: 'Weekly', scheduleDays: ['Sunday', 'Wednesday'], time: '19:30', weekly: { count: '12' } });
    expect(roundTrip(properties)).toEqual(properties);
  });

  it('brings a time between half hours back to the last half hour the form offers', () => {
    const properties: VmPolicyProperties = {
      backupManagementType: 'AzureIaasVM',
      policyType: 'V1',
      timeZone: 'UTC',
      instantRpRetentionRangeInDays: 2,
      schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicy', scheduleRunFrequency: 'Daily', scheduleRunTimes: [at('19:45')] },
      retentionPolicy: { retentionPolicyType: 'LongTermRetentionPolicy', dailySchedule: { retentionTimes: [at('19:45')], retentionDuration: { count: 30, durationType: 'Days' } } },
    };
    expect(policyDraftFromProperties('copy', properties).time).toBe('19:30');
  });
});
