import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, reachGoalStepOn, test, users, type EmulatorControls } from './fixtures.ts';
import { GoalStep } from './pages/goal-step.ts';
import { PolicyStep } from './pages/policy-step.ts';

const POLICY_PUT = /\/backupPolicies\/[^/]+$/i;

/** Nothing may reach ARM while the form has a problem: no policy PUT in the emulator's log. */
async function expectNothingSent(emulator: EmulatorControls, policyStep: PolicyStep) {
  await policyStep.createButton.click();
  await expect(policyStep.nothingSent).toBeVisible();
  expect(await emulator.requestsMatching('PUT', POLICY_PUT)).toEqual([]);
}

async function expectNoSeriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, JSON.stringify(serious.map((v) => [v.id, v.nodes.map((n) => n.target)]), null, 2)).toEqual([]);
}

const at19 = '2024-01-01T19:00:00.000Z';

test('the vault’s policies are listed in plain words with their protected items', async ({ reachPolicyStep, policyStep }) => {
  await reachPolicyStep();
  await expect(policyStep.row('DefaultPolicy')).toContainText('Daily at 19:00 (UTC), keep daily points 30 days, instant restore 2 days');
  await expect(policyStep.row('DefaultPolicy')).toContainText('Standard');
  await expect(policyStep.row('EnhancedPolicy')).toContainText('Every 4 hours from 08:00 for 24 hours (UTC) · Enhanced');
  await expect(policyStep.row('DefaultPolicy').getByRole('cell').last()).toHaveText('0');
  await expect(policyStep.nextButton).toBeDisabled();

  await policyStep.policy('DefaultPolicy').check();
  await expect(policyStep.nextButton).toBeEnabled();
});

test('a weekly Standard policy at 19:00 Pacific time with monthly points is created, and what Azure saved is shown', async ({
  reachPolicyStep,
  policyStep,
  emulator,
  shell,
}) => {
  await reachPolicyStep();
  await policyStep.startNewPolicy();
  await policyStep.name.fill('weekly-pst');
  await expect(policyStep.standard).toBeChecked();
  await policyStep.backUpWeeklyOn(['Sunday', 'Wednesday']);
  await policyStep.pick(policyStep.time, '19:00 (7:00 PM)');
  await policyStep.chooseTimeZone('pacific', 'Pacific Standard Time');
  await policyStep.instantRestore.fill('5');
  await policyStep.weeklyCount.fill('12');
  await policyStep.keepMonthlyPoints('First', 'Sunday', '12');

  const sentence =
    'Weekly on Sunday and Wednesday at 19:00 (Pacific Standard Time), keep weekly points (Sunday and Wednesday) 12 weeks, monthly points (first Sunday) 12 months, instant restore 5 days';
  await expect(policyStep.preview).toContainText(sentence);
  const previewed = await policyStep.previewedBody();
  expect(previewed).toEqual({
    properties: {
      backupManagementType: 'AzureIaasVM',
      policyType: 'V1',
      schedulePolicy: {
        schedulePolicyType: 'SimpleSchedulePolicy',
        scheduleRunFrequency: 'Weekly',
        scheduleRunDays: ['Sunday', 'Wednesday'],
        scheduleRunTimes: [at19],
      },
      retentionPolicy: {
        retentionPolicyType: 'LongTermRetentionPolicy',
        weeklySchedule: { daysOfTheWeek: ['Sunday', 'Wednesday'], retentionTimes: [at19], retentionDuration: { count: 12, durationType: 'Weeks' } },
        monthlySchedule: {
          retentionScheduleFormatType: 'Weekly',
          retentionScheduleWeekly: { daysOfTheWeek: ['Sunday'], weeksOfTheMonth: ['First'] },
          retentionTimes: [at19],
          retentionDuration: { count: 12, durationType: 'Months' },
        },
      },
      instantRpRetentionRangeInDays: 5,
      timeZone: 'Pacific Standard Time',
    },
  });

  await policyStep.createButton.click();
  await expect(policyStep.saved).toBeVisible();
  await expect(policyStep.saved).toContainText('Policy weekly-pst created and selected');
  await expect(policyStep.saved).toContainText(sentence);
  expect(await policyStep.savedFacts()).toEqual({
    'Policy type': 'Standard (V1)',
    Schedule: 'Weekly on Sunday and Wednesday at 19:00',
    'Time zone': 'Pacific Standard Time — (UTC-08:00) Pacific Time (US & Canada)',
    'Instant restore snapshots': '5 days',
    'Daily backup points': 'Not kept',
    'Weekly backup points': 'Sunday and Wednesday, 12 weeks',
    'Monthly backup points': 'first Sunday, 12 months',
    'Yearly backup points': 'Not kept',
    'Protected items': '0',
  });

  // Exactly one PUT, carrying exactly the previewed body; then the operation was polled and the policy read back.
  const puts = await emulator.requestsMatching('PUT', POLICY_PUT);
  expect(puts.map((r) => r.path)).toEqual([expect.stringMatching(/\/backupPolicies\/weekly-pst$/)]);
  expect(puts[0]?.body).toEqual(previewed);
  expect(await emulator.requestsMatching('GET', /\/backupPolicies\/weekly-pst\/operations\/[^/]+$/i)).not.toHaveLength(0);

  await expect(policyStep.policy('weekly-pst')).toBeChecked();
  await expect(policyStep.row('weekly-pst')).toContainText(sentence);
  await expect(shell.step('Policy')).toContainText('weekly-pst');
  await expect(policyStep.nextButton).toBeEnabled();
});

