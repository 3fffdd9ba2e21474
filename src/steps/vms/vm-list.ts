// Filtering, sorting and searching the VM table, and the per-region count that tells how many vaults
// the whole job needs. Pure, so the table can memoise them and tests can run them on thousands of rows.
import { ruleTitle, type Verdict } from '../../readiness/index.ts';
import type { VmSummary } from '../../store/vms-slice.ts';
import { summaryOf, type OsGroup, type VmView } from './vm-view.ts';

export type VmFilters = {
  verdict: Verdict | 'all';
  /** A region name, or 'all'. */
  region: string;
  os: OsGroup | 'all';
  /** Matched against name and resource group, case-insensitively; words may come in any order. */
  query: string;
};

export const NO_FILTERS: VmFilters = { verdict: 'all', region: 'all', os: 'all', query: '' };

export type SortKey =
  | 'name'
  | 'resourceGroup'
  | 'location'
  | 'os'
  | 'size'
  | 'dataDisks'
  | 'power'
  | 'agent'
  | 'network'
  | 'protection'
  | 'verdict';

export type SortOrder = { key: SortKey; direction: 'ascending' | 'descending' };

export const DEFAULT_SORT: SortOrder = { key: 'name', direction: 'ascending' };

export function filterVms(views: readonly VmView[], filters: VmFilters): VmView[] {
  const words = filters.query.toLowerCase().split(/\s+/).filter(Boolean);
  const region = filters.region.toLowerCase();
  return views.filter(
    (v) =>
      (filters.verdict === 'all' || v.verdict === filters.verdict) &&
      (region === 'all' || v.location.toLowerCase() === region) &&
      (filters.os === 'all' || v.osGroup === filters.os) &&
      words.every((word) => v.search.includes(word)),
  );
}

const VERDICT_ORDER: Record<Verdict, number> = { ready: 0, attention: 1, blocked: 2 };
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function compareBy(key: SortKey): (a: VmView, b: VmView) => number {
  switch (key) {
    case 'dataDisks':
      return (a, b) => a.dataDisks - b.dataDisks;
    case 'verdict':
      return (a, b) => VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict];
    default:
      return (a, b) => collator.compare(a[key], b[key]);
  }
}

/** A stable sort: equal keys fall back to name, then resource group, so the order never jumps between renders. */
export function sortVms(views: readonly VmView[], order: SortOrder): VmView[] {
  const primary = compareBy(order.key);
  const sign = order.direction === 'ascending' ? 1 : -1;
  const byName = (a: VmView, b: VmView) => collator.compare(a.name, b.name) || collator.compare(a.resourceGroup, b.resourceGroup);
  return [...views].sort((a, b) => sign * primary(a, b) || byName(a, b));
}

export function nextSort(current: SortOrder, key: SortKey): SortOrder {
  if (current.key !== key) return { key, direction: 'ascending' };
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

export type RegionCount = { region: string; count: number; thisVault: boolean };

/** VMs per region, the vault's region first, then by count. Each other region needs a vault of its own. */
export function regionCounts(views: readonly VmView[], vaultLocation: string): RegionCount[] {
  const counts = new Map<string, number>();
  for (const v of views) counts.set(v.location, (counts.get(v.location) ?? 0) + 1);
  const vault = vaultLocation.toLowerCase();
  return [...counts]
    .map(([region, count]) => ({ region, count, thisVault: region.toLowerCase() === vault }))
    .sort((a, b) => Number(b.thisVault) - Number(a.thisVault) || b.count - a.count || a.region.localeCompare(b.region));
}

/** "3 regions: westeurope 24 (this vault), northeurope 4 — needs a vault, eastus 3 — needs a vault" */
export function regionSummary(counts: readonly RegionCount[]): string {
  const parts = counts.map((c) => `${c.region} ${c.count}${c.thisVault ? ' (this vault)' : ' — needs a vault'}`);
  const label = counts.length === 1 ? '1 region' : `${counts.length} regions`;
  return `${label}: ${parts.join(', ')}`;
}

/** Vaults the whole job needs: one per region with VMs (the chosen vault covers its own). */
export function vaultsNeeded(counts: readonly RegionCount[]): { total: number; more: number } {
  const more = counts.filter((c) => !c.thisVault).length;
  return { total: counts.length, more };
}

export function regionsOf(views: readonly VmView[]): string[] {
  return [...new Set(views.map((v) => v.location))].sort((a, b) => a.localeCompare(b));
}

/**
 * After a new discovery: the saved selection minus VMs that are gone or can no longer be selected (now
 * blocked, protected meanwhile, or needing attention for something the user hasn't accepted), with fresh
 * summaries for those kept. `dropped` names what was removed and why.
 */
export function reconcileSelection(
  selectedIds: readonly string[],
  views: readonly VmView[],
  saved: Readonly<Record<string, Pick<VmSummary, 'name' | 'accepted'>>> = {},
): { keep: string[]; summaries: Record<string, VmSummary>; dropped: { name: string; why: string }[] } {
  const byKey = new Map(views.map((v) => [v.key, v]));
  const keep: string[] = [];
  const summaries: Record<string, VmSummary> = {};
  const dropped: { name: string; why: string }[] = [];
  for (const id of selectedIds) {
    const view = byKey.get(id.toLowerCase());
    const accepted = saved[id]?.accepted ?? [];
    const unaccepted = view?.attention.filter((f) => !accepted.includes(f.ruleId)) ?? [];
    if (!view) {
      dropped.push({ name: saved[id]?.name ?? id.split('/').at(-1) ?? id, why: 'no longer found in the subscription' });
    } else if (view.whyNot !== null) {
      dropped.push({ name: view.name, why: view.whyNot });
    } else if (unaccepted.length > 0) {
      dropped.push({ name: view.name, why: `it now needs attention (${unaccepted.map((f) => ruleTitle(f.ruleId)).join('; ')}): accept it to select it again` });
    } else {
      keep.push(view.id);
      summaries[view.id] = summaryOf(view, accepted.filter((rule) => view.attention.some((f) => f.ruleId === rule)));
    }
  }
  return { keep, summaries, dropped };
}
