import { z } from 'zod';
import type { VaultSecurity } from '../shared/vault-security.ts';
import { draftFromSecurity, securityDraftSchema, securitySchema, type SecurityDraft } from './security-draft.ts';
import type { SliceCreator, StoreDeps } from './slice.ts';

export type Redundancy = 'GeoRedundant' | 'LocallyRedundant' | 'ZoneRedundant';

export type ReplicationChoice = { storageType: Redundancy; crossRegionRestore: boolean };

/** What Azure reported after the save (or, for a Locked vault, what the user acknowledged). */
export type ReplicationConfirmed = ReplicationChoice & { locked: boolean; confirmedAt: string };

/** The vault's security settings: what the user set (a draft), and what Azure reported after the save. */
export type SecurityChoiceState = {
  vaultId: string | null;
  /** null until the user changes something (the form then shows what Azure reports). */
  draft: SecurityDraft | null;
  confirmed: (VaultSecurity & { confirmedAt: string }) | null;
};

export type ReplicationState = {
  /** The vault the choice and confirmation belong to; anything for another vault is stale. */
  vaultId: string | null;
  choice: ReplicationChoice | null;
  confirmed: ReplicationConfirmed | null;
  security: SecurityChoiceState;
};

export type ReplicationSlice = {
  replication: ReplicationState;
  chooseReplication(vaultId: string, choice: ReplicationChoice): void;
  /** Records what Azure read back; the step is done only when it matches the choice (or the vault is Locked). */
  confirmReplication(vaultId: string, readBack: ReplicationChoice & { locked: boolean }): void;
  /** Starts from `current` (what Azure reports) the first time a setting changes for this vault. */
  editSecurityDraft(vaultId: string, current: SecurityDraft, change: Partial<SecurityDraft>): void;
  /** Records the settings Azure read back after a save (or after the vault was created with them). */
  confirmSecurity(vaultId: string, readBack: VaultSecurity): void;
};

export const initialSecurityChoice: SecurityChoiceState = { vaultId: null, draft: null, confirmed: null };

export const initialReplication: ReplicationState = { vaultId: null, choice: null, confirmed: null, security: initialSecurityChoice };

const redundancy = z.enum(['GeoRedundant', 'LocallyRedundant', 'ZoneRedundant']);
const choiceSchema = z.object({ storageType: redundancy, crossRegionRestore: z.boolean() });

export const persistedReplicationSchema = z.object({
  vaultId: z.string().min(1).nullable().default(null),
  choice: choiceSchema.nullable().default(null),
  confirmed: choiceSchema.extend({ locked: z.boolean(), confirmedAt: z.iso.datetime() }).nullable().default(null),
  // Added after version 1 was first written: saved progress without it has no security choice.
  security: z
    .object({
      vaultId: z.string().min(1).nullable().default(null),
      draft: securityDraftSchema.nullable().default(null),
      confirmed: securitySchema.extend({ confirmedAt: z.iso.datetime() }).nullable().default(null),
    })
    .default(initialSecurityChoice),
});

export const persistReplication = (replication: ReplicationState): ReplicationState => ({
  vaultId: replication.vaultId,
  choice: replication.choice && { ...replication.choice },
  confirmed: replication.confirmed && { ...replication.confirmed },
  security: {
    vaultId: replication.security.vaultId,
    draft: replication.security.draft && { ...replication.security.draft },
    confirmed: replication.security.confirmed && { ...replication.security.confirmed },
  },
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
        return { replication: { ...state.replication, vaultId, choice: { ...choice }, confirmed: same ? state.replication.confirmed : null } };
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
        return { replication: { ...state.replication, vaultId, choice: nextChoice, confirmed } };
      }),
    editSecurityDraft: (vaultId, current, change) =>
      set((state) => {
        const security = state.replication.security;
        const same = sameVault(security.vaultId, vaultId);
        const draft = { ...((same ? security.draft : null) ?? current), ...change };
        return { replication: { ...state.replication, security: { vaultId, draft, confirmed: same ? security.confirmed : null } } };
      }),
    confirmSecurity: (vaultId, readBack) =>
      set((state) => ({
        replication: {
          ...state.replication,
          // What Azure holds becomes the draft: the form shows it, and nothing is left unsaved.
          security: { vaultId, draft: draftFromSecurity(readBack), confirmed: { ...readBack, confirmedAt: now().toISOString() } },
        },
      })),
  });

/** The security draft and confirmation for this vault, or nulls when they belong to another one. */
export function securityChoiceFor(replication: ReplicationState, vaultId: string | undefined): SecurityChoiceState {
  const security = replication.security;
  return vaultId !== undefined && sameVault(security.vaultId, vaultId) ? security : initialSecurityChoice;
}
