// Tabular operators: where, project family, extend, summarize, sort/top/take, distinct, count,
// union, mv-expand, parse, let — and the ordered/limited flags the endpoint pages by.
import { describe, expect, it } from 'vitest';
import type { Row } from '../../graph/kql/index.ts';
import { rowsOf, run, runInline } from './arg-rows.ts';

const T: Row[] = [
  { name: 'b', os: 'Linux', size: 2, rg: 'rg1', tags: { env: 'prod' } },
  { name: 'a', os: 'Windows', size: 8, rg: 'rg1', tags: { env: 'dev', team: 'x' } },
  { name: 'c', os: 'Linux', size: null, rg: 'rg2', tags: {} },
  { name: 'd', os: 'Windows', size: 4, rg: 'rg2', tags: null },
];
const names = (rows: Row[]): unknown[] => rows.map((r) => r['name']);

describe('where, project, extend', () => {
  it('filters rows', () => {
    expect(names(rowsOf("t | where os == 'Linux' and isnotnull(size)", T))).toEqual(['b']);
    expect(names(rowsOf('t | filter size >= 4', T))).toEqual(['a', 'd']);
  });

  it('projects with renames and expressions, in the order written', () => {
    const res = runInline("t | project os, Name = toupper(name), double = size * 2, tags.env | take 1", T);
    expect(res.columns.map((c) => c.name)).toEqual(['os', 'Name', 'double', 'tags_env']);
    expect(res.rows).toEqual([{ os: 'Linux', Name: 'B', double: 4, tags_env: 'prod' }]);
  });

  it('extend replaces an existing column in place and appends new ones', () => {
    const res = runInline("t | extend size = coalesce(size, 0), big = size > 3 | where name == 'c'", T);
    expect(res.columns.map((c) => c.name)).toEqual(['name', 'os', 'size', 'rg', 'tags', 'big']);
    expect(res.rows).toEqual([{ name: 'c', os: 'Linux', size: 0, rg: 'rg2', tags: {}, big: false }]);
  });

  it('later extend items see earlier ones', () => {
    expect(rowsOf('t | extend x = size + 1, y = x * 10 | project y | take 1', T)).toEqual([{ y: 30 }]);
  });

  it('project-away and project-keep take wildcards; project-rename renames in place', () => {
    expect(runInline('t | project-away s*, t*', T).columns.map((c) => c.name)).toEqual(['name', 'os', 'rg']);
    expect(runInline('t | project-keep *s', T).columns.map((c) => c.name)).toEqual(['os', 'tags']);
    const res = runInline('t | project-rename osType = os, Size = size', T);
    expect(res.columns.map((c) => c.name)).toEqual(['name', 'osType', 'Size', 'rg', 'tags']);
    expect(res.rows[0]).toEqual({ name: 'b', osType: 'Linux', Size: 2, rg: 'rg1', tags: { env: 'prod' } });
  });
});

describe('summarize', () => {
  it('several aggregations by several columns, group keys first', () => {
    const res = runInline('t | summarize count(), n = countif(size > 3), dcount(rg), make_list(name), make_set(rg), sum(size), avg(size), min(size), max(name) by os', T);
    expect(res.columns.map((c) => c.name)).toEqual(['os', 'count_', 'n', 'dcount_rg', 'list_name', 'set_rg', 'sum_size', 'avg_size', 'min_size', 'max_name']);
    expect(res.rows).toEqual([
      { os: 'Linux', count_: 2, n: 0, dcount_rg: 2, list_name: ['b', 'c'], set_rg: ['rg1', 'rg2'], sum_size: 2, avg_size: 2, min_size: 2, max_name: 'c' },
      { os: 'Windows', count_: 2, n: 2, dcount_rg: 2, list_name: ['a', 'd'], set_rg: ['rg1', 'rg2'], sum_size: 12, avg_size: 6, min_size: 4, max_name: 'd' },
    ]);
  });

  it('groups by expressions, named after the column they convert', () => {
    const res = runInline('t | summarize count() by tostring(tags.env), rg', T);
    expect(res.columns.map((c) => c.name)).toEqual(['tags_env', 'rg', 'count_']);
    expect(res.rows).toContainEqual({ tags_env: '', rg: 'rg2', count_: 2 });
  });

  it('without by gives one row, even over no rows', () => {
    expect(rowsOf('t | where size > 100 | summarize count(), make_list(name), max(size)', T)).toEqual([{ count_: 0, list_name: [], max_size: null }]);
    expect(rowsOf('t | where size > 100 | summarize count() by os', T)).toEqual([]);
  });

  it('summarize by alone lists distinct groups', () => {
    expect(rowsOf('t | summarize by os, rg', T)).toEqual([
      { os: 'Linux', rg: 'rg1' },
      { os: 'Windows', rg: 'rg1' },
      { os: 'Linux', rg: 'rg2' },
      { os: 'Windows', rg: 'rg2' },
    ]);
  });

  it('take_any, any, arg_max, arg_min', () => {
    expect(rowsOf('t | summarize take_any(size) by os', T)).toEqual([{ os: 'Linux', size: 2 }, { os: 'Windows', size: 8 }]);
    expect(runInline('t | summarize any(name) by os', T).columns.map((c) => c.name)).toEqual(['os', 'any_name']);
    expect(rowsOf('t | summarize arg_max(size, name) by os', T)).toEqual([{ os: 'Linux', size: 2, name: 'b' }, { os: 'Windows', size: 8, name: 'a' }]);
    expect(rowsOf('t | summarize arg_min(size, *) by os | project os, name, size', T)).toEqual([
      { os: 'Linux', name: 'b', size: 2 },
      { os: 'Windows', name: 'd', size: 4 },
    ]);
  });

  it('make_bag merges bags; make_list takes a maximum', () => {
    expect(rowsOf('t | summarize make_bag(tags), make_list(name, 2)', T)).toEqual([{ bag_tags: { env: 'prod', team: 'x' }, list_name: ['b', 'a'] }]);
  });
});

