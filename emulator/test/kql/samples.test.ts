// Microsoft's published Resource Graph sample queries, copied verbatim from MicrosoftDocs/azure-docs
// (path and heading given), run over the small ARG-shaped tables of arg-rows.ts. Where a sample
// holds a placeholder the article asks to replace, `substitute` says what replaces it.
import { describe, expect, it } from 'vitest';
import type { QueryResult, Row } from '../../graph/kql/index.ts';
import { POLICY_ID, SUB1, SUB2, VAULT_ID, run } from './arg-rows.ts';

interface Sample {
  source: string;
  title: string;
  query: string;
  substitute?: [string, string];
  check(result: QueryResult): void;
}

const STARTER = 'articles/governance/resource-graph/samples/starter.md';
const ADVANCED = 'articles/governance/resource-graph/samples/advanced.md';
const LANGUAGE = 'articles/governance/resource-graph/concepts/query-language.md';
const VM_SAMPLES = 'articles/governance/resource-graph/includes/samples-by-category/azure-virtual-machines.md';
const BACKUP = 'articles/backup/query-backups-using-azure-resource-graph.md';

const col = (r: QueryResult, name: string): unknown[] => r.rows.map((row) => row[name]);
const cols = (r: QueryResult): string[] => r.columns.map((c) => c.name);
const vm = (group: string, name: string) => `/subscriptions/${SUB1}/resourceGroups/${group}/providers/Microsoft.Compute/virtualMachines/${name}`;
const byKey = (rows: Row[], key: string) => [...rows].sort((a, b) => String(a[key]).localeCompare(String(b[key])));

