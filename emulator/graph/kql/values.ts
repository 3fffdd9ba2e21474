// The engine's runtime values: JSON (null, string, number, boolean, arrays and bags for
// `dynamic`) plus two small classes so datetime and timespan survive comparison and arithmetic.
// Conversions follow Kusto: tostring() never yields null, dynamic prints as compact JSON.

export class KDate {
  readonly ms: number;
  constructor(ms: number) {
    this.ms = ms;
  }
}

export class KSpan {
  readonly ms: number;
  constructor(ms: number) {
    this.ms = ms;
  }
}

/** Static types, as Kusto names them (int and long both print as ARG's "integer"). */
export type KType = 'string' | 'long' | 'int' | 'real' | 'bool' | 'datetime' | 'timespan' | 'dynamic';

export const isNumericType = (t: KType): boolean => t === 'long' || t === 'int' || t === 'real';

const pad = (n: number, w = 2): string => String(Math.trunc(n)).padStart(w, '0');

export function dateToString(d: KDate): string {
  return Number.isFinite(d.ms) ? new Date(d.ms).toISOString() : '';
}

/** Kusto's timespan text: [-][d.]hh:mm:ss[.fffffff] */
export function spanToString(s: KSpan): string {
  let ms = s.ms;
  const sign = ms < 0 ? '-' : '';
  ms = Math.abs(ms);
  const days = Math.floor(ms / 86_400_000);
  ms -= days * 86_400_000;
  const h = Math.floor(ms / 3_600_000);
  ms -= h * 3_600_000;
  const m = Math.floor(ms / 60_000);
  ms -= m * 60_000;
  const sec = Math.floor(ms / 1000);
  const frac = Math.round((ms - sec * 1000) * 10_000);
  return `${sign}${days ? `${days}.` : ''}${pad(h)}:${pad(m)}:${pad(sec)}${frac ? `.${pad(frac, 7)}` : ''}`;
}

/** A value as it may appear inside dynamic or in a result row: plain JSON. */
export function toJsonValue(v: unknown): unknown {
  if (v === undefined) return null;
  if (v instanceof KDate) return dateToString(v);
  if (v instanceof KSpan) return spanToString(v);
  return v;
}

export function toStr(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof KDate) return dateToString(v);
  if (v instanceof KSpan) return spanToString(v);
  return JSON.stringify(v);
}

export function toNum(v: unknown): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const s = v.trim();
    if (s === '') return null;
    const n = Number(s);
    return Number.isNaN(n) ? null : n;
  }
  return null;
}

export function toLong(v: unknown): number | null {
  const n = toNum(v);
  return n === null || !Number.isFinite(n) ? null : Math.trunc(n);
}

export function toBool(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    return s === 'true' ? true : s === 'false' ? false : null;
  }
  return null;
}

// "2024-01-01", "2024-01-01 10:00", "2024-01-01T10:00:00Z": Kusto reads times without zone as UTC.
export function parseDate(s: string): KDate | null {
  const t = s.trim();
  if (t === '') return null;
  let iso = t.replace(/^(\d{4}-\d{2}-\d{2})[ ](\d)/, '$1T$2');
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(iso)) iso += 'Z';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : new KDate(ms);
}

export function toDate(v: unknown): KDate | null {
  if (v instanceof KDate) return v;
  if (typeof v === 'string') return parseDate(v);
  return null;
}

const SPAN_TEXT = /^(-)?(?:(\d+)\.)?(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?$/;

export function toSpan(v: unknown): KSpan | null {
  if (v instanceof KSpan) return v;
  if (typeof v === 'string') {
    const m = SPAN_TEXT.exec(v.trim());
    if (!m) return null;
    const ms =
      Number(m[2] ?? 0) * 86_400_000 + Number(m[3]) * 3_600_000 + Number(m[4]) * 60_000 + Number(m[5] ?? 0) * 1000 + Number(`0.${m[6] ?? 0}`) * 1000;
    return new KSpan(m[1] ? -ms : ms);
  }
  return null;
}

/** todynamic()/parse_json(): JSON text becomes dynamic; anything else stays what it is. */
export function toDynamic(v: unknown): unknown {
  if (typeof v !== 'string') return toJsonValue(v);
  const s = v.trim();
  if (s === '') return null;
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return v;
  }
}

export const isBag = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof KDate) && !(v instanceof KSpan);

const hasOwn = Object.prototype.hasOwnProperty;

/** Property of a bag, or null: never the prototype's. */
export function bagGet(v: unknown, key: string): unknown {
  if (!isBag(v) || !hasOwn.call(v, key)) return null;
  const r = v[key];
  return r === undefined ? null : r;
}

