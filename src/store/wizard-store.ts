import { createStore } from 'zustand/vanilla';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import { z } from 'zod';
import {
  createSetupSlice,
  initialSetup,
  persistedSetupSchema,
  persistSetup,
  type SetupSlice,
  type SetupState,
} from './setup-slice.ts';
import type { StoreDeps } from './slice.ts';
import { createEnableSlice, persistedEnableSchema, persistEnable, type EnableSlice, type EnableState } from './enable-slice.ts';
import {
  createJournalSlice,
  journalFromPersisted,
  persistedJournalSchema,
  persistJournal,
  type JournalSlice,
  type JournalState,
} from './journal-slice.ts';
import { createGoalSlice, persistedGoalSchema, persistGoal, type GoalSlice, type GoalState } from './goal-slice.ts';
import { createPolicySlice, persistedPolicySchema, persistPolicy, type PolicySlice, type PolicyState } from './policy-slice.ts';
import {
  createReplicationSlice,
  persistedReplicationSchema,
  persistReplication,
  type ReplicationSlice,
  type ReplicationState,
} from './replication-slice.ts';
import {
  createVaultSlice,
  persistedVaultSchema,
  persistVault,
  type VaultSlice,
  type VaultState,
} from './vault-slice.ts';
import { createVmsSlice, persistedVmsSchema, persistVms, vmsFromPersisted, type VmsSlice, type VmsState } from './vms-slice.ts';
import { createAgentSlice, persistAgent, persistedAgentSchema, type AgentSlice, type AgentState } from './agent-slice.ts';
import {
  createNetworkSlice,
  networkFromPersisted,
  persistedNetworkSchema,
  persistNetwork,
  type NetworkSlice,
  type NetworkState,
} from './network-slice.ts';
import { createReviewSlice, persistedReviewSchema, persistReview, type ReviewSlice, type ReviewState } from './review-slice.ts';
import { createSetupsSlice, persistedSetupsSchema, persistSetups, type SetupsSlice, type SetupsState } from './setups-slice.ts';

/**
 * The whole wizard state: one slice per concern. Planned next: vault, replication, policy, vms, journal —
 * each adds its slice type here, its creator below, and its allow-listed fields to `PersistedWizard`.
 */
export type WizardState = SetupSlice & VaultSlice & ReplicationSlice & GoalSlice & PolicySlice & VmsSlice & AgentSlice & NetworkSlice &
  JournalSlice &
  EnableSlice &
  ReviewSlice &
  SetupsSlice;

/** Exactly what is written to storage: the user's choices, never tokens nor whole ARM responses. */
export type PersistedWizard = {
  setup: SetupState;
  vault?: VaultState;
  replication?: ReplicationState;
  goal?: GoalState;
  policy?: PolicyState;
  vms?: VmsState;
  agent?: AgentState;
  network?: NetworkState;
  journal?: JournalState;
  enable?: EnableState;
  review?: ReviewState;
  setups?: SetupsState;
};

export const PERSIST_VERSION = 1;

const persistedSchema = z.object({
  setup: persistedSetupSchema.optional(),
  vault: persistedVaultSchema.optional(),
  replication: persistedReplicationSchema.optional(),
  goal: persistedGoalSchema.optional(),
  policy: persistedPolicySchema.optional(),
  vms: persistedVmsSchema.optional(),
  agent: persistedAgentSchema.optional(),
  network: persistedNetworkSchema.optional(),
  // A journal that can't be read is dropped on its own rather than losing every other choice.
  journal: persistedJournalSchema.optional().catch(undefined),
  enable: persistedEnableSchema.optional(),
  review: persistedReviewSchema.optional(),
  setups: persistedSetupsSchema.optional(),
});

/** One key per tenant and account, so a different account on the same browser never sees this progress. */
export function storageKeyFor(account: { tenantId: string; homeAccountId: string }): string {
  return `vmbw:v1:${account.tenantId}:${account.homeAccountId}`;
}

export function partialize(state: WizardState): PersistedWizard {
  return {
    setup: persistSetup(state.setup),
    vault: persistVault(state.vault),
    replication: persistReplication(state.replication),
    goal: persistGoal(state.goal),
    policy: persistPolicy(state.policy),
    vms: persistVms(state.vms),
    agent: persistAgent(state.agent),
    network: persistNetwork(state.network),
    journal: persistJournal(state.journal),
    enable: persistEnable(state.enable),
    review: persistReview(state.review),
    setups: persistSetups(state.setups),
  };
}

/**
 * Called by persist only when the saved version differs from PERSIST_VERSION. Version 1 is the first shape
 * ever written, so any other version is not ours (or comes from a newer build): start afresh rather than
 * guess. Version 2 will add its step from 1 here.
 */
export function migrate(_persisted: unknown, _version: number): PersistedWizard {
  return { setup: initialSetup };
}

/** Validates what came back from storage and merges it slice by slice over the fresh state. */
export function merge(persisted: unknown, current: WizardState): WizardState {
  if (persisted === undefined || persisted === null) return current; // nothing saved yet
  const parsed = persistedSchema.safeParse(persisted);
  if (!parsed.success) {
    console.warn('Ignoring saved wizard progress that does not match the expected shape.', parsed.error.issues);
    return current;
  }
  return {
    ...current,
    setup: { ...current.setup, ...parsed.data.setup },
    vault: { ...current.vault, ...parsed.data.vault },
    replication: { ...current.replication, ...parsed.data.replication },
    goal: { ...current.goal, ...parsed.data.goal },
    policy: { ...current.policy, ...parsed.data.policy },
    vms: parsed.data.vms ? vmsFromPersisted(parsed.data.vms) : current.vms,
    agent: { ...current.agent, ...parsed.data.agent },
    network: parsed.data.network ? networkFromPersisted(parsed.data.network) : current.network,
    journal: parsed.data.journal ? journalFromPersisted(parsed.data.journal) : current.journal,
    enable: { ...current.enable, ...parsed.data.enable },
    review: { ...current.review, ...parsed.data.review },
    setups: { ...current.setups, ...parsed.data.setups },
  };
}

export type WizardStoreOptions = {
  account: { tenantId: string; homeAccountId: string };
  /** Defaults to localStorage; tests pass an in-memory one. */
  storage?: StateStorage;
  now?: () => Date;
};

export function createWizardStore({ account, storage, now = () => new Date() }: WizardStoreOptions) {
  const deps: StoreDeps = { now };
  return createStore<WizardState>()(
    persist(
      (...a) => ({
        ...createSetupSlice(deps)(...a),
        ...createVaultSlice(deps)(...a),
        ...createReplicationSlice(deps)(...a),
        ...createGoalSlice(deps)(...a),
        ...createPolicySlice(deps)(...a),
        ...createVmsSlice(deps)(...a),
        ...createAgentSlice(deps)(...a),
        ...createNetworkSlice(deps)(...a),
        ...createJournalSlice(deps)(...a),
        ...createEnableSlice(deps)(...a),
        ...createReviewSlice(deps)(...a),
        ...createSetupsSlice(deps)(...a),
      }),
      {
        name: storageKeyFor(account),
        version: PERSIST_VERSION,
        storage: createJSONStorage<PersistedWizard>(() => storage ?? window.localStorage),
        partialize,
        migrate,
        merge,
      },
    ),
  );
}

export type WizardStore = ReturnType<typeof createWizardStore>;
