import { describe, expect, it } from 'vitest';
import { buildVmRows } from '../../azure/vm-facts.ts';
import { contosoStore, inventoryFrom, PROD_VAULT } from '../../azure/vm-facts.fixture.ts';
import {
  DEFAULT_SORT,
  filterVms,
  nextSort,
  NO_FILTERS,
  reconcileSelection,
  regionCounts,
  regionSummary,
  sortVms,
  vaultsNeeded,
  type SortKey,
} from './vm-list.ts';
import { toView, type VmView } from './vm-view.ts';

const views = buildVmRows(inventoryFrom(contosoStore())).map((row) => toView(row, PROD_VAULT));
const names = (list: readonly VmView[]) => list.map((v) => v.name);
const byName = (name: string) => views.find((v) => v.name === name) as VmView;

describe('filterVms', () => {
  it('keeps everything without filters', () => {
    expect(filterVms(views, NO_FILTERS)).toHaveLength(views.length);
  });

  it('filters by verdict, region and OS together', () => {
    const blocked = filterVms(views, { ...NO_FILTERS, verdict: 'blocked' });
    expect(blocked.every((v) => v.verdict === 'blocked')).toBe(true);
    expect(names(blocked)).toEqual(expect.arrayContaining(['bigdata-01', 'coreos-01', 'legacy-2008', 'protected-01', 'neu-app-01']));
    expect(names(filterVms(views, { ...NO_FILTERS, region: 'northeurope' }))).toEqual(['neu-app-01', 'neu-linux-01']);
    expect(names(filterVms(views, { ...NO_FILTERS, region: 'NorthEurope', os: 'linux' }))).toEqual(['neu-linux-01']);
    expect(filterVms(views, { ...NO_FILTERS, os: 'windows' }).every((v) => v.osGroup === 'windows')).toBe(true);
  });

  it('searches name and resource group, case-insensitively, word by word', () => {
    expect(names(filterVms(views, { ...NO_FILTERS, query: 'LB-WEB' }))).toEqual(['lb-web-01', 'lb-web-02']);
    expect(names(filterVms(views, { ...NO_FILTERS, query: 'rg-legacy' }))).toEqual(['legacy-2008', 'legacy-2008r2']);
    expect(names(filterVms(views, { ...NO_FILTERS, query: 'rg-apps stopped' }))).toEqual(['stopped-01', 'stopped-02']);
    expect(filterVms(views, { ...NO_FILTERS, query: 'nothing-like-this' })).toEqual([]);
  });
});

