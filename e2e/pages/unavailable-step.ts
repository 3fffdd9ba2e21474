import type { Locator, Page } from '@playwright/test';

/** A step this build does not implement yet. */
export class UnavailableStep {
  readonly page: Page;
  readonly notice: Locator;

  constructor(page: Page) {
    this.page = page;
    this.notice = page.getByText('This step is not available yet in this build.');
  }

  heading(title: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: title });
  }
}
