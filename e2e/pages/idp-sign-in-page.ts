import { expect, type Locator, type Page } from '@playwright/test';

/** The local identity provider's own sign-in page (/idp/interaction/…), not part of the app. */
export class IdpSignInPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly password: Locator;
  readonly signInButton: Locator;
  readonly cancelButton: Locator;
  readonly error: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Sign in to the local Azure' });
    this.password = page.getByLabel('Password');
    this.signInButton = page.getByRole('button', { name: 'Sign in' });
    this.cancelButton = page.getByRole('button', { name: 'Cancel' });
    this.error = page.getByRole('alert');
  }

  account(upn: string): Locator {
    return this.page.getByRole('radio', { name: new RegExp(upn.replace(/[.@]/g, '\\$&'), 'i') });
  }

  async waitUntilShown() {
    await expect(this.heading).toBeVisible();
  }

  async signInAs(upn: string, password: string) {
    await this.account(upn).check();
    await this.password.fill(password);
    await this.signInButton.click();
  }
}
