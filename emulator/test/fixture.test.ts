// The tenant fixture: the default contoso fixture is valid, internally consistent and covers every
// case of the guide; broken fixtures are rejected with errors that name the bad path.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateFixture } from '../state/generate-fixture.ts';
import type { FixtureError } from '../state/load-fixture.ts';
import { DEFAULT_FIXTURE_PATH, loadFixtureFile, parseFixture } from '../state/load-fixture.ts';
import type { ArmResource } from '../state/store.ts';
import { createMemoryStore, locationsFor, providerFor } from '../state/store.ts';

const PROD = '8c6b1f3e-2a4d-4f5b-9e7c-0a1b2c3d4e5f';
const DEV = 'b2d4f6a8-1c3e-4a5b-8d7f-9e0a1b2c3d4e';
const store = createMemoryStore(loadFixtureFile(DEFAULT_FIXTURE_PATH));
const rawContoso = (): Record<string, unknown> => JSON.parse(readFileSync(DEFAULT_FIXTURE_PATH, 'utf8')) as Record<string, unknown>;

// Wire objects are loosely typed; these readers keep the assertions short.
type Json = Record<string, unknown>;
const obj = (value: unknown): Json => (typeof value === 'object' && value !== null ? (value as Json) : {});
const arr = (value: unknown): Json[] => (Array.isArray(value) ? value.map(obj) : []);
const at = (value: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((node, key) => (typeof key === 'number' ? arr(node)[key] : obj(node)[key]), value);

// Every id starts with "/subscriptions/", so this scope lists a type across the whole tenant.
const allOf = (type: string): ArmResource[] => store.list({ type, scope: '/subscriptions' });

function vm(name: string): ArmResource {
  const found = allOf('Microsoft.Compute/virtualMachines').filter((r) => r.name === name);
  expect(found, `exactly one VM named ${name}`).toHaveLength(1);
  return found[0] as ArmResource;
}
function must(id: unknown): ArmResource {
  const found = typeof id === 'string' ? store.get(id) : undefined;
  expect(found, `resource ${String(id)}`).toBeDefined();
  return found as ArmResource;
}
const view = (r: ArmResource): Json => obj(r.properties?.['instanceView']);
const powerState = (r: ArmResource): unknown => arr(view(r)['statuses']).find((s) => String(s['code']).startsWith('PowerState/'))?.['code'];
const agentStatus = (r: ArmResource): unknown => at(view(r), 'vmAgent', 'statuses', 0, 'displayStatus');
const image = (r: ArmResource): Json => obj(at(r.properties, 'storageProfile', 'imageReference'));
const nicsOf = (r: ArmResource): ArmResource[] => arr(at(r.properties, 'networkProfile', 'networkInterfaces')).map((n) => must(n['id']));
const ipConfigs = (nic: ArmResource): Json[] => arr(nic.properties?.['ipConfigurations']);
const subnetOf = (nic: ArmResource): ArmResource => must(at(ipConfigs(nic)[0], 'properties', 'subnet', 'id'));
const rules = (nsg: ArmResource): Json[] => arr(nsg.properties?.['securityRules']).map((r) => ({ name: r['name'], ...obj(r['properties']) }));
const versionAtLeast = (version: string, minimum: string): boolean => {
  const a = version.split('.').map(Number);
  const b = minimum.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
};

describe('contoso.json', () => {
  it('validates', () => {
    expect(() => loadFixtureFile(DEFAULT_FIXTURE_PATH)).not.toThrow();
  });

  it('holds the identities everyone relies on', () => {
    const { tenant, users, servicePrincipals, roleAssignments } = store.identity;
    expect(tenant).toEqual({ tenantId: '3f6c2a9e-8b1d-4e27-9c5a-1d2e3f4a5b6c', displayName: 'Contoso', defaultDomain: 'contoso.example' });
    expect(users.map((u) => [u.userPrincipalName, u.displayName, u.objectId, u.password])).toEqual([
      ['alice@contoso.example', 'Alice Admin', 'a11ce000-0000-4000-8000-000000000001', 'demo'],
      ['ben@contoso.example', 'Ben Backup', 'b0b00000-0000-4000-8000-000000000002', 'demo'],
      ['rita@contoso.example', 'Rita Reader', '4ead0000-0000-4000-8000-000000000003', 'demo'],
      ['nora@contoso.example', 'Nora NoAccess', '0000a0a0-0000-4000-8000-000000000004', 'demo'],
      ['gina@contoso.example', 'Gina GroupReader', '6a1a0000-0000-4000-8000-000000000006', 'demo'],
    ]);
    expect(servicePrincipals).toEqual([
      { appId: '5e7a9c1b-3d5f-4a7b-8c9d-0e1f2a3b4c5d', objectId: '5e7a0000-0000-4000-8000-000000000005', displayName: 'ci-automation', secret: 'local-only-secret' },
    ]);
    const rolesOf = (objectId: string): string[] =>
      roleAssignments.filter((ra) => ra.principalId === objectId).map((ra) => `${ra.roleName} @ ${ra.scope}`).sort();
    expect(rolesOf('a11ce000-0000-4000-8000-000000000001')).toEqual([`Owner @ /subscriptions/${PROD}`, `Owner @ /subscriptions/${DEV}`]);
    expect(rolesOf('b0b00000-0000-4000-8000-000000000002')).toEqual(
      ['Backup Contributor', 'Network Contributor', 'Virtual Machine Contributor'].map((r) => `${r} @ /subscriptions/${PROD}`),
    );
    expect(rolesOf('4ead0000-0000-4000-8000-000000000003')).toEqual([`Reader @ /subscriptions/${PROD}`]);
    expect(rolesOf('0000a0a0-0000-4000-8000-000000000004')).toEqual([]);
    expect(rolesOf('6a1a0000-0000-4000-8000-000000000006')).toEqual([`Reader @ /subscriptions/${PROD}/resourceGroups/rg-web`]);
    expect(rolesOf('5e7a0000-0000-4000-8000-000000000005')).toEqual([`Contributor @ /subscriptions/${PROD}`, `Contributor @ /subscriptions/${DEV}`]);
  });

  it('has two enabled subscriptions in the ARM subscription shape', () => {
    expect(store.catalog.subscriptions.map((s) => [s.subscriptionId, s.displayName, s.state])).toEqual([
      [PROD, 'Contoso Production', 'Enabled'],
      [DEV, 'Contoso Dev/Test', 'Enabled'],
    ]);
    expect(store.catalog.subscriptions[0]).toMatchObject({
      id: `/subscriptions/${PROD}`,
      tenantId: '3f6c2a9e-8b1d-4e27-9c5a-1d2e3f4a5b6c',
      authorizationSource: 'RoleBased',
      managedByTenants: [],
      subscriptionPolicies: { locationPlacementId: 'Public_2014-09-01', spendingLimit: 'Off' },
    });
  });

  it('has the regions with their zones and pairs, and no vaults in UK West', () => {
    const regions = Object.fromEntries(store.catalog.regions.map((r) => [r.name, r]));
    const zones = (name: string): string[] | undefined => regions[name]?.availabilityZones;
    const pair = (name: string): string | undefined => regions[name]?.metadata.pairedRegion[0]?.name;
    expect(Object.keys(regions)).toEqual(['westeurope', 'northeurope', 'eastus', 'westus', 'uksouth', 'ukwest']);
    expect([zones('westeurope'), zones('northeurope'), zones('eastus'), zones('uksouth')]).toEqual(Array(4).fill(['1', '2', '3']));
    expect([zones('westus'), zones('ukwest')]).toEqual([[], []]);
    expect([pair('westeurope'), pair('northeurope'), pair('eastus'), pair('westus'), pair('uksouth')]).toEqual(['northeurope', 'westeurope', 'westus', 'eastus', 'ukwest']);

    const locations = locationsFor(store.catalog, PROD);
    expect(locations[0]).toMatchObject({
      id: `/subscriptions/${PROD}/locations/westeurope`,
      name: 'westeurope',
      displayName: 'West Europe',
      regionalDisplayName: '(Europe) West Europe',
      type: 'Region',
      metadata: { regionType: 'Physical', pairedRegion: [{ name: 'northeurope', id: `/subscriptions/${PROD}/locations/northeurope` }] },
    });
    const vaults = providerFor(store.catalog, PROD, 'microsoft.recoveryservices')?.resourceTypes.find((t) => t.resourceType === 'vaults');
    expect(vaults?.locations).toEqual(['West Europe', 'North Europe', 'East US', 'West US', 'UK South']);
  });

  it('leaves Microsoft.RecoveryServices unregistered in Dev/Test only', () => {
    expect(providerFor(store.catalog, PROD, 'Microsoft.RecoveryServices')?.registrationState).toBe('Registered');
    expect(providerFor(store.catalog, DEV, 'Microsoft.RecoveryServices')?.registrationState).toBe('NotRegistered');
    expect(providerFor(store.catalog, DEV, 'Microsoft.Compute')).toMatchObject({ id: `/subscriptions/${DEV}/providers/Microsoft.Compute`, registrationState: 'Registered' });
  });

  it('has the resource groups the wizard and the paging tests need', () => {
    const names = (sub: string): string[] => store.list({ type: 'Microsoft.Resources/resourceGroups', scope: `/subscriptions/${sub}` }).map((r) => r.name);
    expect(names(PROD)).toEqual(expect.arrayContaining(['rg-web', 'rg-apps', 'rg-legacy', 'rg-data', 'rg-network', 'rg-backup', 'rg-backup-legacy', 'rg-shared']));
    expect(names(PROD).length).toBeGreaterThanOrEqual(9);
    expect(names(DEV)).toContain('rg-dev');
    expect(must(`/subscriptions/${PROD}/resourceGroups/rg-web`)).toMatchObject({
      type: 'Microsoft.Resources/resourceGroups',
      location: 'westeurope',
      properties: { provisioningState: 'Succeeded' },
    });
  });
});

describe('contoso references resolve', () => {
  const resources = store.list({ type: 'Microsoft.Compute/virtualMachines', scope: '/subscriptions' });

  // Sub-resources that ARM embeds in their parent instead of serving on their own.
  const EMBEDDED = /\/(ipConfigurations|frontendIPConfigurations|backendAddressPools|defaultSecurityRules)\/[^/]+$/i;

  it('every id a resource points at exists (managed disks are not modelled)', () => {
    const unresolved = new Set<string>();
    const visit = (node: unknown, owner: ArmResource, isRoot: boolean): void => {
      if (Array.isArray(node)) node.forEach((n) => visit(n, owner, false));
      else if (typeof node === 'object' && node !== null) {
        for (const [key, value] of Object.entries(node)) {
          if (key === 'id' && typeof value === 'string' && !isRoot && value !== owner.id) {
            const embedded = EMBEDDED.exec(value);
            const parent = embedded === null ? undefined : store.get(value.slice(0, embedded.index));
            const found = embedded === null ? store.get(value) : parent !== undefined && JSON.stringify(parent).includes(JSON.stringify(value));
            if (!found) unresolved.add(value.replace(/\/[^/]+$/, '/*'));
          } else visit(value, owner, false);
        }
      }
    };
    const everything = [
      'Microsoft.Resources/resourceGroups', 'Microsoft.Network/virtualNetworks', 'Microsoft.Network/virtualNetworks/subnets',
      'Microsoft.Network/networkSecurityGroups', 'Microsoft.Network/networkSecurityGroups/securityRules', 'Microsoft.Network/publicIPAddresses',
      'Microsoft.Network/loadBalancers', 'Microsoft.Network/networkInterfaces', 'Microsoft.Compute/availabilitySets',
      'Microsoft.Compute/virtualMachines', 'Microsoft.Compute/virtualMachines/extensions', 'Microsoft.RecoveryServices/vaults',
      'Microsoft.RecoveryServices/vaults/backupstorageconfig', 'Microsoft.RecoveryServices/vaults/backupPolicies',
      'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers',
      'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems',
    ].flatMap((type) => store.list({ type, scope: '/subscriptions' }));
    expect(everything.length).toBeGreaterThan(100);
    for (const r of everything) visit(r, r, true);
    // Disks are the one kind left unresolved, which also shows the walk reaches nested ids.
    expect(unresolved.size).toBeGreaterThan(0);
    expect([...unresolved].filter((id) => !id.includes('/providers/Microsoft.Compute/disks/'))).toEqual([]);
  });

  it('VM -> NIC -> subnet/NSG, with the back-references ARM computes', () => {
    expect(resources.length).toBeGreaterThanOrEqual(20);
    for (const machine of resources) {
      for (const nic of nicsOf(machine)) {
        expect(nic.location).toBe(machine.location);
        expect(at(nic.properties, 'virtualMachine', 'id')).toBe(machine.id);
        for (const config of ipConfigs(nic)) {
          const subnet = must(at(config, 'properties', 'subnet', 'id'));
          expect(arr(subnet.properties?.['ipConfigurations']).map((c) => c['id'])).toContain(config['id']);
        }
        const nsgId = at(nic.properties, 'networkSecurityGroup', 'id');
        if (nsgId !== undefined) expect(arr(must(nsgId).properties?.['networkInterfaces']).map((n) => n['id'])).toContain(nic.id);
      }
    }
    const subnets = store.list({ type: 'Microsoft.Network/virtualNetworks/subnets', scope: '/subscriptions' });
    for (const subnet of subnets) {
      const nsgId = at(subnet.properties, 'networkSecurityGroup', 'id');
      if (nsgId !== undefined) expect(arr(must(nsgId).properties?.['subnets']).map((s) => s['id'])).toContain(subnet.id);
      const vnet = must(subnet.id.replace(/\/subnets\/[^/]+$/, ''));
      expect(arr(vnet.properties?.['subnets']).map((s) => s['id'])).toContain(subnet.id);
    }
  });

  it('protected items point at existing VMs and policies, and counts match', () => {
    const items = store.list({ type: 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems', scope: '/subscriptions' });
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      const machine = must(item.properties?.['sourceResourceId']);
      expect(item.properties?.['virtualMachineId']).toBe(machine.id);
      const policy = must(item.properties?.['policyId']);
      expect(policy.properties?.['protectedItemsCount']).toBeGreaterThanOrEqual(1);
      expect(item.id.toLowerCase().startsWith(`${item.properties?.['policyId']}`.replace(/\/backupPolicies\/.*$/, '').toLowerCase())).toBe(true);
      must(item.id.replace(/\/protectedItems\/[^/]+$/, ''));
    }
  });

  it('role assignment scopes are subscriptions or resource groups of the fixture', () => {
    for (const ra of store.identity.roleAssignments) {
      const isSub = store.catalog.subscriptions.some((s) => s.id.toLowerCase() === ra.scope.toLowerCase());
      expect(isSub || store.get(ra.scope)?.type === 'Microsoft.Resources/resourceGroups', ra.scope).toBe(true);
    }
  });
});

describe('contoso vault security', () => {
  const vault = (name: string) => {
    const [found] = allOf('Microsoft.RecoveryServices/vaults').filter((r) => r.name === name);
    return found?.properties ?? {};
  };

  it('rsv-prod-weu has Azure’s defaults; rsv-legacy-weu is hardened and guarded', () => {
    expect(at(vault('rsv-prod-weu'), 'securitySettings', 'softDeleteSettings')).toMatchObject({ softDeleteState: 'Enabled', softDeleteRetentionPeriodInDays: 14 });
    expect(at(vault('rsv-prod-weu'), 'securitySettings', 'multiUserAuthorization')).toBe('Disabled');
    expect(at(vault('rsv-legacy-weu'), 'securitySettings', 'immutabilitySettings', 'state')).toBe('Locked');
    expect(at(vault('rsv-legacy-weu'), 'securitySettings', 'softDeleteSettings', 'softDeleteState')).toBe('AlwaysON');
    expect(at(vault('rsv-legacy-weu'), 'securitySettings', 'multiUserAuthorization')).toBe('Enabled');
    const proxies = allOf('Microsoft.RecoveryServices/vaults/backupResourceGuardProxies');
    expect(proxies.map((p) => p.id.split('/')[8])).toEqual(['rsv-legacy-weu']);
  });

  it('refuses a soft delete the service would not hold, a retention out of range and a guard that is not a resource guard id', () => {
    const withSecurity = (security: Record<string, unknown>) => {
      const data = rawContoso();
      // arr() keeps the objects themselves, so the change lands in `data`.
      const rg = arr(at(data, 'subscriptions', 0, 'resourceGroups')).find((g) => g['name'] === 'rg-backup');
      const [first] = arr(rg?.['vaults']);
      if (first) first['security'] = security;
      return () => parseFixture(data);
    };
    expect(withSecurity({ softDelete: 'Disabled' })).toThrow(/security\.softDelete/);
    expect(withSecurity({ softDeleteRetentionDays: 7 })).toThrow(/softDeleteRetentionDays/);
    expect(withSecurity({ resourceGuard: 'guard-1' })).toThrow(/resourceGuards/);
  });
});

describe('contoso guide cases', () => {
  it('web-01: plain Windows Server 2022, agent Ready', () => {
    const r = vm('web-01');
    expect(image(r)).toMatchObject({ publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2022-datacenter-azure-edition' });
    expect(agentStatus(r)).toBe('Ready');
    expect(at(view(r), 'vmAgent', 'statuses', 0)).toMatchObject({
      code: 'ProvisioningState/succeeded', level: 'Info', message: 'GuestAgent is running and processing the extensions.',
    });
    expect(powerState(r)).toBe('PowerState/running');
    expect(at(r.properties, 'osProfile', 'windowsConfiguration', 'provisionVMAgent')).toBe(true);
  });

  it('app-linux-01: Ubuntu 22.04, agent Ready', () => {
    const r = vm('app-linux-01');
    expect(image(r)).toMatchObject({ publisher: 'Canonical', sku: '22_04-lts-gen2' });
    expect(view(r)).toMatchObject({ osName: 'ubuntu', osVersion: '22.04' });
    expect(agentStatus(r)).toBe('Ready');
    expect(at(r.properties, 'osProfile', 'linuxConfiguration', 'provisionVMAgent')).toBe(true);
  });

  it('legacy-2008 is Windows Server 2008 SP2 (not R2); legacy-2008r2 is R2', () => {
    const old = view(vm('legacy-2008'));
    expect(String(old['osVersion'])).toMatch(/^Microsoft Windows NT 6\.0\./);
    expect(String(old['osName'])).not.toMatch(/R2/);
    const r2 = vm('legacy-2008r2');
    expect(image(r2)['sku']).toBe('2008-R2-SP1');
    expect(String(view(r2)['osVersion'])).toMatch(/^Microsoft Windows NT 6\.1\./);
  });

  it('old-agent-01 runs an agent older than 2.6.1198.718', () => {
    const version = String(at(view(vm('old-agent-01')), 'vmAgent', 'vmAgentVersion'));
    expect(version).toBe('2.6.1198.600');
    expect(versionAtLeast(version, '2.6.1198.718')).toBe(false);
    expect(versionAtLeast(String(at(view(vm('web-01')), 'vmAgent', 'vmAgentVersion')), '2.6.1198.718')).toBe(true);
  });

  it('agent-notready-01 reports Not Ready; agent-missing-01 has no agent at all', () => {
    expect(at(view(vm('agent-notready-01')), 'vmAgent', 'statuses', 0)).toMatchObject({
      code: 'ProvisioningState/Unavailable', level: 'Warning', displayStatus: 'Not Ready', message: 'VM status blob is found but not yet populated.',
    });
    const missing = vm('agent-missing-01');
    expect(view(missing)['vmAgent']).toBeUndefined();
    expect(view(missing)['osName']).toBeUndefined();
    expect(at(missing.properties, 'osProfile', 'windowsConfiguration', 'provisionVMAgent')).toBe(false);
  });

  it('Linux distributions: CoreOS, endorsed RHEL/SLES/Debian, a non-endorsed custom image', () => {
    expect(image(vm('coreos-01'))).toMatchObject({ publisher: 'CoreOS', offer: 'CoreOS' });
    expect(image(vm('rhel-01'))['publisher']).toBe('RedHat');
    expect(image(vm('sles-01'))['publisher']).toBe('SUSE');
    expect(image(vm('debian-01'))['publisher']).toBe('Debian');
    expect(image(vm('custom-linux-01'))).toMatchObject({ publisher: 'contoso', offer: 'arch-linux' });
    for (const name of ['coreos-01', 'rhel-01', 'sles-01', 'debian-01', 'custom-linux-01']) {
      expect(at(vm(name).properties, 'storageProfile', 'osDisk', 'osType')).toBe('Linux');
    }
  });

  it('data disks: bigdata-01 has 40 (> 32), data-20disk has 20 (16-32)', () => {
    const disks = (name: string): Json[] => arr(at(vm(name).properties, 'storageProfile', 'dataDisks'));
    expect(disks('bigdata-01')).toHaveLength(40);
    expect(disks('data-20disk')).toHaveLength(20);
    expect(disks('bigdata-01').map((d) => d['lun'])).toEqual([...Array(40).keys()]);
    expect(arr(view(vm('bigdata-01'))['disks'])).toHaveLength(41);
  });

  it('stopped-01 is deallocated (no agent section); stopped-02 is stopped, not deallocated', () => {
    const deallocated = vm('stopped-01');
    expect(powerState(deallocated)).toBe('PowerState/deallocated');
    expect(view(deallocated)['vmAgent']).toBeUndefined();
    const stopped = vm('stopped-02');
    expect(powerState(stopped)).toBe('PowerState/stopped');
    expect(agentStatus(stopped)).toBe('Not Ready');
  });

  it('protected-01 is protected by rsv-legacy-weu (GRS, Locked); rsv-prod-weu is empty (GRS, Unlocked)', () => {
    const legacy = `/subscriptions/${PROD}/resourceGroups/rg-backup-legacy/providers/Microsoft.RecoveryServices/vaults/rsv-legacy-weu`;
    const item = must(`${legacy}/backupFabrics/Azure/protectionContainers/iaasvmcontainer;iaasvmcontainerv2;rg-apps;protected-01/protectedItems/vm;iaasvmcontainerv2;rg-apps;protected-01`);
    expect(item.properties).toMatchObject({
      protectionState: 'Protected', healthStatus: 'Passed', lastBackupStatus: 'Completed', sourceResourceId: vm('protected-01').id,
      containerName: 'iaasvmcontainerv2;rg-apps;protected-01', protectedItemType: 'Microsoft.Compute/virtualMachines',
      backupManagementType: 'AzureIaasVM', workloadType: 'VM', friendlyName: 'protected-01',
    });
    expect(must(legacy)).toMatchObject({ location: 'westeurope', properties: { redundancySettings: { standardTierStorageRedundancy: 'GeoRedundant' } } });
    expect(must(`${legacy}/backupstorageconfig/vaultstorageconfig`).properties).toMatchObject({ storageType: 'GeoRedundant', storageTypeState: 'Locked' });

    const prod = `/subscriptions/${PROD}/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-prod-weu`;
    expect(must(prod)).toMatchObject({ location: 'westeurope', sku: { name: 'RS0', tier: 'Standard' }, properties: { provisioningState: 'Succeeded' } });
    expect(must(`${prod}/backupstorageconfig/vaultstorageconfig`).properties).toMatchObject({ storageType: 'GeoRedundant', storageTypeState: 'Unlocked' });
    expect(store.list({ type: 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems', scope: prod })).toEqual([]);
    expect(store.list({ type: 'Microsoft.RecoveryServices/vaults/backupPolicies', scope: prod }).map((p) => p.name)).toEqual(['DefaultPolicy', 'EnhancedPolicy']);
  });

  it('lb-web-01 and lb-web-02 sit in one load balancer backend pool', () => {
    const lb = must(`/subscriptions/${PROD}/resourceGroups/rg-web/providers/Microsoft.Network/loadBalancers/lb-web`);
    const members = arr(at(lb.properties, 'backendAddressPools', 0, 'properties', 'backendIPConfigurations')).map((c) => String(c['id']));
    for (const name of ['lb-web-01', 'lb-web-02']) {
      const config = ipConfigs(nicsOf(vm(name))[0] as ArmResource)[0];
      expect(members).toContain(config?.['id']);
      expect(at(config, 'properties', 'loadBalancerBackendAddressPools', 0, 'id')).toBe(at(lb.properties, 'backendAddressPools', 0, 'id'));
    }
  });

  it('multi-nic-01 has two NICs; multi-pip-01 has two static public IPs on two IP configurations', () => {
    const nics = arr(at(vm('multi-nic-01').properties, 'networkProfile', 'networkInterfaces'));
    expect(nics.map((n) => at(n, 'properties', 'primary'))).toEqual([true, false]);
    const configs = ipConfigs(nicsOf(vm('multi-pip-01'))[0] as ArmResource);
    expect(configs).toHaveLength(2);
    for (const config of configs) {
      expect(must(at(config, 'properties', 'publicIPAddress', 'id')).properties).toMatchObject({ publicIPAllocationMethod: 'Static', ipConfiguration: { id: config['id'] } });
    }
  });

  it('dc-01 is a Windows domain controller', () => {
    const r = vm('dc-01');
    expect(r.tags?.['role']).toBe('domain-controller');
    expect(at(r.properties, 'storageProfile', 'osDisk', 'osType')).toBe('Windows');
  });

  it('blocked-443-01: its subnet NSG denies outbound TCP 443 to Internet at priority 200', () => {
    const subnet = subnetOf(nicsOf(vm('blocked-443-01'))[0] as ArmResource);
    const nsg = must(at(subnet.properties, 'networkSecurityGroup', 'id'));
    expect(rules(nsg)).toContainEqual(expect.objectContaining({
      direction: 'Outbound', access: 'Deny', protocol: 'Tcp', destinationAddressPrefix: 'Internet', destinationPortRange: '443', priority: 200,
    }));
  });

  it('blocked-storage-01: its NIC NSG denies outbound 443 to the Storage tag at priority 300', () => {
    const nic = nicsOf(vm('blocked-storage-01'))[0] as ArmResource;
    expect(rules(must(at(nic.properties, 'networkSecurityGroup', 'id')))).toContainEqual(expect.objectContaining({
      direction: 'Outbound', access: 'Deny', destinationAddressPrefix: 'Storage', destinationPortRange: '443', priority: 300,
    }));
  });

  it('allowed-nsg-01: AzureBackup, Storage and AzureActiveDirectory 443 are allowed before a deny-all-Internet rule', () => {
    const nic = nicsOf(vm('allowed-nsg-01'))[0] as ArmResource;
    const outbound = rules(must(at(nic.properties, 'networkSecurityGroup', 'id'))).filter((r) => r['direction'] === 'Outbound');
    const deny = outbound.find((r) => r['access'] === 'Deny' && r['destinationAddressPrefix'] === 'Internet');
    expect(deny).toBeDefined();
    for (const tag of ['AzureBackup', 'Storage', 'AzureActiveDirectory']) {
      const allow = outbound.find((r) => r['access'] === 'Allow' && r['destinationAddressPrefix'] === tag && r['destinationPortRange'] === '443');
      expect(Number(allow?.['priority'])).toBeLessThan(Number(deny?.['priority']));
    }
  });

  it('NSGs carry the six default rules, exactly as ARM returns them', () => {
    const nsg = must(at(nicsOf(vm('allowed-nsg-01'))[0]?.properties, 'networkSecurityGroup', 'id'));
    const defaults = arr(nsg.properties?.['defaultSecurityRules']);
    expect(defaults.map((r) => [r['name'], at(r, 'properties', 'priority'), at(r, 'properties', 'direction')])).toEqual([
      ['AllowVnetInBound', 65000, 'Inbound'], ['AllowAzureLoadBalancerInBound', 65001, 'Inbound'], ['DenyAllInBound', 65500, 'Inbound'],
      ['AllowVnetOutBound', 65000, 'Outbound'], ['AllowInternetOutBound', 65001, 'Outbound'], ['DenyAllOutBound', 65500, 'Outbound'],
    ]);
    expect(defaults[4]).toMatchObject({
      id: `${nsg.id}/defaultSecurityRules/AllowInternetOutBound`,
      properties: { description: 'Allow outbound traffic from all VMs to Internet', protocol: '*', sourceAddressPrefix: '*', destinationAddressPrefix: 'Internet', access: 'Allow' },
    });
    const custom = store.list({ type: 'Microsoft.Network/networkSecurityGroups/securityRules', scope: nsg.id });
    expect(custom.map((r) => r.name)).toEqual(arr(nsg.properties?.['securityRules']).map((r) => r['name']));
  });

  it('has VMs in other regions and in Dev/Test, and one where vaults are not offered', () => {
    const regionOf = (name: string): string | undefined => vm(name).location;
    expect(regionOf('neu-app-01')).toBe('northeurope');
    expect(regionOf('eus-app-01')).toBe('eastus');
    expect(regionOf('ukw-app-01')).toBe('ukwest');
    expect(store.list({ type: 'Microsoft.Compute/virtualMachines', scope: `/subscriptions/${DEV}` }).length).toBeGreaterThanOrEqual(2);
  });

  it('ext-failed-01 has a failed backup extension and a Failed provisioning state', () => {
    const r = vm('ext-failed-01');
    expect(r.properties?.['provisioningState']).toBe('Failed');
    expect(must(`${r.id}/extensions/VMSnapshotLinux`).properties).toMatchObject({ publisher: 'Microsoft.Azure.RecoveryServices', type: 'VMSnapshotLinux', provisioningState: 'Failed' });
  });

  it('every VM has a case tag, and the README table lists every VM', () => {
    const readme = readFileSync(join(DEFAULT_FIXTURE_PATH, '..', 'README.md'), 'utf8');
    for (const machine of allOf('Microsoft.Compute/virtualMachines')) {
      expect(machine.tags?.['case'], machine.name).toBeDefined();
      expect(readme, machine.name).toContain(`\`${machine.name}\``);
    }
  });
});

describe('broken fixtures', () => {
  const expectFixtureError = (mutate: (f: Json) => void): FixtureError => {
    const raw = rawContoso();
    mutate(raw);
    try {
      parseFixture(raw, 'broken.json');
    } catch (error) {
      expect((error as Error).name).toBe('FixtureError');
      return error as FixtureError;
    }
    throw new Error('expected a FixtureError');
  };
  const group = (f: Json, name: string): Json =>
    arr(at(f, 'subscriptions', 0, 'resourceGroups')).find((g) => g['name'] === name) ?? {};

  it('names the path of a dangling reference', () => {
    const error = expectFixtureError((f) => {
      const nic = arr(group(f, 'rg-web')['networkInterfaces'])[0] as Json;
      (arr(nic['ipConfigurations'])[0] as Json)['subnet'] = 'rg-network/vnet-prod-weu/snet-missing';
    });
    expect(error.message).toContain('broken.json');
    expect(error.message).toContain(
      'subscriptions["Contoso Production"].resourceGroups["rg-web"].networkInterfaces["web-01-nic"].ipConfigurations[0].subnet: subnet "rg-network/vnet-prod-weu/snet-missing" not found',
    );
  });

  it('names the path of a bad value and of an unknown field', () => {
    const error = expectFixtureError((f) => {
      const vms = arr(group(f, 'rg-apps')['virtualMachines']);
      (vms[0] as Json)['powerState'] = 'hibernating';
      (vms[1] as Json)['dataDisk'] = 3;
    });
    expect(error.issues.map((i) => i.path)).toEqual([
      'subscriptions["Contoso Production"].resourceGroups["rg-apps"].virtualMachines["app-linux-01"].powerState',
      'subscriptions["Contoso Production"].resourceGroups["rg-apps"].virtualMachines["old-agent-01"]',
    ]);
    expect(error.message).toMatch(/Unrecognized key: "dataDisk"/);
  });

  it('rejects cross-resource mistakes Azure would reject', () => {
    const error = expectFixtureError((f) => {
      const legacy = arr(group(f, 'rg-backup-legacy')['vaults'])[0] as Json;
      legacy['protectedItems'] = [{ virtualMachine: 'rg-dr-neu/neu-app-01' }, { virtualMachine: 'rg-apps/protected-01', policy: 'NoSuchPolicy' }];
      (f['roleAssignments'] as Json[]).push({ principalId: '00000000-0000-4000-8000-0000000000ff', roleName: 'Reader', scope: `/subscriptions/${PROD}/resourceGroups/rg-nope` });
    });
    const messages = error.issues.map((i) => `${i.path}: ${i.message}`).join('\n');
    expect(messages).toContain('protectedItems[0].virtualMachine: virtual machine "rg-dr-neu/neu-app-01" is in northeurope, not westeurope');
    expect(messages).toContain('protectedItems[1].policy: policy "NoSuchPolicy" is not defined in vault rsv-legacy-weu');
    expect(messages).toMatch(/roleAssignments\[9\]\.principalId: no user or service principal/);
    expect(messages).toMatch(/roleAssignments\[9\]\.scope: scope .*rg-nope is not a subscription or resource group/);
  });

  it('reports a missing file and invalid JSON clearly', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fixture-'));
    expect(() => loadFixtureFile(join(dir, 'nope.json'))).toThrow(/Cannot read fixture file .*nope\.json/);
    writeFileSync(join(dir, 'bad.json'), '{ "tenant": ');
    expect(() => loadFixtureFile(join(dir, 'bad.json'))).toThrow(/bad\.json is not valid JSON/);
  });
});

describe('generateFixture', () => {
  it('produces a valid 5,000-VM fixture that loads in well under a few seconds', { timeout: 30_000 }, () => {
    const started = performance.now();
    const input = generateFixture({ vmCount: 5000, seed: 7 });
    const big = createMemoryStore(parseFixture(JSON.parse(JSON.stringify(input)), 'generated'));
    const elapsed = performance.now() - started;
    const vms = big.list({ type: 'Microsoft.Compute/virtualMachines', scope: '/subscriptions' });
    expect(vms).toHaveLength(5000);
    expect(new Set(vms.map((v) => v.location)).size).toBeGreaterThanOrEqual(5);
    expect(big.catalog.subscriptions).toHaveLength(3);
    expect(big.list({ type: 'Microsoft.Resources/resourceGroups', scope: '/subscriptions' }).length).toBeGreaterThan(50);
    expect(big.list({ type: 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems', scope: '/subscriptions' }).length).toBeGreaterThan(100);
    const agents = new Set(vms.map((v) => String(at(v.properties, 'instanceView', 'vmAgent', 'statuses', 0, 'displayStatus'))));
    expect(agents).toEqual(new Set(['Ready', 'Not Ready', 'undefined']));
    // A loose bound that only catches accidental quadratic work; timing belongs in the benchmarks.
    expect(elapsed).toBeLessThan(10_000);
  });

  it('is deterministic for a seed', () => {
    expect(JSON.stringify(generateFixture({ vmCount: 200, seed: 3 }))).toBe(JSON.stringify(generateFixture({ vmCount: 200, seed: 3 })));
    expect(JSON.stringify(generateFixture({ vmCount: 200, seed: 3 }))).not.toBe(JSON.stringify(generateFixture({ vmCount: 200, seed: 4 })));
  });
});