test('an Enhanced policy backing up every 6 hours is created', async ({ reachPolicyStep, policyStep, emulator }) => {
  await reachPolicyStep();
  await policyStep.startNewPolicy();
  await policyStep.name.fill('hourly-6h');
  await policyStep.enhanced.check();
  await policyStep.frequency('Hourly').check();
  await policyStep.pick(policyStep.interval, '6 hours');
  await policyStep.pick(policyStep.startTime, '08:00 (8:00 AM)');
  await policyStep.pick(policyStep.duration, '12 hours');
  await policyStep.instantRestore.fill('7');
  const sentence = 'Every 6 hours from 08:00 for 12 hours (UTC) · Enhanced, keep daily points 30 days, instant restore 7 days';
  await expect(policyStep.preview).toContainText(sentence);

  await policyStep.createButton.click();
  await expect(policyStep.saved).toContainText(sentence);
  expect(await policyStep.savedFacts()).toMatchObject({ 'Policy type': 'Enhanced (V2)', 'Daily backup points': '30 days' });
  const [put] = await emulator.requestsMatching('PUT', POLICY_PUT);
  expect(put?.body).toMatchObject({
    properties: {
      policyType: 'V2',
      schedulePolicy: {
        schedulePolicyType: 'SimpleSchedulePolicyV2',
        scheduleRunFrequency: 'Hourly',
        hourlySchedule: { interval: 6, scheduleWindowStartTime: '2024-01-01T08:00:00.000Z', scheduleWindowDuration: 12 },
      },
    },
  });
});

test('a policy name breaking the rules, or already used in the vault, is refused before anything is sent', async ({
  reachPolicyStep,
  policyStep,
  emulator,
}) => {
  await reachPolicyStep();
  await policyStep.startNewPolicy();
  await expectNothingSent(emulator, policyStep);
  await policyStep.expectFieldMessage(policyStep.name, 'Enter a policy name.');

  await policyStep.name.fill('1st_policy');
  await policyStep.expectFieldMessage(policyStep.name, 'Start the name with a letter.');
  await policyStep.expectFieldMessage(policyStep.name, 'Use only letters, digits and hyphens (-).');
  await policyStep.name.fill('ab');
  await policyStep.expectFieldMessage(policyStep.name, 'Use 3 to 150 characters (this has 2).');
  await policyStep.name.fill('nightly-');
  await policyStep.expectFieldMessage(policyStep.name, 'The name cannot end with a hyphen.');
  await expectNothingSent(emulator, policyStep);

  await policyStep.name.fill('defaultpolicy');
  await policyStep.expectFieldMessage(policyStep.name, 'The vault already has a policy named "DefaultPolicy".');
  await expectNothingSent(emulator, policyStep);
  await expect(policyStep.name).toHaveValue('defaultpolicy');
});

test('out-of-range retention and instant restore values are refused next to their fields, and nothing is sent', async ({
  reachPolicyStep,
  policyStep,
  emulator,
}) => {
  await reachPolicyStep();
  await policyStep.startNewPolicy();
  await policyStep.name.fill('too-short');

  await policyStep.dailyCount.fill('3');
  await policyStep.expectFieldMessage(policyStep.dailyCount, 'Daily backup points can be kept for 7 to 9999 days (you entered 3).');
  await policyStep.instantRestore.fill('6');
  await policyStep.expectFieldMessage(
    policyStep.instantRestore,
    'With a Standard policy, instant restore snapshots are kept 1 to 5 days (you entered 6).',
  );
  await policyStep.keepMonthly.check();
  await policyStep.monthlyCount.fill('0');
  await policyStep.expectFieldMessage(policyStep.monthlyCount, 'Monthly backup points can be kept for 1 to 1188 months (you entered 0).');
  await expectNothingSent(emulator, policyStep);
  await expect(policyStep.nothingSent).toContainText('Fix the 3 problems marked above');

  // What was typed stays, so it can be corrected.
  await expect(policyStep.dailyCount).toHaveValue('3');
  await expect(policyStep.monthlyCount).toHaveValue('0');
});

