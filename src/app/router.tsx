import { Spinner } from '@fluentui/react-components';
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter, redirect, type RouteObject } from 'react-router';
import type { WizardStore } from '../store/wizard-store.ts';
import { NotFoundPage, RouteErrorPage } from './route-error.tsx';
import { AppShell } from './shell/app-shell.tsx';
import { firstUnfinishedStep, missingPrerequisite, steps, type StepId, type WizardStep } from './steps.ts';
import { UnavailableStep } from './unavailable-step.tsx';
import { hasSavedSetup, START_PAGE_PATH } from './home/resume-entry.ts';

type PageModule = () => Promise<ComponentType>;

/**
 * The page of each step, each its own chunk loaded when the route is first visited; `null` until a later issue
 * builds it. Typed so no step can be forgotten. React.lazy rather than the route's `lazy`: the shell (header,
 * steps) shows at once and only the page waits for its chunk; navigating keeps the old page until the new one
 * is loaded (react-router navigates in a transition).
 */
const stepPages: Record<StepId, PageModule | null> = {
  subscription: () => import('../steps/subscription/subscription-step.tsx').then((m) => m.SubscriptionStep),
  vault: () => import('../steps/vault/vault-step.tsx').then((m) => m.VaultStep),
  replication: () => import('../steps/replication/replication-step.tsx').then((m) => m.ReplicationStep),
  goal: () => import('../steps/goal/goal-step.tsx').then((m) => m.GoalStep),
  policy: () => import('../steps/policy/policy-step.tsx').then((m) => m.PolicyStep),
  vms: () => import('../steps/vms/vms-step.tsx').then((m) => m.VmsStep),
  agent: () => import('../steps/agent/agent-step.tsx').then((m) => m.AgentStep),
  network: () => import('../steps/network/network-step.tsx').then((m) => m.NetworkStep),
  review: () => import('../steps/review/review-step.tsx').then((m) => m.ReviewStep),
  enable: () => import('../steps/enable/enable-step.tsx').then((m) => m.EnableStep),
  summary: () => import('../steps/summary/summary-step.tsx').then((m) => m.SummaryStep),
};

const lazyPage = (load: PageModule): LazyExoticComponent<ComponentType> => lazy(async () => ({ default: await load() }));
const lazyPages = new Map<StepId, LazyExoticComponent<ComponentType>>();
const HomePage = lazyPage(() => import('./home/home-page.tsx').then((m) => m.HomePage));

function Page({ component: Component }: { component: LazyExoticComponent<ComponentType> }) {
  return (
    <Suspense fallback={<Spinner label="Loading…" />}>
      <Component />
    </Suspense>
  );
}

/** A route's page; a step without a page yet shows the "not available" page. */
function pageOf(step: WizardStep) {
  const load = stepPages[step.id];
  if (!load) return <UnavailableStep step={step} />;
  let component = lazyPages.get(step.id);
  if (!component) {
    component = lazyPage(load);
    lazyPages.set(step.id, component);
  }
  return <Page component={component} />;
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
    element: pageOf(step),
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
          element: <Page component={HomePage} />,
          errorElement: <RouteErrorPage />,
        },
        { path: START_PAGE_PATH, element: <Page component={HomePage} />, errorElement: <RouteErrorPage /> },
        ...stepRoutes,
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ];
}

export function createAppRouter(deps: AppRouterDeps) {
  return createBrowserRouter(createRoutes(deps));
}