describe('order, top, take, distinct, count', () => {
  it('order by defaults to descending with nulls last; asc puts nulls first', () => {
    expect(names(rowsOf('t | order by size', T))).toEqual(['a', 'd', 'b', 'c']);
    expect(names(rowsOf('t | sort by size asc', T))).toEqual(['c', 'b', 'd', 'a']);
    expect(names(rowsOf('t | sort by size asc nulls last', T))).toEqual(['b', 'd', 'a', 'c']);
    expect(names(rowsOf('t | order by os asc, name desc', T))).toEqual(['c', 'b', 'd', 'a']);
    expect(names(rowsOf('t | order by tolower(name) asc', T))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('top N by, take and limit', () => {
    expect(names(rowsOf('t | top 2 by name desc', T))).toEqual(['d', 'c']);
    expect(names(rowsOf('t | take 3', T))).toEqual(['b', 'a', 'c']);
    expect(names(rowsOf('t | limit 1', T))).toEqual(['b']);
  });

  it('reports ordered and limited', () => {
    const flags = (q: string) => ((r) => [r.ordered, r.limited])(runInline(q, T));
    expect(flags('t | order by name asc | project name')).toEqual([true, false]);
    expect(flags('t | top 2 by name')).toEqual([true, true]);
    expect(flags('t | take 2')).toEqual([false, true]);
    expect(flags('t | order by name asc | summarize count() by os')).toEqual([false, false]);
  });

  it('distinct and count', () => {
    expect(rowsOf('t | distinct os', T)).toEqual([{ os: 'Linux' }, { os: 'Windows' }]);
    expect(rowsOf('t | distinct tostring(tags.env)', T)).toEqual([{ tags_env: 'prod' }, { tags_env: 'dev' }, { tags_env: '' }]);
    expect(runInline('t | distinct *', [...T, T[0] as Row]).rows).toHaveLength(4);
    expect(runInline('t | count', T)).toMatchObject({ columns: [{ name: 'Count', type: 'integer' }], rows: [{ Count: 4 }] });
  });
});

describe('mv-expand', () => {
  const rows: Row[] = [
    { name: 'x', list: [1, 2, 3], bag: { a: 1, b: 2 }, other: ['p', 'q'] },
    { name: 'y', list: [], bag: {}, other: null },
    { name: 'z', list: null, bag: null, other: ['r'] },
  ];

  it('expands arrays, keeps a null row for null and drops empty arrays', () => {
    expect(rowsOf('t | mv-expand list | project name, list', rows)).toEqual([
      { name: 'x', list: 1 },
      { name: 'x', list: 2 },
      { name: 'x', list: 3 },
      { name: 'z', list: null },
    ]);
  });

  it('expands bags to one-entry bags, or to [key, value] with bagexpansion=array', () => {
    expect(rowsOf('t | mv-expand bag | project bag', rows)).toEqual([{ bag: { a: 1 } }, { bag: { b: 2 } }, { bag: null }]);
    expect(rowsOf('t | mv-expand bagexpansion=array bag | project bag', rows)).toEqual([{ bag: ['a', 1] }, { bag: ['b', 2] }, { bag: null }]);
  });

  it('name = expr adds a column; several expand in parallel; with_itemindex and limit', () => {
    const res = runInline('t | where name == "x" | mv-expand with_itemindex=i item = list, other limit 2 | project name, item, other, i', rows);
    expect(res.rows).toEqual([
      { name: 'x', item: 1, other: 'p', i: 0 },
      { name: 'x', item: 2, other: 'q', i: 1 },
    ]);
  });

  it('to typeof() casts and the legacy mvexpand works the same', () => {
    expect(rowsOf("t | mv-expand other to typeof(string) | where other == 'r' | project other", rows)).toEqual([{ other: 'r' }]);
    expect(rowsOf('t | mvexpand list | count', rows)).toEqual([{ Count: 4 }]);
  });

  it('caps each row at 128 elements by default, as ARG does, and at 400 with limit', () => {
    const big = [{ list: Array.from({ length: 1000 }, (_, i) => i) }];
    expect(rowsOf('t | mv-expand list | count', big)).toEqual([{ Count: 128 }]);
    expect(rowsOf('t | mv-expand list limit 1000 | count', big)).toEqual([{ Count: 400 }]);
  });
});

describe('union', () => {
  const U: Row[] = [{ name: 'u1', extra: true }];

  it('outer union keeps all columns; inner only the shared ones; withsource names the leg', () => {
    const outer = runInline('t | take 1 | union u', T, U);
    expect(outer.columns.map((c) => c.name)).toEqual(['name', 'os', 'size', 'rg', 'tags', 'extra']);
    expect(outer.rows[1]).toEqual({ name: 'u1', os: null, size: null, rg: null, tags: null, extra: true });
    expect(runInline('t | union kind=inner (u | project name)', T, U).columns.map((c) => c.name)).toEqual(['name']);
    expect(rowsOf('union withsource=src t, u | project src, name | take 5', T, U).map((r) => r['src'])).toEqual(['t', 't', 't', 't', 'u']);
  });

  it('union of subqueries', () => {
    expect(names(rowsOf("t | where os == 'Linux' | project name | union (u | project name)", T, U))).toEqual(['b', 'c', 'u1']);
  });
});

describe('parse', () => {
  const rows: Row[] = [{ id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet1/subnets/default' }];

  it('simple mode with * and typed columns', () => {
    expect(rowsOf("t | parse id with * '/resourceGroups/' group '/providers/' provider '/' rest | project group, provider", rows)).toEqual([
      { group: 'rg', provider: 'Microsoft.Network' },
    ]);
    expect(rowsOf("t | extend s = 'size=42;' | parse s with 'size=' n:long ';' | project n", rows)).toEqual([{ n: 42 }]);
  });

  it('regex mode searches anywhere', () => {
    expect(rowsOf("t | parse kind=regex id with '/virtualNetworks/' vnet '/subnets/' subnet | project vnet, subnet", rows)).toEqual([
      { vnet: 'vnet1', subnet: 'default' },
    ]);
  });
});

describe('let', () => {
  it('binds scalars, lists and tables', () => {
    expect(names(rowsOf("let min = 3; let wanted = dynamic(['a', 'b']); t | where size > min and name in (wanted)", T))).toEqual(['a']);
    expect(names(rowsOf("let linux = t | where os == 'Linux'; linux | project name", T))).toEqual(['b', 'c']);
    expect(names(rowsOf('let src = t;\nsrc | take 1', T))).toEqual(['b']);
    expect(rowsOf("let since = ago(1d); t | take 1 | project s = since", T)).toEqual([{ s: '2024-05-31T12:00:00.000Z' }]);
  });

  it('a table let sees earlier lets, not itself', () => {
    expect(names(rowsOf("let t = t | where os == 'Windows'; let t2 = t | take 1; t2", T))).toEqual(['a']);
    expect(rowsOf('let x = t; let x = x | count; x', T)).toEqual([{ Count: 4 }]);
  });
});

describe('tables', () => {
  it('table names are case-insensitive and Resources is the default table', () => {
    expect(run('RESOURCES | count').rows).toEqual(run('resources | count').rows);
    expect(run("where type == 'microsoft.compute/virtualmachines' | count").rows).toEqual([{ Count: 4 }]);
    expect(run('summarize count()').rows).toEqual([{ count_: 19 }]);
  });

  it('returns every column of the table in ARG order with nulls for missing values', () => {
    const res = run("ResourceContainers | where name == 'rg-db'");
    expect(res.columns.slice(0, 3).map((c) => c.name)).toEqual(['id', 'name', 'type']);
    expect(res.rows[0]).toMatchObject({ kind: null, managedBy: null, name: 'rg-db' });
  });
});
