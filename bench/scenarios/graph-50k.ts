// Scenario `graph-50k`: Resource Graph at fleet scale. A generated tenant of 50,000 VMs over 100
// subscriptions, 50 ms added to every ARM request, ARG's quota on (15 queries per 5 s per user), and the
// app's own gateway (src/azure/resource-graph.ts, paced by the quota headers) paging through two queries:
// VMs joined with their NICs, and the backup article's unprotected VMs (a leftouter join with
// RecoveryServicesResources). Reports wall time, pages, the emulator's compute per page (timed around the
// Resource Graph service, so without the latency and the quota waits) and the heap the index takes.
import { startEmulator } from '../../emulator/app.ts';
import { readConfig } from '../../emulator/config.ts';
import { createGraphIndex } from '../../emulator/graph/indexer.ts';
import { SAMPLES } from '../../emulator/graph/samples.ts';
import type { GraphService } from '../../emulator/graph/service.ts';
import { generateFixture } from '../../emulator/state/generate-fixture.ts';
import { parseFixture, type Store } from '../../emulator/state/store.ts';
import { createArmClients } from '../../src/azure/clients.ts';
import { queryGraph } from '../../src/azure/resource-graph.ts';
import { clearRequestLog, credentialFor, isGraphQuery, requestLog, type Scenario, type ScenarioOptions, type ScenarioResult } from '../common.ts';

export const GRAPH_QUERIES = {
  'VMs with their NICs': `Resources
| where type =~ 'microsoft.compute/virtualmachines'
| extend nicId = tolower(tostring(properties.networkProfile.networkInterfaces[0].id))
| project id, name, location, resourceGroup, subscriptionId, nicId,
    powerState = tostring(properties.extended.instanceView.powerState.code), osType = tostring(properties.storageProfile.osDisk.osType)
| join kind=leftouter (
    Resources
    | where type =~ 'microsoft.network/networkinterfaces'
    | project nicId = tolower(id), privateIp = tostring(properties.ipConfigurations[0].properties.privateIPAddress), nsgId = tostring(properties.networkSecurityGroup.id)
) on nicId
| project-away nicId1`,
  'unprotected VMs (leftouter RecoveryServicesResources)': SAMPLES.unprotectedVms,
} as const;

const gc = (globalThis as { gc?: () => void }).gc;

/** The heap a second index over the same store takes (rows share nested objects with the store). Needs --expose-gc. */
function indexHeapMb(store: Store): number | null {
  if (!gc) return null;
  gc();
  const before = process.memoryUsage().heapUsed;
  const index = createGraphIndex(store, () => 0);
  gc();
  const after = process.memoryUsage().heapUsed;
  const rows = index.size();
  index.close();
  return rows > 0 ? Math.round((after - before) / 1e5) / 10 : 0;
}

/** Times every Resource Graph answer on the emulator's side (the service, not the HTTP round trip). */
function timeService(graph: GraphService): number[] {
  const times: number[] = [];
  const query = graph.query.bind(graph);
  graph.query = (request) => {
    const started = performance.now();
    try {
      return query(request);
    } finally {
      times.push(performance.now() - started);
    }
  };
  return times;
}

export const graph50kScenario: Scenario = {
  name: 'graph-50k',
  async run(options: ScenarioOptions): Promise<ScenarioResult[]> {
    const vms = options.graphVms;
    const subscriptions = options.graphSubscriptions;
    const setupStarted = performance.now();
    const fixture = parseFixture(generateFixture({ vmCount: vms, seed: options.seed, subscriptionCount: subscriptions }), 'generated');
    const config = readConfig(['--port', '0', '--latency-ms', String(options.latencyMs), '--graph-lag-ms', '0'], {});
    const emulator = await startEmulator(config, fixture);
    const setupMs = performance.now() - setupStarted;
    try {
      const { quotaLimit, quotaWindowMs } = emulator.settings.graph;
      console.log(
        `Resource Graph benchmark: ${vms} VMs over ${subscriptions} subscriptions (${emulator.graph.index.size()} rows indexed, set up in ${(setupMs / 1000).toFixed(1)} s), ` +
          `${options.latencyMs} ms added per ARM request, quota ${quotaLimit} queries per ${quotaWindowMs / 1000} s.`,
      );
      const heapMb = indexHeapMb(emulator.store);
      const computeMs = timeService(emulator.graph);
      const clients = createArmClients({ endpoint: `${emulator.origin}/arm`, credential: credentialFor(emulator.origin) });
      const scope = { subscriptions: emulator.store.catalog.subscriptions.map((s) => s.subscriptionId) };
      await clientsWarm(clients);
      await clearRequestLog(emulator.origin);
      // A fresh quota window for the measured queries.
      emulator.graph.reset();
      const results: ScenarioResult[] = [];
      for (const [label, query] of Object.entries(GRAPH_QUERIES)) {
        computeMs.length = 0;
        const started = performance.now();
        const result = await queryGraph<Record<string, unknown>>(clients, query, scope);
        const ms = performance.now() - started;
        const log = (await requestLog(emulator.origin)).filter(isGraphQuery);
        await clearRequestLog(emulator.origin);
        const total = computeMs.reduce((a, b) => a + b, 0);
        const waits = (Math.ceil(log.length / quotaLimit) - 1) * quotaWindowMs;
        const line: ScenarioResult = {
          name: 'graph-50k',
          query: label,
          vms,
          subscriptions,
          requests: log.length,
          graphQueries: log.length,
          throttled: log.filter((e) => e.status === 429).length,
          ms: Math.round(ms),
          floorMs: log.length * options.latencyMs + Math.max(0, waits),
          failures: log.filter((e) => e.status >= 400 && e.status !== 429).length + (result.rows.length === result.totalRecords ? 0 : 1),
          rows: result.rows.length,
          totalRecords: result.totalRecords,
          pages: result.pages,
          msPerPage: Math.round((total / Math.max(1, result.pages)) * 10) / 10,
          firstPageMs: Math.round(computeMs[0] ?? 0),
          maxPageMs: Math.round(Math.max(0, ...computeMs)),
          indexHeapMb: heapMb,
          setupMs: Math.round(setupMs),
        };
        console.log(
          `  ${label}: ${line.rows} rows in ${line.pages} pages, ${(ms / 1000).toFixed(1)} s (floor ${(Number(line.floorMs) / 1000).toFixed(1)} s: ` +
            `pages × latency + the quota windows they need); emulator compute ${line.msPerPage} ms a page on average, ` +
            `first page ${line.firstPageMs} ms (runs the whole query), 429s ${line.throttled}.`,
        );
        results.push(line);
        // Start the next query in a fresh window so each one's floor stands alone.
        await new Promise((r) => setTimeout(r, quotaWindowMs));
      }
      console.log(`  index heap: ${heapMb === null ? 'not measured (run node with --expose-gc)' : `${heapMb} MB`}`);
      return results;
    } finally {
      await emulator.close();
    }
  },
};

/** One cheap query first, so loading the client and getting the token do not count against the measured ones. */
async function clientsWarm(clients: ReturnType<typeof createArmClients>): Promise<void> {
  await (await clients.resourceGraph()).resources({ query: 'ResourceContainers | take 1' });
}
