import { Body1, Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwise20Regular } from '@fluentui/react-icons';
import { stepById } from '../../app/steps.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { StepFooter } from '../../components/step-footer.tsx';
import { VisuallyHidden } from '../../components/visually-hidden.tsx';
import { countOf } from '../../plan/words.ts';
import { useWizardStore } from '../../store/store-context.tsx';
import { AcceptedFindings } from './accepted-findings.tsx';
import { PlanProblems } from './plan-problems.tsx';
import { PlanTable } from './plan-table.tsx';
import { usePlan, usePlanChoices, type PlanStage, type ReviewedPlan } from './use-plan.ts';

const useStyles = makeStyles({
  intro: { display: 'block', maxWidth: '75ch', marginBottom: tokens.spacingVerticalL },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  loading: { padding: tokens.spacingVerticalXXL },
  overview: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  counts: { color: tokens.colorNeutralForeground2 },
  spacer: { flexGrow: 1 },
});

const STAGE_TEXT: Record<PlanStage, string> = {
  reading: 'Reading what is already in place in Azure…',
  permissions: 'Checking your permissions for each change…',
};

/** Why "Next" (to Enable) is blocked, or what it will do. */
function footerNote(reviewed: ReviewedPlan | null, vmCount: number): string | undefined {
  if (vmCount === 0) return 'Choose at least one virtual machine on the Virtual machines step.';
  if (!reviewed) return 'The plan is being prepared.';
  const { plan, permissions } = reviewed;
  if (permissions.missing.length > 0) return 'Enable is blocked: you lack permissions this plan needs.';
  if (plan.conflictCount > 0) return `Enable is blocked: ${countOf(plan.conflictCount, 'item')} cannot be done as chosen.`;
  if (plan.writeCount === 0) return 'Everything is already in place: nothing will be sent.';
  return `${countOf(plan.writeCount, 'change')} will be sent on the next step, in this order.`;
}

function counts({ plan }: ReviewedPlan): string {
  const by = (action: string) => plan.items.filter((item) => item.action === action).length;
  const parts = [
    `${countOf(plan.writeCount, 'change')} to send`,
    `${by('noChange')} already in place`,
    ...(by('manual') > 0 ? [`${by('manual')} for you to do outside Azure`] : []),
    ...(plan.conflictCount > 0 ? [`${countOf(plan.conflictCount, 'conflict')}`] : []),
  ];
  return parts.join(' · ');
}

export function ReviewStep() {
  const styles = useStyles();
  const step = stepById('review');
  const choices = usePlanChoices();
  const { state, retry, stage } = usePlan(choices);
  const toggleVm = useWizardStore((s) => s.toggleVm);
  const approveReview = useWizardStore((s) => s.approveReview);
  const vaultId = useWizardStore((s) => s.vault.chosen?.id ?? '');
  const policyId = useWizardStore((s) => s.policy.chosen?.id ?? '');
  const selectedIds = useWizardStore((s) => s.vms.selectedIds);

  const reviewed = state.status === 'loaded' ? state.data : null;
  const note = footerNote(reviewed, selectedIds.length);
  const canContinue =
    selectedIds.length > 0 && reviewed !== null && reviewed.permissions.missing.length === 0 && reviewed.plan.conflictCount === 0;
  const status =
    state.status === 'loading'
      ? STAGE_TEXT[stage]
      : state.status === 'failed'
        ? 'Preparing the plan failed.'
        : reviewed
          ? `Plan ready: ${counts(reviewed)}.${reviewed.permissions.missing.length > 0 ? ' Some permissions are missing.' : ''}`
          : '';

  return (
    <section aria-labelledby="page-heading">
      <PageHeading>Review the plan</PageHeading>
      <Body1 as="p" className={styles.intro}>
        {step.description} Nothing below has been sent yet: each change is checked against what is already in Azure,
        and against what your account may do.
      </Body1>
      <VisuallyHidden>
        <span role="status">{status}</span>
      </VisuallyHidden>

      <div className={styles.content}>
        {state.status === 'loading' && <Spinner className={styles.loading} label={STAGE_TEXT[stage]} />}
        {state.status === 'failed' && <ErrorPanel title="The plan could not be prepared" error={state.error} onRetry={retry} />}
        {reviewed && (
          <>
            <div className={styles.overview}>
              <Body1 className={styles.counts}>{counts(reviewed)}</Body1>
              <div className={styles.spacer} />
              <Body1 className={styles.counts}>Read from Azure at {new Date(reviewed.readAt).toLocaleTimeString()}</Body1>
              <Button icon={<ArrowClockwise20Regular />} onClick={retry}>
                Check again
              </Button>
            </div>
            <PlanProblems
              plan={reviewed.plan}
              permissions={reviewed.permissions}
              onRecheck={retry}
              onLeaveOut={(vmIds) => vmIds.forEach((id) => toggleVm(id))}
            />
            <PlanTable items={reviewed.plan.items} permissions={reviewed.permissions} />
            <AcceptedFindings />
          </>
        )}
      </div>

      <StepFooter
        stepId="review"
        canContinue={canContinue}
        {...(note ? { note } : {})}
        onNext={() => approveReview({ vaultId, policyId, vmIds: selectedIds })}
      />
    </section>
  );
}
