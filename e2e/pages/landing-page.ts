import type { Locator, Page } from '@playwright/test';

/** The signed-out page of the app. */
export class LandingPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly signInButton: Locator;
  /** Why the last sign-in did not complete, and what to do. */
  readonly signInError: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Prepare Azure to back up your virtual machines' });
    this.signInButton = page.getByRole('button', { name: 'Sign in' });
    this.signInError = page.getByRole('alert').filter({ hasText: 'Sign-in did not complete' });
  }

  /** A login hint makes the local IdP sign that user in without showing its sign-in page. */
  async goto(loginHint?: string) {
    await this.page.goto(loginHint ? `/?login_hint=${encodeURIComponent(loginHint)}` : '/');
  }

  async startSignIn() {
    await this.signInButton.click();
  }
}
