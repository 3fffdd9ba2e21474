import { expect, type Locator, type Page } from '@playwright/test';
import { OneWayConfirmation, VaultSecurityFields } from './vault-security-fields.ts';

/** Step 2: use an existing Recovery Services vault, or create one. */
export class VaultStep {
  readonly page: Page;
  readonly heading: Locator;
  readonly useExisting: Locator;
  readonly createNew: Locator;
  readonly vaults: Locator;
  readonly form: Locator;
  readonly name: Locator;
  readonly existingResourceGroupOption: Locator;
  readonly newResourceGroupOption: Locator;
  readonly existingResourceGroup: Locator;
  readonly newResourceGroup: Locator;
  readonly region: Locator;
  readonly addTagButton: Locator;
  readonly reviewButton: Locator;
  readonly nothingSent: Locator;
  readonly review: Locator;
  readonly requestsToSend: Locator;
  readonly createButton: Locator;
  readonly creatingButton: Locator;
  readonly progress: Locator;
  /** The polite live region that reads out loading and create progress. */
  readonly liveStatus: Locator;
  readonly notice: Locator;
  readonly regionGuidance: Locator;
  readonly providerWarning: Locator;
  readonly registerProviderButton: Locator;
  readonly createError: Locator;
  readonly nextButton: Locator;
  /** The new vault's security settings, in the create form. */
  readonly security: VaultSecurityFields;
  readonly oneWay: OneWayConfirmation;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Choose or create a vault' });
    this.useExisting = page.getByRole('radio', { name: 'Use an existing vault' });
    this.createNew = page.getByRole('radio', { name: 'Create a new vault' });
    this.vaults = page.getByRole('group', { name: 'Recovery Services vaults in this subscription' });
    this.form = page.getByRole('form', { name: 'Create a vault' });
    this.name = this.form.getByRole('textbox', { name: /^Vault name/ });
    this.existingResourceGroupOption = this.form.getByRole('radio', { name: 'Use an existing resource group' });
    this.newResourceGroupOption = this.form.getByRole('radio', { name: 'Create a new resource group' });
    this.existingResourceGroup = this.form.getByRole('combobox', { name: /^Existing resource group/ });
    this.newResourceGroup = this.form.getByRole('textbox', { name: /^New resource group name/ });
    this.region = this.form.getByRole('combobox', { name: /^Region/ });
    this.addTagButton = this.form.getByRole('button', { name: 'Add a tag' });
    this.reviewButton = page.getByRole('button', { name: 'Review + create' });
    this.nothingSent = page.getByRole('alert').filter({ hasText: 'Nothing was sent' });
    this.review = page.getByRole('region', { name: 'Review + create' });
    this.requestsToSend = this.review.getByRole('list', { name: 'Requests that will be sent' });
    this.createButton = this.review.getByRole('button', { name: /^(Create|Try again)$/ });
    this.creatingButton = this.review.getByRole('button', { name: 'Creating…' });
    this.progress = page.getByRole('progressbar', { name: 'Creating the vault' });
    this.liveStatus = page.getByRole('status').filter({ hasText: /vault|resource group/i });
    this.notice = page.getByRole('group', { name: 'Vault chosen' });
    this.regionGuidance = page.getByText('The vault must be in the same region as the virtual machines it protects');
    this.providerWarning = page.getByText(/Microsoft\.RecoveryServices is not registered in/);
    this.registerProviderButton = page.getByRole('button', { name: 'Register Microsoft.RecoveryServices' });
    this.createError = page.getByRole('alert').filter({ hasText: /could not be created/ });
    this.nextButton = page.getByRole('button', { name: 'Next' });
    this.security = new VaultSecurityFields(this.form);
    this.oneWay = new OneWayConfirmation(page);
  }

  async goto() {
    await this.page.goto('/setup/vault');
  }

  vault(name: string): Locator {
    return this.vaults.getByRole('radio', { name });
  }

  row(name: string): Locator {
    return this.vaults.getByRole('row').filter({ has: this.page.getByText(name, { exact: true }) });
  }

  tagName(n: number): Locator {
    return this.form.getByRole('textbox', { name: `Tag ${n} name` });
  }

  tagValue(n: number): Locator {
    return this.form.getByRole('textbox', { name: `Tag ${n} value` });
  }

  /** A field's validation message (Fluent ties it to the control through aria-describedby). */
  async expectFieldMessage(field: Locator, text: string | RegExp) {
    await expect(field).toHaveAccessibleDescription(typeof text === 'string' ? new RegExp(escape(text)) : text);
  }

  useButton(vaultName: string): Locator {
    return this.page.getByRole('button', { name: `Use ${vaultName}` });
  }

  async choose(name: string) {
    await this.vault(name).check();
  }

  async startCreating() {
    await this.createNew.check();
    await expect(this.form).toBeVisible();
  }

  async chooseExistingResourceGroup(name: string) {
    await this.existingResourceGroupOption.check();
    await this.existingResourceGroup.click();
    await this.page.getByRole('option', { name: new RegExp(`^${escape(name)}( |$)`) }).click();
  }

  async useNewResourceGroup(name: string) {
    await this.newResourceGroupOption.check();
    await this.newResourceGroup.fill(name);
  }

  async chooseRegion(displayName: string) {
    await this.region.click();
    await this.page.getByRole('option', { name: new RegExp(`^${escape(displayName)}`) }).click();
  }

  async addTag(key: string, value: string) {
    const count = await this.form.getByRole('textbox', { name: /^Tag \d+ name$/ }).count();
    await this.addTagButton.click();
    await this.tagName(count + 1).fill(key);
    await this.tagValue(count + 1).fill(value);
  }

  /** The JSON body previewed for the n-th request (1-based) that "Create" will send. */
  async previewedBody(n: number): Promise<unknown> {
    const item = this.requestsToSend.getByRole('listitem').nth(n - 1);
    return JSON.parse(await item.getByRole('group', { name: /^Body of / }).innerText());
  }

  async next() {
    await this.nextButton.click();
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
