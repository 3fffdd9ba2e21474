import type { Locator, Page } from '@playwright/test';

/** Step 4: the backup goal (Azure virtual machines). */
export class GoalStep {
  readonly page: Page;
  readonly heading: Locator;
  readonly workloadLocation: Locator;
  readonly backupItem: Locator;
  readonly onlyAzureVmsNote: Locator;
  readonly confirmButton: Locator;
  readonly backButton: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Choose a backup goal' });
    this.workloadLocation = page.getByRole('radiogroup', { name: 'Where is your workload running?' });
    this.backupItem = page.getByRole('radiogroup', { name: 'What do you want to back up?' });
    this.onlyAzureVmsNote = page.getByText('This tool covers Azure virtual machines only.', { exact: false }).first();
    this.confirmButton = page.getByRole('button', { name: 'Confirm and continue' });
    this.backButton = page.getByRole('button', { name: 'Back' });
  }

  async goto() {
    await this.page.goto('/setup/goal');
  }

  workload(name: string): Locator {
    return this.workloadLocation.getByRole('radio', { name, exact: true });
  }

  item(name: string): Locator {
    return this.backupItem.getByRole('radio', { name, exact: true });
  }

  async confirm() {
    await this.confirmButton.click();
  }
}
