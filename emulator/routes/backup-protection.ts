// Protected Azure VMs: configure protection (PUT, 202 + operation), read, list, stop protection and
// delete data (DELETE, 202), back up now (POST backup, 202), and the operations that track them
// (arm-api.md §1e, ConfigureProtection.json, TriggerBackup_Post.json).
//
// - A PUT for an item that already exists with the same policy changes nothing and answers 200 with
//   the item; another policy answers 202 and settles to the same item with the new policy. A PUT while
//   the item's ConfigureBackup job still runs is refused (BMSUserErrorConflictingProtectionOperation).
// - Configuring does not look at the VM agent: Azure fails only the first backup when the agent is not
//   ready, so "backup now" fails its job with UserErrorGuestAgentStatusUnavailable for a running VM
//   whose agent is not Ready. Stopped VMs back up offline (crash-consistent), as the guide says.
// - Deleting removes the item and its container at once (soft delete of items is not modelled); the
//   vault's storage configuration stays Locked. An immutable vault fails the delete of an item that has
//   recovery points (UserErrorDeleteBackupItemOnImmutableItem, as the operation's and the job's error).
import { securityFromProperties } from '../../src/shared/vault-security.ts';
import { API_VERSIONS } from '../arm/api-versions.ts';
import { ArmError, armErrors } from '../arm/errors.ts';
import { asyncHeaders, operationLocationResult } from '../arm/lro.ts';
import { page } from '../arm/paging.ts';
import { isAuthorized, scopeWithin, type RoleAssignment } from '../arm/rbac.ts';
import type { ArmContext, ArmRoute } from '../arm/types.ts';
import type { ArmResource, Store } from '../state/store.ts';
import { protectionResources, storageConfigResource } from '../state/wire-backup.ts';
import {
  backupOperationStatus, containerIdFor, itemIdFor, itemView, operationExtendedInfo, parseBackupFilter, parseItemNames,
  parseVmId, protectionOf, requireAzureFabric, vaultIdOfBackupResource, VM_ITEM_TYPE, wantsAzureVms,
} from './backup-items.ts';
import { finishJob, type JobError, runningJob, startJob } from './backup-jobs.ts';
import { protectedItemsOf, redundancyOfVault, requireVault, VAULT_PREFIX } from './vault-common.ts';

const versions = API_VERSIONS.backup;
const ITEM = `${VAULT_PREFIX}/{vaultName}/backupFabrics/{fabricName}/protectionContainers/{containerName}/protectedItems/{protectedItemName}`;
const ITEM_ACTION = 'Microsoft.RecoveryServices/Vaults/backupFabrics/protectionContainers/protectedItems';
const lower = (s: unknown): string => String(s ?? '').toLowerCase();

function requireItem(ctx: ArmContext): { vault: ArmResource; item: ArmResource } {
  const vault = requireVault(ctx);
  requireAzureFabric(ctx);
  const ref = parseItemNames(ctx.params['containerName'] ?? '', ctx.params['protectedItemName'] ?? '');
  const item = ref ? ctx.store.get(itemIdFor(vault.id, ref.resourceGroup, ref.name)) : undefined;
  if (!item) throw armErrors.backupItemNotFound();
  return { vault, item };
}

function lockStorageConfig(store: Store, vault: ArmResource): void {
  const id = `${vault.id}/backupstorageconfig/vaultstorageconfig`;
  const config = store.get(id);
  if (config) store.put({ ...config, properties: { ...config.properties, storageTypeState: 'Locked' } });
  else {
    const { type, crossRegionRestore } = redundancyOfVault(vault);
    store.put(storageConfigResource(vault.id, type, crossRegionRestore, 'Locked'));
  }
}

function requirePolicy(store: Store, vault: ArmResource, policyId: unknown): ArmResource {
  if (typeof policyId !== 'string' || policyId === '') throw armErrors.invalidConfigureProtectionRequest('properties.policyId is required.');
  if (!/\/backupPolicies\/[^/]+$/i.test(policyId) || !scopeWithin(policyId, vault.id)) {
    throw armErrors.invalidRequestParameter('policyId', `The policy must be a backup policy of vault '${vault.name}' (got '${policyId}').`);
  }
  const policy = store.get(policyId);
  if (!policy) throw armErrors.policyNotFound(policyId.split('/').pop() ?? '');
  if (policy.properties?.['backupManagementType'] !== 'AzureIaasVM') {
    throw armErrors.invalidRequestParameter('policyId', `The policy '${policy.name}' is not an Azure virtual machine (AzureIaasVM) policy.`);
  }
  return policy;
}

