import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, subscriptions, test, users, type EmulatorControls } from './fixtures.ts';
import type { SubscriptionStep } from './pages/subscription-step.ts';
import type { VaultStep } from './pages/vault-step.ts';

const PROD = subscriptions.production.id;
const vaultPut = (rg: string, name: string) => new RegExp(`/subscriptions/${PROD}/resourceGroups/${rg}/providers/Microsoft\\.RecoveryServices/vaults/${name}$`, 'i');
const anyVaultPut = /\/providers\/Microsoft\.RecoveryServices\/vaults\/[^/]+$/i;
const nameChecks = /\/checkNameAvailability$/i;
/** The security sections every new vault body carries: Azure's defaults, written out. */
const AZURE_DEFAULTS = {
  publicNetworkAccess: 'Enabled',
  securitySettings: { softDeleteSettings: { softDeleteState: 'Enabled', softDeleteRetentionPeriodInDays: 14 }, immutabilitySettings: { state: 'Disabled' } },
  restoreSettings: { crossSubscriptionRestoreSettings: { crossSubscriptionRestoreState: 'Enabled' } },
  monitoringSettings: { azureMonitorAlertSettings: { alertsForAllJobFailures: 'Enabled' } },
};

async function openVaultStep(signIn: (upn: string) => Promise<void>, subscriptionStep: SubscriptionStep, vaultStep: VaultStep, upn: string = users.alice) {
  await signIn(upn);
  await subscriptionStep.choose(subscriptions.production.name);
  await subscriptionStep.next();
  await expect(vaultStep.heading).toBeVisible();
}

async function writes(emulator: EmulatorControls) {
  return (await emulator.requests()).filter((r) => r.method !== 'GET');
}

test('Alice creates a vault in a new resource group in West Europe, watches it being created, then sets LRS and sees it read back', async ({
  emulator,
  signIn,
  subscriptionStep,
  vaultStep,
  replicationStep,
  shell,
}) => {
  // Long enough to see the operation in progress; the SDK polls every second (Retry-After).
  await emulator.settings({ lroDelayMs: 2500 });
  await openVaultStep(signIn, subscriptionStep, vaultStep);
  await expect(vaultStep.regionGuidance).toBeVisible();
  await vaultStep.startCreating();

  // West Europe holds most of Contoso Production's VMs, so it is the default.
  await expect(vaultStep.region).toHaveText(/West Europe · \d+ VMs/);
  await vaultStep.name.fill('rsv-e2e-weu');
  await vaultStep.useNewResourceGroup('rg-e2e-backup');
  await vaultStep.addTag('env', 'test');
  await vaultStep.expectFieldMessage(vaultStep.name, 'rsv-e2e-weu is available.');
  await vaultStep.reviewButton.click();

  // The review shows exactly the two PUTs, in order.
  await expect(vaultStep.requestsToSend.getByRole('listitem')).toHaveCount(2);
  await expect(vaultStep.requestsToSend.getByRole('listitem').first()).toContainText(`PUT /subscriptions/${PROD}/resourcegroups/rg-e2e-backup?api-version=`);
  const rgBody = await vaultStep.previewedBody(1);
  const vaultBody = await vaultStep.previewedBody(2);
  expect(rgBody).toEqual({ location: 'westeurope' });
  expect(vaultBody).toEqual({ location: 'westeurope', sku: { name: 'Standard' }, properties: AZURE_DEFAULTS, tags: { env: 'test' } });

  await emulator.clearRequests();
  await vaultStep.createButton.click();
  await expect(vaultStep.progress).toBeVisible();
  await expect(vaultStep.progress).toHaveAccessibleDescription(/Azure is creating vault rsv-e2e-weu: operation in progress/);
  await expect(vaultStep.liveStatus).toHaveText(/operation in progress/);
  // While it runs the button can't send again, even if clicked.
  await expect(vaultStep.creatingButton).toBeDisabled();
  await vaultStep.creatingButton.dispatchEvent('click');
  await expect(vaultStep.notice).toContainText('Vault rsv-e2e-weu was created in resource group rg-e2e-backup (West Europe)', { timeout: 20_000 });

  // What was sent is what the review showed, once each.
  const sent = await writes(emulator);
  expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([
    `PUT /subscriptions/${PROD}/resourcegroups/rg-e2e-backup`,
    `PUT /subscriptions/${PROD}/resourceGroups/rg-e2e-backup/providers/Microsoft.RecoveryServices/vaults/rsv-e2e-weu`,
  ]);
  expect(sent[0]?.body).toEqual(rgBody);
  expect(sent[1]?.body).toEqual(vaultBody);
  // Get before put: the vault was read (404) before anything was written.
  const log = await emulator.requests();
  const firstGet = log.findIndex((r) => r.method === 'GET' && vaultPut('rg-e2e-backup', 'rsv-e2e-weu').test(r.path));
  const firstPut = log.findIndex((r) => r.method === 'PUT');
  expect(firstGet).toBeGreaterThanOrEqual(0);
  expect(firstGet).toBeLessThan(firstPut);
  expect(log.filter((r) => /operationStatus/i.test(r.path)).length).toBeGreaterThanOrEqual(2);

  // The new vault is chosen and listed.
  await expect(vaultStep.vault('rsv-e2e-weu')).toBeChecked();
  await expect(shell.stepLink('Vault')).toContainText('rsv-e2e-weu');
  await vaultStep.next();

  await expect(replicationStep.heading).toBeVisible();
  await expect(replicationStep.geoRedundant).toBeChecked();
  await replicationStep.locallyRedundant.check();
  await expect(replicationStep.crossRegionRestore).toBeDisabled();
  await emulator.clearRequests();
  await replicationStep.save();
  await expect(replicationStep.savedTitle).toBeVisible();
  await expect(replicationStep.readBack).toHaveText('Azure now reports: Locally redundant, cross-region restore off.');
  const patches = await emulator.requestsMatching('PATCH', /backupstorageconfig\/vaultstorageconfig$/i);
  expect(patches).toHaveLength(1);
  expect(patches[0]?.status).toBe(204);
  expect(patches[0]?.body).toEqual({ properties: { storageModelType: 'LocallyRedundant', storageType: 'LocallyRedundant', crossRegionRestoreFlag: false } });
  // Read back after the write.
  const log2 = await emulator.requests();
  expect(log2.findLastIndex((r) => r.method === 'GET' && /vaultstorageconfig$/i.test(r.path))).toBeGreaterThan(
    log2.findIndex((r) => r.method === 'PATCH'),
  );
  await expect(shell.stepLink('Replication')).toContainText('Locally redundant');
  await expect(replicationStep.nextButton).toBeEnabled();
});

