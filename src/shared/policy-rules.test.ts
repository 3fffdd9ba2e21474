import { describe, expect, it } from 'vitest';
import { policyProblems, timeOfDay } from './policy-rules.ts';
import { WINDOWS_TIME_ZONES, findWindowsTimeZone } from './time-zones.ts';

type Obj = Record<string, unknown>;
const T = (hhmm: string): string => `2024-01-01T${hhmm}:00Z`;

const retention = (tier: string, count: number, unit: string, extra: Obj = {}, time = '19:00'): Obj => ({
  [`${tier}Schedule`]: { retentionTimes: [T(time)], retentionDuration: { count, durationType: unit }, ...extra },
});

function v1Daily(): Obj {
  return {
    backupManagementType: 'AzureIaasVM',
    policyType: 'V1',
    timeZone: 'UTC',
    instantRpRetentionRangeInDays: 2,
    schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicy', scheduleRunFrequency: 'Daily', scheduleRunTimes: [T('19:00')] },
    retentionPolicy: { retentionPolicyType: 'LongTermRetentionPolicy', ...retention('daily', 30, 'Days') },
  };
}

function v1Weekly(): Obj {
  return {
    backupManagementType: 'AzureIaasVM',
    policyType: 'V1',
    timeZone: 'Pacific Standard Time',
    instantRpRetentionRangeInDays: 5,
    schedulePolicy: {
      schedulePolicyType: 'SimpleSchedulePolicy',
      scheduleRunFrequency: 'Weekly',
      scheduleRunDays: ['Sunday', 'Wednesday'],
      scheduleRunTimes: [T('19:00')],
    },
    retentionPolicy: {
      retentionPolicyType: 'LongTermRetentionPolicy',
      ...retention('weekly', 12, 'Weeks', { daysOfTheWeek: ['Sunday'] }),
      ...retention('monthly', 60, 'Months', {
        retentionScheduleFormatType: 'Weekly',
        retentionScheduleWeekly: { daysOfTheWeek: ['Sunday'], weeksOfTheMonth: ['First'] },
      }),
      ...retention('yearly', 10, 'Years', {
        retentionScheduleFormatType: 'Weekly',
        retentionScheduleWeekly: { daysOfTheWeek: ['Wednesday'], weeksOfTheMonth: ['Last'] },
        monthsOfYear: ['January'],
      }),
    },
  };
}

function v2Hourly(): Obj {
  return {
    backupManagementType: 'AzureIaasVM',
    policyType: 'V2',
    timeZone: 'India Standard Time',
    instantRpRetentionRangeInDays: 30,
    schedulePolicy: {
      schedulePolicyType: 'SimpleSchedulePolicyV2',
      scheduleRunFrequency: 'Hourly',
      hourlySchedule: { interval: 4, scheduleWindowStartTime: T('08:00'), scheduleWindowDuration: 16 },
    },
    retentionPolicy: { retentionPolicyType: 'LongTermRetentionPolicy', ...retention('daily', 180, 'Days', {}, '08:00') },
  };
}

function v2Daily(): Obj {
  return {
    backupManagementType: 'AzureIaasVM',
    policyType: 'V2',
    schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicyV2', scheduleRunFrequency: 'Daily', dailySchedule: { scheduleRunTimes: [T('10:30')] } },
    retentionPolicy: {
      retentionPolicyType: 'LongTermRetentionPolicy',
      ...retention('daily', 7, 'Days', {}, '10:30'),
      ...retention('monthly', 12, 'Months', { retentionScheduleFormatType: 'Daily', retentionScheduleDaily: { daysOfTheMonth: [{ date: 1 }, { isLast: true }] } }, '10:30'),
    },
  };
}

