import { Spinner } from '@fluentui/react-components';
import type { ComponentType } from 'react';
import { createBrowserRouter, redirect, type RouteObject } from 'react-router';
import type { WizardStore } from '../store/wizard-store.ts';
import { SubscriptionStep } from '../steps/subscription/subscription-step.tsx';
import { NotFoundPage, RouteErrorPage } from './route-error.tsx';
import { AppShell } from './shell/app-shell.tsx';
import { firstUnfinishedStep, missingPrerequisite, steps, type StepId, type WizardStep } from './steps.ts';
import { UnavailableStep } from './unavailable-step.tsx';

/** The page of each step; `null` until a later issue builds it. Typed so no step can be forgotten. */
const stepPages: Record<StepId, ComponentType | null> = {
  subscription: SubscriptionStep,
  vault: null,
  replication: null,
  goal: null,
  policy: null,
  vms: null,
  agent: null,
  network: null,
  review: null,
  enable: null,
  summary: null,
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
        // Never renders: the loader always redirects (element: null only silences React Router's warning).
        { index: true, loader: () => redirect(firstUnfinishedStep(store.getState()).path), element: null },
        ...stepRoutes,
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ];
}

export function createAppRouter(deps: AppRouterDeps) {
  return createBrowserRouter(createRoutes(deps));
}
