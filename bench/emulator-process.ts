// A generated tenant served by an emulator in its own process, for the fleet scenarios: in Azure the
// service runs elsewhere, so its work (the local Resource Graph's KQL engine above all) must not share the
// measured client's thread. Prints one JSON line {"origin": ...} once listening; answers the IPC message
// 'graph-ms' with the engine's compute per query since the last ask; stops on SIGTERM.
//
//   node bench/emulator-process.ts --vms 5000 --subscriptions 10 --regions 4 --seed 1 --latency-ms 50
import { parseArgs } from 'node:util';
import { startEmulator } from '../emulator/app.ts';
import { readConfig } from '../emulator/config.ts';
import { generateFixture } from '../emulator/state/generate-fixture.ts';
import { parseFixture } from '../emulator/state/store.ts';

const { values } = parseArgs({
  options: {
    vms: { type: 'string' },
    subscriptions: { type: 'string' },
    regions: { type: 'string' },
    seed: { type: 'string', default: '1' },
    'latency-ms': { type: 'string', default: '50' },
  },
});
const fixture = parseFixture(
  generateFixture({ vmCount: Number(values.vms), seed: Number(values.seed), subscriptionCount: Number(values.subscriptions), regionCount: Number(values.regions) }),
  'generated',
);
// Default throttles (no --read-capacity), no Resource Graph lag: the tenant is read after it was written.
const emulator = await startEmulator(readConfig(['--port', '0', '--latency-ms', values['latency-ms'] ?? '50', '--graph-lag-ms', '0'], {}), fixture);
// The engine's compute per Resource Graph answer, so the parent can tell it from the client's own time.
const graphMs: number[] = [];
const query = emulator.graph.query.bind(emulator.graph);
emulator.graph.query = (request) => {
  const started = performance.now();
  try {
    return query(request);
  } finally {
    graphMs.push(performance.now() - started);
  }
};
process.on('message', (message) => {
  if (message === 'graph-ms') process.send?.({ graphMs: graphMs.splice(0) });
});
console.log(JSON.stringify({ origin: emulator.origin }));
process.on('SIGTERM', () => {
  void emulator.close().then(() => process.exit(0));
});
