import AxeBuilder from '@axe-core/playwright';
import { expect, subscriptions, test } from './fixtures.ts';

const SUB = `/subscriptions/${subscriptions.production.id}`;
const vmId = (rg: string, name: string) => `${SUB}/resourceGroups/${rg}/providers/Microsoft.Compute/virtualMachines/${name}`;

const READY = {
  vmAgentVersion: '2.7.41491.1102',
  statuses: [{ code: 'ProvisioningState/succeeded', level: 'Info', displayStatus: 'Ready', message: 'GuestAgent is running and processing the extensions.' }],
  extensionHandlers: [],
};
const NOT_READY = {
  vmAgentVersion: '2.7.41491.1102',
  statuses: [{ code: 'ProvisioningState/Unavailable', level: 'Warning', displayStatus: 'Not Ready', message: 'VM status blob is found but not yet populated.' }],
  extensionHandlers: [],
};
const agentOf = (state: object) => ({ properties: { instanceView: { vmAgent: state } } });

test('"Check again" picks up an agent that became ready', async ({ reachVmsStep, vmsStep, agentStep, emulator }) => {
  const id = vmId('rg-apps', 'agent-notready-01');
  // Azure accepts protection of a VM whose agent is Not Ready, so it can be selected; it needs attention.
  await reachVmsStep();
  await vmsStep.discover();
  await expect(vmsStep.readiness(await vmsStep.find('agent-notready-01'))).toContainText('Needs attention');
  await vmsStep.clickSelect('agent-notready-01');
  await vmsStep.nextButton.click();
  await expect(agentStep.heading).toBeVisible();

  const row = agentStep.row('agent-notready-01');
  await expect(agentStep.cell(row, 'Agent')).toHaveText('Not ready');
  await expect(agentStep.cell(row, 'Result')).toHaveText('Needs attention');
  await expect(agentStep.card('agent-notready-01')).toContainText('The VM agent reports Not Ready. Azure accepts protection, but backups fail until the agent works');
  // It can be accepted, but nothing goes forward until it is accepted or fixed.
  await expect(agentStep.acceptFindings('agent-notready-01')).toHaveCount(1);
  await expect(agentStep.nextButton).toBeDisabled();

  // An administrator fixes the agent; "Check again" re-reads that VM, once.
  await emulator.patchResource(id, agentOf(READY));
  await emulator.clearRequests();
  await agentStep.checkAgainButton('agent-notready-01').click();
  await expect(agentStep.cell(row, 'Agent')).toHaveText('Ready');
  await expect(agentStep.cell(row, 'Result')).toHaveText('Ready');
  await expect(agentStep.status).toHaveText('Checked 1 virtual machines: 1 ready, 0 need attention, 0 blocked.');
  const reads = await emulator.requestsMatching('GET', /\/virtualMachines\/agent-notready-01$/i);
  expect(reads).toHaveLength(1);
  expect(decodeURIComponent(reads[0]?.query ?? '')).toMatch(/\$expand=instanceView/);
  await expect(agentStep.nextButton).toBeEnabled();
});

test('each VM gets the remedy for its own OS', async ({ reachVmsStep, vmsStep, agentStep, emulator }) => {
  await reachVmsStep();
  await vmsStep.discover();
  await vmsStep.clickSelect('web-01');
  await vmsStep.clickSelect('app-linux-01');
  await emulator.patchResource(vmId('rg-web', 'web-01'), agentOf(NOT_READY));
  await emulator.patchResource(vmId('rg-apps', 'app-linux-01'), agentOf(NOT_READY));
  await vmsStep.nextButton.click();

  const windows = agentStep.card('web-01');
  await expect(windows).toContainText('VM agent MSI');
  await expect(windows).toContainText('C:\\WindowsAzure\\Packages\\WaAppAgent.exe');
  await expect(windows).toContainText("Don't install or update the agent while a backup is running.");
  await expect(windows).not.toContainText('WALinuxAgent');

  const linux = agentStep.card('app-linux-01');
  await expect(linux).toContainText('WALinuxAgent');
  await expect(linux).toContainText('Extensions.Enable=y and Provisioning.Agent=auto');
  await expect(linux).toContainText("Don't install or update the agent while a backup is running.");
  await expect(linux).not.toContainText('MSI');
});

