import { createContext, use, useSyncExternalStore, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { WizardState, WizardStore } from './wizard-store.ts';

const StoreContext = createContext<WizardStore | null>(null);

export function WizardStoreProvider({ store, children }: { store: WizardStore; children: ReactNode }) {
  return <StoreContext value={store}>{children}</StoreContext>;
}

export function useWizardStoreApi(): WizardStore {
  const store = use(StoreContext);
  if (!store) throw new Error('useWizardStore must be used inside <WizardStoreProvider>.');
  return store;
}

/** Read through a selector so a component re-renders only when its slice of state changes. */
export function useWizardStore<T>(selector: (state: WizardState) => T): T {
  return useStore(useWizardStoreApi(), selector);
}

/** True once saved progress has been read back; the wizard must not render (or redirect) before that. */
export function useHydrated(store: WizardStore): boolean {
  return useSyncExternalStore(
    (onChange) => store.persist.onFinishHydration(() => onChange()),
    () => store.persist.hasHydrated(),
  );
}
