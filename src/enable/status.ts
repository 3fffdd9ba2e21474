import { protectedItemIdFor, vmRefFromId, type VmRef } from '../azure/protection-names.ts';
import type { VaultRef } from '../azure/policy-types.ts';
import type { JournalEntry } from '../journal/types.ts';
import type { EnableState } from '../store/enable-slice.ts';
import type { WizardState } from '../store/wizard-store.ts';

/*
 * Where each VM of the setup stands, derived from the journal (what was written and how it ended) and the
 * Enable step's own record (VMs found already protected). Nothing here is stored twice, so a reload, a
 * second tab or a resumed operation all read the same answer.
 */

export type EnableTargets = {
  vault: VaultRef;
  vaultId: string;
  policyId: string;
  policyName: string;
  vms: VmRef[];
};

type TargetsInput = Pick<WizardState, 'vault' | 'policy' | 'vms'>;

const same = (a: string | undefined | null, b: string | undefined | null) =>
  typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();

/** The vault, policy and VMs "Enable backup" works on; null until the earlier steps chose them. VMs the VM step blocked are left out. */
export function enableTargets(state: TargetsInput): EnableTargets | null {
  const vault = state.vault.chosen;
  const policy = state.policy.chosen;
  if (!vault || !policy) return null;
  const subscriptionId = /^\/subscriptions\/([^/]+)\//i.exec(vault.id)?.[1];
  if (!subscriptionId) return null;
  const vms = state.vms.selectedIds
    .filter((id) => state.vms.summaries[id]?.verdict !== 'blocked')
    .map(vmRefFromId)
    .filter((vm): vm is VmRef => vm !== null);
  return {
    vault: { subscriptionId, resourceGroup: vault.resourceGroup, vaultName: vault.name },
    vaultId: vault.id,
    policyId: policy.id,
    policyName: policy.name,
    vms,
  };
}

export type VmEnableStatus =
  | { state: 'notStarted' }
  /** Intent recorded, no answer yet: being sent now, or the page closed before Azure answered. */
  | { state: 'sending'; entry: JournalEntry }
  /** Accepted by Azure; its operation URL is saved and is polled, never re-sent. */
  | { state: 'inFlight'; entry: JournalEntry; operationUrl: string }
  | { state: 'protected'; unchanged: boolean; jobId: string | null; entry: JournalEntry | null; at: string }
  | { state: 'failed'; entry: JournalEntry }
  /** The page closed before Azure answered, and the write was not followed: sending it again is safe. */
  | { state: 'interrupted'; entry: JournalEntry };

const indexKey = (itemId: string, policyId: string) => `${itemId.toLowerCase()}|${policyId.toLowerCase()}`;

// Statuses of a thousand VMs are derived on every journal change: one pass over the journal (kept while the
// entry list is the same object) instead of a scan of it per VM.
const protectionIndexes = new WeakMap<readonly JournalEntry[], Map<string, JournalEntry>>();
function protectionIndex(entries: readonly JournalEntry[]): Map<string, JournalEntry> {
  let index = protectionIndexes.get(entries);
  if (!index) {
    index = new Map();
    for (const entry of entries) {
      // Oldest first, so the newest entry per item and policy wins.
      if (entry.kind === 'protectedItem.put') index.set(indexKey(entry.target, String(entry.summary['policyId'] ?? '')), entry);
    }
    protectionIndexes.set(entries, index);
  }
  return index;
}

const unchangedIndexes = new WeakMap<readonly EnableState['unchanged'][number][], Map<string, EnableState['unchanged'][number]>>();
function unchangedIndex(records: EnableState['unchanged']): Map<string, EnableState['unchanged'][number]> {
  let index = unchangedIndexes.get(records);
  if (!index) {
    index = new Map();
    for (const record of records) {
      const key = `${record.vmId}|${record.vaultId}|${record.policyId}`.toLowerCase();
      if (!index.has(key)) index.set(key, record);
    }
    unchangedIndexes.set(records, index);
  }
  return index;
}

/** The newest configure-protection write for this VM with this policy. */
export function latestProtectionEntry(entries: readonly JournalEntry[], targets: EnableTargets, vm: VmRef): JournalEntry | undefined {
  return protectionIndex(entries).get(indexKey(protectedItemIdFor(targets.vault, vm), targets.policyId));
}

