import type { Locator, Page } from '@playwright/test';

/** Step 1: choose a subscription. */
export class SubscriptionStep {
  readonly page: Page;
  readonly heading: Locator;
  readonly subscriptions: Locator;
  readonly rows: Locator;
  readonly nextButton: Locator;
  readonly noSubscriptions: Locator;
  readonly error: Locator;
  readonly retryButton: Locator;
  readonly status: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Choose a subscription' });
    this.subscriptions = page.getByRole('group', { name: 'Subscriptions your account can access' });
    this.rows = this.subscriptions.getByRole('row');
    this.nextButton = page.getByRole('button', { name: 'Next' });
    this.noSubscriptions = page.getByText(/Your account has no access to any subscription in this tenant/);
    this.error = page.getByRole('alert').filter({ hasText: 'Your subscriptions could not be loaded' });
    this.retryButton = this.error.getByRole('button', { name: 'Retry' });
    this.status = page.getByRole('status').filter({ hasText: /subscription/ });
  }

  async goto() {
    await this.page.goto('/setup/subscription');
  }

  subscription(name: string): Locator {
    return this.subscriptions.getByRole('radio', { name });
  }

  row(name: string): Locator {
    return this.rows.filter({ has: this.page.getByText(name, { exact: true }) });
  }

  async choose(name: string) {
    await this.subscription(name).check();
  }

  async next() {
    await this.nextButton.click();
  }
}
