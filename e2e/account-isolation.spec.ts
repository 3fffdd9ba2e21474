import { expect, subscriptions, test, users } from './fixtures.ts';

test('after sign-out, another account on the same browser sees none of the first account’s progress', async ({
  page,
  signIn,
  landing,
  shell,
  subscriptionStep,
  unavailableStep,
}) => {
  await signIn(users.alice);
  await subscriptionStep.choose(subscriptions.production.name);
  await subscriptionStep.next();
  await expect(unavailableStep.heading('Vault')).toBeVisible();

  await shell.signOut();
  await expect(landing.heading).toBeVisible();

  await signIn(users.ben);
  await expect(shell.banner).toContainText('Ben Backup');
  await expect(subscriptionStep.heading).toBeVisible();
  await expect(page).toHaveURL(/\/setup\/subscription$/);
  // Ben has roles on Contoso Production only.
  await expect(subscriptionStep.subscription(subscriptions.production.name)).not.toBeChecked();
  await expect(subscriptionStep.subscription(subscriptions.devTest.name)).toHaveCount(0);
  await expect(subscriptionStep.nextButton).toBeDisabled();
  await expect(shell.stepLink('Subscription')).not.toContainText(subscriptions.production.name);

  // Alice's own progress is still hers when she comes back.
  await shell.signOut();
  await signIn(users.alice);
  await expect(unavailableStep.heading('Vault')).toBeVisible();
});
