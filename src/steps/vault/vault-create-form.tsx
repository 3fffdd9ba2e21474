import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { ClipboardTaskListLtr20Regular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import type { ResourceGroup } from '../../azure/resource-groups.ts';
import type { VaultSummary } from '../../azure/vaults.ts';
import { VaultSecurityFields } from '../../components/vault-security-fields.tsx';
import { securityDraftProblems } from '../../store/security-draft.ts';
import type { VaultDraft } from '../../store/vault-slice.ts';
import { NameField, nameVerdict } from './name-field.tsx';
import { RegionField } from './region-field.tsx';
import { ResourceGroupField } from './resource-group-field.tsx';
import { TagsEditor } from './tags-editor.tsx';
import { useNameAvailability } from './use-name-availability.ts';
import { formProblems, hasProblems, targetResourceGroup, type FormProblems, type VaultRegion } from './vault-rules.ts';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, maxWidth: '720px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
});

type VaultCreateFormProps = {
  subscriptionId: string;
  draft: VaultDraft;
  /** The region the form shows: the draft's, else the default (most VMs). */
  location: string;
  regions: readonly VaultRegion[];
  resourceGroups: readonly ResourceGroup[];
  providerRegistered: boolean;
  regionName: (location: string) => string;
  findVault: (name: string) => VaultSummary | null;
  onChange: (change: Partial<VaultDraft>) => void;
  onUseVault: (vault: VaultSummary) => void;
  onReview: () => void;
};

function countProblems(problems: FormProblems, nameBlocked: boolean): number {
  return Object.values(problems).reduce((sum: number, list: readonly unknown[]) => sum + list.length, 0) + (nameBlocked ? 1 : 0);
}

/**
 * The create form. Each field says what is wrong as it is typed; "Review + create" with anything wrong shows
 * every problem and moves focus to the first, and sends nothing.
 */
export function VaultCreateForm(props: VaultCreateFormProps) {
  const { subscriptionId, draft, location, regions, resourceGroups, providerRegistered, regionName, findVault, onChange } = props;
  const styles = useStyles();
  const formRef = useRef<HTMLFormElement>(null);
  const [submitted, setSubmitted] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);

  const problems = formProblems(draft, location, { existingResourceGroups: resourceGroups, regions, providerRegistered });
  const resourceGroup = targetResourceGroup(draft);
  // checkNameAvailability's URL needs an existing group; a new group does not exist yet, and the answer is
  // subscription-wide, so any existing group of the subscription serves.
  const scopeResourceGroup = draft.resourceGroupMode === 'existing' ? draft.existingResourceGroup : (resourceGroups[0]?.name ?? '');
  const canCheck = problems.name.length === 0 && problems.resourceGroup.length === 0 && problems.location.length === 0 && scopeResourceGroup !== '';
  const availability = useNameAvailability(canCheck ? { subscriptionId, name: draft.name, scopeResourceGroup, location } : null);
  const verdict = nameVerdict(availability, draft.name, { resourceGroup, location }, findVault, regionName);
  const nameBlocked = verdict.kind === 'taken';
  const invalid = hasProblems(problems) || nameBlocked;

  useEffect(() => {
    if (focusRequest === 0) return;
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    first?.focus();
  }, [focusRequest]);

  const review = () => {
    if (invalid) {
      setSubmitted(true);
      setFocusRequest((n) => n + 1);
      return;
    }
    props.onReview();
  };

  return (
    <form
      ref={formRef}
      className={styles.form}
      aria-label="Create a vault"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        review();
      }}
    >
      {submitted && invalid && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>Nothing was sent</MessageBarTitle>
            Correct the {countProblems(problems, nameBlocked) === 1 ? 'problem' : `${countProblems(problems, nameBlocked)} problems`} shown
            below, then choose Review + create again.
            {problems.provider.length > 0 && ` ${problems.provider.join(' ')}`}
          </MessageBarBody>
        </MessageBar>
      )}
      <NameField
        value={draft.name}
        problems={problems.name}
        showProblems={submitted || draft.name !== ''}
        verdict={verdict}
        regionName={regionName}
        onChange={(name) => onChange({ name })}
        onUseVault={props.onUseVault}
      />
      <ResourceGroupField
        draft={draft}
        groups={resourceGroups}
        problems={problems.resourceGroup}
        showProblems={submitted || (draft.resourceGroupMode === 'new' && draft.newResourceGroup !== '')}
        regionName={regionName}
        onChange={onChange}
      />
      <RegionField
        regions={regions}
        value={location}
        problems={problems.location}
        showProblems={submitted}
        onChange={(next) => onChange({ location: next })}
      />
      <TagsEditor tags={draft.tags} problems={problems.tags} showAll={submitted} onChange={(tags) => onChange({ tags })} />
      <VaultSecurityFields
        draft={draft.security}
        current={null}
        problems={securityDraftProblems(draft.security, null)}
        onChange={(change) => onChange({ security: { ...draft.security, ...change } })}
      />
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" icon={<ClipboardTaskListLtr20Regular />}>
          Review + create
        </Button>
      </div>
    </form>
  );
}
