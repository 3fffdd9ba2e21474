import type { Page } from '@playwright/test';
import { expect, subscriptions, test, users } from './fixtures.ts';
import { EnableStep } from './pages/enable-step.ts';
import { HomePage } from './pages/home-page.ts';
import { LandingPage } from './pages/landing-page.ts';
import { WizardShell } from './pages/wizard-shell.ts';

const VMS = { 'app-linux-01': 'rg-apps', 'web-01': 'rg-web' } as const;
type VmName = keyof typeof VMS;
const NAMES = Object.keys(VMS) as VmName[];
const itemPath = (name: VmName) => `protectedItems/vm;iaasvmcontainerv2;${VMS[name]};${name}`;
const PROTECTED_ITEM_PUT = /\/protectedItems\/vm;iaasvmcontainerv2;/i;
const OPERATION_STATUS = /\/protectedItems\/vm;iaasvmcontainerv2;[^/]+\/operationsStatus\//i;

/** Signs the same account in on another tab of the same browser (tokens live per tab; progress is shared). */
async function signInOnAnotherTab(page: Page, upn: string) {
  const landing = new LandingPage(page);
  await landing.goto(upn);
  await landing.startSignIn();
  await expect(new WizardShell(page).banner).toContainText(upn);
}

test('reloading during "Enable" follows the operations in flight from their saved URLs and sends nothing twice', async ({
  page,
  reachEnableStep,
  enableStep,
  emulator,
}) => {
  test.setTimeout(120_000);
  await reachEnableStep(NAMES);
  await emulator.settings({ lroDelayMs: 8000 });

  await enableStep.enable();
  // Both writes accepted: their operation URLs are in the journal.
  for (const name of NAMES) await expect(enableStep.statusOf(name)).toContainText('Configuring');
  const pollsBefore = (await emulator.requestsMatching('GET', OPERATION_STATUS)).length;

  await page.reload();

  await expect(enableStep.heading).toBeVisible();
  for (const name of NAMES) await expect(enableStep.statusOf(name)).toContainText('Protected', { timeout: 30_000 });
  await expect(enableStep.nextButton).toBeEnabled();
  const puts = await emulator.requestsMatching('PUT', PROTECTED_ITEM_PUT);
  for (const name of NAMES) expect(puts.filter((r) => r.path.endsWith(itemPath(name))), `PUTs for ${name}`).toHaveLength(1);
  // After the reload the operations were polled, not re-sent.
  expect((await emulator.requestsMatching('GET', OPERATION_STATUS)).length).toBeGreaterThan(pollsBefore);
  for (const name of NAMES) await expect(enableStep.configureJobOf(name)).not.toHaveText('—');
});

test('closing the tab mid-run and opening the app again continues where it was, without re-sending', async ({
  page,
  context,
  reachEnableStep,
  enableStep,
  emulator,
}) => {
  test.setTimeout(120_000);
  await reachEnableStep(NAMES);
  await emulator.settings({ lroDelayMs: 8000 });
  await enableStep.enable();
  for (const name of NAMES) await expect(enableStep.statusOf(name)).toContainText('Configuring');

  await page.close();
  const reopened = await context.newPage();
  await signInOnAnotherTab(reopened, users.alice);
  const home = new HomePage(reopened);
  await expect(home.continueButton).toContainText('rsv-prod-weu');
  await expect(home.continueButton).toContainText('Enable');
  await home.continueButton.click();

  const again = new EnableStep(reopened);
  await expect(again.heading).toBeVisible();
  for (const name of NAMES) await expect(again.statusOf(name)).toContainText('Protected', { timeout: 30_000 });
  const puts = await emulator.requestsMatching('PUT', PROTECTED_ITEM_PUT);
  for (const name of NAMES) expect(puts.filter((r) => r.path.endsWith(itemPath(name))), `PUTs for ${name}`).toHaveLength(1);
});

