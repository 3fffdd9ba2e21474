import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, subscriptions, test, users } from './fixtures.ts';

/** Serious and critical axe violations, summarised so a failure says what and where. */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
}

test('the signed-out landing page has no serious accessibility violations', async ({ page, landing }) => {
  await landing.goto();
  await expect(landing.heading).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the IdP sign-in page has no serious accessibility violations', async ({ page, landing, idp }) => {
  await landing.goto();
  await landing.startSignIn();
  await idp.waitUntilShown();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the subscription step has no serious accessibility violations', async ({ page, signIn, subscriptionStep }) => {
  await signIn(users.alice);
  await expect(subscriptionStep.subscription(subscriptions.production.name)).toBeVisible();
  await subscriptionStep.choose(subscriptions.production.name);
  expect(await seriousViolations(page)).toEqual([]);
});

// Every step is built now, so the "not available yet" page is no longer reachable; the step after the
// subscription is checked here, and each step's spec checks its own states.
test('the step after the subscription has no serious accessibility violations', async ({
  page,
  signIn,
  subscriptionStep,
  vaultStep,
}) => {
  await signIn(users.alice);
  await subscriptionStep.choose(subscriptions.production.name);
  await subscriptionStep.next();
  await expect(vaultStep.vault('rsv-prod-weu')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
