import { initialGoal } from './goal-slice.ts';
import { initialReplication } from './replication-slice.ts';
import { initialVms } from './vms-slice.ts';
import { initialAgent } from './agent-slice.ts';
import type { WizardState } from './wizard-store.ts';

/**
 * Which choices depend on which: when an earlier choice changes, the later ones made for it are stale.
 * Slices that depend on the vault (replication, goal, policy) add their reset to afterVaultChange.
 */
export function afterVaultChange(state: WizardState): Partial<WizardState> {
  return {
    replication: initialReplication,
    goal: initialGoal,
    // A policy belongs to its vault; a new-policy form being filled in is kept (its name is checked against the new vault).
    policy: { ...state.policy, chosen: null },
    // Which VMs can be selected depends on the vault's region and on what it already protects.
    vms: initialVms,
    // The agent and network checks were of those VMs; the proxy typed and the rules created in Azure stay on record.
    agent: initialAgent,
    network: { ...state.network, results: {}, acknowledged: [], proxy: null },
  };
}

/** A new subscription keeps the typed vault name and tags, and drops everything tied to the old subscription. */
export function afterSubscriptionChange(state: WizardState): Partial<WizardState> {
  return {
    ...afterVaultChange(state),
    vault: {
      chosen: null,
      draft: { ...state.vault.draft, existingResourceGroup: '', location: '' },
      updatedAt: state.vault.updatedAt,
    },
  };
}
