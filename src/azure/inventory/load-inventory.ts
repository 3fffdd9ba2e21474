// The fleet inventory for a scope: from Resource Graph when the user can use it, else from ARM's list calls.
// Resource Graph is unavailable when the cloud has no such provider (404 InvalidResourceNamespace: Azure Stack,
// a proxy, or the emulator with graph disabled), when it is not registered, or when the caller is refused (403).
// Anything else (a bad query, throttling past the retries, the network) is an error to show, not a reason to
// quietly read everything again another way.
import type { ArmClients } from '../clients.ts';
import { toAzureError, type AzureError } from '../errors.ts';
import { queryGraph } from '../resource-graph.ts';
import { readInventoryFromGraph, type GraphInventoryOptions, type GraphRunner } from './read-graph.ts';
import { readInventoryFromLists } from './read-lists.ts';
import type { FleetInventory, FleetScope, InventorySource } from './types.ts';
import { sizeCatalogFor, type SizeCatalog } from './vm-sizes.ts';

const UNAVAILABLE_CODES = new Set(['InvalidResourceNamespace', 'MissingSubscriptionRegistration', 'SubscriptionNotRegistered', 'NoRegisteredProviderFound']);

/** Whether an error from Resource Graph means "use the ARM lists instead". */
export function graphUnavailable(error: AzureError): boolean {
  return error.status === 403 || error.kind === 'forbidden' || UNAVAILABLE_CODES.has(error.code);
}

export type LoadInventoryOptions = GraphInventoryOptions & {
  /** auto (default): Resource Graph, falling back to lists when it is unavailable. */
  source?: InventorySource | 'auto';
  /** Called once when Resource Graph turned out unavailable, with why. */
  onFallback?: (reason: AzureError) => void;
};

export function graphRunnerFor(clients: ArmClients): GraphRunner {
  return (query, scope, options) => queryGraph(clients, query, scope, options);
}

/** `sizes`: the session's size lists (the gateway keeps one catalog); a fresh one reads each region again. */
export async function loadFleetInventory(
  clients: ArmClients,
  scope: FleetScope,
  options: LoadInventoryOptions = {},
  sizes: SizeCatalog = sizeCatalogFor(clients),
): Promise<FleetInventory> {
  const source = options.source ?? 'auto';
  if (source === 'lists') return readInventoryFromLists(clients, scope, options, sizes);
  try {
    return await readInventoryFromGraph(graphRunnerFor(clients), scope, options, sizes);
  } catch (error) {
    const detail = toAzureError(error);
    if (source === 'graph' || !graphUnavailable(detail)) throw error;
    options.onFallback?.(detail);
    return readInventoryFromLists(clients, scope, options, sizes);
  }
}
