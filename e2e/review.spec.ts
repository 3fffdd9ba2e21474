import AxeBuilder from '@axe-core/playwright';
import { expect, subscriptions, test, users, type LoggedRequest } from './fixtures.ts';

const SUB = `/subscriptions/${subscriptions.production.id}`;
const PROD_VAULT = `${SUB}/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-prod-weu`;

/** Anything that changes Azure: every PUT, PATCH and DELETE, and any POST but the read-only pre-checks (backupStatus, pre-validation, feature support). */
const writes = (log: readonly LoggedRequest[]) =>
  log.filter(
    (r) => ['PUT', 'PATCH', 'DELETE'].includes(r.method) || (r.method === 'POST' && !/\/(backupStatus|backupPreValidateProtection|backupValidateFeatures)$/i.test(r.path)),
  );

test('a Reader sees every write of the plan refused, with the role that grants it, before anything is sent', async ({
  page,
  signIn,
  homePage,
  agentStep,
  networkStep,
  policyStep,
  reviewStep,
  shell,
  emulator,
}) => {
  // Rita can read everything but change nothing. She carries on the setup of the legacy vault from Azure…
  await signIn(users.rita);
  await homePage.goto();
  await homePage.continueFromVault(subscriptions.production.name, 'rsv-legacy-weu');
  await homePage.useProgressButton.click();
  await expect(agentStep.heading).toBeVisible();
  await expect(agentStep.status).toHaveText(/^Checked /);
  await agentStep.nextButton.click();
  await expect(networkStep.nextButton).toBeEnabled();
  // …and moves its VM to another policy, which would be a write.
  await shell.stepLink('Policy').click();
  await policyStep.policy('DefaultPolicy').check();

  await emulator.clearRequests();
  await reviewStep.goto();
  await expect(reviewStep.heading).toBeVisible();
  await expect(reviewStep.plan).toBeVisible();

  const protect = reviewStep.row('Enable protection of protected-01');
  await expect(reviewStep.cell(protect, 'Change')).toHaveText('Change');
  await expect(reviewStep.cell(protect, 'What')).toContainText('it moves to policy DefaultPolicy');
  const permission = reviewStep.cell(protect, 'Your permission');
  await expect(permission).toContainText(
    'Not permitted: Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems/write on vault rsv-legacy-weu. Granted by Backup Contributor (or Backup Operator, Virtual Machine Contributor, Contributor, Owner).',
  );
  await expect(permission).toContainText(
    'Not permitted: Microsoft.Compute/virtualMachines/write on virtual machine protected-01. Granted by Virtual Machine Contributor (or Contributor, Owner).',
  );
  await expect(permission).not.toContainText('Permitted:');
  for (const what of ['Vault rsv-legacy-weu', 'Storage replication', 'Policy DefaultPolicy']) {
    await expect(reviewStep.cell(reviewStep.row(what), 'Change')).toHaveText('No change');
  }

  // Every row that would send something is refused; the missing permissions are listed with the role to ask for.
  const rows = await reviewStep.rows.all();
  for (const row of rows) {
    const change = (await reviewStep.cell(row, 'Change').textContent()) ?? '';
    if (change === 'Create' || change === 'Change') await expect(reviewStep.cell(row, 'Your permission')).not.toContainText('Permitted:');
  }
  await expect(reviewStep.missingPermissions).toContainText('You lack 2 permissions this plan needs. Nothing has been sent to Azure.');
  await expect(reviewStep.missingPermissions).toContainText('granted by Virtual Machine Contributor (or Contributor, Owner)');
  await expect(reviewStep.leaveOutButton).toHaveText('Leave out 1 virtual machine');

  // Enable is blocked, and the review sent nothing that changes Azure.
  await expect(reviewStep.nextButton).toBeDisabled();
  await expect(reviewStep.footerNote).toHaveText('Enable is blocked: you lack permissions this plan needs.');
  const log = await emulator.requests();
  expect(writes(log)).toEqual([]);
  expect(log.some((r) => r.method === 'GET' && /\/providers\/Microsoft\.Authorization\/permissions$/i.test(r.path))).toBe(true);

  // The Enable step can't be opened around the block either.
  await page.goto('/setup/enable');
  await expect(reviewStep.heading).toBeVisible();
});

