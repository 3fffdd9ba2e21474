import { z } from 'zod';
import type { SliceCreator, StoreDeps } from './slice.ts';

/*
 * The Enable step's own record. What was written, and how it ended, is in the journal; this slice keeps what
 * the journal can't: that the user asked to enable backup (so a reload carries on), the VMs found already
 * protected (nothing was written for them), failures the user accepted, and the Back-up-now jobs.
 * Every record names its vault and policy: one made for another choice never counts.
 */

export type EnableRun = { vaultId: string; policyId: string; requestedAt: string };

/** A VM found protected by this vault with this policy, so no PUT was sent ("no change"). */
export type UnchangedProtection = { vmId: string; vaultId: string; policyId: string; checkedAt: string };

export type AcceptedFailures = { vaultId: string; policyId: string; vmIds: string[]; acceptedAt: string };

export type BackupJobError = { code: string; message: string; recommendations: string[] };

/** A Back-up-now request and the job it started. `status` is the job's (InProgress, Completed, Failed, …). */
export type BackupRecord = {
  vmId: string;
  vaultId: string;
  journalId: string | null;
  jobId: string | null;
  status: string;
  errors: BackupJobError[];
  updatedAt: string;
};

export type EnableState = {
  run: EnableRun | null;
  unchanged: UnchangedProtection[];
  acceptedFailures: AcceptedFailures | null;
  backups: BackupRecord[];
};

export type EnableSlice = {
  enable: EnableState;
  requestEnableRun(vaultId: string, policyId: string): void;
  recordUnchangedProtection(vmId: string, vaultId: string, policyId: string): void;
  acceptEnableFailures(vaultId: string, policyId: string, vmIds: string[]): void;
  recordBackup(record: Omit<BackupRecord, 'updatedAt'>): void;
};

export const initialEnable: EnableState = { run: null, unchanged: [], acceptedFailures: null, backups: [] };

const id = z.string().min(1).max(2000);
const MAX_VMS = 10_000;

export const persistedEnableSchema = z.object({
  run: z.object({ vaultId: id, policyId: id, requestedAt: z.iso.datetime() }).nullable().default(null),
  unchanged: z
    .array(z.object({ vmId: id, vaultId: id, policyId: id, checkedAt: z.iso.datetime() }))
    .max(MAX_VMS)
    .default([]),
  acceptedFailures: z
    .object({ vaultId: id, policyId: id, vmIds: z.array(id).max(MAX_VMS), acceptedAt: z.iso.datetime() })
    .nullable()
    .default(null),
  backups: z
    .array(
      z.object({
        vmId: id,
        vaultId: id,
        journalId: id.nullable(),
        jobId: id.nullable(),
        status: z.string().max(100),
        errors: z
          .array(z.object({ code: z.string().max(500), message: z.string().max(4000), recommendations: z.array(z.string().max(4000)).max(20) }))
          .max(20),
        updatedAt: z.iso.datetime(),
      }),
    )
    .max(MAX_VMS)
    .default([]),
});

export const persistEnable = (enable: EnableState): EnableState => ({
  run: enable.run && { ...enable.run },
  unchanged: enable.unchanged.map((record) => ({ ...record })),
  acceptedFailures: enable.acceptedFailures && { ...enable.acceptedFailures, vmIds: [...enable.acceptedFailures.vmIds] },
  backups: enable.backups.map((record) => ({
    ...record,
    errors: record.errors.map((error) => ({ ...error, recommendations: [...error.recommendations] })),
  })),
});

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export const createEnableSlice =
  ({ now }: StoreDeps): SliceCreator<EnableSlice> =>
  (set) => ({
    enable: initialEnable,
    requestEnableRun: (vaultId, policyId) =>
      set((state) => ({ enable: { ...state.enable, run: { vaultId, policyId, requestedAt: now().toISOString() } } })),
    recordUnchangedProtection: (vmId, vaultId, policyId) =>
      set((state) => ({
        enable: {
          ...state.enable,
          unchanged: [
            ...state.enable.unchanged.filter((record) => !same(record.vmId, vmId)),
            { vmId, vaultId, policyId, checkedAt: now().toISOString() },
          ],
        },
      })),
    acceptEnableFailures: (vaultId, policyId, vmIds) =>
      set((state) => ({ enable: { ...state.enable, acceptedFailures: { vaultId, policyId, vmIds: [...vmIds], acceptedAt: now().toISOString() } } })),
    recordBackup: (record) =>
      set((state) => ({
        enable: {
          ...state.enable,
          backups: [
            ...state.enable.backups.filter((other) => !(same(other.vmId, record.vmId) && same(other.vaultId, record.vaultId))),
            { ...record, updatedAt: now().toISOString() },
          ],
        },
      })),
  });
