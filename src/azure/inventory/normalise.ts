// Small helpers both inventory readers use, so the two paths normalise the same way.
import type { ImageRef, OsType } from '../../readiness/index.ts';
import type { FleetInventory, FleetNic, FleetSubnet } from './types.ts';

export const idKey = (id: string | null | undefined): string => (id ?? '').toLowerCase();

export const regionKey = (region: string | null | undefined): string => (region ?? '').replace(/\s+/g, '').toLowerCase();

export const lastSegment = (id: string | undefined): string => id?.split('/').filter(Boolean).at(-1) ?? '';

export function subscriptionOf(id: string): string {
  return /\/subscriptions\/([^/]+)/i.exec(id)?.[1] ?? '';
}

/** A non-empty string, or undefined ('' and null are how ARG and ARM say "absent"). */
export function present(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function osTypeFrom(value: string | null | undefined): OsType | '' {
  const v = (value ?? '').toLowerCase();
  return v === 'windows' ? 'Windows' : v === 'linux' ? 'Linux' : '';
}

/**
 * securityProfile.securityType, absent for Standard: compute api-versions from 2025-11-01 say "Standard" where
 * older ones (and Resource Graph) say nothing, and the rules read both the same way.
 */
export function securityTypeFrom(value: unknown): string | undefined {
  const type = present(value);
  return type === undefined || type.toLowerCase() === 'standard' ? undefined : type;
}

export function imageFrom(ref: { publisher?: unknown; offer?: unknown; sku?: unknown; version?: unknown }): ImageRef | undefined {
  const publisher = present(ref.publisher);
  const offer = present(ref.offer);
  const sku = present(ref.sku);
  if (!publisher || !offer || !sku) return undefined;
  const version = present(ref.version);
  return version ? { publisher, offer, sku, version } : { publisher, offer, sku };
}

export function tagsFrom(tags: unknown): Record<string, string> {
  if (typeof tags !== 'object' || tags === null) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(tags)) if (typeof v === 'string') out[k] = v;
  return out;
}

export function zonesFrom(zones: unknown): string[] {
  return Array.isArray(zones) ? zones.filter((z): z is string => typeof z === 'string') : [];
}

/** The NSG ids the inventory's NICs and subnets point at (lower case). */
export function referencedNsgIds(nics: readonly FleetNic[], subnets: readonly FleetSubnet[]): Set<string> {
  const ids = new Set<string>();
  for (const nic of nics) if (nic.nsgId) ids.add(idKey(nic.nsgId));
  for (const subnet of subnets) if (subnet.nsgId) ids.add(idKey(subnet.nsgId));
  return ids;
}

/** The same inventory in a canonical order, so two readings can be compared (tests) or diffed. */
export function sortedInventory(inventory: FleetInventory): FleetInventory {
  const byId = <T extends { id: string }>(items: readonly T[]): T[] => [...items].sort((a, b) => (idKey(a.id) < idKey(b.id) ? -1 : idKey(a.id) > idKey(b.id) ? 1 : 0));
  return {
    ...inventory,
    vms: byId(inventory.vms),
    nics: byId(inventory.nics),
    subnets: byId(inventory.subnets),
    nsgs: byId(inventory.nsgs.map((n) => ({ ...n, id: n.id ?? n.name }))),
    protectedItems: byId(inventory.protectedItems),
  };
}
