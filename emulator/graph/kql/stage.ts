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
