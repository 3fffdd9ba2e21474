// Scenario `enable-1000`: enable protection for 1,000 VMs against the emulator with ARM's default throttles
// ON (writes: 200, refilling 10 a second; reads: 250, refilling 25) and 50 ms added to every ARM request.
// It runs the app's own engine (src/enable/engine.ts) through the real gateway (src/azure/gateway.ts, the
// real SDK clients, the write-budget policy) in Node, signed in as the fixture's service principal, and
// returns the figures. Target: ms ≤ 1.2 × floorMs, zero failures.
//
// Alone: node scripts/with-cert.ts node bench/scenarios/enable-1000.ts [--vms 1000] [--latency-ms 50]
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { startEmulator } from '../../emulator/app.ts';
import { readConfig } from '../../emulator/config.ts';
import { generateFixture } from '../../emulator/state/generate-fixture.ts';
import { createArmGateway } from '../../src/azure/gateway.ts';
import { vmRefFromId, type VmRef } from '../../src/azure/protection-names.ts';
import { runEnable } from '../../src/enable/engine.ts';
import type { JournalEntry, JournalSink } from '../../src/journal/types.ts';
import { credentialFor, type Scenario, type ScenarioResult } from '../common.ts';

const PRODUCTION = '8c6b1f3e-2a4d-4f5b-9e7c-0a1b2c3d4e5f';
const REGION = 'westeurope';
// Seed 1 with 4,800 VMs puts ~1,190 in Contoso Production's westeurope, ~1,020 of them not yet protected.
const TENANT_VMS = 4800;
// ARM's write bucket, as the emulator applies it by default (emulator/arm/settings.ts).
const WRITE_CAPACITY = 200;
const WRITE_REFILL_PER_SECOND = 10;

/**
 * The least time any client can take: one list read before the first write, then writes at the bucket's
 * pace — the first `capacity` at once, every further one 1/refill s after the previous — and after the last
 * write its answer (latency), the wait its 202 asks for before polling (Retry-After), and the poll (latency):
 *   floorMs = latency + max(0, (writes − capacity) / refill) × 1000 + latency + retryAfter + latency
 */
export function writeBucketFloorMs(f: { writes: number; capacity: number; refillPerSecond: number; latencyMs: number; retryAfterMs: number }): number {
  return f.latencyMs + (Math.max(0, f.writes - f.capacity) / f.refillPerSecond) * 1000 + f.latencyMs + f.retryAfterMs + f.latencyMs;
}

/** Every write on record, as the app's journal keeps it (intent before the send, each attempt, the end). */
function memoryJournal() {
  const entries = new Map<string, JournalEntry>();
  let attempts = 0;
  const sink: JournalSink = {
    intent(intent) {
      const id = crypto.randomUUID();
      entries.set(id, { id, at: new Date().toISOString(), kind: intent.kind, method: intent.method, target: intent.target, summary: { ...intent.summary }, attempts: 0 });
      return id;
    },
    attempted(id) {
      attempts++;
      const entry = entries.get(id);
      if (entry) entry.attempts++;
    },
    accepted(id, accepted) {
      const entry = entries.get(id);
      if (entry && accepted.operationUrl) entry.operationUrl = accepted.operationUrl;
    },
    settled(id, result) {
      const entry = entries.get(id);
      if (entry && !entry.result) entry.result = { ...result, at: new Date().toISOString() };
    },
  };
  return { sink, entries, attempts: () => attempts };
}

