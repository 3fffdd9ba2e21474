// summarize [aggregations] [by keys]: one hash table of groups, group-by columns first in the
// output, then the aggregations. Without `by` an empty input still gives one row (count() = 0).
import type { AggArg, AggPlan } from './aggregates.ts';
import { AGGREGATES } from './aggregates.ts';
import type { Op } from './ast.ts';
import { columnGetter, compileExpr } from './compile-expr.ts';
import { kqlErrors } from './errors.ts';
import { compileItems } from './ops-basic.ts';
import { ColumnNamer, uniqueName } from './schema.ts';
import type { QueryContext, Stage } from './stage.ts';
import { scopeOf } from './stage.ts';
import type { Col, Compiled, Row } from './types.ts';
import { ValueMap, keyOf } from './values.ts';

interface Group {
  keys: unknown[];
  accs: { add(row: Row): void; results(): unknown[] }[];
}

export function summarize(op: Extract<Op, { k: 'summarize' }>, input: Stage, ctx: QueryContext): Stage {
  const by = compileItems(op.by, input.schema, ctx, 'summarize');
  const scope = scopeOf(input.schema, ctx, 'summarize');
  const byNames = new Set(by.names);
  const starColumns = input.schema.filter((c) => !byNames.has(c.name));
  const plans: AggPlan[] = op.aggs.map((a) => {
    if (a.expr.k !== 'call' || !Object.prototype.hasOwnProperty.call(AGGREGATES, a.expr.name)) {
      throw kqlErrors.semantic("'summarize' operator: the expression must be an aggregation function such as count() or make_list()", a.pos);
    }
    const def = AGGREGATES[a.expr.name];
    const call = a.expr;
    if (!def || call.args.length < def.min || call.args.length > def.max) {
      throw kqlErrors.semantic(`Function '${call.name}': wrong number of arguments (${call.args.length}).`, call.pos);
    }
    const args: AggArg[] = call.args.map((x) => (x.k === 'star' ? '*' : compileExpr(x, scope)));
    return def.plan(args, { starColumns, read: (name): Compiled => ({ fn: columnGetter(name), type: (input.schema.find((c) => c.name === name) as Col).type, name }) });
  });

  // Names: group keys, then aggregates (an explicit name applies to the aggregate's first column).
  const taken = new Set<string>(by.names);
  const explicit = op.aggs.flatMap((a) => (a.name ? [a.name] : []));
  const namer = new ColumnNamer([...taken, ...explicit, ...plans.flatMap((p) => p.outputs.map((o) => o.name))]);
  const schema: Col[] = by.names.map((name, i) => ({ name, type: (by.compiled[i] as Compiled).type }));
  plans.forEach((p, i) => {
    p.outputs.forEach((o, j) => {
      const wanted = j === 0 ? (op.aggs[i]?.name ?? o.name) : o.name;
      const name = uniqueName(wanted === '' ? namer.next() : wanted, taken);
      taken.add(name);
      schema.push({ name, type: o.type });
    });
  });
  const names = schema.map((c) => c.name);
  const keyFns = by.compiled.map((c) => c.fn);

  const run = (): Row[] => {
    // First-seen order; one key column is looked up by its value, several by a composite string.
    const order: Group[] = [];
    const single = new ValueMap<Group>();
    const composite = new Map<string, Group>();
    const newGroup = (keys: unknown[]): Group => {
      const g = { keys, accs: plans.map((p) => p.make()) };
      order.push(g);
      return g;
    };
    const whole = keyFns.length === 0 ? newGroup([]) : null;
    const only = keyFns.length === 1 ? (keyFns[0] as (r: Row) => unknown) : null;
    for (const row of input.run()) {
      let g: Group | undefined;
      if (whole) g = whole;
      else if (only) {
        const v = only(row);
        g = single.get(v);
        if (!g) {
          g = newGroup([v]);
          single.set(v, g);
        }
      } else {
        const keys = keyFns.map((f) => f(row));
        const key = keys.map(keyOf).join('\u0001');
        g = composite.get(key);
        if (!g) {
          g = newGroup(keys);
          composite.set(key, g);
        }
      }
      for (const acc of g.accs) acc.add(row);
    }
    const out: Row[] = [];
    for (const g of order) {
      const values = [...g.keys, ...g.accs.flatMap((a) => a.results())];
      const o: Row = {};
      for (let i = 0; i < names.length; i++) o[names[i] as string] = values[i] ?? null;
      out.push(o);
    }
    return out;
  };
  return { schema, ordered: false, fresh: true, run };
}