/** Everything Azure checks before it accepts a configure-protection request; returns the VM. */
function checkProtectable(ctx: ArmContext, vault: ArmResource, sourceResourceId: string, names: { resourceGroup: string; name: string }): ArmResource {
  const ref = parseVmId(sourceResourceId);
  if (!ref) throw armErrors.invalidConfigureProtectionRequest('properties.sourceResourceId must be the ARM id of a virtual machine.');
  if (lower(ref.resourceGroup) !== lower(names.resourceGroup) || lower(ref.name) !== lower(names.name)) {
    throw armErrors.invalidConfigureProtectionRequest(
      `The container and item names name the VM '${names.resourceGroup}/${names.name}' but sourceResourceId names '${ref.resourceGroup}/${ref.name}'.`,
    );
  }
  const vm = ctx.store.get(sourceResourceId);
  if (!vm) throw armErrors.invalidConfigureProtectionRequest(`Virtual machine '${sourceResourceId}' was not found.`);
  if (lower(ref.subscriptionId) !== lower(ctx.params['subscriptionId'])) throw armErrors.vmNotInVaultSubscription(vm.name);
  if (lower(vm.location) !== lower(vault.location)) throw armErrors.vmNotInVaultRegion(vm.name, vm.location ?? '', vault.location ?? '');
  const other = protectionOf(ctx.store, vm.id);
  if (other && lower(vaultIdOfBackupResource(other.id)) !== lower(vault.id)) throw armErrors.vmAlreadyProtected(vaultIdOfBackupResource(other.id));
  return vm;
}