test('a weekly Standard policy must keep instant restore snapshots for exactly 5 days', async ({ reachPolicyStep, policyStep, emulator }) => {
  await reachPolicyStep();
  await policyStep.startNewPolicy();
  await policyStep.name.fill('weekly-two-days');
  await policyStep.backUpWeeklyOn(['Sunday']);
  await policyStep.instantRestore.fill('2');
  await policyStep.expectFieldMessage(
    policyStep.instantRestore,
    'A weekly Standard policy keeps instant restore snapshots for exactly 5 days (you entered 2).',
  );
  await expectNothingSent(emulator, policyStep);
});

test('an Enhanced hourly window that is not a multiple of the interval is refused', async ({ reachPolicyStep, policyStep, emulator }) => {
  await reachPolicyStep();
  await policyStep.startNewPolicy();
  await policyStep.name.fill('hourly-odd');
  await policyStep.enhanced.check();
  await policyStep.frequency('Hourly').check();
  await policyStep.pick(policyStep.interval, '4 hours');
  await policyStep.pick(policyStep.duration, '6 hours');
  await policyStep.expectFieldMessage(policyStep.duration, /must be a multiple of the interval: with a backup every 4 hours, choose 4, 8, 12, 16, 20 or 24 hours \(not 6\)/);
  await expectNothingSent(emulator, policyStep);
});

test('a draft survives a reload, and a name taken meanwhile elsewhere is reported, never overwritten', async ({
  reachPolicyStep,
  policyStep,
  emulator,
  page,
  browser,
}) => {
  test.slow(); // two browsers walk through the wizard
  await reachPolicyStep();
  await policyStep.startNewPolicy();
  await policyStep.name.fill('race-policy');
  await policyStep.dailyCount.fill('45');
  await page.reload();
  await expect(policyStep.name).toHaveValue('race-policy');
  await expect(policyStep.dailyCount).toHaveValue('45');

  // From another browser, a policy with the same name is created after this page listed the vault's policies.
  const elsewhere = await browser.newContext({ ignoreHTTPSErrors: true });
  const elsewherePage = await elsewhere.newPage();
  await reachGoalStepOn(elsewherePage, users.alice);
  await new GoalStep(elsewherePage).confirm();
  const other = new PolicyStep(elsewherePage);
  await other.startNewPolicy();
  await other.name.fill('race-policy');
  await other.createButton.click();
  await expect(other.saved).toBeVisible();
  await elsewhere.close();

  await policyStep.dailyCount.fill('60');
  await policyStep.createButton.click();
  await expect(policyStep.alreadyExists).toBeVisible();
  expect(await emulator.requestsMatching('PUT', POLICY_PUT)).toHaveLength(1);
  await page.getByRole('button', { name: 'Use race-policy' }).click();
  await expect(policyStep.policy('race-policy')).toBeChecked();
});

test('the time zone can be searched and chosen with the keyboard alone', async ({ reachPolicyStep, policyStep, page }) => {
  await reachPolicyStep();
  await policyStep.createNewButton.focus();
  await page.keyboard.press('Enter');
  await expect(policyStep.name).toBeFocused();
  for (let i = 0; i < 30 && !(await policyStep.timeZone.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(policyStep.timeZone).toBeFocused();
  await page.keyboard.type('los angeles');
  await expect(page.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(policyStep.timeZone).toHaveValue('Pacific Standard Time — (UTC-08:00) Pacific Time (US & Canada)');
  await expect(policyStep.preview).toContainText('(Pacific Standard Time)');

  // Escape leaves a half-typed search without changing the choice.
  await page.keyboard.type('xyz');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(policyStep.timeZone).toHaveValue('Pacific Standard Time — (UTC-08:00) Pacific Time (US & Canada)');
});

test('the policy step, with its form open, has no serious accessibility violations', async ({ reachPolicyStep, policyStep, page }) => {
  await reachPolicyStep();
  await expectNoSeriousViolations(page);
  await policyStep.startNewPolicy();
  await policyStep.keepMonthly.check();
  await policyStep.dailyCount.fill('3');
  await policyStep.jsonToggle.click();
  await expectNoSeriousViolations(page);
});

test('a Reader can list the policies but is told which permission creating one needs', async ({ reachPolicyStep, policyStep, emulator }) => {
  await reachPolicyStep(users.rita);
  await expect(policyStep.row('DefaultPolicy')).toBeVisible();
  await policyStep.startNewPolicy();
  await policyStep.name.fill('readers-policy');
  await policyStep.createButton.click();
  const refused = policyStep.page.getByRole('alert').filter({ hasText: 'Policy readers-policy could not be created' });
  await expect(refused).toContainText(/You lack permission Microsoft\.RecoveryServices\/vaults\/backupPolicies\/write on scope \/subscriptions\/.+\/vaults\/rsv-prod-weu/i);
  await expect(refused).toContainText('AuthorizationFailed');
  await expect(refused).toContainText('Request ID');
  const [put] = await emulator.requestsMatching('PUT', POLICY_PUT);
  expect(put?.status).toBe(403);
  await expect(policyStep.name).toHaveValue('readers-policy');
});
