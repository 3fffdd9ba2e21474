// The one store the ARM routes read and write, loaded from a tenant fixture and reset between tests.
import type { Fixture, RegistrationState, RoleAssignment, ServicePrincipal, Tenant, User } from './fixture-schema.ts';
import type { LoadedState } from './load-fixture.ts';
import { buildState } from './load-fixture.ts';
import type { CatalogData } from './wire-catalog.ts';

export { DEFAULT_FIXTURE_PATH, FixtureError, loadFixtureFile, parseFixture, systemPolicies } from './load-fixture.ts';
export { findRegion, locationsFor, providerFor } from './wire-catalog.ts';
export type { CatalogData, CatalogRegion, LocationWire, ProviderWire, SubscriptionWire } from './wire-catalog.ts';
export type { Fixture } from './fixture-schema.ts';

/** ARM wire format, exactly as ARM returns it (properties are NOT flattened). */
export interface ArmResource {
  id: string;
  name: string;
  type: string;
  location?: string;
  tags?: Record<string, string>;
  etag?: string;
  sku?: Record<string, unknown>;
  zones?: string[];
  identity?: Record<string, unknown>;
  properties?: Record<string, unknown>;
  [extra: string]: unknown;
}

export interface IdentityData {
  tenant: Tenant;
  users: User[];
  servicePrincipals: ServicePrincipal[];
  roleAssignments: RoleAssignment[];
}

export interface ListQuery {
  /** e.g. "Microsoft.Compute/virtualMachines"; compared case-insensitively. */
  type: string;
  /** "/subscriptions/{s}", "/subscriptions/{s}/resourceGroups/{rg}" or a parent resource id. */
  scope: string;
}

/**
 * One change to the store, in the order it happened. `put` carries the stored object (which the store
 * never changes afterwards: a later put replaces it); a delete is reported once per removed id, children
 * first; `reset` means everything was replaced by the fixture again.
 */
export type StoreChange =
  | { kind: 'put'; at: number; id: string; resource: ArmResource }
  | { kind: 'delete'; at: number; id: string }
  | { kind: 'reset'; at: number };

// Results of get/list are the store's own objects, not copies: treat them as read-only and write
// every change back through put().
export interface Store {
  readonly identity: IdentityData;
  readonly catalog: CatalogData;
  /** The id is compared case-insensitively. */
  get(id: string): ArmResource | undefined;
  /** Inserts or replaces (a replaced resource keeps its place in list order); stores a copy. */
  put(resource: ArmResource): ArmResource;
  /** Also deletes the resources whose ids lie under it; true if the resource itself existed. */
  delete(id: string): boolean;
  /** Resources of the type whose id lies under the scope, in insertion order. */
  list(query: ListQuery): ArmResource[];
  /** Back to the fixture loaded at start, as a fresh deep copy (also after replace()). */
  reset(): void;
  /** Every resource, in insertion order (read-only, like get/list). */
  all(): IterableIterator<ArmResource>;
  /** Calls `listener` after every put, delete and reset (Resource Graph's indexer follows the store this way). */
  onChange(listener: (change: StoreChange) => void): () => void;
  /** Replaces the whole state with another fixture's until the next reset() (a test control: a large tenant at run time). */
  replace(fixture: Fixture): void;
  /** Sets a subscription's registration state of a provider namespace; false if the catalog knows neither. */
  setProviderRegistration(subscriptionId: string, namespace: string, state: RegistrationState): boolean;
}

export function createMemoryStore(fixture: Fixture): Store {
  return createStoreFromState(buildState(fixture));
}

function createStoreFromState(initial: LoadedState): Store {
  let byId = new Map<string, ArmResource>();
  // Per-type buckets keep list() proportional to the resources of one type, not to the whole tenant.
  let byType = new Map<string, Map<string, ArmResource>>();
  let identity = structuredClone(initial.identity);
  let catalog = structuredClone(initial.catalog);
  const listeners = new Set<(change: StoreChange) => void>();
  const emit = (change: StoreChange): void => {
    for (const listener of listeners) listener(change);
  };

  const insert = (resource: ArmResource): void => {
    const key = resource.id.toLowerCase();
    const type = resource.type.toLowerCase();
    const previous = byId.get(key);
    if (previous !== undefined && previous.type.toLowerCase() !== type) byType.get(previous.type.toLowerCase())?.delete(key);
    byId.set(key, resource);
    let bucket = byType.get(type);
    if (bucket === undefined) {
      bucket = new Map();
      byType.set(type, bucket);
    }
    bucket.set(key, resource);
  };
  const remove = (key: string): void => {
    const resource = byId.get(key);
    if (resource === undefined) return;
    byId.delete(key);
    byType.get(resource.type.toLowerCase())?.delete(key);
    emit({ kind: 'delete', at: Date.now(), id: resource.id });
  };
  // The fixture's resources are kept as JSON (they are plain JSON data): a reset parses a fresh copy, and the
  // first load takes the freshly built objects as they are. structuredClone of a 50,000-VM tenant takes a minute.
  const pristine = JSON.stringify(initial.resources);
  let firstLoad: ArmResource[] | undefined = initial.resources;
  /** `replacement`: another fixture's freshly built state (its objects are new, so they are taken as they are). */
  const load = (replacement?: LoadedState): void => {
    byId = new Map();
    byType = new Map();
    const resources = replacement?.resources ?? firstLoad ?? (JSON.parse(pristine) as ArmResource[]);
    firstLoad = undefined;
    for (const resource of resources) insert(resource);
    identity = structuredClone((replacement ?? initial).identity);
    catalog = structuredClone((replacement ?? initial).catalog);
  };
  load();

  return {
    get identity() {
      return identity;
    },
    get catalog() {
      return catalog;
    },
    get(id) {
      return byId.get(id.toLowerCase());
    },
    put(resource) {
      if (typeof resource.id !== 'string' || !resource.id.startsWith('/') || typeof resource.type !== 'string' || typeof resource.name !== 'string') {
        throw new TypeError(`put() needs a resource with an absolute id, a name and a type; got id ${String(resource.id)}`);
      }
      const copy = structuredClone(resource);
      insert(copy);
      emit({ kind: 'put', at: Date.now(), id: copy.id, resource: copy });
      return copy;
    },
    delete(id) {
      const key = id.replace(/\/+$/, '').toLowerCase();
      const existed = byId.has(key);
      const prefix = `${key}/`;
      const doomed = [...byId.keys()].filter((k) => k.startsWith(prefix));
      for (const k of doomed) remove(k);
      remove(key);
      return existed;
    },
    list({ type, scope }) {
      const bucket = byType.get(type.toLowerCase());
      if (bucket === undefined) return [];
      const prefix = `${scope.replace(/\/+$/, '').toLowerCase()}/`;
      const found: ArmResource[] = [];
      for (const [key, resource] of bucket) {
        if (key.startsWith(prefix)) found.push(resource);
      }
      return found;
    },
    reset() {
      load();
      emit({ kind: 'reset', at: Date.now() });
    },
    all() {
      return byId.values();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    replace(fixture) {
      load(buildState(fixture));
      emit({ kind: 'reset', at: Date.now() });
    },
    setProviderRegistration(subscriptionId, namespace, state) {
      const states = catalog.registrations[subscriptionId.toLowerCase()];
      const known = catalog.providers.find((p) => p.namespace.toLowerCase() === namespace.toLowerCase());
      if (states === undefined || known === undefined) return false;
      states[known.namespace] = state;
      return true;
    },
  };
}
