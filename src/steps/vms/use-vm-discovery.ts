import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArmGateway } from '../../azure/gateway.ts';
import { useArmGateway } from '../../azure/gateway-context.tsx';
import { toAzureError, type AzureError } from '../../azure/errors.ts';
import { initialGatherProgress, type GatherProgress, type GatherVault, type VmReadinessTable } from '../../azure/vm-readiness.ts';

export type DiscoveryState =
  | { status: 'idle' }
  | { status: 'running'; progress: GatherProgress }
  | { status: 'done'; table: VmReadinessTable }
  | { status: 'failed'; error: AzureError; progress: GatherProgress };

const PROGRESS_INTERVAL_MS = 100;

// The last table per gateway (so per signed-in account) and vault, in memory only: going to another step
// and back doesn't read every VM again, while a reload does (facts are never saved).
const lastTables = new WeakMap<ArmGateway, Map<string, VmReadinessTable>>();

function cached(gateway: ArmGateway, vaultId: string | undefined): VmReadinessTable | undefined {
  return vaultId ? lastTables.get(gateway)?.get(vaultId.toLowerCase()) : undefined;
}

/**
 * Runs discovery (the vault's refresh, then every VM's facts) for `vault`. `discover` starts or restarts it;
 * `autoStart` starts it once when nothing is cached, for users coming back to a step they already ran.
 */
export function useVmDiscovery(
  vault: GatherVault | null,
  { autoStart, onDone }: { autoStart: boolean; onDone?: (table: VmReadinessTable) => void },
): { state: DiscoveryState; discover: () => void } {
  const gateway = useArmGateway();
  const vaultId = vault?.id;
  const [state, setState] = useState<DiscoveryState>(() => {
    const table = cached(gateway, vaultId);
    return table ? { status: 'done', table } : { status: 'idle' };
  });
  const controller = useRef<AbortController | null>(null);
  const onDoneRef = useRef(onDone);
  // The vault object is rebuilt on each render; its id names it, so `discover` changes only with the id.
  const vaultRef = useRef(vault);
  useEffect(() => {
    onDoneRef.current = onDone;
    vaultRef.current = vault;
  });

  const discover = useCallback(() => {
    const vault = vaultRef.current;
    if (!vault || vault.id !== vaultId) return;
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    let latest = initialGatherProgress();
    setState({ status: 'running', progress: latest });
    // Progress comes once per VM read: thousands of renders would cost more than the reads. Show it ten times a second.
    let pending: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      pending = undefined;
      if (!current.signal.aborted) setState({ status: 'running', progress: latest });
    };
    gateway
      .gatherVmReadiness(vault, {
        signal: current.signal,
        onProgress: (progress) => {
          latest = progress;
          pending ??= setTimeout(flush, PROGRESS_INTERVAL_MS);
        },
      })
      .finally(() => clearTimeout(pending))
      .then(
        (table) => {
          if (current.signal.aborted) return;
          let byVault = lastTables.get(gateway);
          if (!byVault) lastTables.set(gateway, (byVault = new Map()));
          byVault.set(table.vault.id.toLowerCase(), table);
          setState({ status: 'done', table });
          onDoneRef.current?.(table);
        },
        (error: unknown) => {
          if (current.signal.aborted) return;
          setState({ status: 'failed', error: toAzureError(error), progress: latest });
        },
      );
  }, [gateway, vaultId]);

  const shouldAutoStart = autoStart && state.status === 'idle' && vault !== null;
  useEffect(() => {
    if (shouldAutoStart) discover();
  }, [shouldAutoStart, discover]);

  useEffect(() => () => controller.current?.abort(), []);

  return { state, discover };
}
