import { Dropdown, Field, Option, Radio, RadioGroup, makeStyles } from '@fluentui/react-components';
import { WEEKS_OF_MONTH } from '../../shared/policy-rules.ts';
import type { CalendarDraft, DayOfMonthChoice } from '../../store/policy-draft.ts';
import type { DraftProblems } from './draft-problems.ts';
import { ChoiceGroup, fieldValidation } from './form-parts.tsx';
import { WEEKDAY_OPTIONS } from './schedule-fields.tsx';

const useStyles = makeStyles({ dropdown: { maxWidth: '420px' } });

const WEEK_OPTIONS = WEEKS_OF_MONTH.map((week) => ({ value: week, label: week }));
const DAY_CHOICES: readonly DayOfMonthChoice[] = [...Array.from({ length: 28 }, (_, i) => i + 1), 'Last'];
const dayText = (day: DayOfMonthChoice) => (day === 'Last' ? 'Last day' : String(day));

type CalendarFieldsProps = {
  tier: 'monthly' | 'yearly';
  calendar: CalendarDraft;
  change: (change: Partial<CalendarDraft>) => void;
  problems: DraftProblems;
  weeklySchedule: boolean;
};

/** Which backup of the month is kept: by weekday of given weeks ("first Sunday") or by date ("the 1st", "last day"). */
export function CalendarFields({ tier, calendar, change, problems, weeklySchedule }: CalendarFieldsProps) {
  const styles = useStyles();
  const noun = tier === 'monthly' ? 'Monthly' : 'Yearly';
  return (
    <>
      <Field
        label={`${noun} points are kept`}
        {...(weeklySchedule ? { hint: 'With a weekly backup, points are kept by weekday.' } : {})}
        {...fieldValidation(problems, `${tier}.format`)}
      >
        <RadioGroup
          layout="horizontal"
          value={calendar.format}
          onChange={(_, data) => change({ format: data.value === 'Daily' ? 'Daily' : 'Weekly' })}
        >
          <Radio value="Weekly" label="On a weekday (e.g. first Sunday)" />
          <Radio value="Daily" label="On a day of the month" />
        </RadioGroup>
      </Field>
      {calendar.format === 'Weekly' ? (
        <>
          <ChoiceGroup
            label={`${noun}: week of the month`}
            options={WEEK_OPTIONS}
            chosen={calendar.weeks}
            onChange={(weeks) => change({ weeks })}
            messages={problems[`${tier}.weeks`]}
          />
          <ChoiceGroup
            label={`${noun}: day of the week`}
            options={WEEKDAY_OPTIONS}
            chosen={calendar.weekdays}
            onChange={(weekdays) => change({ weekdays })}
            messages={problems[`${tier}.weekdays`]}
          />
        </>
      ) : (
        <Field label={`${noun}: days of the month`} {...fieldValidation(problems, `${tier}.daysOfMonth`)}>
          <Dropdown
            className={styles.dropdown}
            multiselect
            value={calendar.daysOfMonth.map(dayText).join(', ')}
            placeholder="Choose days"
            selectedOptions={calendar.daysOfMonth.map(String)}
            onOptionSelect={(_, data) =>
              change({ daysOfMonth: DAY_CHOICES.filter((day) => data.selectedOptions.includes(String(day))) })
            }
          >
            {DAY_CHOICES.map((day) => (
              <Option key={day} value={String(day)}>
                {dayText(day)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
    </>
  );
}