function v2Weekly(): Obj {
  return {
    backupManagementType: 'AzureIaasVM',
    policyType: 'V2',
    schedulePolicy: {
      schedulePolicyType: 'SimpleSchedulePolicyV2',
      scheduleRunFrequency: 'Weekly',
      weeklySchedule: { scheduleRunDays: ['Monday'], scheduleRunTimes: [T('02:00')] },
    },
    retentionPolicy: { retentionPolicyType: 'LongTermRetentionPolicy', ...retention('weekly', 1, 'Weeks', { daysOfTheWeek: ['Monday'] }, '02:00') },
  };
}

/** A copy of `base` with `path` (dotted) set to value; undefined deletes it. */
function withValue(base: Obj, path: string, value: unknown): Obj {
  const copy = structuredClone(base);
  const keys = path.split('.');
  let node: Obj = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Obj;
  const last = keys[keys.length - 1] ?? '';
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

const fields = (p: unknown): string[] => policyProblems(p).map((x) => x.field);

describe('policyProblems: valid policies', () => {
  it.each([
    ['V1 daily', v1Daily()],
    ['V1 weekly with monthly and yearly retention', v1Weekly()],
    ['V2 hourly', v2Hourly()],
    ['V2 daily with day-based monthly retention', v2Daily()],
    ['V2 weekly', v2Weekly()],
  ])('accepts %s', (_name, policy) => {
    expect(policyProblems(policy)).toEqual([]);
  });

  it('accepts SDK models that carry Date objects and omitted optional fields', () => {
    const policy = withValue(v1Daily(), 'schedulePolicy.scheduleRunTimes', [new Date('2024-01-01T19:00:00.000Z')]);
    delete policy['timeZone'];
    delete policy['policyType'];
    delete policy['instantRpRetentionRangeInDays'];
    expect(policyProblems(policy)).toEqual([]);
  });
});

describe('policyProblems: workload, type and time zone', () => {
  it('needs a properties object', () => {
    expect(fields(null)).toEqual(['properties']);
    expect(fields([])).toEqual(['properties']);
  });

  it('refuses other workloads with its own code', () => {
    const [problem] = policyProblems(withValue(v1Daily(), 'backupManagementType', 'AzureWorkload'));
    expect(problem).toMatchObject({ field: 'backupManagementType', code: 'BMSUserErrorUnsupportedBackupManagementType' });
    expect(fields(withValue(v1Daily(), 'backupManagementType', undefined))).toEqual(['backupManagementType']);
  });

  it('accepts only V1 and V2', () => {
    expect(fields(withValue(v1Daily(), 'policyType', 'V3'))).toEqual(['policyType']);
  });

  it('needs a Windows time zone id, compared case-insensitively', () => {
    expect(policyProblems(withValue(v1Daily(), 'timeZone', 'Europe/Berlin'))).toMatchObject([{ field: 'timeZone', code: 'BMSUserErrorInvalidTimeZone' }]);
    expect(fields(withValue(v1Daily(), 'timeZone', 'w. europe standard time'))).toEqual([]);
    expect(fields(withValue(v1Daily(), 'timeZone', 42))).toEqual(['timeZone']);
  });

  it('reports every code as BMSUserErrorInvalidPolicyInput unless a more specific one applies', () => {
    const problems = policyProblems(withValue(v1Daily(), 'instantRpRetentionRangeInDays', 9));
    expect(problems).toMatchObject([{ code: 'BMSUserErrorInvalidPolicyInput' }]);
    expect(problems[0]?.message).toMatch(/1 to 5 days/);
  });
});

describe('policyProblems: schedules', () => {
  it('needs the schedule type that matches the policy type', () => {
    expect(fields(withValue(v1Daily(), 'schedulePolicy.schedulePolicyType', 'SimpleSchedulePolicyV2'))).toContain('schedulePolicy.schedulePolicyType');
    expect(fields(withValue(v2Hourly(), 'schedulePolicy.schedulePolicyType', 'SimpleSchedulePolicy'))).toContain('schedulePolicy.schedulePolicyType');
    expect(fields(withValue(v1Daily(), 'schedulePolicy', undefined))).toContain('schedulePolicy');
  });

  it('allows hourly backups only in V2 policies', () => {
    const problems = policyProblems(withValue(v1Daily(), 'schedulePolicy.scheduleRunFrequency', 'Hourly'));
    expect(problems[0]).toMatchObject({ field: 'schedulePolicy.scheduleRunFrequency' });
    expect(problems[0]?.message).toMatch(/Enhanced \(V2\)/);
    expect(fields(withValue(v2Hourly(), 'schedulePolicy.scheduleRunFrequency', 'Monthly'))).toContain('schedulePolicy.scheduleRunFrequency');
  });

  it('needs exactly one run time on a whole or half hour', () => {
    const at = (t: unknown[]) => fields(withValue(v1Daily(), 'schedulePolicy.scheduleRunTimes', t));
    expect(at([T('19:30')])).toEqual(['retentionPolicy.dailySchedule.retentionTimes']);
    expect(at([T('19:15')])).toContain('schedulePolicy.scheduleRunTimes');
    expect(at(['2024-01-01T19:00:30Z'])).toContain('schedulePolicy.scheduleRunTimes');
    expect(at([])).toContain('schedulePolicy.scheduleRunTimes');
    expect(at([T('19:00'), T('20:00')])).toContain('schedulePolicy.scheduleRunTimes');
    expect(at(['7pm'])).toContain('schedulePolicy.scheduleRunTimes');
  });

  it('needs valid, distinct run days for weekly schedules and none for daily ones', () => {
    const days = (d: unknown) => fields(withValue(v1Weekly(), 'schedulePolicy.scheduleRunDays', d));
    expect(days([])).toContain('schedulePolicy.scheduleRunDays');
    expect(days(['Funday'])).toContain('schedulePolicy.scheduleRunDays');
    expect(days(['Sunday', 'Sunday', 'Wednesday'])).toContain('schedulePolicy.scheduleRunDays');
    expect(fields(withValue(v1Daily(), 'schedulePolicy.scheduleRunDays', ['Monday']))).toEqual(['schedulePolicy.scheduleRunDays']);
    expect(fields(withValue(v2Weekly(), 'schedulePolicy.weeklySchedule.scheduleRunDays', []))).toContain('schedulePolicy.weeklySchedule.scheduleRunDays');
  });

  it('checks the V2 daily and weekly run times', () => {
    expect(fields(withValue(v2Daily(), 'schedulePolicy.dailySchedule', undefined))).toContain('schedulePolicy.dailySchedule.scheduleRunTimes');
    expect(fields(withValue(v2Weekly(), 'schedulePolicy.weeklySchedule.scheduleRunTimes', [T('02:45')]))).toContain('schedulePolicy.weeklySchedule.scheduleRunTimes');
  });

  it.each([4, 6, 8, 12])('accepts an hourly interval of %i hours', (interval) => {
    const policy = withValue(v2Hourly(), 'schedulePolicy.hourlySchedule.interval', interval);
    expect(fields(withValue(policy, 'schedulePolicy.hourlySchedule.scheduleWindowDuration', 24))).toEqual([]);
  });

  it.each([0, 1, 3, 5, 24, '4'])('refuses an hourly interval of %s', (interval) => {
    expect(fields(withValue(v2Hourly(), 'schedulePolicy.hourlySchedule.interval', interval))).toEqual(['schedulePolicy.hourlySchedule.interval']);
  });

  it('needs a 4-24 hour window that is a multiple of the interval', () => {
    const windowOf = (hours: unknown, interval = 4) =>
      fields(withValue(withValue(v2Hourly(), 'schedulePolicy.hourlySchedule.interval', interval), 'schedulePolicy.hourlySchedule.scheduleWindowDuration', hours));
    expect(windowOf(4)).toEqual([]);
    expect(windowOf(24)).toEqual([]);
    expect(windowOf(3)).toEqual(['schedulePolicy.hourlySchedule.scheduleWindowDuration']);
    expect(windowOf(25)).toEqual(['schedulePolicy.hourlySchedule.scheduleWindowDuration']);
    expect(windowOf(12.5)).toEqual(['schedulePolicy.hourlySchedule.scheduleWindowDuration']);
    expect(windowOf(12, 8)).toEqual(['schedulePolicy.hourlySchedule.scheduleWindowDuration']);
    expect(windowOf(18, 6)).toEqual([]);
    const message = policyProblems(withValue(v2Hourly(), 'schedulePolicy.hourlySchedule.scheduleWindowDuration', 10))[0]?.message;
    expect(message).toMatch(/multiple of the interval \(4 h\)/);
  });

  it('needs a window start on a whole or half hour, and an hourly schedule at all', () => {
    expect(fields(withValue(v2Hourly(), 'schedulePolicy.hourlySchedule.scheduleWindowStartTime', T('08:10')))).toEqual(['schedulePolicy.hourlySchedule.scheduleWindowStartTime']);
    expect(fields(withValue(v2Hourly(), 'schedulePolicy.hourlySchedule.scheduleWindowStartTime', undefined))).toEqual(['schedulePolicy.hourlySchedule.scheduleWindowStartTime']);
    expect(fields(withValue(v2Hourly(), 'schedulePolicy.hourlySchedule', undefined))).toEqual(['schedulePolicy.hourlySchedule']);
  });
});

describe('policyProblems: instant restore', () => {
  const days = (base: Obj, n: unknown) => fields(withValue(base, 'instantRpRetentionRangeInDays', n));

  it('keeps 1-5 days for V1', () => {
    expect(days(v1Daily(), 1)).toEqual([]);
    expect(days(v1Daily(), 5)).toEqual([]);
    expect(days(v1Daily(), 0)).toEqual(['instantRpRetentionRangeInDays']);
    expect(days(v1Daily(), 6)).toEqual(['instantRpRetentionRangeInDays']);
    expect(days(v1Daily(), 2.5)).toEqual(['instantRpRetentionRangeInDays']);
  });

  it('keeps exactly 5 days for weekly V1 schedules', () => {
    expect(days(v1Weekly(), 5)).toEqual([]);
    expect(days(v1Weekly(), 4)).toEqual(['instantRpRetentionRangeInDays']);
  });

  it('keeps 1-30 days for V2', () => {
    expect(days(v2Hourly(), 1)).toEqual([]);
    expect(days(v2Hourly(), 30)).toEqual([]);
    expect(days(v2Hourly(), 0)).toEqual(['instantRpRetentionRangeInDays']);
    expect(days(v2Hourly(), 31)).toEqual(['instantRpRetentionRangeInDays']);
  });
});

describe('policyProblems: retention', () => {
  const count = (base: Obj, tier: string, n: unknown) => fields(withValue(base, `retentionPolicy.${tier}Schedule.retentionDuration.count`, n));

  it.each([
    ['daily', v1Daily, 7, 9999],
    ['weekly', v1Weekly, 1, 5163],
    ['monthly', v1Weekly, 1, 1188],
    ['yearly', v1Weekly, 1, 99],
  ] as const)('bounds %s retention at %i..%i', (tier, make, min, max) => {
    const field = `retentionPolicy.${tier}Schedule.retentionDuration.count`;
    expect(count(make(), tier, min)).toEqual([]);
    expect(count(make(), tier, max)).toEqual([]);
    expect(count(make(), tier, min - 1)).toEqual([field]);
    expect(count(make(), tier, max + 1)).toEqual([field]);
    expect(count(make(), tier, undefined)).toEqual([field]);
  });

  it('names the field and the allowed range when daily retention is too short', () => {
    const [problem] = policyProblems(withValue(v1Daily(), 'retentionPolicy.dailySchedule.retentionDuration.count', 3));
    expect(problem).toEqual({
      field: 'retentionPolicy.dailySchedule.retentionDuration.count',
      message: 'daily retention must be 7 to 9999 days (got 3).',
      code: 'BMSUserErrorInvalidPolicyInput',
    });
  });

  it('needs the matching duration unit', () => {
    expect(fields(withValue(v1Daily(), 'retentionPolicy.dailySchedule.retentionDuration.durationType', 'Weeks'))).toEqual([
      'retentionPolicy.dailySchedule.retentionDuration.durationType',
    ]);
  });

  it('needs long-term retention with daily points for daily and hourly schedules', () => {
    expect(fields(withValue(v1Daily(), 'retentionPolicy.retentionPolicyType', 'SimpleRetentionPolicy'))).toEqual(['retentionPolicy.retentionPolicyType']);
    expect(fields(withValue(v1Daily(), 'retentionPolicy', undefined))).toEqual(['retentionPolicy']);
    expect(fields(withValue(v1Daily(), 'retentionPolicy.dailySchedule', undefined))).toEqual(['retentionPolicy.dailySchedule']);
    expect(fields(withValue(v2Hourly(), 'retentionPolicy.dailySchedule', undefined))).toEqual(['retentionPolicy.dailySchedule']);
  });

  it('needs weekly and forbids daily retention for weekly schedules', () => {
    expect(fields(withValue(v1Weekly(), 'retentionPolicy.weeklySchedule', undefined))).toEqual(['retentionPolicy.weeklySchedule']);
    const withDaily = withValue(v1Weekly(), 'retentionPolicy.dailySchedule', { retentionTimes: [T('19:00')], retentionDuration: { count: 30, durationType: 'Days' } });
    expect(fields(withDaily)).toEqual(['retentionPolicy.dailySchedule']);
  });

  it('keeps weekly points only on days the weekly schedule runs', () => {
    const problems = policyProblems(withValue(v1Weekly(), 'retentionPolicy.weeklySchedule.daysOfTheWeek', ['Sunday', 'Friday']));
    expect(problems.map((p) => p.field)).toEqual(['retentionPolicy.weeklySchedule.daysOfTheWeek']);
    expect(problems[0]?.message).toMatch(/Friday/);
    // A daily schedule runs every day, so any day may be kept.
    const daily = withValue(v1Daily(), 'retentionPolicy.weeklySchedule', { daysOfTheWeek: ['Friday'], retentionTimes: [T('19:00')], retentionDuration: { count: 4, durationType: 'Weeks' } });
    expect(fields(daily)).toEqual([]);
    expect(fields(withValue(v1Weekly(), 'retentionPolicy.weeklySchedule.daysOfTheWeek', []))).toEqual(['retentionPolicy.weeklySchedule.daysOfTheWeek']);
  });

  it('keeps monthly and yearly week-based points on scheduled days, in valid weeks', () => {
    const monthly = 'retentionPolicy.monthlySchedule.retentionScheduleWeekly';
    expect(fields(withValue(v1Weekly(), `${monthly}.daysOfTheWeek`, ['Tuesday']))).toEqual([`${monthly}.daysOfTheWeek`]);
    expect(fields(withValue(v1Weekly(), `${monthly}.weeksOfTheMonth`, ['Fifth']))).toEqual([`${monthly}.weeksOfTheMonth`]);
    expect(fields(withValue(v1Weekly(), `${monthly}.weeksOfTheMonth`, []))).toEqual([`${monthly}.weeksOfTheMonth`]);
    expect(fields(withValue(v1Weekly(), 'retentionPolicy.monthlySchedule.retentionScheduleFormatType', 'Monthly'))).toEqual([
      'retentionPolicy.monthlySchedule.retentionScheduleFormatType',
    ]);
  });

  it('allows day-based monthly retention only with daily schedules, on dates 1-28 or the last day', () => {
    const daily = 'retentionPolicy.monthlySchedule.retentionScheduleDaily.daysOfTheMonth';
    expect(fields(withValue(v2Daily(), daily, [{ date: 28 }]))).toEqual([]);
    expect(fields(withValue(v2Daily(), daily, [{ date: 29 }]))).toEqual([daily]);
    expect(fields(withValue(v2Daily(), daily, [{ date: 0 }]))).toEqual([daily]);
    expect(fields(withValue(v2Daily(), daily, []))).toEqual([daily]);
    const weeklyWithDaily = withValue(v1Weekly(), 'retentionPolicy.monthlySchedule', {
      retentionScheduleFormatType: 'Daily',
      retentionScheduleDaily: { daysOfTheMonth: [{ date: 1 }] },
      retentionTimes: [T('19:00')],
      retentionDuration: { count: 12, durationType: 'Months' },
    });
    expect(fields(weeklyWithDaily)).toEqual(['retentionPolicy.monthlySchedule.retentionScheduleFormatType']);
  });

  it('needs valid months for yearly retention', () => {
    expect(fields(withValue(v1Weekly(), 'retentionPolicy.yearlySchedule.monthsOfYear', []))).toEqual(['retentionPolicy.yearlySchedule.monthsOfYear']);
    expect(fields(withValue(v1Weekly(), 'retentionPolicy.yearlySchedule.monthsOfYear', ['Janvier']))).toEqual(['retentionPolicy.yearlySchedule.monthsOfYear']);
  });

  it('needs every retention time to equal the schedule time', () => {
    expect(fields(withValue(v1Daily(), 'retentionPolicy.dailySchedule.retentionTimes', [T('20:00')]))).toEqual(['retentionPolicy.dailySchedule.retentionTimes']);
    expect(fields(withValue(v1Weekly(), 'retentionPolicy.yearlySchedule.retentionTimes', [T('07:00')]))).toEqual(['retentionPolicy.yearlySchedule.retentionTimes']);
    expect(fields(withValue(v2Hourly(), 'retentionPolicy.dailySchedule.retentionTimes', ['2021-12-17T08:00:00+00:00']))).toEqual([]);
    expect(fields(withValue(v2Hourly(), 'retentionPolicy.dailySchedule.retentionTimes', [T('12:00')]))).toEqual(['retentionPolicy.dailySchedule.retentionTimes']);
    expect(fields(withValue(v1Daily(), 'retentionPolicy.dailySchedule.retentionTimes', []))).toEqual(['retentionPolicy.dailySchedule.retentionTimes']);
  });
});

describe('timeOfDay', () => {
  it('reads the time as written in ISO strings and in UTC from Dates', () => {
    expect(timeOfDay('2024-01-01T19:00:00.000Z')).toBe('19:00');
    expect(timeOfDay('2021-12-17T08:30:00+05:30')).toBe('08:30');
    expect(timeOfDay('2024-01-01T19:00')).toBe('19:00');
    expect(timeOfDay('2024-01-01T19:00:15Z')).toBe('19:00:15');
    expect(timeOfDay(new Date('2024-01-01T23:30:00Z'))).toBe('23:30');
    expect(timeOfDay('2024-01-01T24:00:00Z')).toBeUndefined();
    expect(timeOfDay(new Date('nope'))).toBeUndefined();
    expect(timeOfDay(1900)).toBeUndefined();
  });
});

describe('Windows time zones', () => {
  it('lists the standard ids once each, with IANA zones the runtime knows', () => {
    expect(WINDOWS_TIME_ZONES.length).toBeGreaterThanOrEqual(135);
    expect(new Set(WINDOWS_TIME_ZONES.map((z) => z.id.toLowerCase())).size).toBe(WINDOWS_TIME_ZONES.length);
    for (const id of ['UTC', 'Pacific Standard Time', 'W. Europe Standard Time', 'India Standard Time']) expect(findWindowsTimeZone(id)?.id).toBe(id);
    for (const zone of WINDOWS_TIME_ZONES) expect(() => new Intl.DateTimeFormat('en', { timeZone: zone.iana })).not.toThrow();
  });
});
