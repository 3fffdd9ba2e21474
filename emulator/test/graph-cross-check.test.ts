// Microsoft's published Resource Graph samples (governance/resource-graph samples, backup's "Query your
// backups using Azure Resource Graph") run over the contoso fixture, each answer compared with what the
// ARM routes return for the same principal: ARG and ARM must always agree.
import { beforeAll, describe, expect, it } from 'vitest';
import { armList, graphHarness, PROD, USERS } from './graph-harness.ts';

type Obj = Record<string, unknown>;
const h = graphHarness(undefined, (s) => {
  s.graph.quotaLimit = 10_000;
  s.lroDelayMs = 0;
});
const lower = (v: unknown) => String(v ?? '').toLowerCase();
const PRINCIPALS = [['alice (Owner of both)', USERS.alice], ['rita (Reader of Production)', USERS.rita], ['gina (Reader of rg-web)', USERS.gina], ['nora (no role)', USERS.nora]] as const;
const COMPUTE = 'api-version=2026-04-01';
const NETWORK = 'api-version=2026-01-01';
const BACKUP = 'api-version=2023-06-01';

async function graphRows(principal: string, query: string): Promise<Obj[]> {
  const rows: Obj[] = [];
  let token: string | undefined;
  do {
    const res = await h.query(principal, { query, options: token ? { $skipToken: token } : {} });
    if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    rows.push(...(res.body['data'] as Obj[]));
    token = res.body['$skipToken'] as string | undefined;
  } while (token);
  return rows;
}

/** ARM's view for a principal: what every list call it may make returns, across the subscriptions it sees. */
async function armView(principal: string) {
  const subscriptions = (await armList<{ subscriptionId: string }>(h, principal, '/subscriptions?api-version=2022-12-01')).map((s) => s.subscriptionId);
  const perSub = async <T>(path: (sub: string) => string): Promise<T[]> => {
    const lists = await Promise.all(
      subscriptions.map(async (sub) => {
        const url = path(sub);
        const probe = await h.call(principal, 'GET', url);
        // A principal with only a resource-group role cannot list at subscription scope: ask per group.
        if (probe.status === 403) {
          const groups = await armList<{ name: string }>(h, principal, `/subscriptions/${sub}/resourcegroups?api-version=2025-04-01`);
          const inGroups = await Promise.all(groups.map((g) => armList<T>(h, principal, url.replace(`/subscriptions/${sub}/providers/`, `/subscriptions/${sub}/resourceGroups/${g.name}/providers/`))));
          return inGroups.flat();
        }
        return armList<T>(h, principal, url);
      }),
    );
    return lists.flat();
  };
  const vms = await perSub<Obj & { id: string; properties: Obj }>((s) => `/subscriptions/${s}/providers/Microsoft.Compute/virtualMachines?${COMPUTE}`);
  const statuses = await perSub<Obj & { id: string; properties: Obj }>((s) => `/subscriptions/${s}/providers/Microsoft.Compute/virtualMachines?${COMPUTE}&statusOnly=true`);
  const nics = await perSub<Obj & { id: string; properties: Obj }>((s) => `/subscriptions/${s}/providers/Microsoft.Network/networkInterfaces?${NETWORK}`);
  const pips = await perSub<Obj & { id: string; properties: Obj }>((s) => `/subscriptions/${s}/providers/Microsoft.Network/publicIPAddresses?${NETWORK}`);
  const nsgs = await perSub<Obj & { id: string; properties: Obj }>((s) => `/subscriptions/${s}/providers/Microsoft.Network/networkSecurityGroups?${NETWORK}`);
  const vaults = await perSub<Obj & { id: string; name: string }>((s) => `/subscriptions/${s}/providers/Microsoft.RecoveryServices/vaults?api-version=2026-07-01`);
  const items = (await Promise.all(vaults.map((v) => armList<Obj & { id: string; properties: Obj }>(h, principal, `${v.id}/backupProtectedItems?${BACKUP}`)))).flat();
  const jobs = (await Promise.all(vaults.map((v) => armList<Obj & { id: string; properties: Obj }>(h, principal, `${v.id}/backupJobs?${BACKUP}`)))).flat();
  const extensions = (await Promise.all(vms.map((vm) => h.call(principal, 'GET', `${vm.id}/extensions?${COMPUTE}`))))
    .flatMap((res) => (res.body['value'] as (Obj & { id: string; name: string })[] | undefined) ?? []);
  return { vms, statuses, nics, pips, nsgs, vaults, items, jobs, extensions };
}