function configureProtection(ctx: ArmContext) {
  const vault = requireVault(ctx);
  requireAzureFabric(ctx);
  const names = parseItemNames(ctx.params['containerName'] ?? '', ctx.params['protectedItemName'] ?? '');
  if (!names) {
    throw armErrors.invalidConfigureProtectionRequest(
      "Use the container name 'iaasvmcontainer;iaasvmcontainerv2;{resourceGroup};{vm}' and the item name 'vm;iaasvmcontainerv2;{resourceGroup};{vm}'.",
    );
  }
  const body = ctx.body as { properties?: Record<string, unknown> } | undefined;
  const props = body?.properties;
  if (!props || typeof props !== 'object') throw armErrors.invalidConfigureProtectionRequest('The request body needs properties.');
  if (lower(props['protectedItemType']) !== lower(VM_ITEM_TYPE)) {
    throw armErrors.invalidConfigureProtectionRequest(`properties.protectedItemType must be '${VM_ITEM_TYPE}' for an Azure VM.`);
  }
  const existing = ctx.store.get(itemIdFor(vault.id, names.resourceGroup, names.name));
  const sourceResourceId = props['sourceResourceId'] ?? existing?.properties?.['sourceResourceId'];
  if (typeof sourceResourceId !== 'string') throw armErrors.invalidConfigureProtectionRequest('properties.sourceResourceId is required.');
  const vm = checkProtectable(ctx, vault, sourceResourceId, names);

  // Enabling backup also needs write access to the VM itself (Virtual Machine Contributor on the VM).
  const assignments = ctx.store.identity.roleAssignments as readonly RoleAssignment[];
  if (!isAuthorized(assignments, ctx.principal.objectId, 'Microsoft.Compute/virtualMachines/write', vm.id)) {
    throw armErrors.linkedAuthorizationFailed(ctx.principal, `${ITEM_ACTION}/write`, ctx.path, 'Microsoft.Compute/virtualMachines/write', vm.id);
  }
  const policy = requirePolicy(ctx.store, vault, props['policyId']);
  const vmRg = parseVmId(vm.id)?.resourceGroup ?? names.resourceGroup;
  const itemId = itemIdFor(vault.id, vmRg, vm.name);
  if (runningJob(ctx.store, vault.id, 'ConfigureBackup', { itemId })) throw armErrors.conflictingProtectionOperation();
  if (existing && lower(existing.properties?.['policyId']) === lower(policy.id)) {
    return { status: 200, body: itemView(existing, false) };
  }

  const subject = { sourceResourceId: vm.id, itemId, policyName: policy.name };
  const jobId = startJob(ctx.store, vault.id, 'ConfigureBackup', vm.name, subject);
  const op = ctx.operations.start(
    () => {
      try {
        const current = ctx.store.get(vault.id);
        if (!current) throw armErrors.resourceNotFound('Microsoft.RecoveryServices/vaults', vault.name, ctx.params['resourceGroupName'] ?? '');
        const stillThere = ctx.store.get(vm.id);
        if (!stillThere) throw armErrors.invalidConfigureProtectionRequest(`Virtual machine '${vm.id}' was not found.`);
        const other = protectionOf(ctx.store, vm.id);
        if (other && lower(vaultIdOfBackupResource(other.id)) !== lower(vault.id)) throw armErrors.vmAlreadyProtected(vaultIdOfBackupResource(other.id));
        if (!ctx.store.get(policy.id)) throw armErrors.policyNotFound(policy.name);
        const [container, fresh] = protectionResources({ vaultId: vault.id, vmId: vm.id, policyId: policy.id });
        const previous = ctx.store.get(itemId);
        const item = previous
          ? { ...previous, properties: { ...previous.properties, policyId: policy.id, policyName: policy.name } }
          : fresh;
        if (!ctx.store.get(container.id)) ctx.store.put(container);
        const saved = ctx.store.put(item);
        lockStorageConfig(ctx.store, current);
        finishJob(ctx.store, vault.id, jobId);
        return { status: 'Succeeded', result: itemView(saved, false) };
      } catch (e) {
        if (e instanceof ArmError) finishJob(ctx.store, vault.id, jobId, { code: e.code, message: e.message, recommendation: 'Fix the cause and configure protection again.' });
        throw e;
      }
    },
    { properties: operationExtendedInfo(jobId) },
  );
  return {
    status: 202,
    headers: asyncHeaders(ctx, { statusPath: `${itemId}/operationsStatus/${op.id}`, resultPath: `${itemId}/operationResults/${op.id}` }),
  };
}

/** Why a backup of this VM fails now, if it does (arm-api.md §3). */
function backupFailure(vm: ArmResource | undefined): JobError | undefined {
  if (!vm) {
    return { code: 'UserErrorVmNotFoundV2', message: 'The virtual machine does not exist any more.', recommendation: 'Recreate the VM with the same name and resource group, or stop its protection.' };
  }
  const props = vm.properties ?? {};
  if (props['provisioningState'] === 'Failed') {
    return {
      code: 'UserErrorVmProvisioningStateFailed',
      message: 'The VM is in failed state.',
      recommendation: 'Fix the failed extensions until every one shows provisioning succeeded, then retry the backup.',
    };
  }
  const view = (props['instanceView'] ?? {}) as { statuses?: { code?: string }[]; vmAgent?: { statuses?: { displayStatus?: string }[] } };
  const running = (view.statuses ?? []).some((s) => lower(s.code) === 'powerstate/running');
  // A stopped VM is backed up offline (crash-consistent) without its agent.
  if (!running) return undefined;
  if (view.vmAgent?.statuses?.[0]?.displayStatus !== 'Ready') {
    return {
      code: 'UserErrorGuestAgentStatusUnavailable',
      message: 'VM Agent unable to communicate with Azure Backup.',
      recommendation: 'Ensure the VM is running and its agent status is Ready; restart or reinstall the VM agent, and make sure every extension shows provisioning succeeded.',
    };
  }
  return undefined;
}

