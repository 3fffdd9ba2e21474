// Small hand-built tables shaped like ARG's (type lower-cased, ids as ARM spells them) for the
// KQL engine tests, and a helper to run a query over them.
import type { ColumnType, QueryInput, QueryResult, Row } from '../../graph/kql/index.ts';
import { runQuery } from '../../graph/kql/index.ts';

export const SUB1 = '11111111-1111-1111-1111-111111111111';
export const SUB2 = '22222222-2222-2222-2222-222222222222';
export const NOW = new Date('2024-06-01T12:00:00Z');
const rg = (sub: string, name: string) => `/subscriptions/${sub}/resourceGroups/${name}`;
const vmId = (sub: string, group: string, name: string) => `${rg(sub, group)}/providers/Microsoft.Compute/virtualMachines/${name}`;
const nicId = (sub: string, group: string, name: string) => `${rg(sub, group)}/providers/Microsoft.Network/networkInterfaces/${name}`;
const VAULT = `${rg(SUB1, 'rg-backup')}/providers/Microsoft.RecoveryServices/vaults/vault-weu`;
const POLICY = `${VAULT}/backupPolicies/DefaultPolicy`;
// Microsoft's policy sample splits ids on 'microsoft.recoveryservices/vaults/': ARG lower-cases them.
const POLICY_ROW_ID = POLICY.toLowerCase();

function vm(sub: string, group: string, name: string, os: 'Windows' | 'Linux', nics: { name: string; primary?: boolean }[], extra: Row = {}): Row {
  return {
    id: vmId(sub, group, name),
    name,
    type: 'microsoft.compute/virtualmachines',
    tenantId: 't1',
    kind: '',
    location: 'westeurope',
    resourceGroup: group,
    subscriptionId: sub,
    managedBy: '',
    sku: null,
    plan: null,
    properties: {
      hardwareProfile: { vmSize: 'Standard_D2s_v3' },
      storageProfile: { osDisk: { osType: os, name: `${name}-osdisk` } },
      osProfile: { computerName: name.toUpperCase() },
      networkProfile: {
        networkInterfaces: nics.map((n) => ({ id: nicId(sub, group, n.name), ...(n.primary === undefined ? {} : { properties: { primary: n.primary } }) })),
      },
      extended: { instanceView: { powerState: { code: name === 'db-01' ? 'PowerState/deallocated' : 'PowerState/running' } } },
    },
    tags: { environment: name.startsWith('web') ? 'Internal' : 'prod' },
    identity: null,
    zones: null,
    extendedLocation: null,
    apiVersion: '2023-03-01',
    ...extra,
  };
}

/** A resource of type provider/type[/child…] named by the last segment, type lower-cased as ARG has it. */
function res(sub: string, group: string, path: string, properties: Row = {}, tags: Row = {}): Row {
  const segments = path.split('/');
  const type = [segments[0], ...segments.slice(1).filter((_, i) => i % 2 === 0)].join('/').toLowerCase();
  return {
    id: `${rg(sub, group)}/providers/${path}`,
    name: segments[segments.length - 1],
    type,
    location: 'westeurope',
    resourceGroup: group,
    subscriptionId: sub,
    properties,
    tags,
  };
}

function nic(sub: string, group: string, name: string, pip?: string): Row {
  return {
    id: nicId(sub, group, name),
    name,
    type: 'microsoft.network/networkinterfaces',
    location: 'westeurope',
    resourceGroup: group,
    subscriptionId: sub,
    properties: {
      ipConfigurations: [
        {
          name: 'ipconfig1',
          properties: {
            primary: true,
            privateIPAddress: '10.0.0.4',
            privateIPAllocationMethod: 'Dynamic',
            subnet: { id: `${rg(sub, group)}/providers/Microsoft.Network/virtualNetworks/vnet-${group}/subnets/default` },
            ...(pip ? { publicIPAddress: { id: `${rg(sub, group)}/providers/Microsoft.Network/publicIPAddresses/${pip}` } } : {}),
          },
        },
      ],
    },
    tags: {},
  };
}

