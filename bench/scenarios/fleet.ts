// Scenarios of issue 9's fleet table, against the emulator with 50 ms added to every request and ARM's and
// Resource Graph's default throttles ON (250 reads refilling 25/s per subscription; 15 queries per 5 s per
// user), on generated tenants, running the app's own gateway (src/azure/gateway.ts) and row builder
// (src/azure/inventory/):
//   table-5k    5,000 VMs over 10 subscriptions and 4 regions → the complete table
//   table-50k   50,000 VMs over 100 subscriptions → the complete table, and the heap its rows take
//   agent-1200  agent status for 1,200 running VMs of one region (one subscription), paced by the read bucket
//   network-5k  network verdicts for 5,000 VMs from the NSG rules: no per-VM request
// How each floorMs is computed: bench/README.md.
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { RequestLogEntry } from '../../emulator/arm/pipeline.ts';
import { evaluateOutbound443, type OutboundInput } from '../../src/readiness/index.ts';
import { createArmGateway, type ArmGateway } from '../../src/azure/gateway.ts';
import { agentEligible, buildFleetRows, createPairEvaluator, withAgent, type FleetInventory, type FleetRow } from '../../src/azure/inventory/index.ts';
import { clearRequestLog, countBy, credentialFor, isGraphQuery, PRODUCTION, requestLog, type Scenario, type ScenarioOptions, type ScenarioResult } from '../common.ts';

type Tenant = {
  origin: string;
  gateway: ArmGateway;
  subscriptions: string[];
  setupMs: number;
  /** The emulator's Resource Graph compute per query since the last call. */
  graphMs(): Promise<number[]>;
  stop(): Promise<void>;
};

