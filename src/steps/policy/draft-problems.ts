import type { VmPolicyPayload } from '../../azure/policy-types.ts';
import { policyNameProblems } from '../../shared/names.ts';
import { LIMITS, policyProblems, type PolicyProblem } from '../../shared/policy-rules.ts';
import type { PolicyDraft } from '../../store/policy-draft.ts';
import { effectiveFrequency, wholeNumber } from './to-policy-resource.ts';

type Tier = 'monthly' | 'yearly';

/** The form fields a message can be shown next to; 'policy' is for a problem no single field explains. */
export type DraftField =
  | 'name'
  | 'timeZone'
  | 'time'
  | 'scheduleDays'
  | 'hourlyInterval'
  | 'hourlyWindowHours'
  | 'instantRestoreDays'
  | 'dailyCount'
  | 'weekly.days'
  | 'weekly.count'
  | `${Tier}.${'format' | 'weekdays' | 'weeks' | 'daysOfMonth' | 'count'}`
  | 'yearly.months'
  | 'policy';

export type DraftProblems = Partial<Record<DraftField, string[]>>;

/** Which form field a policy-rules problem (a dotted path inside `properties`) is about. */
export function fieldOfProblem(path: string): DraftField {
  if (path === 'timeZone') return 'timeZone';
  if (path === 'instantRpRetentionRangeInDays') return 'instantRestoreDays';
  if (/(scheduleRunTimes|scheduleWindowStartTime)$/.test(path)) return 'time';
  if (/^schedulePolicy\.(weeklySchedule\.)?scheduleRunDays$/.test(path)) return 'scheduleDays';
  if (path.endsWith('hourlySchedule.interval')) return 'hourlyInterval';
  if (path.endsWith('hourlySchedule.scheduleWindowDuration')) return 'hourlyWindowHours';
  const m = /^retentionPolicy\.(daily|weekly|monthly|yearly)Schedule(?:\.(.+))?$/.exec(path);
  if (!m) return 'policy';
  const tier = m[1] as 'daily' | 'weekly' | Tier;
  const rest = m[2] ?? '';
  if (tier === 'daily') return 'dailyCount';
  if (rest.startsWith('retentionDuration')) return `${tier}.count`;
  if (tier === 'weekly') return rest === 'daysOfTheWeek' ? 'weekly.days' : 'policy';
  if (rest.endsWith('daysOfTheWeek')) return `${tier}.weekdays`;
  if (rest.endsWith('weeksOfTheMonth')) return `${tier}.weeks`;
  if (rest.endsWith('daysOfTheMonth')) return `${tier}.daysOfMonth`;
  if (rest === 'retentionScheduleFormatType') return `${tier}.format`;
  if (rest === 'monthsOfYear' && tier === 'yearly') return 'yearly.months';
  return 'policy';
}

const RETENTION_WORDS = {
  daily: { limits: LIMITS.daily, unit: 'days', points: 'Daily backup points' },
  weekly: { limits: LIMITS.weekly, unit: 'weeks', points: 'Weekly backup points' },
  monthly: { limits: LIMITS.monthly, unit: 'months', points: 'Monthly backup points' },
  yearly: { limits: LIMITS.yearly, unit: 'years', points: 'Yearly backup points' },
} as const;

function countMessage(tier: keyof typeof RETENTION_WORDS, typed: string): string {
  const { limits, unit, points } = RETENTION_WORDS[tier];
  return Number.isNaN(wholeNumber(typed))
    ? `Enter a whole number of ${unit} from ${limits.min} to ${limits.max}.`
    : `${points} can be kept for ${limits.min} to ${limits.max} ${unit} (you entered ${typed.trim()}).`;
}

/**
 * The user-facing sentence for a rule broken in `field`. The rules themselves are policy-rules.ts's (the
 * same the emulator enforces); this only says it in the form's words, with the draft's own values.
 */
