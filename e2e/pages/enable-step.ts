import type { Locator, Page } from '@playwright/test';

/** Step 10: enable backup for each selected VM, follow each operation, and optionally back up now. */
export class EnableStep {
  readonly page: Page;
  readonly heading: Locator;
  readonly table: Locator;
  readonly enableButton: Locator;
  readonly retryAllButton: Locator;
  readonly backUpNowButton: Locator;
  readonly overallProgress: Locator;
  readonly status: Locator;
  readonly failures: Locator;
  readonly acceptFailures: Locator;
  readonly nextButton: Locator;
  readonly anotherTabBanner: Locator;
  readonly takeOverButton: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Enable backup' });
    this.table = page.getByRole('table', { name: 'Virtual machines to protect' });
    this.enableButton = page.getByRole('button', { name: 'Enable backup' });
    this.retryAllButton = page.getByRole('button', { name: 'Retry all failed' });
    this.backUpNowButton = page.getByRole('button', { name: 'Back up now' });
    this.overallProgress = page.getByRole('progressbar', { name: 'Overall progress' });
    this.status = page.getByRole('status').filter({ hasText: /virtual machines/ });
    this.failures = page.getByRole('alert');
    this.acceptFailures = page.getByRole('checkbox', { name: /^Continue without/ });
    this.nextButton = page.getByRole('button', { name: 'Next' });
    this.anotherTabBanner = page.getByRole('region', { name: 'Open in another tab' });
    this.takeOverButton = this.anotherTabBanner.getByRole('button', { name: 'Take over here' });
  }

  async goto() {
    await this.page.goto('/setup/enable');
  }

  row(vmName: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByText(vmName, { exact: true }) });
  }

  /** The status badge and detail of a VM's row. */
  statusOf(vmName: string): Locator {
    return this.row(vmName).getByRole('cell').nth(2);
  }

  configureJobOf(vmName: string): Locator {
    return this.row(vmName).getByRole('cell').nth(4);
  }

  backupOf(vmName: string): Locator {
    return this.row(vmName).getByRole('cell').nth(5);
  }

  progressOf(vmName: string): Locator {
    return this.page.getByRole('progressbar', { name: `Progress of ${vmName}` });
  }

  failureOf(vmName: string): Locator {
    return this.failures.filter({ hasText: `Backup could not be enabled for ${vmName}` });
  }

  backupFailureOf(vmName: string): Locator {
    return this.failures.filter({ hasText: `The backup of ${vmName} failed` });
  }

  retryButton(vmName: string): Locator {
    return this.page.getByRole('button', { name: `Retry ${vmName}` });
  }

  async enable() {
    await this.enableButton.click();
  }
}