export async function enable1000(opts: { latencyMs: number; vms?: number; lroDelayMs?: number }): Promise<ScenarioResult> {
  const wanted = opts.vms ?? 1000;
  const lroDelayMs = opts.lroDelayMs ?? 500;
  const dir = await mkdtemp(join(tmpdir(), 'vmbw-enable-'));
  const fixturePath = join(dir, 'fixture.json');
  await writeFile(fixturePath, JSON.stringify(generateFixture({ vmCount: Math.max(TENANT_VMS, Math.ceil(wanted * 4.8)), seed: 1 })));
  // Throttling stays at ARM's defaults: the point is to run close to the write bucket without 429s.
  const config = readConfig(['--port', '0', '--fixture', fixturePath, '--latency-ms', String(opts.latencyMs), '--lro-delay-ms', String(lroDelayMs)], {});
  const emulator = await startEmulator(config);
  try {
    const vaultId = `/subscriptions/${PRODUCTION}/resourceGroups/rg-backup-${REGION}/providers/Microsoft.RecoveryServices/vaults/rsv-${REGION}`;
    const vault = { subscriptionId: PRODUCTION, resourceGroup: `rg-backup-${REGION}`, vaultName: `rsv-${REGION}` };
    const policyId = `${vaultId}/backupPolicies/DefaultPolicy`;
    // The VMs next to the vault that no vault protects yet: each needs exactly one write.
    const protectedIds = new Set(
      emulator.store
        .list({ type: 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems', scope: `/subscriptions/${PRODUCTION}` })
        .map((item) => String(item.properties?.['sourceResourceId'] ?? '').toLowerCase()),
    );
    const vms: VmRef[] = emulator.store
      .list({ type: 'Microsoft.Compute/virtualMachines', scope: `/subscriptions/${PRODUCTION}` })
      .filter((vm) => vm.location === REGION && !protectedIds.has(vm.id.toLowerCase()))
      .slice(0, wanted)
      .map((vm) => vmRefFromId(vm.id))
      .filter((vm): vm is VmRef => vm !== null);
    if (vms.length < wanted) throw new Error(`The generated tenant has only ${vms.length} unprotected VMs in ${REGION}.`);

    const journal = memoryJournal();
    const gateway = createArmGateway({ endpoint: `${emulator.origin}/arm`, credential: credentialFor(emulator.origin), journal: journal.sink });
    await gateway.listSubscriptions(); // the token, before the clock starts
    emulator.arm.log.length = 0;

    const started = performance.now();
    const results = await runEnable(vault, policyId, vms.map((vm) => ({ vm })), {
      gateway,
      onProgress: () => undefined,
      onUnchanged: () => undefined,
      settleEntry: (id, result) => journal.sink.settled(id, result),
    });
    const ms = performance.now() - started;

    const log = emulator.arm.log;
    const writes = log.filter((e) => e.method === 'PUT' && /\/protecteditems\//i.test(e.path));
    const failures = [...results.values()].filter((r) => r.stage !== 'protected');
    const entries = [...journal.entries.values()];
    return {
      name: 'enable-1000',
      vms: vms.length,
      subscriptions: 1,
      requests: log.length,
      graphQueries: 0,
      throttled: log.filter((e) => e.status === 429).length,
      ms: Math.round(ms),
      floorMs: Math.round(
        writeBucketFloorMs({
          writes: writes.filter((e) => e.status < 400).length,
          capacity: WRITE_CAPACITY,
          refillPerSecond: WRITE_REFILL_PER_SECOND,
          latencyMs: opts.latencyMs,
          retryAfterMs: emulator.settings.retryAfterSeconds * 1000,
        }),
      ),
      failures: failures.length,
      writes: writes.length,
      reads: log.filter((e) => e.method === 'GET').length,
      polls: log.filter((e) => /\/operationsStatus\//i.test(e.path)).length,
      journalEntries: entries.length,
      journalAttempts: journal.attempts(),
      journalInFlight: entries.filter((e) => !e.result).length,
      latencyMs: opts.latencyMs,
      lroDelayMs,
      failureCodes: [...new Set(failures.map((f) => ('error' in f ? f.error.code : f.stage)))],
    };
  } finally {
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** For bench/index.ts: `npm run bench -- --scenario enable-1000`. */
export const enable1000Scenario: Scenario = {
  name: 'enable-1000',
  run: async (options) => [await enable1000({ latencyMs: options.latencyMs })],
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { vms: { type: 'string', default: '1000' }, 'latency-ms': { type: 'string', default: '50' } } });
  const result = await enable1000({ latencyMs: Number(values['latency-ms']), vms: Number(values.vms) });
  console.log(JSON.stringify({ ...result, ratio: Number((result.ms / result.floorMs).toFixed(3)) }, null, 2));
}
