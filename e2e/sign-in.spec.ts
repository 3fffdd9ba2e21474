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

test('signing in with no account chosen says so on the IdP page and puts the focus on the accounts', async ({ landing, idp }) => {
  await landing.goto();
  await landing.startSignIn();
  await idp.waitUntilShown();
  await idp.password.fill(DEMO_PASSWORD);
  await idp.signInButton.click();
  await expect(idp.error).toHaveText('Choose an account to sign in with.');
  await expect(idp.account(users.alice)).toBeFocused();
});

test('a user who cancels on the IdP page is back on the start page, told to sign in (not to sign out)', async ({ landing, idp }) => {
  await landing.goto();
  await landing.startSignIn();
  await idp.waitUntilShown();
  await idp.cancelButton.click();
  await expect(landing.heading).toBeVisible();
  await expect(landing.signInError).toContainText('You cancelled the sign-in, so you are not signed in. Choose Sign in to start again.');
  await expect(landing.signInError).not.toContainText('Sign out');
  await expect(landing.signInButton).toBeEnabled();
});
