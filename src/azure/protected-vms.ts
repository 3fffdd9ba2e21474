import type { ProtectedItemResource } from '@azure/arm-recoveryservicesbackup';
import type { ArmClients } from './clients.ts';
import type { VaultRef } from './policy-types.ts';

/** An Azure VM the vault protects, as the Summary, the plan and "continue from a vault" read it. */
export type ProtectedVm = {
  /** The protected item's ARM id. */
  id: string;
  /** The VM's ARM id (sourceResourceId, else virtualMachineId). */
  vmId: string;
  vmName: string;
  /** e.g. IRPending (until the first backup), Protected, ProtectionError, ProtectionStopped. */
  protectionState: string;
  /** Healthy / Unhealthy, as the service words it. */
  protectionStatus: string;
  /** Passed, ActionRequired, ActionSuggested, Invalid. */
  healthStatus: string;
  /** '' until the first backup; then Completed, Failed, … */
  lastBackupStatus: string;
  /** ISO time, or null before the first backup. */
  lastBackupTime: string | null;
  policyId: string;
  policyName: string;
};

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

function toProtectedVm(item: ProtectedItemResource): ProtectedVm | null {
  const p = item.properties as (Record<string, unknown> & { lastBackupTime?: unknown }) | undefined;
  if (!item.id || !p) return null;
  const vmId = text(p['sourceResourceId']) || text(p['virtualMachineId']);
  const last = p.lastBackupTime;
  return {
    id: item.id,
    vmId,
    vmName: text(p['friendlyName']) || (vmId.split('/').at(-1) ?? ''),
    protectionState: text(p['protectionState']),
    protectionStatus: text(p['protectionStatus']),
    healthStatus: text(p['healthStatus']),
    lastBackupStatus: text(p['lastBackupStatus']),
    lastBackupTime: last instanceof Date && !Number.isNaN(last.getTime()) ? last.toISOString() : typeof last === 'string' && last !== '' ? last : null,
    policyId: text(p['policyId']),
    policyName: text(p['policyName']) || (text(p['policyId']).split('/').at(-1) ?? ''),
  };
}

/** Every Azure VM the vault protects (all pages), sorted by VM name. */
export async function listProtectedVms(clients: ArmClients, vault: VaultRef): Promise<ProtectedVm[]> {
  const client = await clients.backup(vault.subscriptionId);
  const result: ProtectedVm[] = [];
  const items = client.backupProtectedItems.list(vault.vaultName, vault.resourceGroup, {
    filter: "backupManagementType eq 'AzureIaasVM' and itemType eq 'VM'",
  });
  for await (const item of items) {
    const vm = toProtectedVm(item);
    if (vm) result.push(vm);
  }
  return result.sort((a, b) => a.vmName.localeCompare(b.vmName));
}

/** Where a VM is protected, from the region's backupStatus pre-check: null when it is not. */
export async function getVmProtectionStatus(
  clients: ArmClients,
  subscriptionId: string,
  location: string,
  vmId: string,
): Promise<{ vaultId: string; policyName: string; state: string } | null> {
  const client = await clients.backup(subscriptionId);
  const status = await client.backupStatus.get(location, { resourceId: vmId, resourceType: 'VM' });
  const state = status.protectionStatus ?? 'NotProtected';
  if (!status.vaultId || state === 'NotProtected' || state === 'Invalid') return null;
  return { vaultId: status.vaultId, policyName: status.policyName ?? '', state };
}
