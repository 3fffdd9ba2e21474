import { test as base, expect, type APIRequestContext } from '@playwright/test';
import { IdpSignInPage } from './pages/idp-sign-in-page.ts';
import { LandingPage } from './pages/landing-page.ts';
import { SubscriptionStep } from './pages/subscription-step.ts';
import { UnavailableStep } from './pages/unavailable-step.ts';
import { WizardShell } from './pages/wizard-shell.ts';

/** The fixed "contoso" identities every test relies on (see the emulator's fixture). */
export const users = {
  alice: 'alice@contoso.example',
  ben: 'ben@contoso.example',
  rita: 'rita@contoso.example',
  nora: 'nora@contoso.example',
} as const;
export const DEMO_PASSWORD = 'demo';
export const subscriptions = {
  production: { id: '8c6b1f3e-2a4d-4f5b-9e7c-0a1b2c3d4e5f', name: 'Contoso Production' },
  devTest: { id: 'b2d4f6a8-1c3e-4a5b-8d7f-9e0a1b2c3d4e', name: 'Contoso Dev/Test' },
} as const;

export type Fault = {
  method?: string;
  path: string;
  status: number;
  count: number;
  code?: string;
  message?: string;
  retryAfter?: number;
};
export type LoggedRequest = { time: string; method: string; path: string; status: number; requestId?: string };

/** The emulator's loopback-only test controls (/_emulator/*). */
export class EmulatorControls {
  readonly #request: APIRequestContext;

  constructor(request: APIRequestContext) {
    this.#request = request;
  }

  async reset() {
    await this.expectOk(this.#request.post('/_emulator/reset'));
  }

  async injectFault(fault: Fault) {
    await this.expectOk(this.#request.post('/_emulator/faults', { data: fault }));
  }

  async requests(): Promise<LoggedRequest[]> {
    const response = await this.#request.get('/_emulator/requests');
    expect(response.ok()).toBe(true);
    return (await response.json()) as LoggedRequest[];
  }

  private async expectOk(pending: ReturnType<APIRequestContext['post']>) {
    const response = await pending;
    expect(response.ok(), `${response.url()} answered ${response.status()}`).toBe(true);
  }
}

type Fixtures = {
  emulator: EmulatorControls;
  /** Automatic: every test starts from the fixture's state, whatever the previous test changed. */
  resetEmulator: void;
  landing: LandingPage;
  idp: IdpSignInPage;
  shell: WizardShell;
  subscriptionStep: SubscriptionStep;
  unavailableStep: UnavailableStep;
  /** Signs in through the real redirect flow; the login hint lets the IdP skip its sign-in page. */
  signIn: (upn: string) => Promise<void>;
};

export const test = base.extend<Fixtures>({
  emulator: async ({ request }, use) => {
    await use(new EmulatorControls(request));
  },
  resetEmulator: [
    async ({ emulator }, use) => {
      await emulator.reset();
      await use();
    },
    { auto: true },
  ],
  landing: async ({ page }, use) => use(new LandingPage(page)),
  idp: async ({ page }, use) => use(new IdpSignInPage(page)),
  shell: async ({ page }, use) => use(new WizardShell(page)),
  subscriptionStep: async ({ page }, use) => use(new SubscriptionStep(page)),
  unavailableStep: async ({ page }, use) => use(new UnavailableStep(page)),
  signIn: async ({ landing, shell }, use) => {
    await use(async (upn) => {
      await landing.goto(upn);
      await landing.startSignIn();
      await expect(shell.banner).toContainText(upn);
    });
  },
});

export { expect };
