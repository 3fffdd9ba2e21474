import { describe, expect, it } from 'vitest';
import { AzureRequestError, type AzureError } from '../azure/errors.ts';
import type { Settlement } from '../azure/operations.ts';
import type { ProtectedVmItem, VmRef, WriteOperationOutcome } from '../azure/protect-vm.ts';
import type { WriteResult } from '../journal/types.ts';
import { isTransient, retryDelayMs, runEnable, type EnableGateway, type VmProgress, type VmTask } from './engine.ts';

const vault = { subscriptionId: 's', resourceGroup: 'rg-backup', vaultName: 'rsv' };
const policyId = '/subscriptions/s/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv/backupPolicies/DefaultPolicy';
const vm = (name: string): VmRef => ({ id: `/subscriptions/s/resourceGroups/rg-apps/providers/Microsoft.Compute/virtualMachines/${name}`, name, resourceGroup: 'rg-apps' });

const throttled = (retryAfterMs?: number): AzureError => ({
  kind: 'throttled',
  status: 429,
  code: 'SubscriptionRequestsThrottled',
  message: 'Too many requests',
  ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
});
const unavailable: AzureError = { kind: 'unknown', status: 503, code: 'ServiceUnavailable', message: 'Try later' };

type Script = {
  protectedAlready?: boolean;
  /** Outcomes of successive PUTs; the last one repeats. */
  puts?: WriteOperationOutcome[];
  /** Answers of successive resumeOperation calls. */
  follows?: Settlement[];
  /** Errors of successive reads before the write; then reads succeed. */
  getErrors?: AzureError[];
};

/** A gateway that answers from a script per VM name and records every call. */
function fakeGateway(scripts: Record<string, Script>, options: { putDelayMs?: number; listFails?: boolean } = {}) {
  const calls: string[] = [];
  let active = 0;
  let maxActive = 0;
  let entry = 0;
  const putsBy = new Map<string, number>();
  const followsBy = new Map<string, number>();
  const scriptOf = (v: VmRef) => scripts[v.name] ?? {};
  const gateway: EnableGateway = {
    async listProtectedVms() {
      calls.push('list');
      if (options.listFails) throw new AzureRequestError(unavailable);
      return Object.entries(scripts)
        .filter(([, script]) => script.protectedAlready)
        .map(([name]) => ({
          id: `item-${name}`,
          vmId: vm(name).id.toUpperCase(),
          vmName: name,
          protectionState: 'Protected',
          protectionStatus: 'Healthy',
          healthStatus: 'Passed',
          lastBackupStatus: '',
          lastBackupTime: null,
          policyId: policyId.toUpperCase(),
          policyName: 'DefaultPolicy',
        }));
    },
    async paceWrite() {
      calls.push('pace');
    },
    async getProtectedVmItem(_vault, v): Promise<ProtectedVmItem | null> {
      calls.push(`get ${v.name}`);
      const script = scriptOf(v);
      const failure = script.getErrors?.shift();
      if (failure) throw new AzureRequestError(failure);
      return script.protectedAlready
        ? { id: 'item', policyId: policyId.toUpperCase(), protectionState: 'Protected', healthStatus: null, lastBackupStatus: null }
        : null;
    },
    async enableVmProtection(_vault, v, _policy, observer) {
      calls.push(`put ${v.name}`);
      active++;
      maxActive = Math.max(maxActive, active);
      await new Promise((resolve) => setTimeout(resolve, options.putDelayMs ?? 1));
      active--;
      const n = putsBy.get(v.name) ?? 0;
      putsBy.set(v.name, n + 1);
      const puts = scriptOf(v).puts ?? [{ kind: 'succeeded', entryId: `e${++entry}`, jobId: `job-${v.name}` }];
      const outcome = puts[Math.min(n, puts.length - 1)] as WriteOperationOutcome;
      if (outcome.kind !== 'failed') observer?.onAccepted?.(outcome.entryId, 'https://arm/op');
      return outcome;
    },
    async resumeOperation(entryId) {
      calls.push(`poll ${entryId}`);
      const name = entryId.replace(/^saved-/, '');
      const n = followsBy.get(name) ?? 0;
      followsBy.set(name, n + 1);
      const follows = scriptOf(vm(name)).follows ?? [{ settled: true, result: { outcome: 'succeeded', jobId: `job-${name}` }, poll: { state: 'Succeeded', httpStatus: 200, retryAfterMs: 1000 } }];
      return follows[Math.min(n, follows.length - 1)] as Settlement;
    },
  };
  const traffic = () => calls.filter((call) => call !== 'pace');
  return { gateway, calls, traffic, maxActive: () => maxActive, putsOf: (name: string) => putsBy.get(name) ?? 0 };
}

