import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, subscriptions, test, users } from './fixtures.ts';
import type { SubscriptionStep } from './pages/subscription-step.ts';
import type { VaultStep } from './pages/vault-step.ts';

const storageConfig = /\/backupstorageconfig\/vaultstorageconfig$/i;

async function chooseVault(signIn: (upn: string) => Promise<void>, subscriptionStep: SubscriptionStep, vaultStep: VaultStep, vault: string) {
  await signIn(users.alice);
  await subscriptionStep.choose(subscriptions.production.name);
  await subscriptionStep.next();
  await vaultStep.choose(vault);
  await vaultStep.next();
}

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ rule: violation.id, help: violation.help, targets: violation.nodes.map((node) => node.target.join(' ')) }));
}

test('a Locked vault shows its replication read-only, with why, and changes nothing', async ({
  emulator,
  signIn,
  subscriptionStep,
  vaultStep,
  replicationStep,
  shell,
}) => {
  await chooseVault(signIn, subscriptionStep, vaultStep, 'rsv-legacy-weu');
  await expect(replicationStep.heading).toBeVisible();
  await expect(replicationStep.lockedTitle).toBeVisible();
  await expect(replicationStep.lockedReason).toContainText(
    'To change it, stop protection and delete the backup data, or use a new vault.',
  );
  await expect(replicationStep.readOnlyValues).toHaveText(['Geo-redundant', 'Off', 'Locked']);
  // No choice is offered: nothing to pick, nothing to save.
  await expect(replicationStep.locallyRedundant).toHaveCount(0);
  await expect(replicationStep.saveButton).toHaveCount(0);
  await expect(replicationStep.nextButton).toBeDisabled();

  await replicationStep.keepButton.click();
  await expect(replicationStep.nextButton).toBeEnabled();
  await expect(shell.stepLink('Replication')).toContainText('Geo-redundant');
  expect((await emulator.requests()).filter((r) => storageConfig.test(r.path) && r.method !== 'GET')).toEqual([]);
  expect(await seriousViolations(replicationStep.page)).toEqual([]);
});

test('turning cross-region restore on asks for confirmation first, because it cannot be undone', async ({
  emulator,
  signIn,
  subscriptionStep,
  vaultStep,
  replicationStep,
}) => {
  await chooseVault(signIn, subscriptionStep, vaultStep, 'rsv-prod-weu');
  await expect(replicationStep.geoRedundant).toBeChecked();
  await expect(replicationStep.zoneRedundant).toBeEnabled(); // West Europe has zones
  await replicationStep.crossRegionRestore.check();
  await replicationStep.save();

  await expect(replicationStep.confirmDialog).toBeVisible();
  await expect(replicationStep.confirmDialog).toContainText('can’t be turned off again');
  await expect(replicationStep.confirmDialog).toContainText('North Europe');
  expect(await seriousViolations(replicationStep.page)).toEqual([]);
  await replicationStep.cancelButton.click();
  await expect(replicationStep.confirmDialog).toHaveCount(0);
  expect(await emulator.requestsMatching('PATCH', storageConfig)).toEqual([]);
  await expect(replicationStep.nextButton).toBeDisabled();

  await replicationStep.save();
  await replicationStep.confirmButton.click();
  await expect(replicationStep.readBack).toHaveText('Azure now reports: Geo-redundant, cross-region restore on.');
  const patches = await emulator.requestsMatching('PATCH', storageConfig);
  expect(patches).toHaveLength(1);
  expect(patches[0]?.body).toEqual({ properties: { storageModelType: 'GeoRedundant', storageType: 'GeoRedundant', crossRegionRestoreFlag: true } });
  // Once on, it stays on: the switch and the non-geo options are no longer offered.
  await expect(replicationStep.crossRegionRestore).toBeDisabled();
  await expect(replicationStep.locallyRedundant).toBeDisabled();
  await expect(replicationStep.nextButton).toBeEnabled();
});

test('keeping geo-redundancy on a new vault sends no write, only reads it back', async ({
  emulator,
  signIn,
  subscriptionStep,
  vaultStep,
  replicationStep,
}) => {
  await chooseVault(signIn, subscriptionStep, vaultStep, 'rsv-prod-weu');
  await expect(replicationStep.geoRedundant).toBeChecked();
  await emulator.clearRequests();
  await replicationStep.save();
  await expect(replicationStep.readBack).toHaveText('Azure now reports: Geo-redundant, cross-region restore off.');
  const log = await emulator.requests();
  expect(log.filter((r) => r.method !== 'GET')).toEqual([]);
  expect(log.filter((r) => storageConfig.test(r.path))).toHaveLength(1);
  await expect(replicationStep.nextButton).toBeEnabled();
});

