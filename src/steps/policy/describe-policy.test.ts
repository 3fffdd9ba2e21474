import { describe, expect, it } from 'vitest';
import type { VmPolicyProperties } from '../../azure/policy-types.ts';
import { newPolicyDraft, type PolicyDraft } from '../../store/policy-draft.ts';
import { describePolicy, listInWords, policyFacts } from '../../plan/describe-policy.ts';
import { toPolicyResource } from './to-policy-resource.ts';

const base = newPolicyDraft();
const describeDraft = (change: Partial<PolicyDraft>) => describePolicy(toPolicyResource({ ...base, ...change }).properties);

describe('describePolicy', () => {
  it('says DefaultPolicy in one line', () => {
    expect(describeDraft({})).toBe('Daily at 19:00 (UTC), keep daily points 30 days, instant restore 2 days');
  });

  it('describes a weekly Standard policy with weekly and monthly points', () => {
    expect(
      describeDraft({
        frequency: 'Weekly',
        scheduleDays: ['Sunday', 'Wednesday'],
        timeZone: 'Pacific Standard Time',
        instantRestoreDays: '5',
        weekly: { ...base.weekly, count: '12' },
        monthly: { ...base.monthly, enabled: true, weekdays: ['Sunday'], weeks: ['First'], count: '12' },
      }),
    ).toBe(
      'Weekly on Sunday and Wednesday at 19:00 (Pacific Standard Time), keep weekly points (Sunday and Wednesday) 12 weeks, monthly points (first Sunday) 12 months, instant restore 5 days',
    );
  });

  it('describes an Enhanced hourly policy', () => {
    expect(describeDraft({ policyType: 'V2', frequency: 'Hourly', time: '08:00', hourlyInterval: 4, hourlyWindowHours: 24, instantRestoreDays: '7' })).toBe(
      'Every 4 hours from 08:00 for 24 hours (UTC) · Enhanced, keep daily points 30 days, instant restore 7 days',
    );
  });

  it('describes Enhanced daily and weekly policies', () => {
    expect(describeDraft({ policyType: 'V2', frequency: 'Daily', time: '02:30', dailyCount: '180', instantRestoreDays: '1' })).toBe(
      'Daily at 02:30 (UTC) · Enhanced, keep daily points 180 days, instant restore 1 day',
    );
    expect(describeDraft({ policyType: 'V2', frequency: 'Weekly', scheduleDays: ['Saturday'], weekly: { ...base.weekly, count: '1' } })).toBe(
      'Weekly on Saturday at 19:00 (UTC) · Enhanced, keep weekly points (Saturday) 1 week, instant restore 2 days',
    );
  });

  it('puts every retention tier in words, by weekday or by date', () => {
    expect(
      describeDraft({
        weekly: { enabled: true, days: ['Sunday'], count: '8' },
        monthly: { ...base.monthly, enabled: true, format: 'Daily', daysOfMonth: [1, 15, 'Last'], count: '60' },
        yearly: { ...base.yearly, enabled: true, format: 'Weekly', weeks: ['First', 'Last'], weekdays: ['Sunday', 'Saturday'], months: ['January', 'July'], count: '10' },
      }),
    ).toBe(
      'Daily at 19:00 (UTC), keep daily points 30 days, weekly points (Sunday) 8 weeks, monthly points (days 1 and 15 and the last day) 60 months, yearly points (first and last Sunday and Saturday of January and July) 10 years, instant restore 2 days',
    );
    expect(describeDraft({ monthly: { ...base.monthly, enabled: true, format: 'Daily', daysOfMonth: ['Last'], count: '1' } })).toContain(
      'monthly points (last day) 1 month',
    );
  });

  it('reads times as written, whatever the browser’s own time zone', () => {
    const properties: VmPolicyProperties = {
      ...toPolicyResource(base).properties,
      schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicy', scheduleRunFrequency: 'Daily', scheduleRunTimes: [new Date('2026-01-01T22:30:00Z')] },
    };
    expect(describePolicy(properties)).toMatch(/^Daily at 22:30 \(UTC\)/);
  });
});

describe('policyFacts', () => {
  it('lists each setting, naming the time zone and what is not kept', () => {
    const facts = policyFacts(
      toPolicyResource({ ...base, frequency: 'Weekly', timeZone: 'Pacific Standard Time', instantRestoreDays: '5', monthly: { ...base.monthly, enabled: true, count: '12' } })
        .properties,
    );
    expect(Object.fromEntries(facts.map((f) => [f.label, f.value]))).toEqual({
      'Policy type': 'Standard (V1)',
      Schedule: 'Weekly on Sunday at 19:00',
      'Time zone': 'Pacific Standard Time — (UTC-08:00) Pacific Time (US & Canada)',
      'Instant restore snapshots': '5 days',
      'Daily backup points': 'Not kept',
      'Weekly backup points': 'Sunday, 12 weeks',
      'Monthly backup points': 'first Sunday, 12 months',
      'Yearly backup points': 'Not kept',
    });
  });
});

describe('listInWords', () => {
  it('joins like a sentence', () => {
    expect([[], ['a'], ['a', 'b'], ['a', 'b', 'c']].map(listInWords)).toEqual(['', 'a', 'a and b', 'a, b and c']);
  });
});
