import { describe, expect, it } from 'vitest';
import { policyProblems } from '../../shared/policy-rules.ts';
import { newPolicyDraft, type PolicyDraft } from '../../store/policy-draft.ts';
import { toPolicyResource, wholeNumber } from './to-policy-resource.ts';

const at = (hhmm: string) => new Date(`2024-01-01T${hhmm}:00.000Z`);
const draft = (change: Partial<PolicyDraft> = {}): PolicyDraft => ({ ...newPolicyDraft(), name: 'nightly', ...change });

describe('toPolicyResource', () => {
  it('turns the default draft into DefaultPolicy’s body: Standard, daily at 19:00 UTC, 30 days, 2 days of snapshots', () => {
    expect(toPolicyResource(draft())).toEqual({
      properties: {
        backupManagementType: 'AzureIaasVM',
        policyType: 'V1',
        schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicy', scheduleRunFrequency: 'Daily', scheduleRunTimes: [at('19:00')] },
        retentionPolicy: {
          retentionPolicyType: 'LongTermRetentionPolicy',
          dailySchedule: { retentionTimes: [at('19:00')], retentionDuration: { count: 30, durationType: 'Days' } },
        },
        instantRpRetentionRangeInDays: 2,
        timeZone: 'UTC',
      },
    });
  });

  it('builds a weekly Standard policy in Pacific time with weekly and monthly points, keeping weekly points on the backup days', () => {
    const body = toPolicyResource(
      draft({
        frequency: 'Weekly',
        scheduleDays: ['Wednesday', 'Sunday'],
        time: '19:00',
        timeZone: 'Pacific Standard Time',
        instantRestoreDays: '5',
        weekly: { enabled: false, days: ['Monday'], count: '12' },
        monthly: { enabled: true, format: 'Weekly', weekdays: ['Sunday'], weeks: ['First'], daysOfMonth: [1], count: '12' },
      }),
    );
    expect(body.properties.schedulePolicy).toEqual({
      schedulePolicyType: 'SimpleSchedulePolicy',
      scheduleRunFrequency: 'Weekly',
      scheduleRunDays: ['Sunday', 'Wednesday'],
      scheduleRunTimes: [at('19:00')],
    });
    expect(body.properties.retentionPolicy).toEqual({
      retentionPolicyType: 'LongTermRetentionPolicy',
      weeklySchedule: { daysOfTheWeek: ['Sunday', 'Wednesday'], retentionTimes: [at('19:00')], retentionDuration: { count: 12, durationType: 'Weeks' } },
      monthlySchedule: {
        retentionScheduleFormatType: 'Weekly',
        retentionScheduleWeekly: { daysOfTheWeek: ['Sunday'], weeksOfTheMonth: ['First'] },
        retentionTimes: [at('19:00')],
        retentionDuration: { count: 12, durationType: 'Months' },
      },
    });
    expect(body.properties).toMatchObject({ timeZone: 'Pacific Standard Time', instantRpRetentionRangeInDays: 5 });
    expect(policyProblems(body.properties)).toEqual([]);
  });

  it('builds an Enhanced hourly policy: every 4 hours from 08:00 for 12 hours, daily points at the window start', () => {
    const body = toPolicyResource(
      draft({ policyType: 'V2', frequency: 'Hourly', time: '08:00', hourlyInterval: 4, hourlyWindowHours: 12, instantRestoreDays: '7' }),
    );
    expect(body.properties.schedulePolicy).toEqual({
      schedulePolicyType: 'SimpleSchedulePolicyV2',
      scheduleRunFrequency: 'Hourly',
      hourlySchedule: { interval: 4, scheduleWindowStartTime: at('08:00'), scheduleWindowDuration: 12 },
    });
    expect(body.properties.retentionPolicy.dailySchedule?.retentionTimes).toEqual([at('08:00')]);
    expect(body.properties.policyType).toBe('V2');
    expect(policyProblems(body.properties)).toEqual([]);
  });

  it('builds Enhanced daily and weekly schedules in their own V2 blocks', () => {
    expect(toPolicyResource(draft({ policyType: 'V2', frequency: 'Daily', time: '02:30' })).properties.schedulePolicy).toEqual({
      schedulePolicyType: 'SimpleSchedulePolicyV2',
      scheduleRunFrequency: 'Daily',
      dailySchedule: { scheduleRunTimes: [at('02:30')] },
    });
    expect(
      toPolicyResource(draft({ policyType: 'V2', frequency: 'Weekly', scheduleDays: ['Friday', 'Monday'] })).properties.schedulePolicy,
    ).toEqual({
      schedulePolicyType: 'SimpleSchedulePolicyV2',
      scheduleRunFrequency: 'Weekly',
      weeklySchedule: { scheduleRunDays: ['Monday', 'Friday'], scheduleRunTimes: [at('19:00')] },
    });
  });

  it('keeps monthly and yearly points by date, with "last" as the service’s last-day entry', () => {
    const base = newPolicyDraft();
    const body = toPolicyResource(
      draft({
        monthly: { ...base.monthly, enabled: true, format: 'Daily', daysOfMonth: ['Last', 15, 1], count: '24' },
        yearly: { ...base.yearly, enabled: true, format: 'Daily', daysOfMonth: [1], months: ['July', 'January'], count: '10' },
      }),
    );
    expect(body.properties.retentionPolicy.monthlySchedule).toEqual({
      retentionScheduleFormatType: 'Daily',
      retentionScheduleDaily: { daysOfTheMonth: [{ date: 1, isLast: false }, { date: 15, isLast: false }, { date: 0, isLast: true }] },
      retentionTimes: [at('19:00')],
      retentionDuration: { count: 24, durationType: 'Months' },
    });
    expect(body.properties.retentionPolicy.yearlySchedule).toMatchObject({
      retentionScheduleFormatType: 'Daily',
      monthsOfYear: ['January', 'July'],
      retentionDuration: { count: 10, durationType: 'Years' },
    });
    expect(policyProblems(body.properties)).toEqual([]);
  });

  it('falls back to a daily schedule when a Standard draft still says hourly', () => {
    const body = toPolicyResource(draft({ policyType: 'V1', frequency: 'Hourly' }));
    expect(body.properties.schedulePolicy).toMatchObject({ schedulePolicyType: 'SimpleSchedulePolicy', scheduleRunFrequency: 'Daily' });
  });

  it('sends what the SDK would serialise: times as ISO strings with milliseconds', () => {
    const json = JSON.parse(JSON.stringify(toPolicyResource(draft()))) as { properties: { schedulePolicy: { scheduleRunTimes: string[] } } };
    expect(json.properties.schedulePolicy.scheduleRunTimes).toEqual(['2024-01-01T19:00:00.000Z']);
  });

  it('reads typed numbers strictly, so a wrong entry is caught rather than guessed', () => {
    expect(wholeNumber(' 30 ')).toBe(30);
    for (const typed of ['', '3.5', '-1', '1e3', 'abc', '30 days']) expect(wholeNumber(typed)).toBeNaN();
  });
});
