import { DEMO_PASSWORD, expect, subscriptions, test, users } from './fixtures.ts';

test('a user signs in on the IdP page, chooses a subscription, and finds it again after a reload', async ({
  page,
  landing,
  idp,
  shell,
  subscriptionStep,
  unavailableStep,
}) => {
  await landing.goto();
  await expect(landing.heading).toBeVisible();
  await landing.startSignIn();

  await idp.waitUntilShown();
  await idp.signInAs(users.alice, DEMO_PASSWORD);

  // Back in the app, a new user starts at the first unfinished step.
  await expect(subscriptionStep.heading).toBeVisible();
  await expect(page).toHaveURL(/\/setup\/subscription$/);
  await expect(shell.banner).toContainText('Alice Admin');
  await expect(shell.banner).toContainText(users.alice);
  await expect(shell.stepLink('Subscription')).toHaveAttribute('aria-current', 'step');

  await expect(subscriptionStep.subscription(subscriptions.production.name)).toBeVisible();
  await expect(subscriptionStep.subscription(subscriptions.devTest.name)).toBeVisible();
  await expect(subscriptionStep.row(subscriptions.production.name)).toContainText(subscriptions.production.id);
  await expect(subscriptionStep.row(subscriptions.production.name)).toContainText('Enabled');
  await expect(subscriptionStep.nextButton).toBeDisabled();

  await subscriptionStep.choose(subscriptions.production.name);
  await page.reload();

  await expect(subscriptionStep.heading).toBeVisible();
  await expect(page).toHaveURL(/\/setup\/subscription$/);
  await expect(subscriptionStep.subscription(subscriptions.production.name)).toBeChecked();

  await subscriptionStep.next();
  await expect(unavailableStep.heading('Vault')).toBeVisible();
  await expect(page).toHaveURL(/\/setup\/vault$/);
  await page.reload();

  await expect(unavailableStep.heading('Vault')).toBeVisible();
  await expect(shell.stepLink('Subscription')).toContainText(subscriptions.production.name);
});

test('a step whose earlier steps are unfinished sends the user back to the first of them', async ({
  page,
  signIn,
  subscriptionStep,
}) => {
  await signIn(users.alice);
  await page.goto('/setup/policy');
  await expect(subscriptionStep.heading).toBeVisible();
  await expect(page).toHaveURL(/\/setup\/subscription$/);
});
