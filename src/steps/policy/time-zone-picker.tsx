import { Combobox, Field, Option, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import { findWindowsTimeZone } from '../../shared/time-zones.ts';
import type { DraftProblems } from './draft-problems.ts';
import { fieldValidation } from './form-parts.tsx';
import { searchTimeZones, timeZoneText } from './time-zone-search.ts';

const useStyles = makeStyles({ combobox: { width: '100%', maxWidth: '520px' } });

type TimeZonePickerProps = {
  value: string;
  onChange: (timeZoneId: string) => void;
  problems: DraftProblems;
};

/**
 * A searchable list of Azure's Windows time-zone ids. Typing filters by id, display name or city; arrow keys
 * and Enter choose. Leaving without choosing puts the chosen zone back in the box.
 */
export function TimeZonePicker({ value, onChange, problems }: TimeZonePickerProps) {
  const styles = useStyles();
  // null: the box shows the chosen zone, and opening it lists every zone.
  const [query, setQuery] = useState<string | null>(null);
  const chosen = findWindowsTimeZone(value);
  const chosenText = chosen ? timeZoneText(chosen) : value;
  const matches = searchTimeZones(query ?? '');

  return (
    <Field
      label="Time zone"
      hint="The schedule's times are in this zone. Azure Backup does not adjust the schedule for daylight saving time: when the clocks change, backups run an hour earlier or later in local time."
      {...fieldValidation(problems, 'timeZone')}
    >
      <Combobox
        className={styles.combobox}
        value={query ?? chosenText}
        selectedOptions={chosen ? [chosen.id] : []}
        placeholder="Type a zone or a city, e.g. Pacific or London"
        // Typing replaces the shown zone: Tab selects it all, and text typed after it (a click leaves the caret at the end) counts alone.
        onFocus={(event) => event.target.select()}
        onChange={(event) => {
          const typed = event.target.value;
          setQuery(query === null && typed.startsWith(chosenText) ? typed.slice(chosenText.length) : typed);
        }}
        onOptionSelect={(_, data) => {
          // Fluent also calls this with no option when typing no longer matches the chosen one; the choice stays until another is picked.
          if (!data.optionValue) return;
          setQuery(null);
          onChange(data.optionValue);
        }}
        onOpenChange={(_, data) => {
          if (!data.open) setQuery(null);
        }}
      >
        {matches.map((zone) => (
          <Option key={zone.id} value={zone.id} text={timeZoneText(zone)}>
            {timeZoneText(zone)}
          </Option>
        ))}
        {matches.length === 0 && (
          <Option key="none" value="" text="" disabled>
            {`No time zone matches "${query ?? ''}"`}
          </Option>
        )}
      </Combobox>
    </Field>
  );
}
