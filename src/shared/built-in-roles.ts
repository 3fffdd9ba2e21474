// The built-in Azure roles that matter for VM backup, trimmed from the built-in definitions
// (learn.microsoft.com/azure/role-based-access-control/built-in-roles). The emulator authorizes with them;
// the wizard names them as the roles that grant a missing permission. Pure data; no imports but the matcher.
import { entryAllows } from './rbac-actions.ts';

export const ROLE_NAMES = [
  'Owner',
  'Contributor',
  'Reader',
  'Backup Contributor',
  'Backup Operator',
  'Virtual Machine Contributor',
  'Network Contributor',
] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

export type RoleDefinition = {
  id: string;
  actions: readonly string[];
  notActions: readonly string[];
};

export const ROLE_DEFINITIONS: Record<RoleName, RoleDefinition> = {
  Owner: { id: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635', actions: ['*'], notActions: [] },
  Contributor: {
    id: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
    actions: ['*'],
    notActions: [
      'Microsoft.Authorization/*/Delete',
      'Microsoft.Authorization/*/Write',
      'Microsoft.Authorization/elevateAccess/Action',
    ],
  },
  Reader: { id: 'acdd72a7-3385-48ef-bd42-f606fba81ae7', actions: ['*/read'], notActions: [] },
  'Backup Contributor': {
    id: '5e467623-bb1f-42f4-a55d-6e525e11384b',
    actions: [
      'Microsoft.Authorization/*/read',
      'Microsoft.Network/virtualNetworks/read',
      'Microsoft.RecoveryServices/locations/*',
      'Microsoft.RecoveryServices/Vaults/backupFabrics/*',
      'Microsoft.RecoveryServices/Vaults/backupJobs/*',
      'Microsoft.RecoveryServices/Vaults/backupOperationResults/*',
      'Microsoft.RecoveryServices/Vaults/backupPolicies/*',
      'Microsoft.RecoveryServices/Vaults/backupProtectableItems/*',
      'Microsoft.RecoveryServices/Vaults/backupProtectedItems/*',
      'Microsoft.RecoveryServices/Vaults/backupProtectionContainers/*',
      'Microsoft.RecoveryServices/Vaults/backupstorageconfig/*',
      'Microsoft.RecoveryServices/Vaults/backupconfig/*',
      'Microsoft.RecoveryServices/Vaults/operationResults/*',
      'Microsoft.RecoveryServices/Vaults/operationStatus/*',
      'Microsoft.RecoveryServices/Vaults/read',
      'Microsoft.RecoveryServices/Vaults/write',
      'Microsoft.RecoveryServices/Vaults/*/read',
      'Microsoft.RecoveryServices/operations/read',
      'Microsoft.Resources/deployments/*',
      'Microsoft.Resources/subscriptions/resourceGroups/read',
      'Microsoft.Storage/storageAccounts/read',
    ],
    notActions: [],
  },
  'Backup Operator': {
    id: '00c29273-979b-4161-815c-10b084fb9324',
    actions: [
      'Microsoft.Authorization/*/read',
      'Microsoft.Network/virtualNetworks/read',
      'Microsoft.RecoveryServices/locations/*',
      'Microsoft.RecoveryServices/Vaults/backupFabrics/operationResults/read',
      'Microsoft.RecoveryServices/Vaults/backupFabrics/protectionContainers/*',
      'Microsoft.RecoveryServices/Vaults/backupFabrics/refreshContainers/action',
      'Microsoft.RecoveryServices/Vaults/backupJobs/*',
      'Microsoft.RecoveryServices/Vaults/backupOperationResults/read',
      'Microsoft.RecoveryServices/Vaults/backupPolicies/read',
      'Microsoft.RecoveryServices/Vaults/backupPolicies/operationResults/read',
      'Microsoft.RecoveryServices/Vaults/backupPolicies/operations/read',
      'Microsoft.RecoveryServices/Vaults/backupProtectableItems/*',
      'Microsoft.RecoveryServices/Vaults/backupProtectedItems/read',
      'Microsoft.RecoveryServices/Vaults/backupProtectionContainers/read',
      'Microsoft.RecoveryServices/Vaults/backupstorageconfig/read',
      'Microsoft.RecoveryServices/Vaults/operationResults/read',
      'Microsoft.RecoveryServices/Vaults/read',
      'Microsoft.Resources/subscriptions/resourceGroups/read',
    ],
    notActions: [],
  },
  'Virtual Machine Contributor': {
    id: '9980e02c-c2be-4d73-94e8-173b1dc7cf3c',
    actions: [
      'Microsoft.Authorization/*/read',
      'Microsoft.Compute/availabilitySets/*',
      'Microsoft.Compute/disks/*',
      'Microsoft.Compute/locations/*',
      'Microsoft.Compute/virtualMachines/*',
      'Microsoft.Network/applicationGateways/backendAddressPools/join/action',
      'Microsoft.Network/loadBalancers/backendAddressPools/join/action',
      'Microsoft.Network/loadBalancers/read',
      'Microsoft.Network/locations/*',
      'Microsoft.Network/networkInterfaces/*',
      'Microsoft.Network/networkSecurityGroups/join/action',
      'Microsoft.Network/networkSecurityGroups/read',
      'Microsoft.Network/publicIPAddresses/join/action',
      'Microsoft.Network/publicIPAddresses/read',
      'Microsoft.Network/virtualNetworks/read',
      'Microsoft.Network/virtualNetworks/subnets/join/action',
      'Microsoft.RecoveryServices/locations/*',
      'Microsoft.RecoveryServices/Vaults/backupFabrics/backupProtectionIntent/write',
      'Microsoft.RecoveryServices/Vaults/backupFabrics/protectionContainers/protectedItems/*/read',
      'Microsoft.RecoveryServices/Vaults/backupFabrics/protectionContainers/protectedItems/read',
      'Microsoft.RecoveryServices/Vaults/backupFabrics/protectionContainers/protectedItems/write',
      'Microsoft.RecoveryServices/Vaults/backupPolicies/read',
      'Microsoft.RecoveryServices/Vaults/backupPolicies/write',
      'Microsoft.RecoveryServices/Vaults/read',
      'Microsoft.RecoveryServices/Vaults/usages/read',
      'Microsoft.RecoveryServices/Vaults/write',
      'Microsoft.Resources/deployments/*',
      'Microsoft.Resources/subscriptions/resourceGroups/read',
    ],
    notActions: [],
  },
  'Network Contributor': {
    id: '4d97b98b-1d4f-4787-a291-c67834d212e7',
    actions: [
      'Microsoft.Authorization/*/read',
      'Microsoft.Network/*',
      'Microsoft.Resources/deployments/*',
      'Microsoft.Resources/subscriptions/resourceGroups/read',
    ],
    notActions: [],
  },
};

/** True when the built-in role grants `action`. */
export function roleAllows(role: RoleName, action: string): boolean {
  return entryAllows(ROLE_DEFINITIONS[role], action);
}
