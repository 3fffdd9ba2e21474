import type { DayOfMonth, RetentionFormat, VmPolicyProperties } from '../azure/policy-types.ts';
import { HOURLY_INTERVALS, timeOfDay } from '../shared/policy-rules.ts';
import { newPolicyDraft, type CalendarDraft, type DayOfMonthChoice, type HourlyInterval, type PolicyDraft } from '../store/policy-draft.ts';

/** "19:00" as the form takes it: on the hour or half hour (a time in between is brought back to the last one). */
function formTime(times: readonly Date[] | undefined, fallback: string): string {
  const hhmm = timeOfDay(times?.[0])?.slice(0, 5);
  if (!hhmm) return fallback;
  const [h = '00', m = '00'] = hhmm.split(':');
  return `${h}:${Number(m) >= 30 ? '30' : '00'}`;
}

function calendarFrom(format: RetentionFormat, count: number, base: CalendarDraft): CalendarDraft {
  if (format.retentionScheduleFormatType === 'Weekly') {
    return {
      ...base,
      enabled: true,
      format: 'Weekly',
      weekdays: [...format.retentionScheduleWeekly.daysOfTheWeek],
      weeks: [...format.retentionScheduleWeekly.weeksOfTheMonth],
      count: String(count),
    };
  }
  const days = format.retentionScheduleDaily.daysOfTheMonth.map((d: DayOfMonth): DayOfMonthChoice => (d.isLast ? 'Last' : (d.date ?? 1)));
  return { ...base, enabled: true, format: 'Daily', daysOfMonth: days, count: String(count) };
}

const isInterval = (n: number): n is HourlyInterval => (HOURLY_INTERVALS as readonly number[]).includes(n);

/**
 * A new-policy form filled with an existing policy's settings, under `name`: how a setup for the next region
 * carries over the policy choices (a policy lives in its vault, so the next vault needs its own copy).
 */
export function policyDraftFromProperties(name: string, properties: VmPolicyProperties): PolicyDraft {
  const base = newPolicyDraft();
  const s = properties.schedulePolicy;
  const draft: PolicyDraft = {
    ...base,
    name,
    policyType: properties.policyType,
    timeZone: properties.timeZone,
    instantRestoreDays: String(properties.instantRpRetentionRangeInDays),
  };
  if (s.schedulePolicyType === 'SimpleSchedulePolicy') {
    draft.frequency = s.scheduleRunFrequency;
    draft.time = formTime(s.scheduleRunTimes, base.time);
    if (s.scheduleRunFrequency === 'Weekly' && s.scheduleRunDays) draft.scheduleDays = [...s.scheduleRunDays];
  } else if (s.scheduleRunFrequency === 'Hourly' && s.hourlySchedule) {
    draft.frequency = 'Hourly';
    draft.time = formTime([s.hourlySchedule.scheduleWindowStartTime], base.time);
    if (isInterval(s.hourlySchedule.interval)) draft.hourlyInterval = s.hourlySchedule.interval;
    draft.hourlyWindowHours = s.hourlySchedule.scheduleWindowDuration;
  } else if (s.scheduleRunFrequency === 'Weekly' && s.weeklySchedule) {
    draft.frequency = 'Weekly';
    draft.time = formTime(s.weeklySchedule.scheduleRunTimes, base.time);
    draft.scheduleDays = [...s.weeklySchedule.scheduleRunDays];
  } else {
    draft.frequency = 'Daily';
    draft.time = formTime(s.dailySchedule?.scheduleRunTimes, base.time);
  }

  const r = properties.retentionPolicy;
  if (r.dailySchedule) draft.dailyCount = String(r.dailySchedule.retentionDuration.count);
  if (r.weeklySchedule) {
    // A weekly schedule keeps its weekly points on its run days; otherwise weekly retention is an extra tier.
    draft.weekly = {
      enabled: draft.frequency !== 'Weekly',
      days: [...r.weeklySchedule.daysOfTheWeek],
      count: String(r.weeklySchedule.retentionDuration.count),
    };
  }
  if (r.monthlySchedule) draft.monthly = calendarFrom(r.monthlySchedule, r.monthlySchedule.retentionDuration.count, base.monthly);
  if (r.yearlySchedule) {
    draft.yearly = {
      ...calendarFrom(r.yearlySchedule, r.yearlySchedule.retentionDuration.count, base.yearly),
      months: [...r.yearlySchedule.monthsOfYear],
    };
  }
  return draft;
}
