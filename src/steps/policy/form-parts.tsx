import { Caption1, Checkbox, Input, Label, makeStyles, tokens, Field } from '@fluentui/react-components';
import { ErrorCircle12Filled } from '@fluentui/react-icons';
import { useId } from 'react';
import type { PolicyDraft } from '../../store/policy-draft.ts';
import type { DraftField, DraftProblems } from './draft-problems.ts';

/** What every part of the form gets: the draft, its problems by field, and a way to change it. */
export type DraftPartProps = {
  draft: PolicyDraft;
  problems: DraftProblems;
  update: (change: Partial<PolicyDraft>) => void;
};

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, border: 'none', margin: 0, padding: 0, minWidth: 0 },
  options: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3 },
  error: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorPaletteRedForeground1,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  errorIcon: { flexShrink: 0, marginTop: '2px' },
  number: { maxWidth: '180px' },
});

/** Each message on its own line (inline breaks, so Fluent's error icon stays beside the first). */
function Messages({ messages }: { messages: readonly string[] }) {
  return (
    <>
      {messages.map((message, i) => (
        <span key={message}>
          {i > 0 && <br />}
          {message}
        </span>
      ))}
    </>
  );
}

/** Props that make a Fluent Field show the problems of `field` next to its control (and tie them to it). */
export function fieldValidation(problems: DraftProblems, field: DraftField) {
  const messages = problems[field] ?? [];
  return messages.length > 0 ? { validationState: 'error' as const, validationMessage: <Messages messages={messages} /> } : {};
}

type NumberFieldProps = {
  label: string;
  unit: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  problems: DraftProblems;
  field: DraftField;
};

/** A whole number typed as text, kept exactly as typed so a wrong entry is shown back with its message. */
export function NumberField({ label, unit, hint, value, onChange, problems, field }: NumberFieldProps) {
  const styles = useStyles();
  return (
    <Field label={label} hint={hint} {...fieldValidation(problems, field)}>
      <Input
        className={styles.number}
        inputMode="numeric"
        value={value}
        contentAfter={<span aria-hidden>{unit}</span>}
        onChange={(_, data) => onChange(data.value)}
      />
    </Field>
  );
}

type ChoiceGroupProps<T extends string | number> = {
  label: string;
  options: readonly { value: T; label: string }[];
  chosen: readonly T[];
  onChange: (chosen: T[]) => void;
  hint?: string;
  messages?: readonly string[] | undefined;
};

/** A labelled group of checkboxes (days, weeks) with its hint and problems announced with the group. */
export function ChoiceGroup<T extends string | number>({ label, options, chosen, onChange, hint, messages = [] }: ChoiceGroupProps<T>) {
  const styles = useStyles();
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', messages.length > 0 ? `${id}-error` : ''].filter(Boolean).join(' ');
  const toggle = (value: T, on: boolean) =>
    onChange(options.map((o) => o.value).filter((v) => (v === value ? on : chosen.includes(v))));
  return (
    <div role="group" aria-labelledby={`${id}-label`} {...(describedBy ? { 'aria-describedby': describedBy } : {})} className={styles.group}>
      <Label id={`${id}-label`}>{label}</Label>
      <div className={styles.options}>
        {options.map((option) => (
          <Checkbox
            key={option.value}
            label={option.label}
            checked={chosen.includes(option.value)}
            onChange={(_, data) => toggle(option.value, data.checked === true)}
          />
        ))}
      </div>
      {messages.length > 0 && (
        <div id={`${id}-error`} className={styles.error}>
          <ErrorCircle12Filled className={styles.errorIcon} aria-hidden />
          <div>
            <Messages messages={messages} />
          </div>
        </div>
      )}
      {hint && (
        <Caption1 id={`${id}-hint`} className={styles.hint}>
          {hint}
        </Caption1>
      )}
    </div>
  );
}
