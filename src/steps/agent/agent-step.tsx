import { Body1, Button, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwise20Regular } from '@fluentui/react-icons';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { stepById } from '../../app/steps.ts';
import { useArmGateway } from '../../azure/gateway-context.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { StepFooter } from '../../components/step-footer.tsx';
import { useVmChecks } from '../../components/use-vm-checks.ts';
import { VisuallyHidden } from '../../components/visually-hidden.tsx';
import { MIN_AGENT_TODAY, MIN_WINDOWS_AGENT, type Finding } from '../../readiness/index.ts';
import { agentVmCleared, agentWarningsAcknowledged, isAgentStepComplete } from '../../store/agent-slice.ts';
import { useWizardStore } from '../../store/store-context.tsx';
import { selectSelectedVmIds, selectVmSummaries } from '../../store/vms-slice.ts';
import { checkAgents, type AgentOutcome } from './agent-check.ts';
import { AgentTable, type AgentRow } from './agent-table.tsx';
import { AgentVmCard } from './agent-vm-card.tsx';

const useStyles = makeStyles({
  intro: { display: 'block', maxWidth: '70ch', marginBottom: tokens.spacingVerticalL },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  toolbar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  cards: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '90ch' },
  heading: { margin: 0 },
  paragraph: { margin: 0 },
});

const isRoutine = (finding: Finding): boolean => finding.ruleId === 'backup-extension' && finding.severity === 'info';

const nameFromId = (id: string): string => id.split('/').filter(Boolean).at(-1) ?? id;
const groupFromId = (id: string): string => /\/resourceGroups\/([^/]+)/i.exec(id)?.[1] ?? '';

function statusText(rows: AgentRow[], checking: number): string {
  if (checking > 0) return `Checking the agent of ${checking} of ${rows.length} virtual machines…`;
  const blocked = rows.filter((r) => r.entry?.outcome && (r.entry.outcome.kind === 'gone' || (r.entry.outcome.kind === 'checked' && r.entry.outcome.view.level === 'blocked'))).length;
  const attention = rows.filter((r) => r.entry?.outcome?.kind === 'checked' && r.entry.outcome.view.level === 'attention').length;
  const failed = rows.filter((r) => r.entry?.outcome?.kind === 'failed').length;
  const ready = rows.length - blocked - attention - failed;
  return `Checked ${rows.length} virtual machines: ${ready} ready, ${attention} need attention, ${blocked} blocked${failed > 0 ? `, ${failed} couldn't be checked` : ''}.`;
}

/** The VM agent step: each selected VM's agent, what to do about problems, and "Check again". */
export function AgentStep() {
  const styles = useStyles();
  const step = stepById('agent');
  const navigate = useNavigate();
  const gateway = useArmGateway();
  const vmIds = useWizardStore(selectSelectedVmIds);
  const summaries = useWizardStore(selectVmSummaries);
  const agent = useWizardStore((s) => s.agent);
  const complete = useWizardStore(isAgentStepComplete);
  const recordAgentCheck = useWizardStore((s) => s.recordAgentCheck);
  const acknowledge = useWizardStore((s) => s.acknowledgeAgentWarnings);

  const run = useCallback(
    (ids: readonly string[], onOutcome: (vmId: string, outcome: AgentOutcome) => void) => checkAgents(gateway, ids, onOutcome),
    [gateway],
  );
  const record = useCallback(
    (vmId: string, outcome: AgentOutcome) => {
      if (outcome.kind === 'checked') recordAgentCheck(vmId, { level: outcome.view.level, warnings: outcome.view.warnings });
      else if (outcome.kind === 'gone') recordAgentCheck(vmId, { level: 'blocked', warnings: [] });
    },
    [recordAgentCheck],
  );
  const { entryOf, checkAgain, checkingCount } = useVmChecks(vmIds, run, record);

  const rows: AgentRow[] = vmIds.map((vmId) => {
    const entry = entryOf(vmId);
    const view = entry?.outcome?.kind === 'checked' ? entry.outcome.view : undefined;
    return {
      vmId,
      name: view?.name ?? summaries[vmId]?.name ?? nameFromId(vmId),
      resourceGroup: view?.resourceGroup ?? summaries[vmId]?.resourceGroup ?? groupFromId(vmId),
      entry,
      accepted: agentWarningsAcknowledged(agent, vmId),
    };
  });
  // The "installed at the first backup" note applies to nearly every VM; the section below explains it once.
  const withFindings = rows.filter((row) => {
    const outcome = row.entry?.outcome;
    return outcome !== undefined && (outcome.kind !== 'checked' || outcome.view.findings.some((f) => !isRoutine(f)));
  });
  const waiting = vmIds.filter((vmId) => !agentVmCleared(agent, vmId)).length;
  const note = complete
    ? undefined
    : checkingCount > 0
      ? 'Waiting for the checks to finish.'
      : `${waiting} virtual machine${waiting === 1 ? '' : 's'} still need${waiting === 1 ? 's' : ''} a fix, or acceptance of what needs attention.`;

  return (
    <section aria-labelledby="page-heading">
      <PageHeading>Check the VM agent</PageHeading>
      <Body1 as="p" className={styles.intro}>
        {step.description}
      </Body1>
      <VisuallyHidden>
        <span role="status">{statusText(rows, checkingCount)}</span>
      </VisuallyHidden>

      <div className={styles.content}>
        <div className={styles.toolbar}>
          <Button icon={<ArrowClockwise20Regular />} disabledFocusable={checkingCount > 0} onClick={() => checkAgain(vmIds)}>
            Check all again
          </Button>
          <Body1>
            Microsoft supports Windows agent {MIN_AGENT_TODAY.value.Windows} and Linux agent {MIN_AGENT_TODAY.value.Linux} or
            later today (the 2016 guide asked for Windows {MIN_WINDOWS_AGENT.value}). A VM whose agent isn&apos;t ready can still
            be protected, but its backups fail until the agent works. After fixing an agent, check that VM again.
          </Body1>
        </div>

        <AgentTable rows={rows} onCheckAgain={(vmId) => checkAgain([vmId])} />

        {withFindings.length > 0 && (
          <section className={styles.cards} aria-labelledby="agent-findings-heading">
            <Subtitle1 as="h2" id="agent-findings-heading" className={styles.heading}>
              Findings and remedies
            </Subtitle1>
            {withFindings.map((row) => (
              <AgentVmCard
                key={row.vmId}
                row={row}
                onAccept={acknowledge}
                onCheckAgain={(vmId) => checkAgain([vmId])}
                onDeselect={() => void navigate(stepById('vms').path)}
              />
            ))}
          </section>
        )}

        <section className={styles.section} aria-labelledby="agent-extension-heading">
          <Subtitle1 as="h2" id="agent-extension-heading" className={styles.heading}>
            The backup extension
          </Subtitle1>
          <Body1 as="p" className={styles.paragraph}>
            Azure Backup takes its snapshots through an extension that runs inside the VM agent: VMSnapshot on Windows,
            VMSnapshotLinux on Linux. You don&apos;t install it yourself: the service installs it at the first backup, which
            is why it works only where the agent is ready.
          </Body1>
          <Body1 as="p" className={styles.paragraph}>
            A VM that is stopped or deallocated when its backup runs is backed up offline, without the extension: its
            recovery point is crash-consistent, not application-consistent.
          </Body1>
        </section>
      </div>

      <StepFooter stepId="agent" canContinue={complete} {...(note ? { note } : {})} />
    </section>
  );
}
