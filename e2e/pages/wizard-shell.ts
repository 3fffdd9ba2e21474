import type { Locator, Page } from '@playwright/test';

/** What every signed-in page has: header with the account, the step list, and the page heading. */
export class WizardShell {
  readonly page: Page;
  readonly banner: Locator;
  readonly signOutButton: Locator;
  readonly steps: Locator;
  readonly pageHeading: Locator;
  readonly main: Locator;
  readonly skipLink: Locator;

  constructor(page: Page) {
    this.page = page;
    this.banner = page.getByRole('banner');
    this.signOutButton = this.banner.getByRole('button', { name: 'Sign out' });
    this.steps = page.getByRole('navigation', { name: 'Steps' });
    this.pageHeading = page.getByRole('heading', { level: 1 });
    this.main = page.getByRole('main');
    this.skipLink = page.getByRole('link', { name: 'Skip to main content' });
  }

  /** A step's entry in the step list: a link, or plain text while the step is not yet available. */
  step(title: string): Locator {
    return this.steps.getByRole('listitem').filter({ hasText: title });
  }

  /** The link to a step; the current one carries aria-current="step". */
  stepLink(title: string): Locator {
    return this.steps.getByRole('link', { name: new RegExp(`^\\d+\\. ${title}\\b`) });
  }

  async signOut() {
    await this.signOutButton.click();
  }
}
