// Built-in role definitions (the parts that matter for VM backup) and ARM's authorization
// check: an action is allowed when an assignment at the scope or above has a role whose
// actions match it and whose notActions don't. Actions compare case-insensitively with "*" wildcards.

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

interface RoleDefinition {
  id: string;
  actions: readonly string[];
  notActions: readonly string[];
}

// Trimmed from the built-in definitions (learn.microsoft.com/azure/role-based-access-control/built-in-roles).
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

export interface RoleAssignment {
  principalId: string;
  roleName: RoleName;
  scope: string;
}

function actionPattern(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`, 'i');
}

const patternCache = new Map<string, RegExp>();
function matches(pattern: string, action: string): boolean {
  let re = patternCache.get(pattern);
  if (!re) {
    re = actionPattern(pattern);
    patternCache.set(pattern, re);
  }
  return re.test(action);
}

export function roleAllows(role: RoleName, action: string): boolean {
  const def = ROLE_DEFINITIONS[role];
  return def.actions.some((a) => matches(a, action)) && !def.notActions.some((n) => matches(n, action));
}

/** True when `scope` equals `ancestor` or lies under it (segment-wise, case-insensitive). */
export function scopeWithin(scope: string, ancestor: string): boolean {
  const s = scope.toLowerCase().replace(/\/+$/, '');
  const a = ancestor.toLowerCase().replace(/\/+$/, '');
  return s === a || s.startsWith(`${a}/`);
}

export function assignmentsAt(assignments: readonly RoleAssignment[], principalId: string, scope: string): RoleAssignment[] {
  const pid = principalId.toLowerCase();
  return assignments.filter((a) => a.principalId.toLowerCase() === pid && scopeWithin(scope, a.scope));
}

export function isAuthorized(
  assignments: readonly RoleAssignment[],
  principalId: string,
  action: string,
  scope: string,
): boolean {
  return assignmentsAt(assignments, principalId, scope).some((a) => roleAllows(a.roleName, action));
}

/** Subscriptions a principal can see: any assignment at or below the subscription (ARM lists those). */
export function canSeeSubscription(
  assignments: readonly RoleAssignment[],
  principalId: string,
  subscriptionId: string,
): boolean {
  const pid = principalId.toLowerCase();
  const sub = `/subscriptions/${subscriptionId}`;
  return assignments.some(
    (a) => a.principalId.toLowerCase() === pid && (scopeWithin(a.scope, sub) || scopeWithin(sub, a.scope)),
  );
}
