import { createHttpHeaders, createPipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import { describe, expect, it } from 'vitest';
import { FakeClock } from './inventory/pacing.fixture.ts';
import { budgetKeyOf, createReadBudget } from './rate-budget.ts';
import { readBudgetPolicy } from './read-budget-policy.ts';

const SUB = '8c6b1f3e-2a4d-4f5b-9e7c-0a1b2c3d4e5f';

describe('the read budget', () => {
  it('keys requests by subscription, lower case, else the tenant', () => {
    expect(budgetKeyOf(`https://x/arm/subscriptions/${SUB.toUpperCase()}/providers/Microsoft.Compute/virtualMachines?api-version=1`)).toBe(SUB);
    expect(budgetKeyOf('https://x/arm/providers/Microsoft.ResourceGraph/resources')).toBe('tenant');
  });

  it('probes with a few reads until the first header, then spends what the header says, keeping a reserve', () => {
    const clock = new FakeClock();
    const budget = createReadBudget({ clock, probeConcurrency: 2, reserve: 2 });
    expect(budget.tryAcquire(SUB)).toBe(true);
    expect(budget.tryAcquire(SUB)).toBe(true);
    expect(budget.tryAcquire(SUB)).toBe(false);
    budget.sent(SUB);
    budget.sent(SUB);
    budget.answered(SUB, { remaining: 6 });
    // 6 left, one still in flight, 2 kept back: 3 may go.
    expect([1, 2, 3, 4].map(() => budget.tryAcquire(SUB))).toEqual([true, true, true, false]);
    expect(budget.waitMs(SUB)).toBe(40);
  });

  it('refills at ARM’s rate and stops everything for a 429’s Retry-After', async () => {
    const clock = new FakeClock();
    const budget = createReadBudget({ clock, reserve: 0 });
    budget.sent(SUB);
    budget.answered(SUB, { remaining: 0 });
    expect(budget.tryAcquire(SUB)).toBe(false);
    await clock.run(clock.sleep(80));
    expect(budget.available(SUB)).toBe(2);
    budget.sent(SUB);
    budget.answered(SUB, { throttledForMs: 1000 });
    expect(budget.tryAcquire(SUB)).toBe(false);
    expect(budget.waitMs(SUB)).toBe(1000);
  });

  it('is fed by the pipeline policy from each answer, 429s included', async () => {
    const budget = createReadBudget({ clock: new FakeClock() });
    const policy = readBudgetPolicy(budget);
    const answer = (status: number, headers: Record<string, string>) => async (): Promise<PipelineResponse> => ({
      status,
      headers: createHttpHeaders(headers),
      request: createPipelineRequest({ url: '' }),
    });
    const get = createPipelineRequest({ url: `https://x/arm/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm/instanceView`, method: 'GET' });
    await policy.sendRequest(get, answer(200, { 'x-ms-ratelimit-remaining-subscription-reads': '120' }));
    expect(budget.available(SUB)).toBe(118);
    await policy.sendRequest(get, answer(429, { 'retry-after': '3' }));
    expect(budget.waitMs(SUB)).toBe(3000);
    // Writes are the speed helper's budget, not this one.
    const put = createPipelineRequest({ url: get.url, method: 'PUT' });
    await policy.sendRequest(put, answer(200, {}));
    expect(budget.inFlight(SUB)).toBe(0);
  });
});
