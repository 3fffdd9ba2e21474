import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import type { Fault } from '../emulator/arm/pipeline.ts';
import { CONTROL_HEADERS } from '../emulator/control/header.ts';
import { AgentStep } from './pages/agent-step.ts';
import { EnableStep } from './pages/enable-step.ts';
import { GoalStep } from './pages/goal-step.ts';
import { HomePage } from './pages/home-page.ts';
import { IdpSignInPage } from './pages/idp-sign-in-page.ts';
import { LandingPage } from './pages/landing-page.ts';
import { NetworkStep } from './pages/network-step.ts';
import { PolicyStep } from './pages/policy-step.ts';
import { ReplicationStep } from './pages/replication-step.ts';
import { ReviewStep } from './pages/review-step.ts';
import { SubscriptionStep } from './pages/subscription-step.ts';
import { SummaryStep } from './pages/summary-step.ts';
import { UnavailableStep } from './pages/unavailable-step.ts';
import { VaultStep } from './pages/vault-step.ts';
import { VmsStep } from './pages/vms-step.ts';
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

// The emulator's own fault shape: what /_emulator/faults accepts.
export type { Fault };
export type LoggedRequest = {
  time: string;
  method: string;
  path: string;
  query?: string;
  status: number;
  code?: string;
  requestId?: string;
  /** The JSON body, for writes. */
  body?: unknown;
};
export type EmulatorSettings = {
  lroDelayMs?: number;
  retryAfterSeconds?: number;
  pageSize?: number;
  latencyMs?: number;
  throttle?: { readCapacity?: number; readRefillPerSecond?: number; writeCapacity?: number; writeRefillPerSecond?: number };
};

function parsedBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

