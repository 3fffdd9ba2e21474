// Functions over dynamic arrays and property bags. Values placed in dynamic become plain JSON.
import type { FnDef } from './functions.ts';
import { equals, isBag, toJsonValue, toLong, toStr } from './values.ts';

function pack(...kv: unknown[]): Record<string, unknown> {
  const bag: Record<string, unknown> = {};
  for (let i = 0; i + 1 < kv.length; i += 2) bag[toStr(kv[i])] = toJsonValue(kv[i + 1]);
  return bag;
}

function arraySlice(a: unknown, start: unknown, end: unknown): unknown {
  if (!Array.isArray(a)) return null;
  let from = toLong(start) ?? 0;
  let to = toLong(end) ?? a.length - 1;
  if (from < 0) from += a.length;
  if (to < 0) to += a.length;
  return a.slice(Math.max(0, from), to + 1);
}

function bagMerge(...bags: unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const b of bags) {
    if (!isBag(b)) continue;
    for (const [k, v] of Object.entries(b)) if (!(k in out)) out[k] = v;
  }
  return out;
}

const indexIn = (a: unknown, v: unknown): number | null => {
  if (!Array.isArray(a)) return null;
  return a.findIndex((x) => equals(x, v) === true);
};

export const DYNAMIC_FUNCTIONS: Record<string, FnDef> = {
  array_length: { min: 1, max: 1, type: 'long', impl: (a) => (Array.isArray(a) ? a.length : null) },
  bag_keys: { min: 1, max: 1, type: 'dynamic', impl: (b) => (isBag(b) ? Object.keys(b) : null) },
  bag_has_key: { min: 2, max: 2, type: 'bool', impl: (b, k) => isBag(b) && Object.prototype.hasOwnProperty.call(b, toStr(k)) },
  bag_merge: { min: 2, max: 64, type: 'dynamic', impl: bagMerge },
  pack: { min: 2, max: 64, type: 'dynamic', impl: pack },
  bag_pack: { min: 2, max: 64, type: 'dynamic', impl: pack },
  pack_array: { min: 1, max: 64, type: 'dynamic', impl: (...vs) => vs.map(toJsonValue) },
  array_concat: { min: 1, max: 64, type: 'dynamic', impl: (...as) => (as.every(Array.isArray) ? ([] as unknown[]).concat(...as) : null) },
  array_slice: { min: 3, max: 3, type: 'dynamic', impl: arraySlice },
  array_index_of: { min: 2, max: 2, type: 'long', impl: indexIn },
  set_has_element: { min: 2, max: 2, type: 'bool', impl: (a, v) => (Array.isArray(a) ? (indexIn(a, v) ?? -1) >= 0 : null) },
};
