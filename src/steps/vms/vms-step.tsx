import { Body1, Button, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwise20Regular, ArrowRight20Regular, Search20Regular } from '@fluentui/react-icons';
import { useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { stepAfter, stepById } from '../../app/steps.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { VisuallyHidden } from '../../components/visually-hidden.tsx';
import type { GatherVault, VmReadinessTable } from '../../azure/vm-readiness.ts';
import { useWizardStore } from '../../store/store-context.tsx';
import { hasSelectableSelection } from '../../store/vms-slice.ts';
import { DiscoveryProgress, progressAnnouncement } from './discovery-progress.tsx';
import { GeneralNotes } from './general-notes.tsx';
import { SelectionNotice } from './selection-notice.tsx';
import { useVmDiscovery } from './use-vm-discovery.ts';
import { reconcileSelection } from './vm-list.ts';
import { VmTablePanel } from './vm-table-panel.tsx';
import { toView } from './vm-view.ts';

const useStyles = makeStyles({
  intro: { display: 'block', maxWidth: '75ch', marginBottom: tokens.spacingVerticalL },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  when: { color: tokens.colorNeutralForeground2 },
  footer: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'flex-end',
    gap: tokens.spacingHorizontalL,
    marginTop: tokens.spacingVerticalXL,
    paddingTop: tokens.spacingVerticalL,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  chosen: { color: tokens.colorNeutralForeground2 },
});

function useChosenVault(): GatherVault | null {
  const chosen = useWizardStore((s) => s.vault.chosen);
  const subscriptionId = useWizardStore((s) => s.setup.subscriptionId);
  return useMemo(() => {
    if (!chosen) return null;
    const fromId = chosen.id.split('/')[2] ?? '';
    return { ...chosen, subscriptionId: fromId || (subscriptionId ?? '') };
  }, [chosen, subscriptionId]);
}

function formatTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function VmsStep() {
  const styles = useStyles();
  const step = stepById('vms');
  const next = stepAfter('vms');
  const navigate = useNavigate();
  const vault = useChosenVault();
  const vms = useWizardStore((s) => s.vms);
  const selectVms = useWizardStore((s) => s.selectVms);
  const markVmsDiscovered = useWizardStore((s) => s.markVmsDiscovered);
  const [dropped, setDropped] = useState<{ name: string; why: string }[]>([]);
  const selectionRef = useRef(vms);
  selectionRef.current = vms;

  const onDone = (table: VmReadinessTable) => {
    markVmsDiscovered(table.gatheredAt);
    const current = selectionRef.current;
    const views = table.rows.map((row) => toView(row, table.vault));
    const { keep, summaries, dropped: removed } = reconcileSelection(current.selectedIds, views, current.summaries);
    if (removed.length > 0 || keep.length > 0) selectVms(keep, summaries);
    setDropped(removed);
  };

  const { state, discover } = useVmDiscovery(vault, { autoStart: vms.discoveredAt !== null, onDone });
  const canContinue = hasSelectableSelection(vms) && state.status !== 'running';
  const count = vms.selectedIds.length;

  return (
    <section aria-labelledby="page-heading">
      <PageHeading>Choose virtual machines</PageHeading>
      <Body1 as="p" className={styles.intro}>
        {step.description} Discovery asks vault {vault?.name ?? ''} to look for virtual machines, then checks each one
        against the backup limitations, its VM agent and its network before anything is enabled.
      </Body1>
      <VisuallyHidden>
        <span role="status">
          {state.status === 'running'
            ? progressAnnouncement(state.progress)
            : state.status === 'done'
              ? `Discovery finished: ${state.table.rows.length} virtual machines.`
              : state.status === 'failed'
                ? 'Discovery failed.'
                : ''}
        </span>
      </VisuallyHidden>

      <div className={styles.content}>
        <GeneralNotes />

        <div className={styles.actions}>
          <Button
            appearance={state.status === 'done' ? 'secondary' : 'primary'}
            icon={state.status === 'done' ? <ArrowClockwise20Regular /> : <Search20Regular />}
            disabledFocusable={state.status === 'running' || vault === null}
            onClick={discover}
          >
            {state.status === 'done' ? 'Discover again' : 'Discover virtual machines'}
          </Button>
          {state.status === 'done' && (
            <Body1 className={styles.when}>Discovered {formatTime(state.table.gatheredAt)}</Body1>
          )}
        </div>

        {state.status === 'running' && <DiscoveryProgress progress={state.progress} />}
        {state.status === 'failed' && (
          <ErrorPanel title="Discovering virtual machines failed" error={state.error} onRetry={discover} />
        )}
        <SelectionNotice dropped={dropped} onDismiss={() => setDropped([])} />
        {state.status === 'done' && <VmTablePanel table={state.table} />}
      </div>

      {next && (
        <div className={styles.footer}>
          <Body1 className={styles.chosen}>
            {count === 0 ? 'No virtual machine selected' : count === 1 ? '1 virtual machine selected' : `${count} virtual machines selected`}
          </Body1>
          <Button
            appearance="primary"
            icon={<ArrowRight20Regular />}
            iconPosition="after"
            disabledFocusable={!canContinue}
            onClick={() => void navigate(next.path)}
          >
            Next
          </Button>
        </div>
      )}
    </section>
  );
}
