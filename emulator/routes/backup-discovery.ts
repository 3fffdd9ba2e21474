// Discovery: refreshContainers (202, then 202/204 polls), the protectable VMs it found, and the
// registered protection containers (arm-api.md §1d).
//
// A vault sees only the VMs its last completed refresh found, as on Azure, where a new vault lists
// nothing until discovery ran: the refresh snapshots the VMs of the vault's subscription and region.
// Protectable items leave out every VM that has a protected item in any vault (one vault per VM;
// MicrosoftDocs/azure-docs PR #3244: "If a VM is already being backed up for the current or another
// Recovery Services vault, it will not be shown in the list"). Configure protection does not need a
// prior refresh (Terraform's protected-VM resource never calls it).
import { API_VERSIONS } from '../arm/api-versions.ts';
import { armErrors } from '../arm/errors.ts';
import { asyncHeaders, operationLocationResult } from '../arm/lro.ts';
import { page } from '../arm/paging.ts';
import type { ArmRoute } from '../arm/types.ts';
import type { ArmResource, Store } from '../state/store.ts';
import { containerNameFor, protectedItemNameFor } from '../state/wire-backup.ts';
import { VM_TYPE } from './compute.ts';
import { CONTAINER_TYPE, containerIdFor, parseBackupFilter, parseItemNames, parseVmId, protectionOf, requireAzureFabric, wantsAzureVms } from './backup-items.ts';
import { requireVault, VAULT_PREFIX } from './vault-common.ts';

const versions = API_VERSIONS.backup;
const FABRIC = `${VAULT_PREFIX}/{vaultName}/backupFabrics/{fabricName}`;
// Emulator bookkeeping under the vault's fabric; no route serves it and deleting the vault removes it.
const DISCOVERY_TYPE = 'Microsoft.RecoveryServices/vaults/backupFabrics/emulatorDiscovery';
const discoveryId = (vaultId: string): string => `${vaultId}/backupFabrics/Azure/emulatorDiscovery/virtualMachines`;
const lower = (s: unknown): string => String(s ?? '').toLowerCase();

/** The VMs a vault can protect: same subscription, same region. */
export function vmsInVaultScope(store: Store, vault: ArmResource): ArmResource[] {
  const subscriptionId = vault.id.split('/')[2] ?? '';
  return store
    .list({ type: VM_TYPE, scope: `/subscriptions/${subscriptionId}` })
    .filter((vm) => lower(vm.location) === lower(vault.location));
}

function discover(store: Store, vault: ArmResource): void {
  store.put({
    id: discoveryId(vault.id),
    name: 'virtualMachines',
    type: DISCOVERY_TYPE,
    properties: { virtualMachineIds: vmsInVaultScope(store, vault).map((vm) => vm.id), refreshedAt: new Date().toISOString() },
  });
}

function discoveredVms(store: Store, vault: ArmResource): ArmResource[] {
  const ids = (store.get(discoveryId(vault.id))?.properties?.['virtualMachineIds'] ?? []) as string[];
  return ids.map((id) => store.get(id)).filter((vm): vm is ArmResource => vm !== undefined);
}

function protectableItem(vault: ArmResource, vm: ArmResource): ArmResource {
  const ref = parseVmId(vm.id);
  const rg = ref?.resourceGroup ?? '';
  const containerName = containerNameFor(rg, vm.name).replace(/^iaasvmcontainer;/, 'IaasVMContainer;');
  return {
    id: `${vault.id}/backupFabrics/Azure/protectionContainers/${containerName}/protectableItems/${protectedItemNameFor(rg, vm.name)}`,
    name: `iaasvmcontainerv2;${rg};${vm.name}`,
    type: 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectableItems',
    properties: {
      backupManagementType: 'AzureIaasVM',
      workloadType: 'VM',
      protectableItemType: 'Microsoft.Compute/virtualMachines',
      friendlyName: vm.name,
      virtualMachineId: vm.id,
      virtualMachineVersion: 'Compute',
      resourceGroup: rg,
      protectionState: 'NotProtected',
    },
  };
}

export const backupDiscoveryRoutes: ArmRoute[] = [
  {
    method: 'POST',
    path: `${FABRIC}/refreshContainers`,
    apiVersions: versions,
    action: 'Microsoft.RecoveryServices/Vaults/backupFabrics/refreshContainers/action',
    handler: (ctx) => {
      const vault = requireVault(ctx);
      requireAzureFabric(ctx);
      parseBackupFilter(ctx.query.get('$filter'));
      const op = ctx.operations.start(() => {
        const current = ctx.store.get(vault.id);
        if (current) discover(ctx.store, current);
        return { status: 'Succeeded' };
      });
      // The SDK accepts only 202 here, with Location alone (RefreshContainers.json).
      return { status: 202, headers: asyncHeaders(ctx, { resultPath: `${vault.id}/backupFabrics/Azure/operationResults/${op.id}` }) };
    },
  },
  {
    method: 'GET',
    path: `${FABRIC}/operationResults/{operationId}`,
    apiVersions: versions,
    action: 'Microsoft.RecoveryServices/Vaults/backupFabrics/operationResults/read',
    handler: (ctx) => {
      requireVault(ctx);
      requireAzureFabric(ctx);
      // 202 while running, then 204: the SDK accepts nothing else.
      return operationLocationResult(ctx, ctx.params['operationId'] ?? '', { whenDone: 204 });
    },
  },
  {
    method: 'GET',
    path: `${VAULT_PREFIX}/{vaultName}/backupProtectableItems`,
    apiVersions: versions,
    action: 'Microsoft.RecoveryServices/Vaults/backupProtectableItems/read',
    handler: (ctx) => {
      const vault = requireVault(ctx);
      const filter = parseBackupFilter(ctx.query.get('$filter'));
      const items = wantsAzureVms(filter)
        ? discoveredVms(ctx.store, vault)
            .filter((vm) => lower(vm.location) === lower(vault.location) && !protectionOf(ctx.store, vm.id))
            .map((vm) => protectableItem(vault, vm))
        : [];
      return { status: 200, body: page(ctx, items) };
    },
  },
  {
    method: 'GET',
    path: `${VAULT_PREFIX}/{vaultName}/backupProtectionContainers`,
    apiVersions: versions,
    action: 'Microsoft.RecoveryServices/Vaults/backupProtectionContainers/read',
    handler: (ctx) => {
      const vault = requireVault(ctx);
      const filter = parseBackupFilter(ctx.query.get('$filter'));
      const containers = wantsAzureVms(filter) ? ctx.store.list({ type: CONTAINER_TYPE, scope: vault.id }) : [];
      return { status: 200, body: page(ctx, containers) };
    },
  },
  {
    method: 'GET',
    path: `${FABRIC}/protectionContainers/{containerName}`,
    apiVersions: versions,
    action: 'Microsoft.RecoveryServices/Vaults/backupFabrics/protectionContainers/read',
    handler: (ctx) => {
      const vault = requireVault(ctx);
      requireAzureFabric(ctx);
      const name = ctx.params['containerName'] ?? '';
      const ref = parseItemNames(name);
      const container = ref ? ctx.store.get(containerIdFor(vault.id, ref.resourceGroup, ref.name)) : undefined;
      if (!container) throw armErrors.backupContainerNotFound(name);
      return { status: 200, body: container };
    },
  },
];
