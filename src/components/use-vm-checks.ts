import { useCallback, useEffect, useRef, useState } from 'react';

export type CheckEntry<O> = { checking: boolean; outcome?: O };

export type RunChecks<O> = (vmIds: readonly string[], onOutcome: (vmId: string, outcome: O) => void) => Promise<void>;

const keyOf = (id: string): string => id.toLowerCase();

/**
 * Per-VM checks for a step: all selected VMs when the step opens (or the selection changes), and any of them
 * again on demand. A VM checked again while an earlier check of it is still running keeps only the newest
 * answer. The previous outcome stays visible while a VM is re-checked.
 */
export function useVmChecks<O>(vmIds: readonly string[], run: RunChecks<O>, onOutcome?: (vmId: string, outcome: O) => void) {
  const [entries, setEntries] = useState<Record<string, CheckEntry<O>>>({});
  const generations = useRef(new Map<string, number>());
  const runRef = useRef(run);
  const onOutcomeRef = useRef(onOutcome);
  useEffect(() => {
    runRef.current = run;
    onOutcomeRef.current = onOutcome;
  });

  const checkAgain = useCallback((ids: readonly string[]) => {
    if (ids.length === 0) return;
    const tokens = new Map<string, number>();
    for (const id of ids) {
      const key = keyOf(id);
      const next = (generations.current.get(key) ?? 0) + 1;
      generations.current.set(key, next);
      tokens.set(key, next);
    }
    setEntries((previous) => {
      const next = { ...previous };
      for (const id of ids) {
        const outcome = previous[keyOf(id)]?.outcome;
        next[keyOf(id)] = outcome === undefined ? { checking: true } : { checking: true, outcome };
      }
      return next;
    });
    void runRef.current(ids, (vmId, outcome) => {
      const key = keyOf(vmId);
      if (generations.current.get(key) !== tokens.get(key)) return;
      setEntries((previous) => ({ ...previous, [key]: { checking: false, outcome } }));
      onOutcomeRef.current?.(vmId, outcome);
    });
  }, []);

  const idsKey = vmIds.join('\n');
  useEffect(() => {
    checkAgain(idsKey === '' ? [] : idsKey.split('\n'));
  }, [idsKey, checkAgain]);

  const entryOf = useCallback((vmId: string): CheckEntry<O> | undefined => entries[keyOf(vmId)], [entries]);
  const checkingCount = vmIds.filter((id) => entries[keyOf(id)]?.checking ?? true).length;

  return { entryOf, checkAgain, checkingCount };
}