const SAMPLES: Sample[] = [
  {
    source: STARTER,
    title: 'Count Azure resources',
    query: `Resources
| summarize count()`,
    check: (r) => expect(r.rows).toEqual([{ count_: 19 }]),
  },
  {
    source: STARTER,
    title: 'Count Key Vault resources',
    query: `Resources
| where type =~ 'microsoft.keyvault/vaults'
| count`,
    check: (r) => expect(r.rows).toEqual([{ Count: 1 }]),
  },
  {
    source: STARTER,
    title: 'List resources sorted by name',
    query: `Resources
| project name, type, location
| order by name asc`,
    check: (r) => {
      expect(cols(r)).toEqual(['name', 'type', 'location']);
      const names = col(r, 'name') as string[];
      expect(names).toHaveLength(19);
      expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      expect(r.ordered).toBe(true);
    },
  },
  {
    source: STARTER,
    title: 'Show all virtual machines ordered by name in descending order',
    query: `Resources
| project name, location, type
| where type =~ 'Microsoft.Compute/virtualMachines'
| order by name desc`,
    check: (r) => expect(col(r, 'name')).toEqual(['web-02', 'web-01', 'dev-01', 'db-01']),
  },
  {
    source: STARTER,
    title: 'Show first five virtual machines by name and their OS type',
    query: `Resources
| where type =~ 'Microsoft.Compute/virtualMachines'
| project name, properties.storageProfile.osDisk.osType
| top 5 by name desc`,
    check: (r) => {
      expect(r.rows).toEqual([
        { name: 'web-02', properties_storageProfile_osDisk_osType: 'Windows' },
        { name: 'web-01', properties_storageProfile_osDisk_osType: 'Windows' },
        { name: 'dev-01', properties_storageProfile_osDisk_osType: 'Linux' },
        { name: 'db-01', properties_storageProfile_osDisk_osType: 'Linux' },
      ]);
      expect([r.ordered, r.limited]).toEqual([true, true]);
    },
  },
  {
    source: STARTER,
    title: 'Count virtual machines by OS type',
    query: `Resources
| where type =~ 'Microsoft.Compute/virtualMachines'
| summarize count() by tostring(properties.storageProfile.osDisk.osType)`,
    check: (r) =>
      expect(r.rows).toEqual([
        { properties_storageProfile_osDisk_osType: 'Windows', count_: 2 },
        { properties_storageProfile_osDisk_osType: 'Linux', count_: 2 },
      ]),
  },
  {
    source: STARTER,
    title: 'Count virtual machines by OS type (with extend)',
    query: `Resources
| where type =~ 'Microsoft.Compute/virtualMachines'
| extend os = properties.storageProfile.osDisk.osType
| summarize count() by tostring(os)`,
    check: (r) => expect(r.rows).toEqual([{ os: 'Windows', count_: 2 }, { os: 'Linux', count_: 2 }]),
  },
  {
    source: STARTER,
    title: 'Show resources that contain storage',
    query: `Resources
| where type contains 'storage' | distinct type`,
    check: (r) => expect(r.rows).toEqual([{ type: 'microsoft.storage/storageaccounts' }]),
  },
  {
    source: STARTER,
    title: 'List all Azure virtual network subnets',
    query: `Resources
| where type == 'microsoft.network/virtualnetworks'
| extend subnets = properties.subnets
| mv-expand subnets
| project name, subnets.name, subnets.properties.addressPrefix, location, resourceGroup, subscriptionId`,
    check: (r) =>
      expect(r.rows).toEqual([
        { name: 'vnet-rg-web', subnets_name: 'default', subnets_properties_addressPrefix: '10.0.0.0/24', location: 'westeurope', resourceGroup: 'rg-web', subscriptionId: SUB1 },
        { name: 'vnet-rg-web', subnets_name: 'AzureBastionSubnet', subnets_properties_addressPrefix: '10.0.1.0/26', location: 'westeurope', resourceGroup: 'rg-web', subscriptionId: SUB1 },
      ]),
  },
  {
    source: STARTER,
    title: 'List all public IP addresses',
    query: `Resources
| where type contains 'publicIPAddresses' and isnotempty(properties.ipAddress)
| project properties.ipAddress
| limit 100`,
    check: (r) => {
      expect(r.rows).toEqual([{ properties_ipAddress: '20.1.2.3' }]);
      expect(r.limited).toBe(true);
    },
  },
  {
    source: STARTER,
    title: 'Count resources that have IP addresses configured by subscription',
    query: `Resources
| where type contains 'publicIPAddresses' and isnotempty(properties.ipAddress)
| summarize count () by subscriptionId`,
    check: (r) => expect(r.rows).toEqual([{ subscriptionId: SUB1, count_: 1 }]),
  },
  {
    source: STARTER,
    title: 'List resources with a specific tag value',
    query: `Resources
| where tags.environment=~'internal'
| project name`,
    check: (r) => expect(r.rows).toEqual([{ name: 'web-01' }, { name: 'web-02' }]),
  },
  {
    source: STARTER,
    title: 'List resources with a specific tag value (and their tags)',
    query: `Resources
| where tags.environment=~'internal'
| project name, tags`,
    check: (r) => expect(r.rows[0]).toEqual({ name: 'web-01', tags: { environment: 'Internal' } }),
  },
  {
    source: STARTER,
    title: 'List all storage accounts with specific tag value',
    query: `Resources
| where type =~ 'Microsoft.Storage/storageAccounts'
| where tags['tag with a space']=='Custom value'`,
    check: (r) => {
      expect(col(r, 'name')).toEqual(['stweb01']);
      expect(cols(r).slice(0, 4)).toEqual(['id', 'name', 'type', 'tenantId']);
    },
  },
  {
    source: STARTER,
    title: 'List all tags and their values',
    query: `ResourceContainers 
| where isnotempty(tags)
| project tags
| mvexpand tags
| extend tagKey = tostring(bag_keys(tags)[0])
| extend tagValue = tostring(tags[tagKey])
| union (
    resources
    | where isnotempty(tags)
    | project tags
    | mvexpand tags
    | extend tagKey = tostring(bag_keys(tags)[0])
    | extend tagValue = tostring(tags[tagKey])
)
| distinct tagKey, tagValue
| where tagKey !startswith "hidden-"`,
    check: (r) =>
      expect(r.rows).toEqual([
        { tagKey: 'Key1', tagValue: 'Value1' },
        { tagKey: 'environment', tagValue: 'Internal' },
        { tagKey: 'environment', tagValue: 'prod' },
        { tagKey: 'tag with a space', tagValue: 'Custom value' },
      ]),
  },
  {
    source: STARTER,
    title: 'Show unassociated network security groups',
    query: `Resources
| where type =~ "microsoft.network/networksecuritygroups" and isnull(properties.networkInterfaces) and isnull(properties.subnets)
| project name, resourceGroup
| sort by name asc`,
    check: (r) => expect(r.rows).toEqual([{ name: 'nsg-orphan', resourceGroup: 'rg-db' }]),
  },
  {
    source: ADVANCED,
    title: 'Show resource types and API versions',
    query: `Resources
| distinct type, apiVersion
| where isnotnull(apiVersion)
| order by type asc`,
    check: (r) => expect(r.rows).toEqual([{ type: 'microsoft.compute/virtualmachines', apiVersion: '2023-03-01' }]),
  },
  {
    source: ADVANCED,
    title: 'Get virtual machine scale set capacity and size',
    query: `Resources
| where type=~ 'microsoft.compute/virtualmachinescalesets'
| where name contains 'contoso'
| project subscriptionId, name, location, resourceGroup, Capacity = toint(sku.capacity), Tier = sku.name
| order by Capacity desc`,
    check: (r) => {
      expect(col(r, 'Capacity')).toEqual([10, 3]);
      expect(r.rows[0]).toEqual({ subscriptionId: SUB2, name: 'contoso-scaleset-10', location: 'northeurope', resourceGroup: 'rg-dev', Capacity: 10, Tier: 'Standard_D2s_v3' });
      expect(r.columns.find((c) => c.name === 'Capacity')?.type).toBe('integer');
    },
  },
  {
    source: ADVANCED,
    title: 'Remove columns from results',
    query: `Resources
| summarize resourceCount=count() by subscriptionId
| join (ResourceContainers | where type=='microsoft.resources/subscriptions' | project SubName=name, subscriptionId) on subscriptionId
| project-away subscriptionId, subscriptionId1`,
    check: (r) =>
      expect(r.rows).toEqual([
        { resourceCount: 16, SubName: 'Contoso Production' },
        { resourceCount: 3, SubName: 'Contoso Dev' },
      ]),
  },
  {
    source: ADVANCED,
    title: 'Key vaults with subscription name',
    query: `Resources
| join kind=leftouter (ResourceContainers | where type=='microsoft.resources/subscriptions' | project SubName=name, subscriptionId) on subscriptionId
| where type == 'microsoft.keyvault/vaults'
| project type, name, SubName`,
    check: (r) => expect(r.rows).toEqual([{ type: 'microsoft.keyvault/vaults', name: 'kv-backup', SubName: 'Contoso Production' }]),
  },
  {
    source: ADVANCED,
    title: 'List virtual machines with their network interface and public IP',
    query: `Resources
| where type =~ 'microsoft.compute/virtualmachines'
| extend nics=array_length(properties.networkProfile.networkInterfaces)
| mv-expand nic=properties.networkProfile.networkInterfaces
| where nics == 1 or nic.properties.primary =~ 'true' or isempty(nic)
| project vmId = id, vmName = name, vmSize=tostring(properties.hardwareProfile.vmSize), nicId = tostring(nic.id)
| join kind=leftouter (
    Resources
    | where type =~ 'microsoft.network/networkinterfaces'
    | extend ipConfigsCount=array_length(properties.ipConfigurations)
    | mv-expand ipconfig=properties.ipConfigurations
    | where ipConfigsCount == 1 or ipconfig.properties.primary =~ 'true'
    | project nicId = id, publicIpId = tostring(ipconfig.properties.publicIPAddress.id))
on nicId
| project-away nicId1
| summarize by vmId, vmName, vmSize, nicId, publicIpId
| join kind=leftouter (
    Resources
    | where type =~ 'microsoft.network/publicipaddresses'
    | project publicIpId = id, publicIpAddress = properties.ipAddress)
on publicIpId
| project-away publicIpId1`,
    check: (r) => {
      expect(cols(r)).toEqual(['vmId', 'vmName', 'vmSize', 'nicId', 'publicIpId', 'publicIpAddress']);
      const rows = byKey(r.rows, 'vmName');
      expect(rows.map((x) => [x['vmName'], String(x['nicId']).split('/').pop(), x['publicIpAddress']])).toEqual([
        ['db-01', 'db-01-nic', null],
        ['web-01', 'web-01-nic', '20.1.2.3'],
        ['web-02', 'web-02-nic', null],
      ]);
      expect(rows[1]?.['publicIpId']).toMatch(/publicIPAddresses\/web-01-pip$/);
      expect(rows[0]?.['publicIpId']).toBe('');
    },
  },
  {
    source: ADVANCED,
    title: 'List all extensions installed on a virtual machine',
    query: `Resources
| where type == 'microsoft.compute/virtualmachines'
| extend
    JoinID = toupper(id),
    OSName = tostring(properties.osProfile.computerName),
    OSType = tostring(properties.storageProfile.osDisk.osType),
    VMSize = tostring(properties.hardwareProfile.vmSize)
| join kind=leftouter(
    Resources
    | where type == 'microsoft.compute/virtualmachines/extensions'
    | extend
        VMId = toupper(substring(id, 0, indexof(id, '/extensions'))),
        ExtensionName = name
) on $left.JoinID == $right.VMId
| summarize Extensions = make_list(ExtensionName) by id, OSName, OSType, VMSize
| order by tolower(OSName) asc`,
    check: (r) => {
      expect(cols(r)).toEqual(['id', 'OSName', 'OSType', 'VMSize', 'Extensions']);
      expect(r.rows.map((x) => [x['OSName'], x['Extensions']])).toEqual([
        ['DB-01', []],
        ['DEV-01', []],
        ['WEB-01', ['IaaSAntimalware', 'VMSnapshot']],
        ['WEB-02', []],
      ]);
    },
  },
  {
    source: ADVANCED,
    title: 'Find storage accounts with a specific tag on the resource group',
    query: `Resources
| where type =~ 'microsoft.storage/storageaccounts'
| join kind=inner (
    ResourceContainers
    | where type =~ 'microsoft.resources/subscriptions/resourcegroups'
    | where tags['Key1'] =~ 'Value1'
    | project subscriptionId, resourceGroup)
on subscriptionId, resourceGroup
| project-away subscriptionId1, resourceGroup1`,
    check: (r) => {
      expect(col(r, 'name')).toEqual(['stweb01']);
      expect(cols(r)).not.toContain('subscriptionId1');
    },
  },
  {
    source: ADVANCED,
    title: 'Find storage accounts with a specific tag on the resource group (case-insensitive, bagexpansion=array)',
    query: `Resources
| where type =~ 'microsoft.storage/storageaccounts'
| join kind=inner (
    ResourceContainers
    | where type =~ 'microsoft.resources/subscriptions/resourcegroups'
    | mv-expand bagexpansion=array tags
    | where isnotempty(tags)
    | where tags[0] =~ 'key1' and tags[1] =~ 'value1'
    | project subscriptionId, resourceGroup)
on subscriptionId, resourceGroup
| project-away subscriptionId1, resourceGroup1`,
    check: (r) => expect(col(r, 'name')).toEqual(['stweb01']),
  },
  {
    source: ADVANCED,
    title: 'Combine results from two queries into a single result',
    query: `ResourceContainers
| where type=='microsoft.resources/subscriptions/resourcegroups' | project name, type  | limit 5
| union  (Resources | project name, type | limit 5)`,
    check: (r) => {
      expect(col(r, 'name')).toEqual(['rg-web', 'rg-db', 'rg-backup', 'web-01', 'web-02', 'db-01', 'dev-01', 'web-01-nic']);
      expect(r.limited).toBe(true);
    },
  },
  {
    source: ADVANCED,
    title: 'Get virtual networks and subnets of network interfaces',
    query: `Resources
| where type =~ 'microsoft.network/networkinterfaces'
| project id, ipConfigurations = properties.ipConfigurations
| mvexpand ipConfigurations
| project id, subnetId = tostring(ipConfigurations.properties.subnet.id)
| parse kind=regex subnetId with '/virtualNetworks/' virtualNetwork '/subnets/' subnet
| project id, virtualNetwork, subnet`,
    check: (r) => {
      expect(cols(r)).toEqual(['id', 'virtualNetwork', 'subnet']);
      expect(r.rows.map((x) => [x['virtualNetwork'], x['subnet']])).toEqual([
        ['vnet-rg-web', 'default'],
        ['vnet-rg-web', 'default'],
        ['vnet-rg-web', 'default'],
        ['vnet-rg-db', 'default'],
      ]);
    },
  },
  {
    source: ADVANCED,
    title: 'Summarize virtual machine by the power states extended property',
    query: `Resources
| where type == 'microsoft.compute/virtualmachines'
| summarize count() by tostring(properties.extended.instanceView.powerState.code)`,
    check: (r) =>
      expect(r.rows).toEqual([
        { properties_extended_instanceView_powerState_code: 'PowerState/running', count_: 3 },
        { properties_extended_instanceView_powerState_code: 'PowerState/deallocated', count_: 1 },
      ]),
  },
  {
    source: VM_SAMPLES,
    title: 'Count of virtual machines by power state',
    query: `Resources
| where type == 'microsoft.compute/virtualmachines'
| summarize count() by PowerState = tostring(properties.extended.instanceView.powerState.code)`,
    check: (r) => expect(r.rows).toEqual([{ PowerState: 'PowerState/running', count_: 3 }, { PowerState: 'PowerState/deallocated', count_: 1 }]),
  },
  {
    source: LANGUAGE,
    title: 'A simple join (duplicate right columns get 1 appended)',
    query: `Resources
| join ResourceContainers on subscriptionId
| limit 1`,
    check: (r) => {
      expect(r.rows).toHaveLength(1);
      expect(cols(r)).toEqual(expect.arrayContaining(['id', 'name', 'id1', 'name1', 'subscriptionId1']));
      expect(r.rows[0]?.['name1']).toBe('Contoso Production');
    },
  },
  {
    source: LANGUAGE,
    title: 'A more complex join: key vault and the name of its subscription',
    query: `Resources
| where type == 'microsoft.keyvault/vaults'
| project name, type, location, subscriptionId, resourceGroup
| join (ResourceContainers | where type=='microsoft.resources/subscriptions' | project SubName=name, subscriptionId) on subscriptionId
| project type, name, location, resourceGroup, SubName
| limit 1`,
    check: (r) =>
      expect(r.rows).toEqual([{ type: 'microsoft.keyvault/vaults', name: 'kv-backup', location: 'westeurope', resourceGroup: 'rg-backup', SubName: 'Contoso Production' }]),
  },
  {
    source: LANGUAGE,
    title: 'Resource types with extended properties',
    query: `Resources
| where isnotnull(properties.extended)
| distinct type
| order by type asc`,
    check: (r) => expect(r.rows).toEqual([{ type: 'microsoft.compute/virtualmachines' }]),
  },
  {
    source: BACKUP,
    title: 'List all Azure VMs that have been configured for backup',
    substitute: ['00000000-0000-0000-0000-000000000000', SUB1],
    query: `RecoveryServicesResources 
| where type in~ ('Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems')
| extend vaultName = case(type =~ 'microsoft.dataprotection/backupVaults/backupInstances',split(split(id, '/Microsoft.DataProtection/backupVaults/')[1],'/')[0],type =~ 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems',split(split(id, '/Microsoft.RecoveryServices/vaults/')[1],'/')[0],'--')
| extend dataSourceType = case(type=~'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems',properties.backupManagementType,type =~ 'microsoft.dataprotection/backupVaults/backupInstances',properties.dataSourceSetInfo.datasourceType,'--')
| extend friendlyName = properties.friendlyName
| extend dsResourceGroup = split(split(properties.dataSourceInfo.resourceID, '/resourceGroups/')[1],'/')[0]
| extend dsSubscription = split(split(properties.dataSourceInfo.resourceID, '/subscriptions/')[1],'/')[0]
| extend lastRestorePoint = properties.lastRecoveryPoint
| extend primaryLocation = properties.dataSourceInfo.resourceLocation
| extend policyName = case(type =~ 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems',properties.policyName, type =~ 'microsoft.dataprotection/backupVaults/backupInstances', properties.policyInfo.name, '--')
| extend protectionState = properties.currentProtectionState
| where protectionState in~ ('ConfiguringProtection','ProtectionConfigured','ConfiguringProtectionFailed','ProtectionStopped','SoftDeleted','ProtectionError')
| where (dsSubscription in~ ('00000000-0000-0000-0000-000000000000')) and (dataSourceType in~ ('AzureIaasVM')) //add the relevant subscription ids you wish to query to this line
`,
    check: (r) => {
      expect(r.rows.map((x) => [x['friendlyName'], x['vaultName'], x['dsResourceGroup'], x['policyName'], x['protectionState']])).toEqual([
        ['web-01', 'vault-weu', 'rg-web', 'DefaultPolicy', 'ProtectionConfigured'],
        ['db-01', 'vault-weu', 'rg-db', 'DefaultPolicy', 'ProtectionStopped'],
      ]);
    },
  },
  {
    source: BACKUP,
    title: 'List all backup jobs on Azure Databases for PostgreSQL Servers in the last one week',
    query: `RecoveryServicesResources 
| where type in~ ('Microsoft.DataProtection/backupVaults/backupJobs')
| extend vaultName = case(type =~ 'microsoft.dataprotection/backupVaults/backupJobs',properties.vaultName,type =~ 'Microsoft.RecoveryServices/vaults/backupJobs',split(split(id, '/Microsoft.RecoveryServices/vaults/')[1],'/')[0],'--')
| extend friendlyName = case(type =~ 'microsoft.dataprotection/backupVaults/backupJobs',strcat(properties.dataSourceSetName , '/', properties.dataSourceName),type =~ 'Microsoft.RecoveryServices/vaults/backupJobs', properties.entityFriendlyName, '--')
| extend dataSourceType = case(type =~ 'Microsoft.RecoveryServices/vaults/backupJobs',properties.backupManagementType,type =~ 'microsoft.dataprotection/backupVaults/backupJobs',properties.dataSourceType,'--')
| extend backupInstanceName = properties.backupInstanceId
| extend dsResourceGroup = split(split(properties.dataSourceId, '/resourceGroups/')[1],'/')[0]| extend dsSubscription = split(split(properties.dataSourceId, '/subscriptions/')[1],'/')[0]
| extend status = properties.status
| extend dataSourceId = properties.dataSourceId
| extend primaryLocation = properties.dataSourceLocation
| extend jobStatus = case (properties.status == 'Completed' or properties.status == 'CompletedWithWarnings','Succeeded',properties.status == 'Failed','Failed',properties.status == 'InProgress', 'Started', properties.status), operation = case(type =~ 'microsoft.dataprotection/backupVaults/backupJobs' and tolower(properties.operationCategory) =~ 'backup' and properties.isUserTriggered == 'true',strcat('adhoc',properties.operationCategory),type =~ 'microsoft.dataprotection/backupVaults/backupJobs', tolower(properties.operationCategory), type =~ 'Microsoft.RecoveryServices/vaults/backupJobs' and tolower(properties.operation) =~ 'backup' and properties.isUserTriggered == 'true',strcat('adhoc',properties.operation),type =~ 'Microsoft.RecoveryServices/vaults/backupJobs',tolower(properties.operation), '--'),startTime = todatetime(properties.startTime),endTime = properties.endTime, duration = properties.duration
| project id, name, friendlyName, resourceGroup, vaultName, dataSourceType, operation, jobStatus, startTime, duration, backupInstanceName, dsResourceGroup, dsSubscription, status, primaryLocation, dataSourceId
| where  (dsSubscription in~ ('00000000-0000-0000-0000-000000000000')) and (dataSourceType in~ ('Microsoft.DBforPostgreSQL/servers/databases')) and (status in~ ('Started','InProgress','Succeeded','Completed','Failed','CompletedWithWarnings')) and (operation in~ ('adhocBackup','backup')) //add the relevant subscription ids you wish to query to this line
| where (startTime >= ago(7d))
`,
    check: (r) => {
      expect(r.rows).toHaveLength(1);
      expect(r.rows[0]).toMatchObject({ name: 'pgjob-1', friendlyName: 'pg1/db1', vaultName: 'bvault', operation: 'backup', jobStatus: 'Succeeded', startTime: '2024-05-30T01:00:00.000Z', dsResourceGroup: 'rg-pg' });
      expect(r.columns.find((c) => c.name === 'startTime')?.type).toBe('datetime');
    },
  },
  {
    source: BACKUP,
    title: 'List all Azure VMs that have not been configured for backup',
    query: `Resources
| where type in~ ('microsoft.compute/virtualmachines','microsoft.classiccompute/virtualmachines') 
| extend resourceId=tolower(id) 
| join kind = leftouter ( RecoveryServicesResources
| where type == "microsoft.recoveryservices/vaults/backupfabrics/protectioncontainers/protecteditems"
| where properties.backupManagementType == "AzureIaasVM"
| project resourceId = tolower(tostring(properties.sourceResourceId)), backupItemid = id, isBackedUp = isnotempty(id) ) on resourceId 
| extend isProtected = isnotempty(backupItemid)
| where (isProtected == (0))
| project id,name,resourceGroup,location,tags
`,
    check: (r) => {
      expect(cols(r)).toEqual(['id', 'name', 'resourceGroup', 'location', 'tags']);
      expect(col(r, 'name')).toEqual(['web-02', 'dev-01']);
    },
  },
  {
    source: BACKUP,
    title: 'List all Backup policies used for Azure VMs',
    query: `RecoveryServicesResources
| where type == 'microsoft.recoveryservices/vaults/backuppolicies'
| extend vaultName = case(type == 'microsoft.recoveryservices/vaults/backuppolicies', split(split(id, 'microsoft.recoveryservices/vaults/')[1],'/')[0],type == 'microsoft.recoveryservices/vaults/backuppolicies', split(split(id, 'microsoft.recoveryservices/vaults/')[1],'/')[0],'--')
| extend datasourceType = case(type == 'microsoft.recoveryservices/vaults/backuppolicies', properties.backupManagementType,type == 'microsoft.dataprotection/backupVaults/backupPolicies',properties.datasourceTypes[0],'--')
| project id,name,vaultName,resourceGroup,properties,datasourceType
| where datasourceType == 'AzureIaasVM'`,
    check: (r) => {
      expect(cols(r)).toEqual(['id', 'name', 'vaultName', 'resourceGroup', 'properties', 'datasourceType']);
      expect(r.rows.map((x) => [x['name'], x['vaultName'], x['resourceGroup']])).toEqual([['DefaultPolicy', 'vault-weu', 'rg-backup']]);
    },
  },
  {
    source: BACKUP,
    title: 'List all VMs associated with a given backup policy',
    substitute: ['<ARM ID of the given policy>', POLICY_ID],
    query: `RecoveryServicesResources
| where type == "microsoft.recoveryservices/vaults/backupfabrics/protectioncontainers/protecteditems"
| project propertiesJSON = parse_json(properties)
| where propertiesJSON.backupManagementType == "AzureIaasVM"
| project VMID=propertiesJSON.sourceResourceId, PolicyID=propertiesJSON.policyId
| where PolicyID == "<ARM ID of the given policy>"`,
    check: (r) => {
      expect(col(r, 'VMID')).toEqual([vm('rg-web', 'web-01'), vm('rg-db', 'db-01')].map((id) => id.replace('/resourceGroups/', '/resourcegroups/')));
      expect(r.columns.map((c) => c.type)).toEqual(['object', 'object']);
    },
  },
];

