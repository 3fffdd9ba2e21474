import { Body1, Button, Checkbox, Field, MessageBar, MessageBarBody, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { CloudArrowUp20Regular, ShieldCheckmark20Regular } from '@fluentui/react-icons';
import { useEffect, useMemo, useState } from 'react';
import { stepById } from '../../app/steps.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { StepFooter } from '../../components/step-footer.tsx';
import { VisuallyHidden } from '../../components/visually-hidden.tsx';
import { useWriteLock } from '../../components/write-lock-context.tsx';
import { isEnableComplete } from '../../enable/status.ts';
import { lookupBackupError } from '../../shared/backup-error-codes.ts';
import { useWizardStore } from '../../store/store-context.tsx';
import { countRows, paceSentence, progressSentence, remedyFor, rowView, runPace } from './enable-view.ts';
import { useBackupNow } from './use-backup-now.ts';
import { useEnableRows, useEnableRun, useEnableTargets } from './use-enable-run.ts';
import { VmProgressTable, type VmProgressRow } from './vm-progress-table.tsx';

const useStyles = makeStyles({
  intro: { display: 'block', maxWidth: '75ch', marginBottom: tokens.spacingVerticalL },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0 },
  actions: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  hint: { color: tokens.colorNeutralForeground2, maxWidth: '60ch' },
  heading: { margin: `${tokens.spacingVerticalM} 0 0`, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  problems: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

const BACKUP_FAILED = new Set(['failed', 'unknown', 'cancelled', 'canceled']);

const optionalRemedy = (remedy: string | undefined): { remedy?: string } => (remedy ? { remedy } : {});

export function EnableStep() {
  const styles = useStyles();
  const step = stepById('enable');
  const { canWrite } = useWriteLock();
  const targets = useEnableTargets();
  const rows = useEnableRows(targets);
  const { start, running, liveOf, clock } = useEnableRun(targets, rows);
  const now = useSecondTicks(running);
  const { backUp, requesting, backupOf } = useBackupNow(targets);
  const complete = useWizardStore(isEnableComplete);
  const acceptFailures = useWizardStore((s) => s.acceptEnableFailures);
  const accepted = useWizardStore((s) => s.enable.acceptedFailures);

  const viewRows: VmProgressRow[] = useMemo(
    () => rows.map(({ vm, status }) => ({ vm, view: rowView(status, liveOf(vm)), backup: backupOf(vm) })),
    [rows, liveOf, backupOf],
  );
  const counts = countRows(viewRows.map((row) => row.view));
  const finished = counts.done + counts.failed;
  const pace = running && clock ? runPace(clock, finished, counts.total, now) : null;
  const toEnable = viewRows.filter((row) => row.view.state === 'idle').map((row) => row.vm);
  const failed = viewRows.filter((row) => row.view.state === 'failed');
  const protectedVms = viewRows.filter((row) => row.view.state === 'done').map((row) => row.vm);
  const backupRunning = viewRows.some((row) => row.backup && row.backup.status === 'InProgress');
  const backupFailures = viewRows.filter((row) => row.backup && BACKUP_FAILED.has(row.backup.status.toLowerCase()));
  const failuresAccepted =
    accepted !== null && targets !== null && failed.every((row) => accepted.vmIds.some((id) => id.toLowerCase() === row.vm.id.toLowerCase()));

  if (!targets) {
    return (
      <section aria-labelledby="page-heading">
        <PageHeading>Enable backup</PageHeading>
        <MessageBar intent="warning">
          <MessageBarBody>Choose a vault, a policy and the virtual machines first.</MessageBarBody>
        </MessageBar>
      </section>
    );
  }

  const writeNote = canWrite ? undefined : 'Changes are made in the other tab. Choose “Take over here” at the top of this page to make them here.';
  const footerNote = complete
    ? counts.failed > 0
      ? 'Continuing without the virtual machines that failed.'
      : 'Backup is enabled. The summary lists what was set up.'
    : running
      ? 'Wait for every virtual machine to finish.'
      : 'Enable backup for every virtual machine, or accept the failures, to continue.';

  return (
    <section aria-labelledby="page-heading">
      <PageHeading>Enable backup</PageHeading>
      <Body1 as="p" className={styles.intro}>
        {step.description} Each virtual machine gets its own request; a few are sent at a time, and each is followed until
        Azure reports its result. You can close this page at any time: when you come back, requests already sent are
        followed, never sent twice.
      </Body1>
      <VisuallyHidden>
        <span role="status">{progressSentence(counts)}</span>
      </VisuallyHidden>

      <div className={styles.content}>
        <dl className={styles.facts}>
          <dt className={styles.term}>Vault</dt>
          <dd className={styles.value}>
            {targets.vault.vaultName} (resource group {targets.vault.resourceGroup})
          </dd>
          <dt className={styles.term}>Policy</dt>
          <dd className={styles.value}>{targets.policyName}</dd>
          <dt className={styles.term}>Virtual machines</dt>
          <dd className={styles.value}>{targets.vms.length}</dd>
        </dl>

        <Field
          label="Overall progress"
          hint={`${finished} of ${counts.total} virtual machines finished${counts.failed > 0 ? `, ${counts.failed} failed` : ''}.${pace ? ` ${paceSentence(pace)}.` : ''}`}
        >
          <ProgressBar
            thickness="large"
            value={counts.total === 0 ? 0 : finished / counts.total}
            color={counts.failed > 0 ? 'warning' : counts.done === counts.total ? 'success' : 'brand'}
          />
        </Field>

        <div className={styles.actions}>
          {toEnable.length > 0 && (
            <Button
              appearance="primary"
              icon={<ShieldCheckmark20Regular />}
              disabledFocusable={running || !canWrite}
              onClick={() => void start(toEnable)}
            >
              Enable backup
            </Button>
          )}
          {failed.length > 1 && (
            <Button disabledFocusable={running || !canWrite} onClick={() => void start(failed.map((row) => row.vm))}>
              Retry all failed
            </Button>
          )}
          {writeNote && <Body1 className={styles.hint}>{writeNote}</Body1>}
        </div>

        <VmProgressTable rows={viewRows} />

        {failed.length > 0 && (
          <div className={styles.problems}>
            <h2 className={styles.heading}>What failed</h2>
            {failed.map(({ vm, view }) =>
              view.error ? (
                <ErrorPanel
                  key={vm.id}
                  title={`Backup could not be enabled for ${vm.name}`}
                  error={view.error}
                  {...optionalRemedy(remedyFor(view.error.code))}
                  {...(running || !canWrite ? {} : { onRetry: () => void start([vm]), retryLabel: `Retry ${vm.name}` })}
                />
              ) : null,
            )}
            {!running && (
              <Checkbox
                checked={failuresAccepted}
                disabled={!canWrite}
                onChange={(_event, data) => {
                  if (data.checked) acceptFailures(targets.vaultId, targets.policyId, failed.map((row) => row.vm.id));
                  else acceptFailures(targets.vaultId, targets.policyId, []);
                }}
                label={
                  failed.length === 1
                    ? 'Continue without this virtual machine: it stays unprotected'
                    : `Continue without these ${failed.length} virtual machines: they stay unprotected`
                }
              />
            )}
          </div>
        )}

        {protectedVms.length > 0 && !running && (
          <div className={styles.problems}>
            <h2 className={styles.heading}>Back up now (optional)</h2>
            <Body1 className={styles.hint}>
              The first backup runs at the policy’s next scheduled time. Start it now instead to get a first recovery point
              sooner; each backup is a job in the vault, shown in the table.
            </Body1>
            <div className={styles.actions}>
              <Button
                icon={<CloudArrowUp20Regular />}
                disabledFocusable={requesting || backupRunning || !canWrite}
                onClick={() => void backUp(protectedVms)}
              >
                {requesting ? 'Requesting backups…' : 'Back up now'}
              </Button>
            </div>
            {backupFailures.map(({ vm, backup }) => {
              const error = backup?.errors[0];
              const code = error?.code ?? 'BackupFailed';
              return (
                <ErrorPanel
                  key={`backup-${vm.id}`}
                  title={`The backup of ${vm.name} failed`}
                  error={{ kind: 'unknown', code, message: error?.message ?? 'The backup job did not complete.' }}
                  {...(backup?.jobId ? { lead: `Backup job ${backup.jobId}` } : {})}
                  {...optionalRemedy(lookupBackupError(code)?.remedy ?? error?.recommendations[0])}
                />
              );
            })}
          </div>
        )}
      </div>

      <StepFooter stepId="enable" canContinue={complete && !running} note={writeNote ?? footerNote} />
    </section>
  );
}

/** The time, refreshed every second while `on` (the throughput and time left follow it). */
function useSecondTicks(on: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!on) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [on]);
  return on ? now : 0;
}
