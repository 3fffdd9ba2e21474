// What Azure Backup accepts in an Azure VM (AzureIaasVM) backup policy, as pure checks over
// the policy's wire `properties`. The wizard runs them before sending; the emulator answers a
// PUT with the first problem, as the service does. Times may be ISO strings (wire) or Date
// objects (SDK models); only the time of day matters, read as written (the service applies
// the policy's timeZone to it).
// Sources: arm-api.md §1c; Terraform azurerm_backup_policy_vm (daily 7–9999, hourly interval
// 4/6/8/12 with a 4–24 h window that is a multiple of it, times on the hour or half hour,
// instant restore 1–5 (V1; 5 for weekly) or 1–30 (V2)); the Azure Backup support matrix's
// maximum retention (9999 days, 5163 weeks, 1188 months, 99 years) — Terraform itself
// only bounds weekly/monthly/yearly at 9999.
import { isWindowsTimeZone } from './time-zones.ts';

export interface PolicyProblem {
  /** Dotted path inside `properties`, e.g. "retentionPolicy.dailySchedule.retentionDuration.count". */
  field: string;
  message: string;
  /** The service-style error code the emulator answers with. */
  code: string;
}

export const POLICY_ERROR_CODES = {
  invalidInput: 'BMSUserErrorInvalidPolicyInput',
  // [unconfirmed code] The service supports other workloads; this tool only handles Azure VMs.
  unsupportedWorkload: 'BMSUserErrorUnsupportedBackupManagementType',
  invalidTimeZone: 'BMSUserErrorInvalidTimeZone',
} as const;

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
export const WEEKS_OF_MONTH = ['First', 'Second', 'Third', 'Fourth', 'Last'] as const;
export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;
export const HOURLY_INTERVALS = [4, 6, 8, 12] as const;

export const LIMITS = {
  instantRestoreDays: { V1: { min: 1, max: 5 }, V2: { min: 1, max: 30 }, weeklyV1: 5 },
  hourlyWindowHours: { min: 4, max: 24 },
  daily: { min: 7, max: 9999, unit: 'Days' },
  weekly: { min: 1, max: 5163, unit: 'Weeks' },
  monthly: { min: 1, max: 1188, unit: 'Months' },
  yearly: { min: 1, max: 99, unit: 'Years' },
} as const;

type Obj = Record<string, unknown>;
type Frequency = 'Hourly' | 'Daily' | 'Weekly';
type Tier = 'daily' | 'weekly' | 'monthly' | 'yearly';

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** "HH:MM" of an ISO date-time string or Date ("HH:MM:SS" when seconds are set), or undefined when it is neither. */
export function timeOfDay(value: unknown): string | undefined {
  const pad = (n: number): string => String(n).padStart(2, '0');
  let parts: [string, string, string] | undefined;
  if (value instanceof Date) {
    if (!Number.isNaN(value.getTime())) parts = [pad(value.getUTCHours()), pad(value.getUTCMinutes()), pad(value.getUTCSeconds())];
  } else if (typeof value === 'string') {
    const m = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/i.exec(value.trim());
    if (m?.[1] && m[2]) parts = [m[1], m[2], m[3] ?? '00'];
  }
  if (!parts) return undefined;
  const [h, min, sec] = parts;
  return sec === '00' ? `${h}:${min}` : `${h}:${min}:${sec}`;
}

const onWholeOrHalfHour = (hhmm: string): boolean => /^\d{2}:(00|30)$/.test(hhmm);

export function policyProblems(properties: unknown): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const add = (field: string, message: string, code: string = POLICY_ERROR_CODES.invalidInput): void => {
    problems.push({ field, message, code });
  };
  if (!isObj(properties)) {
    add('properties', 'The policy needs a properties object.');
    return problems;
  }
  const p = properties;
  if (p['backupManagementType'] !== 'AzureIaasVM') {
    add(
      'backupManagementType',
      `backupManagementType must be "AzureIaasVM" (got ${JSON.stringify(p['backupManagementType'] ?? null)}); this tool manages Azure VM backup policies only.`,
      POLICY_ERROR_CODES.unsupportedWorkload,
    );
    return problems;
  }
  const policyType = p['policyType'] ?? 'V1';
  if (policyType !== 'V1' && policyType !== 'V2') {
    add('policyType', `policyType must be "V1" (Standard) or "V2" (Enhanced), not ${JSON.stringify(policyType)}.`);
    return problems;
  }
  if (p['timeZone'] !== undefined && p['timeZone'] !== null) {
    if (typeof p['timeZone'] !== 'string' || !isWindowsTimeZone(p['timeZone'])) {
      add('timeZone', `timeZone ${JSON.stringify(p['timeZone'])} is not a Windows time zone id such as "UTC" or "Pacific Standard Time".`, POLICY_ERROR_CODES.invalidTimeZone);
    }
  }
  const schedule = checkSchedule(p['schedulePolicy'], policyType, add);
  checkInstantRestore(p['instantRpRetentionRangeInDays'], policyType, schedule?.frequency, add);
  checkRetention(p['retentionPolicy'], schedule, add);
  return problems;
}

