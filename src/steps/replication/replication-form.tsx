import {
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
  Switch,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Save20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { AzureLocation } from '../../azure/locations.ts';
import { storageConfigPatchBody, type VaultStorageConfig } from '../../azure/storage-config.ts';
import { PermissionError } from '../../components/permission-error.tsx';
import { redundancyName } from '../../components/redundancy-names.ts';
import { replicationIsConfirmed, type Redundancy, type ReplicationChoice } from '../../store/replication-slice.ts';
import { useWizardStore } from '../../store/store-context.tsx';
import type { VaultChoice } from '../../store/vault-slice.ts';
import { ConfirmCrrDialog } from './confirm-crr-dialog.tsx';
import {
  choiceProblem,
  initialChoice,
  matchesConfig,
  needsIrreversibleConfirmation,
  normaliseChoice,
  redundancyOptions,
} from './replication-rules.ts';
import { useSaveReplication } from './use-save-replication.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, maxWidth: '760px' },
  option: { display: 'flex', flexDirection: 'column', paddingBottom: tokens.spacingVerticalS },
  description: { color: tokens.colorNeutralForeground2, paddingLeft: '32px', maxWidth: '70ch' },
  reason: { color: tokens.colorPaletteDarkOrangeForeground1, paddingLeft: '32px' },
  crr: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  crrText: { color: tokens.colorNeutralForeground2, maxWidth: '70ch', margin: 0 },
  preview: { margin: 0 },
  json: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    margin: `${tokens.spacingVerticalXS} 0 0`,
    overflowX: 'auto',
  },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

type ReplicationFormProps = {
  subscriptionId: string;
  vault: VaultChoice;
  config: VaultStorageConfig;
  region: AzureLocation | undefined;
  pairedRegionName: string | null;
  /** Called with what Azure read back after a save, and a sentence for the live region. */
  onSaved: (readBack: VaultStorageConfig, announcement: string) => void;
};

const describe = (choice: ReplicationChoice) =>
  `${redundancyName(choice.storageType)}, cross-region restore ${choice.crossRegionRestore ? 'on' : 'off'}`;