test('every invalid input says what is wrong and sends nothing', async ({ emulator, signIn, subscriptionStep, vaultStep }) => {
  await openVaultStep(signIn, subscriptionStep, vaultStep);
  await vaultStep.startCreating();
  await vaultStep.chooseExistingResourceGroup('rg-backup');
  await emulator.clearRequests();

  const cases: [string, string][] = [
    ['a', 'Use 2 to 50 characters (this has 1).'],
    ['1vault', 'Start the name with a letter.'],
    ['vault_01', 'Use only letters, digits and hyphens (-).'],
  ];
  for (const [name, message] of cases) {
    await vaultStep.name.fill(name);
    await vaultStep.expectFieldMessage(vaultStep.name, message);
    await expect(vaultStep.name).toHaveAttribute('aria-invalid', 'true');
  }
  await vaultStep.useNewResourceGroup('rg/bad');
  await vaultStep.expectFieldMessage(vaultStep.newResourceGroup, 'Use only letters, digits, underscores (_), hyphens (-), periods (.) and parentheses.');
  await vaultStep.addTag('owner/team', 'x');
  await vaultStep.expectFieldMessage(vaultStep.tagName(1), 'A tag name cannot contain < > % & \\ ? or /.');

  await vaultStep.reviewButton.click();
  await expect(vaultStep.nothingSent).toBeVisible();
  await expect(vaultStep.name).toBeFocused();
  await expect(vaultStep.review).toHaveCount(0);

  // Longer than the debounce: a locally invalid name is never checked, and nothing at all is written.
  await vaultStep.page.waitForTimeout(1000);
  expect(await emulator.requestsMatching('POST', nameChecks)).toEqual([]);
  expect(await writes(emulator)).toEqual([]);
});

