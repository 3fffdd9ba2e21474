// Every scalar function of the engine, one or more cases each.
import { describe, expect, it } from 'vitest';
import type { Row } from '../../graph/kql/index.ts';
import { rowsOf, runInline } from './arg-rows.ts';

const ROW: Row = {
  id: '/subscriptions/s1/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/web-01',
  name: 'Web-01',
  n: 7,
  txt: ' 42 ',
  arr: ['a', 'b', 'c'],
  bag: { k1: 1, k2: 'two' },
  nul: null,
  iso: '2024-05-31T18:00:00Z',
  json: '{"x":[1,2]}',
};

const v = (expr: string): unknown => rowsOf(`t | project v = ${expr}`, [ROW])[0]?.['v'];

describe('string functions', () => {
  it.each([
    ['tostring(n)', '7'],
    ['tolower(name)', 'web-01'],
    ['toupper(name)', 'WEB-01'],
    ['strlen(name)', 6],
    ["strcat(name, '/', n)", 'Web-01/7'],
    ["strcat_delim('-', 'a', n, 'b')", 'a-7-b'],
    ["strcat_array(arr, '+')", 'a+b+c'],
    ['substring(name, 4)', '01'],
    ['substring(name, 0, 3)', 'Web'],
    ['substring(name, 10, 2)', ''],
    ["indexof(id, '/providers')", 39],
    ["indexof(name, 'x')", -1],
    ["indexof(id, '/', 2)", 14],
    ["substring(id, 0, indexof(id, '/providers'))", '/subscriptions/s1/resourceGroups/rg-web'],
    ["countof('aaa', 'aa')", 2],
    ["countof('aaa', 'a+', 'regex')", 1],
    ["split(id, '/')[2]", 's1'],
    ["split(id, '/', 8)", ['web-01']],
    ["split('a', '/', 5)", []],
    ["split(split(id, '/providers/')[1], '/')[0]", 'Microsoft.Compute'],
    ["trim(' ', txt)", '42'],
    ["trim_start(@'\\s', txt)", '42 '],
    ["trim_end('[ 4]', ' 44 x')", ' 44 x'],
    ["replace_string(id, 'rg-web', 'rg-x')", '/subscriptions/s1/resourceGroups/rg-x/providers/Microsoft.Compute/virtualMachines/web-01'],
    ["replace_regex(name, @'(\\w+)-(\\d+)', @'\\2-\\1')", '01-Web'],
    ["extract(@'virtualMachines/([^/]+)', 1, id)", 'web-01'],
    ["extract(@'(\\d+)$', 1, name, typeof(long))", 1],
    ["extract('nomatch(x)', 1, name)", ''],
    ['reverse(name)', '10-beW'],
    ["replace(@'(\\d+)', @'<\\1>', name)", 'Web-<01>'],
  ])('%s', (expr, expected) => {
    expect(v(expr)).toEqual(expected);
  });
});

describe('conversions', () => {
  it.each([
    ['toint(txt)', 42],
    ["todecimal('2.5')", 2.5],
    ["toboolean('FALSE')", false],
    ["totime('00:30:00')", '00:30:00'],
    ['parsejson(json).x[0]', 1],
    ['tolong(4.9)', 4],
    ["todouble('1.5')", 1.5],
    ["toreal('x')", null],
    ["tobool('true')", true],
    ['tobool(0)', false],
    ["todatetime('2024-01-02')", '2024-01-02T00:00:00.000Z'],
    ["todatetime('not a date')", null],
    ["totimespan('1.02:03:04')", '1.02:03:04'],
    ['todynamic(json).x[1]', 2],
    ['parse_json(json)', { x: [1, 2] }],
    ["parse_json('not json')", 'not json'],
    ['gettype(arr)', 'array'],
    ['gettype(bag)', 'dictionary'],
    ['gettype(n)', 'long'],
    ['long(null)', null],
    ['real(1.5)', 1.5],
    ['bool(true)', true],
    ['timespan(2h)', '02:00:00'],
    ['dynamic(["x", 1])', ['x', 1]],
    ["dynamic({'a': {'b': null}})", { a: { b: null } }],
  ])('%s', (expr, expected) => {
    expect(v(expr)).toEqual(expected);
  });
});

