import type { Locator, Page } from '@playwright/test';

/** The vault security settings, wherever they are shown (the create form, the Replication step). */
export class VaultSecurityFields {
  readonly root: Locator;
  readonly retention: Locator;
  readonly alwaysOn: Locator;
  readonly immutabilityOff: Locator;
  readonly immutabilityUnlocked: Locator;
  readonly immutabilityLocked: Locator;
  readonly crossSubscriptionAllowed: Locator;
  readonly crossSubscriptionNotAllowed: Locator;
  readonly crossSubscriptionPermanentlyNotAllowed: Locator;
  readonly publicAccessAllowed: Locator;
  readonly privateEndpointsOnly: Locator;
  readonly jobFailureAlerts: Locator;

  constructor(root: Locator) {
    this.root = root.getByRole('group', { name: 'Security' });
    this.retention = this.root.getByRole('textbox', { name: /^Soft delete retention/ });
    this.alwaysOn = this.root.getByRole('checkbox', { name: /^Make soft delete always on/ });
    const immutability = this.root.getByRole('radiogroup', { name: /^Immutability/ });
    const crossSubscription = this.root.getByRole('radiogroup', { name: /^Cross-subscription restore/ });
    const publicAccess = this.root.getByRole('radiogroup', { name: /^Public network access/ });
    this.immutabilityOff = immutability.getByRole('radio', { name: /^Off/ });
    this.immutabilityUnlocked = immutability.getByRole('radio', { name: 'On, can still be turned off' });
    this.immutabilityLocked = immutability.getByRole('radio', { name: /^On and locked/ });
    this.crossSubscriptionAllowed = crossSubscription.getByRole('radio', { name: /^Allowed/ });
    this.crossSubscriptionNotAllowed = crossSubscription.getByRole('radio', { name: 'Not allowed', exact: true });
    this.crossSubscriptionPermanentlyNotAllowed = crossSubscription.getByRole('radio', { name: /^Permanently not allowed/ });
    this.publicAccessAllowed = publicAccess.getByRole('radio', { name: /^Allowed/ });
    this.privateEndpointsOnly = publicAccess.getByRole('radio', { name: 'Private endpoints only' });
    this.jobFailureAlerts = this.root.getByRole('switch', { name: 'Azure Monitor alert for every failed backup job' });
  }

  async setRetention(days: string) {
    await this.retention.fill(days);
  }
}

/** "These settings can't be undone", asked in the page: one box per irreversible setting, then the action. */
export class OneWayConfirmation {
  readonly dialog: Locator;
  readonly cancelButton: Locator;

  constructor(page: Page) {
    this.dialog = page.getByRole('group', { name: 'These settings can’t be undone' });
    this.cancelButton = this.dialog.getByRole('button', { name: 'Cancel' });
  }

  box(text: string | RegExp): Locator {
    return this.dialog.getByRole('checkbox', { name: text });
  }

  get boxes(): Locator {
    return this.dialog.getByRole('checkbox');
  }

  confirmButton(label: string): Locator {
    return this.dialog.getByRole('button', { name: label });
  }
}