const VAULT = `/subscriptions/${PROD}/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-prod-weu`;
const WEB_01 = `/subscriptions/${PROD}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/web-01`;

beforeAll(async () => {
  // Backup jobs for the job samples: protecting web-01 through ARM leaves a ConfigureBackup job; one more
  // job from three days ago is older than the 24 hours the sample asks for.
  const item = `${VAULT}/backupFabrics/Azure/protectionContainers/iaasvmcontainer;iaasvmcontainerv2;rg-web;web-01/protectedItems/vm;iaasvmcontainerv2;rg-web;web-01`;
  const put = await h.call(USERS.alice, 'PUT', `${item.replace(/;/g, '%3B')}?${BACKUP}`, {
    properties: { protectedItemType: 'Microsoft.Compute/virtualMachines', sourceResourceId: WEB_01, policyId: `${VAULT}/backupPolicies/DefaultPolicy` },
  });
  expect(put.status).toBe(202);
  await h.call(USERS.alice, 'GET', `/subscriptions?api-version=2022-12-01`);
  const old = new Date(Date.now() - 3 * 24 * 3600_000);
  h.store.put({
    id: `${VAULT}/backupJobs/11111111-1111-4111-8111-111111111111`,
    name: '11111111-1111-4111-8111-111111111111',
    type: 'Microsoft.RecoveryServices/vaults/backupJobs',
    properties: { jobType: 'AzureIaaSVMJob', entityFriendlyName: 'web-01', backupManagementType: 'AzureIaasVM', operation: 'Backup', status: 'Completed', startTime: old.toISOString(), endTime: new Date(old.getTime() + 60_000).toISOString() },
    subject: { sourceResourceId: WEB_01, itemId: item },
  });
});

