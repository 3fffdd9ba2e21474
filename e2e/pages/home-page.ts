import type { Locator, Page } from '@playwright/test';

/** The signed-in start page: continue a saved setup, continue from a vault, set up the next region. */
export class HomePage {
  readonly page: Page;
  readonly heading: Locator;
  readonly continueButton: Locator;
  readonly subscription: Locator;
  readonly vault: Locator;
  readonly readVaultButton: Locator;
  readonly useProgressButton: Locator;
  readonly derivedNotes: Locator;
  readonly viewSummaryButton: Locator;
  readonly finishedRegions: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Your backup setups' });
    this.continueButton = page.getByRole('button', { name: /^Continue (setup of|the setup in) / });
    this.subscription = page.getByRole('combobox', { name: 'Subscription' });
    this.vault = page.getByRole('combobox', { name: 'Vault' });
    this.readVaultButton = page.getByRole('button', { name: 'Read progress from this vault' });
    this.useProgressButton = page.getByRole('button', { name: 'Use this progress and continue' });
    this.derivedNotes = page.getByRole('region', { name: 'Continue from an existing vault' }).getByRole('listitem');
    this.viewSummaryButton = page.getByRole('button', { name: 'View the summary' });
    this.finishedRegions = page.getByRole('region', { name: 'Finished regions' });
  }

  async goto() {
    await this.page.goto('/start');
  }

  nextRegionButton(region: string): Locator {
    return this.page.getByRole('button', { name: `Set up the next region: ${region}` });
  }

  /** Picks a vault (its option text starts with the name) and reads its progress from Azure. */
  async continueFromVault(subscriptionName: string, vaultName: string) {
    await this.subscription.selectOption({ label: subscriptionName });
    const option = this.vault.getByRole('option', { name: new RegExp(`^${vaultName} \\(`) });
    await this.vault.selectOption({ label: (await option.textContent()) ?? vaultName });
    await this.readVaultButton.click();
  }
}