/** Element of an array, negative indexes from the end as in Kusto, or null. */
export function arrayGet(v: unknown, index: number): unknown {
  if (!Array.isArray(v) || !Number.isInteger(index)) return null;
  const r: unknown = v[index < 0 ? v.length + index : index];
  return r === undefined ? null : r;
}

/** x[i] where i is only known at run time: a key for bags, a position for arrays. */
export function dynamicIndex(v: unknown, i: unknown): unknown {
  if (typeof i === 'string') return bagGet(v, i);
  if (typeof i === 'number') return arrayGet(v, i);
  return null;
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * `==` as Kusto: null == null is null, null == x is false. When a scalar meets a dynamic value,
 * the dynamic value is read as the scalar's type (so dynamic true == 'true', 1 == '1').
 */
export function equals(a: unknown, b: unknown): boolean | null {
  if (a === b) return a === null || a === undefined ? null : true;
  if (a === null || a === undefined) return b === null || b === undefined ? null : false;
  if (b === null || b === undefined) return false;
  const ta = typeof a;
  const tb = typeof b;
  if (ta === 'string' && tb === 'string') return false;
  if (a instanceof KDate || b instanceof KDate) {
    const x = toDate(a);
    const y = toDate(b);
    return x !== null && y !== null && x.ms === y.ms;
  }
  if (a instanceof KSpan || b instanceof KSpan) {
    const x = toSpan(a);
    const y = toSpan(b);
    return x !== null && y !== null && x.ms === y.ms;
  }
  if (ta === 'number' || tb === 'number') {
    const x = toNum(a);
    const y = toNum(b);
    return x !== null && x === y;
  }
  if (ta === 'string') return toStr(b) === a;
  if (tb === 'string') return toStr(a) === b;
  if (ta === 'boolean' || tb === 'boolean') return toBool(a) === toBool(b);
  return deepEqual(a, b);
}

/** `<`, `>`…: a number, or null when either side is null or the two cannot be ordered. */
export function relCompare(a: unknown, b: unknown): number | null {
  if (a === null || a === undefined || b === null || b === undefined) return null;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (a instanceof KDate || b instanceof KDate) {
    const x = toDate(a);
    const y = toDate(b);
    return x && y ? x.ms - y.ms : null;
  }
  if (a instanceof KSpan || b instanceof KSpan) {
    const x = toSpan(a);
    const y = toSpan(b);
    return x && y ? x.ms - y.ms : null;
  }
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  const x = toNum(a);
  const y = toNum(b);
  if (x !== null && y !== null) return x - y;
  return null;
}

/** Total order used by sort/top/min/max for non-null values of possibly mixed types. */
export function orderCompare(a: unknown, b: unknown): number {
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  const r = relCompare(a, b);
  if (r !== null && !Number.isNaN(r)) return r < 0 ? -1 : r > 0 ? 1 : 0;
  const x = toStr(a);
  const y = toStr(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A string that identifies a value for grouping, distinct and join keys (type included). */
export function keyOf(v: unknown): string {
  if (v === null || v === undefined) return '\u0000';
  switch (typeof v) {
    case 'string':
      return `s${v}`;
    case 'number':
      return `n${v}`;
    case 'boolean':
      return v ? 'b1' : 'b0';
    default:
      if (v instanceof KDate) return `d${v.ms}`;
      if (v instanceof KSpan) return `t${v.ms}`;
      return `j${JSON.stringify(v)}`;
  }
}

/** Kusto's truth of a value in and/or/not/where: null stays null (where drops it). */
export function truth(v: unknown): boolean | null {
  if (v === true || v === false) return v;
  if (v === null || v === undefined) return null;
  return toBool(v);
}

/** The static type of a literal or a runtime value (dynamic for arrays and bags). */
export function typeOfValue(v: unknown): KType {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'long' : 'real';
  if (v instanceof KDate) return 'datetime';
  if (v instanceof KSpan) return 'timespan';
  return 'dynamic';
}

/**
 * A map keyed by KQL values. Strings are used as they are (no prefixed copy to hash: joins and
 * groupings over 50,000 resource ids stay cheap); other values go through keyOf().
 */
export class ValueMap<T> {
  private readonly strings = new Map<string, T>();
  private readonly others = new Map<string, T>();

  get(v: unknown): T | undefined {
    return typeof v === 'string' ? this.strings.get(v) : this.others.get(keyOf(v));
  }

  set(v: unknown, value: T): void {
    if (typeof v === 'string') this.strings.set(v, value);
    else this.others.set(keyOf(v), value);
  }

}
