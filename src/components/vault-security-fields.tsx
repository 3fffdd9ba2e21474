import { Caption1, Checkbox, Field, Input, Radio, RadioGroup, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { CLASSIC_ALERTS_NOTE, SECURITY_DOORS } from '../plan/security-words.ts';
import { AZURE_DEFAULT_SECURITY, SOFT_DELETE_RETENTION_DAYS, lockedSettings, type VaultSecurity } from '../shared/vault-security.ts';
import type { SecurityDraft, SecurityDraftProblems } from '../store/security-draft.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, border: 'none', margin: 0, padding: 0 },
  legend: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalS, padding: 0 },
  text: { color: tokens.colorNeutralForeground2, maxWidth: '70ch', margin: 0 },
  retention: { maxWidth: '12ch' },
  door: { color: tokens.colorPaletteDarkOrangeForeground1, maxWidth: '70ch' },
});

type VaultSecurityFieldsProps = {
  draft: SecurityDraft;
  /** What the vault has now; null for a vault still to be created (Azure's defaults apply). */
  current: VaultSecurity | null;
  /** Shown as soon as there is one: every rule here is checked as the user changes a setting. */
  problems: SecurityDraftProblems;
  disabled?: boolean;
  onChange: (change: Partial<SecurityDraft>) => void;
};

const defaultMark = (isDefault: boolean) => (isDefault ? ' — Azure’s default' : '');

/**
 * Soft delete, immutability, cross-subscription restore, public network access and job-failure alerts, in
 * plain words, with Azure's defaults marked. What is already irreversible on the vault can't be chosen away.
 */
export function VaultSecurityFields({ draft, current, problems, disabled = false, onChange }: VaultSecurityFieldsProps) {
  const styles = useStyles();
  const locked = new Set(current ? lockedSettings(current) : []);
  const d = AZURE_DEFAULT_SECURITY;
  const { min, max } = SOFT_DELETE_RETENTION_DAYS;
  const retentionProblem = problems.softDeleteRetentionDays;
  return (
    <fieldset className={styles.root} disabled={disabled}>
      <legend className={styles.legend}>Security</legend>

      <p className={styles.text}>
        Soft delete is on: backup data that is deleted is kept for the retention below before it is gone for good.
        Azure keeps soft delete on for every Recovery Services vault (secure by default); it can’t be turned off.
      </p>
      <Field
        label={`Soft delete retention (days, ${min}–${max})`}
        hint={`${d.softDeleteRetentionDays} days is Azure’s default and costs nothing extra; longer retention is charged.`}
        validationMessage={retentionProblem ?? null}
        validationState={retentionProblem ? 'error' : 'none'}
      >
        <Input
          className={styles.retention}
          inputMode="numeric"
          value={draft.softDeleteRetentionDays}
          aria-invalid={retentionProblem ? true : undefined}
          onChange={(_, data) => onChange({ softDeleteRetentionDays: data.value })}
        />
      </Field>
      <Field validationMessage={problems.softDeleteState ?? null} validationState={problems.softDeleteState ? 'error' : 'none'}>
        <Checkbox
          label="Make soft delete always on (can’t be undone)"
          checked={draft.softDeleteState === 'AlwaysON'}
          disabled={locked.has('softDeleteAlwaysOn')}
          onChange={(_, data) => onChange({ softDeleteState: data.checked === true ? 'AlwaysON' : 'Enabled' })}
        />
      </Field>
      {draft.softDeleteState === 'AlwaysON' && <Caption1 className={styles.door}>{SECURITY_DOORS.softDeleteAlwaysOn}</Caption1>}

      <Field
        label="Immutability"
        hint="Immutable vaults refuse anything that would lose recovery points before they expire, such as stopping protection and deleting the data, or cutting retention."
        validationMessage={problems.immutability ?? null}
        validationState={problems.immutability ? 'error' : 'none'}
      >
        <RadioGroup
          value={draft.immutability}
          disabled={locked.has('immutabilityLocked')}
          onChange={(_, data) => onChange({ immutability: data.value as SecurityDraft['immutability'] })}
        >
          <Radio value="Disabled" label={`Off${defaultMark(d.immutability === 'Disabled')}`} />
          <Radio value="Unlocked" label="On, can still be turned off" />
          <Radio value="Locked" label="On and locked (can’t be undone)" />
        </RadioGroup>
      </Field>
      {draft.immutability === 'Locked' && <Caption1 className={styles.door}>{SECURITY_DOORS.immutabilityLocked}</Caption1>}

      <Field
        label="Cross-subscription restore"
        hint="Whether backups of this vault may be restored into another subscription of the tenant."
        validationMessage={problems.crossSubscriptionRestore ?? null}
        validationState={problems.crossSubscriptionRestore ? 'error' : 'none'}
      >
        <RadioGroup
          value={draft.crossSubscriptionRestore}
          disabled={locked.has('crossSubscriptionRestorePermanentlyDisabled')}
          onChange={(_, data) => onChange({ crossSubscriptionRestore: data.value as SecurityDraft['crossSubscriptionRestore'] })}
        >
          <Radio value="Enabled" label={`Allowed${defaultMark(d.crossSubscriptionRestore === 'Enabled')}`} />
          <Radio value="Disabled" label="Not allowed" />
          <Radio value="PermanentlyDisabled" label="Permanently not allowed (can’t be undone)" />
        </RadioGroup>
      </Field>
      {draft.crossSubscriptionRestore === 'PermanentlyDisabled' && (
        <Caption1 className={styles.door}>{SECURITY_DOORS.crossSubscriptionRestorePermanentlyDisabled}</Caption1>
      )}

      <Field label="Public network access" hint="With private endpoints only, the vault is reached through private endpoints you set up separately.">
        <RadioGroup value={draft.publicNetworkAccess} onChange={(_, data) => onChange({ publicNetworkAccess: data.value as SecurityDraft['publicNetworkAccess'] })}>
          <Radio value="Enabled" label={`Allowed${defaultMark(d.publicNetworkAccess === 'Enabled')}`} />
          <Radio value="Disabled" label="Private endpoints only" />
        </RadioGroup>
      </Field>

      <Field hint={`On is Azure’s default. ${CLASSIC_ALERTS_NOTE}`}>
        <Switch
          label="Azure Monitor alert for every failed backup job"
          checked={draft.jobFailureAlerts === 'Enabled'}
          onChange={(_, data) => onChange({ jobFailureAlerts: data.checked ? 'Enabled' : 'Disabled' })}
        />
      </Field>
    </fieldset>
  );
}
