// A compiled step of a pipeline: its output schema and a function producing its rows.
import type { Tabular } from './ast.ts';
import type { Col, Compiled, Row, Scope } from './types.ts';

export interface Stage {
  schema: Col[];
  run(): Row[];
  /** The rows come out in an order the query fixed (order by, top) and nothing undid since. */
  ordered: boolean;
  /** The rows are objects this run created, with exactly the schema's keys: safe to finish in place. */
  fresh: boolean;
}

/** What the operators need besides their input: the query's lets and the clock. */
export interface QueryContext {
  scalars: ReadonlyMap<string, Compiled>;
  now: number;
  /** Compiles a tabular sub-query (join's right side, union legs) in the same context. */
  subquery(q: Tabular): Stage;
}

export function scopeOf(schema: readonly Col[], ctx: QueryContext, operator: string): Scope {
  return { columns: new Map(schema.map((c) => [c.name, c])), scalars: ctx.scalars, now: ctx.now, operator };
}

/** Builds rows with the given columns in order, each value from its own closure. */
export function rowBuilder(names: readonly string[], fns: readonly ((r: Row) => unknown)[]): (r: Row) => Row {
  const n = names.length;
  return (r) => {
    const o: Row = {};
    for (let i = 0; i < n; i++) o[names[i] as string] = (fns[i] as (r: Row) => unknown)(r);
    return o;
  };
}

const UNSAFE = (name: string): boolean => name in Object.prototype;

/**
 * Copies columns from one row into another (`to` names may differ from `from`), reading
 * properties directly: the hot loop of join, extend and the project family. Missing values
 * become null; names that Object.prototype also has are read as own properties only.
 */
export function columnCopier(from: readonly string[], to: readonly string[] = from): (src: Row, dst: Row) => void {
  const n = from.length;
  if (from.some(UNSAFE)) {
    const own = Object.prototype.hasOwnProperty;
    return (src, dst) => {
      for (let i = 0; i < n; i++) {
        const f = from[i] as string;
        dst[to[i] as string] = own.call(src, f) ? (src[f] ?? null) : null;
      }
    };
  }
  return (src, dst) => {
    for (let i = 0; i < n; i++) dst[to[i] as string] = src[from[i] as string] ?? null;
  };
}
