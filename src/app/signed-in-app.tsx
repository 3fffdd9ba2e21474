import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router';
import type { SignedInAccount } from '../auth/account.ts';
import { useHydrated, WizardStoreProvider } from '../store/store-context.tsx';
import { createWizardStore, type WizardStore } from '../store/wizard-store.ts';
import { FullPageSpinner } from './full-page-spinner.tsx';
import { createAppRouter } from './router.tsx';

/**
 * The wizard for one account. Its store (and saved progress) belongs to that account only; the parent
 * keys this component by account so another account gets a fresh store, never this one.
 */
export function SignedInApp({ account }: { account: SignedInAccount }) {
  const [store] = useState(() => createWizardStore({ account }));
  const hydrated = useHydrated(store);
  if (!hydrated) return <FullPageSpinner label="Loading your saved progress…" />;
  return (
    <WizardStoreProvider store={store}>
      <WizardRouter store={store} />
    </WizardStoreProvider>
  );
}

function WizardRouter({ store }: { store: WizardStore }) {
  // Created once hydrated: the router runs loaders immediately, and they read the saved progress.
  const [router] = useState(() => createAppRouter({ store }));
  useEffect(() => () => router.dispose(), [router]);
  return <RouterProvider router={router} />;
}
