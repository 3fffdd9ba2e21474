import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router';
import type { SignedInAccount } from '../auth/account.ts';
import { useArmGateway } from '../azure/gateway-context.tsx';
import { WriteLockProvider } from '../components/write-lock-context.tsx';
import { useAppConfig } from '../config/config-context.tsx';
import type { JournalRelay } from '../journal/relay.ts';
import { guardedStorage } from '../store/guarded-storage.ts';
import { journalSinkOf } from '../store/journal-slice.ts';
import { useHydrated, WizardStoreProvider } from '../store/store-context.tsx';
import { createWizardStore, storageKeyFor, type WizardStore } from '../store/wizard-store.ts';
import { FullPageSpinner } from './full-page-spinner.tsx';
import { resumeJournal } from './resume-journal.ts';
import { createAppRouter } from './router.tsx';
import { createWriteLock, writeLockName, type WriteLock } from './write-lock.ts';

type SignedInAppProps = { account: SignedInAccount; journal: JournalRelay };

/**
 * The wizard for one account. Its store (and saved progress) belongs to that account only; the parent
 * keys this component by account so another account gets a fresh store, never this one.
 */
export function SignedInApp({ account, journal }: SignedInAppProps) {
  // Saving waits for the write lock: a tab that does not hold it must not overwrite the holder's progress.
  const [holder] = useState<{ lock: WriteLock | null }>(() => ({ lock: null }));
  const [store] = useState(() =>
    createWizardStore({ account, storage: guardedStorage(window.localStorage, () => holder.lock?.status() === 'held') }),
  );
  const lock = useAccountWriteLock(account, store, journal, holder);
  const hydrated = useHydrated(store);
  if (!hydrated) return <FullPageSpinner label="Loading your saved progress…" />;
  return (
    <WizardStoreProvider store={store}>
      <WriteLockProvider lock={lock}>
        <WizardRouter store={store} />
      </WriteLockProvider>
    </WizardStoreProvider>
  );
}

/**
 * Takes the account's write lock, routes the gateway's journal to this store while it is held, re-reads
 * saved progress when another tab saves (so a read-only tab stays current) or when this one takes over,
 * and resumes the writes that were in flight when the page last closed.
 */
function useAccountWriteLock(account: SignedInAccount, store: WizardStore, journal: JournalRelay, holder: { lock: WriteLock | null }) {
  const gateway = useArmGateway();
  const { arm } = useAppConfig();
  const [lock, setLock] = useState<WriteLock | null>(null);
  const lockName = writeLockName(account);
  const key = storageKeyFor(account);

  useEffect(() => {
    let resumed = false;
    const created = createWriteLock(lockName, { onAcquire: () => store.persist.rehydrate() });
    holder.lock = created;
    const detach = journal.attach(journalSinkOf(store), { canWrite: () => created.status() === 'held' });
    const stopListening = created.subscribe(() => {
      if (created.status() !== 'held' || resumed) return;
      resumed = true;
      void resumeJournal({
        entries: store.getState().journal.entries,
        gateway,
        settle: (id, result) => store.getState().recordWriteResult(id, result),
        armEndpoint: arm.endpoint,
      }).catch((error: unknown) => console.error('Resuming the writes in flight failed.', error));
    });
    const onStorage = (event: StorageEvent) => {
      if (event.key === key && created.status() !== 'held') void store.persist.rehydrate();
    };
    window.addEventListener('storage', onStorage);
    setLock(created);
    return () => {
      window.removeEventListener('storage', onStorage);
      stopListening();
      detach();
      created.dispose();
      if (holder.lock === created) holder.lock = null;
    };
  }, [lockName, key, store, journal, holder, gateway, arm.endpoint]);

  return lock;
}

function WizardRouter({ store }: { store: WizardStore }) {
  // Created once hydrated: the router runs loaders immediately, and they read the saved progress.
  const [router] = useState(() => createAppRouter({ store }));
  useEffect(() => () => router.dispose(), [router]);
  return <RouterProvider router={router} />;
}
