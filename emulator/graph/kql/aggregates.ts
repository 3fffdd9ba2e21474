// Aggregation functions for summarize. Each call plans its output columns (Kusto's default
// names: count_, dcount_x, list_x, set_x, sum_x…) and makes one accumulator per group.
// Null values are ignored, as Kusto does for count/dcount/make_list/make_set/sum.
import { kqlErrors } from './errors.ts';
import type { Col, Compiled, Row } from './types.ts';
import type { KType } from './values.ts';
import { isBag, keyOf, orderCompare, toJsonValue, toLong, toNum, truth } from './values.ts';

export interface Accumulator {
  add(row: Row): void;
  results(): unknown[];
}

export interface AggPlan {
  outputs: Col[];
  make(): Accumulator;
}

/** An argument: a compiled scalar, or `*` (take_any(*), arg_max(x, *)). */
export type AggArg = Compiled | '*';

export interface AggContext {
  /** Input columns that `*` stands for (the input minus the group-by columns). */
  starColumns: readonly Col[];
  read(name: string): Compiled;
}

interface AggDef {
  min: number;
  max: number;
  plan(args: readonly AggArg[], ctx: AggContext): AggPlan;
}

const isNull = (v: unknown): boolean => v === null || v === undefined;
const arg = (args: readonly AggArg[], i: number): Compiled => {
  const a = args[i];
  if (a === undefined || a === '*') throw kqlErrors.semantic(`An aggregation argument cannot be '*' here.`);
  return a;
};
const nameOf = (c: Compiled): string => c.name ?? '';
const single = (name: string, type: KType, make: () => Accumulator): AggPlan => ({ outputs: [{ name, type }], make });
const when = (args: readonly AggArg[], i: number): ((r: Row) => boolean) => {
  const p = args[i];
  if (p === undefined || p === '*') return () => true;
  return (r) => truth(p.fn(r)) === true;
};

function counting(prefix: string, predIndex: number) {
  return (args: readonly AggArg[]): AggPlan => {
    const ok = when(args, predIndex);
    return single(prefix, 'long', () => {
      let n = 0;
      return { add: (r) => { if (ok(r)) n++; }, results: () => [n] };
    });
  };
}

function distinctCount(args: readonly AggArg[], withPredicate: boolean): AggPlan {
  const x = arg(args, 0);
  const ok = withPredicate ? when(args, 1) : () => true;
  return single(`${withPredicate ? 'dcountif' : 'dcount'}_${nameOf(x)}`, 'long', () => {
    const seen = new Set<string>();
    return { add: (r) => { if (!ok(r)) return; const v = x.fn(r); if (!isNull(v)) seen.add(keyOf(v)); }, results: () => [seen.size] };
  });
}

function summing(args: readonly AggArg[], average: boolean, withPredicate: boolean): AggPlan {
  const x = arg(args, 0);
  const ok = withPredicate ? when(args, 1) : () => true;
  const type: KType = average ? 'real' : x.type === 'long' || x.type === 'int' ? 'long' : 'real';
  const prefix = `${average ? 'avg' : 'sum'}${withPredicate ? 'if' : ''}_${nameOf(x)}`;
  return single(prefix, type, () => {
    let total = 0;
    let n = 0;
    return {
      add: (r) => { if (!ok(r)) return; const v = toNum(x.fn(r)); if (v !== null) { total += v; n++; } },
      results: () => [n === 0 ? null : average ? total / n : total],
    };
  });
}

function extreme(args: readonly AggArg[], sign: 1 | -1, withPredicate: boolean): AggPlan {
  const x = arg(args, 0);
  const ok = withPredicate ? when(args, 1) : () => true;
  return single(`${sign > 0 ? 'max' : 'min'}${withPredicate ? 'if' : ''}_${nameOf(x)}`, x.type, () => {
    let best: unknown = null;
    return {
      add: (r) => { if (!ok(r)) return; const v = x.fn(r); if (!isNull(v) && (best === null || sign * orderCompare(v, best) > 0)) best = v; },
      results: () => [best],
    };
  });
}

function collecting(args: readonly AggArg[], set: boolean, withPredicate: boolean): AggPlan {
  const x = arg(args, 0);
  const ok = withPredicate ? when(args, 1) : () => true;
  const maxArg = args[withPredicate ? 2 : 1];
  const max = maxArg && maxArg !== '*' ? (toLong(maxArg.value) ?? 1_048_576) : 1_048_576;
  return single(`${set ? 'set' : 'list'}_${nameOf(x)}`, 'dynamic', () => {
    const out: unknown[] = [];
    const seen = set ? new Set<string>() : null;
    return {
      add: (r) => {
        if (out.length >= max || !ok(r)) return;
        const v = x.fn(r);
        if (isNull(v)) return;
        if (seen) {
          const k = keyOf(v);
          if (seen.has(k)) return;
          seen.add(k);
        }
        out.push(toJsonValue(v));
      },
      results: () => [out],
    };
  });
}