function harness(gateway: EnableGateway, extra: { concurrency?: number } = {}) {
  const progress: Record<string, VmProgress[]> = {};
  const unchanged: string[] = [];
  const settled: Record<string, WriteResult> = {};
  const sleeps: number[] = [];
  const run = (tasks: VmTask[]) =>
    runEnable(vault, policyId, tasks, {
      gateway,
      onProgress: (id, p) => (progress[id.split('/').pop() ?? id] ??= []).push(p),
      onUnchanged: (id) => unchanged.push(id.split('/').pop() ?? id),
      settleEntry: (id, result) => (settled[id] = result),
      sleep: async (ms) => void sleeps.push(ms),
      random: () => 0.5,
      ...extra,
    });
  return { run, progress, unchanged, settled, sleeps };
}

const stageOf = (results: Map<string, VmProgress>, name: string) => results.get(vm(name).id);

describe('enable engine', () => {
  it('protects every VM and names each one’s backup job', async () => {
    const fake = fakeGateway({});
    const { run } = harness(fake.gateway);
    const results = await run(['a', 'b', 'c'].map((name) => ({ vm: vm(name) })));
    for (const name of ['a', 'b', 'c']) expect(stageOf(results, name)).toEqual({ stage: 'protected', unchanged: false, jobId: `job-${name}` });
    // Read before write: one list of the vault's protected VMs answers for every VM's first round.
    expect(fake.calls.filter((c) => c === 'list')).toHaveLength(1);
    expect(fake.calls.filter((c) => c.startsWith('get'))).toHaveLength(0);
  });

  it('reads each VM on its own when the list of protected VMs can’t be read', async () => {
    const fake = fakeGateway({ done: { protectedAlready: true } }, { listFails: true });
    const { run, unchanged } = harness(fake.gateway);
    const results = await run([{ vm: vm('done') }, { vm: vm('new') }]);
    expect(fake.calls.filter((c) => c.startsWith('get'))).toEqual(['get done', 'get new']);
    expect(stageOf(results, 'done')).toEqual({ stage: 'protected', unchanged: true, jobId: null });
    expect(unchanged).toEqual(['done']);
  });

  it('asks the write budget before every write, and stops when the wait is aborted', async () => {
    const fake = fakeGateway({});
    const { run } = harness(fake.gateway);
    await run([{ vm: vm('a') }, { vm: vm('b') }]);
    expect(fake.calls.filter((c) => c === 'pace' || c.startsWith('put'))).toEqual(['pace', 'pace', 'put a', 'put b']);

    const stuck = fakeGateway({});
    const controller = new AbortController();
    stuck.gateway.paceWrite = (_sub, signal) =>
      new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    const { run: runStuck } = harness(stuck.gateway);
    const pending = runEnable(vault, policyId, [{ vm: vm('c') }], {
      gateway: stuck.gateway,
      onProgress: () => undefined,
      onUnchanged: () => undefined,
      settleEntry: () => undefined,
      signal: controller.signal,
    });
    void runStuck;
    controller.abort();
    expect((await pending).get(vm('c').id)).toEqual({ stage: 'stopped' });
    expect(stuck.putsOf('c')).toBe(0);
  });

  it('waits out throttling without using up the VM’s rounds: a 429 is not a failure', async () => {
    const puts: WriteOperationOutcome[] = [
      ...Array.from({ length: 6 }, () => ({ kind: 'failed', entryId: null, phase: 'send', error: throttled(1000) }) as const),
      { kind: 'succeeded', entryId: 'e7', jobId: 'job-storm' },
    ];
    const fake = fakeGateway({ storm: { puts } });
    const { run, sleeps } = harness(fake.gateway);
    expect(stageOf(await run([{ vm: vm('storm') }]), 'storm')).toMatchObject({ stage: 'protected', jobId: 'job-storm' });
    expect(fake.putsOf('storm')).toBe(7);
    expect(sleeps).toEqual([1000, 1000, 1000, 1000, 1000, 1000]);
  });

  it('never has more than the concurrency bound of writes in flight', async () => {
    const fake = fakeGateway({}, { putDelayMs: 5 });
    const { run } = harness(fake.gateway, { concurrency: 4 });
    await run(Array.from({ length: 10 }, (_, i) => ({ vm: vm(`vm${i}`) })));
    expect(fake.maxActive()).toBe(4);
    expect(fake.calls.filter((c) => c.startsWith('put'))).toHaveLength(10);
  });

  it('sends nothing for a VM this vault already protects with this policy', async () => {
    const fake = fakeGateway({ done: { protectedAlready: true } });
    const { run, unchanged } = harness(fake.gateway);
    const results = await run([{ vm: vm('done') }, { vm: vm('new') }]);
    expect(stageOf(results, 'done')).toEqual({ stage: 'protected', unchanged: true, jobId: null });
    expect(fake.putsOf('done')).toBe(0);
    expect(fake.putsOf('new')).toBe(1);
    expect(unchanged).toEqual(['done']);
  });

  it('waits out a 429 the SDK gave up on, for the service’s Retry-After, then succeeds', async () => {
    const fake = fakeGateway({
      busy: {
        puts: [
          { kind: 'failed', entryId: null, phase: 'send', error: throttled(7000) },
          { kind: 'succeeded', entryId: 'e2', jobId: 'job-busy' },
        ],
      },
    });
    const { run, sleeps, progress } = harness(fake.gateway);
    const results = await run([{ vm: vm('busy') }]);
    expect(stageOf(results, 'busy')).toMatchObject({ stage: 'protected', jobId: 'job-busy' });
    expect(sleeps).toEqual([7000]);
    expect(progress['busy']?.map((p) => p.stage)).toContain('retrying');
    // Read again before the second write: the first may have landed after all.
    expect(fake.traffic()).toEqual(['list', 'put busy', 'get busy', 'put busy']);
  });

  it('caps a long Retry-After', async () => {
    const fake = fakeGateway({ busy: { puts: [{ kind: 'failed', entryId: null, phase: 'send', error: throttled(3_600_000) }, { kind: 'succeeded', entryId: 'e', jobId: 'j' }] } });
    const { run, sleeps } = harness(fake.gateway);
    await run([{ vm: vm('busy') }]);
    expect(sleeps).toEqual([60_000]);
  });

  it('backs off after a 503 and succeeds on a later round', async () => {
    const fake = fakeGateway({
      flaky: {
        puts: [
          { kind: 'failed', entryId: null, phase: 'send', error: unavailable },
          { kind: 'failed', entryId: null, phase: 'send', error: unavailable },
          { kind: 'succeeded', entryId: 'e3', jobId: 'job-flaky' },
        ],
      },
    });
    const { run, sleeps } = harness(fake.gateway);
    const results = await run([{ vm: vm('flaky') }, { vm: vm('fine') }]);
    expect(stageOf(results, 'flaky')).toMatchObject({ stage: 'protected', jobId: 'job-flaky' });
    expect(stageOf(results, 'fine')).toMatchObject({ stage: 'protected', jobId: 'job-fine' });
    expect(sleeps).toEqual([2000, 4000]);
  });

  it('retries a read that failed transiently before writing', async () => {
    const fake = fakeGateway({ slow: { getErrors: [throttled(3000)] } }, { listFails: true });
    const { run, sleeps } = harness(fake.gateway);
    expect(stageOf(await run([{ vm: vm('slow') }]), 'slow')).toMatchObject({ stage: 'protected' });
    expect(sleeps).toEqual([3000]);
    expect(fake.traffic()).toEqual(['list', 'get slow', 'get slow', 'put slow']);
  });

  it('stops after the last round of a lasting outage, with the error to show', async () => {
    const fake = fakeGateway({ down: { puts: [{ kind: 'failed', entryId: null, phase: 'send', error: unavailable }] } });
    const { run } = harness(fake.gateway);
    const results = await run([{ vm: vm('down') }]);
    expect(stageOf(results, 'down')).toEqual({ stage: 'failed', error: unavailable });
    expect(fake.putsOf('down')).toBe(4);
  });

  it('does not retry a failure Azure reports for the operation; the other VMs carry on', async () => {
    const agent: AzureError = { kind: 'unknown', code: 'UserErrorGuestAgentStatusUnavailable', message: 'VM Agent unable to communicate', requestId: 'req-1' };
    const fake = fakeGateway({ broken: { puts: [{ kind: 'failed', entryId: 'e9', phase: 'operation', error: agent }] } });
    const { run } = harness(fake.gateway);
    const results = await run([{ vm: vm('broken') }, { vm: vm('ok') }]);
    expect(stageOf(results, 'broken')).toEqual({ stage: 'failed', error: agent });
    expect(fake.putsOf('broken')).toBe(1);
    expect(stageOf(results, 'ok')).toMatchObject({ stage: 'protected' });
  });

  it('does not retry a validation error', async () => {
    const invalid: AzureError = { kind: 'validation', status: 400, code: 'BMSUserErrorVMNotInVaultRegion', message: 'wrong region' };
    const fake = fakeGateway({ far: { puts: [{ kind: 'failed', entryId: null, phase: 'send', error: invalid }] } });
    const { run } = harness(fake.gateway);
    expect(stageOf(await run([{ vm: vm('far') }]), 'far')).toEqual({ stage: 'failed', error: invalid });
    expect(fake.putsOf('far')).toBe(1);
  });

  it('retries one failed VM alone', async () => {
    const fake = fakeGateway({ b: { puts: [{ kind: 'failed', entryId: 'x', phase: 'operation', error: { kind: 'unknown', code: 'BackUpOperationFailed', message: 'm' } }, { kind: 'succeeded', entryId: 'y', jobId: 'job-b2' }] } });
    const { run } = harness(fake.gateway);
    await run(['a', 'b', 'c'].map((name) => ({ vm: vm(name) })));
    fake.calls.length = 0;
    const again = await run([{ vm: vm('b') }]);
    expect(stageOf(again, 'b')).toMatchObject({ stage: 'protected', jobId: 'job-b2' });
    expect(fake.traffic()).toEqual(['list', 'put b']);
  });

  it('polls an operation saved before a reload instead of sending it again', async () => {
    const fake = fakeGateway({});
    const { run } = harness(fake.gateway);
    const results = await run([{ vm: vm('r1'), resume: { entryId: 'saved-r1', operationUrl: 'https://arm/op/r1' } }]);
    expect(stageOf(results, 'r1')).toMatchObject({ stage: 'protected', jobId: 'job-r1' });
    expect(fake.traffic()).toEqual(['poll saved-r1']);
  });

  it('keeps polling a saved operation through transient poll failures, never re-sending', async () => {
    const fake = fakeGateway({
      r2: {
        follows: [
          { settled: false, error: throttled(1000) },
          { settled: true, result: { outcome: 'succeeded', jobId: 'job-r2' }, poll: { state: 'Succeeded', httpStatus: 200, retryAfterMs: 1000 } },
        ],
      },
    });
    const { run } = harness(fake.gateway);
    const results = await run([{ vm: vm('r2'), resume: { entryId: 'saved-r2', operationUrl: 'https://arm/op/r2' } }]);
    expect(stageOf(results, 'r2')).toMatchObject({ stage: 'protected', jobId: 'job-r2' });
    expect(fake.putsOf('r2')).toBe(0);
  });

  it('records a saved operation Azure no longer knows, then reads and writes the VM afresh', async () => {
    const fake = fakeGateway({ gone: { follows: [{ settled: false, error: { kind: 'notFound', status: 404, code: 'OperationNotFound', message: 'gone' } }] } });
    const { run, settled } = harness(fake.gateway);
    const results = await run([{ vm: vm('gone'), resume: { entryId: 'saved-gone', operationUrl: 'https://arm/op/gone' } }]);
    expect(settled['saved-gone']).toMatchObject({ outcome: 'unknown', code: 'OperationNotFound' });
    expect(fake.traffic()).toEqual(['poll saved-gone', 'get gone', 'put gone']);
    expect(stageOf(results, 'gone')).toMatchObject({ stage: 'protected' });
  });

  it('reports an operation that could not be followed to its end as still running', async () => {
    const network: AzureError = { kind: 'network', code: 'NetworkError', message: 'offline' };
    const fake = fakeGateway({ lost: { follows: [{ settled: false, error: network }] } });
    const { run } = harness(fake.gateway);
    const results = await run([{ vm: vm('lost'), resume: { entryId: 'saved-lost', operationUrl: 'https://arm/op/lost' } }]);
    expect(stageOf(results, 'lost')).toEqual({ stage: 'stillRunning', error: network });
    expect(fake.putsOf('lost')).toBe(0);
  });

  it('stops starting VMs once aborted', async () => {
    const controller = new AbortController();
    const fake = fakeGateway({});
    const { gateway } = fake;
    const wrapped: EnableGateway = {
      ...gateway,
      enableVmProtection: async (...args) => {
        controller.abort();
        return gateway.enableVmProtection(...args);
      },
    };
    const progress: VmProgress[] = [];
    const results = await runEnable(vault, policyId, [{ vm: vm('a') }, { vm: vm('b') }], {
      gateway: wrapped,
      concurrency: 1,
      onProgress: (_id, p) => progress.push(p),
      onUnchanged: () => undefined,
      settleEntry: () => undefined,
      signal: controller.signal,
      sleep: async () => undefined,
    });
    expect(fake.putsOf('b')).toBe(0);
    expect(stageOf(results, 'b')).toEqual({ stage: 'stopped' });
  });
});

describe('retry rules', () => {
  it('treats throttling, 5xx, network errors and conflicting operations as transient', () => {
    expect(isTransient(throttled())).toBe(true);
    expect(isTransient(unavailable)).toBe(true);
    expect(isTransient({ kind: 'network', code: 'NetworkError', message: '' })).toBe(true);
    expect(isTransient({ kind: 'validation', status: 400, code: 'BMSUserErrorConflictingProtectionOperation', message: '' })).toBe(true);
    expect(isTransient({ kind: 'forbidden', status: 403, code: 'AuthorizationFailed', message: '' })).toBe(false);
    expect(isTransient({ kind: 'unknown', status: 501, code: 'NotImplemented', message: '' })).toBe(false);
  });

  it('backs off exponentially with jitter, capped', () => {
    const options = { base: 2000, max: 30_000, random: () => 0.5 };
    expect([1, 2, 3, 4, 5].map((round) => retryDelayMs(unavailable, round, options))).toEqual([2000, 4000, 8000, 16000, 30000]);
    expect(retryDelayMs(unavailable, 1, { ...options, random: () => 0 })).toBe(1500);
  });
});