test('a reader who tries to change replication is told which permission is missing', async ({
  emulator,
  signIn,
  subscriptionStep,
  vaultStep,
  replicationStep,
}) => {
  await signIn(users.rita);
  await subscriptionStep.choose(subscriptions.production.name);
  await subscriptionStep.next();
  await vaultStep.choose('rsv-prod-weu');
  await vaultStep.next();
  await replicationStep.locallyRedundant.check();
  await replicationStep.save();
  const refused = await emulator.requestsMatching('PATCH', storageConfig);
  await expect(replicationStep.page.getByRole('alert')).toContainText('You lack permission');
  expect(refused[0]?.status).toBe(403);
  await expect(replicationStep.page.getByRole('alert')).toContainText(refused[0]?.requestId ?? 'missing');
  await expect(replicationStep.page.getByRole('alert')).toContainText('Backup Contributor or Contributor on the resource group rg-backup');
  await expect(replicationStep.nextButton).toBeDisabled();
});

test('choosing another vault resets the replication step', async ({ signIn, subscriptionStep, vaultStep, replicationStep, shell }) => {
  await chooseVault(signIn, subscriptionStep, vaultStep, 'rsv-legacy-weu');
  await replicationStep.keepButton.click();
  await expect(shell.stepLink('Replication')).toContainText('Geo-redundant');
  await shell.stepLink('Vault').click();
  await vaultStep.choose('rsv-prod-weu');
  await expect(shell.stepLink('Replication')).not.toContainText('Geo-redundant');
  await vaultStep.next();
  await expect(replicationStep.nextButton).toBeDisabled();
});

test('the vault security part: a Resource Guard is shown read-only, a change is saved with a PATCH after its door is confirmed, and read back', async ({
  emulator,
  signIn,
  subscriptionStep,
  vaultStep,
  replicationStep,
  shell,
}) => {
  // The legacy vault is guarded, locked and always on: shown as Azure holds it.
  await chooseVault(signIn, subscriptionStep, vaultStep, 'rsv-legacy-weu');
  await expect(replicationStep.multiUserAuthorization).toContainText('Protected by Resource Guard guard-contoso-backup (resource group rg-security');
  await expect(replicationStep.security.immutabilityLocked).toBeChecked();
  await expect(replicationStep.security.immutabilityUnlocked).toBeDisabled();
  await expect(replicationStep.security.alwaysOn).toBeChecked();
  await expect(replicationStep.security.retention).toHaveValue('30');
  expect(await seriousViolations(replicationStep.page)).toEqual([]);

  // On rsv-prod-weu Alice turns immutability on (reversible) and permanently disables cross-subscription restore.
  await shell.stepLink('Vault').click();
  await vaultStep.choose('rsv-prod-weu');
  await vaultStep.next();
  await expect(replicationStep.multiUserAuthorization).toContainText('Not protected by a Resource Guard');
  await replicationStep.security.immutabilityUnlocked.check();
  await replicationStep.security.crossSubscriptionPermanentlyNotAllowed.check();
  await replicationStep.security.setRetention('200');
  await expect(replicationStep.saveSecurityButton).toBeDisabled();
  await replicationStep.security.setRetention('60');

  await emulator.clearRequests();
  await replicationStep.saveSecurityButton.click();
  await expect(replicationStep.oneWay.boxes).toHaveCount(1);
  await replicationStep.oneWay.cancelButton.click();
  expect(await emulator.requestsMatching('PATCH', /\/vaults\/rsv-prod-weu$/i)).toEqual([]);

  await replicationStep.saveSecurityButton.click();
  await replicationStep.oneWay.box('Permanently disable cross-subscription restore of rsv-prod-weu').check();
  await replicationStep.oneWay.confirmButton('Save the settings').click();
  await expect(replicationStep.securitySaved).toBeVisible();
  const patches = await emulator.requestsMatching('PATCH', /\/vaults\/rsv-prod-weu$/i);
  expect(patches.map((r) => r.body)).toEqual([
    {
      properties: {
        securitySettings: { softDeleteSettings: { softDeleteState: 'Enabled', softDeleteRetentionPeriodInDays: 60 }, immutabilitySettings: { state: 'Unlocked' } },
        restoreSettings: { crossSubscriptionRestoreSettings: { crossSubscriptionRestoreState: 'PermanentlyDisabled' } },
      },
    },
  ]);
  // Read back: permanently disabled is now irreversible, and nothing is left to save.
  await expect(replicationStep.security.crossSubscriptionAllowed).toBeDisabled();
  await expect(replicationStep.saveSecurityButton).toBeDisabled();
});
