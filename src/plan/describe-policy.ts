// A policy in words: shared by the Policy step (its table, preview and read-back) and the Summary.
import type { DayOfMonth, MonthOfYear, RetentionFormat, VmPolicyProperties, Weekday } from '../azure/policy-types.ts';
import { timeOfDay } from '../shared/policy-rules.ts';
import { findWindowsTimeZone } from '../shared/time-zones.ts';

/** "a", "a and b", "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/** "1 day", "30 days". */
export function quantity(count: number, unit: 'day' | 'week' | 'month' | 'year' | 'hour'): string {
  return `${Number.isFinite(count) ? count : '?'} ${unit}${count === 1 ? '' : 's'}`;
}

/** The time of day of a schedule time, as written (Azure applies the policy's time zone to it). */
const at = (times: readonly Date[] | undefined): string => timeOfDay(times?.[0]) ?? 'an unknown time';

const days = (list: readonly Weekday[] | undefined): string => listInWords(list ?? []) || 'no day';

function daysOfMonth(list: readonly DayOfMonth[]): string {
  const dates = list.filter((d) => !d.isLast).map((d) => String(d.date ?? '?'));
  const parts: string[] = [];
  if (dates.length > 0) parts.push(`${dates.length === 1 ? 'day' : 'days'} ${listInWords(dates)}`);
  if (list.some((d) => d.isLast)) parts.push(parts.length > 0 ? 'the last day' : 'last day');
  return parts.join(' and ') || 'no day';
}

/** "first Sunday", "first and third Sunday and Wednesday", "day 1", "days 1 and 15 and the last day". */
export function describeCalendar(format: RetentionFormat): string {
  if (format.retentionScheduleFormatType === 'Daily') return daysOfMonth(format.retentionScheduleDaily.daysOfTheMonth);
  const { weeksOfTheMonth, daysOfTheWeek } = format.retentionScheduleWeekly;
  return `${listInWords(weeksOfTheMonth.map((w) => w.toLowerCase()))} ${days(daysOfTheWeek)}`;
}

/** "Daily at 19:00", "Weekly on Sunday and Wednesday at 19:00", "Every 4 hours from 08:00 for 24 hours". */
export function describeSchedule(properties: VmPolicyProperties): string {
  const s = properties.schedulePolicy;
  if (s.schedulePolicyType === 'SimpleSchedulePolicy') {
    return s.scheduleRunFrequency === 'Weekly'
      ? `Weekly on ${days(s.scheduleRunDays)} at ${at(s.scheduleRunTimes)}`
      : `Daily at ${at(s.scheduleRunTimes)}`;
  }
  switch (s.scheduleRunFrequency) {
    case 'Hourly': {
      const h = s.hourlySchedule;
      if (!h) return 'Hourly';
      return `Every ${quantity(h.interval, 'hour')} from ${at([h.scheduleWindowStartTime])} for ${quantity(h.scheduleWindowDuration, 'hour')}`;
    }
    case 'Daily':
      return `Daily at ${at(s.dailySchedule?.scheduleRunTimes)}`;
    case 'Weekly':
      return `Weekly on ${days(s.weeklySchedule?.scheduleRunDays)} at ${at(s.weeklySchedule?.scheduleRunTimes)}`;
  }
}

const months = (list: readonly MonthOfYear[]): string => listInWords(list) || 'no month';

export type RetentionWords = { daily: string | null; weekly: string | null; monthly: string | null; yearly: string | null };

/** Each retention tier in words ("30 days", "Sunday, 12 weeks", "first Sunday, 12 months"), null when not kept. */
export function describeRetention(properties: VmPolicyProperties): RetentionWords {
  const { dailySchedule: d, weeklySchedule: w, monthlySchedule: m, yearlySchedule: y } = properties.retentionPolicy;
  return {
    daily: d ? quantity(d.retentionDuration.count, 'day') : null,
    weekly: w ? `${days(w.daysOfTheWeek)}, ${quantity(w.retentionDuration.count, 'week')}` : null,
    monthly: m ? `${describeCalendar(m)}, ${quantity(m.retentionDuration.count, 'month')}` : null,
    yearly: y ? `${describeCalendar(y)} of ${months(y.monthsOfYear)}, ${quantity(y.retentionDuration.count, 'year')}` : null,
  };
}

/**
 * The policy in one line, e.g. "Daily at 19:00 (UTC), keep daily points 30 days, instant restore 2 days" or
 * "Every 4 hours from 08:00 for 24 hours (UTC) · Enhanced, keep daily points 30 days, instant restore 7 days".
 */
export function describePolicy(properties: VmPolicyProperties): string {
  const { dailySchedule: d, weeklySchedule: w, monthlySchedule: m, yearlySchedule: y } = properties.retentionPolicy;
  const kept = [
    d && `daily points ${quantity(d.retentionDuration.count, 'day')}`,
    w && `weekly points (${days(w.daysOfTheWeek)}) ${quantity(w.retentionDuration.count, 'week')}`,
    m && `monthly points (${describeCalendar(m)}) ${quantity(m.retentionDuration.count, 'month')}`,
    y && `yearly points (${describeCalendar(y)} of ${months(y.monthsOfYear)}) ${quantity(y.retentionDuration.count, 'year')}`,
  ].filter((part): part is string => typeof part === 'string');
  const schedule = `${describeSchedule(properties)} (${properties.timeZone})${properties.policyType === 'V2' ? ' · Enhanced' : ''}`;
  return [
    schedule,
    ...(kept.length > 0 ? [`keep ${kept.join(', ')}`] : []),
    `instant restore ${quantity(properties.instantRpRetentionRangeInDays, 'day')}`,
  ].join(', ');
}

export type PolicyFact = { label: string; value: string };

/** The policy's settings one by one, for showing what Azure saved. */
export function policyFacts(properties: VmPolicyProperties): PolicyFact[] {
  const retention = describeRetention(properties);
  const zone = findWindowsTimeZone(properties.timeZone);
  const notKept = 'Not kept';
  return [
    { label: 'Policy type', value: properties.policyType === 'V2' ? 'Enhanced (V2)' : 'Standard (V1)' },
    { label: 'Schedule', value: describeSchedule(properties) },
    { label: 'Time zone', value: zone ? `${zone.id} — ${zone.label}` : properties.timeZone },
    { label: 'Instant restore snapshots', value: quantity(properties.instantRpRetentionRangeInDays, 'day') },
    { label: 'Daily backup points', value: retention.daily ?? notKept },
    { label: 'Weekly backup points', value: retention.weekly ?? notKept },
    { label: 'Monthly backup points', value: retention.monthly ?? notKept },
    { label: 'Yearly backup points', value: retention.yearly ?? notKept },
  ];
}