type Add = (field: string, message: string, code?: string) => void;

interface ScheduleFacts {
  frequency: Frequency;
  /** HH:MM the backup runs (or the hourly window starts), when valid. */
  time: string | undefined;
  days: string[];
}

function checkRunTime(value: unknown, field: string, add: Add): string | undefined {
  const times = list(value);
  if (times.length !== 1) {
    add(field, `${field} must hold exactly one time (got ${times.length}).`);
    return undefined;
  }
  const hhmm = timeOfDay(times[0]);
  if (hhmm === undefined) add(field, `${field} must be an ISO date-time such as "2024-01-01T19:00:00Z".`);
  else if (!onWholeOrHalfHour(hhmm)) add(field, `${field} must be on the hour or half hour (got ${hhmm}).`);
  return hhmm !== undefined && onWholeOrHalfHour(hhmm) ? hhmm : undefined;
}

function checkDays(value: unknown, field: string, add: Add): string[] {
  const days = list(value);
  if (days.length === 0) {
    add(field, `${field} needs at least one day of the week.`);
    return [];
  }
  const bad = days.filter((d) => !WEEKDAYS.includes(d as (typeof WEEKDAYS)[number]));
  if (bad.length > 0) add(field, `${field} has ${JSON.stringify(bad)}; use ${WEEKDAYS.join(', ')}.`);
  if (new Set(days).size !== days.length) add(field, `${field} lists a day more than once.`);
  return days.filter((d): d is string => typeof d === 'string');
}

function checkSchedule(value: unknown, policyType: 'V1' | 'V2', add: Add): ScheduleFacts | undefined {
  if (!isObj(value)) {
    add('schedulePolicy', 'The policy needs a schedulePolicy.');
    return undefined;
  }
  const expectedType = policyType === 'V1' ? 'SimpleSchedulePolicy' : 'SimpleSchedulePolicyV2';
  if (value['schedulePolicyType'] !== expectedType) {
    add('schedulePolicy.schedulePolicyType', `A ${policyType} policy needs schedulePolicyType "${expectedType}" (got ${JSON.stringify(value['schedulePolicyType'] ?? null)}).`);
    return undefined;
  }
  const frequency = value['scheduleRunFrequency'];
  const allowed: readonly string[] = policyType === 'V1' ? ['Daily', 'Weekly'] : ['Hourly', 'Daily', 'Weekly'];
  if (typeof frequency !== 'string' || !allowed.includes(frequency)) {
    add(
      'schedulePolicy.scheduleRunFrequency',
      `scheduleRunFrequency must be ${allowed.join(', ')} for a ${policyType} policy (got ${JSON.stringify(frequency ?? null)})${policyType === 'V1' && frequency === 'Hourly' ? '; hourly backups need an Enhanced (V2) policy' : ''}.`,
    );
    return undefined;
  }
  const f = frequency as Frequency;
  if (policyType === 'V1') {
    const time = checkRunTime(value['scheduleRunTimes'], 'schedulePolicy.scheduleRunTimes', add);
    if (f === 'Weekly') return { frequency: f, time, days: checkDays(value['scheduleRunDays'], 'schedulePolicy.scheduleRunDays', add) };
    if (list(value['scheduleRunDays']).length > 0) add('schedulePolicy.scheduleRunDays', 'scheduleRunDays applies to weekly schedules only.');
    return { frequency: f, time, days: [] };
  }
  if (f === 'Hourly') return { frequency: f, time: checkHourly(value['hourlySchedule'], add), days: [] };
  if (f === 'Daily') {
    const daily = isObj(value['dailySchedule']) ? value['dailySchedule'] : {};
    return { frequency: f, time: checkRunTime(daily['scheduleRunTimes'], 'schedulePolicy.dailySchedule.scheduleRunTimes', add), days: [] };
  }
  const weekly = isObj(value['weeklySchedule']) ? value['weeklySchedule'] : {};
  const time = checkRunTime(weekly['scheduleRunTimes'], 'schedulePolicy.weeklySchedule.scheduleRunTimes', add);
  return { frequency: f, time, days: checkDays(weekly['scheduleRunDays'], 'schedulePolicy.weeklySchedule.scheduleRunDays', add) };
}