test('a name taken elsewhere in the subscription says where it is', async ({ emulator, signIn, subscriptionStep, vaultStep }) => {
  await openVaultStep(signIn, subscriptionStep, vaultStep);
  await vaultStep.startCreating();
  await vaultStep.chooseExistingResourceGroup('rg-web');
  await vaultStep.name.fill('rsv-legacy-weu');
  await vaultStep.expectFieldMessage(
    vaultStep.name,
    'A vault named rsv-legacy-weu already exists in resource group rg-backup-legacy (West Europe). Vault names are unique in a subscription: choose another name.',
  );
  await vaultStep.reviewButton.click();
  await expect(vaultStep.nothingSent).toBeVisible();
  expect(await emulator.requestsMatching('POST', nameChecks)).toHaveLength(1);
  expect(await writes(emulator).then((w) => w.filter((r) => r.method !== 'POST'))).toEqual([]);
});

test('a vault with the same name in the same group and region is offered for reuse, never created again', async ({
  emulator,
  signIn,
  subscriptionStep,
  vaultStep,
  shell,
}) => {
  await openVaultStep(signIn, subscriptionStep, vaultStep);
  await vaultStep.startCreating();
  await vaultStep.chooseExistingResourceGroup('rg-backup');
  await vaultStep.name.fill('rsv-prod-weu');
  await expect(vaultStep.useButton('rsv-prod-weu')).toBeVisible();

  // Going on to create anyway: "Create" reads the vault first and offers it instead.
  await vaultStep.reviewButton.click();
  await vaultStep.createButton.click();
  await expect(vaultStep.review).toContainText('rsv-prod-weu already exists');
  await vaultStep.useButton('rsv-prod-weu').click();
  await expect(vaultStep.notice).toContainText('Using the existing vault rsv-prod-weu');
  await expect(vaultStep.vault('rsv-prod-weu')).toBeChecked();
  await expect(shell.stepLink('Vault')).toContainText('rsv-prod-weu');
  expect(await emulator.requestsMatching('PUT', anyVaultPut)).toEqual([]);
});

test('Rita (Reader) trying to create a vault is told which permission she lacks, with the code and request ID', async ({
  emulator,
  signIn,
  subscriptionStep,
  vaultStep,
}) => {
  await openVaultStep(signIn, subscriptionStep, vaultStep, users.rita);
  await vaultStep.startCreating();
  await vaultStep.name.fill('rsv-rita');
  await vaultStep.chooseExistingResourceGroup('rg-backup');
  await vaultStep.reviewButton.click();
  await vaultStep.createButton.click();

  await expect(vaultStep.createError).toBeVisible();
  const refused = await emulator.requestsMatching('PUT', vaultPut('rg-backup', 'rsv-rita'));
  expect(refused).toHaveLength(1);
  expect(refused[0]?.status).toBe(403);
  await expect(vaultStep.createError).toContainText(
    `You lack permission Microsoft.RecoveryServices/Vaults/write on scope /subscriptions/${PROD}/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-rita.`,
  );
  await expect(vaultStep.createError).toContainText('Backup Contributor or Contributor on the resource group rg-backup');
  await expect(vaultStep.createError).toContainText('AuthorizationFailed');
  await expect(vaultStep.createError).toContainText(refused[0]?.requestId ?? 'missing request id');
  await expect(vaultStep.nextButton).toBeDisabled();
});

test('a reload in the middle of the form keeps everything typed', async ({ page, signIn, subscriptionStep, vaultStep }) => {
  await openVaultStep(signIn, subscriptionStep, vaultStep);
  await vaultStep.startCreating();
  await vaultStep.name.fill('rsv-half-done');
  await vaultStep.useNewResourceGroup('rg-half-done');
  await vaultStep.chooseRegion('North Europe');
  await vaultStep.addTag('cost-center', '42');

  await page.reload();
  await expect(vaultStep.form).toBeVisible();
  await expect(vaultStep.name).toHaveValue('rsv-half-done');
  await expect(vaultStep.newResourceGroupOption).toBeChecked();
  await expect(vaultStep.newResourceGroup).toHaveValue('rg-half-done');
  await expect(vaultStep.region).toHaveText(/North Europe/);
  await expect(vaultStep.tagName(1)).toHaveValue('cost-center');
  await expect(vaultStep.tagValue(1)).toHaveValue('42');
});

