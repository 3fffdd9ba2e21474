import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';

test('the backup goal offers Azure virtual machines only, shows the other workloads disabled, and confirming moves on', async ({
  reachGoalStep,
  goalStep,
  policyStep,
  shell,
}) => {
  await reachGoalStep();

  await expect(goalStep.workload('Azure')).toBeChecked();
  await expect(goalStep.workload('On-premises')).toBeDisabled();
  await expect(goalStep.item('Virtual machine')).toBeChecked();
  for (const other of ['Azure Files (Azure Storage)', 'SQL Server in Azure VM', 'SAP HANA in Azure VM', 'Azure Blobs (Azure Storage)']) {
    await expect(goalStep.item(other)).toBeDisabled();
  }
  await expect(goalStep.backupItem).toHaveAccessibleDescription(/This tool covers Azure virtual machines only/);

  await goalStep.confirm();
  await expect(policyStep.heading).toBeVisible();
  await expect(shell.step('Backup goal')).toContainText('Azure virtual machines');
});

test('the policy step stays closed until the goal is confirmed', async ({ reachGoalStep, goalStep, policyStep, page }) => {
  await reachGoalStep();
  await policyStep.goto();
  await expect(goalStep.heading).toBeVisible();
  await expect(page).toHaveURL(/\/setup\/goal$/);
});

test('the backup goal step has no serious accessibility violations', async ({ reachGoalStep, page }) => {
  await reachGoalStep();
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, JSON.stringify(serious.map((v) => [v.id, v.nodes.map((n) => n.target)]), null, 2)).toEqual([]);
});