function checkHourly(value: unknown, add: Add): string | undefined {
  const field = 'schedulePolicy.hourlySchedule';
  if (!isObj(value)) {
    add(field, 'An hourly schedule needs hourlySchedule with interval, scheduleWindowStartTime and scheduleWindowDuration.');
    return undefined;
  }
  const interval = value['interval'];
  const intervalOk = HOURLY_INTERVALS.includes(interval as (typeof HOURLY_INTERVALS)[number]);
  if (!intervalOk) add(`${field}.interval`, `interval must be 4, 6, 8 or 12 hours (got ${JSON.stringify(interval ?? null)}).`);
  const duration = value['scheduleWindowDuration'];
  const { min, max } = LIMITS.hourlyWindowHours;
  if (!isInt(duration) || duration < min || duration > max) {
    add(`${field}.scheduleWindowDuration`, `scheduleWindowDuration must be ${min} to ${max} hours (got ${JSON.stringify(duration ?? null)}).`);
  } else if (intervalOk && duration % (interval as number) !== 0) {
    add(`${field}.scheduleWindowDuration`, `scheduleWindowDuration (${duration} h) must be a multiple of the interval (${interval as number} h).`);
  }
  const start = timeOfDay(value['scheduleWindowStartTime']);
  if (start === undefined) add(`${field}.scheduleWindowStartTime`, 'scheduleWindowStartTime must be an ISO date-time such as "2024-01-01T08:00:00Z".');
  else if (!onWholeOrHalfHour(start)) add(`${field}.scheduleWindowStartTime`, `scheduleWindowStartTime must be on the hour or half hour (got ${start}).`);
  return start !== undefined && onWholeOrHalfHour(start) ? start : undefined;
}

function checkInstantRestore(value: unknown, policyType: 'V1' | 'V2', frequency: Frequency | undefined, add: Add): void {
  if (value === undefined || value === null) return;
  const field = 'instantRpRetentionRangeInDays';
  const { min, max } = LIMITS.instantRestoreDays[policyType];
  if (!isInt(value) || value < min || value > max) {
    add(field, `${field} must be ${min} to ${max} days for a ${policyType} policy (got ${JSON.stringify(value)}).`);
  } else if (policyType === 'V1' && frequency === 'Weekly' && value !== LIMITS.instantRestoreDays.weeklyV1) {
    add(field, `${field} must be ${LIMITS.instantRestoreDays.weeklyV1} days for a weekly Standard (V1) schedule (got ${value}).`);
  }
}

function checkRetention(value: unknown, schedule: ScheduleFacts | undefined, add: Add): void {
  if (!isObj(value)) {
    add('retentionPolicy', 'The policy needs a retentionPolicy.');
    return;
  }
  if (value['retentionPolicyType'] !== 'LongTermRetentionPolicy') {
    add('retentionPolicy.retentionPolicyType', `retentionPolicyType must be "LongTermRetentionPolicy" for Azure VM policies (got ${JSON.stringify(value['retentionPolicyType'] ?? null)}).`);
    return;
  }
  const weeklySchedule = schedule?.frequency === 'Weekly';
  if (schedule && !weeklySchedule && !isObj(value['dailySchedule'])) {
    add('retentionPolicy.dailySchedule', `A ${schedule.frequency.toLowerCase()} schedule needs daily retention (retentionPolicy.dailySchedule).`);
  }
  if (weeklySchedule && isObj(value['dailySchedule'])) {
    add('retentionPolicy.dailySchedule', 'A weekly schedule cannot keep daily recovery points; remove retentionPolicy.dailySchedule.');
  }
  if (weeklySchedule && !isObj(value['weeklySchedule'])) {
    add('retentionPolicy.weeklySchedule', 'A weekly schedule needs weekly retention (retentionPolicy.weeklySchedule).');
  }
  for (const tier of ['daily', 'weekly', 'monthly', 'yearly'] as const) {
    const block = value[`${tier}Schedule`];
    if (block === undefined || block === null) continue;
    checkTier(tier, block, schedule, add);
  }
}

