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

/**
 * The whole wizard state: one slice per concern. Planned next: vault, replication, policy, vms, journal —
 * each adds its slice type here, its creator below, and its allow-listed fields to `PersistedWizard`.
 */
export type WizardState = SetupSlice;

/** Exactly what is written to storage: the user's choices, never tokens nor whole ARM responses. */
export type PersistedWizard = { setup: SetupState };

export const PERSIST_VERSION = 1;

const persistedSchema = z.object({ setup: persistedSetupSchema.optional() });

/** One key per tenant and account, so a different account on the same browser never sees this progress. */
export function storageKeyFor(account: { tenantId: string; homeAccountId: string }): string {
  return `vmbw:v1:${account.tenantId}:${account.homeAccountId}`;
}

export function partialize(state: WizardState): PersistedWizard {
  return { setup: persistSetup(state.setup) };
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
  return { ...current, setup: { ...current.setup, ...parsed.data.setup } };
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
