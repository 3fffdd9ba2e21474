import AxeBuilder from '@axe-core/playwright';
import { expect, subscriptions, test } from './fixtures.ts';

const SUB = subscriptions.production.id;
const VAULT_ID = `/subscriptions/${SUB}/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-prod-weu`;
const POLICY_ID = `${VAULT_ID}/backupPolicies/DefaultPolicy`;
const VMS = { 'app-linux-01': 'rg-apps', 'web-01': 'rg-web', 'debian-01': 'rg-apps' } as const;
type VmName = keyof typeof VMS;
const vmId = (name: VmName) => `/subscriptions/${SUB}/resourceGroups/${VMS[name]}/providers/Microsoft.Compute/virtualMachines/${name}`;
/** The protected item's path segment, as the emulator logs it (decoded). */
const itemPath = (name: VmName) => `protectedItems/vm;iaasvmcontainerv2;${VMS[name]};${name}`;
const PROTECTED_ITEM_PUT = /\/protectedItems\/vm;iaasvmcontainerv2;/i;
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

test('backup is enabled for three VMs, each with its configure-backup job, one PUT each', async ({ reachEnableStep, enableStep, emulator, shell }) => {
  test.setTimeout(120_000);
  const names: VmName[] = ['app-linux-01', 'web-01', 'debian-01'];
  await reachEnableStep(names);
  for (const name of names) await expect(enableStep.statusOf(name)).toContainText('Not started');
  await expect(enableStep.nextButton).toBeDisabled();

  await enableStep.enable();

  for (const name of names) {
    await expect(enableStep.statusOf(name)).toContainText('Protected', { timeout: 30_000 });
    await expect(enableStep.configureJobOf(name)).toHaveText(GUID);
  }
  await expect(enableStep.status).toHaveText('Backup is enabled for all 3 virtual machines.');
  await expect(enableStep.overallProgress).toHaveAttribute('aria-valuenow', '1');
  await expect(shell.step('Enable')).toContainText('3 of 3 VMs protected');
  await expect(enableStep.nextButton).toBeEnabled();

  const puts = await emulator.requestsMatching('PUT', PROTECTED_ITEM_PUT);
  for (const name of names) {
    const forVm = puts.filter((r) => r.path.endsWith(itemPath(name)));
    expect(forVm, `PUTs for ${name}`).toHaveLength(1);
    expect(forVm[0]?.status).toBe(202);
    expect(forVm[0]?.body).toEqual({
      properties: { protectedItemType: 'Microsoft.Compute/virtualMachines', sourceResourceId: vmId(name), policyId: POLICY_ID },
    });
  }
  // The job ids shown are the vault's own jobs.
  const shownJob = (await enableStep.configureJobOf('web-01').textContent()) ?? '';
  const job = await emulator.resource(`${VAULT_ID}/backupJobs/${shownJob.trim()}`);
  expect(job?.['properties']).toMatchObject({ operation: 'ConfigureBackup', entityFriendlyName: 'web-01', status: 'Completed' });
});

test('a 429 storm and a 503 on one VM: every VM still ends protected, each write sent until accepted', async ({
  reachEnableStep,
  enableStep,
  emulator,
}) => {
  test.setTimeout(150_000);
  const names: VmName[] = ['app-linux-01', 'web-01', 'debian-01'];
  await reachEnableStep(names);
  await emulator.clearRequests();
  // Six throttled answers on anything under protectedItems (reads, writes, polls), and a web-01 PUT
  // unavailable more times than the SDK retries on its own.
  await emulator.injectFault({ path: 'protectedItems', status: 429, count: 6, code: 'SubscriptionRequestsThrottled', message: 'Injected throttling', retryAfter: 1 });
  await emulator.injectFault({ method: 'PUT', path: itemPath('web-01'), status: 503, count: 5, code: 'ServiceUnavailable', message: 'Injected outage', retryAfter: 1 });

  await enableStep.enable();

  for (const name of names) await expect(enableStep.statusOf(name)).toContainText('Protected', { timeout: 90_000 });
  await expect(enableStep.failures).toHaveCount(0);
  const puts = await emulator.requestsMatching('PUT', PROTECTED_ITEM_PUT);
  expect(puts.filter((r) => r.status === 429).length + puts.filter((r) => r.status === 503).length).toBeGreaterThan(0);
  for (const name of names) {
    // However often a write was refused, exactly one was accepted.
    expect(puts.filter((r) => r.path.endsWith(itemPath(name)) && r.status === 202), `accepted PUTs for ${name}`).toHaveLength(1);
  }
  expect(puts.filter((r) => r.path.endsWith(itemPath('web-01')) && r.status === 503)).toHaveLength(5);
});

