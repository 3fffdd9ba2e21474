import type { Locator, Page } from '@playwright/test';

/** Step 9: the plan of every write still to do, with the permission pre-check. */
export class ReviewStep {
  readonly page: Page;
  readonly heading: Locator;
  readonly plan: Locator;
  readonly missingPermissions: Locator;
  readonly checkAgainButton: Locator;
  readonly leaveOutButton: Locator;
  /** Leaves out the VMs Azure Backup's own pre-check refuses. */
  readonly leaveOutRefusedButton: Locator;
  readonly nextButton: Locator;
  readonly footerNote: Locator;
  /** What the earlier steps found and the user accepted, per VM. */
  readonly acceptedFindings: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Review the plan' });
    this.plan = page.getByRole('table', { name: 'Plan of changes' });
    this.missingPermissions = page.getByRole('alert').filter({ hasText: /^You lack/ });
    this.checkAgainButton = page.getByRole('button', { name: 'Check again' }).first();
    this.leaveOutButton = page.getByRole('button', { name: /^Leave out \d+ virtual machines?$/ });
    this.leaveOutRefusedButton = page.getByRole('button', { name: /^Leave out \d+ virtual machines? Azure Backup refuses$/ });
    this.nextButton = page.getByRole('button', { name: 'Next' });
    this.footerNote = page.getByText(/^(Enable is blocked|Everything is already in place|\d+ changes? will be sent)/);
    this.acceptedFindings = page.getByRole('list', { name: 'Accepted findings' });
  }

  async goto() {
    await this.page.goto('/setup/review');
  }

  /** Data rows of the plan, in order. */
  get rows(): Locator {
    return this.plan.getByRole('row').filter({ has: this.page.getByRole('cell') });
  }

  /** The plan row whose "What" names this text, e.g. "Enable protection of web-01". */
  row(text: string): Locator {
    return this.rows.filter({ hasText: text });
  }

  /** The row's cells: #, Change, What, Target resource ID, Your permission. */
  cell(row: Locator, column: 'Change' | 'What' | 'Target resource ID' | 'Your permission'): Locator {
    const order = ['#', 'Change', 'What', 'Target resource ID', 'Your permission'];
    return row.getByRole('cell').nth(order.indexOf(column));
  }
}
