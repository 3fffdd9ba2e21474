import type { Locator, Page } from '@playwright/test';
import { OneWayConfirmation, VaultSecurityFields } from './vault-security-fields.ts';

/** Step 3: the vault's storage replication. */
export class ReplicationStep {
  readonly page: Page;
  readonly heading: Locator;
  readonly geoRedundant: Locator;
  readonly locallyRedundant: Locator;
  readonly zoneRedundant: Locator;
  readonly crossRegionRestore: Locator;
  readonly saveButton: Locator;
  readonly savedTitle: Locator;
  readonly readBack: Locator;
  readonly lockedTitle: Locator;
  readonly lockedReason: Locator;
  /** The read-only values of a Locked vault: replication, cross-region restore, state. */
  readonly readOnlyValues: Locator;
  readonly keepButton: Locator;
  readonly confirmDialog: Locator;
  readonly confirmButton: Locator;
  readonly cancelButton: Locator;
  readonly nextButton: Locator;
  /** The vault's security part, below the replication. */
  readonly securitySection: Locator;
  readonly security: VaultSecurityFields;
  readonly multiUserAuthorization: Locator;
  readonly saveSecurityButton: Locator;
  readonly securitySaved: Locator;
  readonly oneWay: OneWayConfirmation;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Set storage replication' });
    this.geoRedundant = page.getByRole('radio', { name: /^Geo-redundant/ });
    this.locallyRedundant = page.getByRole('radio', { name: /^Locally redundant/ });
    this.zoneRedundant = page.getByRole('radio', { name: /^Zone-redundant/ });
    this.crossRegionRestore = page.getByRole('switch', { name: 'Cross-region restore' });
    this.saveButton = page.getByRole('button', { name: 'Save replication' });
    this.savedTitle = page.getByText('Saved and read back from Azure');
    this.readBack = page.getByText(/^Azure now reports:/);
    this.lockedTitle = page.getByText('Replication is locked for this vault');
    this.lockedReason = page.getByText(/Azure locks the storage replication when the first item is protected/);
    this.readOnlyValues = page.getByRole('definition');
    this.keepButton = page.getByRole('button', { name: 'Keep this setting and continue' });
    this.confirmDialog = page.getByRole('alertdialog', { name: 'Turn on cross-region restore for good?' });
    this.confirmButton = this.confirmDialog.getByRole('button', { name: 'Turn on and save' });
    this.cancelButton = this.confirmDialog.getByRole('button', { name: 'Cancel' });
    this.nextButton = page.getByRole('button', { name: 'Next' });
    this.securitySection = page.getByRole('region', { name: 'Vault security' });
    this.security = new VaultSecurityFields(this.securitySection);
    this.multiUserAuthorization = this.securitySection.getByRole('group', { name: 'Multi-user authorization' });
    this.saveSecurityButton = this.securitySection.getByRole('button', { name: 'Save security settings' });
    this.securitySaved = this.securitySection.getByText('Azure now holds the new security settings');
    this.oneWay = new OneWayConfirmation(page);
  }

  async goto() {
    await this.page.goto('/setup/replication');
  }

  async save() {
    await this.saveButton.click();
  }
}
