import type { Download, Locator, Page } from '@playwright/test';

/** The printable summary of what was applied, read back from Azure. */
export class SummaryStep {
  readonly page: Page;
  readonly heading: Locator;
  readonly printButton: Locator;
  readonly downloadJsonButton: Locator;
  readonly downloadMarkdownButton: Locator;
  readonly downloadCliButton: Locator;
  readonly downloadBicepButton: Locator;
  readonly protectedVms: Locator;
  readonly nsgRules: Locator;
  readonly journal: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Summary of the backup setup' });
    this.printButton = page.getByRole('button', { name: 'Print' });
    this.downloadJsonButton = page.getByRole('button', { name: 'Download as JSON' });
    this.downloadMarkdownButton = page.getByRole('button', { name: 'Download as Markdown' });
    this.downloadCliButton = page.getByRole('button', { name: 'Download az CLI script' });
    this.downloadBicepButton = page.getByRole('button', { name: 'Download Bicep file' });
    this.protectedVms = page.getByRole('table', { name: 'Protected virtual machines' });
    this.nsgRules = page.getByRole('table', { name: 'NSG rules added' });
    this.journal = page.getByRole('table', { name: 'Operation journal' });
  }

  async goto() {
    await this.page.goto('/summary');
  }

  /** A section of the report, by its heading, e.g. "Recovery Services vault" or "Backup policy: DefaultPolicy". */
  section(title: string | RegExp): Locator {
    return this.page.getByRole('region', { name: title });
  }

  /** The policy as JSON, shown in its section. */
  policyJson(policyName: string): Locator {
    return this.page.getByLabel(`Policy ${policyName} as JSON`, { exact: true });
  }

  vmRow(name: string): Locator {
    return this.protectedVms.getByRole('row').filter({ hasText: name });
  }

  /** Clicks a download button and returns the file the browser saved. */
  async download(button: Locator): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), button.click()]);
    return download;
  }
}
