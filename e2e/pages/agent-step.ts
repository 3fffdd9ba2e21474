import type { Locator, Page } from '@playwright/test';

/** Step 7: the selected VMs' agents, the remedies, "Check again" and accepting warnings. */
export class AgentStep {
  readonly page: Page;
  readonly heading: Locator;
  readonly table: Locator;
  readonly checkAllButton: Locator;
  readonly findings: Locator;
  readonly status: Locator;
  readonly nextButton: Locator;
  readonly backButton: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Check the VM agent' });
    this.table = page.getByRole('table', { name: 'VM agent of the selected virtual machines' });
    this.checkAllButton = page.getByRole('button', { name: 'Check all again' });
    this.findings = page.getByRole('region', { name: 'Findings and remedies' });
    this.status = page.getByRole('status').filter({ hasText: /virtual machines/ });
    this.nextButton = page.getByRole('button', { name: 'Next' });
    this.backButton = page.getByRole('button', { name: 'Back', exact: true });
  }

  async goto() {
    await this.page.goto('/setup/agent');
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByText(name, { exact: true }) });
  }

  cell(row: Locator, column: 'OS' | 'Power state' | 'Agent' | 'Agent version' | 'Agent provisioned' | 'Backup extension' | 'Result'): Locator {
    const order = ['OS', 'Power state', 'Agent', 'Agent version', 'Agent provisioned', 'Backup extension', 'Result'];
    return row.getByRole('cell').nth(1 + order.indexOf(column));
  }

  checkAgainButton(name: string): Locator {
    return this.page.getByRole('button', { name: `Check again ${name}` });
  }

  /** The findings and remedies of one VM. */
  card(name: string): Locator {
    return this.findings.getByRole('region', { name, exact: true });
  }

  /** Accepts what needs attention for one VM (a Blocked VM has no such box). */
  acceptFindings(name: string): Locator {
    return this.page.getByRole('checkbox', { name: new RegExp(`^Accept for ${name}: `) });
  }

  backToVmsButton(name: string): Locator {
    return this.card(name).getByRole('button', { name: 'Back to virtual machines' });
  }
}
