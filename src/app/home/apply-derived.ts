import type { DerivedProgress } from '../../plan/derive-progress.ts';
import type { WizardStore } from '../../store/wizard-store.ts';

/** Puts progress derived from a vault into the store, through the slices' own actions. */
export function applyDerivedProgress(store: WizardStore, subscription: { id: string; name: string }, derived: DerivedProgress): void {
  const act = () => store.getState();
  act().chooseSubscription({ subscriptionId: subscription.id, displayName: subscription.name });
  // Choosing another vault clears what was chosen for the previous one; the same vault keeps it.
  act().chooseVault(derived.vault);
  const { replication, policy } = derived;
  if (replication) {
    const choice = { storageType: replication.storageType, crossRegionRestore: replication.crossRegionRestore };
    if (replication.confirmed) act().confirmReplication(derived.vault.id, { ...choice, locked: replication.locked });
    else act().chooseReplication(derived.vault.id, choice);
  }
  if (derived.goalConfirmed) act().confirmGoal();
  if (policy) act().choosePolicy(policy);
  if (derived.vmIds.length > 0) act().selectVms(derived.vmIds);
}
