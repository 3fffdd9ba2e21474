import { Dropdown, Field, Option, Radio, RadioGroup, makeStyles } from '@fluentui/react-components';
import { HOURLY_INTERVALS, LIMITS, WEEKDAYS } from '../../shared/policy-rules.ts';
import type { HourlyInterval, PolicyDraft } from '../../store/policy-draft.ts';
import { ChoiceGroup, fieldValidation, type DraftPartProps } from './form-parts.tsx';
import { TimeZonePicker } from './time-zone-picker.tsx';
import { effectiveFrequency } from './to-policy-resource.ts';
import { HALF_HOURS, timeLabel } from './times.ts';

const useStyles = makeStyles({
  dropdown: { width: '240px', minWidth: 0 },
});

const WINDOW_HOURS: readonly number[] = Array.from(
  { length: LIMITS.hourlyWindowHours.max - LIMITS.hourlyWindowHours.min + 1 },
  (_, i) => LIMITS.hourlyWindowHours.min + i,
);

export const WEEKDAY_OPTIONS = WEEKDAYS.map((day) => ({ value: day, label: day }));

const hours = (n: number) => `${n} hour${n === 1 ? '' : 's'}`;

/** How often and when: frequency, days, time (or the hourly window) and the time zone. */
export function ScheduleFields({ draft, problems, update }: DraftPartProps) {
  const styles = useStyles();
  const frequency = effectiveFrequency(draft);
  const frequencies: PolicyDraft['frequency'][] = draft.policyType === 'V2' ? ['Hourly', 'Daily', 'Weekly'] : ['Daily', 'Weekly'];
  const hourly = frequency === 'Hourly';

  return (
    <>
      <Field
        label="Backup frequency"
        {...(draft.policyType === 'V1' ? { hint: 'Hourly backups need an Enhanced policy.' } : {})}
      >
        <RadioGroup
          layout="horizontal"
          value={frequency}
          onChange={(_, data) => update({ frequency: data.value as PolicyDraft['frequency'] })}
        >
          {frequencies.map((f) => (
            <Radio key={f} value={f} label={f} />
          ))}
        </RadioGroup>
      </Field>

      {frequency === 'Weekly' && (
        <ChoiceGroup
          label="Back up on"
          options={WEEKDAY_OPTIONS}
          chosen={draft.scheduleDays}
          onChange={(scheduleDays) => update({ scheduleDays })}
          messages={problems.scheduleDays}
        />
      )}

      {hourly && (
        <Field label="Every" {...fieldValidation(problems, 'hourlyInterval')}>
          <Dropdown
            className={styles.dropdown}
            value={hours(draft.hourlyInterval)}
            selectedOptions={[String(draft.hourlyInterval)]}
            onOptionSelect={(_, data) => data.optionValue && update({ hourlyInterval: Number(data.optionValue) as HourlyInterval })}
          >
            {HOURLY_INTERVALS.map((n) => (
              <Option key={n} value={String(n)}>
                {hours(n)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      <Field
        label={hourly ? 'Start time' : 'Time'}
        hint={hourly ? 'When the first backup of the day runs.' : 'On the hour or half hour, in the time zone below.'}
        {...fieldValidation(problems, 'time')}
      >
        <Dropdown
          className={styles.dropdown}
          value={timeLabel(draft.time)}
          selectedOptions={[draft.time]}
          onOptionSelect={(_, data) => data.optionValue && update({ time: data.optionValue })}
        >
          {HALF_HOURS.map((time) => (
            <Option key={time} value={time}>
              {timeLabel(time)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {hourly && (
        <Field
          label="Duration"
          hint="How long backups keep being taken each day; a multiple of the interval."
          {...fieldValidation(problems, 'hourlyWindowHours')}
        >
          <Dropdown
            className={styles.dropdown}
            value={hours(draft.hourlyWindowHours)}
            selectedOptions={[String(draft.hourlyWindowHours)]}
            onOptionSelect={(_, data) => data.optionValue && update({ hourlyWindowHours: Number(data.optionValue) })}
          >
            {WINDOW_HOURS.map((n) => (
              <Option key={n} value={String(n)}>
                {hours(n)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}

      <TimeZonePicker value={draft.timeZone} onChange={(timeZone) => update({ timeZone })} problems={problems} />
    </>
  );
}
