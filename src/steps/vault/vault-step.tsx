import {
  Body1,
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowLeft20Regular, ArrowRight20Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { stepAfter, stepBefore, stepById } from '../../app/steps.ts';
import type { VaultSummary } from '../../azure/vaults.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { VisuallyHidden } from '../../components/visually-hidden.tsx';
import { useWizardStore } from '../../store/store-context.tsx';
import { initialVaultDraft } from '../../store/vault-slice.ts';
import { ExistingVaultTable } from './existing-vault-table.tsx';
import { ProviderRegistration } from './provider-registration.tsx';
import { RegionGuidance } from './region-guidance.tsx';
import { useCreateFormData } from './use-create-form-data.ts';
import { PLAN_API_VERSIONS, useCreateVault } from './use-create-vault.ts';
import { useExistingVaults, useFindVaultByName } from './use-vault-catalog.ts';
import { VaultCreateForm } from './vault-create-form.tsx';
import { progressText, VaultReview } from './vault-review.tsx';
import { buildCreatePlan, defaultRegion, vaultRegions, vmCountsByRegion, vmRegionsSummary } from './vault-rules.ts';

const useStyles = makeStyles({
  intro: { display: 'block', maxWidth: '70ch', marginBottom: tokens.spacingVerticalXL },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  loading: { padding: tokens.spacingVerticalXXL, alignSelf: 'flex-start' },
  footer: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
    marginTop: tokens.spacingVerticalXL,
    paddingTop: tokens.spacingVerticalL,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  footerEnd: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalL },
  chosen: { color: tokens.colorNeutralForeground2 },
  notice: { ':focus': { outline: 'none' }, ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
});

export function VaultStep() {
  const subscriptionId = useWizardStore((s) => s.setup.subscriptionId);
  // The route's loader guarantees a subscription; this only satisfies the types.
  return subscriptionId ? <VaultStepFor subscriptionId={subscriptionId} /> : null;
}

function VaultStepFor({ subscriptionId }: { subscriptionId: string }) {
  const styles = useStyles();
  const step = stepById('vault');
  const next = stepAfter('vault');
  const previous = stepBefore('vault');
  const navigate = useNavigate();
  const subscriptionName = useWizardStore((s) => s.setup.subscriptionName) ?? subscriptionId;
  const vault = useWizardStore((s) => s.vault);
  const chooseVault = useWizardStore((s) => s.chooseVault);
  const confirmSecurity = useWizardStore((s) => s.confirmSecurity);
  const editDraft = useWizardStore((s) => s.editVaultDraft);
  const draft = vault.draft;

  const existing = useExistingVaults(subscriptionId);
  const { regions: regionsQuery, resourceGroups, vms } = useCreateFormData(subscriptionId);
  const create = useCreateVault(subscriptionId);
  const [reviewing, setReviewing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  // A created or adopted vault replaces the form that held the focus: the confirmation takes it (and is read out).
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const vaultList = existing.state.status === 'loaded' ? existing.state.data : null;
  const findVault = useFindVaultByName(vaultList);
  const locations = useMemo(() => (regionsQuery.state.status === 'loaded' ? regionsQuery.state.data.locations : []), [regionsQuery.state]);
  const vmCounts = useMemo(() => vmCountsByRegion(vms.state.status === 'loaded' ? vms.state.data : []), [vms.state]);
  const regions = useMemo(
    () => (regionsQuery.state.status === 'loaded' ? vaultRegions(regionsQuery.state.data.provider, locations, vmCounts) : []),
    [regionsQuery.state, locations, vmCounts],
  );
  const regionName = useCallback(
    (location: string) => locations.find((l) => l.name.toLowerCase() === location.toLowerCase())?.displayName ?? location,
    [locations],
  );
  const vmCountIn = (location: string) => (vms.state.status === 'loaded' ? (vmCounts.get(location.toLowerCase()) ?? 0) : null);
  const location = draft.location || defaultRegion(regions) || '';
  const plan = buildCreatePlan(subscriptionId, draft, location, PLAN_API_VERSIONS);

  const choose = (chosen: VaultSummary, message: string | null) => {
    chooseVault({ id: chosen.id, name: chosen.name, resourceGroup: chosen.resourceGroup, location: chosen.location });
    setNotice(message);
  };
  const adoptVault = (chosen: VaultSummary) => {
    choose(chosen, `Using the existing vault ${chosen.name} (${chosen.resourceGroup}, ${regionName(chosen.location)}). Nothing was created.`);
    editDraft({ mode: 'existing' });
    setReviewing(false);
    create.reset();
  };
  const runCreate = async () => {
    const final = await create.run(plan);
    if (final?.status !== 'created') return;
    // The new vault becomes the choice, and the form is cleared for the next one (the region is kept).
    const { vault: made } = final;
    choose(made, `Vault ${made.name} was created in resource group ${made.resourceGroup} (${regionName(made.location)}).`);
    // After the choice (which resets what belonged to the previous vault): what Azure reports is on record.
    confirmSecurity(made.id, final.security);
    editDraft({ ...initialVaultDraft, mode: 'existing', location: draft.location });
    setReviewing(false);
    create.reset();
    existing.retry();
    if (final.createdResourceGroup) resourceGroups.reload();
  };

  const provider = regionsQuery.state.status === 'loaded' ? regionsQuery.state.data.provider : null;
  const providerRegistered = provider?.registrationState === 'Registered';
  const chosenName = vault.chosen?.name ?? null;

  return (
    <section aria-labelledby="page-heading">
      <PageHeading>Choose or create a vault</PageHeading>
      <Body1 as="p" className={styles.intro}>
        {step.description}
      </Body1>
      <VisuallyHidden>
        <span role="status">
          {existing.state.status === 'loading' ? 'Loading the vaults of this subscription…' : ''}
          {create.state.status === 'running' ? progressText(create.state, plan) : ''}
        </span>
      </VisuallyHidden>

      <div className={styles.content}>
        {notice && (
          <div tabIndex={-1} ref={noticeRef} className={styles.notice} role="group" aria-label="Vault chosen">
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>{notice}</MessageBarBody>
            </MessageBar>
          </div>
        )}

        {vms.state.status === 'loaded' && (
          <RegionGuidance regions={vmRegionsSummary(vmCounts, locations, regions)} />
        )}
        {vms.state.status === 'failed' && (
          <ErrorPanel title="Where your virtual machines run could not be read" error={vms.state.error} onRetry={vms.retry} />
        )}

        <Field label="How do you want to get a vault?">
          <RadioGroup
            value={draft.mode}
            disabled={create.state.status === 'running'}
            onChange={(_, data) => editDraft({ mode: data.value === 'new' ? 'new' : 'existing' })}
          >
            <Radio value="existing" label="Use an existing vault" />
            <Radio value="new" label="Create a new vault" />
          </RadioGroup>
        </Field>

        {draft.mode === 'existing' && (
          <>
            {existing.state.status === 'loading' && <Spinner className={styles.loading} label="Loading the vaults…" />}
            {existing.state.status === 'failed' && (
              <ErrorPanel title="The vaults of this subscription could not be loaded" error={existing.state.error} onRetry={existing.retry} />
            )}
            {vaultList && vaultList.length === 0 && (
              <MessageBar intent="info" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>No vaults yet</MessageBarTitle>
                  {subscriptionName} has no Recovery Services vault. Create one in the region of your virtual machines.
                </MessageBarBody>
                <MessageBarActions>
                  <Button onClick={() => editDraft({ mode: 'new' })}>Create a vault</Button>
                </MessageBarActions>
              </MessageBar>
            )}
            {vaultList && vaultList.length > 0 && (
              <ExistingVaultTable
                vaults={vaultList}
                details={existing.details}
                chosenId={vault.chosen?.id ?? null}
                regionName={regionName}
                vmCountIn={vmCountIn}
                onChoose={(chosen) => choose(chosen, null)}
              />
            )}
          </>
        )}

        {draft.mode === 'new' && (
          <>
            {regionsQuery.state.status === 'loading' || resourceGroups.state.status === 'loading' ? (
              <Spinner className={styles.loading} label="Loading regions and resource groups…" />
            ) : null}
            {regionsQuery.state.status === 'failed' && (
              <ErrorPanel title="The regions for vaults could not be loaded" error={regionsQuery.state.error} onRetry={regionsQuery.retry} />
            )}
            {resourceGroups.state.status === 'failed' && (
              <ErrorPanel title="The resource groups could not be loaded" error={resourceGroups.state.error} onRetry={resourceGroups.retry} />
            )}
            {provider && !providerRegistered && (
              <ProviderRegistration
                subscriptionId={subscriptionId}
                subscriptionName={subscriptionName}
                registrationState={provider.registrationState}
                onChanged={regionsQuery.reload}
              />
            )}
            {regionsQuery.state.status === 'loaded' &&
              resourceGroups.state.status === 'loaded' &&
              (reviewing ? (
                <VaultReview
                  plan={plan}
                  subscriptionName={subscriptionName}
                  regionName={regionName}
                  state={create.state}
                  onCreate={() => void runCreate()}
                  onBack={() => {
                    create.reset();
                    setReviewing(false);
                  }}
                  onUseVault={adoptVault}
                />
              ) : (
                <VaultCreateForm
                  subscriptionId={subscriptionId}
                  draft={draft}
                  location={location}
                  regions={regions}
                  resourceGroups={resourceGroups.state.data}
                  providerRegistered={providerRegistered}
                  regionName={regionName}
                  findVault={findVault}
                  onChange={(change) => {
                    setNotice(null);
                    editDraft(change);
                  }}
                  onUseVault={adoptVault}
                  onReview={() => {
                    create.reset();
                    setReviewing(true);
                  }}
                />
              ))}
          </>
        )}
      </div>

      <div className={styles.footer}>
        {previous ? (
          <Button icon={<ArrowLeft20Regular />} onClick={() => void navigate(previous.path)}>
            Back
          </Button>
        ) : (
          <span />
        )}
        {next && (
          <div className={styles.footerEnd}>
            {chosenName && <Body1 className={styles.chosen}>Selected: {chosenName}</Body1>}
            <Button
              appearance="primary"
              icon={<ArrowRight20Regular />}
              iconPosition="after"
              disabledFocusable={!chosenName || create.state.status === 'running'}
              onClick={() => void navigate(next.path)}
            >
              Next
            </Button>
          </div>
        )}
      </div>
    </section>
  );
}
