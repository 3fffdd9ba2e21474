import { useCallback, useEffect, useState } from 'react';
import { toAzureError, type AzureError } from '../../azure/errors.ts';
import { useArmGateway } from '../../azure/gateway-context.tsx';
import type { VaultStorageConfig } from '../../azure/storage-config.ts';
import type { VaultSummary } from '../../azure/vaults.ts';
import { useArmQuery } from '../../components/use-arm-query.ts';

export type Detail<T> = { status: 'loading' } | { status: 'loaded'; value: T } | { status: 'failed'; error: AzureError };

export type VaultDetails = { config: Detail<VaultStorageConfig>; protectedVms: Detail<number | null> };

/**
 * The subscription's vaults, then each one's storage config and protected-VM count, filled in as they arrive
 * (a slow or failing vault never holds up the list).
 */
export function useExistingVaults(subscriptionId: string) {
  const gateway = useArmGateway();
  const vaults = useArmQuery(`vaults:${subscriptionId}`, () => gateway.listVaults(subscriptionId));
  const [details, setDetails] = useState<ReadonlyMap<string, VaultDetails>>(new Map());

  const list = vaults.state.status === 'loaded' ? vaults.state.data : null;
  useEffect(() => {
    if (!list) return;
    let current = true;
    setDetails(new Map(list.map((v) => [v.id, { config: { status: 'loading' }, protectedVms: { status: 'loading' } }])));
    const update = (id: string, change: Partial<VaultDetails>) =>
      setDetails((previous) => {
        const existing = previous.get(id);
        if (!current || !existing) return previous;
        return new Map(previous).set(id, { ...existing, ...change });
      });
    const settle = <T,>(promise: Promise<T>): Promise<Detail<T>> =>
      promise.then(
        (value) => ({ status: 'loaded', value }),
        (error: unknown) => ({ status: 'failed', error: toAzureError(error) }),
      );
    for (const vault of list) {
      void settle(gateway.getStorageConfig(subscriptionId, vault.resourceGroup, vault.name)).then((config) => update(vault.id, { config }));
      void settle(gateway.countProtectedVms(subscriptionId, vault.resourceGroup, vault.name)).then((protectedVms) =>
        update(vault.id, { protectedVms }),
      );
    }
    return () => {
      current = false;
    };
  }, [gateway, subscriptionId, list]);

  return { state: vaults.state, details, retry: vaults.retry };
}

/** Finds a vault by name in the loaded list (vault names are unique in a subscription, ignoring case). */
export function useFindVaultByName(list: readonly VaultSummary[] | null) {
  return useCallback(
    (name: string) => list?.find((vault) => vault.name.toLowerCase() === name.toLowerCase()) ?? null,
    [list],
  );
}
