import { Body1, Button, Field, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowRight20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useArmGateway } from '../../azure/gateway-context.tsx';
import { toAzureError, type AzureError } from '../../azure/errors.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { useArmQuery } from '../../components/use-arm-query.ts';
import { deriveProgressFromVault, type DerivedProgress } from '../../plan/derive-progress.ts';
import { useWizardStore, useWizardStoreApi } from '../../store/store-context.tsx';
import { firstUnfinishedStep } from '../steps.ts';
import { applyDerivedProgress } from './apply-derived.ts';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '560px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

type Reading = { status: 'idle' } | { status: 'reading' } | { status: 'failed'; error: AzureError } | { status: 'read'; derived: DerivedProgress };

/**
 * Picks a vault and works out from ARM how far its setup got (replication, policy, protected VMs), so a setup
 * started in another browser, or by someone else, is finished here.
 */
export function ContinueFromVault() {
  const styles = useStyles();
  const gateway = useArmGateway();
  const store = useWizardStoreApi();
  const navigate = useNavigate();
  const savedSubscription = useWizardStore((s) => s.setup.subscriptionId);
  const [subscriptionId, setSubscriptionId] = useState<string>(savedSubscription ?? '');
  const [vaultId, setVaultId] = useState('');
  const [reading, setReading] = useState<Reading>({ status: 'idle' });

  const subscriptions = useArmQuery('subscriptions', () => gateway.listSubscriptions());
  const enabled = subscriptions.state.status === 'loaded' ? subscriptions.state.data.filter((s) => s.state === 'Enabled') : [];
  const chosenSubscription = enabled.find((s) => s.subscriptionId === subscriptionId) ?? (enabled.length === 1 ? enabled[0] : undefined);
  const vaults = useArmQuery(chosenSubscription ? `vaults|${chosenSubscription.subscriptionId}` : null, () =>
    gateway.listVaults(chosenSubscription?.subscriptionId ?? ''),
  );
  const vaultList = vaults.state.status === 'loaded' ? vaults.state.data : [];
  const vault = vaultList.find((v) => v.id === vaultId);

  const read = async () => {
    if (!vault || !chosenSubscription) return;
    setReading({ status: 'reading' });
    try {
      const ref = { subscriptionId: chosenSubscription.subscriptionId, resourceGroup: vault.resourceGroup, vaultName: vault.name };
      const [storageConfig, policies, protectedVms] = await Promise.all([
        gateway.getStorageConfig(ref.subscriptionId, ref.resourceGroup, ref.vaultName),
        gateway.listVmPolicies(ref),
        gateway.listProtectedVms(ref),
      ]);
      const derived = deriveProgressFromVault({
        vault: { id: vault.id, name: vault.name, resourceGroup: vault.resourceGroup, location: vault.location },
        storageConfig,
        policies,
        protectedVms,
      });
      setReading({ status: 'read', derived });
    } catch (error) {
      setReading({ status: 'failed', error: toAzureError(error) });
    }
  };

  const carryOn = (derived: DerivedProgress) => {
    if (!chosenSubscription) return;
    applyDerivedProgress(store, { id: chosenSubscription.subscriptionId, name: chosenSubscription.displayName }, derived);
    void navigate(firstUnfinishedStep(store.getState()).path);
  };

  if (subscriptions.state.status === 'loading') return <Spinner size="small" label="Loading your subscriptions…" />;
  if (subscriptions.state.status === 'failed') {
    return <ErrorPanel title="Your subscriptions could not be loaded" error={subscriptions.state.error} onRetry={subscriptions.retry} />;
  }

  return (
    <div className={styles.form}>
      <Field label="Subscription">
        <Select
          value={chosenSubscription?.subscriptionId ?? ''}
          onChange={(_, data) => {
            setSubscriptionId(data.value);
            setVaultId('');
            setReading({ status: 'idle' });
          }}
        >
          <option value="">Choose a subscription</option>
          {enabled.map((s) => (
            <option key={s.subscriptionId} value={s.subscriptionId}>
              {s.displayName}
            </option>
          ))}
        </Select>
      </Field>
      {vaults.state.status === 'loading' && <Spinner size="small" label="Loading the vaults…" />}
      {vaults.state.status === 'failed' && <ErrorPanel title="The vaults could not be loaded" error={vaults.state.error} onRetry={vaults.retry} />}
      {chosenSubscription && vaults.state.status === 'loaded' && (
        <Field
          label="Vault"
          {...(vaultList.length === 0 ? { validationState: 'warning' as const, validationMessage: 'This subscription has no Recovery Services vault.' } : {})}
        >
          <Select
            value={vaultId}
            onChange={(_, data) => {
              setVaultId(data.value);
              setReading({ status: 'idle' });
            }}
          >
            <option value="">Choose a vault</option>
            {vaultList.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name} ({v.location}, {v.resourceGroup})
              </option>
            ))}
          </Select>
        </Field>
      )}
      <div className={styles.actions}>
        <Button disabledFocusable={!vault || reading.status === 'reading'} onClick={() => void read()}>
          Read progress from this vault
        </Button>
        <span role="status">{reading.status === 'reading' && <Spinner size="tiny" label="Reading the vault from Azure…" />}</span>
      </div>
      {reading.status === 'failed' && <ErrorPanel title="The vault could not be read" error={reading.error} onRetry={() => void read()} />}
      {reading.status === 'read' && (
        <>
          <Body1>From {reading.derived.vault.name}:</Body1>
          <ul className={styles.notes}>
            {reading.derived.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
          <div className={styles.actions}>
            <Button appearance="primary" icon={<ArrowRight20Regular />} iconPosition="after" onClick={() => carryOn(reading.derived)}>
              Use this progress and continue
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
