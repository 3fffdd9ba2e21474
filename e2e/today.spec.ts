// Readiness as Azure works today, beside the 2016 guide (issue 10): what needs attention goes ahead once
// accepted, what Azure refuses or can't back up is Blocked, and a Standard policy for a VM that needs
// Enhanced is refused at Review before anything is sent.
import { expect, test } from './fixtures.ts';
import type { EnableStep } from './pages/enable-step.ts';
import type { ReviewStep } from './pages/review-step.ts';

const WRITES = new Set(['PUT', 'PATCH', 'DELETE']);

type Steps = { reviewStep: ReviewStep; enableStep: EnableStep };

/** From Review: approve the plan, enable backup for the one VM and open the summary. */
async function enableAndSummarise({ reviewStep, enableStep }: Steps, vmName: string) {
  await expect(reviewStep.nextButton).toBeEnabled({ timeout: 20_000 });
  await reviewStep.nextButton.click();
  await enableStep.enableButton.click();
  await expect(enableStep.statusOf(vmName)).toContainText('Protected', { timeout: 30_000 });
  await enableStep.nextButton.click();
}

test('a VM whose NSG denies outbound HTTPS is enabled once the user accepts it', async ({ reachNetworkStep, networkStep, reviewStep, enableStep, summaryStep }) => {
  test.setTimeout(120_000);
  await reachNetworkStep(['blocked-443-01']);
  await expect(networkStep.cell(networkStep.row('blocked-443-01'), 'Verdict')).toHaveText('Needs attention');
  await expect(networkStep.nextButton).toBeDisabled();

  await networkStep.acceptFindings('blocked-443-01').check();
  await expect(networkStep.cell(networkStep.row('blocked-443-01'), 'Verdict')).toHaveText('Needs attention (accepted)');
  await networkStep.nextButton.click();

  await expect(reviewStep.acceptedFindings).toContainText('blocked-443-01 (Network): Outbound HTTPS to Azure Storage is denied');
  await enableAndSummarise({ reviewStep, enableStep }, 'blocked-443-01');
  await expect(summaryStep.section('Readiness findings still open')).toContainText(
    'blocked-443-01 (Network): Needs attention: Outbound HTTPS to Azure Storage is denied (accepted)',
  );
});

test('a VM whose NSG denies 168.63.129.16 is Blocked and cannot be selected', async ({ reachVmsStep, vmsStep }) => {
  await reachVmsStep();
  await vmsStep.discover();
  const row = await vmsStep.find('platform-deny-01');
  await expect(vmsStep.readiness(row)).toContainText('Blocked');
  await expect(vmsStep.readiness(row)).toContainText('Rule DenyAzurePlatform (priority 150) in NSG nsg-nic-deny-platform denies 168.63.129.16');
  await expect(vmsStep.cell(row, 'Network')).toHaveText('168.63.129.16 denied by nsg-nic-deny-platform');
  await vmsStep.selectCell(row).click();
  await expect(vmsStep.announcements).toHaveText(/^platform-deny-01 can't be selected: Blocked: /);
  await expect(vmsStep.selectedCount).toHaveText('No virtual machine selected');
  // The guide's statement is shown beside today's, where the two differ.
  await vmsStep.grid.getByRole('row').filter({ hasText: 'platform-deny-01' }).click();
  await expect(vmsStep.details).toContainText("The 2016 guide asked only for outbound connectivity to Azure's public IP addresses and didn't mention 168.63.129.16; today extensions fail when 168.63.129.16 is blocked");

  // A Storage allow before an Internet deny leaves the backup path open, and the details say so.
  const open = await vmsStep.find('storage-only-01');
  await expect(vmsStep.readiness(open)).toContainText('Ready');
  await open.click();
  await expect(vmsStep.details).toContainText('HTTPS to Azure Storage is open: rule AllowStorageHttps (priority 100) in NSG nsg-nic-storage-only allows it before rule DenyInternetOutbound (priority 200)');
});

test('a VM whose agent is Not Ready is selectable, is accepted on the agent step, and is listed as open in the summary', async ({
  reachAgentStep,
  agentStep,
  networkStep,
  reviewStep,
  enableStep,
  summaryStep,
}) => {
  test.setTimeout(120_000);
  await reachAgentStep(['agent-notready-01']);
  await expect(agentStep.cell(agentStep.row('agent-notready-01'), 'Result')).toHaveText('Needs attention');
  await expect(agentStep.nextButton).toBeDisabled();
  await agentStep.acceptFindings('agent-notready-01').check();
  await agentStep.nextButton.click();
  await expect(networkStep.heading).toBeVisible();
  await expect(networkStep.nextButton).toBeEnabled();
  await networkStep.nextButton.click();

  await expect(reviewStep.acceptedFindings).toContainText('agent-notready-01 (Agent): The VM agent is not ready');
  await enableAndSummarise({ reviewStep, enableStep }, 'agent-notready-01');
  await expect(summaryStep.section('Readiness findings still open')).toContainText(
    'agent-notready-01 (Agent): Needs attention: The VM agent is not ready (accepted)',
  );
});

test('a VM that needs attention for its size is selected only with an acceptance', async ({ reachVmsStep, vmsStep }) => {
  await reachVmsStep();
  await vmsStep.discover();
  await vmsStep.clickSelect('tiny-01');
  await expect(vmsStep.selectedCount).toHaveText('No virtual machine selected');
  await expect(vmsStep.announcements).toHaveText('tiny-01 needs attention: read its findings in the details, then accept them to select it.');
  await expect(vmsStep.details).toContainText('Standard_B1ls has 1 core and 0.5 GB of memory');
  await vmsStep.details.getByRole('button', { name: 'Accept and select tiny-01' }).click();
  await expect(vmsStep.selectedCount).toHaveText('1 virtual machine selected');
  await expect(vmsStep.details).toContainText('VM size below the supported minimum (accepted)');
});

test('a Trusted Launch VM with a Standard policy is refused at Review before anything is sent', async ({ reachNetworkStep, networkStep, reviewStep, policyStep, emulator }) => {
  test.setTimeout(120_000);
  await reachNetworkStep(['tl-01']);
  await emulator.clearRequests();
  await networkStep.nextButton.click();
  const row = reviewStep.row('Enable protection of tl-01');
  await expect(reviewStep.cell(row, 'Change')).toHaveText('Conflict', { timeout: 20_000 });
  await expect(reviewStep.cell(row, 'What')).toContainText('Needs an Enhanced policy (Trusted Launch: a Standard policy needs backup API 2025-01-01 or later, and this wizard uses 2023-06-01)');
  await expect(reviewStep.cell(row, 'What')).toContainText('DefaultPolicy is a Standard policy');
  await expect(reviewStep.footerNote).toHaveText('Enable is blocked: 1 item cannot be done as chosen.');
  await expect(reviewStep.nextButton).toBeDisabled();

  // Review reads (GET, and the permission and backupStatus POSTs); a write would be a PUT, PATCH or DELETE.
  const writes = (await emulator.requests()).filter((r) => WRITES.has(r.method));
  expect(writes.map((r) => `${r.method} ${r.path}`)).toEqual([]);

  // The Policy step names the VM too.
  await policyStep.goto();
  await expect(policyStep.page.getByText('DefaultPolicy is a Standard policy: it can’t protect one of the selected virtual machines')).toBeVisible();
  await expect(policyStep.page.getByText(/tl-01: Trusted Launch/)).toBeVisible();
});
