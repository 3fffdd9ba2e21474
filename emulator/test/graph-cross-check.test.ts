// Microsoft's published Resource Graph samples (governance/resource-graph samples, backup's "Query your
// backups using Azure Resource Graph") run over the contoso fixture, each answer compared with what the
// ARM routes return for the same principal: ARG and ARM must always agree.
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES } from '../graph/samples.ts';
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
    const rows = await graphRows(principal, SAMPLES.vmsByOsType);
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
    const rows = await graphRows(principal, SAMPLES.vmsByPowerState);
    const fromArm: Record<string, number> = {};
    for (const vm of arm.statuses) {
      const statuses = (vm.properties['instanceView'] as { statuses: { code: string }[] }).statuses;
      const power = statuses.find((s) => s.code.startsWith('PowerState/'))?.code ?? '';
      fromArm[power] = (fromArm[power] ?? 0) + 1;
    }
    expect(Object.fromEntries(rows.map((r) => [r['PowerState'], r['count_']]))).toEqual(fromArm);
  });

  it('list virtual machines with their network interface and public IP', async () => {
    const rows = await graphRows(principal, SAMPLES.vmsWithNicsAndPublicIps);
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
    const rows = await graphRows(principal, SAMPLES.vmExtensions);
    const fromArm = new Map<string, string[]>(arm.vms.map((vm) => [lower(vm.id), []]));
    for (const ext of arm.extensions) fromArm.get(lower(ext.id.slice(0, ext.id.toLowerCase().indexOf('/extensions/'))))?.push(ext.name);
    const fromGraph = new Map(rows.map((r) => [lower(r['id']), (r['Extensions'] as string[]).filter((e) => e !== null && e !== '').sort()]));
    expect(fromGraph).toEqual(new Map([...fromArm].map(([id, names]) => [id, names.sort()])));
  });

  it('NSG security rules, expanded one row per rule', async () => {
    const rows = await graphRows(principal, SAMPLES.nsgRules);
    const fromArm = arm.nsgs.flatMap((nsg) =>
      ((nsg.properties['securityRules'] as { name: string; properties: Obj }[] | undefined) ?? []).map((r) => [lower(nsg.id), r.name, r.properties['direction'], r.properties['priority'], r.properties['access'], r.properties['destinationPortRange'] ?? '']),
    );
    const fromGraph = rows.map((r) => [lower(r['id']), r['rule_name'], r['direction'], r['priority'], r['access'], r['destport']]);
    const key = (r: unknown[]) => `${String(r[0])}|${String(r[1])}`;
    expect(fromGraph.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(fromArm.sort((a, b) => key(a).localeCompare(key(b))));
    if (principal === USERS.alice) expect(fromGraph.length).toBeGreaterThan(5);
  });

  it('list all Azure VMs that have not been configured for backup (leftouter join with RecoveryServicesResources)', async () => {
    const rows = await graphRows(principal, SAMPLES.unprotectedVms);
    const protectedVms = new Set(arm.items.map((i) => lower(i.properties['sourceResourceId'])));
    const fromArm = arm.vms.filter((vm) => !protectedVms.has(lower(vm.id))).map((vm) => lower(vm.id)).sort();
    expect(rows.map((r) => lower(r['id'])).sort()).toEqual(fromArm);
    if (principal === USERS.alice) expect(rows.length).toBe(arm.vms.length - 2);
  });

  it('list all Azure VMs that have been configured for backup, by vault', async () => {
    const rows = await graphRows(principal, SAMPLES.protectedVmsBySubscription(PROD));
    const fromArm = arm.items
      .filter((i) => lower(i.properties['sourceResourceId']).includes(PROD))
      .map((i) => [lower(i.id), i.id.split('/vaults/')[1]?.split('/')[0], i.properties['friendlyName'], i.properties['policyName']])
      .sort();
    expect(rows.map((r) => [lower(r['id']), r['vaultName'], r['friendlyName'], r['policyName']]).sort()).toEqual(fromArm);
    if (principal === USERS.alice) expect(rows.map((r) => r['friendlyName']).sort()).toEqual(['protected-01', 'web-01']);
  });

  it('list all backup policies used for Azure VMs', async () => {
    const rows = await graphRows(principal, SAMPLES.vmBackupPolicies);
    const policies = (await Promise.all(arm.vaults.map((v) => armList<{ id: string; name: string }>(h, principal, `${v.id}/backupPolicies?${BACKUP}&$filter=backupManagementType eq 'AzureIaasVM'`)))).flat();
    expect(rows.map((r) => [lower(r['id']), r['vaultName']]).sort()).toEqual(policies.map((p) => [lower(p.id), p.id.split('/vaults/')[1]?.split('/')[0]]).sort());
  });

  it('backup jobs of the last 24 hours', async () => {
    const rows = await graphRows(principal, SAMPLES.backupJobsLastDay);
    const dayAgo = Date.now() - 24 * 3600_000;
    const fromArm = arm.jobs.filter((j) => Date.parse(String(j.properties['startTime'])) >= dayAgo).map((j) => [lower(j.id), j.properties['entityFriendlyName'], j.properties['status']]).sort();
    expect(rows.map((r) => [lower(r['id']), r['friendlyName'], r['status']]).sort()).toEqual(fromArm);
    if (principal === USERS.alice) {
      expect(arm.jobs.length).toBe(2);
      expect(rows.map((r) => r['operation'])).toEqual(['configurebackup']);
    }
  });
});
