// The in-memory store behind the ARM routes: lookups, listing, writes, cascading deletes and reset.
import { beforeEach, describe, expect, it } from 'vitest';
import { generateFixture } from '../state/generate-fixture.ts';
import { DEFAULT_FIXTURE_PATH, loadFixtureFile, parseFixture, systemPolicies } from '../state/load-fixture.ts';
import type { ArmResource, Store } from '../state/store.ts';
import { createMemoryStore, providerFor } from '../state/store.ts';

const PROD = '/subscriptions/8c6b1f3e-2a4d-4f5b-9e7c-0a1b2c3d4e5f';
const DEV = '/subscriptions/b2d4f6a8-1c3e-4a5b-8d7f-9e0a1b2c3d4e';
const VM = 'Microsoft.Compute/virtualMachines';
const RG_APPS = `${PROD}/resourceGroups/rg-apps`;
const WEB_01 = `${PROD}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/web-01`;
const contoso = loadFixtureFile(DEFAULT_FIXTURE_PATH);

let store: Store;
beforeEach(() => {
  store = createMemoryStore(contoso);
});

const names = (resources: ArmResource[]): string[] => resources.map((r) => r.name);
const vmIn = (rg: string, name: string): ArmResource => ({
  id: `${PROD}/resourceGroups/${rg}/providers/Microsoft.Compute/virtualMachines/${name}`,
  name,
  type: VM,
  location: 'westeurope',
  properties: { provisioningState: 'Succeeded' },
});

describe('get', () => {
  it('compares ids case-insensitively, as ARM does', () => {
    const vm = store.get(WEB_01);
    expect(vm?.name).toBe('web-01');
    expect(store.get(WEB_01.toUpperCase())).toBe(vm);
    expect(store.get(WEB_01.replace('/subscriptions/', '/Subscriptions/').replace('/resourceGroups/', '/resourcegroups/'))).toBe(vm);
    expect(store.get(`${WEB_01}-nope`)).toBeUndefined();
  });

  it('returns resources in ARM wire format with properties nested', () => {
    expect(store.get(WEB_01)).toMatchObject({
      type: VM,
      location: 'westeurope',
      properties: { hardwareProfile: { vmSize: 'Standard_D2s_v5' }, provisioningState: 'Succeeded' },
    });
  });
});

describe('list', () => {
  it('lists a type within a subscription or a resource group, in insertion order', () => {
    const inSub = store.list({ type: VM, scope: PROD });
    expect(inSub.length).toBeGreaterThan(20);
    expect(inSub.every((r) => r.type === VM && r.id.startsWith(`${PROD}/`))).toBe(true);
    expect(names(store.list({ type: VM, scope: `${PROD}/resourceGroups/rg-web` }))).toEqual(['web-01', 'lb-web-01', 'lb-web-02', 'multi-pip-01']);
    expect(names(store.list({ type: VM, scope: DEV }))).toEqual(['dev-web-01', 'dev-linux-01', 'dev-uks-01']);
  });

  it('matches type and scope case-insensitively and ignores a trailing slash', () => {
    const expected = names(store.list({ type: VM, scope: RG_APPS }));
    expect(names(store.list({ type: VM.toLowerCase(), scope: `${RG_APPS.toUpperCase()}/` }))).toEqual(expected);
  });

  it('does not leak into a sibling whose name starts the same (rg-apps vs rg-apps-eus)', () => {
    const apps = names(store.list({ type: VM, scope: RG_APPS }));
    expect(apps).not.toContain('eus-app-01');
    expect(names(store.list({ type: VM, scope: `${RG_APPS}-eus` }))).toEqual(['eus-app-01']);
  });

  it('lists child types under their parent', () => {
    const nsg = `${PROD}/resourceGroups/rg-apps/providers/Microsoft.Network/networkSecurityGroups/nsg-nic-allowlist`;
    expect(names(store.list({ type: 'Microsoft.Network/networkSecurityGroups/securityRules', scope: nsg }))).toEqual([
      'AllowAzureBackupHttps', 'AllowStorageHttps', 'AllowAadHttps', 'DenyAllInternetOutbound',
    ]);
    const protectedVm = `${RG_APPS}/providers/Microsoft.Compute/virtualMachines/protected-01`;
    expect(names(store.list({ type: 'Microsoft.Compute/virtualMachines/extensions', scope: protectedVm }))).toEqual(['VMSnapshot']);
    expect(store.list({ type: 'Microsoft.Compute/virtualMachines/extensions', scope: WEB_01 }).map((r) => r.type)).toEqual(['Microsoft.Compute/virtualMachines/extensions']);
  });

  it('returns nothing for an unknown type or scope', () => {
    expect(store.list({ type: 'Microsoft.Nope/things', scope: PROD })).toEqual([]);
    expect(store.list({ type: VM, scope: '/subscriptions/00000000-0000-0000-0000-000000000000' })).toEqual([]);
  });
});

