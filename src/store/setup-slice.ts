import { z } from 'zod';
import { afterSubscriptionChange } from './dependent-resets.ts';
import type { SliceCreator, StoreDeps } from './slice.ts';

/** Step 1: the subscription every later step works in. */
export type SetupState = {
  subscriptionId: string | null;
  subscriptionName: string | null;
  /** ISO time of the last change, shown as "saved at" and useful when progress is resumed days later. */
  updatedAt: string | null;
};

export type SetupSlice = {
  setup: SetupState;
  chooseSubscription(choice: { subscriptionId: string; displayName: string }): void;
};

export const initialSetup: SetupState = { subscriptionId: null, subscriptionName: null, updatedAt: null };

/** What may be read back from storage for this slice; anything else in storage is ignored. */
export const persistedSetupSchema = z.object({
  subscriptionId: z.string().min(1).nullable().default(null),
  subscriptionName: z.string().nullable().default(null),
  updatedAt: z.iso.datetime().nullable().default(null),
});

export const persistSetup = (setup: SetupState): SetupState => ({
  subscriptionId: setup.subscriptionId,
  subscriptionName: setup.subscriptionName,
  updatedAt: setup.updatedAt,
});

export const createSetupSlice =
  ({ now }: StoreDeps): SliceCreator<SetupSlice> =>
  (set) => ({
    setup: initialSetup,
    // Later slices (vault, policy, VMs) depend on the subscription: dependent-resets.ts clears them when it changes.
    chooseSubscription: ({ subscriptionId, displayName }) =>
      set((state) => ({
        ...(state.setup.subscriptionId === subscriptionId ? {} : afterSubscriptionChange(state)),
        setup: { subscriptionId, subscriptionName: displayName, updatedAt: now().toISOString() },
      })),
  });
