// join flavors with duplicate keys on both sides, checked against the Kusto join documentation:
// innerunique keeps one left row per key, inner every pair, the outer flavors fill with nulls.
import { describe, expect, it } from 'vitest';
import type { Row } from '../../graph/kql/index.ts';
import { rowsOf, runInline } from './arg-rows.ts';

// Key 'k1' twice on each side, 'k2' only left, 'k3' only right, and a null key on both sides.
const L: Row[] = [
  { key: 'k1', l: 'L1' },
  { key: 'k1', l: 'L2' },
  { key: 'k2', l: 'L3' },
  { key: null, l: 'L4' },
];
const R: Row[] = [
  { key: 'k1', r: 'R1' },
  { key: 'k1', r: 'R2' },
  { key: 'k3', r: 'R3' },
  { key: null, r: 'R4' },
];

const pairs = (kind: string): string[] =>
  rowsOf(`t | join kind=${kind} u on key`, L, R).map((row) => `${row['l'] ?? '-'}:${row['r'] ?? '-'}`).sort();

describe('join flavors', () => {
  it('innerunique (the default) dedupes the left side on the key', () => {
    expect(pairs('innerunique')).toEqual(['L1:R1', 'L1:R2']);
    expect(rowsOf('t | join u on key', L, R).map((r) => `${r['l']}:${r['r']}`).sort()).toEqual(['L1:R1', 'L1:R2']);
  });

  it('inner keeps every matching pair', () => {
    expect(pairs('inner')).toEqual(['L1:R1', 'L1:R2', 'L2:R1', 'L2:R2']);
  });

  it('leftouter keeps unmatched left rows, null keys included', () => {
    expect(pairs('leftouter')).toEqual(['L1:R1', 'L1:R2', 'L2:R1', 'L2:R2', 'L3:-', 'L4:-']);
  });

  it('rightouter keeps unmatched right rows', () => {
    expect(pairs('rightouter')).toEqual(['-:R3', '-:R4', 'L1:R1', 'L1:R2', 'L2:R1', 'L2:R2']);
  });

  it('fullouter keeps both', () => {
    expect(pairs('fullouter')).toEqual(['-:R3', '-:R4', 'L1:R1', 'L1:R2', 'L2:R1', 'L2:R2', 'L3:-', 'L4:-']);
  });

  it('leftanti keeps the left rows without a match, with the left columns only', () => {
    const res = runInline('t | join kind=leftanti u on key', L, R);
    expect(res.columns.map((c) => c.name)).toEqual(['key', 'l']);
    expect(res.rows.map((r) => r['l'])).toEqual(['L3', 'L4']);
  });

  it('refuses the flavors ARG refuses', () => {
    expect(() => rowsOf('t | join kind=leftsemi u on key', L, R)).toThrow('The join kind "LeftSemi" is not supported or not allowed.');
    expect(() => rowsOf('t | join kind=rightanti u on key', L, R)).toThrow(/RightAnti/);
  });
});

describe('join output and keys', () => {
  it('renames right columns the left already has: key1, or l2 when the right side has an l1 of its own', () => {
    const res = runInline('t | join kind=inner (u | extend l = r, l1 = 1) on key | take 1', L, R);
    expect(res.columns.map((c) => c.name)).toEqual(['key', 'l', 'key1', 'r', 'l2', 'l1']);
    expect(res.rows[0]).toMatchObject({ key: 'k1', key1: 'k1', l: 'L1', l2: 'R1' });
  });

  it('joins on $left.a == $right.b, several keys, with and or commas', () => {
    const left: Row[] = [{ a: 1, b: 'x', v: 'left' }];
    const right: Row[] = [{ c: 1, d: 'x', w: 'right' }, { c: 1, d: 'y', w: 'other' }];
    expect(rowsOf('t | join kind=inner u on $left.a == $right.c, $left.b == $right.d | project v, w', left, right)).toEqual([{ v: 'left', w: 'right' }]);
    expect(rowsOf('t | join kind=inner u on $right.d == $left.b and $left.a == $right.c | project w', left, right)).toEqual([{ w: 'right' }]);
  });

  it('keys compare case-sensitively and by type', () => {
    const left: Row[] = [{ k: 'ABC' }, { k: 1 }];
    const right: Row[] = [{ k: 'abc' }, { k: '1' }];
    expect(rowsOf('t | join kind=inner u on k', left, right)).toEqual([]);
  });

  it('joins a let table and a named table', () => {
    expect(rowsOf("let r = u | where r != 'R2'; t | join kind=inner r on key | project l, r", L, R)).toEqual([
      { l: 'L1', r: 'R1' },
      { l: 'L2', r: 'R1' },
    ]);
  });

  it('an unknown key column is an error naming it', () => {
    expect(() => rowsOf('t | join u on nope', L, R)).toThrow("'join' operator: Failed to resolve scalar expression named 'nope'");
  });
});
