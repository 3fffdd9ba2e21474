// Discovery (the vault's refreshContainers) is only needed before Enable: the table never waits for it. It
// runs once per vault and region per session, in the background, whatever the number of step visits.
import type { ArmClients } from '../clients.ts';
import { refreshContainers, type RefreshOptions, type VaultLocator } from '../vm-discovery.ts';

export type DiscoveryState = { state: 'running' } | { state: 'done'; polls: number } | { state: 'failed'; error: unknown };

export type DiscoveryRegistry = {
  /** Starts the vault's discovery unless it ran (or runs) already this session; the same promise each time. */
  ensure(vault: VaultLocator & { location: string }, options?: RefreshOptions): Promise<number>;
  stateOf(vault: VaultLocator & { location: string }): DiscoveryState | undefined;
};

const keyOf = (v: VaultLocator & { location: string }) => `${v.subscriptionId}/${v.resourceGroup}/${v.vaultName}/${v.location}`.toLowerCase();

export function createDiscoveryRegistry(clients: ArmClients): DiscoveryRegistry {
  const runs = new Map<string, { promise: Promise<number>; state: DiscoveryState }>();
  return {
    ensure(vault, options) {
      const key = keyOf(vault);
      const existing = runs.get(key);
      if (existing) return existing.promise;
      const entry: { promise: Promise<number>; state: DiscoveryState } = { promise: Promise.resolve(0), state: { state: 'running' } };
      entry.promise = refreshContainers(clients, vault, options).then(
        (polls) => {
          entry.state = { state: 'done', polls };
          return polls;
        },
        (error: unknown) => {
          entry.state = { state: 'failed', error };
          // A failed discovery may be retried by the next ensure().
          runs.delete(key);
          throw error;
        },
      );
      // Nobody may be awaiting it (it runs in the background): its failure is kept in the state.
      entry.promise.catch(() => undefined);
      runs.set(key, entry);
      return entry.promise;
    },
    stateOf: (vault) => runs.get(keyOf(vault))?.state,
  };
}
