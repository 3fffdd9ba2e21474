import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, subscriptions, test } from './fixtures.ts';
import type { EnableStep } from './pages/enable-step.ts';

const SUB = `/subscriptions/${subscriptions.production.id}`;
const VAULT_ID = `${SUB}/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-prod-weu`;
const itemId = (rg: string, vm: string) =>
  `${VAULT_ID}/backupFabrics/Azure/protectionContainers/iaasvmcontainer;iaasvmcontainerv2;${rg};${vm}/protectedItems/vm;iaasvmcontainerv2;${rg};${vm}`;
const VMS = ['web-01', 'app-linux-01'] as const;

/** The text of a PDF, through poppler's pdftotext (CI installs poppler-utils). */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'summary-pdf-'));
  const file = join(dir, 'summary.pdf');
  writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } catch (error) {
    throw new Error('pdftotext (poppler-utils) is needed to read the printed summary.', { cause: error });
  }
}

test('the summary shows the vault, replication, policy and VMs as Azure reports them, and downloads as JSON and Markdown', async ({
  page,
  reachEnableStep,
  enableStep,
  summaryStep,
  emulator,
}) => {
  await reachEnableStep([...VMS]);
  await enableAllOf(enableStep, VMS);
  await expect(summaryStep.heading).toBeVisible();

  await expect(summaryStep.section('About this summary')).toContainText('Alice Admin (alice@contoso.example)');
  await expect(summaryStep.section('About this summary')).toContainText(`Contoso Production (${subscriptions.production.id})`);
  await expect(summaryStep.section('About this summary')).toContainText('Contoso (3f6c2a9e-8b1d-4e27-9c5a-1d2e3f4a5b6c)');
  const vault = summaryStep.section('Recovery Services vault');
  for (const text of ['rsv-prod-weu', 'rg-backup', 'westeurope', VAULT_ID]) await expect(vault).toContainText(text);
  // Protecting the first VM locked the replication: read back, not remembered.
  await expect(summaryStep.section('Storage replication')).toContainText('geo-redundant storage (GRS)');
  await expect(summaryStep.section('Storage replication')).toContainText('Locked (cannot be changed any more)');
  const policy = summaryStep.section('Backup policy: DefaultPolicy');
  await expect(policy).toContainText('Daily at 19:00 (UTC), keep daily points 30 days, instant restore 2 days');
  await expect(summaryStep.policyJson('DefaultPolicy')).toContainText('"scheduleRunFrequency": "Daily"');
  for (const vm of VMS) {
    await expect(summaryStep.vmRow(vm)).toContainText('DefaultPolicy');
    await expect(summaryStep.vmRow(vm)).toContainText('No backup yet');
  }
  await expect(summaryStep.journal.getByRole('row').filter({ hasText: 'Enable protection (PUT)' })).toHaveCount(2);
  await expect(summaryStep.journal).toContainText('Succeeded');

  // Something outside the wizard backs web-01 up: the summary reads Azure again and shows it.
  await emulator.patchResource(itemId('rg-web', 'web-01'), {
    properties: { protectionState: 'Protected', lastBackupStatus: 'Completed', lastBackupTime: '2026-01-02T03:04:05Z' },
  });
  await page.getByRole('button', { name: 'Read again from Azure' }).click();
  await expect(summaryStep.vmRow('web-01')).toContainText('Completed');
  await expect(summaryStep.vmRow('web-01')).toContainText('Protected');

  const json = await summaryStep.download(summaryStep.downloadJsonButton);
  expect(json.suggestedFilename()).toBe('backup-setup-rsv-prod-weu.json');
  const parsed = JSON.parse(readFileSync(await json.path(), 'utf8')) as {
    vault: { name: string; id: string };
    policy: { name: string; properties: { schedulePolicy: { scheduleRunFrequency: string } } };
    protectedVms: { vmName: string; lastBackupStatus: string }[];
  };
  expect(parsed.vault).toMatchObject({ name: 'rsv-prod-weu', id: VAULT_ID });
  expect(parsed.policy).toMatchObject({ name: 'DefaultPolicy', properties: { schedulePolicy: { scheduleRunFrequency: 'Daily' } } });
  expect(parsed.protectedVms.map((vm) => vm.vmName).sort()).toEqual(['app-linux-01', 'web-01']);

  const md = await summaryStep.download(summaryStep.downloadMarkdownButton);
  expect(md.suggestedFilename()).toBe('backup-setup-rsv-prod-weu.md');
  const markdown = readFileSync(await md.path(), 'utf8');
  expect(markdown.split('\n')[0]).toBe('# Azure VM backup setup: rsv-prod-weu');
  expect(markdown).toContain('## Backup policy: DefaultPolicy');
  expect(markdown).toMatch(/\| web-01 \| rg-web \| Protected \| Passed \| Completed/);

  const cli = readFileSync(await (await summaryStep.download(summaryStep.downloadCliButton)).path(), 'utf8');
  expect(cli).toContain('az backup protection enable-for-vm');
  expect(cli).toContain("--backup-storage-redundancy 'GeoRedundant'");
  const bicep = readFileSync(await (await summaryStep.download(summaryStep.downloadBicepButton)).path(), 'utf8');
  expect(bicep).toContain("name: 'rsv-prod-weu/Azure/iaasvmcontainer;iaasvmcontainerv2;rg-web;web-01/vm;iaasvmcontainerv2;rg-web;web-01'");

  const axe = await new AxeBuilder({ page }).include('main').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
});

