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
import { isProgressKeyOf } from '../store/storage-key.ts';
import { createWizardStore, flushSavedProgress, SAVE_INTERVAL_MS, storageKeyFor, type WizardStore } from '../store/wizard-store.ts';
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
    createWizardStore({
      account,
      storage: guardedStorage(window.localStorage, () => holder.lock?.status() === 'held'),
      saveIntervalMs: SAVE_INTERVAL_MS,
    }),
  );
  useFlushWhenHidden(store);
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
    // The holder saves each journal entry under a key of its own, so a read-only tab hears many changes a
    // second during a large Enable: it re-reads at most every SAVE_INTERVAL_MS.
    let rereadTimer: ReturnType<typeof setTimeout> | null = null;
    const onStorage = (event: StorageEvent) => {
      if (event.key === null || !isProgressKeyOf(key, event.key) || created.status() === 'held' || rereadTimer) return;
      rereadTimer = setTimeout(() => {
        rereadTimer = null;
        if (created.status() !== 'held') void store.persist.rehydrate();
      }, SAVE_INTERVAL_MS);
    };
    window.addEventListener('storage', onStorage);
    setLock(created);
    return () => {
      if (rereadTimer) clearTimeout(rereadTimer);
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

/** The choices are saved at most every SAVE_INTERVAL_MS; a page being hidden or closed saves what is pending. */
function useFlushWhenHidden(store: WizardStore) {
  useEffect(() => {
    const flush = () => flushSavedProgress(store);
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      flush();
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [store]);
}