describe('put', () => {
  it('inserts a new resource at the end of the list order', () => {
    const added = store.put(vmIn('rg-web', 'web-99'));
    expect(added.name).toBe('web-99');
    expect(names(store.list({ type: VM, scope: `${PROD}/resourceGroups/rg-web` })).at(-1)).toBe('web-99');
    expect(store.get(added.id.toUpperCase())).toBe(added);
  });

  it('replaces in place, keeping the list position, whatever the id casing', () => {
    const before = names(store.list({ type: VM, scope: `${PROD}/resourceGroups/rg-web` }));
    const current = store.get(WEB_01) as ArmResource;
    store.put({ ...current, id: current.id.toUpperCase(), tags: { changed: 'yes' } });
    expect(names(store.list({ type: VM, scope: `${PROD}/resourceGroups/rg-web` }))).toEqual(before);
    expect(store.get(WEB_01)?.tags).toEqual({ changed: 'yes' });
  });

  it('stores a copy, so the caller cannot change the store afterwards', () => {
    const input = vmIn('rg-web', 'web-98');
    store.put(input);
    input.tags = { sneaky: 'edit' };
    expect(store.get(input.id)?.tags).toBeUndefined();
  });

  it('moves a resource whose type changed to the new type', () => {
    const odd = { ...vmIn('rg-web', 'web-97') };
    store.put(odd);
    store.put({ ...odd, type: 'Microsoft.Compute/availabilitySets' });
    expect(names(store.list({ type: VM, scope: PROD }))).not.toContain('web-97');
    expect(names(store.list({ type: 'Microsoft.Compute/availabilitySets', scope: PROD }))).toContain('web-97');
  });

  it('refuses something that is not a resource', () => {
    expect(() => store.put({ id: 'relative/id', name: 'x', type: VM })).toThrow(TypeError);
  });
});

