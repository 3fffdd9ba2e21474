import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, subscriptions, test } from './fixtures.ts';

const SUB = `/subscriptions/${subscriptions.production.id}`;
const NSG_LOCKED = `${SUB}/resourceGroups/rg-network/providers/Microsoft.Network/networkSecurityGroups/nsg-snet-locked`;
const NSG_APPS = `${SUB}/resourceGroups/rg-network/providers/Microsoft.Network/networkSecurityGroups/nsg-snet-apps`;

/** Presses Tab until `target` has focus (keyboard only, no clicks). */
async function tabTo(page: Page, target: Locator, limit = 80) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab never reached the target');
}

test('the allow-rule fix opens a denied path, and the rules exist in Azure afterwards', async ({ reachNetworkStep, networkStep, emulator }) => {
  await reachNetworkStep(['blocked-443-01']);
  const row = networkStep.row('blocked-443-01');
  // Denied HTTPS needs attention today, not a block: with a supported agent, backup needs no outbound rule.
  await expect(networkStep.cell(row, 'Verdict')).toHaveText('Needs attention');
  await expect(networkStep.cell(row, 'HTTPS to Azure Storage (TCP 443)')).toHaveText('Denied by nsg-snet-locked, rule DenyHttpsToInternet (priority 200)');
  await expect(networkStep.card('blocked-443-01')).toContainText("The 2016 guide required outbound HTTPS to Azure, opened by allow-listing the Azure datacenter IP ranges or through an HTTP proxy; today explicit outbound connectivity isn't required");
  await expect(networkStep.cell(row, 'Evaluated from')).toHaveText("Effective rules of the running VM's network interface");
  await expect(networkStep.cell(row, 'Network interfaces and NSGs')).toContainText('blocked-443-01-nic, subnet snet-locked');
  await expect(networkStep.nextButton).toBeDisabled();

  await networkStep.fixButton('blocked-443-01').click();
  const panel = networkStep.fixPanel('blocked-443-01');
  for (const tag of ['Storage', 'AzureBackup', 'AzureActiveDirectory'] as const) await expect(networkStep.tag(panel, tag)).toBeChecked();
  const shown = JSON.parse((await networkStep.requestBody('allow-storage-443').textContent()) ?? '{}') as unknown;
  expect(shown).toEqual({
    properties: {
      description: 'Azure VM backup: allow HTTPS to Storage.',
      protocol: 'Tcp',
      sourcePortRange: '*',
      destinationPortRange: '443',
      sourceAddressPrefix: '10.10.4.0/24',
      destinationAddressPrefix: 'Storage',
      access: 'Allow',
      priority: 199,
      direction: 'Outbound',
    },
  });
  await expect(panel).toContainText(`PUT ${NSG_LOCKED}/securityRules/allow-storage-443?api-version=2026-01-01`);

  await emulator.clearRequests();
  await networkStep.createRulesButton(panel).click();
  await expect(panel.getByText('Rules created')).toBeVisible();
  // Created: the button is gone, so nothing can be sent twice.
  await expect(networkStep.createRulesButton(panel)).toHaveCount(0);
  await expect(networkStep.cell(row, 'Verdict')).toHaveText('Ready');
  await expect(networkStep.cell(row, 'HTTPS to Azure Storage (TCP 443)')).toHaveText('Open: allowed by nsg-snet-locked, rule allow-storage-443 (priority 199)');
  await expect(networkStep.nextButton).toBeEnabled();

  const puts = await emulator.requestsMatching('PUT', /\/securityRules\//i);
  expect(puts.map((r) => r.path.split('/').at(-1))).toEqual(['allow-storage-443', 'allow-azurebackup-443', 'allow-azureactivedirectory-443']);
  expect(puts[0]?.body).toEqual(shown);
  const rule = await emulator.resource(`${NSG_LOCKED}/securityRules/allow-azureactivedirectory-443`);
  expect(rule).toMatchObject({ properties: { priority: 197, access: 'Allow', direction: 'Outbound', destinationAddressPrefix: 'AzureActiveDirectory', provisioningState: 'Succeeded' } });
});

test('a refused rule shows the permission error, with what to ask for', async ({ reachNetworkStep, networkStep, emulator }) => {
  await reachNetworkStep(['blocked-storage-01']);
  await networkStep.fixButton('blocked-storage-01').click();
  const panel = networkStep.fixPanel('blocked-storage-01');
  await expect(networkStep.tag(panel, 'Storage')).toBeChecked();
  await expect(networkStep.tag(panel, 'AzureBackup')).not.toBeChecked();
  await expect(networkStep.requestBody('allow-storage-443')).toContainText('"priority": 299');
  const scope = `${SUB}/resourceGroups/rg-apps/providers/Microsoft.Network/networkSecurityGroups/nsg-nic-nostorage/securityRules/allow-storage-443`;
  await emulator.injectFault({
    method: 'PUT',
    path: '/securityRules/',
    status: 403,
    count: 1,
    code: 'AuthorizationFailed',
    message: `The client 'rita@contoso.example' with object id '4ead0000-0000-4000-8000-000000000003' does not have authorization to perform action 'Microsoft.Network/networkSecurityGroups/securityRules/write' over scope '${scope}' or the scope is invalid.`,
  });
  await networkStep.createRulesButton(panel).click();
  const error = panel.getByRole('alert');
  await expect(error).toContainText('Rule allow-storage-443 could not be created');
  await expect(error).toContainText('You lack permission Microsoft.Network/networkSecurityGroups/securityRules/write');
  await expect(error).toContainText('AuthorizationFailed');
  // Nothing was created; retrying (with the permission granted) goes through.
  await networkStep.createRulesButton(panel).click();
  await expect(panel.getByText('Rules created')).toBeVisible();
  await expect(networkStep.cell(networkStep.row('blocked-storage-01'), 'Verdict')).toHaveText('Ready');
});

test('the proxy steps show the values typed, and the proxy rule can be applied', async ({ reachNetworkStep, networkStep, emulator }) => {
  await reachNetworkStep(['blocked-443-01']);
  await expect(networkStep.optionsTable).toContainText('HTTP proxy');
  await expect(networkStep.optionsTable).toContainText('Storage, AzureBackup, AzureActiveDirectory service tags');
  await expect(networkStep.todayNote).toBeVisible();

  await networkStep.proxyIp.fill('10.10.4.10');
  await networkStep.proxyPort.fill('3128');
  await networkStep.showProxyStepsButton.click();
  await expect(networkStep.windowsSteps).toContainText('psexec -i -s');
  await expect(networkStep.windowsSteps).toContainText('set Address to 10.10.4.10 and Port to 3128');
  await expect(networkStep.windowsSteps).toContainText('HKEY_USERS\\S-1-5-18');
  await expect(networkStep.linuxSteps).toContainText('http_proxy=http://10.10.4.10:3128');
  await expect(networkStep.linuxSteps).toContainText('HttpProxy.Host=10.10.4.10');
  await expect(networkStep.linuxSteps).toContainText('HttpProxy.Port=3128');
  await expect(networkStep.firewallSteps).toContainText('-LocalPort 3128');
  await expect(networkStep.page.getByText('(407) Proxy Authentication Required')).toBeVisible();
  await expect(networkStep.page.getByRole('button', { name: 'Copy Linux proxy steps, step 1' })).toBeVisible();

  // The NSG that blocks the VM is offered first; the rule goes just before its deny rule.
  await expect(networkStep.proxyNsg).toHaveValue(NSG_LOCKED);
  await expect(networkStep.requestBody('allow-proxy')).toContainText('"sourceAddressPrefix": "10.10.4.10/32"');
  await expect(networkStep.requestBody('allow-proxy')).toContainText('"priority": 199');
  await expect(networkStep.nsgCommandSteps).toContainText("Add-AzNetworkSecurityRuleConfig -Name 'allow-proxy' -Access Allow -Protocol Tcp -Direction Outbound -Priority 199 -SourceAddressPrefix '10.10.4.10/32'");
  await networkStep.createProxyRuleButton.click();
  await expect(networkStep.page.getByText('Rule allow-proxy now exists in nsg-snet-locked.')).toBeVisible();
  expect(await emulator.resource(`${NSG_LOCKED}/securityRules/allow-proxy`)).toMatchObject({ properties: { priority: 199, destinationPortRange: '80-443' } });

  await expect(networkStep.nextButton).toBeDisabled();
  await networkStep.useProxyButton.click();
  await expect(networkStep.proxyChosen).toBeVisible();
  await expect(networkStep.nextButton).toBeEnabled();
  await expect(networkStep.page.getByText('Backup traffic goes through proxy 10.10.4.10:3128.')).toBeVisible();
});

test('invalid proxy input is refused before anything is sent, and nothing typed is lost', async ({ reachNetworkStep, networkStep, emulator }) => {
  await reachNetworkStep(['web-01']);
  await expect(networkStep.status).toHaveText(/^Checked /);
  await emulator.clearRequests();
  await networkStep.proxyIp.fill('10.0.0.256');
  await networkStep.proxyPort.fill('70000');
  await networkStep.showProxyStepsButton.click();
  await expect(networkStep.page.getByText('Enter an IPv4 address such as 10.0.0.5 (four numbers from 0 to 255).')).toBeVisible();
  await expect(networkStep.page.getByText('Enter a port from 1 to 65535.')).toBeVisible();
  await expect(networkStep.proxyIp).toBeFocused();
  await expect(networkStep.proxyIp).toHaveAttribute('aria-invalid', 'true');
  await expect(networkStep.windowsSteps).toHaveCount(0);
  await expect(networkStep.useProxyButton).toHaveCount(0);
  expect(await emulator.requests()).toEqual([]);

  // Fixing one field clears its own message only; the values survive a reload.
  await networkStep.proxyIp.fill('10.0.0.5');
  await expect(networkStep.page.getByText('Enter an IPv4 address such as 10.0.0.5 (four numbers from 0 to 255).')).toHaveCount(0);
  await expect(networkStep.page.getByText('Enter a port from 1 to 65535.')).toBeVisible();
  await networkStep.page.reload();
  await expect(networkStep.proxyIp).toHaveValue('10.0.0.5');
  await expect(networkStep.proxyPort).toHaveValue('70000');
});

test('a VM not running is judged from its NSG rules, and a deny of 168.63.129.16 found later blocks it', async ({ reachNetworkStep, networkStep, emulator }) => {
  await reachNetworkStep(['stopped-01', 'app-linux-01']);
  const stopped = networkStep.row('stopped-01');
  await expect(networkStep.cell(stopped, 'Evaluated from')).toHaveText(
    'NSG rules (the VM is deallocated, and Azure computes effective rules only for a running VM)',
  );
  await expect(networkStep.nextButton).toBeEnabled();

  // Someone adds a deny of the platform address to the subnet's NSG after the VMs were chosen.
  const denyPlatform = {
    name: 'DenyAzurePlatform',
    properties: {
      priority: 150,
      direction: 'Outbound',
      access: 'Deny',
      protocol: '*',
      sourceAddressPrefix: '*',
      sourcePortRange: '*',
      destinationAddressPrefix: '168.63.129.16/32',
      destinationPortRange: '*',
    },
  };
  await emulator.patchResource(NSG_APPS, { properties: { securityRules: [denyPlatform] } });
  await networkStep.checkAllButton.click();
  const linux = networkStep.row('app-linux-01');
  await expect(networkStep.cell(linux, 'Verdict')).toHaveText('Blocked');
  await expect(networkStep.cell(linux, '168.63.129.16')).toHaveText('Denied by nsg-snet-apps, rule DenyAzurePlatform (priority 150), on 80, 32526, 443');
  await expect(networkStep.card('app-linux-01')).toContainText('denies 168.63.129.16 on TCP 80, TCP 32526, TCP 443');
  await expect(networkStep.card('app-linux-01')).toContainText("can't be accepted");
  // Blocked can't be accepted, and the proxy doesn't help either.
  await expect(networkStep.acceptFindings('app-linux-01')).toHaveCount(0);
  await expect(networkStep.acceptFindings('stopped-01')).toHaveCount(0);
  await expect(networkStep.nextButton).toBeDisabled();
});

test('a keyboard-only user fixes a blocked VM', async ({ page, reachNetworkStep, networkStep }) => {
  await reachNetworkStep(['blocked-443-01']);
  const fix = networkStep.fixButton('blocked-443-01');
  await expect(fix).toBeVisible();
  await page.getByRole('heading', { level: 1 }).focus();
  await tabTo(page, fix);
  await page.keyboard.press('Enter');
  const panel = networkStep.fixPanel('blocked-443-01');
  await expect(panel.getByRole('heading', { name: 'Fix blocked-443-01 with an allow rule' })).toBeFocused();

  // Leave out AzureActiveDirectory: Tab to its checkbox, Space.
  const aad = networkStep.tag(panel, 'AzureActiveDirectory');
  await tabTo(page, aad);
  await page.keyboard.press('Space');
  await expect(aad).not.toBeChecked();
  await expect(networkStep.requestBody('allow-azureactivedirectory-443')).toHaveCount(0);

  const create = networkStep.createRulesButton(panel);
  await tabTo(page, create);
  await page.keyboard.press('Enter');
  await expect(panel.getByText('Rules created')).toBeVisible();
  await expect(panel).toContainText('allow-storage-443, allow-azurebackup-443 now exist in NSG nsg-snet-locked');
  // Azure AD was left out, but the guide's backup path (Storage) is open now: Ready, and the card says why.
  await expect(networkStep.cell(networkStep.row('blocked-443-01'), 'Verdict')).toHaveText('Ready');
  await expect(networkStep.card('blocked-443-01')).toContainText('HTTPS to Azure Storage is open: rule allow-storage-443 (priority 199) in NSG nsg-snet-locked allows it');
  await expect(networkStep.card('blocked-443-01')).toContainText('AzureActiveDirectory, Internet are denied, which VM backup doesn');
});

test('the network step has no serious accessibility violations', async ({ reachNetworkStep, networkStep, page }) => {
  await reachNetworkStep(['blocked-443-01', 'web-01']);
  await expect(networkStep.status).toHaveText(/^Checked /);
  await networkStep.fixButton('blocked-443-01').click();
  await networkStep.proxyIp.fill('10.10.4.10');
  await networkStep.proxyPort.fill('3128');
  await networkStep.showProxyStepsButton.click();
  await expect(networkStep.linuxSteps).toBeVisible();
  await expect(networkStep.proxyNsg).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
