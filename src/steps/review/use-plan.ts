import { useMemo, useState } from 'react';
import { useArmGateway } from '../../azure/gateway-context.tsx';
import { useArmQuery } from '../../components/use-arm-query.ts';
import { buildPlan } from '../../plan/build-plan.ts';
import { choicesFromState } from '../../plan/choices-from-state.ts';
import { checkPlanPermissions, scopesToCheck, type PlanPermissions } from '../../plan/permission-check.ts';
import type { Plan, PlanChoices } from '../../plan/plan-types.ts';
import { readPlanObserved, readScopePermissions } from '../../plan/read-observed.ts';
import { useWizardStore } from '../../store/store-context.tsx';

export type ReviewedPlan = { plan: Plan; permissions: PlanPermissions; readAt: string };

export type PlanStage = 'reading' | 'permissions';

/** The current choices in the plan's terms; a new object only when one of them changes. */
export function usePlanChoices(): PlanChoices | null {
  const setup = useWizardStore((s) => s.setup);
  const vault = useWizardStore((s) => s.vault);
  const replication = useWizardStore((s) => s.replication);
  const policy = useWizardStore((s) => s.policy);
  const vms = useWizardStore((s) => s.vms);
  const network = useWizardStore((s) => s.network);
  return useMemo(() => choicesFromState({ setup, vault, replication, policy, vms, network }), [setup, vault, replication, policy, vms, network]);
}

/**
 * Reads ARM (get before put), builds the plan, then asks the permissions API about every write still to do.
 * Nothing is written. Runs again whenever a choice changes, or on `retry`.
 */
export function usePlan(choices: PlanChoices | null) {
  const gateway = useArmGateway();
  const [stage, setStage] = useState<PlanStage>('reading');
  // Only what the plan depends on: the persisted "updatedAt" fields of the slices would rebuild it for nothing.
  const key = choices ? JSON.stringify(choices) : null;
  const query = useArmQuery<ReviewedPlan>(key, async () => {
    if (!choices) throw new Error('Nothing to review yet.');
    setStage('reading');
    const observed = await readPlanObserved(gateway, choices);
    const plan = buildPlan(choices, observed);
    setStage('permissions');
    const scopes = await readScopePermissions(gateway, scopesToCheck(plan));
    return { plan, permissions: checkPlanPermissions(plan, scopes), readAt: new Date().toISOString() };
  });
  return { ...query, stage };
}
