import { z } from 'zod';
import type { SliceCreator, StoreDeps } from './slice.ts';
import { afterVaultChange } from './dependent-resets.ts';
import { initialSecurityDraft, securityDraftSchema, type SecurityDraft } from './security-draft.ts';

/** The vault every later step works with. */
export type VaultChoice = { id: string; name: string; resourceGroup: string; location: string };

export type TagRow = { key: string; value: string };

/** The create form as typed, kept so a reload or a closed tab loses nothing. */
export type VaultDraft = {
  mode: 'existing' | 'new';
  name: string;
  resourceGroupMode: 'existing' | 'new';
  existingResourceGroup: string;
  newResourceGroup: string;
  /** Programmatic region name ("westeurope"); '' until chosen or defaulted. */
  location: string;
  tags: TagRow[];
  /** The new vault's security settings (Azure's defaults until changed). */
  security: SecurityDraft;
};

export type VaultState = {
  chosen: VaultChoice | null;
  draft: VaultDraft;
  updatedAt: string | null;
};

export type VaultSlice = {
  vault: VaultState;
  /** Choosing another vault resets the choices made for the previous one (replication, goal, policy). */
  chooseVault(choice: VaultChoice): void;
  editVaultDraft(change: Partial<VaultDraft>): void;
};

export const initialVaultDraft: VaultDraft = {
  mode: 'existing',
  name: '',
  resourceGroupMode: 'existing',
  existingResourceGroup: '',
  newResourceGroup: '',
  location: '',
  tags: [],
  security: initialSecurityDraft,
};

export const initialVault: VaultState = { chosen: null, draft: initialVaultDraft, updatedAt: null };

// Generous bounds: they only stop a corrupted entry from flooding the form, the real rules are checked when typed.
const text = z.string().max(1000);

export const persistedVaultSchema = z.object({
  chosen: z
    .object({ id: z.string().min(1), name: z.string().min(1), resourceGroup: z.string().min(1), location: z.string().min(1) })
    .nullable()
    .default(null),
  draft: z
    .object({
      mode: z.enum(['existing', 'new']).default('existing'),
      name: text.default(''),
      resourceGroupMode: z.enum(['existing', 'new']).default('existing'),
      existingResourceGroup: text.default(''),
      newResourceGroup: text.default(''),
      location: text.default(''),
      tags: z.array(z.object({ key: text, value: text })).max(100).default([]),
      // Added after version 1 was first written: saved progress without it reads as Azure's defaults.
      security: securityDraftSchema.default(initialSecurityDraft),
    })
    .default(initialVaultDraft),
  updatedAt: z.iso.datetime().nullable().default(null),
});

export const persistVault = (vault: VaultState): VaultState => ({
  chosen: vault.chosen && { ...vault.chosen },
  draft: { ...vault.draft, tags: vault.draft.tags.map((tag) => ({ key: tag.key, value: tag.value })), security: { ...vault.draft.security } },
  updatedAt: vault.updatedAt,
});

export const createVaultSlice =
  ({ now }: StoreDeps): SliceCreator<VaultSlice> =>
  (set) => ({
    vault: initialVault,
    chooseVault: (choice) =>
      set((state) => ({
        ...(state.vault.chosen?.id.toLowerCase() === choice.id.toLowerCase() ? {} : afterVaultChange(state)),
        vault: { ...state.vault, chosen: { ...choice }, updatedAt: now().toISOString() },
      })),
    editVaultDraft: (change) =>
      set((state) => ({ vault: { ...state.vault, draft: { ...state.vault.draft, ...change }, updatedAt: now().toISOString() } })),
  });
