// Scalar operators, null semantics and dynamic access of the KQL engine, checked against the
// Kusto documentation's rules (learn.microsoft.com/kusto/query).
import { describe, expect, it } from 'vitest';
import type { Row } from '../../graph/kql/index.ts';
import { rowsOf, runInline } from './arg-rows.ts';

const ROW: Row = {
  s: 'North America',
  n: 5,
  r: 2.5,
  b: true,
  nul: null,
  empty: '',
  d: { a: { b: [{ c: 'deep' }, { c: 'second' }] }, 'odata.type': 'x', flag: true, num: 100, txt: '100', arr: [], bag: {} },
  json: '{"a":1}',
  when: '2024-05-31T18:00:00Z',
};

/** The value of one expression over one row. */
function v(expr: string, row: Row = ROW): unknown {
  const rows = rowsOf(`t | project v = ${expr}`, [row]);
  return rows[0]?.['v'];
}

describe('comparison and string operators', () => {
  it.each([
    ["s == 'North America'", true],
    ["s == 'north america'", false],
    ["s != 'north america'", true],
    ["s =~ 'NORTH AMERICA'", true],
    ["s !~ 'north america'", false],
    ["s has 'america'", true],
    ["s has 'amer'", false],
    ["s !has 'amer'", true],
    ["s has_cs 'america'", false],
    ["s contains 'th am'", true],
    ["s contains 'TH AM'", true],
    ["s !contains 'xyz'", true],
    ["s contains_cs 'TH'", false],
    ["s startswith 'north'", true],
    ["s !startswith 'north'", false],
    ["s endswith 'RICA'", true],
    ["s endswith_cs 'RICA'", false],
    ["s hasprefix 'amer'", true],
    ["s matches regex '^North [A-Z]'", true],
    ["s matches regex '^north'", false],
    ["s in ('x', 'North America')", true],
    ["s in ('north america')", false],
    ["s in~ ('north america')", true],
    ["s !in ('x')", true],
    ["s !in~ ('NORTH AMERICA')", false],
    ["s has_any ('asia', 'america')", true],
    ["s has_all ('north', 'asia')", false],
    ['n between (1 .. 5)', true],
    ['n between (6 .. 9)', false],
    ['n !between (6 .. 9)', true],
    ['n > 4 and n <= 5', true],
    ['n < 5 or r >= 2.5', true],
    ["not(s has 'america')", false],
  ])('%s is %s', (expr, expected) => {
    expect(v(expr)).toBe(expected);
  });

  it('has matches whole terms, phrases across separators included', () => {
    const row = { s: '/subscriptions/x/providers/Microsoft.Capacity/reservationOrders/abc' };
    expect(v("s has 'microsoft.capacity'", row)).toBe(true);
    expect(v("s has '/reservationorders/'", row)).toBe(true);
    expect(v("s has 'capac'", row)).toBe(false);
  });

  it('compares dynamic values with scalars in the scalar type', () => {
    expect(v("d.flag == 'true'")).toBe(true);
    expect(v("d.flag =~ 'TRUE'")).toBe(true);
    expect(v('d.num == 100')).toBe(true);
    expect(v('d.txt == 100')).toBe(true);
    expect(v("d.num == '100'")).toBe(true);
    expect(v('b == 1')).toBe(true);
    expect(v('b == (0)')).toBe(false);
  });
});

