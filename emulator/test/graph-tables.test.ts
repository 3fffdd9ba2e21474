// Resource Graph rows from the contoso store: the columns and shapes ARG documents, table by table.
import { describe, expect, it } from 'vitest';
import { createGraphIndex } from '../graph/indexer.ts';
import { extendedInstanceView, type GraphEntry, type GraphTable } from '../graph/tables.ts';
import { createMemoryStore, DEFAULT_FIXTURE_PATH, loadFixtureFile } from '../state/store.ts';

const PROD = '8c6b1f3e-2a4d-4f5b-9e7c-0a1b2c3d4e5f';
const TENANT = '3f6c2a9e-8b1d-4e27-9c5a-1d2e3f4a5b6c';
const WEB_01 = `/subscriptions/${PROD}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/web-01`;
const LEGACY_VAULT = `/subscriptions/${PROD}/resourceGroups/rg-backup-legacy/providers/Microsoft.RecoveryServices/vaults/rsv-legacy-weu`;

const store = createMemoryStore(loadFixtureFile(DEFAULT_FIXTURE_PATH));
const index = createGraphIndex(store, () => 0);
const rows = (table: GraphTable) => index.entries(table).map((e: GraphEntry) => e.row);
const byId = (table: GraphTable, id: string) => rows(table).find((r) => String(r['id']).toLowerCase() === id.toLowerCase());

describe('Resources', () => {
  it('has ARG columns: lower-case type and resource group, the tenant, empty strings and objects for what is missing', () => {
    const vm = byId('resources', WEB_01);
    expect(vm).toMatchObject({
      id: WEB_01,
      name: 'web-01',
      type: 'microsoft.compute/virtualmachines',
      tenantId: TENANT,
      kind: '',
      location: 'westeurope',
      resourceGroup: 'rg-web',
      subscriptionId: PROD,
      managedBy: '',
      sku: {},
      plan: {},
      identity: null,
      zones: null,
      extendedLocation: null,
    });
    expect(Object.keys(vm ?? {})).toEqual([
      'id', 'name', 'type', 'tenantId', 'kind', 'location', 'resourceGroup', 'subscriptionId', 'managedBy', 'sku', 'plan', 'properties', 'tags', 'identity', 'zones', 'extendedLocation',
    ]);
  });

  it("moves a VM's instance view to properties.extended.instanceView with only what ARG shows", () => {
    const props = byId('resources', WEB_01)?.['properties'] as Record<string, unknown>;
    expect(props['instanceView']).toBeUndefined();
    expect(props['hardwareProfile']).toEqual({ vmSize: 'Standard_D2s_v5' });
    expect(props['extended']).toEqual({
      instanceView: {
        computerName: 'web-01',
        osName: 'Windows Server 2022 Datacenter Azure Edition',
        osVersion: 'Microsoft Windows NT 10.0.20348.0',
        hyperVGeneration: 'V2',
        powerState: { code: 'PowerState/running', level: 'Info', displayStatus: 'VM running' },
      },
    });
    // The store's own VM keeps its instance view: rows never change stored resources.
    expect(store.get(WEB_01)?.properties?.['instanceView']).toBeDefined();
  });

  it('shows a deallocated VM without the facts only its guest agent reports', () => {
    const vm = rows('resources').find((r) => r['name'] === 'stopped-01');
    expect((vm?.['properties'] as { extended: unknown }).extended).toEqual({
      instanceView: { hyperVGeneration: 'V2', powerState: { code: 'PowerState/deallocated', level: 'Info', displayStatus: 'VM deallocated' } },
    });
    expect(extendedInstanceView(undefined)).toEqual({});
  });

  it('has VM extensions, NICs, NSGs (with their rules inside), VNets, public IPs, load balancers and vaults, but no subnets or rule rows', () => {
    const types = new Set(rows('resources').map((r) => r['type']));
    for (const t of [
      'microsoft.compute/virtualmachines/extensions', 'microsoft.network/networkinterfaces', 'microsoft.network/networksecuritygroups',
      'microsoft.network/virtualnetworks', 'microsoft.network/publicipaddresses', 'microsoft.network/loadbalancers',
      'microsoft.compute/availabilitysets', 'microsoft.recoveryservices/vaults',
    ]) expect(types).toContain(t);
    for (const t of ['microsoft.network/virtualnetworks/subnets', 'microsoft.network/networksecuritygroups/securityrules', 'microsoft.resources/resourcegroups']) {
      expect(types).not.toContain(t);
    }
    const nsg = rows('resources').find((r) => r['name'] === 'nsg-snet-locked');
    expect(((nsg?.['properties'] as { securityRules: unknown[] }).securityRules).length).toBeGreaterThan(0);
  });
});

