import { Spinner } from '@fluentui/react-components';
import type { ComponentType } from 'react';
import { createBrowserRouter, redirect, type RouteObject } from 'react-router';
import type { WizardStore } from '../store/wizard-store.ts';
import { SubscriptionStep } from '../steps/subscription/subscription-step.tsx';
import { ReplicationStep } from '../steps/replication/replication-step.tsx';
import { VaultStep } from '../steps/vault/vault-step.tsx';
import { GoalStep } from '../steps/goal/goal-step.tsx';
import { PolicyStep } from '../steps/policy/policy-step.tsx';
import { AgentStep } from '../steps/agent/agent-step.tsx';
import { NetworkStep } from '../steps/network/network-step.tsx';
import { VmsStep } from '../steps/vms/vms-step.tsx';
import { ReviewStep } from '../steps/review/review-step.tsx';
import { EnableStep } from '../steps/enable/enable-step.tsx';
import { SummaryStep } from '../steps/summary/summary-step.tsx';
import { NotFoundPage, RouteErrorPage } from './route-error.tsx';
import { AppShell } from './shell/app-shell.tsx';
import { firstUnfinishedStep, missingPrerequisite, steps, type StepId, type WizardStep } from './steps.ts';
import { UnavailableStep } from './unavailable-step.tsx';
import { HomePage } from './home/home-page.tsx';
import { hasSavedSetup, START_PAGE_PATH } from './home/resume-entry.ts';

/** The page of each step; `null` until a later issue builds it. Typed so no step can be forgotten. */
const stepPages: Record<StepId, ComponentType | null> = {
  subscription: SubscriptionStep,
  vault: VaultStep,
  replication: ReplicationStep,
  goal: GoalStep,
  policy: PolicyStep,
  vms: VmsStep,
  agent: AgentStep,
  network: NetworkStep,
  review: ReviewStep,
  enable: EnableStep,
  summary: SummaryStep,
};

function StepRoute({ step }: { step: WizardStep }) {
  const Page = stepPages[step.id];
  return Page ? <Page /> : <UnavailableStep step={step} />;
}

export type AppRouterDeps = { store: WizardStore };

/**
 * The route table. Loaders — not effects in components — send the user to the first unfinished step,
 * so a step never renders without its prerequisites. Create only after the store has hydrated.
 */
export function createRoutes({ store }: AppRouterDeps): RouteObject[] {
  const stepRoutes: RouteObject[] = steps.map((step) => ({
    path: step.path,
    loader: () => {
      const missing = missingPrerequisite(step.id, store.getState());
      return missing ? redirect(missing.path) : null;
    },
    element: <StepRoute step={step} />,
    errorElement: <RouteErrorPage />,
  }));
  return [
    {
      element: <AppShell />,
      errorElement: <RouteErrorPage />,
      hydrateFallbackElement: <Spinner label="Loading…" />,
      children: [
        // With a setup saved, the start page offers to continue it ("Continue setup of …"); a new user goes
        // straight to the first step.
        {
          index: true,
          loader: () => (hasSavedSetup(store.getState()) ? null : redirect(firstUnfinishedStep(store.getState()).path)),
          element: <HomePage />,
          errorElement: <RouteErrorPage />,
        },
        { path: START_PAGE_PATH, element: <HomePage />, errorElement: <RouteErrorPage /> },
        ...stepRoutes,
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ];
}

export function createAppRouter(deps: AppRouterDeps) {
  return createBrowserRouter(createRoutes(deps));
}
