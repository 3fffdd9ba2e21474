// order/sort by and top. Keys are computed once per row, then a stable sort; Kusto's defaults:
// descending, nulls first when ascending and last when descending.
import type { Op, SortKey } from './ast.ts';
import { compileExpr } from './compile-expr.ts';
import { constantCount } from './ops-basic.ts';
import type { QueryContext, Stage } from './stage.ts';
import { scopeOf } from './stage.ts';
import type { Row } from './types.ts';
import { orderCompare } from './values.ts';

function sorter(keys: readonly SortKey[], input: Stage, ctx: QueryContext, operator: string): (rows: Row[]) => Row[] {
  const scope = scopeOf(input.schema, ctx, operator);
  const fns = keys.map((k) => compileExpr(k.expr, scope).fn);
  const desc = keys.map((k) => k.desc);
  const nullsFirst = keys.map((k) => k.nullsFirst);
  const n = keys.length;
  return (rows) => {
    const decorated = rows.map((row) => ({ row, keys: fns.map((f) => f(row)) }));
    decorated.sort((a, b) => {
      for (let i = 0; i < n; i++) {
        const x = a.keys[i];
        const y = b.keys[i];
        const xn = x === null || x === undefined;
        const yn = y === null || y === undefined;
        if (xn || yn) {
          if (xn && yn) continue;
          return xn === nullsFirst[i] ? -1 : 1;
        }
        const c = orderCompare(x, y);
        if (c !== 0) return desc[i] ? -c : c;
      }
      return 0;
    });
    return decorated.map((d) => d.row);
  };
}

export function sort(op: Extract<Op, { k: 'sort' }>, input: Stage, ctx: QueryContext): Stage {
  const sortRows = sorter(op.keys, input, ctx, 'order');
  return { ...input, ordered: true, run: () => sortRows(input.run()) };
}

export function top(op: Extract<Op, { k: 'top' }>, input: Stage, ctx: QueryContext): Stage {
  const n = constantCount(op.count, ctx, 'top');
  const sortRows = sorter(op.keys, input, ctx, 'top');
  return { ...input, ordered: true, run: () => sortRows(input.run()).slice(0, n) };
}
