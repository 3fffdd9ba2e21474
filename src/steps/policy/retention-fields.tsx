import { Checkbox, Dropdown, Field, Option, makeStyles, tokens } from '@fluentui/react-components';
import { LIMITS, MONTHS } from '../../shared/policy-rules.ts';
import type { CalendarDraft, PolicyDraft } from '../../store/policy-draft.ts';
import { listInWords } from '../../plan/describe-policy.ts';
import { CalendarFields } from './calendar-fields.tsx';
import { ChoiceGroup, fieldValidation, NumberField, type DraftPartProps } from './form-parts.tsx';
import { WEEKDAY_OPTIONS } from './schedule-fields.tsx';
import { effectiveFrequency } from './to-policy-resource.ts';

const useStyles = makeStyles({
  tier: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    paddingLeft: tokens.spacingHorizontalXXL,
    borderLeft: `2px solid ${tokens.colorNeutralStroke2}`,
    marginLeft: tokens.spacingHorizontalS,
  },
  dropdown: { maxWidth: '420px' },
});

const range = (limits: { min: number; max: number }, unit: string) => `${limits.min} to ${limits.max} ${unit}.`;

/** How long points are kept: daily, weekly, monthly and yearly, each with Azure's limits. */
export function RetentionFields({ draft, problems, update }: DraftPartProps) {
  const styles = useStyles();
  const weeklySchedule = effectiveFrequency(draft) === 'Weekly';
  const monthly = (change: Partial<CalendarDraft>) => update({ monthly: { ...draft.monthly, ...change } });
  const yearly = (change: Partial<PolicyDraft['yearly']>) => update({ yearly: { ...draft.yearly, ...change } });
  const weekly = (change: Partial<PolicyDraft['weekly']>) => update({ weekly: { ...draft.weekly, ...change } });

  return (
    <>
      {!weeklySchedule && (
        <NumberField
          label="Keep daily backup points for"
          unit="days"
          hint={range(LIMITS.daily, 'days')}
          value={draft.dailyCount}
          onChange={(dailyCount) => update({ dailyCount })}
          problems={problems}
          field="dailyCount"
        />
      )}

      {weeklySchedule ? (
        <NumberField
          label={`Keep weekly backup points (${listInWords(draft.scheduleDays) || 'the backup days'}) for`}
          unit="weeks"
          hint={`A weekly backup keeps its points from the days it runs on. ${range(LIMITS.weekly, 'weeks')}`}
          value={draft.weekly.count}
          onChange={(count) => weekly({ count })}
          problems={problems}
          field="weekly.count"
        />
      ) : (
        <Checkbox
          label="Keep weekly backup points"
          checked={draft.weekly.enabled}
          onChange={(_, data) => weekly({ enabled: data.checked === true })}
        />
      )}
      {!weeklySchedule && draft.weekly.enabled && (
        <div className={styles.tier}>
          <ChoiceGroup
            label="Weekly points: keep the backup of"
            options={WEEKDAY_OPTIONS}
            chosen={draft.weekly.days}
            onChange={(days) => weekly({ days })}
            messages={problems['weekly.days']}
          />
          <NumberField
            label="Keep weekly backup points for"
            unit="weeks"
            hint={range(LIMITS.weekly, 'weeks')}
            value={draft.weekly.count}
            onChange={(count) => weekly({ count })}
            problems={problems}
            field="weekly.count"
          />
        </div>
      )}

      <Checkbox label="Keep monthly backup points" checked={draft.monthly.enabled} onChange={(_, data) => monthly({ enabled: data.checked === true })} />
      {draft.monthly.enabled && (
        <div className={styles.tier}>
          <CalendarFields tier="monthly" calendar={draft.monthly} change={monthly} problems={problems} weeklySchedule={weeklySchedule} />
          <NumberField
            label="Keep monthly backup points for"
            unit="months"
            hint={range(LIMITS.monthly, 'months')}
            value={draft.monthly.count}
            onChange={(count) => monthly({ count })}
            problems={problems}
            field="monthly.count"
          />
        </div>
      )}

      <Checkbox label="Keep yearly backup points" checked={draft.yearly.enabled} onChange={(_, data) => yearly({ enabled: data.checked === true })} />
      {draft.yearly.enabled && (
        <div className={styles.tier}>
          <Field label="Yearly: months" {...fieldValidation(problems, 'yearly.months')}>
            <Dropdown
              className={styles.dropdown}
              multiselect
              value={draft.yearly.months.join(', ')}
              placeholder="Choose months"
              selectedOptions={draft.yearly.months}
              onOptionSelect={(_, data) => yearly({ months: MONTHS.filter((m) => data.selectedOptions.includes(m)) })}
            >
              {MONTHS.map((month) => (
                <Option key={month} value={month}>
                  {month}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <CalendarFields tier="yearly" calendar={draft.yearly} change={yearly} problems={problems} weeklySchedule={weeklySchedule} />
          <NumberField
            label="Keep yearly backup points for"
            unit="years"
            hint={range(LIMITS.yearly, 'years')}
            value={draft.yearly.count}
            onChange={(count) => yearly({ count })}
            problems={problems}
            field="yearly.count"
          />
        </div>
      )}
    </>
  );
}