describe.each(PRINCIPALS)("Microsoft's samples agree with ARM for %s", (_who, principal) => {
  let arm: Awaited<ReturnType<typeof armView>>;
  beforeAll(async () => {
    arm = await armView(principal);
  });

  it('count virtual machines by OS type', async () => {
    const rows = await graphRows(principal, "Resources | where type =~ 'Microsoft.Compute/virtualMachines' | summarize count() by tostring(properties.storageProfile.osDisk.osType)");
    const fromArm: Record<string, number> = {};
    for (const vm of arm.vms) {
      const os = String((vm.properties['storageProfile'] as { osDisk: { osType: string } }).osDisk.osType);
      fromArm[os] = (fromArm[os] ?? 0) + 1;
    }
    expect(Object.fromEntries(rows.map((r) => [r['properties_storageProfile_osDisk_osType'], r['count_']]))).toEqual(fromArm);
    // Not vacuous: everyone but nora sees VMs, gina only rg-web's four.
    expect(arm.vms.length).toBe(principal === USERS.nora ? 0 : principal === USERS.gina ? 4 : arm.vms.length);
    if (principal !== USERS.nora) expect(rows.length).toBeGreaterThan(0);
  });

  it('count virtual machines by power state', async () => {
    const rows = await graphRows(principal, "Resources | where type == 'microsoft.compute/virtualmachines' | summarize count() by PowerState = tostring(properties.extended.instanceView.powerState.code)");
    const fromArm: Record<string, number> = {};
    for (const vm of arm.statuses) {
      const statuses = (vm.properties['instanceView'] as { statuses: { code: string }[] }).statuses;
      const power = statuses.find((s) => s.code.startsWith('PowerState/'))?.code ?? '';
      fromArm[power] = (fromArm[power] ?? 0) + 1;
    }
    expect(Object.fromEntries(rows.map((r) => [r['PowerState'], r['count_']]))).toEqual(fromArm);
  });

  it('list virtual machines with their network interface and public IP', async () => {
    const rows = await graphRows(
      principal,
      `Resources
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
    );
    const nics = new Map(arm.nics.map((n) => [lower(n.id), n]));
    const pips = new Map(arm.pips.map((p) => [lower(p.id), p]));
    const fromArm = arm.vms.map((vm) => {
      const refs = (vm.properties['networkProfile'] as { networkInterfaces: { id: string; properties: { primary: boolean } }[] }).networkInterfaces;
      const nicId = (refs.length === 1 ? refs[0] : refs.find((r) => r.properties.primary))?.id ?? '';
      const configs = (nics.get(lower(nicId))?.properties['ipConfigurations'] as { properties: { primary: boolean; publicIPAddress?: { id: string } } }[] | undefined) ?? [];
      const config = configs.length === 1 ? configs[0] : configs.find((c) => c.properties.primary);
      // A NIC the principal cannot read joins nothing (the leftouter keeps the VM with an empty public IP).
      const publicIpId = nics.has(lower(nicId)) ? (config?.properties.publicIPAddress?.id ?? '') : '';
      const address = pips.get(lower(publicIpId))?.properties['ipAddress'];
      return [lower(vm.id), lower(nicId), lower(publicIpId), address ?? null];
    });
    const fromGraph = rows.map((r) => [lower(r['vmId']), lower(r['nicId']), lower(r['publicIpId']), r['publicIpAddress'] ?? null]);
    const order = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
    expect(fromGraph.sort(order)).toEqual(fromArm.sort(order));
    if (principal !== USERS.nora) expect(fromGraph.some((r) => r[3] !== null)).toBe(true);
  });

  it('list all extensions installed on a virtual machine', async () => {
    const rows = await graphRows(
      principal,
      `Resources
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
    );
    const fromArm = new Map<string, string[]>(arm.vms.map((vm) => [lower(vm.id), []]));
    for (const ext of arm.extensions) fromArm.get(lower(ext.id.slice(0, ext.id.toLowerCase().indexOf('/extensions/'))))?.push(ext.name);
    const fromGraph = new Map(rows.map((r) => [lower(r['id']), (r['Extensions'] as string[]).filter((e) => e !== null && e !== '').sort()]));
    expect(fromGraph).toEqual(new Map([...fromArm].map(([id, names]) => [id, names.sort()])));
  });

  it('NSG security rules, expanded one row per rule', async () => {
    const rows = await graphRows(
      principal,
      `Resources
| where type =~ 'microsoft.network/networksecuritygroups'
| mv-expand rules=properties.securityRules
| extend direction = tostring(rules.properties.direction)
| extend priority = toint(rules.properties.priority)
| extend access = tostring(rules.properties.access)
| extend destport = tostring(rules.properties.destinationPortRange)
| extend rule_name = tostring(rules.name)
| where isnotempty(rule_name)
| project id, name, rule_name, direction, priority, access, destport`,
    );
    const fromArm = arm.nsgs.flatMap((nsg) =>
      ((nsg.properties['securityRules'] as { name: string; properties: Obj }[] | undefined) ?? []).map((r) => [lower(nsg.id), r.name, r.properties['direction'], r.properties['priority'], r.properties['access'], r.properties['destinationPortRange'] ?? '']),
    );
    const fromGraph = rows.map((r) => [lower(r['id']), r['rule_name'], r['direction'], r['priority'], r['access'], r['destport']]);
    const key = (r: unknown[]) => `${String(r[0])}|${String(r[1])}`;
    expect(fromGraph.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(fromArm.sort((a, b) => key(a).localeCompare(key(b))));
    if (principal === USERS.alice) expect(fromGraph.length).toBeGreaterThan(5);
  });

  it('list all Azure VMs that have not been configured for backup (leftouter join with RecoveryServicesResources)', async () => {
    const rows = await graphRows(
      principal,
      `Resources
| where type in~ ('microsoft.compute/virtualmachines','microsoft.classiccompute/virtualmachines')
| extend resourceId=tolower(id)
| join kind = leftouter ( RecoveryServicesResources
| where type == "microsoft.recoveryservices/vaults/backupfabrics/protectioncontainers/protecteditems"
| where properties.backupManagementType == "AzureIaasVM"
| project resourceId = tolower(tostring(properties.sourceResourceId)), backupItemid = id, isBackedUp = isnotempty(id) ) on resourceId
| extend isProtected = isnotempty(backupItemid)
| where (isProtected == (0))
| project id,name,resourceGroup,location,tags`,
    );
    const protectedVms = new Set(arm.items.map((i) => lower(i.properties['sourceResourceId'])));
    const fromArm = arm.vms.filter((vm) => !protectedVms.has(lower(vm.id))).map((vm) => lower(vm.id)).sort();
    expect(rows.map((r) => lower(r['id'])).sort()).toEqual(fromArm);
    if (principal === USERS.alice) expect(rows.length).toBe(arm.vms.length - 2);
  });

  it('list all Azure VMs that have been configured for backup, by vault', async () => {
    const rows = await graphRows(
      principal,
      `RecoveryServicesResources
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
| where (dsSubscription in~ ('${PROD}')) and (dataSourceType in~ ('AzureIaasVM'))`,
    );
    const fromArm = arm.items
      .filter((i) => lower(i.properties['sourceResourceId']).includes(PROD))
      .map((i) => [lower(i.id), i.id.split('/vaults/')[1]?.split('/')[0], i.properties['friendlyName'], i.properties['policyName']])
      .sort();
    expect(rows.map((r) => [lower(r['id']), r['vaultName'], r['friendlyName'], r['policyName']]).sort()).toEqual(fromArm);
    if (principal === USERS.alice) expect(rows.map((r) => r['friendlyName']).sort()).toEqual(['protected-01', 'web-01']);
  });

  it('list all backup policies used for Azure VMs', async () => {
    const rows = await graphRows(
      principal,
      `RecoveryServicesResources
| where type == 'microsoft.recoveryservices/vaults/backuppolicies'
| extend vaultName = case(type == 'microsoft.recoveryservices/vaults/backuppolicies', split(split(id, 'microsoft.recoveryservices/vaults/')[1],'/')[0],type == 'microsoft.recoveryservices/vaults/backuppolicies', split(split(id, 'microsoft.recoveryservices/vaults/')[1],'/')[0],'--')
| extend datasourceType = case(type == 'microsoft.recoveryservices/vaults/backuppolicies', properties.backupManagementType,type == 'microsoft.dataprotection/backupVaults/backupPolicies',properties.datasourceTypes[0],'--')
| project id,name,vaultName,resourceGroup,properties,datasourceType
| where datasourceType == 'AzureIaasVM'`,
    );
    const policies = (await Promise.all(arm.vaults.map((v) => armList<{ id: string; name: string }>(h, principal, `${v.id}/backupPolicies?${BACKUP}&$filter=backupManagementType eq 'AzureIaasVM'`)))).flat();
    expect(rows.map((r) => [lower(r['id']), r['vaultName']]).sort()).toEqual(policies.map((p) => [lower(p.id), p.id.split('/vaults/')[1]?.split('/')[0]]).sort());
  });

  it('backup jobs of the last 24 hours', async () => {
    const rows = await graphRows(
      principal,
      `RecoveryServicesResources
| where type =~ 'Microsoft.RecoveryServices/vaults/backupJobs'
| extend vaultName = split(split(id, '/Microsoft.RecoveryServices/vaults/')[1],'/')[0]
| extend friendlyName = properties.entityFriendlyName, status = tostring(properties.status), operation = tolower(properties.operation), startTime = todatetime(properties.startTime)
| where startTime >= ago(24h)
| project id, name, vaultName, friendlyName, status, operation, startTime`,
    );
    const dayAgo = Date.now() - 24 * 3600_000;
    const fromArm = arm.jobs.filter((j) => Date.parse(String(j.properties['startTime'])) >= dayAgo).map((j) => [lower(j.id), j.properties['entityFriendlyName'], j.properties['status']]).sort();
    expect(rows.map((r) => [lower(r['id']), r['friendlyName'], r['status']]).sort()).toEqual(fromArm);
    if (principal === USERS.alice) {
      expect(arm.jobs.length).toBe(2);
      expect(rows.map((r) => r['operation'])).toEqual(['configurebackup']);
    }
  });
});