/** The emulator in a child process (bench/emulator-process.ts): its engine gets its own core, as Azure's would. */
async function startTenant(options: ScenarioOptions, vms: number, subscriptionCount: number, regionCount: number): Promise<Tenant> {
  const started = performance.now();
  const script = fileURLToPath(new URL('../emulator-process.ts', import.meta.url));
  const args = ['--vms', String(vms), '--subscriptions', String(subscriptionCount), '--regions', String(regionCount), '--seed', String(options.seed), '--latency-ms', String(options.latencyMs)];
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const origin = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { origin: string }).origin);
    });
    child.once('exit', (code) => reject(new Error(`the emulator process exited (${code}) before listening`)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  const graphMs = () =>
    new Promise<number[]>((resolve) => {
      child.once('message', (m) => resolve((m as { graphMs: number[] }).graphMs));
      child.send('graph-ms');
    });
  try {
    const gateway = createArmGateway({ endpoint: `${origin}/arm`, credential: credentialFor(origin) });
    const subscriptions = (await gateway.listSubscriptions()).map((s) => s.subscriptionId);
    // Load the clients and get a token outside the measurement, then start from full budgets.
    await gateway.queryGraph('ResourceContainers | take 1', { subscriptions: subscriptions.slice(0, 1) });
    await fresh(origin);
    await graphMs();
    return { origin, gateway, subscriptions, setupMs: performance.now() - started, graphMs, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Full ARM buckets, a new Resource Graph quota window, an empty request log. */
async function fresh(origin: string): Promise<void> {
  await fetch(`${origin}/_emulator/reset`, { method: 'POST' });
  await clearRequestLog(origin);
}

/** ARG's default quota, which the emulator applies: 15 queries per 5 s per user. */
const QUOTA = { limit: 15, windowMs: 5000 };

const gc = (globalThis as { gc?: () => void }).gc;
const heapMb = (): number | null => {
  if (!gc) return null;
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1e6;
};
const mb = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

function counted(log: readonly RequestLogEntry[]) {
  return {
    requests: log.length,
    graphQueries: log.filter(isGraphQuery).length,
    throttled: log.filter((e) => e.status === 429).length,
    failures: log.filter((e) => e.status >= 400 && e.status !== 429).length,
  };
}

/**
 * Resource Graph's floor (bench/README.md): the subscriptions list (one ARM round trip) and the counts query
 * (one page) come first; then the inventory's queries run side by side, each query's pages one after another
 * (a round trip each), while the quota lets 15 queries through per 5 s window: Q queries in all wait for
 * ceil(Q/15) - 1 windows. The least pages each query needs are its rows / 1,000.
 */
function graphFloorMs(pagesPerQuery: readonly number[], latencyMs: number, quota: { limit: number; windowMs: number }): number {
  const total = 1 + pagesPerQuery.reduce((a, b) => a + b, 0);
  const longest = Math.max(0, ...pagesPerQuery) * latencyMs;
  const waits = (Math.ceil(total / quota.limit) - 1) * quota.windowMs;
  return 2 * latencyMs + Math.max(longest, waits + latencyMs);
}

function graphTimeline(log: readonly RequestLogEntry[]): number[] {
  const times = log.filter(isGraphQuery).map((e) => Date.parse(e.time));
  const first = Math.min(...times);
  return times.map((t) => Math.round((t - first) / 100) / 10);
}

/** Pages a query of `rows` rows needs (1,000 a page), at least one. */
const pagesOf = (rows: number) => Math.max(1, Math.ceil(rows / 1000));

type Table = { inventory: FleetInventory; rows: FleetRow[]; loadMs: number; rowsMs: number; ms: number; log: RequestLogEntry[]; engineMs: number[] };

/**
 * What the app does from the subscription step on: list the subscriptions, count their VMs per region (the
 * subscription step shows it; it also sizes the VM queries), read the inventory and build each part's rows
 * as it arrives.
 */
async function buildTable(tenant: Tenant): Promise<Table> {
  const started = performance.now();
  const subscriptions = (await tenant.gateway.listSubscriptions()).map((s) => s.subscriptionId);
  const counts = await tenant.gateway.countVms(subscriptions);
  const rows: FleetRow[] = [];
  const evaluator = createPairEvaluator();
  let rowsMs = 0;
  const inventory = await tenant.gateway.loadFleetInventory(
    { subscriptions },
    {
      vmCounts: counts.counts,
      onPart: (part) => {
        const t = performance.now();
        rows.push(...buildFleetRows(part, { evaluator }));
        rowsMs += performance.now() - t;
      },
    },
  );
  const done = performance.now();
  const log = await requestLog(tenant.origin);
  return { inventory, rows, loadMs: done - started - rowsMs, rowsMs, ms: done - started, log, engineMs: await tenant.graphMs() };
}

function tableResult(name: string, tenant: Tenant, table: Table, options: ScenarioOptions, extra: Record<string, unknown>): ScenarioResult {
  const { inventory, rows } = table;
  const vnetsSubnets = inventory.subnets.length;
  const floorMs = graphFloorMs([pagesOf(inventory.vms.length), pagesOf(vnetsSubnets), pagesOf(inventory.nsgs.length)], options.latencyMs, QUOTA);
  const c = counted(table.log);
  const verdicts = countBy(rows, (r) => r.readiness.verdict);
  const result: ScenarioResult = {
    name,
    vms: rows.length,
    subscriptions: tenant.subscriptions.length,
    ...c,
    ms: Math.round(table.ms),
    floorMs: Math.round(floorMs),
    source: inventory.source,
    armRequests: c.requests - c.graphQueries,
    loadMs: Math.round(table.loadMs),
    rowsMs: Math.round(table.rowsMs),
    verdicts: Object.fromEntries(verdicts),
    protectedVms: rows.filter((r) => r.protection).length,
    // The local Resource Graph's compute (in the emulator's process): Azure's would run in parallel elsewhere.
    emulatorGraphMs: Math.round(table.engineMs.reduce((a, b) => a + b, 0)),
    slowestQueryMs: Math.round(Math.max(0, ...table.engineMs)),
    // When each query was answered, in seconds from the first: how the quota windows were used.
    graphTimeline: graphTimeline(table.log),
    loadAverage: Math.round((loadavg()[0] ?? 0) * 10) / 10,
    setupMs: Math.round(tenant.setupMs),
    ...extra,
  };
  result.failures += rows.length === inventory.vms.length ? 0 : 1;
  console.log(
    `  ${name}: ${rows.length} VMs over ${result.subscriptions} subscriptions in ${(result.ms / 1000).toFixed(2)} s (floor ${(floorMs / 1000).toFixed(2)} s; ` +
      `reading ${(table.loadMs / 1000).toFixed(2)} s, the emulator's engine ${(Number(result.emulatorGraphMs) / 1000).toFixed(2)} s, rows ${(table.rowsMs / 1000).toFixed(2)} s, built per part as it came): ${c.graphQueries} Resource Graph queries + ` +
      `${result.armRequests} ARM requests, ${c.throttled} throttled, ${result.failures} failures; verdicts ${JSON.stringify(result.verdicts)}.`,
  );
  return result;
}

export function tableScenario(name: string, vms: number, subscriptions: number, regions: number): Scenario {
  return {
    name,
    async run(options) {
      const tenant = await startTenant(options, vms, subscriptions, regions);
      try {
        console.log(`Fleet table: ${vms} VMs, ${subscriptions} subscriptions, ${regions} regions, ${options.latencyMs} ms latency, default throttles (tenant set up in ${(tenant.setupMs / 1000).toFixed(1)} s).`);
        const table = await buildTable(tenant);
        // The heap of what the browser keeps for the table: the rows, and the inventory they came from.
        const { inventory } = table;
        table.rows = [];
        const before = heapMb();
        const rows = buildFleetRows(inventory);
        const withRows = heapMb();
        const copy = structuredClone(inventory);
        const withCopy = heapMb();
        const rowsHeap = before === null || withRows === null ? null : withRows - before;
        const inventoryHeap = withRows === null || withCopy === null ? null : withCopy - withRows;
        table.rows = rows;
        void copy;
        return [tableResult(name, tenant, table, options, { rowsHeapMb: mb(rowsHeap), inventoryHeapMb: mb(inventoryHeap) })];
      } finally {
        await tenant.stop();
      }
    },
  };
}

export const table5kScenario = tableScenario('table-5k', 5000, 10, 4);
export const table50kScenario = tableScenario('table-50k', 50000, 100, 4);

export const network5kScenario: Scenario = {
  name: 'network-5k',
  async run(options) {
    const tenant = await startTenant(options, 5000, 10, 4);
    try {
      const subscriptions = tenant.subscriptions;
      const inventory = await tenant.gateway.loadFleetInventory({ subscriptions });
      await fresh(tenant.origin);
      let evaluations = 0;
      const evaluator = createPairEvaluator((input: OutboundInput) => {
        evaluations++;
        return evaluateOutbound443(input);
      });
      const started = performance.now();
      const rows = buildFleetRows(inventory, { evaluator });
      const ms = performance.now() - started;
      const log = await requestLog(tenant.origin);
      const statuses = countBy(rows, (r) => r.network.report.overall.status);
      // The confirmation a user gets for the first selected VMs (Azure's effective rules), measured apart.
      const selected = rows.filter((r) => r.facts.powerState === 'running').slice(0, 10);
      const confirmStarted = performance.now();
      const confirmations = await tenant.gateway.confirmNetworks(selected);
      const confirmMs = performance.now() - confirmStarted;
      const confirmLog = (await requestLog(tenant.origin)).slice(log.length);
      const result: ScenarioResult = {
        name: 'network-5k',
        vms: rows.length,
        subscriptions: subscriptions.length,
        ...counted(log),
        ms: Math.round(ms),
        floorMs: 0,
        perVmRequests: log.length,
        pairEvaluations: evaluations,
        verdicts: Object.fromEntries(statuses),
        fromRules: rows.filter((r) => r.network.source === 'rules').length,
        confirmed: { vms: confirmations.length, agree: confirmations.filter((c) => c.outcome === 'confirmed' && c.agreesWithRules).length, requests: confirmLog.length, ms: Math.round(confirmMs) },
      };
      console.log(
        `  network-5k: ${rows.length} verdicts from the rules in ${ms.toFixed(0)} ms with ${log.length} requests, ${evaluations} pair evaluations; ` +
          `${JSON.stringify(result.verdicts)}; confirming 10 selected VMs with Azure's effective rules: ${confirmLog.length} requests, ${(confirmMs / 1000).toFixed(2)} s, ` +
          `${(result.confirmed as { agree: number }).agree} of ${confirmations.length} agree.`,
      );
      return [result];
    } finally {
      await tenant.stop();
    }
  },
};

export const agent1200Scenario: Scenario = {
  name: 'agent-1200',
  async run(options) {
    const target = 1200;
    const region = 'westeurope';
    // One region; Contoso Production gets 60% of the VMs and 85% of VMs run: 2,400 give it about 1,220 running.
    const tenant = await startTenant(options, 2400, 3, 1);
    try {
      const inventory = await tenant.gateway.loadFleetInventory({ subscriptions: tenant.subscriptions });
      const all = buildFleetRows(inventory);
      const ids = agentEligible(all.filter((r) => r.facts.subscriptionId === PRODUCTION), [region]).slice(0, target);
      if (ids.length < target) throw new Error(`only ${ids.length} running VMs in ${region}`);
      const rows = new Map(all.map((r) => [r.facts.id, r]));
      await fresh(tenant.origin);
      const etas: { at: number; read: number; etaMs: number }[] = [];
      const started = performance.now();
      const reader = await tenant.gateway.readAgents(ids, {
        onBatch: (batch) => {
          for (const result of batch) {
            const row = rows.get(result.vmId);
            if (row) rows.set(result.vmId, withAgent(row, result));
          }
        },
        onProgress: (p) => etas.push({ at: performance.now() - started, read: p.read, etaMs: p.etaMs }),
      });
      const summary = await reader.done;
      const ms = performance.now() - started;
      const log = await requestLog(tenant.origin);
      const c = counted(log);
      const floorMs = (Math.max(0, target - 250) / 25) * 1000 + options.latencyMs;
      // How good the counter's "about N s left" was once the bucket's burst was spent.
      const sample = etas.find((e) => e.read >= 400);
      const etaError = sample ? Math.round(sample.at + sample.etaMs - ms) : null;
      const agents = countBy(ids.map((id) => rows.get(id)), (r) => r?.facts.agent.status ?? 'missing');
      const result: ScenarioResult = {
        name: 'agent-1200',
        vms: ids.length,
        subscriptions: 1,
        ...c,
        ms: Math.round(ms),
        floorMs: Math.round(floorMs),
        failures: c.failures + summary.failed,
        read: summary.read,
        gone: summary.gone,
        agents: Object.fromEntries(agents),
        etaErrorMsAt400: etaError,
        ratio: Math.round((ms / floorMs) * 1000) / 1000,
      };
      console.log(
        `  agent-1200: ${summary.read} instance views in ${(ms / 1000).toFixed(1)} s (floor ${(floorMs / 1000).toFixed(1)} s, ratio ${result.ratio}), ` +
          `${c.throttled} throttled, ${result.failures} failed; ETA error after 400 reads ${etaError} ms; agents ${JSON.stringify(result.agents)}.`,
      );
      return [result];
    } finally {
      await tenant.stop();
    }
  },
};
