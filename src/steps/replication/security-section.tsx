import { Body1, Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { Save20Regular, ShieldLock20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useArmGateway } from '../../azure/gateway-context.tsx';
import type { MultiUserAuthorization } from '../../azure/resource-guard.ts';
import { ConfirmOneWay } from '../../components/confirm-one-way.tsx';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { PermissionError } from '../../components/permission-error.tsx';
import { useArmQuery } from '../../components/use-arm-query.ts';
import { VaultSecurityFields } from '../../components/vault-security-fields.tsx';
import { multiUserAuthorizationWords, SECURITY_FIELDS, SECURITY_LABELS, securityValue } from '../../plan/security-words.ts';
import { newOneWaySettings, type VaultSecurity } from '../../shared/vault-security.ts';
import { securityChoiceFor } from '../../store/replication-slice.ts';
import { draftFromSecurity, sameSecurity, securityDraftProblems, securityFromDraft } from '../../store/security-draft.ts';
import { useWizardStore } from '../../store/store-context.tsx';
import type { VaultChoice } from '../../store/vault-slice.ts';
import { useSaveSecurity } from './use-save-security.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '760px', paddingTop: tokens.spacingVerticalXL, borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  mua: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start', maxWidth: '70ch' },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
});

/** The read-only multi-user authorization line, with what it means. */
function multiUserAuthorizationText(mua: MultiUserAuthorization): string {
  const words = multiUserAuthorizationWords(mua);
  if (mua.state === 'protected') return `${words}. Critical operations, such as deleting backup data or weakening these settings, need that guard’s owner to approve them.`;
  return mua.state === 'notProtected' ? `${words}: anyone allowed to change the vault can make critical changes alone.` : `${words}.`;
}

/** What differs between what was asked and what Azure reports, in words. */
function differences(requested: VaultSecurity, readBack: VaultSecurity): string[] {
  return SECURITY_FIELDS.filter((field) => requested[field] !== readBack[field]).map(
    (field) => `${SECURITY_LABELS[field]}: Azure reports ${securityValue(readBack, field)} (you chose ${securityValue(requested, field)})`,
  );
}

/**
 * The vault's security settings as Azure reports them, to change and save here (a vault PATCH, then a read
 * back), with the one-way doors confirmed one by one, and whether a Resource Guard protects the vault.
 */
export function SecuritySection({ subscriptionId, vault }: { subscriptionId: string; vault: VaultChoice }) {
  const styles = useStyles();
  const gateway = useArmGateway();
  const security = useWizardStore((s) => securityChoiceFor(s.replication, vault.id));
  const editSecurityDraft = useWizardStore((s) => s.editSecurityDraft);
  const confirmSecurity = useWizardStore((s) => s.confirmSecurity);
  const { state, save } = useSaveSecurity(subscriptionId, vault);
  const [confirming, setConfirming] = useState(false);

  const read = useArmQuery(`vault-security:${vault.id}`, async () => {
    const vaultRef = { subscriptionId, resourceGroup: vault.resourceGroup, vaultName: vault.name };
    const [details, mua] = await Promise.all([
      gateway.getVaultDetails(subscriptionId, vault.resourceGroup, vault.name),
      gateway.getMultiUserAuthorization(vaultRef),
    ]);
    if (!details) throw new Error(`The vault ${vault.name} is not in Azure any more.`);
    return { current: details.security, mua };
  });

  if (read.state.status === 'loading' || read.state.status === 'idle') return <Spinner label="Reading the vault’s security settings…" />;
  if (read.state.status === 'failed') return <ErrorPanel title="The vault’s security settings could not be read" error={read.state.error} onRetry={read.retry} />;
  const { current, mua } = read.state.data;

  const draft = security.draft ?? draftFromSecurity(current);
  const problems = securityDraftProblems(draft, current);
  const next = securityFromDraft(draft);
  const invalid = Object.keys(problems).length > 0;
  const doors = invalid ? [] : newOneWaySettings(current, next);
  const saving = state.status === 'saving';
  const unsaved = !invalid && !sameSecurity(next, current);
  const justSaved = state.status === 'saved' && sameSecurity(state.readBack, current) ? state : null;

  const commit = async () => {
    setConfirming(false);
    const readBack = await save(next, current);
    if (!readBack) return;
    confirmSecurity(vault.id, readBack);
    read.update((data) => ({ ...data, current: readBack }));
  };
  const onSave = () => {
    if (invalid || saving) return;
    if (doors.length > 0) setConfirming(true);
    else void commit();
  };

  return (
    <section className={styles.root} aria-labelledby="vault-security-heading">
      <Subtitle2 as="h2" id="vault-security-heading">
        Vault security
      </Subtitle2>
      <div className={styles.mua} role="group" aria-label="Multi-user authorization">
        <ShieldLock20Regular aria-hidden />
        <Body1>
          <strong>Multi-user authorization:</strong> {multiUserAuthorizationText(mua)}
        </Body1>
      </div>

      <VaultSecurityFields
        draft={draft}
        current={current}
        problems={problems}
        disabled={saving}
        onChange={(change) => editSecurityDraft(vault.id, draftFromSecurity(current), change)}
      />

      {state.status === 'failed' && (
        <PermissionError
          title={state.stage === 'sending' ? 'The security settings could not be saved' : 'The saved security settings could not be read back'}
          error={state.error}
          roleAdvice={`Backup Contributor or Contributor on the resource group ${vault.resourceGroup}`}
          onRetry={() => void commit()}
        />
      )}
      {justSaved && (
        <MessageBar intent={differences(justSaved.requested, justSaved.readBack).length === 0 ? 'success' : 'warning'} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{justSaved.sent ? 'Azure now holds the new security settings' : 'The vault already had these settings'}</MessageBarTitle>
            {differences(justSaved.requested, justSaved.readBack).length > 0 && (
              <ul className={styles.list}>
                {differences(justSaved.requested, justSaved.readBack).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {!justSaved && unsaved && (
        <MessageBar intent="info">
          <MessageBarBody>Not saved yet: the vault keeps its current settings until you save them.</MessageBarBody>
        </MessageBar>
      )}

      {confirming ? (
        <ConfirmOneWay
          vaultName={vault.name}
          doors={doors}
          confirmLabel="Save the settings"
          onConfirm={() => void commit()}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <div className={styles.actions}>
          <Button icon={<Save20Regular />} disabledFocusable={saving || invalid || !unsaved} onClick={onSave}>
            Save security settings
          </Button>
          {saving && <Spinner size="tiny" label={state.stage === 'sending' ? `Saving (${state.step} of ${state.steps})…` : 'Reading back…'} />}
        </div>
      )}
    </section>
  );
}
