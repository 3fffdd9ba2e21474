// String functions. Kusto strings have no null: a null argument reads as "".
import type { FnDef } from './functions.ts';
import { kustoRegex } from './regex.ts';
import type { Compiled } from './types.ts';
import { toLong, toStr, toDynamic, toNum, toBool, toDate } from './values.ts';

const s = toStr;

function substring(v: unknown, start: unknown, length?: unknown): string {
  const str = s(v);
  let from = toLong(start) ?? 0;
  if (from < 0) from = 0;
  if (length === undefined) return str.slice(from);
  const len = toLong(length);
  if (len === null || len < 0) return str.slice(from);
  return str.slice(from, from + len);
}

function indexOf(v: unknown, lookup: unknown, start?: unknown, length?: unknown, occurrence?: unknown): number | null {
  const str = s(v);
  const needle = s(lookup);
  let from = start === undefined ? 0 : toLong(start);
  if (from === null) return null;
  if (from < 0) from = Math.max(0, str.length + from);
  if (from > str.length) return -1;
  const len = length === undefined ? -1 : (toLong(length) ?? -1);
  const hay = len < 0 ? str : str.slice(0, from + len);
  let nth = occurrence === undefined ? 1 : (toLong(occurrence) ?? 1);
  let at = from - 1;
  while (nth-- > 0) {
    at = hay.indexOf(needle, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

function countOf(v: unknown, search: unknown, kind?: unknown): number {
  const str = s(v);
  const needle = s(search);
  if (needle === '') return 0;
  if (s(kind ?? 'normal') === 'regex') return [...str.matchAll(kustoRegex(needle, 'g'))].length;
  // "normal" counts overlapping occurrences, as Kusto's countof does.
  let n = 0;
  for (let at = str.indexOf(needle); at >= 0; at = str.indexOf(needle, at + 1)) n++;
  return n;
}

function split(v: unknown, delimiter: unknown, index?: unknown): unknown[] {
  const parts = s(v).split(s(delimiter));
  if (index === undefined) return parts;
  const i = toLong(index);
  if (i === null) return [];
  const part = parts[i < 0 ? parts.length + i : i];
  return part === undefined ? [] : [part];
}

function trimWith(pattern: unknown, v: unknown, start: boolean, end: boolean): string {
  const src = s(pattern);
  let str = s(v);
  if (start) str = str.replace(kustoRegex(`^(?:${src})+`), '');
  if (end) str = str.replace(kustoRegex(`(?:${src})+$`), '');
  return str;
}

// Kusto rewrites use \1 for groups; JavaScript uses $1.
const rewrite = (r: unknown): string => s(r).replace(/\$/g, '$$$$').replace(/\\(\d)/g, '$$$1');

const CONVERT: Record<string, (v: unknown) => unknown> = {
  string: (v) => v,
  long: (v) => toLong(v),
  int: (v) => toLong(v),
  real: (v) => toNum(v),
  double: (v) => toNum(v),
  bool: (v) => toBool(v),
  datetime: (v) => toDate(v),
  dynamic: (v) => toDynamic(v),
};

function extract(pattern: unknown, group: unknown, v: unknown, type?: unknown): unknown {
  const m = kustoRegex(s(pattern)).exec(s(v));
  const g = toLong(group) ?? 0;
  const hit = m?.[g];
  if (hit === undefined) return type === undefined ? '' : null;
  if (type === undefined) return hit;
  return (CONVERT[s(type)] ?? ((x: unknown) => x))(hit);
}

const typeOfExtract = (args: readonly Compiled[]) => {
  const t = args[3]?.value;
  if (t === 'long' || t === 'int') return 'long';
  if (t === 'real' || t === 'double') return 'real';
  if (t === 'bool' || t === 'datetime' || t === 'dynamic') return t;
  return 'string';
};

export const STRING_FUNCTIONS: Record<string, FnDef> = {
  tostring: { min: 1, max: 1, type: 'string', impl: s, keepsName: true },
  tolower: { min: 1, max: 1, type: 'string', impl: (v) => s(v).toLowerCase() },
  toupper: { min: 1, max: 1, type: 'string', impl: (v) => s(v).toUpperCase() },
  strlen: { min: 1, max: 1, type: 'long', impl: (v) => s(v).length },
  strcat: { min: 1, max: 64, type: 'string', impl: (...vs) => vs.map(s).join('') },
  strcat_delim: { min: 2, max: 64, type: 'string', impl: (d, ...vs) => vs.map(s).join(s(d)) },
  strcat_array: { min: 2, max: 2, type: 'string', impl: (a, d) => (Array.isArray(a) ? a.map(s).join(s(d)) : '') },
  substring: { min: 2, max: 3, type: 'string', impl: (v, a, b) => substring(v, a, b) },
  indexof: { min: 2, max: 5, type: 'long', impl: (v, l, a, b, c) => indexOf(v, l, a, b, c) },
  countof: { min: 2, max: 3, type: 'long', impl: (v, x, k) => countOf(v, x, k) },
  split: { min: 2, max: 3, type: 'dynamic', impl: (v, d, i) => split(v, d, i) },
  trim: { min: 2, max: 2, type: 'string', impl: (p, v) => trimWith(p, v, true, true) },
  trim_start: { min: 2, max: 2, type: 'string', impl: (p, v) => trimWith(p, v, true, false) },
  trim_end: { min: 2, max: 2, type: 'string', impl: (p, v) => trimWith(p, v, false, true) },
  replace_string: { min: 3, max: 3, type: 'string', impl: (v, l, r) => (s(l) === '' ? s(v) : s(v).split(s(l)).join(s(r))) },
  replace_regex: { min: 3, max: 3, type: 'string', impl: (v, p, r) => s(v).replace(kustoRegex(s(p), 'g'), rewrite(r)) },
  // The deprecated replace() takes (regex, rewrite, text).
  replace: { min: 3, max: 3, type: 'string', impl: (p, r, v) => s(v).replace(kustoRegex(s(p), 'g'), rewrite(r)) },
  extract: { min: 3, max: 4, type: typeOfExtract, impl: (p, g, v, t) => extract(p, g, v, t) },
  reverse: { min: 1, max: 1, type: 'string', impl: (v) => [...s(v)].reverse().join('') },
};