describe("Microsoft's published ARG sample queries", () => {
  it.each(SAMPLES.map((s) => [`${s.title} (${s.source})`, s] as const))('%s', (_title, sample) => {
    const query = sample.substitute ? sample.query.split(sample.substitute[0]).join(sample.substitute[1]) : sample.query;
    sample.check(run(query));
  });
});

// Not Microsoft's text: the queries this project's wizard relies on, written in the samples' style.
describe('queries of our own in the same style', () => {
  it('NSG rules expanded, inbound allows only', () => {
    const r = run(`Resources
| where type =~ 'microsoft.network/networksecuritygroups'
| mv-expand rule = properties.securityRules
| where rule.properties.direction =~ 'Inbound' and rule.properties.access =~ 'Allow'
| project nsg = name, rule = tostring(rule.name), priority = toint(rule.properties.priority), port = tostring(rule.properties.destinationPortRange)`);
    expect(r.rows).toEqual([{ nsg: 'nsg-web', rule: 'allow-https-in', priority: 100, port: '443' }]);
  });

  it('Azure VM backup jobs of the last 24 hours, per vault', () => {
    const r = run(`RecoveryServicesResources
| where type =~ 'microsoft.recoveryservices/vaults/backupjobs'
| where todatetime(properties.startTime) > ago(24h)
| extend vaultId = tolower(substring(id, 0, indexof(id, '/backupJobs/')))
| summarize jobs = count(), failed = countif(properties.status == 'Failed'), vms = make_set(tostring(properties.entityFriendlyName)) by vaultId`);
    expect(r.rows).toEqual([{ vaultId: VAULT_ID.toLowerCase(), jobs: 2, failed: 1, vms: ['web-01', 'db-01'] }]);
  });

  it('protected items by vault', () => {
    const r = run(`RecoveryServicesResources
| where type == 'microsoft.recoveryservices/vaults/backupfabrics/protectioncontainers/protecteditems'
| extend vaultName = tostring(split(split(id, '/vaults/')[1], '/')[0])
| summarize protectedItems = count(), states = make_set(tostring(properties.currentProtectionState)) by vaultName`);
    expect(r.rows).toEqual([{ vaultName: 'vault-weu', protectedItems: 2, states: ['ProtectionConfigured', 'ProtectionStopped'] }]);
  });

  it('unprotected VMs with subscription names (two joins, lets)', () => {
    const r = run(`let protectedVms = RecoveryServicesResources
| where type == 'microsoft.recoveryservices/vaults/backupfabrics/protectioncontainers/protecteditems'
| project vmId = tolower(tostring(properties.sourceResourceId));
let subs = ResourceContainers | where type == 'microsoft.resources/subscriptions' | project subscriptionId, subName = name;
Resources
| where type == 'microsoft.compute/virtualmachines'
| extend vmId = tolower(id)
| join kind=leftanti protectedVms on vmId
| join kind=inner subs on subscriptionId
| project name, subName
| order by name asc`);
    expect(r.rows).toEqual([{ name: 'dev-01', subName: 'Contoso Dev' }, { name: 'web-02', subName: 'Contoso Production' }]);
  });
});