function makeBag(args: readonly AggArg[]): AggPlan {
  const x = arg(args, 0);
  return single(`bag_${nameOf(x)}`, 'dynamic', () => {
    const bag: Record<string, unknown> = {};
    return {
      add: (r) => { const v = x.fn(r); if (isBag(v)) for (const [k, val] of Object.entries(v)) if (!(k in bag)) bag[k] = val; },
      results: () => [bag],
    };
  });
}

const expandStar = (args: readonly AggArg[], ctx: AggContext, skip: ReadonlySet<string> = new Set()): Compiled[] =>
  args.flatMap((a) => (a === '*' ? ctx.starColumns.filter((c) => !skip.has(c.name)).map((c) => ctx.read(c.name)) : [a]));

function takeAny(prefix: string, withPredicate: boolean) {
  return (args: readonly AggArg[], ctx: AggContext): AggPlan => {
    const exprs = expandStar(withPredicate ? args.slice(0, -1) : args, ctx);
    const ok = withPredicate ? when(args, args.length - 1) : () => true;
    // With one column Kusto prefers a non-null, non-empty value when the group has one.
    const preferValue = exprs.length === 1;
    return {
      outputs: exprs.map((e) => ({ name: `${prefix}${nameOf(e)}`, type: e.type })),
      make: () => {
        let picked: unknown[] | null = null;
        return {
          add: (r) => {
            if ((picked && !preferValue) || !ok(r)) return;
            if (picked && preferValue && !isNull(picked[0]) && picked[0] !== '') return;
            picked = exprs.map((e) => e.fn(r));
          },
          results: () => picked ?? exprs.map(() => null),
        };
      },
    };
  };
}

function argExtreme(sign: 1 | -1) {
  return (args: readonly AggArg[], ctx: AggContext): AggPlan => {
    const by = arg(args, 0);
    const rest = expandStar(args.slice(1), ctx, new Set(by.name === undefined ? [] : [by.name]));
    const exprs = [by, ...rest];
    return {
      outputs: exprs.map((e, i) => ({ name: i === 0 ? nameOf(e) || (sign > 0 ? 'max_' : 'min_') : nameOf(e), type: e.type })),
      make: () => {
        let best: unknown = null;
        let row: Row | null = null;
        return {
          add: (r) => { const v = by.fn(r); if (!isNull(v) && (best === null || sign * orderCompare(v, best) > 0)) { best = v; row = r; } },
          results: () => (row ? exprs.map((e) => e.fn(row as Row)) : exprs.map(() => null)),
        };
      },
    };
  };
}

export const AGGREGATES: Readonly<Record<string, AggDef>> = {
  count: { min: 0, max: 0, plan: counting('count_', -1) },
  countif: { min: 1, max: 1, plan: counting('countif_', 0) },
  dcount: { min: 1, max: 2, plan: (a) => distinctCount(a, false) },
  dcountif: { min: 2, max: 3, plan: (a) => distinctCount(a, true) },
  sum: { min: 1, max: 1, plan: (a) => summing(a, false, false) },
  sumif: { min: 2, max: 2, plan: (a) => summing(a, false, true) },
  avg: { min: 1, max: 1, plan: (a) => summing(a, true, false) },
  avgif: { min: 2, max: 2, plan: (a) => summing(a, true, true) },
  min: { min: 1, max: 1, plan: (a) => extreme(a, -1, false) },
  max: { min: 1, max: 1, plan: (a) => extreme(a, 1, false) },
  minif: { min: 2, max: 2, plan: (a) => extreme(a, -1, true) },
  maxif: { min: 2, max: 2, plan: (a) => extreme(a, 1, true) },
  make_list: { min: 1, max: 2, plan: (a) => collecting(a, false, false) },
  make_list_if: { min: 2, max: 3, plan: (a) => collecting(a, false, true) },
  make_set: { min: 1, max: 2, plan: (a) => collecting(a, true, false) },
  make_set_if: { min: 2, max: 3, plan: (a) => collecting(a, true, true) },
  make_bag: { min: 1, max: 2, plan: makeBag },
  take_any: { min: 1, max: 64, plan: takeAny('', false) },
  take_anyif: { min: 2, max: 2, plan: takeAny('', true) },
  any: { min: 1, max: 64, plan: takeAny('any_', false) },
  arg_max: { min: 1, max: 64, plan: argExtreme(1) },
  arg_min: { min: 1, max: 64, plan: argExtreme(-1) },
};

export const isAggregate = (name: string): boolean => Object.prototype.hasOwnProperty.call(AGGREGATES, name);
