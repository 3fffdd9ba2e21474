import type { VaultRef } from './policy-types.ts';

/* How Azure Backup names a protected Azure VM. Pure: the store's selectors and the Summary use these too. */

/** Azure VMs always live in the "Azure" backup fabric. */
export const AZURE_FABRIC = 'Azure';
export const VM_PROTECTED_ITEM_TYPE = 'Microsoft.Compute/virtualMachines';

export type VmRef = { id: string; name: string; resourceGroup: string };

/** The VM named by an ARM id, or null if the id is not a virtual machine's. */
export function vmRefFromId(id: string): VmRef | null {
  const match = /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Compute\/virtualMachines\/([^/]+)$/i.exec(id);
  return match?.[1] && match[2] ? { id, resourceGroup: match[1], name: match[2] } : null;
}

/** The backup service's names for a VM: its container and its protected item (ConfigureProtection.json). */
export function protectionNamesFor(vm: VmRef): { container: string; item: string } {
  return {
    container: `iaasvmcontainer;iaasvmcontainerv2;${vm.resourceGroup};${vm.name}`,
    item: `vm;iaasvmcontainerv2;${vm.resourceGroup};${vm.name}`,
  };
}

export function vaultIdOf(vault: VaultRef): string {
  return `/subscriptions/${vault.subscriptionId}/resourceGroups/${vault.resourceGroup}/providers/Microsoft.RecoveryServices/vaults/${vault.vaultName}`;
}

/** The protected item's ARM id: what the journal records as the target of the write. */
export function protectedItemIdFor(vault: VaultRef, vm: VmRef): string {
  const { container, item } = protectionNamesFor(vm);
  return `${vaultIdOf(vault)}/backupFabrics/${AZURE_FABRIC}/protectionContainers/${container}/protectedItems/${item}`;
}

