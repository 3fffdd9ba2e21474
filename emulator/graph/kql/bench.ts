// Micro-benchmark of the KQL engine over a synthetic fleet: 50,000 VMs, their NICs, public IPs
// and 25,000 protected items. Prints parse and run times per query (figures, not pass/fail).
// Run: ./node_modules/.bin/node emulator/graph/kql/bench.ts   (or npm run bench:kql)
// KQL_BENCH_VMS=…, KQL_BENCH_RUNS=…, KQL_BENCH_ONLY=<part of a label> narrow it.
import { performance } from 'node:perf_hooks';
import type { Row } from './index.ts';
import { evaluate, parseQuery } from './index.ts';

const VMS = Number(process.env['KQL_BENCH_VMS'] ?? 50_000);
const RUNS = Number(process.env['KQL_BENCH_RUNS'] ?? 10);

function fleet(): { resources: Row[]; recovery: Row[] } {
  const resources: Row[] = [];
  const recovery: Row[] = [];
  for (let i = 0; i < VMS; i++) {
    const sub = `0000000${i % 8}-0000-0000-0000-000000000000`;
    const rg = `rg-${i % 200}`;
    const base = `/subscriptions/${sub}/resourceGroups/${rg}/providers`;
    const vmId = `${base}/Microsoft.Compute/virtualMachines/vm-${i}`;
    const nicId = `${base}/Microsoft.Network/networkInterfaces/vm-${i}-nic`;
    resources.push({
      id: vmId, name: `vm-${i}`, type: 'microsoft.compute/virtualmachines', tenantId: 't', kind: '', location: i % 3 ? 'westeurope' : 'northeurope',
      resourceGroup: rg, subscriptionId: sub, managedBy: '', sku: null, plan: null,
      properties: {
        hardwareProfile: { vmSize: 'Standard_D2s_v3' },
        storageProfile: { osDisk: { osType: i % 4 ? 'Linux' : 'Windows' } },
        networkProfile: { networkInterfaces: [{ id: nicId }] },
        extended: { instanceView: { powerState: { code: i % 10 ? 'PowerState/running' : 'PowerState/deallocated' } } },
      },
      tags: { env: i % 2 ? 'prod' : 'dev' }, identity: null, zones: null, extendedLocation: null,
    });
    // One NIC per 5 VMs in the table keeps it at ~60,000 rows, as the endpoint's benchmark tenant.
    if (i % 5 === 0) {
      resources.push({
        id: nicId, name: `vm-${i}-nic`, type: 'microsoft.network/networkinterfaces', location: 'westeurope', resourceGroup: rg, subscriptionId: sub,
        properties: { ipConfigurations: [{ properties: { primary: true, privateIPAddress: '10.0.0.4', ...(i % 10 === 0 ? { publicIPAddress: { id: `${base}/Microsoft.Network/publicIPAddresses/vm-${i}-pip` } } : {}) } }] },
        tags: {},
      });
    }
    if (i % 2 === 0) {
      recovery.push({
        id: `/subscriptions/${sub}/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/v${i % 8}/backupFabrics/Azure/protectionContainers/c;${i}/protectedItems/vm;${i}`,
        name: `vm;${i}`, type: 'microsoft.recoveryservices/vaults/backupfabrics/protectioncontainers/protecteditems', subscriptionId: sub, resourceGroup: 'rg-backup',
        properties: { backupManagementType: 'AzureIaasVM', sourceResourceId: vmId.toLowerCase(), policyName: 'DefaultPolicy', currentProtectionState: 'ProtectionConfigured' },
      });
    }
  }
  return { resources, recovery };
}

const QUERIES: Record<string, string> = {
  'where + project': `Resources | where type == 'microsoft.compute/virtualmachines' | project id, name, location, os = tostring(properties.storageProfile.osDisk.osType)`,
  'where =~ + summarize by': `Resources | where type =~ 'Microsoft.Compute/virtualMachines' | summarize count() by tostring(properties.storageProfile.osDisk.osType), location`,
  'unprotected VMs (leftouter join)': `Resources
| where type == 'microsoft.compute/virtualmachines'
| extend resourceId = tolower(id)
| join kind=leftouter (RecoveryServicesResources
  | where type == 'microsoft.recoveryservices/vaults/backupfabrics/protectioncontainers/protecteditems'
  | project resourceId = tolower(tostring(properties.sourceResourceId)), backupItemId = id) on $left.resourceId == $right.resourceId
| where isempty(backupItemId)
| project id, name, resourceGroup, location`,
  'VMs with NICs (mv-expand + join)': `Resources
| where type =~ 'microsoft.compute/virtualmachines'
| mv-expand nic = properties.networkProfile.networkInterfaces
| project vmId = id, vmName = name, nicId = tostring(nic.id)
| join kind=leftouter (Resources | where type =~ 'microsoft.network/networkinterfaces'
  | mv-expand ipconfig = properties.ipConfigurations
  | project nicId = id, publicIpId = tostring(ipconfig.properties.publicIPAddress.id)) on nicId
| project-away nicId1`,
  'order by + take 1000': `Resources | where type == 'microsoft.compute/virtualmachines' | order by name asc | take 1000`,
};

const { resources, recovery } = fleet();
const tables: Record<string, readonly Row[]> = { resources, recoveryservicesresources: recovery, resourcecontainers: [] };
const input = { table: (name: string) => tables[name] };
console.log(`KQL engine benchmark: ${resources.length} resources rows, ${recovery.length} recoveryservicesresources rows, node ${process.version}`);
// CPU time next to wall time, and the best run next to the mean: on a shared machine the wall
// clock also counts other processes.
console.log('query                              | parse ms | first run ms | next runs: best wall | mean wall | best cpu ms | rows');
const only = process.env['KQL_BENCH_ONLY'];
for (const [label, query] of Object.entries(QUERIES)) {
  if (only && !label.includes(only)) continue;
  const p0 = performance.now();
  const ast = parseQuery(query);
  const parseMs = performance.now() - p0;
  const f0 = performance.now();
  const first = evaluate(ast, input);
  const firstMs = performance.now() - f0;
  let total = 0;
  let bestWall = Infinity;
  let bestCpu = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    evaluate(ast, input);
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    total += wall;
    bestWall = Math.min(bestWall, wall);
    bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1000);
  }
  const fmt = (n: number, w: number) => n.toFixed(1).padStart(w);
  console.log(`${label.padEnd(34)} | ${fmt(parseMs, 8)} | ${fmt(firstMs, 12)} | ${fmt(bestWall, 20)} | ${fmt(total / RUNS, 9)} | ${fmt(bestCpu, 11)} | ${first.rows.length}`);
}
