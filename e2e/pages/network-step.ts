import type { Locator, Page } from '@playwright/test';

type NetworkColumn = 'Network interfaces and NSGs' | 'Evaluated from' | 'Verdict' | 'HTTPS to Azure Storage (TCP 443)' | '168.63.129.16';

/** Step 8: outbound HTTPS per selected VM, the allow-rule fix and the HTTP-proxy path. */
export class NetworkStep {
  readonly page: Page;
  readonly heading: Locator;
  readonly optionsTable: Locator;
  readonly todayNote: Locator;
  readonly table: Locator;
  readonly checkAllButton: Locator;
  readonly findings: Locator;
  readonly status: Locator;
  readonly proxyForm: Locator;
  readonly proxyIp: Locator;
  readonly proxyPort: Locator;
  readonly showProxyStepsButton: Locator;
  readonly windowsSteps: Locator;
  readonly linuxSteps: Locator;
  readonly firewallSteps: Locator;
  readonly nsgCommandSteps: Locator;
  readonly proxyNsg: Locator;
  readonly createProxyRuleButton: Locator;
  readonly useProxyButton: Locator;
  readonly proxyChosen: Locator;
  readonly nextButton: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Check network access' });
    this.optionsTable = page.getByRole('table', { name: 'Ways to open outbound access for backup' });
    this.todayNote = page.getByText('What Microsoft says today');
    this.table = page.getByRole('table', { name: 'Outbound HTTPS of the selected virtual machines' });
    this.checkAllButton = page.getByRole('button', { name: 'Check all again' });
    this.findings = page.getByRole('region', { name: 'Findings and fixes' });
    this.status = page.getByRole('status').filter({ hasText: /virtual machines/ });
    this.proxyForm = page.getByRole('form', { name: 'HTTP proxy' });
    this.proxyIp = page.getByRole('textbox', { name: 'Proxy IP address' });
    this.proxyPort = page.getByRole('textbox', { name: 'Proxy port' });
    this.showProxyStepsButton = page.getByRole('button', { name: 'Show the proxy steps' });
    this.windowsSteps = page.getByRole('list', { name: 'Windows proxy steps' });
    this.linuxSteps = page.getByRole('list', { name: 'Linux proxy steps' });
    this.firewallSteps = page.getByRole('list', { name: 'Proxy VM firewall steps' });
    this.nsgCommandSteps = page.getByRole('list', { name: 'NSG rule for the proxy, by command' });
    this.proxyNsg = page.getByRole('combobox', { name: 'NSG in front of the proxy VM' });
    this.createProxyRuleButton = page.getByRole('button', { name: /^Create rule allow-proxy in / });
    this.useProxyButton = page.getByRole('button', { name: 'Use this proxy for the selected VMs' });
    this.proxyChosen = page.getByText('Backup traffic goes through the proxy');
    this.nextButton = page.getByRole('button', { name: 'Next' });
  }

  async goto() {
    await this.page.goto('/setup/network');
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByText(name, { exact: true }) });
  }

  cell(row: Locator, column: NetworkColumn): Locator {
    const order: NetworkColumn[] = ['Network interfaces and NSGs', 'Evaluated from', 'Verdict', 'HTTPS to Azure Storage (TCP 443)', '168.63.129.16'];
    return row.getByRole('cell').nth(1 + order.indexOf(column));
  }

  checkAgainButton(name: string): Locator {
    return this.page.getByRole('button', { name: `Check again ${name}` });
  }

  card(name: string): Locator {
    return this.findings.getByRole('region', { name, exact: true });
  }

  fixButton(name: string): Locator {
    return this.page.getByRole('button', { name: `Fix ${name} with an allow rule` });
  }

  fixPanel(name: string): Locator {
    return this.page.getByRole('region', { name: `Fix ${name} with an allow rule` });
  }

  tag(panel: Locator, tag: 'Storage' | 'AzureBackup' | 'AzureActiveDirectory'): Locator {
    return panel.getByRole('checkbox', { name: new RegExp(`^${tag}:`) });
  }

  requestBody(ruleName: string): Locator {
    return this.page.getByLabel(`request body of rule ${ruleName}`, { exact: true });
  }

  createRulesButton(panel: Locator): Locator {
    return panel.getByRole('button', { name: /^(Create the rules?|Retry creating the rules)$/ });
  }

  /** Accepts what needs attention for one VM (a Blocked VM has no such box). */
  acceptFindings(name: string): Locator {
    return this.page.getByRole('checkbox', { name: new RegExp(`^Accept for ${name}: `) });
  }
}
