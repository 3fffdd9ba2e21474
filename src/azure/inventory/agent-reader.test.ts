import { describe, expect, it } from 'vitest';
import { createReadBudget } from '../rate-budget.ts';
import { createAgentReader, type AgentProgress } from './agent-reader.ts';
import type { AgentReadResult } from './fleet-rows.ts';
import { FakeClock, simulatedArm } from './pacing.fixture.ts';

const SUB_A = '11111111-1111-4111-8111-111111111111';
const SUB_B = '22222222-2222-4222-8222-222222222222';
const vmIds = (sub: string, n: number) => Array.from({ length: n }, (_, i) => `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm-${i}`);
const LATENCY = 50;
/** The floor for n reads of one subscription: the bucket's 250, then 25 a second, plus a round trip. */
const floorMs = (n: number) => (Math.max(0, n - 250) / 25) * 1000 + LATENCY;

function setup() {
  const clock = new FakeClock();
  const budget = createReadBudget({ clock });
  const arm = simulatedArm(clock, budget, LATENCY);
  const order: string[] = [];
  const read = async (vmId: string) => {
    await arm.read(vmId.split('/')[2] ?? '');
    order.push(vmId);
    return { statuses: [{ code: 'PowerState/running' }] };
  };
  return { clock, budget, arm, order, read };
}

describe('the agent reader against a simulated ARM read bucket (fake clock)', () => {
  it('reads 1,200 VMs of one subscription within 1.15 × the bucket floor, without a single 429', async () => {
    const { clock, budget, arm, read } = setup();
    const batches: AgentReadResult[][] = [];
    const progress: AgentProgress[] = [];
    const reader = createAgentReader(vmIds(SUB_A, 1200), { budget, read, clock, onBatch: (b) => batches.push(b), onProgress: (p) => progress.push(p) });
    const summary = await clock.run(reader.done);
    expect(summary).toEqual({ read: 1200, gone: 0, failed: 0, throttled: 0, cancelled: false });
    expect(arm.stats).toEqual({ sent: 1200, throttled: 0 });
    expect(clock.now()).toBeLessThanOrEqual(1.15 * floorMs(1200));
    // Batches, not one callback per VM; every VM exactly once.
    expect(batches.length).toBeLessThan(400);
    expect(new Set(batches.flat().map((r) => r.vmId)).size).toBe(1200);
    expect(progress.at(-1)).toMatchObject({ read: 1200, total: 1200, etaMs: 0 });
  });

  it('gives a first ETA close to what the bucket allows, and the allowed rate', async () => {
    const { clock, budget, read } = setup();
    const progress: AgentProgress[] = [];
    const reader = createAgentReader(vmIds(SUB_A, 1200), { budget, read, clock, onProgress: (p) => progress.push(p) });
    await clock.run(reader.done);
    const early = progress.find((p) => p.read > 300);
    expect(early?.ratePerSecond).toBe(25);
    // What is left beyond the bucket, at 25 a second.
    expect(early?.etaMs).toBeGreaterThan(((1200 - (early?.read ?? 0) - 30) / 25) * 1000);
    expect(early?.etaMs).toBeLessThan(((1200 - (early?.read ?? 0)) / 25) * 1000 + 2000);
  });

  it('reads two subscriptions side by side: each has its own bucket', async () => {
    const { clock, budget, arm, read } = setup();
    const reader = createAgentReader([...vmIds(SUB_A, 600), ...vmIds(SUB_B, 600)], { budget, read, clock });
    const summary = await clock.run(reader.done);
    expect(summary.read).toBe(1200);
    expect(arm.stats.throttled).toBe(0);
    expect(clock.now()).toBeLessThanOrEqual(1.15 * floorMs(600));
  });

  it('takes a 429 caused by another client as a pause, not a failure', async () => {
    const { clock, budget, arm, read } = setup();
    const reader = createAgentReader(vmIds(SUB_A, 400), { budget, read, clock });
    // Another tool empties the bucket behind the reader's back.
    void clock.sleep(200).then(() => {
      for (let i = 0; i < 300; i++) arm.takeDirectly(SUB_A);
    });
    const summary = await clock.run(reader.done);
    expect(summary.read).toBe(400);
    expect(summary.failed).toBe(0);
    expect(summary.throttled).toBeGreaterThan(0);
    expect(summary.throttled).toBeLessThan(20);
  });

  it('reads prioritised VMs first, the latest prioritisation before earlier ones', async () => {
    const { clock, budget, order, read } = setup();
    const ids = vmIds(SUB_A, 600);
    const reader = createAgentReader(ids, { budget, read, clock, maxInFlightPerSubscription: 4 });
    reader.prioritize([ids[500] ?? '', ids[501] ?? '']);
    reader.prioritize([ids[599] ?? '']);
    await clock.run(reader.done);
    expect(order.slice(0, 3)).toEqual([ids[599], ids[500], ids[501]]);
    // The same order given at creation (the gateway hands the reader over only after its first sends).
    const given = setup();
    const withFirst = createAgentReader(ids, { budget: given.budget, read: given.read, clock: given.clock, maxInFlightPerSubscription: 4, first: [ids[599] ?? '', ids[500] ?? ''] });
    await given.clock.run(withFirst.done);
    expect(given.order.slice(0, 3)).toEqual([ids[599], ids[500], ids[0]]);
    // Visible rows chosen while the burst is over still jump the queue.
    const clock2 = setup();
    const reader2 = createAgentReader(ids, { budget: clock2.budget, read: clock2.read, clock: clock2.clock });
    void clock2.clock.sleep(6_000).then(() => reader2.prioritize([ids[598] ?? '', ids[597] ?? '']));
    await clock2.clock.run(reader2.done);
    const at = clock2.order.indexOf(ids[598] ?? '');
    // About 400 are read after 6 s (the bucket's 250, then 25 a second).
    expect(at).toBeLessThan(clock2.order.indexOf(ids[450] ?? ''));
    expect(clock2.order.indexOf(ids[597] ?? '')).toBe(at + 1);
  });

  it('reports a VM deleted since the inventory as gone and a failed read as failed, and goes on', async () => {
    const { clock, budget, read } = setup();
    const ids = vmIds(SUB_A, 10);
    const results: AgentReadResult[] = [];
    const reader = createAgentReader(ids, {
      budget,
      clock,
      onBatch: (b) => results.push(...b),
      read: async (id) => {
        if (id === ids[3]) return null;
        if (id === ids[4]) throw Object.assign(new Error('boom'), { name: 'RestError', statusCode: 500 });
        return read(id);
      },
    });
    const summary = await clock.run(reader.done);
    expect(summary).toMatchObject({ read: 8, gone: 1, failed: 1 });
    expect(results.find((r) => r.vmId === ids[3])?.outcome).toBe('gone');
    expect(results.find((r) => r.vmId === ids[4])).toMatchObject({ outcome: 'failed', error: 'boom' });
  });

  it('stops when cancelled', async () => {
    const { clock, budget, read } = setup();
    const reader = createAgentReader(vmIds(SUB_A, 1200), { budget, read, clock });
    void clock.sleep(3000).then(() => reader.cancel());
    const summary = await clock.run(reader.done);
    expect(summary.cancelled).toBe(true);
    expect(summary.read).toBeLessThan(400);
    expect(clock.now()).toBeLessThan(4000);
  });
});
