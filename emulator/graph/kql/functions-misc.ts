// Conversions, null tests, conditionals, the clock and a little arithmetic.
import { kqlErrors } from './errors.ts';
import type { FnDef } from './functions.ts';
import type { Compiled, Row } from './types.ts';
import type { KType } from './values.ts';
import { KDate, KSpan, isBag, toBool, toDate, toDynamic, toLong, toNum, toSpan, truth } from './values.ts';

const isNull = (v: unknown): boolean => v === null || v === undefined;
const isEmpty = (v: unknown): boolean => v === null || v === undefined || v === '';

/** The type of a value chosen among branches: theirs when they agree, else dynamic. */
function branchType(branches: readonly (Compiled | undefined)[]): KType {
  const known = branches.filter((b): b is Compiled => b !== undefined && !(b.constant && b.value === null));
  const first = known[0]?.type ?? 'dynamic';
  return known.every((b) => b.type === first) ? first : 'dynamic';
}

function bin(v: unknown, size: unknown): unknown {
  if (v instanceof KDate) {
    const step = toSpan(size)?.ms;
    return step ? new KDate(Math.floor(v.ms / step) * step) : null;
  }
  if (v instanceof KSpan) {
    const step = toSpan(size)?.ms;
    return step ? new KSpan(Math.floor(v.ms / step) * step) : null;
  }
  const n = toNum(v);
  const step = size instanceof KSpan ? null : toNum(size);
  return n === null || !step ? null : Math.floor(n / step) * step;
}

function round(v: unknown, precision?: unknown): number | null {
  const n = toNum(v);
  if (n === null) return null;
  const p = 10 ** (toLong(precision ?? 0) ?? 0);
  return Math.round(n * p) / p;
}

function gettype(v: unknown): string {
  if (isNull(v)) return 'null';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'long' : 'real';
  if (v instanceof KDate) return 'datetime';
  if (v instanceof KSpan) return 'timespan';
  return Array.isArray(v) ? 'array' : isBag(v) ? 'dictionary' : 'dynamic';
}

const iff: FnDef = {
  min: 3,
  max: 3,
  type: (a) => branchType([a[1], a[2]]),
  compile: ([c, t, e]) => {
    const [cf, tf, ef] = [c, t, e].map((x) => (x as Compiled).fn) as [Compiled['fn'], Compiled['fn'], Compiled['fn']];
    return (r) => (truth(cf(r)) === true ? tf(r) : ef(r));
  },
};

const caseFn: FnDef = {
  min: 3,
  max: 129,
  type: (a) => branchType(a.filter((_, i) => i % 2 === 1 || i === a.length - 1)),
  compile: (args, _scope, pos) => {
    if (args.length % 2 === 0) throw kqlErrors.semantic("Function 'case': expected pairs of predicate and value, then the else value.", pos);
    const fns = args.map((a) => a.fn);
    const last = fns[fns.length - 1] as Compiled['fn'];
    return (r: Row) => {
      for (let i = 0; i + 1 < fns.length; i += 2) if (truth((fns[i] as Compiled['fn'])(r)) === true) return (fns[i + 1] as Compiled['fn'])(r);
      return last(r);
    };
  },
};

const clock = (sign: 1 | -1): NonNullable<FnDef['compile']> => (args, scope) => {
  const offset = args[0]?.fn;
  if (!offset) return () => new KDate(scope.now);
  return (r) => {
    const span = toSpan(offset(r));
    return span ? new KDate(scope.now + sign * span.ms) : null;
  };
};

export const MISC_FUNCTIONS: Record<string, FnDef> = {
  toint: { min: 1, max: 1, type: 'int', impl: toLong, keepsName: true },
  tolong: { min: 1, max: 1, type: 'long', impl: toLong, keepsName: true },
  todouble: { min: 1, max: 1, type: 'real', impl: toNum, keepsName: true },
  toreal: { min: 1, max: 1, type: 'real', impl: toNum, keepsName: true },
  todecimal: { min: 1, max: 1, type: 'real', impl: toNum, keepsName: true },
  tobool: { min: 1, max: 1, type: 'bool', impl: toBool, keepsName: true },
  toboolean: { min: 1, max: 1, type: 'bool', impl: toBool, keepsName: true },
  todatetime: { min: 1, max: 1, type: 'datetime', impl: toDate, keepsName: true },
  totimespan: { min: 1, max: 1, type: 'timespan', impl: toSpan, keepsName: true },
  totime: { min: 1, max: 1, type: 'timespan', impl: toSpan, keepsName: true },
  todynamic: { min: 1, max: 1, type: 'dynamic', impl: toDynamic, keepsName: true },
  parse_json: { min: 1, max: 1, type: 'dynamic', impl: toDynamic, keepsName: true },
  parsejson: { min: 1, max: 1, type: 'dynamic', impl: toDynamic, keepsName: true },
  isnull: { min: 1, max: 1, type: 'bool', impl: isNull },
  isnotnull: { min: 1, max: 1, type: 'bool', impl: (v) => !isNull(v) },
  notnull: { min: 1, max: 1, type: 'bool', impl: (v) => !isNull(v) },
  isempty: { min: 1, max: 1, type: 'bool', impl: isEmpty },
  isnotempty: { min: 1, max: 1, type: 'bool', impl: (v) => !isEmpty(v) },
  notempty: { min: 1, max: 1, type: 'bool', impl: (v) => !isEmpty(v) },
  not: { min: 1, max: 1, type: 'bool', impl: (v) => { const t = truth(v); return t === null ? null : !t; } },
  coalesce: { min: 2, max: 64, type: branchType, impl: (...vs) => vs.find((v) => !isEmpty(v)) ?? vs[vs.length - 1] ?? null },
  iff,
  iif: iff,
  case: caseFn,
  gettype: { min: 1, max: 1, type: 'string', impl: gettype },
  now: { min: 0, max: 1, type: 'datetime', compile: clock(1) },
  ago: { min: 1, max: 1, type: 'datetime', compile: clock(-1) },
  bin: { min: 2, max: 2, type: (a) => a[0]?.type ?? 'dynamic', impl: bin, keepsName: true },
  floor: { min: 2, max: 2, type: (a) => a[0]?.type ?? 'dynamic', impl: bin, keepsName: true },
  round: { min: 1, max: 2, type: 'real', impl: (v, p) => round(v, p) },
  abs: { min: 1, max: 1, type: (a) => a[0]?.type ?? 'real', impl: (v) => { const n = toNum(v); return n === null ? null : Math.abs(n); } },
  sqrt: { min: 1, max: 1, type: 'real', impl: (v) => { const n = toNum(v); return n === null ? null : Math.sqrt(n); } },
  pow: { min: 2, max: 2, type: 'real', impl: (a, b) => { const x = toNum(a); const y = toNum(b); return x === null || y === null ? null : x ** y; } },
  max_of: { min: 2, max: 64, type: (a) => a[0]?.type ?? 'real', impl: (...vs) => extreme(vs, 1) },
  min_of: { min: 2, max: 64, type: (a) => a[0]?.type ?? 'real', impl: (...vs) => extreme(vs, -1) },
};

function extreme(vs: unknown[], sign: 1 | -1): unknown {
  let best: number | null = null;
  for (const v of vs) {
    const n = toNum(v);
    if (n !== null && (best === null || sign * (n - best) > 0)) best = n;
  }
  return best;
}