describe('null semantics', () => {
  it('null == null and null != null are null; a null against a value is false / true', () => {
    const rows = rowsOf('t | extend eq = x == y, ne = x != y, gt = x > 3, orNull = x > 3 or isnull(x)', [{ x: null, y: null }, { x: 5, y: null }]);
    expect(rows.map((r) => [r['eq'], r['ne'], r['gt'], r['orNull']])).toEqual([
      [null, null, null, true],
      [false, true, true, true],
    ]);
  });

  it('where drops rows whose predicate is null', () => {
    expect(rowsOf('t | where x == y', [{ x: null, y: null }, { x: 1, y: 1 }])).toEqual([{ x: 1, y: 1 }]);
  });

  it('three-valued and/or', () => {
    const r = rowsOf('t | project a = x > 1 and false, b = x > 1 and true, c = x > 1 or true, d = x > 1 or false', [{ x: null }])[0];
    expect(r).toEqual({ a: false, b: null, c: true, d: null });
  });

  it('isnull/isempty/isnotnull/isnotempty as Kusto defines them', () => {
    expect([v('isnull(nul)'), v('isnull(empty)'), v('isempty(empty)'), v('isempty(nul)'), v("isempty(d.arr)"), v('isempty(d.bag)')]).toEqual([
      true, false, true, true, false, false,
    ]);
    expect([v('isnotnull(n)'), v('isnotempty(s)'), v('notempty(empty)'), v('isnull(d.missing)')]).toEqual([true, true, false, true]);
  });

  it('strings have no null: tostring(null) and tolower(null) are empty', () => {
    expect([v('tostring(nul)'), v('tolower(d.missing)'), v("strcat('a', nul, 'b')")]).toEqual(['', '', 'ab']);
  });
});

describe('dynamic access', () => {
  it.each([
    ['d.a.b[0].c', 'deep'],
    ["d['a']['b'][1]['c']", 'second'],
    ['d["a"].b[-1].c', 'second'],
    ["d.['odata.type']", 'x'],
    ['d.a.b[5].c', null],
    ['d.missing.deeper', null],
    ['d.a.b.c', null],
    ['s.length', null],
    ["json.a", null],
    ['parse_json(json).a', 1],
    ['todynamic(json)["a"]', 1],
    ['d.a.constructor', null],
  ])('%s', (expr, expected) => {
    expect(v(expr)).toEqual(expected);
  });

  it('indexes with a value from the row', () => {
    expect(v('d[k]', { d: { x: 1, y: 2 }, k: 'y' })).toBe(2);
  });

  it('tostring of dynamic is compact JSON', () => {
    expect(v('tostring(d.a.b[0])')).toBe('{"c":"deep"}');
    expect(v('tostring(d.flag)')).toBe('true');
    expect(v('tostring(d.arr)')).toBe('[]');
  });
});

describe('arithmetic and time', () => {
  it.each([
    ['n + 2', 7],
    ['n - 7', -2],
    ['n * r', 12.5],
    ['n / 2', 2],
    ['n / 2.0', 2.5],
    ['n % 3', 2],
    ['-n', -5],
    ['n / 0', null],
    ['nul + 1', null],
  ])('%s = %s', (expr, expected) => {
    expect(v(expr)).toEqual(expected);
  });

  it('timespans and datetimes', () => {
    expect(v('1d')).toBe('1.00:00:00');
    expect(v('2h + 30m')).toBe('02:30:00');
    expect(v('10s * 3')).toBe('00:00:30');
    expect(v('ago(1d)')).toBe('2024-05-31T12:00:00.000Z');
    expect(v('now()')).toBe('2024-06-01T12:00:00.000Z');
    expect(v('now(-2h)')).toBe('2024-06-01T10:00:00.000Z');
    expect(v('datetime(2024-01-01)')).toBe('2024-01-01T00:00:00.000Z');
    expect(v("datetime('2024-01-01T10:30:00Z') + 1h")).toBe('2024-01-01T11:30:00.000Z');
    expect(v('now() - datetime(2024-06-01)')).toBe('12:00:00');
    expect(v('todatetime(when) > ago(1d)')).toBe(true);
    expect(v('todatetime(when) > ago(12h)')).toBe(false);
    expect(v('when > ago(1d)')).toBe(true);
    expect(v('todatetime(when) between (ago(2d) .. now())')).toBe(true);
    expect(v('bin(todatetime(when), 1d)')).toBe('2024-05-31T00:00:00.000Z');
  });

  it('types columns as ARG does', () => {
    const res = runInline('t | project a = n, b = r, c = s, d = b, e = d, f = todatetime(when), g = 1d, h = n == 1', [ROW]);
    expect(res.columns.map((c) => c.type)).toEqual(['integer', 'number', 'string', 'boolean', 'object', 'datetime', 'string', 'boolean']);
  });
});