describe('delete', () => {
  it('deletes a resource and the resources under it', () => {
    const vm = `${RG_APPS}/providers/Microsoft.Compute/virtualMachines/ext-failed-01`;
    expect(store.list({ type: 'Microsoft.Compute/virtualMachines/extensions', scope: vm })).toHaveLength(1);
    expect(store.delete(vm.toUpperCase())).toBe(true);
    expect(store.get(vm)).toBeUndefined();
    expect(store.list({ type: 'Microsoft.Compute/virtualMachines/extensions', scope: vm })).toEqual([]);
    expect(store.delete(vm)).toBe(false);
  });

  it('deleting a resource group removes everything in it and nothing in a look-alike group', () => {
    const vaultsBefore = store.list({ type: 'Microsoft.RecoveryServices/vaults', scope: PROD }).length;
    expect(store.delete(`${PROD}/resourceGroups/rg-backup-legacy`)).toBe(true);
    expect(store.list({ type: 'Microsoft.RecoveryServices/vaults', scope: PROD })).toHaveLength(vaultsBefore - 1);
    expect(store.list({ type: 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems', scope: PROD })).toEqual([]);
    expect(store.get(`${PROD}/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-prod-weu`)).toBeDefined();

    store.delete(RG_APPS);
    expect(store.list({ type: VM, scope: RG_APPS })).toEqual([]);
    expect(names(store.list({ type: VM, scope: `${RG_APPS}-eus` }))).toEqual(['eus-app-01']);
  });

  it('returns false for an unknown id', () => {
    expect(store.delete(`${PROD}/resourceGroups/rg-nope`)).toBe(false);
  });
});

describe('reset', () => {
  it('restores deleted, added and replaced resources', () => {
    const rgCount = store.list({ type: 'Microsoft.Resources/resourceGroups', scope: PROD }).length;
    store.delete(RG_APPS);
    store.put(vmIn('rg-web', 'web-99'));
    store.put({ ...(store.get(WEB_01) as ArmResource), tags: {} });
    store.reset();
    expect(store.list({ type: 'Microsoft.Resources/resourceGroups', scope: PROD })).toHaveLength(rgCount);
    expect(store.get(`${RG_APPS}/providers/Microsoft.Compute/virtualMachines/app-linux-01`)).toBeDefined();
    expect(store.get(`${PROD}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/web-99`)).toBeUndefined();
    expect(store.get(WEB_01)?.tags).toEqual({ case: 'plain-windows-ready' });
  });

  it('restores a deep copy: mutating what get returned does not survive a reset', () => {
    const vm = store.get(WEB_01) as ArmResource;
    (vm.properties as Record<string, unknown>)['provisioningState'] = 'Deleting';
    store.reset();
    const fresh = store.get(WEB_01) as ArmResource;
    expect(fresh).not.toBe(vm);
    expect(fresh.properties?.['provisioningState']).toBe('Succeeded');
    (fresh.properties as Record<string, unknown>)['provisioningState'] = 'Deleting';
    store.reset();
    expect(store.get(WEB_01)?.properties?.['provisioningState']).toBe('Succeeded');
  });

  it('restores identity and catalog too', () => {
    store.identity.users.pop();
    expect(store.setProviderRegistration(DEV.split('/')[2] ?? '', 'microsoft.recoveryservices', 'Registered')).toBe(true);
    expect(providerFor(store.catalog, DEV.split('/')[2] ?? '', 'Microsoft.RecoveryServices')?.registrationState).toBe('Registered');
    store.reset();
    expect(store.identity.users).toHaveLength(5);
    expect(providerFor(store.catalog, DEV.split('/')[2] ?? '', 'Microsoft.RecoveryServices')?.registrationState).toBe('NotRegistered');
  });

  it('keeps separate stores apart', () => {
    const other = createMemoryStore(contoso);
    store.delete(WEB_01);
    expect(other.get(WEB_01)).toBeDefined();
  });
});

describe('setProviderRegistration', () => {
  it('knows only the catalog subscriptions and namespaces', () => {
    expect(store.setProviderRegistration('00000000-0000-0000-0000-000000000000', 'Microsoft.Compute', 'Registered')).toBe(false);
    expect(store.setProviderRegistration(PROD.split('/')[2] ?? '', 'Microsoft.Nope', 'Registered')).toBe(false);
  });
});

describe('systemPolicies', () => {
  it('gives every new vault DefaultPolicy (V1 daily) and EnhancedPolicy (V2 hourly)', () => {
    const vault = `${PROD}/resourceGroups/rg-x/providers/Microsoft.RecoveryServices/vaults/v1`;
    const [standard, enhanced] = systemPolicies(vault);
    expect(standard).toMatchObject({
      id: `${vault}/backupPolicies/DefaultPolicy`,
      type: 'Microsoft.RecoveryServices/vaults/backupPolicies',
      properties: {
        backupManagementType: 'AzureIaasVM',
        policyType: 'V1',
        schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicy', scheduleRunFrequency: 'Daily', scheduleRunTimes: ['2026-01-01T19:00:00Z'] },
        retentionPolicy: { dailySchedule: { retentionDuration: { count: 30, durationType: 'Days' } } },
        instantRpRetentionRangeInDays: 2,
        timeZone: 'UTC',
        protectedItemsCount: 0,
      },
    });
    expect(enhanced).toMatchObject({
      name: 'EnhancedPolicy',
      properties: {
        policyType: 'V2',
        schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicyV2', scheduleRunFrequency: 'Hourly', hourlySchedule: { interval: 4, scheduleWindowStartTime: '2026-01-01T08:00:00Z', scheduleWindowDuration: 24 } },
        retentionPolicy: { dailySchedule: { retentionDuration: { count: 30, durationType: 'Days' } } },
        instantRpRetentionRangeInDays: 7,
        timeZone: 'UTC',
      },
    });
  });
});

describe('a 5,000-VM tenant', () => {
  const fixture = parseFixture(generateFixture({ vmCount: 5000, seed: 11 }), 'generated');
  const big = createMemoryStore(fixture);

  it('lists every VM exactly once, per subscription and per resource group', () => {
    let total = 0;
    for (const sub of fixture.subscriptions) {
      const inSub = big.list({ type: VM, scope: `/subscriptions/${sub.subscriptionId}` });
      expect(inSub).toHaveLength(sub.resourceGroups.reduce((n, rg) => n + rg.virtualMachines.length, 0));
      total += inSub.length;
      for (const rg of sub.resourceGroups) {
        const listed = big.list({ type: VM, scope: `/subscriptions/${sub.subscriptionId}/resourceGroups/${rg.name}` });
        expect(names(listed)).toEqual(rg.virtualMachines.map((v) => v.name));
      }
    }
    expect(total).toBe(5000);
    expect(new Set(big.list({ type: VM, scope: '/subscriptions' }).map((v) => v.id.toLowerCase())).size).toBe(5000);
  });

  it('lists only the asked type', () => {
    const nics = big.list({ type: 'Microsoft.Network/networkInterfaces', scope: '/subscriptions' });
    expect(nics.length).toBeGreaterThanOrEqual(5000);
    expect(nics.every((n) => n.type === 'Microsoft.Network/networkInterfaces')).toBe(true);
  });

  it('resets to the generated state', () => {
    const first = big.list({ type: VM, scope: '/subscriptions' })[0] as ArmResource;
    big.delete(first.id);
    big.reset();
    expect(big.get(first.id)).toEqual(first);
  });
});
