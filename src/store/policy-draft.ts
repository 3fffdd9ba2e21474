import { z } from 'zod';
import { HOURLY_INTERVALS, MONTHS, WEEKDAYS, WEEKS_OF_MONTH } from '../shared/policy-rules.ts';

/*
 * The new-policy form as the user filled it in. Numbers the user types are kept as typed (strings), so
 * nothing is lost and a wrong entry can be shown back with its message; the policy step turns a draft
 * into the request body and checks it.
 */

export type Weekday = (typeof WEEKDAYS)[number];
export type WeekOfMonth = (typeof WEEKS_OF_MONTH)[number];
export type MonthName = (typeof MONTHS)[number];
export type HourlyInterval = (typeof HOURLY_INTERVALS)[number];
/** A date of the month (1–28: every month has them) or the month's last day. */
export type DayOfMonthChoice = number | 'Last';

/** Monthly and yearly points: on weekdays of given weeks ("first Sunday"), or on dates ("the 1st"). */
export type CalendarDraft = {
  enabled: boolean;
  format: 'Weekly' | 'Daily';
  weekdays: Weekday[];
  weeks: WeekOfMonth[];
  daysOfMonth: DayOfMonthChoice[];
  count: string;
};

export type PolicyDraft = {
  name: string;
  /** V1 = Standard, V2 = Enhanced. */
  policyType: 'V1' | 'V2';
  frequency: 'Hourly' | 'Daily' | 'Weekly';
  /** Days a weekly schedule runs on. */
  scheduleDays: Weekday[];
  /** "HH:MM" on the hour or half hour: when the backup runs, or when an hourly window starts. */
  time: string;
  hourlyInterval: HourlyInterval;
  hourlyWindowHours: number;
  /** Windows time-zone id. */
  timeZone: string;
  instantRestoreDays: string;
  /** Daily points are kept by daily and hourly schedules (and cannot be by weekly ones). */
  dailyCount: string;
  weekly: { enabled: boolean; days: Weekday[]; count: string };
  monthly: CalendarDraft;
  yearly: CalendarDraft & { months: MonthName[] };
};

/** A new draft: the vault's DefaultPolicy settings (daily at 19:00 UTC, 30 days, 2 days of snapshots). */
export const newPolicyDraft = (): PolicyDraft => ({
  name: '',
  policyType: 'V1',
  frequency: 'Daily',
  scheduleDays: ['Sunday'],
  time: '19:00',
  hourlyInterval: 4,
  hourlyWindowHours: 24,
  timeZone: 'UTC',
  instantRestoreDays: '2',
  dailyCount: '30',
  weekly: { enabled: false, days: ['Sunday'], count: '12' },
  monthly: { enabled: false, format: 'Weekly', weekdays: ['Sunday'], weeks: ['First'], daysOfMonth: [1], count: '60' },
  yearly: {
    enabled: false,
    format: 'Weekly',
    weekdays: ['Sunday'],
    weeks: ['First'],
    daysOfMonth: [1],
    months: ['January'],
    count: '10',
  },
});

const weekday = z.enum(WEEKDAYS);
const calendar = {
  enabled: z.boolean(),
  format: z.enum(['Weekly', 'Daily']),
  weekdays: z.array(weekday),
  weeks: z.array(z.enum(WEEKS_OF_MONTH)),
  daysOfMonth: z.array(z.union([z.number().int().min(1).max(28), z.literal('Last')])),
  count: z.string().max(20),
};

/** What may be read back from storage as a draft. */
export const policyDraftSchema = z.object({
  name: z.string().max(300),
  policyType: z.enum(['V1', 'V2']),
  frequency: z.enum(['Hourly', 'Daily', 'Weekly']),
  scheduleDays: z.array(weekday),
  time: z.string().regex(/^([01]\d|2[0-3]):(00|30)$/),
  hourlyInterval: z.union(HOURLY_INTERVALS.map((n) => z.literal(n))),
  hourlyWindowHours: z.number().int().min(1).max(24),
  timeZone: z.string().max(100),
  instantRestoreDays: z.string().max(20),
  dailyCount: z.string().max(20),
  weekly: z.object({ enabled: z.boolean(), days: z.array(weekday), count: z.string().max(20) }),
  monthly: z.object(calendar),
  yearly: z.object({ ...calendar, months: z.array(z.enum(MONTHS)) }),
}) satisfies z.ZodType<PolicyDraft>;
