// Scenario `readiness`: how many ARM requests, and how long, the Virtual machines step needs to build its
// readiness table for a large subscription. Starts the emulator in-process with a generated fixture
// (1,000 then 5,000 VMs across regions and subscriptions) and 50 ms added to every ARM request, signs
// in as the fixture's service principal, runs the app's own gathering code (src/azure/vm-readiness.ts)
// for the westeurope vault of Contoso Production, and prints what the emulator's request log saw.
// Figures only: nothing here passes or fails on time.
import { startEmulator } from '../../emulator/app.ts';
import { readConfig } from '../../emulator/config.ts';
import type { RequestLogEntry } from '../../emulator/arm/pipeline.ts';
import { generateFixture } from '../../emulator/state/generate-fixture.ts';
import { parseFixture } from '../../emulator/state/store.ts';
import { createArmClients } from '../../src/azure/clients.ts';
import { gatherVmReadiness, type GatherVault, type VmReadinessTable } from '../../src/azure/vm-readiness.ts';
import { clearRequestLog, countBy, credentialFor, PRODUCTION, requestLog, type Scenario, type ScenarioOptions, type ScenarioResult } from '../common.ts';

const REGION = 'westeurope';
// The bench measures requests and round trips, not ARM's throttling: with the real budget (250 reads,
// refilling 25/s) thousands of per-VM reads would mostly measure waiting for 429s to clear.
const UNTHROTTLED = '1000000';

type Kind = 'list page' | 'per-VM instance view' | 'per-VM backupStatus' | 'refresh (POST + polls)' | 'other';

