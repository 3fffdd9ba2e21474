import { isGoalConfirmed } from '../store/goal-slice.ts';
import { isPolicyOfVault } from '../store/policy-slice.ts';
import { hasSelectableSelection } from '../store/vms-slice.ts';
import { isAgentStepComplete, summarizeAgentStep } from '../store/agent-slice.ts';
import { isNetworkStepComplete, summarizeNetworkStep } from '../store/network-slice.ts';
import { REDUNDANCY_NAMES } from '../components/redundancy-names.ts';
import { replicationIsConfirmed } from '../store/replication-slice.ts';
import { isReviewApproved } from '../store/review-slice.ts';
import type { WizardState } from '../store/wizard-store.ts';
import { isEnableComplete, summarizeEnable } from '../enable/status.ts';

export type StepId =
  | 'subscription'
  | 'vault'
  | 'replication'
  | 'goal'
  | 'policy'
  | 'vms'
  | 'agent'
  | 'network'
  | 'review'
  | 'enable'
  | 'summary';

export type WizardStep = {
  id: StepId;
  path: string;
  title: string;
  /** The guide's one-paragraph summary of the step, shown on its page. */
  description: string;
  isComplete(state: WizardState): boolean;
  /** The choice made in this step, shown under its name in the step list once complete. */
  summarize?(state: WizardState): string | null;
};


/** The one ordered list of wizard steps. Order here is the order of the wizard. */
export const steps: readonly WizardStep[] = [
  {
    id: 'subscription',
    path: '/setup/subscription',
    title: 'Subscription',
    description:
      'Choose the Azure subscription that holds the virtual machines you want to protect. The Recovery Services vault, its backup policy and the protected virtual machines all live in this subscription. You see several subscriptions only if your account has access to more than one.',
    isComplete: (state) => state.setup.subscriptionId !== null,
    summarize: (state) => state.setup.subscriptionName,
  },
  {
    id: 'vault',
    path: '/setup/vault',
    title: 'Vault',
    description:
      'A Recovery Services vault stores the backups and recovery points created over time, and the backup policies of the protected virtual machines. Create a vault, or pick an existing one, in the same region as the virtual machines you want to protect; if your virtual machines are in several regions, each region needs its own vault.',
    isComplete: (state) => state.vault.chosen !== null,
    summarize: (state) => state.vault.chosen?.name ?? null,
  },
  {
    id: 'replication',
    path: '/setup/replication',
    title: 'Replication',
    description:
      'Choose how the vault replicates its backup storage: geo-redundant storage (the default — keep it if this is your primary backup) or locally redundant storage, a cheaper option that is not quite as durable. Set it before you protect anything.',
    isComplete: (state) => replicationIsConfirmed(state.replication, state.vault.chosen?.id),
    summarize: (state) => {
      const confirmed = state.replication.confirmed;
      if (!confirmed) return null;
      const name = REDUNDANCY_NAMES[confirmed.storageType];
      return confirmed.crossRegionRestore ? `${name}, cross-region restore` : name;
    },
  },
  {
    id: 'goal',
    path: '/setup/goal',
    title: 'Backup goal',
    description:
      'Tell the vault what you are going to protect: a workload running in Azure, and virtual machines as what to back up. Discovery then looks for any new virtual machines in the subscription, with their region.',
    isComplete: (state) => isGoalConfirmed(state.goal),
    summarize: (state) => (isGoalConfirmed(state.goal) ? 'Azure virtual machines' : null),
  },
  {
    id: 'policy',
    path: '/setup/policy',
    title: 'Policy',
    description:
      'A backup policy is the schedule for how often and when recovery points are taken, and how long they are kept. Use the vault’s default policy or define a new one.',
    // A policy chosen for another vault (e.g. before the vault was changed) does not count.
    isComplete: (state) => state.policy.chosen !== null && isPolicyOfVault(state.policy.chosen.id, state.vault.chosen?.id ?? ''),
    summarize: (state) => state.policy.chosen?.name ?? null,
  },
  {
    id: 'vms',
    path: '/setup/vms',
    title: 'Virtual machines',
    description:
      'Choose the virtual machines to associate with the policy. Only virtual machines in the same region as the vault can be chosen; if one is missing, check its region.',
    isComplete: (state) => hasSelectableSelection(state.vms),
    summarize: (state) => {
      const n = state.vms.selectedIds.length;
      return n === 0 ? null : n === 1 ? '1 VM selected' : `${n} VMs selected`;
    },
  },
  {
    id: 'agent',
    path: '/setup/agent',
    title: 'VM agent',
    description:
      'The Azure VM Agent must be installed and running on each virtual machine for the backup extension to work. Virtual machines created from the Azure gallery already have it; migrated or custom virtual machines may need it installed or updated.',
    isComplete: isAgentStepComplete,
    summarize: summarizeAgentStep,
  },
  {
    id: 'network',
    path: '/setup/network',
    title: 'Network',
    description:
      'The backup extension needs outbound connectivity to Azure to manage snapshots; without it, backups time out and fail. If network security groups or other restrictions are in place, open a clear path for backup traffic.',
    isComplete: isNetworkStepComplete,
    summarize: summarizeNetworkStep,
  },
  {
    id: 'review',
    path: '/setup/review',
    title: 'Review',
    description:
      'Check every choice before anything changes in Azure: the subscription, the vault and its replication, the policy, and the virtual machines to protect, with what you accepted about them (their agent, network or limits).',
    // Approved on the page once every write is permitted; a later change of vault, policy or VMs undoes it.
    isComplete: isReviewApproved,
    summarize: (state) => (isReviewApproved(state) ? 'Plan approved' : null),
  },
  {
    id: 'enable',
    path: '/setup/enable',
    title: 'Enable',
    description:
      'Enable backup: the policy is deployed to the vault and the chosen virtual machines, and each operation is followed until it finishes.',
    // Derived from the journal: every VM protected (or its failure accepted by the user).
    isComplete: isEnableComplete,
    summarize: summarizeEnable,
  },
  {
    id: 'summary',
    path: '/summary',
    title: 'Summary',
    description: 'What was set up, where to find it in Azure, and what to check after the first backup.',
    // A report, never "done": once everything before it is, it is where the wizard sends the user.
    isComplete: () => false,
  },
];

