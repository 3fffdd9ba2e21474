import type { Locator, Page } from '@playwright/test';
import { expect, subscriptions, test, users } from './fixtures.ts';

/** Presses Tab until `target` has focus, failing if it is not reached: proves it is in the tab order. */
async function tabTo(page: Page, target: Locator, maxPresses = 40) {
  for (let presses = 0; presses < maxPresses; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('a keyboard-only user chooses a subscription and moves on', async ({
  page,
  signIn,
  shell,
  subscriptionStep,
  vaultStep,
}) => {
  await signIn(users.alice);
  await expect(subscriptionStep.subscription(subscriptions.devTest.name)).toBeVisible();

  // The skip link comes first and lands in the page content.
  await page.keyboard.press('Tab');
  await expect(shell.skipLink).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(shell.main).toBeFocused();

  // Tab enters the radio group on the first subscription; arrow keys move the choice.
  await tabTo(page, subscriptionStep.subscription(subscriptions.devTest.name));
  await page.keyboard.press('ArrowDown');
  await expect(subscriptionStep.subscription(subscriptions.production.name)).toBeChecked();
  await expect(subscriptionStep.subscription(subscriptions.production.name)).toBeFocused();

  await tabTo(page, subscriptionStep.nextButton);
  await page.keyboard.press('Enter');

  // Focus moves to the new page's heading so a screen reader announces it.
  await expect(vaultStep.heading).toBeFocused();
  await expect(shell.stepLink('Subscription')).toContainText(subscriptions.production.name);
});