test('a subscription where Microsoft.RecoveryServices is not registered says so and registers it on request', async ({
  emulator,
  signIn,
  subscriptionStep,
  vaultStep,
}) => {
  await signIn(users.alice);
  await subscriptionStep.choose(subscriptions.devTest.name);
  await subscriptionStep.next();
  await vaultStep.startCreating();
  await expect(vaultStep.providerWarning).toBeVisible();
  await vaultStep.registerProviderButton.click();
  await expect(vaultStep.providerWarning).toHaveCount(0);
  expect(await emulator.requestsMatching('POST', /\/providers\/Microsoft\.RecoveryServices\/register$/i)).toHaveLength(1);
});

/** Presses Tab until `target` has focus, failing if it is not reached: proves it is in the tab order. */
async function tabTo(page: Page, target: Locator, maxPresses = 60) {
  for (let presses = 0; presses < maxPresses; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('a keyboard-only user creates a vault', async ({ page, emulator, signIn, subscriptionStep, vaultStep }) => {
  await openVaultStep(signIn, subscriptionStep, vaultStep);
  await expect(vaultStep.heading).toBeFocused();

  await tabTo(page, vaultStep.useExisting);
  await page.keyboard.press('ArrowDown');
  await expect(vaultStep.createNew).toBeChecked();

  await tabTo(page, vaultStep.name);
  await page.keyboard.type('rsv-keyboard');
  await tabTo(page, vaultStep.existingResourceGroupOption);
  await page.keyboard.press('ArrowRight');
  await expect(vaultStep.newResourceGroupOption).toBeChecked();
  await tabTo(page, vaultStep.newResourceGroup);
  await page.keyboard.type('rg-keyboard');

  // The region list opens, is searched by typing, and takes the choice with Enter.
  await tabTo(page, vaultStep.region);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.type('North');
  await page.keyboard.press('Enter');
  await expect(vaultStep.region).toHaveText(/North Europe/);

  await tabTo(page, vaultStep.addTagButton);
  await page.keyboard.press('Enter');
  await tabTo(page, vaultStep.tagName(1));
  await page.keyboard.type('owner');
  await page.keyboard.press('Tab');
  await page.keyboard.type('ops');

  await tabTo(page, vaultStep.reviewButton);
  await page.keyboard.press('Enter');
  await expect(vaultStep.review.getByRole('heading', { name: 'Review + create' })).toBeFocused();
  await tabTo(page, vaultStep.createButton);
  await page.keyboard.press('Enter');

  await expect(vaultStep.notice).toContainText('Vault rsv-keyboard was created in resource group rg-keyboard (North Europe)');
  await expect(vaultStep.notice).toBeFocused();
  await tabTo(page, vaultStep.nextButton);
  const vaults = await emulator.requestsMatching('PUT', vaultPut('rg-keyboard', 'rsv-keyboard'));
  expect(vaults).toHaveLength(1);
  expect(vaults[0]?.body).toMatchObject({ location: 'northeurope', tags: { owner: 'ops' } });
});

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ rule: violation.id, help: violation.help, targets: violation.nodes.map((node) => node.target.join(' ')) }));
}