test('one read per selected VM, and the agent facts side by side', async ({ reachVmsStep, vmsStep, agentStep, emulator }) => {
  await reachVmsStep();
  await vmsStep.discover();
  for (const name of ['web-01', 'old-agent-01', 'stopped-01', 'ext-failed-01']) await vmsStep.clickSelect(name);
  await emulator.clearRequests();
  await vmsStep.nextButton.click();
  await expect(agentStep.status).toHaveText(/^Checked 4 virtual machines/);

  const reads = (await emulator.requests()).filter((r) => r.method === 'GET' && /\/providers\/Microsoft\.Compute\/virtualMachines\//i.test(r.path));
  expect(reads.map((r) => r.path.split('/').at(-1)).sort()).toEqual(['ext-failed-01', 'old-agent-01', 'stopped-01', 'web-01']);

  const old = agentStep.row('old-agent-01');
  await expect(agentStep.cell(old, 'Agent version')).toHaveText('2.6.1198.600below 2.7.41491.1010');
  await expect(agentStep.cell(old, 'Result')).toHaveText('Needs attention');
  const stopped = agentStep.row('stopped-01');
  await expect(agentStep.cell(stopped, 'Agent')).toHaveText("Can't be read: the VM is deallocated");
  await expect(agentStep.cell(stopped, 'Power state')).toHaveText('Deallocated');
  await expect(agentStep.card('stopped-01')).toContainText('crash-consistent, not application-consistent');
  await expect(agentStep.cell(agentStep.row('web-01'), 'Agent provisioned')).toHaveText('Yes');
  await expect(agentStep.cell(agentStep.row('web-01'), 'Backup extension')).toHaveText('Not installed yet: added at the first backup');
  await expect(agentStep.cell(agentStep.row('ext-failed-01'), 'Backup extension')).toContainText('VMSnapshotLinux: Provisioning failed');
  await expect(agentStep.page.getByText('the service installs it at the first backup')).toBeVisible();
});

test('what needs attention can be accepted per VM, and the acceptance is kept', async ({ page, reachAgentStep, agentStep, networkStep }) => {
  await reachAgentStep(['old-agent-01', 'web-01']);
  await expect(agentStep.cell(agentStep.row('old-agent-01'), 'Result')).toHaveText('Needs attention');
  await expect(agentStep.nextButton).toBeDisabled();
  await expect(page.getByText('1 virtual machine still needs a fix, or acceptance of what needs attention.')).toBeVisible();
  // Both sources: today's minimum decides, the guide's is quoted beside it.
  await expect(agentStep.card('old-agent-01')).toContainText('The 2016 guide required Windows agent 2.6.1198.718 or later, and no Linux version; today Microsoft supports Windows agent 2.7.41491.1010');

  await agentStep.acceptFindings('old-agent-01').check();
  await expect(agentStep.cell(agentStep.row('old-agent-01'), 'Result')).toHaveText('Needs attention (accepted)');
  await expect(agentStep.nextButton).toBeEnabled();

  await page.reload();
  await expect(agentStep.heading).toBeVisible();
  await expect(agentStep.acceptFindings('old-agent-01')).toBeChecked();
  await agentStep.nextButton.click();
  await expect(networkStep.heading).toBeVisible();
});

test('a VM whose read fails shows the error and can be retried', async ({ reachVmsStep, vmsStep, agentStep, emulator }) => {
  await reachVmsStep();
  await vmsStep.discover();
  await vmsStep.clickSelect('web-01');
  await emulator.injectFault({ method: 'GET', path: '/virtualMachines/web-01', status: 404, count: 1, code: 'ResourceNotFound', message: 'gone' });
  await emulator.injectFault({ method: 'GET', path: '/virtualMachines/web-01', status: 400, count: 1, code: 'InvalidParameter', message: 'Something was off.' });
  await vmsStep.nextButton.click();
  await expect(agentStep.card('web-01')).toContainText('This VM no longer exists in Azure');
  await agentStep.checkAgainButton('web-01').click();
  const error = agentStep.card('web-01').getByRole('alert');
  await expect(error).toContainText("The agent of web-01 couldn't be checked");
  await expect(error).toContainText('InvalidParameter');
  await error.getByRole('button', { name: 'Retry' }).click();
  await expect(agentStep.cell(agentStep.row('web-01'), 'Result')).toHaveText('Ready');
});

test('the VM agent step has no serious accessibility violations', async ({ reachAgentStep, agentStep, page }) => {
  await reachAgentStep(['old-agent-01', 'stopped-01']);
  await expect(agentStep.status).toHaveText(/^Checked /);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