/** The emulator's loopback-only test controls (/_emulator/*), over a request context that sends the control header. */
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

  /** The faults still waiting to be injected. */
  async faults(): Promise<Fault[]> {
    const response = await this.#request.get('/_emulator/faults');
    expect(response.ok()).toBe(true);
    return (await response.json()) as Fault[];
  }

  async requests(): Promise<LoggedRequest[]> {
    const response = await this.#request.get('/_emulator/requests');
    expect(response.ok()).toBe(true);
    // The log keeps a body as received; some arrive as JSON text (depending on the client's content type).
    return ((await response.json()) as LoggedRequest[]).map((entry) => ({ ...entry, body: parsedBody(entry.body) }));
  }

  /** Logged ARM requests with this method whose path matches (paths are compared case-insensitively, as ARM does). */
  async requestsMatching(method: string, path: RegExp): Promise<LoggedRequest[]> {
    return (await this.requests()).filter((r) => r.method === method && path.test(r.path));
  }

  async clearRequests() {
    const response = await this.#request.delete('/_emulator/requests');
    expect(response.ok()).toBe(true);
  }

  /** Replaces the tenant with a generated one until the next reset (emulator/README.md, POST /_emulator/fixture). */
  async loadGeneratedTenant(vmCount: number, seed = 1): Promise<{ virtualMachines: number }> {
    const response = await this.#request.post('/_emulator/fixture', { data: { generate: { vmCount, seed } }, timeout: 60_000 });
    expect(response.ok(), `POST /_emulator/fixture answered ${response.status()}`).toBe(true);
    return (await response.json()) as { virtualMachines: number };
  }

  async settings(settings: EmulatorSettings) {
    await this.expectOk(this.#request.post('/_emulator/settings', { data: settings }));
  }

  /** A stored resource as the emulator holds it (wire JSON), or null when there is none. */
  async resource(id: string): Promise<Record<string, unknown> | null> {
    const response = await this.#request.get(`/_emulator/resource?id=${encodeURIComponent(id)}`);
    if (response.status() === 404) return null;
    expect(response.ok(), `GET /_emulator/resource answered ${response.status()}`).toBe(true);
    return (await response.json()) as Record<string, unknown>;
  }

  /** Changes a resource from outside the wizard (arrays in `merge` replace whole, e.g. instanceView.vmAgent). */
  async patchResource(id: string, merge: Record<string, unknown>) {
    await this.expectOk(this.#request.patch('/_emulator/resource', { data: { id, merge } }));
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
  /** Automatic: a Content-Security-Policy violation on the test's page fails the test (the app must run under its CSP). */
  cspViolations: string[];
  landing: LandingPage;
  idp: IdpSignInPage;
  shell: WizardShell;
  subscriptionStep: SubscriptionStep;
  unavailableStep: UnavailableStep;
  vaultStep: VaultStep;
  replicationStep: ReplicationStep;
  goalStep: GoalStep;
  policyStep: PolicyStep;
  /**
   * Signs in and takes the quickest way through the first three steps — Contoso Production, the existing
   * vault rsv-prod-weu, its replication kept as it is — arriving at the backup goal.
   */
  reachGoalStep: (upn?: string) => Promise<void>;
  /** reachGoalStep, then confirms the goal (Azure virtual machines), arriving at the policy step. */
  reachPolicyStep: (upn?: string) => Promise<void>;
  vmsStep: VmsStep;
  /** reachPolicyStep, then chooses DefaultPolicy, arriving at the Virtual machines step (not yet discovered). */
  reachVmsStep: (upn?: string) => Promise<void>;
  agentStep: AgentStep;
  networkStep: NetworkStep;
  /** reachVmsStep, then discovers, selects these VMs (by name) and goes on to the VM agent step. */
  reachAgentStep: (vmNames: readonly string[], upn?: string) => Promise<void>;
  /** reachAgentStep, waits for every agent to be OK, and goes on to the Network step. */
  reachNetworkStep: (vmNames: readonly string[], upn?: string) => Promise<void>;
  reviewStep: ReviewStep;
  summaryStep: SummaryStep;
  homePage: HomePage;
  /** reachNetworkStep with VMs whose outbound HTTPS is open, then on to the Review step. */
  reachReviewStep: (vmNames: readonly string[], upn?: string) => Promise<void>;
  enableStep: EnableStep;
  /** reachReviewStep, then approves the plan (once it is ready) and arrives at the Enable step. */
  reachEnableStep: (vmNames: readonly string[], upn?: string) => Promise<void>;
  /** Signs in through the real redirect flow; the login hint lets the IdP skip its sign-in page. */
  signIn: (upn: string) => Promise<void>;
};

export const test = base.extend<Fixtures>({
  emulator: async ({ playwright, baseURL }, use) => {
    const request = await playwright.request.newContext({
      ...(baseURL ? { baseURL } : {}),
      ignoreHTTPSErrors: true,
      extraHTTPHeaders: { ...CONTROL_HEADERS },
    });
    await use(new EmulatorControls(request));
    await request.dispose();
  },
  resetEmulator: [
    async ({ emulator }, use) => {
      await emulator.reset();
      await use();
    },
    { auto: true },
  ],
  cspViolations: [
    async ({ page }, use) => {
      const violations: string[] = [];
      // Chromium reports every refusal on the console, on the app's pages and the IdP's alike.
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(`${message.location().url}: ${message.text()}`);
      });
      await use(violations);
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
  landing: async ({ page }, use) => use(new LandingPage(page)),
  idp: async ({ page }, use) => use(new IdpSignInPage(page)),
  shell: async ({ page }, use) => use(new WizardShell(page)),
  subscriptionStep: async ({ page }, use) => use(new SubscriptionStep(page)),
  unavailableStep: async ({ page }, use) => use(new UnavailableStep(page)),
  vaultStep: async ({ page }, use) => use(new VaultStep(page)),
  replicationStep: async ({ page }, use) => use(new ReplicationStep(page)),
  goalStep: async ({ page }, use) => use(new GoalStep(page)),
  policyStep: async ({ page }, use) => use(new PolicyStep(page)),
  vmsStep: async ({ page }, use) => use(new VmsStep(page)),
  agentStep: async ({ page }, use) => use(new AgentStep(page)),
  networkStep: async ({ page }, use) => use(new NetworkStep(page)),
  reviewStep: async ({ page }, use) => use(new ReviewStep(page)),
  summaryStep: async ({ page }, use) => use(new SummaryStep(page)),
  homePage: async ({ page }, use) => use(new HomePage(page)),
  reachReviewStep: async ({ reachNetworkStep, networkStep, reviewStep }, use) => {
    await use(async (vmNames, upn) => {
      await reachNetworkStep(vmNames, upn);
      await expect(networkStep.nextButton).toBeEnabled();
      await networkStep.nextButton.click();
      await expect(reviewStep.heading).toBeVisible();
    });
  },
  enableStep: async ({ page }, use) => use(new EnableStep(page)),
  reachEnableStep: async ({ reachReviewStep, reviewStep, enableStep }, use) => {
    await use(async (vmNames, upn) => {
      await reachReviewStep(vmNames, upn);
      // Next is enabled once the plan is read from Azure and every write is permitted.
      await expect(reviewStep.nextButton).toBeEnabled({ timeout: 20_000 });
      await reviewStep.nextButton.click();
      await expect(enableStep.heading).toBeVisible();
    });
  },
  reachAgentStep: async ({ reachVmsStep, vmsStep, agentStep }, use) => {
    await use(async (vmNames, upn) => {
      await reachVmsStep(upn);
      await vmsStep.discover();
      for (const name of vmNames) await vmsStep.clickSelect(name);
      await vmsStep.nextButton.click();
      await expect(agentStep.heading).toBeVisible();
    });
  },
  reachNetworkStep: async ({ reachAgentStep, agentStep, networkStep }, use) => {
    await use(async (vmNames, upn) => {
      await reachAgentStep(vmNames, upn);
      await expect(agentStep.status).toHaveText(/^Checked /);
      await agentStep.nextButton.click();
      await expect(networkStep.heading).toBeVisible();
    });
  },
  reachVmsStep: async ({ reachPolicyStep, policyStep, vmsStep }, use) => {
    await use(async (upn) => {
      await reachPolicyStep(upn);
      await policyStep.policy('DefaultPolicy').check();
      await policyStep.nextButton.click();
      await expect(vmsStep.heading).toBeVisible();
    });
  },
  reachGoalStep: async ({ page }, use) => {
    await use((upn = users.alice) => reachGoalStepOn(page, upn));
  },
  reachPolicyStep: async ({ reachGoalStep, goalStep, policyStep }, use) => {
    await use(async (upn) => {
      await reachGoalStep(upn);
      await goalStep.confirm();
      await expect(policyStep.heading).toBeVisible();
    });
  },
  signIn: async ({ landing, shell }, use) => {
    await use(async (upn) => {
      await landing.goto(upn);
      await landing.startSignIn();
      await expect(shell.banner).toContainText(upn);
    });
  },
});

/**
 * The quickest way to the backup goal on any page (e.g. a second user's, in another browser context): signs in,
 * chooses Contoso Production, the existing vault rsv-prod-weu, and keeps its replication as it is.
 */
export async function reachGoalStepOn(page: Page, upn: string) {
  const landing = new LandingPage(page);
  const subscriptionStep = new SubscriptionStep(page);
  const vaultStep = new VaultStep(page);
  const replicationStep = new ReplicationStep(page);
  await landing.goto(upn);
  await landing.startSignIn();
  await expect(new WizardShell(page).banner).toContainText(upn);
  await subscriptionStep.choose(subscriptions.production.name);
  await subscriptionStep.next();
  await vaultStep.useExisting.check();
  await vaultStep.choose('rsv-prod-weu');
  await vaultStep.next();
  await expect(replicationStep.heading).toBeVisible();
  await replicationStep.save();
  await expect(replicationStep.savedTitle).toBeVisible();
  await replicationStep.nextButton.click();
  await expect(new GoalStep(page).heading).toBeVisible();
}

export { expect };
/** Page objects specs name in their own helpers' signatures. */
export type { EnableStep };
