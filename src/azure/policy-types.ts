import type { HOURLY_INTERVALS, MONTHS, WEEKDAYS, WEEKS_OF_MONTH } from '../shared/policy-rules.ts';

/*
 * The project's own model of an Azure VM (AzureIaasVM) backup policy, field for field the wire shape that
 * @azure/arm-recoveryservicesbackup sends and reads back (so a value of these types can be handed to the SDK
 * as is). Times are Dates, as the SDK uses them: only the time of day matters, and it is read in UTC terms
 * ("19:00Z" means 19:00 in the policy's timeZone — Azure applies the zone, without daylight saving).
 */

export type Weekday = (typeof WEEKDAYS)[number];
export type WeekOfMonth = (typeof WEEKS_OF_MONTH)[number];
export type MonthOfYear = (typeof MONTHS)[number];
export type HourlyInterval = (typeof HOURLY_INTERVALS)[number];

export type ScheduleV1 = {
  schedulePolicyType: 'SimpleSchedulePolicy';
  scheduleRunFrequency: 'Daily' | 'Weekly';
  scheduleRunDays?: Weekday[];
  scheduleRunTimes: Date[];
};

export type ScheduleV2 = {
  schedulePolicyType: 'SimpleSchedulePolicyV2';
  scheduleRunFrequency: 'Hourly' | 'Daily' | 'Weekly';
  hourlySchedule?: { interval: number; scheduleWindowStartTime: Date; scheduleWindowDuration: number };
  dailySchedule?: { scheduleRunTimes: Date[] };
  weeklySchedule?: { scheduleRunDays: Weekday[]; scheduleRunTimes: Date[] };
};

export type Duration<Unit extends string> = { count: number; durationType: Unit };

/** Monthly and yearly points are kept either on weekdays of given weeks, or on dates of the month. */
export type RetentionFormat =
  | {
      retentionScheduleFormatType: 'Weekly';
      retentionScheduleWeekly: { daysOfTheWeek: Weekday[]; weeksOfTheMonth: WeekOfMonth[] };
    }
  | {
      retentionScheduleFormatType: 'Daily';
      retentionScheduleDaily: { daysOfTheMonth: DayOfMonth[] };
    };

/** A date of the month (1–28), or the month's last day. */
export type DayOfMonth = { date: number; isLast: false } | { date?: number; isLast: true };

export type DailyRetention = { retentionTimes: Date[]; retentionDuration: Duration<'Days'> };
export type WeeklyRetention = { daysOfTheWeek: Weekday[]; retentionTimes: Date[]; retentionDuration: Duration<'Weeks'> };
export type MonthlyRetention = RetentionFormat & { retentionTimes: Date[]; retentionDuration: Duration<'Months'> };
export type YearlyRetention = RetentionFormat & {
  monthsOfYear: MonthOfYear[];
  retentionTimes: Date[];
  retentionDuration: Duration<'Years'>;
};

export type LongTermRetention = {
  retentionPolicyType: 'LongTermRetentionPolicy';
  dailySchedule?: DailyRetention;
  weeklySchedule?: WeeklyRetention;
  monthlySchedule?: MonthlyRetention;
  yearlySchedule?: YearlyRetention;
};

export type VmPolicyProperties = {
  backupManagementType: 'AzureIaasVM';
  /** V1 = Standard, V2 = Enhanced. */
  policyType: 'V1' | 'V2';
  /** A Windows time-zone id, e.g. "Pacific Standard Time". */
  timeZone: string;
  instantRpRetentionRangeInDays: number;
  schedulePolicy: ScheduleV1 | ScheduleV2;
  retentionPolicy: LongTermRetention;
};

/** The body of a policy PUT. */
export type VmPolicyPayload = { properties: VmPolicyProperties };

/** A policy as read from a vault. `properties` is null when its shape is not one this wizard understands. */
export type VmBackupPolicy = {
  id: string;
  name: string;
  protectedItemsCount: number;
  properties: VmPolicyProperties | null;
};

/** Where a vault is: the policy operations are addressed by subscription, resource group and vault name. */
export type VaultRef = { subscriptionId: string; resourceGroup: string; vaultName: string };
