import { expect, type Locator, type Page } from '@playwright/test';

type Tier = 'Monthly' | 'Yearly';

/** Step 5: choose one of the vault's backup policies, or create one. */
export class PolicyStep {
  readonly page: Page;
  readonly heading: Locator;
  readonly policies: Locator;
  readonly createNewButton: Locator;
  readonly form: Locator;
  readonly name: Locator;
  readonly standard: Locator;
  readonly enhanced: Locator;
  readonly days: Locator;
  readonly time: Locator;
  readonly startTime: Locator;
  readonly interval: Locator;
  readonly duration: Locator;
  readonly timeZone: Locator;
  readonly instantRestore: Locator;
  readonly dailyCount: Locator;
  readonly keepWeekly: Locator;
  readonly weeklyCount: Locator;
  readonly keepMonthly: Locator;
  readonly monthlyCount: Locator;
  readonly preview: Locator;
  readonly jsonToggle: Locator;
  readonly requestBody: Locator;
  readonly createButton: Locator;
  readonly cancelButton: Locator;
  readonly nothingSent: Locator;
  readonly progress: Locator;
  readonly saved: Locator;
  readonly alreadyExists: Locator;
  readonly nextButton: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Choose a backup policy' });
    this.policies = page.getByRole('group', { name: /^Azure VM backup policies in / });
    this.createNewButton = page.getByRole('button', { name: 'Create a new policy' });
    this.form = page.getByRole('form', { name: 'New backup policy' });
    this.name = this.form.getByRole('textbox', { name: /^Policy name/ });
    this.standard = this.form.getByRole('radio', { name: 'Standard (V1)' });
    this.enhanced = this.form.getByRole('radio', { name: 'Enhanced (V2)' });
    this.days = this.form.getByRole('group', { name: 'Back up on' });
    this.time = this.form.getByRole('combobox', { name: 'Time', exact: true });
    this.startTime = this.form.getByRole('combobox', { name: 'Start time' });
    this.interval = this.form.getByRole('combobox', { name: 'Every' });
    this.duration = this.form.getByRole('combobox', { name: 'Duration' });
    this.timeZone = this.form.getByRole('combobox', { name: 'Time zone' });
    this.instantRestore = this.form.getByRole('textbox', { name: 'Keep instant restore snapshots for' });
    this.dailyCount = this.form.getByRole('textbox', { name: 'Keep daily backup points for' });
    this.keepWeekly = this.form.getByRole('checkbox', { name: 'Keep weekly backup points' });
    this.weeklyCount = this.form.getByRole('textbox', { name: /^Keep weekly backup points .*for$/ });
    this.keepMonthly = this.form.getByRole('checkbox', { name: 'Keep monthly backup points' });
    this.monthlyCount = this.form.getByRole('textbox', { name: 'Keep monthly backup points for' });
    this.preview = this.form.getByRole('region', { name: 'Preview' });
    this.jsonToggle = this.form.getByRole('button', { name: 'Request that will be sent (JSON)' });
    this.requestBody = this.form.getByLabel('Request body');
    this.createButton = this.form.getByRole('button', { name: 'Create policy' });
    this.cancelButton = this.form.getByRole('button', { name: 'Cancel' });
    this.nothingSent = page.getByRole('alert').filter({ hasText: 'Nothing was sent' });
    this.progress = page.getByRole('progressbar', { name: /^Creating policy / });
    this.saved = page.getByRole('region', { name: /^Policy .+ created and selected$/ });
    this.alreadyExists = page.getByText(/^A policy named .+ already exists$/);
    this.nextButton = page.getByRole('button', { name: 'Next' });
  }

  async goto() {
    await this.page.goto('/setup/policy');
  }

  policy(name: string): Locator {
    return this.policies.getByRole('radio', { name, exact: true });
  }

  row(name: string): Locator {
    return this.policies.getByRole('row').filter({ has: this.page.getByText(name, { exact: true }) });
  }

  frequency(name: 'Hourly' | 'Daily' | 'Weekly'): Locator {
    return this.form.getByRole('radio', { name, exact: true });
  }

  day(name: string, group: Locator = this.days): Locator {
    return group.getByRole('checkbox', { name, exact: true });
  }

  tierGroup(tier: Tier, part: 'week of the month' | 'day of the week'): Locator {
    return this.form.getByRole('group', { name: `${tier}: ${part}` });
  }

  async startNewPolicy() {
    await this.createNewButton.click();
    await expect(this.form).toBeVisible();
  }

  async pick(dropdown: Locator, option: string) {
    await dropdown.click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  /** Weekly on exactly these days. */
  async backUpWeeklyOn(days: readonly string[]) {
    await this.frequency('Weekly').check();
    for (const day of ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']) {
      await this.day(day).setChecked(days.includes(day));
    }
  }

  async chooseTimeZone(search: string, id: string) {
    await this.timeZone.click();
    await this.timeZone.fill(search);
    await this.page.getByRole('option', { name: new RegExp(`^${escape(id)} — `) }).click();
  }

  async keepMonthlyPoints(week: string, weekday: string, months: string) {
    await this.keepMonthly.check();
    for (const w of ['First', 'Second', 'Third', 'Fourth', 'Last']) {
      await this.day(w, this.tierGroup('Monthly', 'week of the month')).setChecked(w === week);
    }
    for (const d of ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']) {
      await this.day(d, this.tierGroup('Monthly', 'day of the week')).setChecked(d === weekday);
    }
    await this.monthlyCount.fill(months);
  }

  /** The JSON body the form will send, as shown in its collapsible preview. */
  async previewedBody(): Promise<unknown> {
    if (!(await this.requestBody.isVisible())) await this.jsonToggle.click();
    return JSON.parse(await this.requestBody.innerText());
  }

  /** A field's validation message (Fluent ties it to the control through aria-describedby). */
  async expectFieldMessage(field: Locator, text: string | RegExp) {
    await expect(field).toHaveAccessibleDescription(typeof text === 'string' ? new RegExp(escape(text)) : text);
  }

  /** The settings Azure saved, as the read-back panel lists them: label → value. */
  async savedFacts(): Promise<Record<string, string>> {
    const terms = await this.saved.getByRole('term').allInnerTexts();
    const values = await this.saved.getByRole('definition').allInnerTexts();
    return Object.fromEntries(terms.map((term, i) => [term.trim(), (values[i] ?? '').trim()]));
  }

  async next() {
    await this.nextButton.click();
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
