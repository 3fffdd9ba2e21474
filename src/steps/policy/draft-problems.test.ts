import { describe, expect, it } from 'vitest';
import { newPolicyDraft, type PolicyDraft } from '../../store/policy-draft.ts';
import { draftProblems, fieldOfProblem, problemCount } from './draft-problems.ts';
import { toPolicyResource } from './to-policy-resource.ts';

const base: PolicyDraft = { ...newPolicyDraft(), name: 'nightly-pst' };
const problemsOf = (change: Partial<PolicyDraft>, existing: string[] = ['DefaultPolicy', 'EnhancedPolicy']) => {
  const draft = { ...base, ...change };
  return draftProblems(draft, toPolicyResource(draft), existing);
};

describe('draftProblems', () => {
  it('finds nothing wrong with a valid draft', () => {
    expect(problemsOf({})).toEqual({});
  });

  it('gives one message per name rule broken', () => {
    expect(problemsOf({ name: '' }).name).toEqual(['Enter a policy name.']);
    expect(problemsOf({ name: '1a_' }).name).toEqual([
      'Start the name with a letter.',
      'Use only letters, digits and hyphens (-).',
    ]);
    expect(problemsOf({ name: 'ab-' }).name).toEqual(['The name cannot end with a hyphen.']);
  });

  it('refuses a name the vault already uses, whatever its case', () => {
    expect(problemsOf({ name: 'defaultpolicy' }).name).toEqual([
      'The vault already has a policy named "DefaultPolicy". Choose another name, or pick that policy from the list.',
    ]);
  });

  it('puts each out-of-range number next to its field, with the range and what was typed', () => {
    expect(problemsOf({ dailyCount: '3' })).toEqual({ dailyCount: ['Daily backup points can be kept for 7 to 9999 days (you entered 3).'] });
    expect(problemsOf({ dailyCount: 'thirty' })).toEqual({ dailyCount: ['Enter a whole number of days from 7 to 9999.'] });
    expect(problemsOf({ weekly: { enabled: true, days: ['Sunday'], count: '6000' } })).toEqual({
      'weekly.count': ['Weekly backup points can be kept for 1 to 5163 weeks (you entered 6000).'],
    });
    expect(problemsOf({ monthly: { ...base.monthly, enabled: true, count: '0' } })).toEqual({
      'monthly.count': ['Monthly backup points can be kept for 1 to 1188 months (you entered 0).'],
    });
    expect(problemsOf({ yearly: { ...base.yearly, enabled: true, count: '100' } })).toEqual({
      'yearly.count': ['Yearly backup points can be kept for 1 to 99 years (you entered 100).'],
    });
  });

  it('limits instant restore to 1–5 days (Standard), exactly 5 for weekly Standard, and 1–30 (Enhanced)', () => {
    expect(problemsOf({ instantRestoreDays: '6' })).toEqual({
      instantRestoreDays: ['With a Standard policy, instant restore snapshots are kept 1 to 5 days (you entered 6).'],
    });
    expect(problemsOf({ frequency: 'Weekly', instantRestoreDays: '2' })).toEqual({
      instantRestoreDays: ['A weekly Standard policy keeps instant restore snapshots for exactly 5 days (you entered 2).'],
    });
    expect(problemsOf({ policyType: 'V2', instantRestoreDays: '30' })).toEqual({});
    expect(problemsOf({ policyType: 'V2', instantRestoreDays: '31' })).toEqual({
      instantRestoreDays: ['With an Enhanced policy, instant restore snapshots are kept 1 to 30 days (you entered 31).'],
    });
  });

  it('requires an hourly window that is a multiple of the interval', () => {
    expect(problemsOf({ policyType: 'V2', frequency: 'Hourly', hourlyInterval: 4, hourlyWindowHours: 6 })).toEqual({
      hourlyWindowHours: [
        'The backup window must be a multiple of the interval: with a backup every 4 hours, choose 4, 8, 12, 16, 20 or 24 hours (not 6).',
      ],
    });
    expect(problemsOf({ policyType: 'V2', frequency: 'Hourly', hourlyInterval: 12, hourlyWindowHours: 12 })).toEqual({});
  });

  it('asks for days, weeks and months where a choice was left empty', () => {
    expect(problemsOf({ frequency: 'Weekly', instantRestoreDays: '5', scheduleDays: [] })).toMatchObject({
      scheduleDays: ['Choose at least one day to back up on.'],
    });
    expect(
      problemsOf({
        weekly: { enabled: true, days: [], count: '4' },
        monthly: { ...base.monthly, enabled: true, weekdays: [], weeks: [] },
        yearly: { ...base.yearly, enabled: true, format: 'Daily', daysOfMonth: [], months: [] },
      }),
    ).toEqual({
      'weekly.days': ['Choose at least one day to keep weekly backup points from.'],
      'monthly.weekdays': ['Choose at least one day of the week.'],
      'monthly.weeks': ['Choose at least one week of the month.'],
      'yearly.daysOfMonth': ['Choose at least one day of the month.'],
      'yearly.months': ['Choose at least one month.'],
    });
  });

  it('with a weekly backup, keeps monthly points only by weekday and only on backup days', () => {
    const weekly = { frequency: 'Weekly' as const, instantRestoreDays: '5', scheduleDays: ['Sunday' as const] };
    expect(problemsOf({ ...weekly, monthly: { ...base.monthly, enabled: true, weekdays: ['Monday'] } })).toEqual({
      'monthly.weekdays': ['A weekly backup runs only on Sunday, so monthly points can only be kept from those days.'],
    });
    expect(problemsOf({ ...weekly, yearly: { ...base.yearly, enabled: true, format: 'Daily' } })).toEqual({
      'yearly.format': ['With a weekly backup, keep these points by weekday (for example the first Sunday), not by date.'],
    });
  });

  it('says when the time zone is not one Azure knows', () => {
    expect(problemsOf({ timeZone: 'Mars/Olympus' })).toEqual({
      timeZone: ['"Mars/Olympus" is not a time zone Azure accepts. Choose one from the list.'],
    });
  });

  it('counts every message', () => {
    expect(problemCount(problemsOf({ name: '', dailyCount: '3', instantRestoreDays: '6' }))).toBe(3);
  });
});

describe('fieldOfProblem', () => {
  it('maps the rules’ property paths to form fields', () => {
    expect(fieldOfProblem('retentionPolicy.dailySchedule.retentionDuration.count')).toBe('dailyCount');
    expect(fieldOfProblem('schedulePolicy.weeklySchedule.scheduleRunDays')).toBe('scheduleDays');
    expect(fieldOfProblem('schedulePolicy.hourlySchedule.scheduleWindowStartTime')).toBe('time');
    expect(fieldOfProblem('retentionPolicy.yearlySchedule.retentionScheduleWeekly.weeksOfTheMonth')).toBe('yearly.weeks');
    expect(fieldOfProblem('retentionPolicy.weeklySchedule')).toBe('policy');
    expect(fieldOfProblem('backupManagementType')).toBe('policy');
  });
});
