import { Dropdown, Field, Input, Option, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import type { ResourceGroup } from '../../azure/resource-groups.ts';
import type { VaultDraft } from '../../store/vault-slice.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  lines: { display: 'inline-flex', flexDirection: 'column', verticalAlign: 'top' },
  option: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalL, width: '100%' },
  muted: { color: tokens.colorNeutralForeground3 },
});

type ResourceGroupFieldProps = {
  draft: VaultDraft;
  groups: readonly ResourceGroup[];
  problems: readonly string[];
  showProblems: boolean;
  regionName: (location: string) => string;
  onChange: (change: Partial<VaultDraft>) => void;
};

/** An existing resource group from the list, or a new one (created with the vault, in the vault's region). */
export function ResourceGroupField({ draft, groups, problems, showProblems, regionName, onChange }: ResourceGroupFieldProps) {
  const styles = useStyles();
  const shown = showProblems && problems.length > 0;
  const message = shown ? (
    <span className={styles.lines}>
      {problems.map((problem) => (
        <span key={problem}>{problem}</span>
      ))}
    </span>
  ) : null;
  return (
    <div className={styles.root}>
      <Field label="Resource group">
        <RadioGroup
          layout="horizontal"
          value={draft.resourceGroupMode}
          onChange={(_, data) => onChange({ resourceGroupMode: data.value === 'new' ? 'new' : 'existing' })}
        >
          <Radio value="existing" label="Use an existing resource group" />
          <Radio value="new" label="Create a new resource group" />
        </RadioGroup>
      </Field>
      {draft.resourceGroupMode === 'existing' ? (
        <Field label="Existing resource group" required validationState={shown ? 'error' : 'none'} validationMessage={message}>
          <Dropdown
            placeholder="Choose a resource group"
            value={draft.existingResourceGroup}
            selectedOptions={draft.existingResourceGroup ? [draft.existingResourceGroup] : []}
            onOptionSelect={(_, data) => onChange({ existingResourceGroup: data.optionValue ?? '' })}
          >
            {groups.map((group) => (
              <Option key={group.name} value={group.name} text={group.name}>
                <span className={styles.option}>
                  <span>{group.name}</span>
                  <span className={styles.muted}>{regionName(group.location)}</span>
                </span>
              </Option>
            ))}
          </Dropdown>
        </Field>
      ) : (
        <Field
          label="New resource group name"
          required
          hint="Up to 90 characters: letters, digits, underscores, hyphens, periods and parentheses, not ending with a period. It is created in the vault’s region."
          validationState={shown ? 'error' : 'none'}
          validationMessage={message}
        >
          <Input
            value={draft.newResourceGroup}
            onChange={(_, data) => onChange({ newResourceGroup: data.value })}
            autoComplete="off"
            spellCheck={false}
          />
        </Field>
      )}
    </div>
  );
}
