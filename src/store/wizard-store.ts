import { createStore } from 'zustand/vanilla';
import { persist, type StateStorage } from 'zustand/middleware';
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
import { createSavedProgress, type SavedProgress } from './saved-progress.ts';
import { storageKeyFor } from './storage-key.ts';
import { createEnableSlice, persistedEnableSchema, persistEnable, type EnableSlice, type EnableState } from './enable-slice.ts';
import {
  createJournalSlice,
  journalFromPersisted,
  persistedJournalSchema,
  type JournalSlice,
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

/**
 * Exactly what is written to storage under the account's key: the user's choices, never tokens nor whole ARM
 * responses. The journal is saved entry by entry beside it (journal-storage.ts); version 1 kept it inline.
 */
export type PersistedWizard = {
  setup: SetupState;
  vault?: VaultState;
  replication?: ReplicationState;
  goal?: GoalState;
  policy?: PolicyState;
  vms?: VmsState;
  agent?: AgentState;
  network?: NetworkState;
  enable?: EnableState;
  review?: ReviewState;
  setups?: SetupsState;
};

/** 2: the journal moved out of the saved value into entry keys of its own (version 1 carried it inline). */
export const PERSIST_VERSION = 2;

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

export { storageKeyFor };

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
    enable: persistEnable(state.enable),
    review: persistReview(state.review),
    setups: persistSetups(state.setups),
  };
}

/**
 * Called by persist only when the saved version differs from PERSIST_VERSION. From 1: the same choices, with the
 * journal inline — merge() validates it all, and the first journal sync after loading moves the entries to
 * their own keys. Any other version is not ours (or comes from a newer build): start afresh rather than guess.
 */
export function migrate(persisted: unknown, version: number): PersistedWizard {
  if (version === 1 && typeof persisted === 'object' && persisted !== null) return persisted as PersistedWizard;
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
  /** The choices are saved at most this often (the journal at once, always); 0 (the default) on every change. The app passes SAVE_INTERVAL_MS. */
  saveIntervalMs?: number;
};

// persist's middleware asks for the value to save on every update; the real snapshot is taken only when the
// (throttled) write happens, by saved-progress.ts. This stands in for it, and is never written.
const SAVED_LATER: PersistedWizard = { setup: initialSetup };

const savedProgressOf = new WeakMap<object, SavedProgress<PersistedWizard>>();

/** Writes the progress not yet saved (the app calls it when the page is hidden or closed). */
export function flushSavedProgress(store: WizardStore): void {
  savedProgressOf.get(store)?.flush();
}

/** How often the app saves the choices: a thousand-VM run changes the state many times a second. */
export const SAVE_INTERVAL_MS = 500;

export function createWizardStore({ account, storage, now = () => new Date(), saveIntervalMs = 0 }: WizardStoreOptions) {
  const deps: StoreDeps = { now };
  const current: { get: (() => WizardState) | null } = { get: null };
  const saved = createSavedProgress<PersistedWizard>({
    storage: storage ?? window.localStorage,
    key: storageKeyFor(account),
    snapshot: () => (current.get ? partialize(current.get()) : SAVED_LATER),
    version: PERSIST_VERSION,
    intervalMs: saveIntervalMs,
  });
  const store = createStore<WizardState>()(
    persist(
      (...a) => {
        current.get = a[1];
        return {
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
        };
      },
      {
        name: storageKeyFor(account),
        version: PERSIST_VERSION,
        storage: saved,
        partialize: () => SAVED_LATER,
        migrate,
        merge,
      },
    ),
  );
  // The journal is saved synchronously inside the update that changed it, before anything else hears of
  // it: when recordWriteIntent returns, the intent is in storage (src/journal/README.md).
  let entries = store.getState().journal.entries;
  saved.journal.sync(entries);
  store.subscribe((state) => {
    if (state.journal.entries === entries) return;
    entries = state.journal.entries;
    saved.journal.sync(entries);
  });
  savedProgressOf.set(store, saved);
  return store;
}

export type WizardStore = ReturnType<typeof createWizardStore>;
