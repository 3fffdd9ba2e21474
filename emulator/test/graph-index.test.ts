// Resource Graph's lagged copy of the store, its quota window and its $skipToken cache.
import { describe, expect, it } from 'vitest';
import { createGraphIndex } from '../graph/indexer.ts';
import { createQuota, formatResetsAfter } from '../graph/quota.ts';
import { createResultCache } from '../graph/skip-token.ts';
import { createMemoryStore, DEFAULT_FIXTURE_PATH, loadFixtureFile, type ArmResource } from '../state/store.ts';

const PROD = '/subscriptions/8c6b1f3e-2a4d-4f5b-9e7c-0a1b2c3d4e5f';
const WEB_01 = `${PROD}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/web-01`;
const contoso = loadFixtureFile(DEFAULT_FIXTURE_PATH);

function setup(lagMs: number) {
  let now = 1_000_000;
  const store = createMemoryStore(contoso);
  const index = createGraphIndex(store, () => lagMs, () => now);
  const advance = (ms: number) => {
    now += ms;
  };
  const has = (id: string) => index.entries('resources').some((e) => e.key === id.toLowerCase());
  const row = (id: string) => index.entries('resources').find((e) => e.key === id.toLowerCase())?.row;
  return { store, index, advance, has, row, clock: () => now };
}

const vault = (name: string): ArmResource => ({
  id: `${PROD}/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/${name}`,
  name,
  type: 'Microsoft.RecoveryServices/vaults',
  location: 'westeurope',
  properties: {},
});

describe('the lagged index', () => {
  it('shows an ARM write only once it is older than the lag', () => {
    const { store, index, advance, has } = setup(2000);
    store.put(vault('rsv-new'));
    expect(has(vault('rsv-new').id)).toBe(false);
    expect(index.pending()).toBe(1);
    advance(1999);
    expect(has(vault('rsv-new').id)).toBe(false);
    advance(1);
    expect(has(vault('rsv-new').id)).toBe(true);
    expect(index.pending()).toBe(0);
    store.delete(vault('rsv-new').id);
    expect(has(vault('rsv-new').id)).toBe(true);
    advance(2000);
    expect(has(vault('rsv-new').id)).toBe(false);
  });

  it('shows changes in order: an update replaces the row, a delete of a VM also removes its extensions', () => {
    const { store, has, row } = setup(0);
    const vm = store.get(WEB_01) as ArmResource;
    store.put({ ...vm, tags: { changed: 'yes' } });
    expect(row(WEB_01)?.['tags']).toEqual({ changed: 'yes' });
    const extensions = store.list({ type: 'Microsoft.Compute/virtualMachines/extensions', scope: WEB_01 });
    store.delete(WEB_01);
    expect(has(WEB_01)).toBe(false);
    for (const ext of extensions) expect(has(ext.id)).toBe(false);
  });

  it('reads live with no lag and starts over at once on reset', () => {
    const { store, index, has } = setup(60_000);
    const before = index.size();
    store.delete(WEB_01);
    expect(has(WEB_01)).toBe(true);
    store.reset();
    expect(index.pending()).toBe(0);
    expect(index.size()).toBe(before);
    expect(has(WEB_01)).toBe(true);
  });

  it('keeps rows sorted by id whatever the order of writes', () => {
    const { store, index } = setup(0);
    store.put(vault('zzz'));
    store.put(vault('aaa'));
    const keys = index.entries('resources').map((e) => e.key);
    expect(keys).toEqual([...keys].sort());
  });
});

describe('the quota window', () => {
  it('counts queries per user in a window that opens with the first one', () => {
    let now = 0;
    const quota = createQuota(() => ({ quotaLimit: 3, quotaWindowMs: 5000 }), () => now);
    expect(quota.take('u').headers).toEqual({ 'x-ms-user-quota-remaining': '2', 'x-ms-user-quota-resets-after': '00:00:05' });
    now = 2100;
    expect(quota.take('u').headers).toEqual({ 'x-ms-user-quota-remaining': '1', 'x-ms-user-quota-resets-after': '00:00:03' });
    expect(quota.take('other').remaining).toBe(2);
    expect(quota.take('u')).toMatchObject({ allowed: true, remaining: 0 });
    const refused = quota.take('u');
    expect(refused).toMatchObject({ allowed: false, remaining: 0, resetsAfterMs: 2900 });
    now = 5000;
    expect(quota.take('u')).toMatchObject({ allowed: true, remaining: 2, resetsAfterMs: 5000 });
  });

  it('prints hh:mm:ss rounded up', () => {
    expect(formatResetsAfter(0)).toBe('00:00:00');
    expect(formatResetsAfter(1)).toBe('00:00:01');
    expect(formatResetsAfter(3_725_000)).toBe('01:02:05');
  });
});

describe('the $skipToken cache', () => {
  it('gives a page back only to the same user, query and scope, until it expires', () => {
    let now = 0;
    const cache = createResultCache<string>({ ttlMs: 1000, clock: () => now });
    const token = cache.issue({ owner: 'u', fingerprint: 'q1', result: 'rows', rows: 5 }, 2, 2);
    expect(cache.resolve(token, 'u', 'q1')).toMatchObject({ offset: 2, pageSize: 2, entry: { result: 'rows' } });
    expect(cache.resolve(token, 'u', 'q2')).toBeUndefined();
    expect(cache.resolve(token, 'someone else', 'q1')).toBeUndefined();
    expect(cache.resolve('not a token', 'u', 'q1')).toBeUndefined();
    const next = cache.next(token, 4, 2);
    expect(cache.resolve(next, 'u', 'q1')).toMatchObject({ offset: 4 });
    now = 5000;
    expect(cache.resolve(next, 'u', 'q1')).toBeUndefined();
  });

  it('keeps a bounded number of results, dropping the least recently used', () => {
    const cache = createResultCache<number>({ maxResults: 2 });
    const t1 = cache.issue({ owner: 'u', fingerprint: 'a', result: 1, rows: 1 }, 1, 1);
    const t2 = cache.issue({ owner: 'u', fingerprint: 'b', result: 2, rows: 1 }, 1, 1);
    expect(cache.resolve(t1, 'u', 'a')).toBeDefined();
    const t3 = cache.issue({ owner: 'u', fingerprint: 'c', result: 3, rows: 1 }, 1, 1);
    expect(cache.size()).toBe(2);
    expect(cache.resolve(t2, 'u', 'b')).toBeUndefined();
    expect(cache.resolve(t1, 'u', 'a')).toBeDefined();
    expect(cache.resolve(t3, 'u', 'c')).toBeDefined();
  });
});