describe('conditionals and null tests', () => {
  it.each([
    ["iff(n > 5, 'big', 'small')", 'big'],
    ["iif(n > 50, 'big', 'small')", 'small'],
    ["iff(nul > 1, 'yes', 'no')", 'no'],
    ["case(n < 5, 'low', n < 10, 'mid', 'high')", 'mid'],
    ["case(n < 5, 'low', 'other')", 'other'],
    ["coalesce(nul, '', 'x')", 'x'],
    ['coalesce(nul, n)', 7],
    ['isnull(nul)', true],
    ['isnotnull(nul)', false],
    ['notnull(n)', true],
    ["isempty('')", true],
    ['isnotempty(name)', true],
    ['not(n > 5)', false],
    ['not(nul > 1)', null],
  ])('%s', (expr, expected) => {
    expect(v(expr)).toEqual(expected);
  });

  it('a datetime chosen among branches of other types still comes out as text', () => {
    const res = runInline("t | project x = coalesce(nul, ago(1h)), y = case(false, 'x', now())", [ROW]);
    expect(res.rows).toEqual([{ x: '2024-06-01T11:00:00.000Z', y: '2024-06-01T12:00:00.000Z' }]);
    expect(res.columns.map((c) => c.type)).toEqual(['object', 'object']);
  });

  it('iff evaluates only the branch it takes', () => {
    expect(v("iff(true, 'ok', toint(extract('[', 0, name)))")).toBe('ok');
  });
});

describe('dynamic functions', () => {
  it.each([
    ['array_length(arr)', 3],
    ['array_length(bag)', null],
    ['bag_keys(bag)', ['k1', 'k2']],
    ["bag_has_key(bag, 'k2')", true],
    ["pack('a', n, 'b', name)", { a: 7, b: 'Web-01' }],
    ["bag_pack('when', todatetime(iso))", { when: '2024-05-31T18:00:00.000Z' }],
    ["pack_array(n, 'x', arr[0])", [7, 'x', 'a']],
    ["array_concat(arr, dynamic(['d']))", ['a', 'b', 'c', 'd']],
    ['array_slice(arr, 1, 2)', ['b', 'c']],
    ["array_index_of(arr, 'c')", 2],
    ["set_has_element(arr, 'z')", false],
    ["bag_merge(bag, dynamic({'k1': 9, 'k3': 3}))", { k1: 1, k2: 'two', k3: 3 }],
    ['bag_keys(bag)[0]', 'k1'],
  ])('%s', (expr, expected) => {
    expect(v(expr)).toEqual(expected);
  });
});

describe('math and binning', () => {
  it.each([
    ['bin(n, 5)', 5],
    ['floor(17, 10)', 10],
    ['round(2.567, 2)', 2.57],
    ['round(2.5)', 3],
    ['abs(-3)', 3],
    ['sqrt(16)', 4],
    ['pow(2, 10)', 1024],
    ['max_of(1, n, 3)', 7],
    ['min_of(n, 3)', 3],
  ])('%s', (expr, expected) => {
    expect(v(expr)).toEqual(expected);
  });
});

describe('default column names', () => {
  it('names conversions after their argument and other calls Column1, Column2…', () => {
    const res = runInline('t | project tostring(name), tolower(name), toupper(name), bag.k1, todatetime(iso), toint(n)', [ROW]);
    expect(res.columns.map((c) => c.name)).toEqual(['name', 'Column1', 'Column2', 'bag_k1', 'iso', 'n']);
  });

  it('wrong argument counts are errors', () => {
    expect(() => v('strlen()')).toThrow(/expected 1 argument/);
  });
});

describe('conditional aggregations', () => {
  const rows: Row[] = [
    { g: 'a', v: 1, ok: true, s: 'x' },
    { g: 'a', v: 5, ok: false, s: 'y' },
    { g: 'a', v: 3, ok: true, s: 'x' },
    { g: 'b', v: 7, ok: false, s: 'z' },
  ];

  it('dcountif, sumif, avgif, minif, maxif, make_list_if, make_set_if, take_anyif', () => {
    expect(
      rowsOf(
        't | summarize dcountif(s, ok), sumif(v, ok), avgif(v, ok), minif(v, ok), maxif(v, ok), make_list_if(v, ok), make_set_if(s, ok), take_anyif(s, ok) by g',
        rows,
      ),
    ).toEqual([
      { g: 'a', dcountif_s: 1, sumif_v: 4, avgif_v: 2, minif_v: 1, maxif_v: 3, list_v: [1, 3], set_s: ['x'], s: 'x' },
      { g: 'b', dcountif_s: 0, sumif_v: null, avgif_v: null, minif_v: null, maxif_v: null, list_v: [], set_s: [], s: null },
    ]);
  });
});
