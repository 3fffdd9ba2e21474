import { expect, type Locator, type Page } from '@playwright/test';

/** Step 6: discover the subscription's VMs, read each one's readiness, and choose which go forward. */
export class VmsStep {
  readonly page: Page;
  readonly heading: Locator;
  readonly discoverButton: Locator;
  readonly discoverAgainButton: Locator;
  readonly stages: Locator;
  readonly grid: Locator;
  readonly search: Locator;
  readonly readinessFilter: Locator;
  readonly regionFilter: Locator;
  readonly osFilter: Locator;
  readonly regionSummary: Locator;
  readonly generalNotes: Locator;
  readonly details: Locator;
  readonly detailsHeading: Locator;
  readonly selectAllButton: Locator;
  readonly clearButton: Locator;
  readonly selectedCount: Locator;
  readonly announcements: Locator;
  readonly nextButton: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Choose virtual machines' });
    this.discoverButton = page.getByRole('button', { name: 'Discover virtual machines' });
    this.discoverAgainButton = page.getByRole('button', { name: 'Discover again' });
    this.stages = page.getByRole('list', { name: 'Discovery stages' });
    this.grid = page.getByRole('grid', { name: 'Virtual machines' });
    this.search = page.getByRole('searchbox', { name: 'Search by name or resource group' });
    this.readinessFilter = page.getByRole('combobox', { name: 'Readiness' });
    this.regionFilter = page.getByRole('combobox', { name: 'Region' });
    this.osFilter = page.getByRole('combobox', { name: 'Operating system' });
    this.regionSummary = page.getByText(/^\d+ regions?: /);
    this.generalNotes = page.getByText('For every virtual machine');
    this.details = page.getByRole('region', { name: /^Details: / });
    this.detailsHeading = page.getByRole('heading', { level: 2, name: /^Details: / });
    this.selectAllButton = page.getByRole('button', { name: /^Select all that can be selected/ });
    this.clearButton = page.getByRole('button', { name: 'Clear selection' });
    this.selectedCount = page.getByText(/^(No virtual machine selected|1 virtual machine selected|\d+ virtual machines selected)$/);
    this.announcements = page.getByRole('status').filter({ hasText: /selected|can't be selected|cleared|needs attention/ });
    this.nextButton = page.getByRole('button', { name: 'Next' });
  }

  async goto() {
    await this.page.goto('/setup/vms');
  }

  stage(label: RegExp): Locator {
    return this.stages.getByRole('listitem').filter({ hasText: label });
  }

  /** Runs discovery and waits for the table. */
  async discover() {
    await this.discoverButton.click();
    await expect(this.grid).toBeVisible({ timeout: 30_000 });
  }

  /** Rows are rendered only when in view: searching by name brings the VM into the table. */
  async find(name: string): Promise<Locator> {
    await this.search.fill(name);
    const row = this.row(name);
    await expect(row).toBeVisible();
    return row;
  }

  row(name: string): Locator {
    return this.grid.getByRole('row').filter({ has: this.page.getByRole('gridcell', { name, exact: true }) });
  }

  /** The cell holding the readiness badge and its one-line reason. */
  readiness(row: Locator): Locator {
    return row.getByRole('gridcell').nth(2);
  }

  cell(row: Locator, column: 'Resource group' | 'Region' | 'OS' | 'Size' | 'Data disks' | 'Power state' | 'Agent' | 'Network' | 'Protection'): Locator {
    const order = ['Resource group', 'Region', 'OS', 'Size', 'Data disks', 'Power state', 'Agent', 'Network', 'Protection'];
    return row.getByRole('gridcell').nth(3 + order.indexOf(column));
  }

  /** Toggles a VM with the mouse, through its selection cell. */
  async clickSelect(name: string) {
    const row = await this.find(name);
    await this.selectCell(row).click();
  }

  /** Selects a VM that needs attention here: its details ask for the acceptance first. */
  async acceptAndSelect(name: string) {
    await this.clickSelect(name);
    await this.details.getByRole('button', { name: `Accept and select ${name}` }).click();
  }

  /** The first cell: the selection box, which says in words whether the VM is selected, or why it can't be. */
  selectCell(row: Locator): Locator {
    return row.getByRole('gridcell').first();
  }

  /** Shows only the VMs of one readiness (the filter's options carry their counts, e.g. "Ready (812)"). */
  async showOnly(readiness: 'Ready' | 'Needs attention' | 'Blocked') {
    const label = await this.readinessFilter.locator('option').filter({ hasText: new RegExp(`^${readiness} \\(`) }).textContent();
    await this.readinessFilter.selectOption({ label: label ?? readiness });
  }

  sortBy(column: string): Locator {
    return this.grid.getByRole('button', { name: column, exact: true });
  }
}
