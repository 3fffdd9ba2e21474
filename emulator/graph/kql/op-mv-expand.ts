// mv-expand: one output row per element of an array (or per entry of a bag: {key: value}, or
// [key, value] with bagexpansion=array). Several expressions expand in parallel, shorter ones
// padded with null. A null value gives one row with null; an empty array or bag gives none.
// ARG caps each input row at 128 output rows by default and `limit` at 400.
import type { Op } from './ast.ts';
import { columnGetter, compileExpr } from './compile-expr.ts';
import { LIMITS } from './limits.ts';
import { constantCount } from './ops-basic.ts';
import { ColumnNamer } from './schema.ts';
import type { QueryContext, Stage } from './stage.ts';
import { scopeOf } from './stage.ts';
import type { Col, Row } from './types.ts';
import type { KType } from './values.ts';
import { isBag, toDate } from './values.ts';

// `to typeof(T)` casts without parsing: elements of another type become null.
const CASTS: Partial<Record<KType, (v: unknown) => unknown>> = {
  string: (v) => (typeof v === 'string' ? v : null),
  long: (v) => (typeof v === 'number' && Number.isInteger(v) ? v : null),
  int: (v) => (typeof v === 'number' && Number.isInteger(v) ? v : null),
  real: (v) => (typeof v === 'number' ? v : null),
  bool: (v) => (typeof v === 'boolean' ? v : null),
  datetime: (v) => (typeof v === 'string' ? toDate(v) : null),
};

function elements(v: unknown, bagAsArray: boolean): unknown[] {
  if (v === null || v === undefined) return [null];
  if (Array.isArray(v)) return v;
  if (isBag(v)) return Object.entries(v).map(([k, val]) => (bagAsArray ? [k, val] : { [k]: val }));
  return [v];
}

export function mvExpand(op: Extract<Op, { k: 'mv-expand' }>, input: Stage, ctx: QueryContext): Stage {
  const scope = scopeOf(input.schema, ctx, 'mv-expand');
  const limit = op.limit ? Math.min(constantCount(op.limit, ctx, 'mv-expand'), LIMITS.mvExpandMaxRows) : LIMITS.mvExpandDefaultRows;
  const schema: Col[] = input.schema.map((c) => ({ ...c }));
  const namer = new ColumnNamer(schema.map((c) => c.name));
  const expanded = op.items.map((item) => {
    const c = compileExpr(item.expr, scope);
    const name = item.name ?? c.name ?? namer.next();
    const type: KType = item.toType ?? 'dynamic';
    const existing = schema.find((s) => s.name === name);
    if (existing) existing.type = type;
    else schema.push({ name, type });
    return { name, fn: c.fn, cast: item.toType ? (CASTS[item.toType] ?? ((v: unknown) => v)) : null };
  });
  if (op.itemIndex) schema.push({ name: op.itemIndex, type: 'long' });
  const names = schema.map((c) => c.name);
  const getters = names.map(columnGetter);
  const slots = expanded.map((e) => names.indexOf(e.name));
  const indexSlot = op.itemIndex ? names.length - 1 : -1;

  const run = (): Row[] => {
    const out: Row[] = [];
    for (const row of input.run()) {
      const lists = expanded.map((e) => elements(e.fn(row), op.bagAsArray));
      const n = Math.min(limit, Math.max(...lists.map((l) => l.length)));
      for (let i = 0; i < n; i++) {
        const values = getters.map((g) => g(row));
        expanded.forEach((e, j) => {
          const v = (lists[j] as unknown[])[i];
          const val = v === undefined ? null : v;
          values[slots[j] as number] = e.cast ? e.cast(val) : val;
        });
        if (indexSlot >= 0) values[indexSlot] = i;
        const o: Row = {};
        for (let k = 0; k < names.length; k++) o[names[k] as string] = values[k];
        out.push(o);
      }
    }
    return out;
  };
  return { schema, ordered: input.ordered, fresh: true, run };
}