test('a VM that fails shows the service’s code, message, request id and remedy, and is retried alone', async ({
  reachEnableStep,
  enableStep,
  emulator,
}) => {
  test.setTimeout(120_000);
  await reachEnableStep(['app-linux-01', 'web-01']);
  await emulator.injectFault({
    method: 'PUT',
    path: itemPath('web-01'),
    status: 400,
    count: 1,
    code: 'UserErrorVmNotInDesirableState',
    message: 'The VM is in a state that does not allow backup.',
  });

  await enableStep.enable();

  await expect(enableStep.statusOf('app-linux-01')).toContainText('Protected', { timeout: 30_000 });
  const failure = enableStep.failureOf('web-01');
  await expect(failure).toBeVisible({ timeout: 30_000 });
  await expect(failure).toContainText('UserErrorVmNotInDesirableState');
  await expect(failure).toContainText('The VM is in a state that does not allow backup.');
  const refused = (await emulator.requestsMatching('PUT', PROTECTED_ITEM_PUT)).find((r) => r.status === 400);
  expect(refused?.requestId).toBeTruthy();
  await expect(failure).toContainText(refused?.requestId ?? 'missing request id');
  await expect(failure).toContainText('Wait until the VM is stably Running, Stopped or Deallocated');
  await expect(enableStep.statusOf('web-01')).toContainText('Failed');
  await expect(enableStep.nextButton).toBeDisabled();

  await enableStep.retryButton('web-01').click();

  await expect(enableStep.statusOf('web-01')).toContainText('Protected', { timeout: 30_000 });
  await expect(enableStep.failures).toHaveCount(0);
  await expect(enableStep.nextButton).toBeEnabled();
  const puts = await emulator.requestsMatching('PUT', PROTECTED_ITEM_PUT);
  expect(puts.filter((r) => r.path.endsWith(itemPath('web-01'))).map((r) => r.status)).toEqual([400, 202]);
  expect(puts.filter((r) => r.path.endsWith(itemPath('app-linux-01')))).toHaveLength(1);
});

test('listed failures can be accepted to move on; the rest stay protected', async ({ reachEnableStep, enableStep, emulator }) => {
  test.setTimeout(120_000);
  await reachEnableStep(['app-linux-01', 'web-01']);
  await emulator.injectFault({ method: 'PUT', path: itemPath('web-01'), status: 400, count: 1, code: 'UserErrorUnsupportedDiskSize', message: 'A disk is too large.' });

  await enableStep.enable();
  await expect(enableStep.failureOf('web-01')).toContainText('Split the data onto disks within the supported size', { timeout: 30_000 });
  await expect(enableStep.nextButton).toBeDisabled();

  await enableStep.acceptFailures.check();

  await expect(enableStep.nextButton).toBeEnabled();
  await expect(enableStep.statusOf('app-linux-01')).toContainText('Protected');
});

test('"Back up now" shows each VM’s backup job, and a failed backup says what to do', async ({ reachEnableStep, enableStep, emulator }) => {
  test.setTimeout(120_000);
  await reachEnableStep(['app-linux-01', 'web-01']);
  await enableStep.enable();
  await expect(enableStep.nextButton).toBeEnabled({ timeout: 30_000 });
  // web-01's agent stops answering after protection was configured: its first backup fails.
  await emulator.patchResource(vmId('web-01'), {
    properties: { instanceView: { vmAgent: { statuses: [{ code: 'ProvisioningState/Unavailable', level: 'Warning', displayStatus: 'Not Ready' }] } } },
  });

  await enableStep.backUpNowButton.click();

  await expect(enableStep.backupOf('app-linux-01')).toContainText('Completed', { timeout: 30_000 });
  await expect(enableStep.backupOf('app-linux-01')).toContainText(GUID);
  await expect(enableStep.backupOf('web-01')).toContainText('Failed', { timeout: 30_000 });
  const failure = enableStep.backupFailureOf('web-01');
  await expect(failure).toContainText('UserErrorGuestAgentStatusUnavailable');
  await expect(failure).toContainText('agent status is Ready');
  const posts = await emulator.requestsMatching('POST', /\/backup$/);
  expect(posts.map((r) => r.body)).toEqual([
    { properties: { objectType: 'IaasVMBackupRequest' } },
    { properties: { objectType: 'IaasVMBackupRequest' } },
  ]);
});

test('the Enable step has no serious accessibility violations', async ({ reachEnableStep, enableStep, page }) => {
  test.setTimeout(120_000);
  await reachEnableStep(['app-linux-01', 'web-01']);
  await enableStep.enable();
  await expect(enableStep.nextButton).toBeEnabled({ timeout: 30_000 });
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, JSON.stringify(serious.map((v) => [v.id, v.nodes.map((n) => n.target)]), null, 2)).toEqual([]);
});