function messageFor(field: DraftField, problem: PolicyProblem, draft: PolicyDraft): string {
  const weeklySchedule = effectiveFrequency(draft) === 'Weekly';
  switch (field) {
    case 'dailyCount':
      return countMessage('daily', draft.dailyCount);
    case 'weekly.count':
      return countMessage('weekly', draft.weekly.count);
    case 'monthly.count':
      return countMessage('monthly', draft.monthly.count);
    case 'yearly.count':
      return countMessage('yearly', draft.yearly.count);
    case 'instantRestoreDays': {
      const days = wholeNumber(draft.instantRestoreDays);
      const { min, max } = LIMITS.instantRestoreDays[draft.policyType];
      if (draft.policyType === 'V1' && weeklySchedule && days >= min && days <= max) {
        return `A weekly Standard policy keeps instant restore snapshots for exactly ${LIMITS.instantRestoreDays.weeklyV1} days (you entered ${days}).`;
      }
      const kind = draft.policyType === 'V1' ? 'a Standard' : 'an Enhanced';
      return Number.isNaN(days)
        ? `Enter a whole number of days from ${min} to ${max}.`
        : `With ${kind} policy, instant restore snapshots are kept ${min} to ${max} days (you entered ${days}).`;
    }
    case 'hourlyWindowHours': {
      const { min, max } = LIMITS.hourlyWindowHours;
      const hours = draft.hourlyWindowHours;
      if (hours < min || hours > max) return `The backup window lasts ${min} to ${max} hours.`;
      const fits: number[] = [];
      for (let h = min; h <= max; h++) if (h % draft.hourlyInterval === 0) fits.push(h);
      return `The backup window must be a multiple of the interval: with a backup every ${draft.hourlyInterval} hours, choose ${fits.slice(0, -1).join(', ')} or ${fits.at(-1) ?? max} hours (not ${hours}).`;
    }
    case 'hourlyInterval':
      return 'Choose a backup every 4, 6, 8 or 12 hours.';
    case 'time':
      return 'Choose a time on the hour or half hour.';
    case 'timeZone':
      return `"${draft.timeZone}" is not a time zone Azure accepts. Choose one from the list.`;
    case 'scheduleDays':
      return 'Choose at least one day to back up on.';
    case 'weekly.days':
      return 'Choose at least one day to keep weekly backup points from.';
    case 'monthly.weekdays':
    case 'yearly.weekdays': {
      const tier = field === 'monthly.weekdays' ? draft.monthly : draft.yearly;
      const what = field === 'monthly.weekdays' ? 'monthly' : 'yearly';
      if (tier.weekdays.length === 0) return 'Choose at least one day of the week.';
      return `A weekly backup runs only on ${draft.scheduleDays.join(', ')}, so ${what} points can only be kept from those days.`;
    }
    case 'monthly.weeks':
    case 'yearly.weeks':
      return 'Choose at least one week of the month.';
    case 'monthly.daysOfMonth':
    case 'yearly.daysOfMonth':
      return 'Choose at least one day of the month.';
    case 'monthly.format':
    case 'yearly.format':
      return weeklySchedule
        ? 'With a weekly backup, keep these points by weekday (for example the first Sunday), not by date.'
        : problem.message;
    case 'yearly.months':
      return 'Choose at least one month.';
    case 'name':
    case 'policy':
      return problem.message;
  }
}

/**
 * Everything wrong with a draft, by field, before anything is sent: the name rules and uniqueness in the
 * vault (Azure compares policy names case-insensitively), then the policy rules run on the very body that
 * would be sent.
 */
export function draftProblems(draft: PolicyDraft, payload: VmPolicyPayload, existingNames: readonly string[]): DraftProblems {
  const result: DraftProblems = {};
  const add = (field: DraftField, message: string) => {
    const list = (result[field] ??= []);
    if (!list.includes(message)) list.push(message);
  };
  for (const problem of policyNameProblems(draft.name)) add('name', problem.message);
  const taken = existingNames.find((name) => name.toLowerCase() === draft.name.toLowerCase());
  if (taken !== undefined && draft.name !== '') {
    add('name', `The vault already has a policy named "${taken}". Choose another name, or pick that policy from the list.`);
  }
  for (const problem of policyProblems(payload.properties)) {
    const field = fieldOfProblem(problem.field);
    add(field, messageFor(field, problem, draft));
  }
  return result;
}

export const problemCount = (problems: DraftProblems): number =>
  Object.values(problems).reduce((sum, list) => sum + list.length, 0);
