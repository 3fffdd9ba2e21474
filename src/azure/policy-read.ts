import type { ProtectionPolicyResource } from '@azure/arm-recoveryservicesbackup';
import { MONTHS, WEEKDAYS, WEEKS_OF_MONTH } from '../shared/policy-rules.ts';
import type {
  DayOfMonth,
  LongTermRetention,
  MonthOfYear,
  RetentionFormat,
  ScheduleV1,
  ScheduleV2,
  VmBackupPolicy,
  VmPolicyProperties,
  WeekOfMonth,
  Weekday,
} from './policy-types.ts';

/*
 * Turns the SDK's loosely typed policy (every field optional, enums as strings) into the project's model.
 * Anything unexpected makes `properties` null rather than guessing, so the UI says "not recognised"
 * instead of describing a schedule wrongly.
 */

type Bag = Record<string, unknown>;
const isBag = (v: unknown): v is Bag => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const dates = (v: unknown): Date[] => arr(v).flatMap((d) => (d instanceof Date ? [d] : typeof d === 'string' ? [new Date(d)] : []));
const pick = <T extends string>(allowed: readonly T[], v: unknown): T[] =>
  arr(v).filter((x): x is T => typeof x === 'string' && (allowed as readonly string[]).includes(x));

class Unrecognised extends Error {}
const need = <T>(value: T | undefined): T => {
  if (value === undefined) throw new Unrecognised();
  return value;
};

function duration<U extends string>(v: unknown, unit: U): { count: number; durationType: U } {
  const d = isBag(v) ? v : {};
  return { count: need(num(d['count'])), durationType: unit };
}

function schedule(v: unknown): ScheduleV1 | ScheduleV2 {
  if (!isBag(v)) throw new Unrecognised();
  const frequency = v['scheduleRunFrequency'];
  if (v['schedulePolicyType'] === 'SimpleSchedulePolicy' && (frequency === 'Daily' || frequency === 'Weekly')) {
    const days = pick(WEEKDAYS, v['scheduleRunDays']);
    return {
      schedulePolicyType: 'SimpleSchedulePolicy',
      scheduleRunFrequency: frequency,
      ...(frequency === 'Weekly' ? { scheduleRunDays: days } : {}),
      scheduleRunTimes: dates(v['scheduleRunTimes']),
    };
  }
  if (v['schedulePolicyType'] !== 'SimpleSchedulePolicyV2') throw new Unrecognised();
  if (frequency === 'Hourly' && isBag(v['hourlySchedule'])) {
    const h = v['hourlySchedule'];
    return {
      schedulePolicyType: 'SimpleSchedulePolicyV2',
      scheduleRunFrequency: 'Hourly',
      hourlySchedule: {
        interval: need(num(h['interval'])),
        scheduleWindowStartTime: need(dates([h['scheduleWindowStartTime']])[0]),
        scheduleWindowDuration: need(num(h['scheduleWindowDuration'])),
      },
    };
  }
  if (frequency === 'Daily' && isBag(v['dailySchedule'])) {
    return {
      schedulePolicyType: 'SimpleSchedulePolicyV2',
      scheduleRunFrequency: 'Daily',
      dailySchedule: { scheduleRunTimes: dates(v['dailySchedule']['scheduleRunTimes']) },
    };
  }
  if (frequency === 'Weekly' && isBag(v['weeklySchedule'])) {
    const w = v['weeklySchedule'];
    return {
      schedulePolicyType: 'SimpleSchedulePolicyV2',
      scheduleRunFrequency: 'Weekly',
      weeklySchedule: { scheduleRunDays: pick(WEEKDAYS, w['scheduleRunDays']), scheduleRunTimes: dates(w['scheduleRunTimes']) },
    };
  }
  throw new Unrecognised();
}

function format(v: Bag): RetentionFormat {
  if (v['retentionScheduleFormatType'] === 'Weekly' && isBag(v['retentionScheduleWeekly'])) {
    const w = v['retentionScheduleWeekly'];
    return {
      retentionScheduleFormatType: 'Weekly',
      retentionScheduleWeekly: {
        daysOfTheWeek: pick<Weekday>(WEEKDAYS, w['daysOfTheWeek']),
        weeksOfTheMonth: pick<WeekOfMonth>(WEEKS_OF_MONTH, w['weeksOfTheMonth']),
      },
    };
  }
  if (v['retentionScheduleFormatType'] === 'Daily' && isBag(v['retentionScheduleDaily'])) {
    const days = arr(v['retentionScheduleDaily']['daysOfTheMonth']).flatMap((d): DayOfMonth[] => {
      if (!isBag(d)) return [];
      if (d['isLast'] === true) return [{ isLast: true }];
      const date = num(d['date']);
      return date === undefined ? [] : [{ date, isLast: false }];
    });
    return { retentionScheduleFormatType: 'Daily', retentionScheduleDaily: { daysOfTheMonth: days } };
  }
  throw new Unrecognised();
}

function retention(v: unknown): LongTermRetention {
  if (!isBag(v) || v['retentionPolicyType'] !== 'LongTermRetentionPolicy') throw new Unrecognised();
  const result: LongTermRetention = { retentionPolicyType: 'LongTermRetentionPolicy' };
  const { dailySchedule: d, weeklySchedule: w, monthlySchedule: m, yearlySchedule: y } = v;
  if (isBag(d)) result.dailySchedule = { retentionTimes: dates(d['retentionTimes']), retentionDuration: duration(d['retentionDuration'], 'Days') };
  if (isBag(w)) {
    result.weeklySchedule = {
      daysOfTheWeek: pick(WEEKDAYS, w['daysOfTheWeek']),
      retentionTimes: dates(w['retentionTimes']),
      retentionDuration: duration(w['retentionDuration'], 'Weeks'),
    };
  }
  if (isBag(m)) {
    result.monthlySchedule = { ...format(m), retentionTimes: dates(m['retentionTimes']), retentionDuration: duration(m['retentionDuration'], 'Months') };
  }
  if (isBag(y)) {
    result.yearlySchedule = {
      ...format(y),
      monthsOfYear: pick<MonthOfYear>(MONTHS, y['monthsOfYear']),
      retentionTimes: dates(y['retentionTimes']),
      retentionDuration: duration(y['retentionDuration'], 'Years'),
    };
  }
  return result;
}

function properties(v: unknown): VmPolicyProperties | null {
  if (!isBag(v) || v['backupManagementType'] !== 'AzureIaasVM') return null;
  try {
    const policyType = v['policyType'] === 'V2' ? 'V2' : 'V1';
    return {
      backupManagementType: 'AzureIaasVM',
      policyType,
      // The service treats a policy without a time zone as UTC.
      timeZone: typeof v['timeZone'] === 'string' && v['timeZone'] !== '' ? v['timeZone'] : 'UTC',
      instantRpRetentionRangeInDays: need(num(v['instantRpRetentionRangeInDays'])),
      schedulePolicy: schedule(v['schedulePolicy']),
      retentionPolicy: retention(v['retentionPolicy']),
    };
  } catch (error) {
    if (error instanceof Unrecognised) return null;
    throw error;
  }
}

export function toVmBackupPolicy(resource: ProtectionPolicyResource): VmBackupPolicy {
  const props: unknown = resource.properties;
  return {
    id: resource.id ?? '',
    name: resource.name ?? '',
    protectedItemsCount: num(isBag(props) ? props['protectedItemsCount'] : undefined) ?? 0,
    properties: properties(props),
  };
}
