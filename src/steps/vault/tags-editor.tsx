import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { Add20Regular, Delete20Regular } from '@fluentui/react-icons';
import type { TagRow } from '../../store/vault-slice.ts';
import { TAG_KEY_MAX, TAG_VALUE_MAX, type TagProblem } from './vault-rules.ts';

const useStyles = makeStyles({
  fieldset: { border: 'none', margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  hint: { margin: `0 0 ${tokens.spacingVerticalS}`, color: tokens.colorNeutralForeground3 },
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr) auto',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
    marginBottom: tokens.spacingVerticalS,
  },
  remove: { marginTop: '26px' },
});

type TagsEditorProps = {
  tags: readonly TagRow[];
  problems: readonly TagProblem[];
  /** Whether to show problems of rows still being typed in (after a submit attempt: yes). */
  showAll: boolean;
  onChange: (tags: TagRow[]) => void;
};

function messages(problems: readonly TagProblem[], index: number, field: TagProblem['field']) {
  const found = problems.filter((p) => p.index === index && p.field === field).map((p) => p.message);
  return found.length === 0 ? null : found.join(' ');
}

/** Optional tags as name/value rows, each checked against Azure's tag rules as typed. */
export function TagsEditor({ tags, problems, showAll, onChange }: TagsEditorProps) {
  const styles = useStyles();
  const update = (index: number, change: Partial<TagRow>) =>
    onChange(tags.map((tag, i) => (i === index ? { ...tag, ...change } : tag)));
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>Tags (optional)</legend>
      <p className={styles.hint}>
        Name/value pairs that help you find and bill the vault. Names: up to {TAG_KEY_MAX} characters, none of {'< > % & \\ ? /'}; values: up to{' '}
        {TAG_VALUE_MAX} characters.
      </p>
      {tags.map((tag, index) => {
        const n = index + 1;
        const touched = showAll || tag.key !== '' || tag.value !== '';
        const keyError = touched ? messages(problems, index, 'key') : null;
        const valueError = touched ? messages(problems, index, 'value') : null;
        return (
          <div className={styles.row} key={index}>
            <Field label={`Tag ${n} name`} validationMessage={keyError} validationState={keyError ? 'error' : 'none'}>
              <Input value={tag.key} onChange={(_, data) => update(index, { key: data.value })} />
            </Field>
            <Field label={`Tag ${n} value`} validationMessage={valueError} validationState={valueError ? 'error' : 'none'}>
              <Input value={tag.value} onChange={(_, data) => update(index, { value: data.value })} />
            </Field>
            <Button
              className={styles.remove}
              appearance="subtle"
              icon={<Delete20Regular />}
              aria-label={`Remove tag ${n}`}
              onClick={() => onChange(tags.filter((_, i) => i !== index))}
            />
          </div>
        );
      })}
      <Button icon={<Add20Regular />} onClick={() => onChange([...tags, { key: '', value: '' }])}>
        Add a tag
      </Button>
    </fieldset>
  );
}