export function vmEnableStatus(
  state: { journal: { entries: JournalEntry[] }; enable: EnableState },
  targets: EnableTargets,
  vm: VmRef,
): VmEnableStatus {
  const entry = latestProtectionEntry(state.journal.entries, targets, vm);
  const unchanged = unchangedIndex(state.enable.unchanged).get(`${vm.id}|${targets.vaultId}|${targets.policyId}`.toLowerCase());
  // A "no change" check after the last write is the newer fact (e.g. a retry found the VM already protected).
  if (unchanged && (!entry || Date.parse(unchanged.checkedAt) >= Date.parse(entry.result?.at ?? entry.at))) {
    return { state: 'protected', unchanged: true, jobId: null, entry: null, at: unchanged.checkedAt };
  }
  if (!entry) return { state: 'notStarted' };
  const { result } = entry;
  if (!result) {
    return entry.operationUrl !== undefined ? { state: 'inFlight', entry, operationUrl: entry.operationUrl } : { state: 'sending', entry };
  }
  if (result.outcome === 'succeeded') return { state: 'protected', unchanged: false, jobId: result.jobId ?? null, entry, at: result.at };
  if (result.outcome === 'unknown') return { state: 'interrupted', entry };
  return { state: 'failed', entry };
}

export type VmEnableRow = { vm: VmRef; status: VmEnableStatus };

export function vmEnableRows(state: Pick<WizardState, 'vault' | 'policy' | 'vms' | 'journal' | 'enable'>): VmEnableRow[] {
  const targets = enableTargets(state);
  if (!targets) return [];
  return targets.vms.map((vm) => ({ vm, status: vmEnableStatus(state, targets, vm) }));
}

/** Complete when every VM is protected, or every VM not protected is a failure the user accepted. */
export function isEnableComplete(state: Pick<WizardState, 'vault' | 'policy' | 'vms' | 'journal' | 'enable'>): boolean {
  const targets = enableTargets(state);
  if (!targets || targets.vms.length === 0) return false;
  const rows = targets.vms.map((vm) => ({ vm, status: vmEnableStatus(state, targets, vm) }));
  if (rows.every((row) => row.status.state === 'protected')) return true;
  const accepted = state.enable.acceptedFailures;
  if (!accepted || !same(accepted.vaultId, targets.vaultId) || !same(accepted.policyId, targets.policyId)) return false;
  return rows.every(
    (row) => row.status.state === 'protected' || (row.status.state === 'failed' && accepted.vmIds.some((id) => same(id, row.vm.id))),
  );
}

/** Under the step's name in the step list: how many VMs are protected. */
export function summarizeEnable(state: Pick<WizardState, 'vault' | 'policy' | 'vms' | 'journal' | 'enable'>): string | null {
  const rows = vmEnableRows(state);
  const protectedCount = rows.filter((row) => row.status.state === 'protected').length;
  if (rows.length === 0 || protectedCount === 0) return null;
  const failed = rows.filter((row) => row.status.state === 'failed').length;
  const vms = `${protectedCount} of ${rows.length} VM${rows.length === 1 ? '' : 's'} protected`;
  return failed > 0 ? `${vms}, ${failed} failed` : vms;
}

export type ProtectedVmRecord = {
  vmId: string;
  vmName: string;
  resourceGroup: string;
  protectedItemId: string;
  /** The ConfigureBackup job; null when the VM was already protected (nothing was sent). */
  jobId: string | null;
  unchanged: boolean;
  requestId: string | null;
  at: string;
};

/** For the Summary: the VMs this setup protected (or found protected), with their configure-backup job ids. */
export function selectProtectedVms(state: Pick<WizardState, 'vault' | 'policy' | 'vms' | 'journal' | 'enable'>): ProtectedVmRecord[] {
  const targets = enableTargets(state);
  if (!targets) return [];
  return targets.vms.flatMap((vm) => {
    const status = vmEnableStatus(state, targets, vm);
    if (status.state !== 'protected') return [];
    return [
      {
        vmId: vm.id,
        vmName: vm.name,
        resourceGroup: vm.resourceGroup,
        protectedItemId: protectedItemIdFor(targets.vault, vm),
        jobId: status.jobId,
        unchanged: status.unchanged,
        requestId: status.entry?.requestId ?? null,
        at: status.at,
      },
    ];
  });
}

/** For the Summary: the Back-up-now jobs of this vault. */
export function selectBackupJobs(state: Pick<WizardState, 'vault' | 'enable'>): EnableState['backups'] {
  const vaultId = state.vault.chosen?.id;
  return vaultId ? state.enable.backups.filter((record) => same(record.vaultId, vaultId)) : [];
}
