// ARM ids and the Azure Backup names the plan, the Summary and the exports need (arm-api.md §1e).

export const resourceGroupIdFor = (subscriptionId: string, resourceGroup: string): string =>
  `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`;

export const vaultIdFor = (subscriptionId: string, resourceGroup: string, vaultName: string): string =>
  `${resourceGroupIdFor(subscriptionId, resourceGroup)}/providers/Microsoft.RecoveryServices/vaults/${vaultName}`;

export const policyIdFor = (vaultId: string, policyName: string): string => `${vaultId}/backupPolicies/${policyName}`;

export const storageConfigIdFor = (vaultId: string): string => `${vaultId}/backupstorageconfig/vaultstorageconfig`;

/** The protection container of an Azure VM, as the service names it. */
export const containerNameFor = (vmResourceGroup: string, vmName: string): string =>
  `iaasvmcontainer;iaasvmcontainerv2;${vmResourceGroup};${vmName}`;

export const protectedItemNameFor = (vmResourceGroup: string, vmName: string): string =>
  `vm;iaasvmcontainerv2;${vmResourceGroup};${vmName}`;

export const protectedItemIdFor = (vaultId: string, vmResourceGroup: string, vmName: string): string =>
  `${vaultId}/backupFabrics/Azure/protectionContainers/${containerNameFor(vmResourceGroup, vmName)}/protectedItems/${protectedItemNameFor(vmResourceGroup, vmName)}`;

export const securityRuleIdFor = (nsgId: string, ruleName: string): string => `${nsgId}/securityRules/${ruleName}`;

/** The last segment of an ARM id (the resource's name). */
export const nameFromId = (id: string): string => id.split('/').filter(Boolean).at(-1) ?? '';

/** The resource group named in an ARM id, or ''. */
export const resourceGroupFromId = (id: string): string => /\/resourceGroups\/([^/]+)/i.exec(id)?.[1] ?? '';

/** The subscription named in an ARM id, or ''. */
export const subscriptionFromId = (id: string): string => /^\/subscriptions\/([^/]+)/i.exec(id)?.[1] ?? '';

/** The vault an id lies in (a policy, a protected item), or null. */
export function vaultIdOf(id: string): string | null {
  return /^(\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.RecoveryServices\/vaults\/[^/]+)/i.exec(id)?.[1] ?? null;
}

export const sameId = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