function triggerBackup(ctx: ArmContext) {
  const { vault, item } = requireItem(ctx);
  const props = (ctx.body as { properties?: Record<string, unknown> } | undefined)?.properties;
  if (!props || props['objectType'] !== 'IaasVMBackupRequest') {
    throw armErrors.backupInvalidInput("The body must be {properties: {objectType: 'IaasVMBackupRequest'}}.");
  }
  if (runningJob(ctx.store, vault.id, 'Backup', { itemId: item.id })) throw armErrors.backupOperationInProgress();
  const vmId = String(item.properties?.['sourceResourceId'] ?? '');
  const jobId = startJob(ctx.store, vault.id, 'Backup', String(item.properties?.['friendlyName'] ?? ''), {
    sourceResourceId: vmId,
    itemId: item.id,
    policyName: String(item.properties?.['policyName'] ?? ''),
  });
  const op = ctx.operations.start(
    () => {
      const current = ctx.store.get(item.id);
      const failure = backupFailure(ctx.store.get(vmId));
      finishJob(ctx.store, vault.id, jobId, failure);
      if (current) {
        const p = current.properties ?? {};
        const now = new Date().toISOString();
        const info = (p['extendedInfo'] ?? {}) as { recoveryPointCount?: number; oldestRecoveryPoint?: string };
        const properties = failure
          ? { ...p, lastBackupStatus: 'Failed', healthStatus: 'ActionRequired', protectionStatus: 'Unhealthy' }
          : {
              ...p,
              protectionState: 'Protected',
              protectionStatus: 'Healthy',
              healthStatus: 'Passed',
              lastBackupStatus: 'Completed',
              lastBackupTime: now,
              lastRecoveryPoint: now,
              extendedInfo: {
                recoveryPointCount: (info.recoveryPointCount ?? (typeof p['lastRecoveryPoint'] === 'string' ? 1 : 0)) + 1,
                policyInconsistent: false,
                oldestRecoveryPoint: info.oldestRecoveryPoint ?? p['lastRecoveryPoint'] ?? now,
                newestRecoveryPoint: now,
              },
            };
        ctx.store.put({ ...current, properties });
      }
      // The trigger itself succeeded; the outcome of the backup is the job's.
      return { status: 'Succeeded' };
    },
    { properties: operationExtendedInfo(jobId) },
  );
  return {
    status: 202,
    headers: asyncHeaders(ctx, { statusPath: `${item.id}/operationsStatus/${op.id}`, resultPath: `${item.id}/operationResults/${op.id}` }),
  };
}

/**
 * An immutable vault (Unlocked or Locked) keeps every recovery point until it expires, so "stop protection
 * and delete data" is refused for an item that has any (backup-azure-immutable-vault-concept.md).
 */
function deleteForbiddenByImmutability(vault: ArmResource, item: ArmResource): boolean {
  if (securityFromProperties(vault.properties).immutability === 'Disabled') return false;
  const p = item.properties ?? {};
  const count = (p['extendedInfo'] as { recoveryPointCount?: number } | undefined)?.recoveryPointCount ?? 0;
  return count > 0 || typeof p['lastRecoveryPoint'] === 'string';
}

function stopProtection(ctx: ArmContext) {
  const vault = requireVault(ctx);
  requireAzureFabric(ctx);
  const ref = parseItemNames(ctx.params['containerName'] ?? '', ctx.params['protectedItemName'] ?? '');
  const item = ref ? ctx.store.get(itemIdFor(vault.id, ref.resourceGroup, ref.name)) : undefined;
  // [unconfirmed] Nothing to delete: ARM's usual 204.
  if (!item || !ref) return { status: 204 };
  const jobId = startJob(ctx.store, vault.id, 'DeleteBackupData', String(item.properties?.['friendlyName'] ?? ''), {
    sourceResourceId: String(item.properties?.['sourceResourceId'] ?? ''),
    itemId: item.id,
  });
  const op = ctx.operations.start(
    () => {
      // Azure accepts the request and fails its operation (and job) when immutability forbids it.
      const current = ctx.store.get(item.id);
      if (current && deleteForbiddenByImmutability(ctx.store.get(vault.id) ?? vault, current)) {
        const refused = armErrors.deleteBackupItemOnImmutableItem();
        finishJob(ctx.store, vault.id, jobId, { code: refused.code, message: refused.message, recommendation: 'Stop protection and retain the backup data.' });
        throw refused;
      }
      ctx.store.delete(item.id);
      const containerId = containerIdFor(vault.id, ref.resourceGroup, ref.name);
      const left = protectedItemsOf(ctx.store, vault.id).some((i) => lower(i.id).startsWith(`${lower(containerId)}/`));
      if (!left) ctx.store.delete(containerId);
      finishJob(ctx.store, vault.id, jobId);
      return { status: 'Succeeded' };
    },
    { properties: operationExtendedInfo(jobId) },
  );
  // Deletes are tracked at vault level (ProtectedItem_Delete_OperationResult uses backupOperationResults).
  return {
    status: 202,
    headers: asyncHeaders(ctx, { statusPath: `${vault.id}/backupOperations/${op.id}`, resultPath: `${vault.id}/backupOperationResults/${op.id}` }),
  };
}