export const resources: Row[] = [
  vm(SUB1, 'rg-web', 'web-01', 'Windows', [{ name: 'web-01-nic' }]),
  vm(SUB1, 'rg-web', 'web-02', 'Windows', [{ name: 'web-02-nic', primary: true }, { name: 'web-02-nic2', primary: false }]),
  vm(SUB1, 'rg-db', 'db-01', 'Linux', [{ name: 'db-01-nic' }]),
  vm(SUB2, 'rg-dev', 'dev-01', 'Linux', []),
  nic(SUB1, 'rg-web', 'web-01-nic', 'web-01-pip'),
  nic(SUB1, 'rg-web', 'web-02-nic'),
  nic(SUB1, 'rg-web', 'web-02-nic2'),
  nic(SUB1, 'rg-db', 'db-01-nic'),
  res(SUB1, 'rg-web', 'Microsoft.Network/publicIPAddresses/web-01-pip', { ipAddress: '20.1.2.3', publicIPAllocationMethod: 'Static' }),
  res(SUB1, 'rg-web', 'Microsoft.Network/networkSecurityGroups/nsg-web', {
    securityRules: [
      { name: 'allow-https-in', properties: { access: 'Allow', direction: 'Inbound', priority: 100, destinationPortRange: '443', sourceAddressPrefix: '*' } },
      { name: 'deny-internet-out', properties: { access: 'Deny', direction: 'Outbound', priority: 4000, destinationPortRange: '*', sourceAddressPrefix: '*' } },
    ],
    networkInterfaces: [{ id: nicId(SUB1, 'rg-web', 'web-01-nic') }],
  }),
  res(SUB1, 'rg-db', 'Microsoft.Network/networkSecurityGroups/nsg-orphan', { securityRules: [] }),
  res(SUB1, 'rg-web', 'Microsoft.Network/virtualNetworks/vnet-rg-web', {
    subnets: [
      { name: 'default', properties: { addressPrefix: '10.0.0.0/24' } },
      { name: 'AzureBastionSubnet', properties: { addressPrefix: '10.0.1.0/26' } },
    ],
  }),
  res(SUB1, 'rg-backup', 'Microsoft.RecoveryServices/vaults/vault-weu'),
  res(SUB1, 'rg-web', 'Microsoft.Storage/storageAccounts/stweb01', { primaryEndpoints: { blob: 'https://stweb01.blob.core.windows.net/' } }, {
    'tag with a space': 'Custom value',
    'hidden-link': 'x',
  }),
  res(SUB1, 'rg-backup', 'Microsoft.KeyVault/vaults/kv-backup'),
  ...[3, 10].map((capacity) => ({
    ...res(SUB2, 'rg-dev', `Microsoft.Compute/virtualMachineScaleSets/contoso-scaleset-${capacity}`),
    location: 'northeurope',
    sku: { name: 'Standard_D2s_v3', tier: 'Standard', capacity },
  })),
  res(SUB1, 'rg-web', 'Microsoft.Compute/virtualMachines/web-01/extensions/IaaSAntimalware'),
  res(SUB1, 'rg-web', 'Microsoft.Compute/virtualMachines/web-01/extensions/VMSnapshot'),
];

export const resourceContainers: Row[] = [
  { id: `/subscriptions/${SUB1}`, name: 'Contoso Production', type: 'microsoft.resources/subscriptions', subscriptionId: SUB1, properties: { state: 'Enabled' }, tags: {} },
  { id: `/subscriptions/${SUB2}`, name: 'Contoso Dev', type: 'microsoft.resources/subscriptions', subscriptionId: SUB2, properties: { state: 'Enabled' }, tags: {} },
  ...['rg-web', 'rg-db', 'rg-backup'].map((g) => ({
    id: rg(SUB1, g),
    name: g,
    type: 'microsoft.resources/subscriptions/resourcegroups',
    resourceGroup: g,
    subscriptionId: SUB1,
    location: 'westeurope',
    properties: {},
    tags: g === 'rg-web' ? { Key1: 'Value1' } : {},
  })),
];

const protectedItem = (group: string, name: string, state: string): Row => ({
  id: `${VAULT}/backupFabrics/Azure/protectionContainers/IaasVMContainer;iaasvmcontainerv2;${group};${name}/protectedItems/VM;iaasvmcontainerv2;${group};${name}`,
  name: `VM;iaasvmcontainerv2;${group};${name}`,
  type: 'microsoft.recoveryservices/vaults/backupfabrics/protectioncontainers/protecteditems',
  location: 'westeurope',
  resourceGroup: 'rg-backup',
  subscriptionId: SUB1,
  properties: {
    friendlyName: name,
    backupManagementType: 'AzureIaasVM',
    workloadType: 'VM',
    sourceResourceId: vmId(SUB1, group, name).replace('/resourceGroups/', '/resourcegroups/'),
    policyId: POLICY,
    policyName: 'DefaultPolicy',
    protectionState: 'Protected',
    currentProtectionState: state,
    lastBackupStatus: 'Completed',
    lastBackupTime: '2024-06-01T02:00:00Z',
    dataSourceInfo: { resourceID: vmId(SUB1, group, name), resourceLocation: 'westeurope' },
    lastRecoveryPoint: '2024-06-01T02:10:00Z',
  },
  tags: {},
});