test('a plan the user may send lists what is in place as "no change", marks the one-way doors, and opens Enable', async ({
  page,
  reachReviewStep,
  reviewStep,
  emulator,
}) => {
  await reachReviewStep(['web-01', 'app-linux-01']);
  await expect(reviewStep.plan).toBeVisible();

  await expect(reviewStep.rows).toHaveCount(5);
  const vault = reviewStep.row('Vault rsv-prod-weu');
  await expect(reviewStep.cell(vault, 'Change')).toHaveText('No change');
  await expect(reviewStep.cell(vault, 'Target resource ID')).toHaveText(PROD_VAULT);
  const replication = reviewStep.row('Storage replication');
  await expect(reviewStep.cell(replication, 'Change')).toHaveText('No change');
  await expect(reviewStep.cell(replication, 'What')).toContainText('One-way: Storage replication locks when the first virtual machine is protected');
  await expect(reviewStep.cell(reviewStep.row('Policy DefaultPolicy'), 'Change')).toHaveText('No change');

  const web = reviewStep.row('Enable protection of web-01');
  await expect(reviewStep.cell(web, 'Change')).toHaveText('Create');
  await expect(reviewStep.cell(web, 'Target resource ID')).toHaveText(
    `${PROD_VAULT}/backupFabrics/Azure/protectionContainers/iaasvmcontainer;iaasvmcontainerv2;rg-web;web-01/protectedItems/vm;iaasvmcontainerv2;rg-web;web-01`,
  );
  await expect(reviewStep.cell(web, 'What')).toContainText("One-way: This is the first virtual machine the vault protects: it locks the vault's storage replication");
  await expect(reviewStep.cell(web, 'Your permission')).toContainText('Permitted: Microsoft.Compute/virtualMachines/write on virtual machine web-01');
  const app = reviewStep.row('Enable protection of app-linux-01');
  await expect(reviewStep.cell(app, 'What')).not.toContainText('One-way');

  await expect(reviewStep.missingPermissions).toHaveCount(0);
  await expect(reviewStep.footerNote).toHaveText('2 changes will be sent on the next step, in this order.');
  // Checking again reads Azure again, and still sends nothing.
  await emulator.clearRequests();
  await reviewStep.checkAgainButton.click();
  await expect(reviewStep.footerNote).toHaveText('2 changes will be sent on the next step, in this order.');
  expect(writes(await emulator.requests())).toEqual([]);

  const axe = await new AxeBuilder({ page }).include('main').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

  await reviewStep.nextButton.click();
  await expect(page).toHaveURL(/\/setup\/enable$/);
});

test('a plan whose every item is already in place sends nothing, and a Reader may go on', async ({
  signIn,
  homePage,
  agentStep,
  networkStep,
  reviewStep,
}) => {
  await signIn(users.rita);
  await homePage.goto();
  await homePage.continueFromVault(subscriptions.production.name, 'rsv-legacy-weu');
  await homePage.useProgressButton.click();
  await expect(agentStep.status).toHaveText(/^Checked /);
  await agentStep.nextButton.click();
  await expect(networkStep.nextButton).toBeEnabled();
  await networkStep.nextButton.click();
  await expect(reviewStep.plan).toBeVisible();
  // Nothing to change: protected-01 is already protected by the vault with its policy.
  await expect(reviewStep.cell(reviewStep.row('Enable protection of protected-01'), 'Change')).toHaveText('No change');
  await expect(reviewStep.footerNote).toHaveText('Everything is already in place: nothing will be sent.');
  await expect(reviewStep.nextButton).toBeEnabled();
});

test('Azure Backup’s own pre-check is asked for each VM during Review: a service "no" is Blocked beside the wizard’s findings, and leaving it out opens Enable', async ({
  reachNetworkStep,
  networkStep,
  reviewStep,
  emulator,
}) => {
  await reachNetworkStep(['web-01', 'app-linux-01']);
  // Meanwhile someone attaches disks to web-01 until it has more than Azure Backup supports.
  const web = `${SUB}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/web-01`;
  const vm = (await emulator.resource(web)) ?? {};
  const storageProfile = (vm['properties'] as { storageProfile: Record<string, unknown> }).storageProfile;
  await emulator.patchResource(web, {
    properties: { storageProfile: { ...storageProfile, dataDisks: Array.from({ length: 33 }, (_, lun) => ({ lun, name: `web-01-extra-${lun}`, createOption: 'Empty', diskSizeGB: 32 })) } },
  });
  await emulator.clearRequests();
  await networkStep.nextButton.click();
  await expect(reviewStep.plan).toBeVisible();

  const refused = reviewStep.row('Enable protection of web-01');
  await expect(reviewStep.cell(refused, 'Change')).toHaveText('Conflict');
  await expect(reviewStep.cell(refused, 'What')).toContainText('Azure Backup’s pre-check: Blocked (UserErrorNumberOfDisksNotSupported)');
  await expect(reviewStep.cell(refused, 'What')).toContainText('has 33 data disks');
  await expect(reviewStep.cell(reviewStep.row('Enable protection of app-linux-01'), 'What')).toContainText('Azure Backup’s pre-check: passed');
  await expect(reviewStep.footerNote).toHaveText('Enable is blocked: 1 item cannot be done as chosen.');
  const asked = await emulator.requests();
  expect(asked.filter((r) => r.method === 'POST' && /\/backupPreValidateProtection$/i.test(r.path))).toHaveLength(2);
  expect(asked.filter((r) => r.method === 'POST' && /\/backupValidateFeatures$/i.test(r.path)).length).toBeGreaterThanOrEqual(1);

  await reviewStep.leaveOutRefusedButton.click();
  await expect(reviewStep.row('Enable protection of web-01')).toHaveCount(0);
  await expect(reviewStep.nextButton).toBeEnabled({ timeout: 20_000 });
});

