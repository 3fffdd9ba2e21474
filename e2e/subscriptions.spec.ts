import { expect, subscriptions, test, users } from './fixtures.ts';

test('a user without any role is told why there is no subscription to choose', async ({ signIn, subscriptionStep }) => {
  await signIn(users.nora);
  await expect(subscriptionStep.noSubscriptions).toBeVisible();
  await expect(subscriptionStep.noSubscriptions).toContainText('ask an administrator for a role such as Reader or Backup Contributor');
  await expect(subscriptionStep.subscriptions).toHaveCount(0);
  await expect(subscriptionStep.nextButton).toBeDisabled();
});

test('a failed ARM call shows its code, message and request ID, and Retry recovers', async ({
  emulator,
  signIn,
  subscriptionStep,
}) => {
  // Four failures: the SDK retries a 5xx three times before giving up.
  await emulator.injectFault({
    method: 'GET',
    path: '/subscriptions',
    status: 500,
    count: 4,
    code: 'InternalServerError',
    message: 'Injected',
  });
  await signIn(users.alice);

  await expect(subscriptionStep.error).toBeVisible({ timeout: 30_000 });
  await expect(subscriptionStep.error).toContainText('InternalServerError');
  await expect(subscriptionStep.error).toContainText('Injected');
  await expect(subscriptionStep.error).toContainText('Request ID');
  const failed = (await emulator.requests()).filter((r) => r.method === 'GET' && r.status === 500);
  expect(failed).toHaveLength(4);
  const lastRequestId = failed.at(-1)?.requestId;
  expect(lastRequestId).toBeTruthy();
  await expect(subscriptionStep.error).toContainText(lastRequestId ?? 'missing');
  await expect(subscriptionStep.error).toContainText('contact Azure support with the request ID');

  await subscriptionStep.retryButton.click();
  await expect(subscriptionStep.subscription(subscriptions.production.name)).toBeVisible();
  await expect(subscriptionStep.error).toHaveCount(0);
});
