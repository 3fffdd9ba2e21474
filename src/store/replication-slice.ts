import { z } from 'zod';
import type { SliceCreator, StoreDeps } from './slice.ts';

export type Redundancy = 'GeoRedundant' | 'LocallyRedundant' | 'ZoneRedundant';

export type ReplicationChoice = { storageType: Redundancy; crossRegionRestore: boolean };

/** What Azure reported after the save (or, for a Locked vault, what the user acknowledged). */
export type ReplicationConfirmed = ReplicationChoice & { locked: boolean; confirmedAt: string };

export type ReplicationState = {
  /** The vault the choice and confirmation belong to; anything for another vault is stale. */
  vaultId: string | null;
  choice: ReplicationChoice | null;
  confirmed: ReplicationConfirmed | null;
};

export type ReplicationSlice = {
  replication: ReplicationState;
  chooseReplication(vaultId: string, choice: ReplicationChoice): void;
  /** Records what Azure read back; the step is done only when it matches the choice (or the vault is Locked). */
  confirmReplication(vaultId: string, readBack: ReplicationChoice & { locked: boolean }): void;
};

export const initialReplication: ReplicationState = { vaultId: null, choice: null, confirmed: null };

const redundancy = z.enum(['GeoRedundant', 'LocallyRedundant', 'ZoneRedundant']);
const choiceSchema = z.object({ storageType: redundancy, crossRegionRestore: z.boolean() });

export const persistedReplicationSchema = z.object({
  vaultId: z.string().min(1).nullable().default(null),
  choice: choiceSchema.nullable().default(null),
  confirmed: choiceSchema.extend({ locked: z.boolean(), confirmedAt: z.iso.datetime() }).nullable().default(null),
});

export const persistReplication = (replication: ReplicationState): ReplicationState => ({
  vaultId: replication.vaultId,
  choice: replication.choice && { ...replication.choice },
  confirmed: replication.confirmed && { ...replication.confirmed },
});

const sameVault = (a: string | null, b: string) => a !== null && a.toLowerCase() === b.toLowerCase();

/** True when the confirmation (read back from Azure) belongs to this vault and says what the user chose. */
export function replicationIsConfirmed(replication: ReplicationState, vaultId: string | undefined): boolean {
  const { confirmed, choice } = replication;
  if (vaultId === undefined || !sameVault(replication.vaultId, vaultId) || confirmed === null) return false;
  if (confirmed.locked) return true;
  return choice !== null && choice.storageType === confirmed.storageType && choice.crossRegionRestore === confirmed.crossRegionRestore;
}

export const createReplicationSlice =
  ({ now }: StoreDeps): SliceCreator<ReplicationSlice> =>
  (set) => ({
    replication: initialReplication,
    chooseReplication: (vaultId, choice) =>
      set((state) => {
        const same = sameVault(state.replication.vaultId, vaultId);
        return { replication: { vaultId, choice: { ...choice }, confirmed: same ? state.replication.confirmed : null } };
      }),
    confirmReplication: (vaultId, readBack) =>
      set((state) => {
        const same = sameVault(state.replication.vaultId, vaultId);
        const choice = same && state.replication.choice !== null ? state.replication.choice : null;
        const confirmed: ReplicationConfirmed = {
          storageType: readBack.storageType,
          crossRegionRestore: readBack.crossRegionRestore,
          locked: readBack.locked,
          confirmedAt: now().toISOString(),
        };
        // A Locked vault's setting is what it is: the acknowledged read-back becomes the choice.
        const nextChoice = readBack.locked || choice === null ? { storageType: readBack.storageType, crossRegionRestore: readBack.crossRegionRestore } : choice;
        return { replication: { vaultId, choice: nextChoice, confirmed } };
      }),
  });