function kindOf(entry: RequestLogEntry): Kind {
  const path = entry.path.toLowerCase();
  if (entry.method === 'POST' && path.endsWith('/refreshcontainers')) return 'refresh (POST + polls)';
  if (entry.method === 'GET' && /\/backupfabrics\/azure\/operationresults\//.test(path)) return 'refresh (POST + polls)';
  if (entry.method === 'GET' && path.endsWith('/instanceview')) return 'per-VM instance view';
  if (entry.method === 'POST' && path.endsWith('/backupstatus')) return 'per-VM backupStatus';
  const lists = [
    /\/providers\/microsoft\.compute\/virtualmachines$/,
    /\/providers\/microsoft\.network\/(networkinterfaces|networksecuritygroups|publicipaddresses|loadbalancers|virtualnetworks)$/,
    /\/backupprotectableitems$/,
    /\/backupprotecteditems$/,
  ];
  if (entry.method === 'GET' && lists.some((re) => re.test(path))) return 'list page';
  return 'other';
}

/** "GET …/providers/Microsoft.Network/networkInterfaces" → "networkInterfaces"; statusOnly listed apart. */
function listName(entry: RequestLogEntry): string {
  const last = entry.path.split('/').at(-1) ?? '';
  return /statusonly=true/i.test(entry.query) ? `${last} (statusOnly)` : last;
}

type Run = {
  vmCount: number;
  table: VmReadinessTable;
  wallMs: number;
  log: RequestLogEntry[];
};

async function runOnce(vmCount: number, options: ScenarioOptions): Promise<Run> {
  const config = readConfig(
    [
      '--port', '0',
      '--latency-ms', String(options.latencyMs),
      '--lro-delay-ms', String(options.lroDelayMs),
      '--page-size', String(options.pageSize),
      '--read-capacity', UNTHROTTLED,
      '--write-capacity', UNTHROTTLED,
      '--graph-lag-ms', '0',
    ],
    {},
  );
  const emulator = await startEmulator(config, parseFixture(generateFixture({ vmCount, seed: options.seed }), 'generated'));
  try {
    const clients = createArmClients({ endpoint: `${emulator.origin}/arm`, credential: credentialFor(emulator.origin) });
    const vault: GatherVault = {
      id: `/subscriptions/${PRODUCTION}/resourceGroups/rg-backup-${REGION}/providers/Microsoft.RecoveryServices/vaults/rsv-${REGION}`,
      name: `rsv-${REGION}`,
      resourceGroup: `rg-backup-${REGION}`,
      location: REGION,
      subscriptionId: PRODUCTION,
    };
    await clearRequestLog(emulator.origin);
    const started = performance.now();
    const table = await gatherVmReadiness(clients, vault, { concurrency: options.concurrency });
    const wallMs = performance.now() - started;
    return { vmCount, table, wallMs, log: await requestLog(emulator.origin) };
  } finally {
    await emulator.close();
  }
}

const pad = (text: string | number, width: number) => String(text).padStart(width);
const padEnd = (text: string | number, width: number) => String(text).padEnd(width);

function report(run: Run): void {
  const { table, log } = run;
  const verdicts = countBy(table.rows, (r) => r.readiness.verdict);
  const regions = countBy(table.rows, (r) => r.facts.location);
  console.log(`\n== Generated fixture: ${run.vmCount} VMs in the tenant; Contoso Production holds ${table.rows.length} ==`);
  console.log(`vault ${table.vault.name} (${table.vault.location}); VMs per region: ${[...regions].map(([r, n]) => `${r} ${n}`).join(', ')}`);
  console.log(`wall time to a complete readiness table: ${(run.wallMs / 1000).toFixed(2)} s`);
  console.log(
    `VMs evaluated: ${table.rows.length} (ready ${verdicts.get('ready') ?? 0}, needs attention ${verdicts.get('attention') ?? 0}, blocked ${verdicts.get('blocked') ?? 0}); ` +
      `in the vault's region (fully read): ${table.stats.inScopeCount}, of which not stopped (instance view read): ${table.stats.perVm.instanceView}`,
  );
  const protection = countBy(
    table.rows.filter((r) => r.inVaultScope),
    (r) => (r.facts.protection.state === 'protected' ? `protected by ${r.facts.protection.vaultName ?? '?'}` : r.facts.protection.state),
  );
  console.log(`protection in the vault's region: ${[...protection].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  const failed = log.filter((e) => e.status >= 400);
  console.log(`total ARM requests: ${log.length}${failed.length > 0 ? ` (${failed.length} answered ${[...new Set(failed.map((e) => e.status))].join('/')})` : ''}`);
  for (const [kind, n] of countBy(log, kindOf)) console.log(`  ${padEnd(kind, 26)} ${pad(n, 6)}`);
  console.log('  list pages by call:');
  for (const [name, n] of countBy(log.filter((e) => kindOf(e) === 'list page'), listName)) console.log(`    ${padEnd(name, 32)} ${pad(n, 4)}`);
}

function growth(runs: readonly Run[], options: ScenarioOptions): void {
  console.log('\n== Growth: requests per kind against VMs ==');
  const header = ['VMs (subscription)', 'in region', 'list pages', 'instance views', 'backupStatus', 'refresh', 'total', 'requests/VM'];
  console.log(header.map((h, i) => (i === 0 ? padEnd(h, 20) : pad(h, 15))).join(''));
  for (const run of runs) {
    const kinds = countBy(run.log, kindOf);
    const cells = [
      run.table.rows.length,
      run.table.stats.inScopeCount,
      kinds.get('list page') ?? 0,
      kinds.get('per-VM instance view') ?? 0,
      kinds.get('per-VM backupStatus') ?? 0,
      kinds.get('refresh (POST + polls)') ?? 0,
      run.log.length,
      (run.log.length / run.table.rows.length).toFixed(3),
    ];
    console.log(cells.map((c, i) => (i === 0 ? padEnd(c, 20) : pad(c, 15))).join(''));
  }
  const { pageSize, concurrency } = options;
  console.log(
    [
      '',
      `List calls grow with pages (${pageSize} items a page), not with VMs: one request per page of VMs, statuses, NICs, NSGs,`,
      'public IPs, load balancers, VNets, protectable items and protected items, whatever the number of VMs.',
      'Per-VM requests are where Azure offers no list call:',
      '  - the instance view (VM agent status and version, extension statuses, the OS the guest reports): one GET per VM,',
      "    made only for VMs in the vault's region (the ones that can be selected) that aren't stopped or deallocated",
      `    (their agent can't report; the statusOnly list already gives their power state), at most ${concurrency} at a time;`,
      '  - backupStatus (which vault protects a VM): one POST per VM, made only for in-region VMs that are neither',
      "    protectable (unprotected) nor protected by this vault — protected by another vault, or discovered after the refresh.",
      'So instance views equal the in-region VMs that may be running, and everything else grows with pages.',
      "Note: against real ARM the per-VM reads also meet the subscription's read budget (the emulator's default: 250,",
      'refilling 25 a second), which this benchmark lifts: with it, a thousand in-region VMs add about 40 s of waiting.',
    ].join('\n'),
  );
}

/** The floor: every request sent `concurrency` at a time, each costing only the added latency. */
function floorMs(run: Run, options: ScenarioOptions): number {
  return Math.ceil(run.log.length / Math.max(1, options.concurrency)) * options.latencyMs;
}

function resultOf(run: Run, options: ScenarioOptions): ScenarioResult {
  const kinds = countBy(run.log, kindOf);
  return {
    name: 'readiness',
    vms: run.vmCount,
    subscriptions: new Set(run.table.rows.map((r) => r.facts.id.split('/')[2])).size,
    requests: run.log.length,
    graphQueries: 0,
    throttled: run.log.filter((e) => e.status === 429).length,
    ms: Math.round(run.wallMs),
    floorMs: floorMs(run, options),
    failures: run.log.filter((e) => e.status >= 400 && e.status !== 429).length,
    vmsInSubscription: run.table.rows.length,
    inRegion: run.table.stats.inScopeCount,
    listPages: kinds.get('list page') ?? 0,
    instanceViews: kinds.get('per-VM instance view') ?? 0,
    backupStatus: kinds.get('per-VM backupStatus') ?? 0,
  };
}

export const readinessScenario: Scenario = {
  name: 'readiness',
  async run(options) {
    console.log(
      `Readiness benchmark: ${options.latencyMs} ms added per ARM request, page size ${options.pageSize}, ` +
        `per-VM concurrency ${options.concurrency}, LRO delay ${options.lroDelayMs} ms, throttling raised to ${UNTHROTTLED} (see the note in the script).`,
    );
    const runs: Run[] = [];
    for (const size of options.vmCounts) {
      const run = await runOnce(size, options);
      report(run);
      runs.push(run);
    }
    if (runs.length > 1) growth(runs, options);
    return runs.map((run) => resultOf(run, options));
  },
};