test('two tabs: the second is read-only and says so, take over moves the write lock, and nothing is sent twice', async ({
  context,
  reachEnableStep,
  enableStep,
  emulator,
}) => {
  test.setTimeout(120_000);
  await reachEnableStep(NAMES);
  await expect(enableStep.enableButton).toBeEnabled();

  const second = await context.newPage();
  await signInOnAnotherTab(second, users.alice);
  await new HomePage(second).continueButton.click();
  const other = new EnableStep(second);
  await expect(other.heading).toBeVisible();
  await expect(other.anotherTabBanner).toContainText('This setup is open in another tab — changes are made there');
  await expect(other.enableButton).toBeDisabled();
  await expect(enableStep.anotherTabBanner).toHaveCount(0);

  await other.takeOverButton.click();

  await expect(other.anotherTabBanner).toHaveCount(0);
  await expect(other.enableButton).toBeEnabled();
  await expect(enableStep.anotherTabBanner).toBeVisible();
  await expect(enableStep.enableButton).toBeDisabled();

  await other.enable();
  for (const name of NAMES) await expect(other.statusOf(name)).toContainText('Protected', { timeout: 30_000 });
  // The read-only tab follows the saved progress.
  for (const name of NAMES) await expect(enableStep.statusOf(name)).toContainText('Protected');
  const puts = await emulator.requestsMatching('PUT', PROTECTED_ITEM_PUT);
  for (const name of NAMES) expect(puts.filter((r) => r.path.endsWith(itemPath(name))), `PUTs for ${name}`).toHaveLength(1);
});

test('closing the tab that holds the write lock hands it to the other tab, which sent nothing meanwhile', async ({ context, reachEnableStep, enableStep, emulator }) => {
  test.setTimeout(120_000);
  await reachEnableStep(NAMES);
  const second = await context.newPage();
  await signInOnAnotherTab(second, users.alice);
  await new HomePage(second).continueButton.click();
  const other = new EnableStep(second);
  await expect(other.anotherTabBanner).toBeVisible();
  await emulator.clearRequests();

  // Closing the tab that held the lock hands it to the one left.
  await enableStep.page.close();

  await expect(other.anotherTabBanner).toHaveCount(0);
  await expect(other.enableButton).toBeEnabled();
  expect(await emulator.requestsMatching('PUT', PROTECTED_ITEM_PUT)).toHaveLength(0);
});

test('a vault being created when the page reloads is followed from its saved operation URL, not created again', async ({
  page,
  signIn,
  subscriptionStep,
  vaultStep,
  emulator,
}) => {
  test.setTimeout(90_000);
  const vaultPath = `/subscriptions/${subscriptions.production.id}/resourceGroups/rg-resume/providers/Microsoft.RecoveryServices/vaults/rsv-resume`;
  await emulator.settings({ lroDelayMs: 8000 });
  await signIn(users.alice);
  await subscriptionStep.choose(subscriptions.production.name);
  await subscriptionStep.next();
  await vaultStep.startCreating();
  await vaultStep.name.fill('rsv-resume');
  await vaultStep.useNewResourceGroup('rg-resume');
  await vaultStep.expectFieldMessage(vaultStep.name, 'rsv-resume is available.');
  await vaultStep.reviewButton.click();
  await vaultStep.createButton.click();
  await expect(vaultStep.liveStatus).toHaveText(/operation in progress/);
  await emulator.clearRequests();

  await page.reload();

  // On start-up the journal's in-flight vault PUT is polled from its Azure-AsyncOperation URL…
  await expect
    .poll(async () => (await emulator.requestsMatching('GET', new RegExp(`${vaultPath}/operationStatus/`, 'i'))).length, { timeout: 20_000 })
    .toBeGreaterThan(0);
  // …until Azure reports it done; the PUT itself is never sent again.
  await expect
    .poll(async () => (await emulator.resource(vaultPath))?.['properties'], { timeout: 20_000 })
    .toMatchObject({ provisioningState: 'Succeeded' });
  expect(await emulator.requestsMatching('PUT', new RegExp(`${vaultPath}$`, 'i'))).toHaveLength(0);
});
