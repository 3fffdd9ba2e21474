// `npm run bench`: figures for how the wizard reads Azure at scale, one scenario after another; nothing
// passes or fails on time. Each scenario starts the emulator in-process with a generated tenant.
//
//   npm run bench                                  every scenario
//   npm run bench -- --scenario graph-50k          one scenario
//   npm run bench -- --json                        ... and end with one JSON line: {"scenarios":[...]}
//
// Options: --latency-ms 50, --seed 1; readiness: --vms 1000,5000, --concurrency 8, --page-size 100,
// --lro-delay-ms 200; graph-50k: --graph-vms 50000, --graph-subscriptions 100. See bench/README.md.
import { parseArgs } from 'node:util';
import type { Scenario, ScenarioOptions, ScenarioResult } from './common.ts';
import { enable1000Scenario } from './scenarios/enable-1000.ts';
import { agent1200Scenario, network5kScenario, table50kScenario, table5kScenario } from './scenarios/fleet.ts';
import { graph50kScenario } from './scenarios/graph-50k.ts';
import { readinessScenario } from './scenarios/readiness.ts';

const SCENARIOS: readonly Scenario[] = [readinessScenario, graph50kScenario, enable1000Scenario, table5kScenario, table50kScenario, agent1200Scenario, network5kScenario];

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', multiple: true },
    json: { type: 'boolean', default: false },
    'latency-ms': { type: 'string', default: '50' },
    seed: { type: 'string', default: '1' },
    vms: { type: 'string', default: '1000,5000' },
    concurrency: { type: 'string', default: '8' },
    'page-size': { type: 'string', default: '100' },
    'lro-delay-ms': { type: 'string', default: '200' },
    'graph-vms': { type: 'string', default: '50000' },
    'graph-subscriptions': { type: 'string', default: '100' },
  },
});

const number = (name: keyof typeof values): number => {
  const n = Number(values[name]);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number`);
  return n;
};

const options: ScenarioOptions = {
  latencyMs: number('latency-ms'),
  seed: number('seed'),
  vmCounts: String(values.vms).split(',').map((n) => Number(n.trim())).filter((n) => Number.isInteger(n) && n > 0),
  concurrency: number('concurrency'),
  pageSize: number('page-size'),
  lroDelayMs: number('lro-delay-ms'),
  graphVms: number('graph-vms'),
  graphSubscriptions: number('graph-subscriptions'),
};

const wanted = values.scenario ?? SCENARIOS.map((s) => s.name);
const unknown = wanted.filter((name) => !SCENARIOS.some((s) => s.name === name));
if (unknown.length > 0) {
  console.error(`Unknown scenario ${unknown.join(', ')}; there are: ${SCENARIOS.map((s) => s.name).join(', ')}.`);
  process.exit(2);
}

const results: ScenarioResult[] = [];
for (const scenario of SCENARIOS.filter((s) => wanted.includes(s.name))) {
  console.log(`\n##### ${scenario.name} #####`);
  results.push(...(await scenario.run(options)));
}
if (values.json) console.log(JSON.stringify({ scenarios: results }));
