import { z } from 'zod';
import type { SliceCreator, StoreDeps } from './slice.ts';

/**
 * The backup goal, as the portal's Backup Goal blade asks it. This wizard covers one goal only — Azure
 * virtual machines — so confirming it is what completes the step.
 */
export type GoalState = {
  workload: 'Azure' | null;
  backupItem: 'VirtualMachine' | null;
  updatedAt: string | null;
};

export type GoalSlice = {
  goal: GoalState;
  confirmGoal(): void;
};

export const initialGoal: GoalState = { workload: null, backupItem: null, updatedAt: null };

export const persistedGoalSchema = z.object({
  workload: z.literal('Azure').nullable().default(null),
  backupItem: z.literal('VirtualMachine').nullable().default(null),
  updatedAt: z.iso.datetime().nullable().default(null),
});

export const persistGoal = (goal: GoalState): GoalState => ({
  workload: goal.workload,
  backupItem: goal.backupItem,
  updatedAt: goal.updatedAt,
});

export const isGoalConfirmed = (goal: GoalState): boolean => goal.workload === 'Azure' && goal.backupItem === 'VirtualMachine';

export const createGoalSlice =
  ({ now }: StoreDeps): SliceCreator<GoalSlice> =>
  (set) => ({
    goal: initialGoal,
    confirmGoal: () => set({ goal: { workload: 'Azure', backupItem: 'VirtualMachine', updatedAt: now().toISOString() } }),
  });
