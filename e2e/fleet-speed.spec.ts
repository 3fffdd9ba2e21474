import type { Page } from '@playwright/test';
import { expect, subscriptions, test, users } from './fixtures.ts';

/*
 * Fleet scale in the browser: a generated tenant with about a thousand VMs next to the vault
 * (POST /_emulator/fixture; seed 1 with 4,200 VMs puts ~1,040 in Contoso Production's westeurope, ~670 of them ready), every
 * ready one selected and enabled. A PerformanceObserver records the main thread's long tasks (> 50 ms) from
 * the first paint; the spec prints them per phase and asserts on the Enable run, the part this spec guards
 * (the VMs, agent and network steps are reported, not asserted).
 */

const TENANT_VMS = 4200;
const VAULT = 'rsv-westeurope';
/** Opt-in (FLEET_SPEED=1): it runs for minutes. FLEET_SEARCH narrows the selection by name, e.g. "vm-01" (~160 VMs). */
const ENABLED = process.env['FLEET_SPEED'] === '1';
const SEARCH = process.env['FLEET_SEARCH'] ?? '';
const MIN_SELECTED = SEARCH ? 100 : 600;

type LongTask = { start: number; duration: number };

declare global {
  interface Window {
    __longTasks?: LongTask[];
  }
}

/** Installed before any script of the page runs, so nothing is missed; kept per page load. */
function observeLongTasks() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks?.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
}

const now = (page: Page) => page.evaluate(() => performance.now());
const tasksBetween = async (page: Page, from: number, to: number) =>
  (await page.evaluate(() => window.__longTasks ?? [])).filter((task) => task.start >= from && task.start < to);

function figures(name: string, tasks: readonly LongTask[], ms: number) {
  const total = tasks.reduce((sum, task) => sum + task.duration, 0);
  const longest = tasks.reduce((max, task) => Math.max(max, task.duration), 0);
  return { phase: name, ms: Math.round(ms), longTasks: tasks.length, longestMs: Math.round(longest), longTaskMs: Math.round(total) };
}

test('a thousand VMs are enabled without freezing the page', async ({ page, emulator, signIn, subscriptionStep, vaultStep, replicationStep, goalStep, policyStep, vmsStep, agentStep, networkStep, reviewStep, enableStep }) => {
  test.skip(!ENABLED, 'Opt-in: FLEET_SPEED=1 (minutes: the agent and network steps check every VM).');
  // Slow by nature: the VMs, agent and network steps read each of ~700 VMs; Enable then writes each one.
  test.setTimeout(600_000);
  const loaded = await emulator.loadGeneratedTenant(TENANT_VMS);
  expect(loaded.virtualMachines).toBe(TENANT_VMS);
  // The spec measures the page, not ARM's budget (the bench does that): throttling is lifted, operations quick.
  await emulator.settings({ lroDelayMs: 50, throttle: { readCapacity: 1_000_000, writeCapacity: 1_000_000 } });
  await page.addInitScript(observeLongTasks);

  await signIn(users.alice);
  await subscriptionStep.choose(subscriptions.production.name);
  await subscriptionStep.next();
  await vaultStep.useExisting.check();
  await vaultStep.choose(VAULT);
  await vaultStep.next();
  // The generated vault already protects items, so its replication is locked: keep it.
  await replicationStep.keepButton.click();
  await replicationStep.nextButton.click();
  await expect(goalStep.heading).toBeVisible();
  await goalStep.confirm();
  await policyStep.policy('DefaultPolicy').check();
  await policyStep.nextButton.click();
  await expect(vmsStep.heading).toBeVisible();

  const phases: ReturnType<typeof figures>[] = [];
  const measure = async (name: string, run: () => Promise<void>) => {
    const from = await now(page);
    await run();
    const to = await now(page);
    const measured = figures(name, await tasksBetween(page, from, to), to - from);
    phases.push(measured);
    console.log(`fleet-speed ${JSON.stringify(measured)}`); // as it goes: a later phase may time out
    return measured;
  };

  await measure('discover VMs', async () => {
    await vmsStep.discoverButton.click();
    await expect(vmsStep.grid).toBeVisible({ timeout: 240_000 });
  });
  let selected = 0;
  await measure('select the ready VMs', async () => {
    await vmsStep.showOnly('Ready');
    if (SEARCH) await vmsStep.search.fill(SEARCH);
    await vmsStep.selectAllButton.click();
    selected = Number(/(\d+) virtual machines selected/.exec((await vmsStep.selectedCount.textContent()) ?? '')?.[1] ?? 0);
  });
  expect(selected, 'VMs selected').toBeGreaterThan(MIN_SELECTED);
  await measure('agent checks', async () => {
    await vmsStep.nextButton.click();
    await expect(agentStep.status).toHaveText(/^Checked /, { timeout: 180_000 });
  });
  await measure('network checks', async () => {
    await agentStep.nextButton.click();
    await expect(networkStep.nextButton).toBeEnabled({ timeout: 180_000 });
  });
  await networkStep.nextButton.click();
  await expect(reviewStep.nextButton).toBeEnabled({ timeout: 60_000 });
  await reviewStep.nextButton.click();
  await expect(enableStep.heading).toBeVisible();

  const enable = await measure('enable', async () => {
    await enableStep.enable();
    await expect(enableStep.status).toHaveText(`Backup is enabled for all ${selected} virtual machines.`, { timeout: 240_000 });
  });

  console.log(`fleet-speed: ${selected} VMs selected`);
  test.info().annotations.push({ type: 'long tasks', description: JSON.stringify(phases) });
  // Regression guard on the Enable run: no long task over 50 ms would be the ideal; on a shared 2-core CI
  // machine the browser is preempted, so the bound is the longest task we accept, and the total.
  expect(enable?.longestMs, 'longest task during Enable (ms)').toBeLessThan(200);
});