export type StepStatus = 'done' | 'current' | 'available' | 'locked';

/** The step a user should be sent to: the first one not complete (the last step if all are). */
export function firstUnfinishedStep(state: WizardState): WizardStep {
  const last = steps[steps.length - 1];
  if (!last) throw new Error('The wizard has no steps.');
  return steps.find((step) => !step.isComplete(state)) ?? last;
}

/** The first earlier step that still needs doing, i.e. why `stepId` can't be opened yet. */
export function missingPrerequisite(stepId: StepId, state: WizardState): WizardStep | undefined {
  const index = steps.findIndex((step) => step.id === stepId);
  return steps.slice(0, Math.max(index, 0)).find((step) => !step.isComplete(state));
}

export function stepStatus(step: WizardStep, state: WizardState, currentId: StepId | undefined): StepStatus {
  if (step.id === currentId) return 'current';
  if (missingPrerequisite(step.id, state)) return 'locked';
  return step.isComplete(state) ? 'done' : 'available';
}

/** The step after `stepId` in wizard order (where "Next" goes). */
export function stepAfter(stepId: StepId): WizardStep | undefined {
  return steps[steps.findIndex((step) => step.id === stepId) + 1];
}

/** The step before `stepId` in wizard order (where "Back" goes). */
export function stepBefore(stepId: StepId): WizardStep | undefined {
  const index = steps.findIndex((step) => step.id === stepId);
  return index > 0 ? steps[index - 1] : undefined;
}

export function stepById(id: StepId): WizardStep {
  const step = steps.find((candidate) => candidate.id === id);
  if (!step) throw new Error(`Unknown wizard step "${id}".`);
  return step;
}