describe('ResourceContainers', () => {
  it('holds the subscriptions (from the catalog) and the resource groups', () => {
    const sub = byId('resourcecontainers', `/subscriptions/${PROD}`);
    expect(sub).toMatchObject({
      name: 'Contoso Production',
      type: 'microsoft.resources/subscriptions',
      subscriptionId: PROD,
      resourceGroup: '',
      properties: { state: 'Enabled', managementGroupAncestorsChain: [{ name: TENANT, displayName: 'Tenant Root Group' }] },
    });
    const rg = byId('resourcecontainers', `/subscriptions/${PROD}/resourceGroups/rg-web`);
    expect(rg).toMatchObject({ name: 'rg-web', type: 'microsoft.resources/subscriptions/resourcegroups', location: 'westeurope', resourceGroup: 'rg-web' });
  });
});

describe('RecoveryServicesResources', () => {
  it('has protected items with the fields the backup article queries', () => {
    const item = rows('recoveryservicesresources').find((r) => r['type'] === 'microsoft.recoveryservices/vaults/backupfabrics/protectioncontainers/protecteditems');
    expect(item).toMatchObject({
      resourceGroup: 'rg-backup-legacy',
      location: 'westeurope',
      properties: {
        backupManagementType: 'AzureIaasVM',
        workloadType: 'VM',
        friendlyName: 'protected-01',
        sourceResourceId: `/subscriptions/${PROD}/resourceGroups/rg-apps/providers/Microsoft.Compute/virtualMachines/protected-01`,
        policyId: `${LEGACY_VAULT}/backupPolicies/legacy-nightly`,
        policyName: 'legacy-nightly',
        protectionState: 'Protected',
        currentProtectionState: 'ProtectionConfigured',
        lastBackupStatus: 'Completed',
        dataSourceInfo: {
          resourceID: `/subscriptions/${PROD}/resourceGroups/rg-apps/providers/Microsoft.Compute/virtualMachines/protected-01`,
          resourceLocation: 'westeurope',
          datasourceType: 'Microsoft.Compute/virtualMachines',
        },
      },
    });
    expect((item?.['properties'] as Record<string, unknown>)['lastBackupTime']).toEqual(expect.any(String));
  });

  it('has backup policies with lower-case ids, as the article splits them', () => {
    const policy = rows('recoveryservicesresources').find((r) => r['name'] === 'legacy-nightly');
    expect(policy).toMatchObject({ id: `${LEGACY_VAULT}/backupPolicies/legacy-nightly`.toLowerCase(), type: 'microsoft.recoveryservices/vaults/backuppolicies' });
    expect(String(policy?.['id']).split('microsoft.recoveryservices/vaults/')[1]?.split('/')[0]).toBe('rsv-legacy-weu');
  });

  it('has backup jobs with the data source they are about, and keeps them 14 days', () => {
    const jobId = `${LEGACY_VAULT}/backupJobs/job-1`;
    store.put({
      id: jobId,
      name: 'job-1',
      type: 'Microsoft.RecoveryServices/vaults/backupJobs',
      properties: { jobType: 'AzureIaaSVMJob', operation: 'Backup', status: 'Completed', startTime: '2025-06-01T08:00:00.000Z', endTime: '2025-06-01T08:01:31.306Z', entityFriendlyName: 'protected-01', backupManagementType: 'AzureIaasVM' },
      subject: { sourceResourceId: `/subscriptions/${PROD}/resourceGroups/rg-apps/providers/Microsoft.Compute/virtualMachines/protected-01`, itemId: 'x' },
    });
    const job = index.entries('recoveryservicesresources').find((e) => e.key === jobId.toLowerCase());
    expect(job?.row).toMatchObject({
      type: 'microsoft.recoveryservices/vaults/backupjobs',
      properties: { vaultName: 'rsv-legacy-weu', dataSourceId: expect.stringContaining('protected-01'), duration: 'PT1M31.306S', isUserTriggered: true, status: 'Completed' },
    });
    expect((job?.row as Record<string, unknown>)['subject']).toBeUndefined();
    expect(job?.expiresAt).toBe(Date.parse('2025-06-15T08:00:00.000Z'));
    store.reset();
  });
});
