// What the Azure Backup routes share: item and container names, the VM behind them, where a VM is
// protected, the backup $filter syntax, and the protected item as the service returns it.
import { armErrors } from '../arm/errors.ts';
import { type Operation, operationStatusResult } from '../arm/lro.ts';
import type { ArmContext, RouteResult } from '../arm/types.ts';
import type { ArmResource, Store } from '../state/store.ts';
import { containerNameFor, protectedItemNameFor } from '../state/wire-backup.ts';
import { PROTECTED_ITEM_TYPE } from './vault-common.ts';

export const CONTAINER_TYPE = 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers';
export const VM_ITEM_TYPE = 'Microsoft.Compute/virtualMachines';

const lower = (s: unknown): string => String(s ?? '').toLowerCase();

export interface VmRef {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
}

export function parseVmId(id: unknown): VmRef | undefined {
  if (typeof id !== 'string') return undefined;
  const m = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Compute\/virtualMachines\/([^/]+)$/i.exec(id);
  if (!m?.[1] || !m[2] || !m[3]) return undefined;
  return { subscriptionId: m[1], resourceGroup: m[2], name: m[3] };
}

/**
 * The VM named by a container and item name pair. The container may be the 4-part URL form
 * (iaasvmcontainer;iaasvmcontainerv2;rg;vm) or the 3-part form responses carry (iaasvmcontainerv2;rg;vm).
 */
export function parseItemNames(containerName: string, itemName?: string): { resourceGroup: string; name: string } | undefined {
  const c = containerName.split(';');
  const tail = c.length === 4 && lower(c[0]) === 'iaasvmcontainer' ? c.slice(1) : c;
  if (tail.length !== 3 || lower(tail[0]) !== 'iaasvmcontainerv2' || !tail[1] || !tail[2]) return undefined;
  const ref = { resourceGroup: tail[1], name: tail[2] };
  if (itemName === undefined) return ref;
  const i = itemName.split(';');
  if (i.length !== 4 || lower(i[0]) !== 'vm' || lower(i[1]) !== 'iaasvmcontainerv2') return undefined;
  if (lower(i[2]) !== lower(ref.resourceGroup) || lower(i[3]) !== lower(ref.name)) return undefined;
  return ref;
}

export function containerIdFor(vaultId: string, resourceGroup: string, vmName: string): string {
  return `${vaultId}/backupFabrics/Azure/protectionContainers/${containerNameFor(resourceGroup, vmName)}`;
}

export function itemIdFor(vaultId: string, resourceGroup: string, vmName: string): string {
  return `${containerIdFor(vaultId, resourceGroup, vmName)}/protectedItems/${protectedItemNameFor(resourceGroup, vmName)}`;
}

/** The vault a backup resource id lies under. */
export function vaultIdOfBackupResource(id: string): string {
  const i = id.toLowerCase().indexOf('/backupfabrics/');
  return i < 0 ? id : id.slice(0, i);
}

export function requireAzureFabric(ctx: ArmContext): void {
  const fabric = ctx.params['fabricName'] ?? '';
  if (lower(fabric) !== 'azure') {
    throw armErrors.invalidRequestParameter('fabricName', `Azure virtual machines are in the fabric 'Azure' (got '${fabric}').`);
  }
}

/** The protected item of a VM in any vault of the VM's subscription (a VM is in one vault at most). */
export function protectionOf(store: Store, vmId: string): ArmResource | undefined {
  const vm = parseVmId(vmId);
  if (!vm) return undefined;
  return store
    .list({ type: PROTECTED_ITEM_TYPE, scope: `/subscriptions/${vm.subscriptionId}` })
    .find((item) => lower(item.properties?.['sourceResourceId']) === lower(vmId));
}

/** The backup APIs' $filter: terms "name eq 'value'" joined by "and". Names are returned lower-cased. */
export function parseBackupFilter(raw: string | null): Map<string, string> {
  const terms = new Map<string, string>();
  if (raw === null || raw.trim() === '') return terms;
  for (const term of raw.split(/\s+and\s+/i)) {
    const m = /^\s*(\w+)\s+eq\s+'([^']*)'\s*$/i.exec(term);
    if (!m?.[1] || m[2] === undefined) throw armErrors.backupInvalidInput(`The filter term "${term.trim()}" is not of the form name eq 'value'.`);
    terms.set(m[1].toLowerCase(), m[2]);
  }
  return terms;
}

/** False when the filter names a backupManagementType other than Azure VMs (nothing else lives here). */
export function wantsAzureVms(filter: Map<string, string>): boolean {
  const type = filter.get('backupmanagementtype');
  return type === undefined || lower(type) === 'azureiaasvm';
}

/**
 * The protected item as the service returns it. extendedInfo comes only with
 * $filter=expand eq 'extendedinfo'; items from the fixture have none stored, so it is derived.
 */
export function itemView(item: ArmResource, expandExtendedInfo: boolean): ArmResource {
  const { extendedInfo, ...properties } = (item.properties ?? {}) as Record<string, unknown>;
  if (!expandExtendedInfo) return { id: item.id, name: item.name, type: item.type, properties };
  const backedUp = typeof properties['lastRecoveryPoint'] === 'string';
  const derived = {
    recoveryPointCount: backedUp ? 1 : 0,
    policyInconsistent: false,
    ...(backedUp ? { oldestRecoveryPoint: properties['lastRecoveryPoint'], newestRecoveryPoint: properties['lastRecoveryPoint'] } : {}),
  };
  return { id: item.id, name: item.name, type: item.type, properties: { ...properties, extendedInfo: extendedInfo ?? derived } };
}

export function operationExtendedInfo(jobId: string): Record<string, unknown> {
  return { objectType: 'OperationStatusJobExtendedInfo', jobId };
}

/** Backup's operation status names the operation by its id alone (ProtectedItemOperationStatus.json). */
export function backupOperationStatus(ctx: ArmContext, operationId: string): RouteResult {
  const result = operationStatusResult(ctx, operationId);
  const body = result.body as Record<string, unknown> & { name: Operation['id'] };
  return { ...result, body: { ...body, id: body.name } };
}