describe('sortVms', () => {
  it('sorts by name by default, naturally', () => {
    const sorted = names(sortVms(views, DEFAULT_SORT));
    expect(sorted[0]).toBe('agent-2023-01');
    expect(sorted.indexOf('lb-web-01')).toBeLessThan(sorted.indexOf('lb-web-02'));
  });

  it('sorts by numbers and by verdict severity, both directions, breaking ties by name', () => {
    const disks = sortVms(views, { key: 'dataDisks', direction: 'descending' });
    expect(names(disks).slice(0, 2)).toEqual(['bigdata-01', 'data-20disk']);
    const byVerdict = sortVms(views, { key: 'verdict', direction: 'ascending' });
    expect(byVerdict[0]?.verdict).toBe('ready');
    expect(byVerdict.at(-1)?.verdict).toBe('blocked');
    const blocked = byVerdict.filter((v) => v.verdict === 'blocked').map((v) => v.name);
    expect(blocked).toEqual([...blocked].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
  });

  it('sorts by every column without losing or duplicating rows, and does not change its input', () => {
    const before = names(views);
    const keys: SortKey[] = ['name', 'resourceGroup', 'location', 'os', 'size', 'dataDisks', 'power', 'agent', 'network', 'protection', 'verdict'];
    for (const key of keys) {
      for (const direction of ['ascending', 'descending'] as const) {
        const sorted = sortVms(views, { key, direction });
        expect(new Set(names(sorted))).toEqual(new Set(before));
      }
    }
    expect(names(views)).toEqual(before);
    expect(names(sortVms(views, { key: 'location', direction: 'ascending' })).at(0)).toBe('eus-app-01');
  });

  it('toggles direction on the same column and starts ascending on a new one', () => {
    expect(nextSort(DEFAULT_SORT, 'name')).toEqual({ key: 'name', direction: 'descending' });
    expect(nextSort({ key: 'name', direction: 'descending' }, 'name')).toEqual({ key: 'name', direction: 'ascending' });
    expect(nextSort(DEFAULT_SORT, 'agent')).toEqual({ key: 'agent', direction: 'ascending' });
  });

  it('stays quick on thousands of rows', () => {
    const many = Array.from({ length: 5000 }, (_, i) => {
      const v = views[i % views.length] as VmView;
      return { ...v, key: `${v.key}-${i}`, name: `${v.name}-${i}`, search: `${v.name}-${i}\n${v.resourceGroup}` };
    });
    const started = performance.now();
    const shown = filterVms(sortVms(many, { key: 'verdict', direction: 'descending' }), { ...NO_FILTERS, query: 'web' });
    expect(shown.length).toBeGreaterThan(0);
    // Generous: a frame budget many times over, only to catch accidental quadratic work.
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('regions', () => {
  it('counts VMs per region with the vault region first, so the user sees how many vaults the job needs', () => {
    const counts = regionCounts(views, 'westeurope');
    expect(counts[0]).toEqual({ region: 'westeurope', count: 37, thisVault: true });
    expect(regionSummary(counts)).toBe(
      '4 regions: westeurope 37 (this vault), northeurope 2 — needs a vault, eastus 1 — needs a vault, ukwest 1 — needs a vault',
    );
    expect(vaultsNeeded(counts)).toEqual({ total: 4, more: 3 });
    expect(regionSummary(regionCounts(views.filter((v) => v.location === 'westeurope'), 'westeurope'))).toBe('1 region: westeurope 37 (this vault)');
  });
});

describe('reconcileSelection', () => {
  it('keeps what can still be selected, with fresh summaries, and says what it dropped and why', () => {
    const web = byName('web-01');
    const protectedVm = byName('protected-01');
    const gone = '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/deleted-01';
    const result = reconcileSelection([web.id.toUpperCase(), protectedVm.id, gone], views, { [gone]: { name: 'deleted-01' } });
    expect(result.keep).toEqual([web.id]);
    expect(result.summaries).toEqual({ [web.id]: { name: 'web-01', resourceGroup: 'rg-web', verdict: 'ready' } });
    expect(result.dropped).toEqual([
      { name: 'protected-01', why: 'Protected by rsv-legacy-weu' },
      { name: 'deleted-01', why: 'no longer found in the subscription' },
    ]);
  });

  it('keeps a VM needing attention only while what it needs attention for was accepted', () => {
    const tiny = byName('tiny-01');
    const tl = byName('tl-01');
    const accepted = reconcileSelection([tiny.id, tl.id], views, { [tiny.id]: { name: 'tiny-01', accepted: ['vm-size'] } });
    expect(accepted.keep).toEqual([tiny.id, tl.id]);
    expect(accepted.summaries[tiny.id]).toEqual({ name: 'tiny-01', resourceGroup: 'rg-today', verdict: 'attention', attention: ['vm-size'], accepted: ['vm-size'] });
    // Why a VM needs Enhanced travels with it, for the Policy and Review steps.
    expect(accepted.summaries[tl.id]?.needsEnhanced).toEqual(['Trusted Launch: a Standard policy needs backup API 2025-01-01 or later, and this wizard uses 2023-06-01']);

    const notAccepted = reconcileSelection([tiny.id], views, { [tiny.id]: { name: 'tiny-01' } });
    expect(notAccepted.keep).toEqual([]);
    expect(notAccepted.dropped).toEqual([{ name: 'tiny-01', why: 'it now needs attention (VM size below the supported minimum): accept it to select it again' }]);
  });
});