/** The choice for an Unlocked vault: redundancy, cross-region restore (GRS only), save, read back. */
export function ReplicationForm({ subscriptionId, vault, config, region, pairedRegionName, onSaved }: ReplicationFormProps) {
  const styles = useStyles();
  const replication = useWizardStore((s) => s.replication);
  const chooseReplication = useWizardStore((s) => s.chooseReplication);
  const confirmReplication = useWizardStore((s) => s.confirmReplication);
  const confirmed = useWizardStore((s) => replicationIsConfirmed(s.replication, vault.id));
  const { state, save } = useSaveReplication(subscriptionId, vault);
  const [confirming, setConfirming] = useState(false);

  const sameVault = replication.vaultId?.toLowerCase() === vault.id.toLowerCase();
  const choice = initialChoice(config, sameVault ? replication.choice : null);
  const options = redundancyOptions(config, region);
  const problem = choiceProblem(choice, options);
  const saving = state.status === 'saving';
  const geo = choice.storageType === 'GeoRedundant';
  // The outcome of the last save, while the choice on screen is still the one saved.
  const justSaved =
    state.status === 'saved' &&
    state.choice.storageType === choice.storageType &&
    state.choice.crossRegionRestore === choice.crossRegionRestore
      ? state
      : null;

  const choose = (next: ReplicationChoice) => chooseReplication(vault.id, normaliseChoice(next));

  const commit = async () => {
    setConfirming(false);
    chooseReplication(vault.id, choice);
    const readBack = await save(choice, config);
    if (!readBack || readBack.storageType === 'Other') return;
    confirmReplication(vault.id, { storageType: readBack.storageType, crossRegionRestore: readBack.crossRegionRestore, locked: readBack.locked });
    onSaved(
      readBack,
      matchesConfig(choice, readBack)
        ? `Saved. Azure reports ${describe({ storageType: readBack.storageType, crossRegionRestore: readBack.crossRegionRestore })}.`
        : 'Azure reports a different setting from the one you chose.',
    );
  };

  const onSave = () => {
    if (problem || saving) return;
    if (needsIrreversibleConfirmation(choice, config)) setConfirming(true);
    else void commit();
  };

  return (
    <div className={styles.root}>
      <Field label="Storage replication">
        <RadioGroup
          value={choice.storageType}
          disabled={saving}
          onChange={(_, data) => choose({ ...choice, storageType: data.value as Redundancy })}
        >
          {options.map((option) => {
            const descriptionId = `replication-${option.value}-description`;
            return (
              <div key={option.value} className={styles.option}>
                <Radio
                  value={option.value}
                  label={option.label}
                  disabled={option.disabledReason !== null}
                  input={{ 'aria-describedby': descriptionId }}
                />
                <Caption1 id={descriptionId} className={styles.description}>
                  {option.description}
                  {option.disabledReason && <span className={styles.reason}> Not available: {option.disabledReason}</span>}
                </Caption1>
              </div>
            );
          })}
        </RadioGroup>
      </Field>

      <div className={styles.crr}>
        <Switch
          label="Cross-region restore"
          checked={geo && choice.crossRegionRestore}
          disabled={!geo || config.crossRegionRestore || saving}
          aria-describedby="crr-description"
          onChange={(_, data) => choose({ ...choice, crossRegionRestore: data.checked })}
        />
        <p id="crr-description" className={styles.crrText}>
          {geo
            ? `Lets you restore in the paired region${pairedRegionName ? ` (${pairedRegionName})` : ''}, for example during an outage of ${region?.displayName ?? 'the vault’s region'}. The paired region’s copy lags by up to about 36 hours (its recovery point objective). Once protection starts it can’t be turned off.`
            : 'Only with geo-redundant storage: cross-region restore uses the copy kept in the paired region.'}
          {config.crossRegionRestore && ' It is already on for this vault and can’t be turned off.'}
        </p>
      </div>

      <details className={styles.preview}>
        <summary>What will be sent</summary>
        <Caption1>
          PATCH …/vaults/{vault.name}/backupstorageconfig/vaultstorageconfig — only if the vault’s current setting (
          {describe({ storageType: config.storageType === 'Other' ? 'GeoRedundant' : config.storageType, crossRegionRestore: config.crossRegionRestore })}) differs; then
          a GET to read it back.
        </Caption1>
        <pre className={styles.json}>{JSON.stringify(storageConfigPatchBody(choice), null, 2)}</pre>
      </details>

      {problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'failed' && (
        <PermissionError
          title={state.stage === 'sending' ? 'The replication could not be saved' : 'The saved replication could not be read back'}
          error={state.error}
          roleAdvice={`Backup Contributor or Contributor on the resource group ${vault.resourceGroup}`}
          onRetry={() => void commit()}
        />
      )}
      {justSaved && (
        <MessageBar intent={matchesConfig(justSaved.choice, justSaved.readBack) ? 'success' : 'warning'} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {matchesConfig(justSaved.choice, justSaved.readBack) ? 'Saved and read back from Azure' : 'Azure reports a different setting'}
            </MessageBarTitle>
            {justSaved.sent ? '' : 'The vault already had this setting, so nothing was changed. '}
            <span>
              Azure now reports:{' '}
              <strong>
                {redundancyName(justSaved.readBack.storageType)}, cross-region restore{' '}
                {justSaved.readBack.crossRegionRestore ? 'on' : 'off'}
              </strong>
              .
            </span>
          </MessageBarBody>
        </MessageBar>
      )}
      {!justSaved && confirmed && (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>Replication is set</MessageBarTitle>
            Azure reported {describe(choice)} when it was saved.
          </MessageBarBody>
        </MessageBar>
      )}

      <div className={styles.actions}>
        <Button appearance="primary" icon={<Save20Regular />} disabledFocusable={saving || problem !== null} onClick={onSave}>
          Save replication
        </Button>
        {saving && <Spinner size="tiny" label={state.stage === 'sending' ? 'Saving…' : 'Reading back…'} />}
      </div>

      <ConfirmCrrDialog
        open={confirming}
        vaultName={vault.name}
        pairedRegion={pairedRegionName}
        onConfirm={() => void commit()}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}
