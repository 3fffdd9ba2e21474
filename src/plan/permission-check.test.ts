import { describe, expect, it } from 'vitest';
import { ROLE_DEFINITIONS } from '../shared/built-in-roles.ts';
import type { PermissionEntry } from '../shared/rbac-actions.ts';
import { WRITE_ACTIONS } from './build-plan.ts';
import { checkPlanPermissions, describeRoles, rolesGranting, scopesToCheck } from './permission-check.ts';
import type { Plan, PlanItem } from './plan-types.ts';

const VAULT = '/subscriptions/s/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/v';
const VM = '/subscriptions/s/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/web-01';

function protectItem(): PlanItem {
  return {
    key: 'protect:web-01',
    kind: 'protect',
    action: 'create',
    title: 'Enable protection of web-01',
    detail: '',
    targetId: `${VAULT}/backupFabrics/Azure/x`,
    oneWayDoors: [],
    permissions: [
      { action: WRITE_ACTIONS.protectedItem, scope: VAULT, scopeLabel: 'vault v' },
      { action: WRITE_ACTIONS.virtualMachine, scope: VM, scopeLabel: 'virtual machine web-01' },
    ],
    write: null,
  };
}
const plan = (items: PlanItem[]): Plan => ({ items, writeCount: items.length, conflictCount: 0 });
const role = (name: keyof typeof ROLE_DEFINITIONS) => ROLE_DEFINITIONS[name];

describe('rolesGranting', () => {
  it('names the narrowest built-in role first', () => {
    expect(rolesGranting(WRITE_ACTIONS.protectedItem)).toEqual([
      'Backup Contributor',
      'Backup Operator',
      'Virtual Machine Contributor',
      'Contributor',
      'Owner',
    ]);
    expect(rolesGranting(WRITE_ACTIONS.virtualMachine)).toEqual(['Virtual Machine Contributor', 'Contributor', 'Owner']);
    expect(rolesGranting(WRITE_ACTIONS.securityRule)).toEqual(['Network Contributor', 'Contributor', 'Owner']);
    expect(rolesGranting(WRITE_ACTIONS.policy)).toEqual(['Backup Contributor', 'Virtual Machine Contributor', 'Contributor', 'Owner']);
    expect(rolesGranting(WRITE_ACTIONS.storageConfig)).toEqual(['Backup Contributor', 'Contributor', 'Owner']);
    expect(rolesGranting(WRITE_ACTIONS.resourceGroup)).toEqual(['Contributor', 'Owner']);
  });

  it('words the roles as one suggestion with alternatives', () => {
    expect(describeRoles(['Network Contributor', 'Contributor', 'Owner'])).toBe('Network Contributor (or Contributor, Owner)');
    expect(describeRoles(['Owner'])).toBe('Owner');
    expect(describeRoles([])).toBe('a custom role that includes it');
  });
});

describe('scopesToCheck', () => {
  it('lists each scope once, whatever its case', () => {
    const other = { ...protectItem(), key: 'protect:2', permissions: [{ action: 'a', scope: VAULT.toUpperCase(), scopeLabel: 'x' }] };
    expect(scopesToCheck(plan([protectItem(), other]))).toEqual([VAULT, VM]);
  });
});

describe('checkPlanPermissions', () => {
  it('a Reader lacks every write, and each is shown with the roles that grant it', () => {
    const reader = [role('Reader')];
    const result = checkPlanPermissions(plan([protectItem()]), new Map([[VAULT.toLowerCase(), reader], [VM.toLowerCase(), reader]]));
    expect(result.missing.map((m) => m.action)).toEqual([WRITE_ACTIONS.protectedItem, WRITE_ACTIONS.virtualMachine]);
    expect(result.missing[1]?.grantedBy[0]).toBe('Virtual Machine Contributor');
    expect(result.missing[0]?.itemKey).toBe('protect:web-01');
    expect(result.unknown).toEqual([]);
  });

  it('Backup Contributor alone may write the item but not the VM', () => {
    const entries = [role('Backup Contributor')];
    const result = checkPlanPermissions(plan([protectItem()]), new Map([[VAULT.toLowerCase(), entries], [VM.toLowerCase(), entries]]));
    expect(result.byItem['protect:web-01']?.map((v) => v.allowed)).toEqual([true, false]);
  });

  it('roles add up across assignments', () => {
    const entries = [role('Backup Contributor'), role('Virtual Machine Contributor')];
    const result = checkPlanPermissions(plan([protectItem()]), new Map([[VAULT.toLowerCase(), entries], [VM.toLowerCase(), entries]]));
    expect(result.missing).toEqual([]);
  });

  it('a scope that could not be read is unknown, neither allowed nor missing', () => {
    const scopes = new Map<string, readonly PermissionEntry[] | Error>([
      [VAULT.toLowerCase(), new Error('boom')],
      [VM.toLowerCase(), [role('Owner')]],
    ]);
    const result = checkPlanPermissions(plan([protectItem()]), scopes);
    expect(result.byItem['protect:web-01']?.map((v) => v.allowed)).toEqual([null, true]);
    expect(result.unknown).toHaveLength(1);
    expect(result.missing).toEqual([]);
  });
});