function checkTier(tier: Tier, block: unknown, schedule: ScheduleFacts | undefined, add: Add): void {
  const base = `retentionPolicy.${tier}Schedule`;
  if (!isObj(block)) {
    add(base, `${base} must be an object.`);
    return;
  }
  const { min, max, unit } = LIMITS[tier];
  const duration = isObj(block['retentionDuration']) ? block['retentionDuration'] : {};
  const count = duration['count'];
  if (!isInt(count) || count < min || count > max) {
    add(`${base}.retentionDuration.count`, `${tier} retention must be ${min} to ${max} ${unit.toLowerCase()} (got ${JSON.stringify(count ?? null)}).`);
  }
  if (duration['durationType'] !== unit) {
    add(`${base}.retentionDuration.durationType`, `${tier} retention counts in "${unit}" (got ${JSON.stringify(duration['durationType'] ?? null)}).`);
  }
  checkRetentionTime(block['retentionTimes'], `${base}.retentionTimes`, schedule, add);
  const scheduleDays = schedule?.frequency === 'Weekly' ? schedule.days : undefined;
  if (tier === 'weekly') {
    const days = checkDays(block['daysOfTheWeek'], `${base}.daysOfTheWeek`, add);
    notAmongScheduleDays(days, scheduleDays, `${base}.daysOfTheWeek`, add);
  }
  if (tier === 'monthly' || tier === 'yearly') checkMonthlyFormat(block, base, scheduleDays, add);
  if (tier === 'yearly') {
    const months = list(block['monthsOfYear']);
    if (months.length === 0) add(`${base}.monthsOfYear`, 'Yearly retention needs at least one month (monthsOfYear).');
    const bad = months.filter((m) => !MONTHS.includes(m as (typeof MONTHS)[number]));
    if (bad.length > 0) add(`${base}.monthsOfYear`, `monthsOfYear has ${JSON.stringify(bad)}; use month names such as "January".`);
  }
}

function checkRetentionTime(value: unknown, field: string, schedule: ScheduleFacts | undefined, add: Add): void {
  const times = list(value);
  if (times.length !== 1) {
    add(field, `${field} must hold exactly one time, the schedule's run time (got ${times.length}).`);
    return;
  }
  const hhmm = timeOfDay(times[0]);
  if (hhmm === undefined) add(field, `${field} must be an ISO date-time.`);
  else if (schedule?.time !== undefined && hhmm !== schedule.time) {
    add(field, `${field} (${hhmm}) must equal the backup schedule time (${schedule.time}).`);
  }
}

function checkMonthlyFormat(block: Obj, base: string, scheduleDays: string[] | undefined, add: Add): void {
  const format = block['retentionScheduleFormatType'];
  if (format === 'Weekly') {
    const weekly = isObj(block['retentionScheduleWeekly']) ? block['retentionScheduleWeekly'] : {};
    const days = checkDays(weekly['daysOfTheWeek'], `${base}.retentionScheduleWeekly.daysOfTheWeek`, add);
    notAmongScheduleDays(days, scheduleDays, `${base}.retentionScheduleWeekly.daysOfTheWeek`, add);
    const weeks = list(weekly['weeksOfTheMonth']);
    if (weeks.length === 0 || weeks.some((w) => !WEEKS_OF_MONTH.includes(w as (typeof WEEKS_OF_MONTH)[number]))) {
      add(`${base}.retentionScheduleWeekly.weeksOfTheMonth`, `weeksOfTheMonth needs one or more of ${WEEKS_OF_MONTH.join(', ')}.`);
    }
  } else if (format === 'Daily') {
    if (scheduleDays !== undefined) {
      add(`${base}.retentionScheduleFormatType`, 'With a weekly backup schedule, monthly and yearly retention must be week-based (retentionScheduleFormatType "Weekly").');
    }
    const daily = isObj(block['retentionScheduleDaily']) ? block['retentionScheduleDaily'] : {};
    const dates = list(daily['daysOfTheMonth']);
    const valid = (d: unknown): boolean => isObj(d) && (d['isLast'] === true || (isInt(d['date']) && d['date'] >= 1 && d['date'] <= 28));
    if (dates.length === 0 || !dates.every(valid)) {
      add(`${base}.retentionScheduleDaily.daysOfTheMonth`, 'daysOfTheMonth needs one or more days, each a date from 1 to 28 or {isLast: true}.');
    }
  } else {
    add(`${base}.retentionScheduleFormatType`, `retentionScheduleFormatType must be "Daily" or "Weekly" (got ${JSON.stringify(format ?? null)}).`);
  }
}

function notAmongScheduleDays(days: string[], scheduleDays: string[] | undefined, field: string, add: Add): void {
  if (scheduleDays === undefined || scheduleDays.length === 0) return;
  const missing = days.filter((d) => !scheduleDays.includes(d));
  if (missing.length > 0) {
    add(field, `${field} keeps ${missing.join(', ')}, but the weekly schedule backs up only on ${scheduleDays.join(', ')}.`);
  }
}