test('the vault step has no serious accessibility violations: list, form with errors, review', async ({
  page,
  signIn,
  subscriptionStep,
  vaultStep,
}) => {
  await openVaultStep(signIn, subscriptionStep, vaultStep);
  await expect(vaultStep.vault('rsv-prod-weu')).toBeVisible();
  await expect(vaultStep.row('rsv-legacy-weu')).toContainText('Locked');
  expect(await seriousViolations(page)).toEqual([]);

  await vaultStep.startCreating();
  await vaultStep.name.fill('1');
  await vaultStep.useNewResourceGroup('rg.');
  await vaultStep.addTag('a?b', '');
  await vaultStep.reviewButton.click();
  await expect(vaultStep.nothingSent).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await vaultStep.name.fill('rsv-axe');
  await vaultStep.newResourceGroup.fill('rg-axe');
  await vaultStep.tagName(1).fill('team');
  await vaultStep.reviewButton.click();
  await expect(vaultStep.review).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('Alice creates a vault with soft delete always on for 30 days and immutability locked: each door is confirmed on its own, the lock is a second write, and the Replication step shows what Azure holds', async ({
  emulator,
  signIn,
  subscriptionStep,
  vaultStep,
  replicationStep,
}) => {
  await openVaultStep(signIn, subscriptionStep, vaultStep);
  await vaultStep.startCreating();
  await vaultStep.name.fill('rsv-e2e-locked');
  await vaultStep.chooseExistingResourceGroup('rg-backup');
  await vaultStep.expectFieldMessage(vaultStep.name, 'rsv-e2e-locked is available.');
  const { security } = vaultStep;
  // Azure's defaults to start with.
  await expect(security.retention).toHaveValue('14');
  await expect(security.alwaysOn).not.toBeChecked();
  await expect(security.immutabilityOff).toBeChecked();
  await expect(security.crossSubscriptionAllowed).toBeChecked();
  await expect(security.publicAccessAllowed).toBeChecked();
  await expect(security.jobFailureAlerts).toBeChecked();

  // A retention Azure refuses is said at once, and nothing is sent.
  await security.setRetention('7');
  await vaultStep.expectFieldMessage(security.retention, 'Enter a whole number of days from 14 to 180.');
  await emulator.clearRequests();
  await vaultStep.reviewButton.click();
  await expect(vaultStep.nothingSent).toBeVisible();
  expect(await writes(emulator)).toEqual([]);

  await security.setRetention('30');
  await security.alwaysOn.check();
  await security.immutabilityLocked.check();
  await vaultStep.reviewButton.click();
  // Azure does not create a vault Locked: it is created Unlocked, then locked by a PATCH.
  await expect(vaultStep.requestsToSend.getByRole('listitem')).toHaveCount(2);
  await expect(vaultStep.requestsToSend.getByRole('listitem').nth(1)).toContainText(`PATCH /subscriptions/${PROD}/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-e2e-locked?api-version=`);
  const created = (await vaultStep.previewedBody(1)) as { properties: Record<string, unknown> };
  expect(created.properties['securitySettings']).toEqual({
    softDeleteSettings: { softDeleteState: 'AlwaysON', softDeleteRetentionPeriodInDays: 30 },
    immutabilitySettings: { state: 'Unlocked' },
  });
  const lock = await vaultStep.previewedBody(2);
  expect(lock).toEqual({ properties: { securitySettings: { immutabilitySettings: { state: 'Locked' } } } });
  await expect(vaultStep.review).toContainText('On and locked (irreversible)');
  await expect(vaultStep.review).toContainText('Always on (irreversible)');

  // Create asks first: one box per setting that can't be undone, and nothing goes until both are ticked.
  await emulator.clearRequests();
  await vaultStep.createButton.click();
  const { oneWay } = vaultStep;
  await expect(oneWay.dialog).toBeVisible();
  await expect(oneWay.boxes).toHaveCount(2);
  const confirm = oneWay.confirmButton('Create the vault');
  await expect(confirm).toBeDisabled();
  await oneWay.box('Lock immutability of rsv-e2e-locked, for good').check();
  await expect(confirm).toBeDisabled();
  await oneWay.box('Make soft delete of rsv-e2e-locked always on, for good').check();
  expect(await writes(emulator)).toEqual([]);
  await confirm.click();
  await expect(vaultStep.notice).toContainText('Vault rsv-e2e-locked was created in resource group rg-backup', { timeout: 20_000 });

  const sent = await writes(emulator);
  expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([
    `PUT /subscriptions/${PROD}/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-e2e-locked`,
    `PATCH /subscriptions/${PROD}/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-e2e-locked`,
  ]);
  expect(sent[1]?.body).toEqual(lock);

  // Read back: the Replication step shows what Azure holds, and what is irreversible can't be chosen away.
  await vaultStep.next();
  await expect(replicationStep.heading).toBeVisible();
  const held = replicationStep.security;
  await expect(held.retention).toHaveValue('30');
  await expect(held.alwaysOn).toBeChecked();
  await expect(held.alwaysOn).toBeDisabled();
  await expect(held.immutabilityLocked).toBeChecked();
  await expect(held.immutabilityOff).toBeDisabled();
  await expect(replicationStep.multiUserAuthorization).toContainText('Not protected by a Resource Guard');
  await expect(replicationStep.saveSecurityButton).toBeDisabled();
});