test('the printed summary leaves out the wizard, and its PDF names the vault, the policy and the VMs', async ({
  page,
  reachEnableStep,
  enableStep,
  summaryStep,
  shell,
}) => {
  await reachEnableStep([...VMS]);
  await enableAllOf(enableStep, VMS);
  await expect(summaryStep.vmRow('app-linux-01')).toBeVisible();

  await page.emulateMedia({ media: 'print' });
  await expect(shell.banner).toBeHidden();
  await expect(shell.steps).toBeHidden();
  await expect(summaryStep.printButton).toBeHidden();
  await expect(summaryStep.heading).toBeVisible();
  await expect(summaryStep.section('Backup policy: DefaultPolicy')).toBeVisible();
  // Black on white, whatever the screen theme says.
  const colours = await summaryStep.heading.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(document.body).backgroundColor]);
  expect(colours).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);

  const text = pdfText(await page.pdf({ format: 'A4', printBackground: false }));
  expect(text).toContain('Summary of the backup setup');
  expect(text).toContain('rsv-prod-weu');
  expect(text).toContain('Backup policy: DefaultPolicy');
  for (const vm of VMS) expect(text).toContain(vm);
  // No wizard chrome on paper.
  expect(text).not.toContain('Sign out');
  expect(text).not.toContain('Download as JSON');
});

test('NSG rules the wizard added are in the plan as "no change" and in the summary in full, as Azure holds them', async ({
  reachNetworkStep,
  networkStep,
  reviewStep,
  enableStep,
  summaryStep,
}) => {
  await reachNetworkStep(['blocked-443-01']);
  await networkStep.fixButton('blocked-443-01').click();
  const panel = networkStep.fixPanel('blocked-443-01');
  await networkStep.createRulesButton(panel).click();
  await expect(panel.getByText('Rules created')).toBeVisible();
  await networkStep.nextButton.click();

  // Already applied on the Network step: the plan checks they are still there and sends nothing for them.
  const storageRule = reviewStep.row('Rule allow-storage-443 in NSG nsg-snet-locked');
  await expect(reviewStep.cell(storageRule, 'Change')).toHaveText('No change');
  await expect(reviewStep.cell(storageRule, 'What')).toContainText('Already in place: Allow outbound TCP 443 from 10.10.4.0/24 to Storage, priority 199');
  await expect(reviewStep.nextButton).toBeEnabled();
  await reviewStep.nextButton.click();
  await enableAllOf(enableStep, ['blocked-443-01']);

  await expect(summaryStep.heading).toBeVisible();
  const rule = summaryStep.nsgRules.getByRole('row').filter({ hasText: 'allow-storage-443' });
  await expect(rule.getByRole('cell')).toHaveText([
    'allow-storage-443',
    'nsg-snet-locked (rg-network)',
    '199',
    'Outbound',
    'Allow',
    'Tcp',
    '10.10.4.0/24, ports *',
    'Storage',
    '443',
    'Azure VM backup: allow HTTPS to Storage.',
  ]);
  await expect(summaryStep.nsgRules.getByRole('row')).toHaveCount(4);
});

/** Enables backup for the VMs and moves on to the summary. */
test('vault security set on the Replication step is read back into the summary, its Markdown and the az CLI and Bicep exports', async ({
  page,
  reachEnableStep,
  enableStep,
  replicationStep,
  summaryStep,
  shell,
}) => {
  await reachEnableStep(['web-01']);
  await enableAllOf(enableStep, ['web-01']);
  await expect(summaryStep.heading).toBeVisible();
  await expect(summaryStep.section('Vault security')).toContainText('Immutability');

  // Alice hardens the vault: soft delete always on for 45 days, immutability on (reversible).
  await shell.stepLink('Replication').click();
  await replicationStep.security.setRetention('45');
  await replicationStep.security.alwaysOn.check();
  await replicationStep.security.immutabilityUnlocked.check();
  await replicationStep.saveSecurityButton.click();
  await replicationStep.oneWay.box('Make soft delete of rsv-prod-weu always on, for good').check();
  await replicationStep.oneWay.confirmButton('Save the settings').click();
  await expect(replicationStep.securitySaved).toBeVisible();

  await summaryStep.goto();
  const section = summaryStep.section('Vault security');
  for (const text of ['Always on (irreversible)', '45 days', 'On, can still be turned off (Unlocked)', 'Not protected by a Resource Guard', 'Classic backup alerts were retired']) {
    await expect(section).toContainText(text);
  }
  const markdown = readFileSync(await (await summaryStep.download(summaryStep.downloadMarkdownButton)).path(), 'utf8');
  expect(markdown).toContain('| Soft delete | Always on (irreversible) |');
  expect(markdown).toContain('| Immutability | On, can still be turned off (Unlocked) |');
  const cli = readFileSync(await (await summaryStep.download(summaryStep.downloadCliButton)).path(), 'utf8');
  expect(cli).toContain("--immutability-state 'Unlocked'");
  expect(cli).toContain("--soft-delete-feature-state 'AlwaysOn'");
  expect(cli).toContain("--soft-delete-duration '45'");
  const bicep = readFileSync(await (await summaryStep.download(summaryStep.downloadBicepButton)).path(), 'utf8');
  expect(bicep).toContain("softDeleteState: 'AlwaysON'");
  expect(bicep).toContain('softDeleteRetentionPeriodInDays: 45');
  expect(bicep).toContain("state: 'Unlocked'");
  const axe = await new AxeBuilder({ page }).include('main').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
});

async function enableAllOf(enableStep: EnableStep, vms: readonly string[]) {
  await expect(enableStep.heading).toBeVisible();
  await enableStep.enableButton.click();
  for (const vm of vms) await expect(enableStep.statusOf(vm)).toContainText('Protected', { timeout: 30_000 });
  await expect(enableStep.nextButton).toBeEnabled();
  await enableStep.nextButton.click();
}
