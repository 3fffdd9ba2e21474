import type {
  DayOfMonth,
  LongTermRetention,
  RetentionFormat,
  ScheduleV1,
  ScheduleV2,
  VmPolicyPayload,
} from '../../azure/policy-types.ts';
import { MONTHS, WEEKDAYS } from '../../shared/policy-rules.ts';
import type { CalendarDraft, PolicyDraft } from '../../store/policy-draft.ts';

// Azure reads only the time of day of schedule times; a fixed date keeps the body (and its preview) stable.
const SCHEDULE_DATE = '2024-01-01';

/** The schedule time as the SDK sends it: "19:00" → 2024-01-01T19:00:00.000Z, meaning 19:00 in the policy's time zone. */
export const scheduleTime = (hhmm: string): Date => new Date(`${SCHEDULE_DATE}T${hhmm}:00.000Z`);

/** A whole number as typed, or NaN (which the policy rules reject) for anything else. */
export function wholeNumber(typed: string): number {
  return /^\s*\d{1,9}\s*$/.test(typed) ? Number(typed) : Number.NaN;
}

/** Standard policies have no hourly schedule; a draft switched back from Enhanced falls back to daily. */
export function effectiveFrequency(draft: Pick<PolicyDraft, 'policyType' | 'frequency'>): PolicyDraft['frequency'] {
  return draft.policyType === 'V1' && draft.frequency === 'Hourly' ? 'Daily' : draft.frequency;
}

const inOrder = <T extends string>(order: readonly T[], values: readonly T[]): T[] => order.filter((v) => values.includes(v));

function daysOfMonth(days: CalendarDraft['daysOfMonth']): DayOfMonth[] {
  const dates = days.filter((d): d is number => d !== 'Last').sort((a, b) => a - b);
  const result: DayOfMonth[] = dates.map((date) => ({ date, isLast: false }));
  // The service's own "last day" entry carries date 0.
  if (days.includes('Last')) result.push({ date: 0, isLast: true });
  return result;
}

function retentionFormat(calendar: CalendarDraft): RetentionFormat {
  return calendar.format === 'Weekly'
    ? {
        retentionScheduleFormatType: 'Weekly',
        retentionScheduleWeekly: {
          daysOfTheWeek: inOrder(WEEKDAYS, calendar.weekdays),
          weeksOfTheMonth: [...calendar.weeks],
        },
      }
    : { retentionScheduleFormatType: 'Daily', retentionScheduleDaily: { daysOfTheMonth: daysOfMonth(calendar.daysOfMonth) } };
}

function schedule(draft: PolicyDraft): ScheduleV1 | ScheduleV2 {
  const frequency = effectiveFrequency(draft);
  const days = inOrder(WEEKDAYS, draft.scheduleDays);
  const runTimes = [scheduleTime(draft.time)];
  if (draft.policyType === 'V1') {
    return frequency === 'Weekly'
      ? { schedulePolicyType: 'SimpleSchedulePolicy', scheduleRunFrequency: 'Weekly', scheduleRunDays: days, scheduleRunTimes: runTimes }
      : { schedulePolicyType: 'SimpleSchedulePolicy', scheduleRunFrequency: 'Daily', scheduleRunTimes: runTimes };
  }
  switch (frequency) {
    case 'Hourly':
      return {
        schedulePolicyType: 'SimpleSchedulePolicyV2',
        scheduleRunFrequency: 'Hourly',
        hourlySchedule: {
          interval: draft.hourlyInterval,
          scheduleWindowStartTime: scheduleTime(draft.time),
          scheduleWindowDuration: draft.hourlyWindowHours,
        },
      };
    case 'Daily':
      return { schedulePolicyType: 'SimpleSchedulePolicyV2', scheduleRunFrequency: 'Daily', dailySchedule: { scheduleRunTimes: runTimes } };
    case 'Weekly':
      return {
        schedulePolicyType: 'SimpleSchedulePolicyV2',
        scheduleRunFrequency: 'Weekly',
        weeklySchedule: { scheduleRunDays: days, scheduleRunTimes: runTimes },
      };
  }
}

function retention(draft: PolicyDraft): LongTermRetention {
  const weeklySchedule = effectiveFrequency(draft) === 'Weekly';
  // Every tier's retention time is the schedule's run time (the service requires them to be equal).
  const times = () => [scheduleTime(draft.time)];
  const result: LongTermRetention = { retentionPolicyType: 'LongTermRetentionPolicy' };
  if (!weeklySchedule) {
    result.dailySchedule = { retentionTimes: times(), retentionDuration: { count: wholeNumber(draft.dailyCount), durationType: 'Days' } };
  }
  if (weeklySchedule || draft.weekly.enabled) {
    result.weeklySchedule = {
      // A weekly backup keeps its weekly points from the days it runs on.
      daysOfTheWeek: inOrder(WEEKDAYS, weeklySchedule ? draft.scheduleDays : draft.weekly.days),
      retentionTimes: times(),
      retentionDuration: { count: wholeNumber(draft.weekly.count), durationType: 'Weeks' },
    };
  }
  if (draft.monthly.enabled) {
    result.monthlySchedule = {
      ...retentionFormat(draft.monthly),
      retentionTimes: times(),
      retentionDuration: { count: wholeNumber(draft.monthly.count), durationType: 'Months' },
    };
  }
  if (draft.yearly.enabled) {
    result.yearlySchedule = {
      ...retentionFormat(draft.yearly),
      monthsOfYear: inOrder(MONTHS, draft.yearly.months),
      retentionTimes: times(),
      retentionDuration: { count: wholeNumber(draft.yearly.count), durationType: 'Years' },
    };
  }
  return result;
}

/**
 * The exact body of the policy PUT for a draft. The page previews this object and sends this same object,
 * so what the user reads is what Azure receives.
 */
export function toPolicyResource(draft: PolicyDraft): VmPolicyPayload {
  return {
    properties: {
      backupManagementType: 'AzureIaasVM',
      policyType: draft.policyType,
      schedulePolicy: schedule(draft),
      retentionPolicy: retention(draft),
      instantRpRetentionRangeInDays: wholeNumber(draft.instantRestoreDays),
      timeZone: draft.timeZone,
    },
  };
}
