import AxeBuilder from '@axe-core/playwright';
import { expect, subscriptions, test, users } from './fixtures.ts';

test('after a reload, the start page offers "Continue setup of …" and takes the user back where they were', async ({
  page,
  signIn,
  subscriptionStep,
  vaultStep,
  replicationStep,
  homePage,
}) => {
  await signIn(users.alice);
  await subscriptionStep.choose(subscriptions.production.name);
  await subscriptionStep.next();
  await vaultStep.useExisting.check();
  await vaultStep.choose('rsv-prod-weu');
  await vaultStep.next();
  await expect(replicationStep.heading).toBeVisible();

  await page.goto('/');
  await expect(homePage.heading).toBeVisible();
  const saved = /^Continue setup of rsv-prod-weu in westeurope — Replication, saved (just now|\d+ minutes? ago)$/;
  await expect(homePage.continueButton).toHaveText(saved);
  await page.reload();
  await expect(homePage.continueButton).toHaveText(saved);

  const axe = await new AxeBuilder({ page }).include('main').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

  await homePage.continueButton.click();
  await expect(replicationStep.heading).toBeVisible();
  await expect(page).toHaveURL(/\/setup\/replication$/);
});

test('a second account on the same browser sees nothing of the first one’s setup', async ({
  page,
  signIn,
  subscriptionStep,
  vaultStep,
  replicationStep,
  homePage,
  shell,
  landing,
}) => {
  await signIn(users.alice);
  await subscriptionStep.choose(subscriptions.production.name);
  await subscriptionStep.next();
  await vaultStep.useExisting.check();
  await vaultStep.choose('rsv-prod-weu');
  await vaultStep.next();
  await expect(replicationStep.heading).toBeVisible();
  await shell.signOut();
  await expect(landing.heading).toBeVisible();

  await signIn(users.ben);
  // Nothing saved for Ben: no start page, straight to the first step, with nothing chosen.
  await expect(subscriptionStep.heading).toBeVisible();
  await expect(page).toHaveURL(/\/setup\/subscription$/);
  await homePage.goto();
  await expect(homePage.heading).toBeVisible();
  await expect(homePage.continueButton).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Continue where you were' })).toHaveCount(0);
  await expect(shell.step('Vault')).not.toContainText('rsv-prod-weu');
  await shell.signOut();
  await expect(landing.heading).toBeVisible();

  // Alice's setup is still hers.
  await signIn(users.alice);
  await expect(homePage.continueButton).toHaveText(/^Continue setup of rsv-prod-weu in westeurope — Replication, saved /);
});

test('"Continue from an existing vault" derives the progress from Azure: replication, policy and protected VMs', async ({
  page,
  signIn,
  homePage,
  agentStep,
  shell,
  emulator,
}) => {
  await signIn(users.alice);
  await homePage.goto();
  await emulator.clearRequests();
  await homePage.continueFromVault(subscriptions.production.name, 'rsv-legacy-weu');
  await expect(homePage.derivedNotes).toHaveText([
    'Replication is Locked at geo-redundant storage (GRS).',
    'It protects 1 virtual machine; it is on policy legacy-nightly, which is chosen.',
  ]);
  // Reading the progress only reads.
  expect((await emulator.requests()).filter((r) => r.method !== 'GET')).toEqual([]);

  await homePage.useProgressButton.click();
  await expect(agentStep.heading).toBeVisible();
  await expect(shell.stepLink('Vault')).toContainText('rsv-legacy-weu');
  await expect(shell.stepLink('Policy')).toContainText('legacy-nightly');
  await expect(shell.stepLink('Virtual machines')).toContainText('1 VM selected');
  await expect(agentStep.page.getByText('protected-01', { exact: true })).toBeVisible();

  // The saved progress is now this vault's.
  await page.goto('/');
  // The agent step checked protected-01 on arrival, so the next step to finish is Network.
  await expect(homePage.continueButton).toHaveText(/^Continue setup of rsv-legacy-weu in westeurope — Network, saved just now$/);
});

test('after a region is done, "Set up the next region" starts a vault there with the same policy settings', async ({
  page,
  reachEnableStep,
  enableStep,
  homePage,
  vaultStep,
  replicationStep,
  goalStep,
  policyStep,
}) => {
  await reachEnableStep(['web-01']);
  await enableStep.enableButton.click();
  await expect(enableStep.statusOf('web-01')).toContainText('Protected', { timeout: 30_000 });

  await page.goto('/');
  await expect(page.getByRole('region', { name: 'rsv-prod-weu in westeurope is set up' })).toBeVisible();
  // The VMs left are in North Europe (2), East US and UK West.
  await expect(homePage.nextRegionButton('northeurope')).toBeVisible();
  await expect(page.getByText('2 virtual machines: neu-app-01, neu-linux-01')).toBeVisible();
  await homePage.nextRegionButton('northeurope').click();

  // A new vault in North Europe is next.
  await expect(vaultStep.heading).toBeVisible();
  await expect(vaultStep.createNew).toBeChecked();
  await expect(vaultStep.region).toHaveText(/^North Europe/);
  await homePage.goto();
  await expect(homePage.finishedRegions).toContainText('rsv-prod-weu in westeurope: 1 virtual machine with policy DefaultPolicy, finished just now');
  await expect(homePage.continueButton).toHaveText(/^Continue the setup in northeurope — Vault, saved just now$/);
  await homePage.continueButton.click();

  await vaultStep.name.fill('rsv-e2e-neu');
  await vaultStep.chooseExistingResourceGroup('rg-dr-neu');
  await vaultStep.reviewButton.click();
  await vaultStep.createButton.click();
  await expect(vaultStep.notice).toContainText('Vault rsv-e2e-neu was created', { timeout: 20_000 });
  await vaultStep.next();
  await replicationStep.save();
  await expect(replicationStep.savedTitle).toBeVisible();
  await replicationStep.nextButton.click();
  await goalStep.confirm();

  // The policy settings came along (a policy belongs to its vault, so as a new policy to create here).
  await expect(policyStep.form).toBeVisible();
  await expect(policyStep.name).toHaveValue('DefaultPolicy');
  await expect(policyStep.dailyCount).toHaveValue('30');
  await expect(policyStep.instantRestore).toHaveValue('2');
});
