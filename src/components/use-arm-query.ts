import { useCallback, useEffect, useRef, useState } from 'react';
import { toAzureError, type AzureError } from '../azure/errors.ts';

export type QueryState<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'loaded'; data: T }
  | { status: 'failed'; error: AzureError };

/**
 * Runs `load` whenever `key` changes (null: nothing to load yet) and keeps only the latest answer, so a slow
 * reply for an old key never overwrites a newer one. `retry` runs it again; `reload` does so without
 * showing the loading state; `update` changes the loaded data in place (with a write's read-back).
 */
export function useArmQuery<T>(key: string | null, load: () => Promise<T>) {
  const [state, setState] = useState<QueryState<T>>(key === null ? { status: 'idle' } : { status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const [shownKey, setShownKey] = useState(key);
  if (shownKey !== key) {
    // A new key: show loading at once rather than the previous key's data for one render.
    setShownKey(key);
    setState(key === null ? { status: 'idle' } : { status: 'loading' });
  }

  useEffect(() => {
    if (key === null) return;
    let current = true;
    loadRef.current().then(
      (data) => {
        if (current) setState({ status: 'loaded', data });
      },
      (error: unknown) => {
        if (current) setState({ status: 'failed', error: toAzureError(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [key, attempt]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  /** Replaces loaded data with what a write's read-back returned, instead of asking Azure again. */
  const update = useCallback(
    (change: (data: T) => T) => setState((previous) => (previous.status === 'loaded' ? { status: 'loaded', data: change(previous.data) } : previous)),
    [],
  );

  return { state, retry, reload, update };
}