const job = (name: string, entity: string, status: string, start: string): Row => ({
  id: `${VAULT}/backupJobs/${name}`,
  name,
  type: 'microsoft.recoveryservices/vaults/backupjobs',
  location: 'westeurope',
  resourceGroup: 'rg-backup',
  subscriptionId: SUB1,
  properties: {
    entityFriendlyName: entity,
    backupManagementType: 'AzureIaasVM',
    operation: 'Backup',
    status,
    startTime: start,
    endTime: start,
    duration: 'PT10M',
    isUserTriggered: false,
    dataSourceId: vmId(SUB1, 'rg-web', entity),
    dataSourceLocation: 'westeurope',
  },
  tags: {},
});

export const recoveryServicesResources: Row[] = [
  protectedItem('rg-web', 'web-01', 'ProtectionConfigured'),
  protectedItem('rg-db', 'db-01', 'ProtectionStopped'),
  job('job-1', 'web-01', 'Completed', '2024-06-01T02:00:00Z'),
  job('job-2', 'db-01', 'Failed', '2024-05-31T20:00:00Z'),
  job('job-3', 'web-01', 'Completed', '2024-05-20T02:00:00Z'),
  {
    id: POLICY_ROW_ID,
    name: 'DefaultPolicy',
    type: 'microsoft.recoveryservices/vaults/backuppolicies',
    location: 'westeurope',
    resourceGroup: 'rg-backup',
    subscriptionId: SUB1,
    properties: { backupManagementType: 'AzureIaasVM', protectedItemsCount: 2 },
    tags: {},
  },
];

// A PostgreSQL backup job of a Backup vault, for Microsoft's DataProtection job sample.
recoveryServicesResources.push({
  id: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-pg/providers/Microsoft.DataProtection/backupVaults/bvault/backupJobs/pgjob-1',
  name: 'pgjob-1',
  type: 'microsoft.dataprotection/backupvaults/backupjobs',
  location: 'westeurope',
  resourceGroup: 'rg-pg',
  subscriptionId: '00000000-0000-0000-0000-000000000000',
  properties: {
    vaultName: 'bvault',
    dataSourceSetName: 'pg1',
    dataSourceName: 'db1',
    dataSourceType: 'Microsoft.DBforPostgreSQL/servers/databases',
    dataSourceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-pg/providers/Microsoft.DBforPostgreSQL/servers/pg1/databases/db1',
    dataSourceLocation: 'westeurope',
    backupInstanceId: 'pg1-db1',
    operationCategory: 'Backup',
    isUserTriggered: false,
    status: 'Completed',
    startTime: '2024-05-30T01:00:00Z',
    endTime: '2024-05-30T01:05:00Z',
    duration: 'PT5M',
  },
  tags: {},
});

export const POLICY_ID = POLICY;
export const VAULT_ID = VAULT;

export const TABLES: Record<string, readonly Row[]> = {
  resources,
  resourcecontainers: resourceContainers,
  recoveryservicesresources: recoveryServicesResources,
};

export function input(tables: Record<string, readonly Row[]> = TABLES): QueryInput {
  return { table: (name) => tables[name], now: NOW };
}

export function run(query: string, tables?: Record<string, readonly Row[]>): QueryResult {
  return runQuery(query, input(tables));
}

const typeOf = (v: unknown): ColumnType =>
  typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'boolean' : typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : 'object';

/** Inline tables whose columns are exactly their rows' keys (no ARG standard columns). */
export function inlineInput(tables: Record<string, readonly Row[]>): QueryInput {
  const columns = (name: string) => {
    const rows = tables[name];
    if (!rows) return undefined;
    const cols = new Map<string, ColumnType>();
    for (const r of rows) for (const [k, v] of Object.entries(r)) if (!cols.has(k) || (v !== null && cols.get(k) === 'object')) cols.set(k, v === null ? 'object' : typeOf(v));
    return [...cols].map(([n, type]) => ({ name: n, type }));
  };
  return { table: (name) => tables[name], columns, now: NOW };
}

/** The result of a query over inline tables `t` (and `u`). */
export function runInline(query: string, t: readonly Row[], u: readonly Row[] = []): QueryResult {
  return runQuery(query, inlineInput({ t, u }));
}

export const rowsOf = (query: string, t: readonly Row[], u: readonly Row[] = []): Row[] => runInline(query, t, u).rows;
