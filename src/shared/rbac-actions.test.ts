import { describe, expect, it } from 'vitest';
import { roleAllows, ROLE_DEFINITIONS } from './built-in-roles.ts';
import { actionMatches, entryAllows, permissionsAllow } from './rbac-actions.ts';

describe('actionMatches', () => {
  it('compares actions case-insensitively', () => {
    expect(actionMatches('Microsoft.RecoveryServices/Vaults/write', 'microsoft.recoveryservices/vaults/WRITE')).toBe(true);
  });

  it('lets "*" stand for any run of characters, slashes included', () => {
    expect(actionMatches('*', 'Microsoft.Compute/virtualMachines/write')).toBe(true);
    expect(actionMatches('*/read', 'Microsoft.Compute/virtualMachines/read')).toBe(true);
    expect(actionMatches('*/read', 'Microsoft.Compute/virtualMachines/write')).toBe(false);
    expect(
      actionMatches(
        'Microsoft.RecoveryServices/Vaults/backupFabrics/*',
        'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems/write',
      ),
    ).toBe(true);
    expect(actionMatches('Microsoft.Authorization/*/Write', 'Microsoft.Authorization/roleAssignments/write')).toBe(true);
  });

  it('treats regular-expression characters in a pattern literally', () => {
    expect(actionMatches('Microsoft.Compute/virtualMachines/write', 'MicrosoftXCompute/virtualMachines/write')).toBe(false);
    expect(actionMatches('a(b)', 'a(b)')).toBe(true);
  });

  it('matches the whole action, not a part of it', () => {
    expect(actionMatches('Microsoft.Compute/virtualMachines/read', 'Microsoft.Compute/virtualMachines/read/extra')).toBe(false);
    expect(actionMatches('Microsoft.Network/*', 'Other/Microsoft.Network/x')).toBe(false);
  });
});

describe('entryAllows and permissionsAllow', () => {
  const contributor = { actions: ['*'], notActions: ['Microsoft.Authorization/*/Write', 'Microsoft.Authorization/*/Delete'] };
  const reader = { actions: ['*/read'], notActions: [] };

  it('subtracts notActions from the same entry', () => {
    expect(entryAllows(contributor, 'Microsoft.Compute/virtualMachines/write')).toBe(true);
    expect(entryAllows(contributor, 'Microsoft.Authorization/roleAssignments/write')).toBe(false);
  });

  it('grants when any entry grants: notActions never cancel another role', () => {
    const owner = { actions: ['*'], notActions: [] };
    expect(permissionsAllow([contributor], 'Microsoft.Authorization/roleAssignments/write')).toBe(false);
    expect(permissionsAllow([contributor, owner], 'Microsoft.Authorization/roleAssignments/write')).toBe(true);
    expect(permissionsAllow([reader], 'Microsoft.RecoveryServices/vaults/write')).toBe(false);
    expect(permissionsAllow([], 'Microsoft.RecoveryServices/vaults/read')).toBe(false);
  });
});

describe('built-in roles', () => {
  it('grant what their definitions say', () => {
    const protect = 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems/write';
    expect(roleAllows('Backup Contributor', protect)).toBe(true);
    expect(roleAllows('Backup Operator', protect)).toBe(true);
    expect(roleAllows('Virtual Machine Contributor', protect)).toBe(true);
    expect(roleAllows('Reader', protect)).toBe(false);
    expect(roleAllows('Backup Operator', 'Microsoft.RecoveryServices/vaults/backupPolicies/write')).toBe(false);
    expect(roleAllows('Network Contributor', 'Microsoft.Network/networkSecurityGroups/securityRules/write')).toBe(true);
    expect(roleAllows('Backup Contributor', 'Microsoft.Compute/virtualMachines/write')).toBe(false);
  });

  it('have unique ids', () => {
    const ids = Object.values(ROLE_DEFINITIONS).map((role) => role.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