function listProtectedItems(ctx: ArmContext) {
  const vault = requireVault(ctx);
  const filter = parseBackupFilter(ctx.query.get('$filter'));
  const itemType = filter.get('itemtype');
  const policyName = filter.get('policyname');
  const items = wantsAzureVms(filter) && (itemType === undefined || lower(itemType) === 'vm')
    ? protectedItemsOf(ctx.store, vault.id).filter((i) => policyName === undefined || lower(i.properties?.['policyName']) === lower(policyName))
    : [];
  return { status: 200, body: page(ctx, items.map((i) => itemView(i, false))) };
}

export const backupProtectionRoutes: ArmRoute[] = [
  { method: 'PUT', path: ITEM, apiVersions: versions, action: `${ITEM_ACTION}/write`, handler: configureProtection },
  {
    method: 'GET',
    path: ITEM,
    apiVersions: versions,
    action: `${ITEM_ACTION}/read`,
    handler: (ctx) => {
      const { item } = requireItem(ctx);
      const expand = lower(parseBackupFilter(ctx.query.get('$filter')).get('expand')) === 'extendedinfo';
      return { status: 200, body: itemView(item, expand) };
    },
  },
  { method: 'DELETE', path: ITEM, apiVersions: versions, action: `${ITEM_ACTION}/delete`, handler: stopProtection },
  { method: 'POST', path: `${ITEM}/backup`, apiVersions: versions, action: `${ITEM_ACTION}/backup/action`, handler: triggerBackup },
  {
    method: 'GET',
    path: `${ITEM}/operationResults/{operationId}`,
    apiVersions: versions,
    action: `${ITEM_ACTION}/operationResults/read`,
    handler: (ctx) => {
      requireVault(ctx);
      // 202 while running; then 200 with the item for a configure, 204 for a backup trigger.
      return operationLocationResult(ctx, ctx.params['operationId'] ?? '');
    },
  },
  {
    method: 'GET',
    path: `${ITEM}/operationsStatus/{operationId}`,
    apiVersions: versions,
    action: `${ITEM_ACTION}/operationsStatus/read`,
    handler: (ctx) => {
      requireVault(ctx);
      return backupOperationStatus(ctx, ctx.params['operationId'] ?? '');
    },
  },
  {
    method: 'GET',
    path: `${VAULT_PREFIX}/{vaultName}/backupProtectedItems`,
    apiVersions: versions,
    action: 'Microsoft.RecoveryServices/Vaults/backupProtectedItems/read',
    handler: listProtectedItems,
  },
  {
    method: 'GET',
    path: `${VAULT_PREFIX}/{vaultName}/backupOperationResults/{operationId}`,
    apiVersions: versions,
    action: 'Microsoft.RecoveryServices/Vaults/backupOperationResults/read',
    handler: (ctx) => {
      requireVault(ctx);
      return operationLocationResult(ctx, ctx.params['operationId'] ?? '', { whenDone: 204 });
    },
  },
  {
    method: 'GET',
    path: `${VAULT_PREFIX}/{vaultName}/backupOperations/{operationId}`,
    apiVersions: versions,
    action: 'Microsoft.RecoveryServices/Vaults/backupOperations/read',
    handler: (ctx) => {
      requireVault(ctx);
      return backupOperationStatus(ctx, ctx.params['operationId'] ?? '');
    },
  },
];
