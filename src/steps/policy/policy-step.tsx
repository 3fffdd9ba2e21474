import { Body1, Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { Add20Regular, ArrowLeft20Regular, ArrowRight20Regular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { VmBackupPolicy, VmPolicyPayload } from '../../azure/policy-types.ts';
import { stepAfter, stepBefore, stepById } from '../../app/steps.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { VisuallyHidden } from '../../components/visually-hidden.tsx';
import { newPolicyDraft } from '../../store/policy-draft.ts';
import { isPolicyOfVault } from '../../store/policy-slice.ts';
import { useWizardStore } from '../../store/store-context.tsx';
import { EnhancedNotice } from './enhanced-notice.tsx';
import { PolicyForm } from './policy-form.tsx';
import { PolicyTable } from './policy-table.tsx';
import { SavedPolicy } from './saved-policy.tsx';
import { useCreatePolicy } from './use-create-policy.ts';
import { useChosenVaultRef, useVmPolicies } from './use-vm-policies.ts';

const useStyles = makeStyles({
  intro: { display: 'block', maxWidth: '70ch', marginBottom: tokens.spacingVerticalXL },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  loading: { padding: tokens.spacingVerticalXXL },
  create: { alignSelf: 'flex-start' },
  footer: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    marginTop: tokens.spacingVerticalXL,
    paddingTop: tokens.spacingVerticalL,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  spacer: { flexGrow: 1 },
  chosen: { color: tokens.colorNeutralForeground2 },
});

const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The Policy step: pick one of the vault's Azure VM policies, or write a new one. */
export function PolicyStep() {
  const styles = useStyles();
  const step = stepById('policy');
  const next = stepAfter('policy');
  const previous = stepBefore('policy');
  const navigate = useNavigate();
  const vault = useChosenVaultRef();
  const { state, retry, reload } = useVmPolicies(vault);
  const chosen = useWizardStore((s) => s.policy.chosen);
  const draft = useWizardStore((s) => s.policy.draft);
  const choosePolicy = useWizardStore((s) => s.choosePolicy);
  const editPolicyDraft = useWizardStore((s) => s.editPolicyDraft);
  const discardPolicyDraft = useWizardStore((s) => s.discardPolicyDraft);
  const creation = useCreatePolicy();
  const [openedNow, setOpenedNow] = useState(false);

  const policies = useMemo(() => (state.status === 'loaded' ? state.data : []), [state]);
  const existingNames = useMemo(() => policies.map((p) => p.name), [policies]);
  const chosenHere = chosen && vault && isPolicyOfVault(chosen.id, vault.id) ? chosen : null;
  const chosenListed = chosenHere !== null && policies.some((p) => sameId(p.id, chosenHere.id));
  const chosenIsGone = state.status === 'loaded' && chosenHere !== null && !chosenListed;
  const canContinue = chosenHere !== null && (state.status !== 'loaded' || chosenListed);
  const chosenPolicy = chosenHere ? policies.find((p) => sameId(p.id, chosenHere.id)) : undefined;
  const chosenIsStandard = chosenPolicy?.properties != null && chosenPolicy.properties.policyType !== 'V2';

  const choose = (policy: VmBackupPolicy) => choosePolicy({ id: policy.id, name: policy.name });

  const submit = async (name: string, payload: VmPolicyPayload) => {
    if (!vault) return;
    const result = await creation.create(vault, name, payload);
    if (result.status === 'created') {
      choose(result.policy);
      discardPolicyDraft();
      reload();
    } else if (result.status === 'exists') {
      reload();
    }
  };

  const status =
    state.status === 'loading'
      ? 'Loading the vault’s policies…'
      : state.status === 'failed'
        ? 'Loading the vault’s policies failed.'
        : state.status === 'loaded'
          ? `${policies.length} ${policies.length === 1 ? 'policy' : 'policies'} found.`
          : '';

  return (
    <section aria-labelledby="page-heading">
      <PageHeading>Choose a backup policy</PageHeading>
      <Body1 as="p" className={styles.intro}>
        {step.description}
      </Body1>
      <VisuallyHidden>
        <span role="status">{status}</span>
      </VisuallyHidden>

      <div className={styles.content}>
        {!vault && (
          <MessageBar intent="warning">
            <MessageBarBody>Choose a vault first.</MessageBarBody>
          </MessageBar>
        )}
        {state.status === 'loading' && <Spinner className={styles.loading} label="Loading the vault’s policies…" />}
        {state.status === 'failed' && <ErrorPanel title="The vault’s policies could not be loaded" error={state.error} onRetry={retry} />}

        {chosenIsGone && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Your saved policy is no longer in the vault</MessageBarTitle>
              {chosenHere.name} was not found among the vault’s policies. Choose another, or create a new one.
            </MessageBarBody>
          </MessageBar>
        )}

        {vault && state.status === 'loaded' && (
          <PolicyTable vaultName={vault.vaultName} policies={policies} chosenId={chosenHere?.id ?? null} onChoose={choose} />
        )}

        {chosenIsStandard && chosenHere && <EnhancedNotice policyName={chosenHere.name} kind="chosen" />}
        {draft && draft.policyType === 'V1' && <EnhancedNotice policyName={draft.name} kind="draft" />}

        {creation.state.status === 'created' && !draft && <SavedPolicy policy={creation.state.policy} />}

        {vault && draft ? (
          <PolicyForm
            draft={draft}
            vault={vault}
            existingNames={existingNames}
            creation={creation.state}
            focusName={openedNow}
            onChange={editPolicyDraft}
            onSubmit={(name, payload) => void submit(name, payload)}
            onCancel={() => {
              discardPolicyDraft();
              creation.reset();
            }}
            onUseExisting={choose}
          />
        ) : (
          vault && (
            <Button
              className={styles.create}
              icon={<Add20Regular />}
              onClick={() => {
                creation.reset();
                setOpenedNow(true);
                editPolicyDraft(newPolicyDraft());
              }}
            >
              Create a new policy
            </Button>
          )
        )}
      </div>

      <div className={styles.footer}>
        {previous && (
          <Button icon={<ArrowLeft20Regular />} onClick={() => void navigate(previous.path)}>
            Back
          </Button>
        )}
        <div className={styles.spacer} />
        {canContinue && <Body1 className={styles.chosen}>Selected: {chosenHere.name}</Body1>}
        {next && (
          <Button
            appearance="primary"
            icon={<ArrowRight20Regular />}
            iconPosition="after"
            disabledFocusable={!canContinue}
            onClick={() => void navigate(next.path)}
          >
            Next
          </Button>
        )}
      </div>
    </section>
  );
}
