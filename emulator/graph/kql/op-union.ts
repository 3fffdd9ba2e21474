// union [kind=outer|inner] [withsource=Name] legs. Outer (the default) keeps every column by
// name; inner keeps the columns all legs share. A column seen with two types becomes dynamic.
import type { Op } from './ast.ts';
import { columnGetter } from './compile-expr.ts';
import { kqlErrors } from './errors.ts';
import { LIMITS } from './limits.ts';
import type { QueryContext, Stage } from './stage.ts';
import type { Col, Row } from './types.ts';

type UnionOp = Extract<Op, { k: 'union' }>;

export function union(op: UnionOp, input: Stage | null, ctx: QueryContext): Stage {
  const count = op.legs.length + (input ? 1 : 0);
  if (count > LIMITS.unionLegs) throw kqlErrors.tooManyUnionLegs(count, LIMITS.unionLegs, op.pos);
  const legs = [...(input ? [input] : []), ...op.legs.map((l) => ctx.subquery(l))];
  const legNames = [
    ...(input ? ['union_arg0'] : []),
    ...op.legs.map((l, i) => (l.source.k === 'table' && l.ops.length === 0 ? l.source.name : `union_arg${i + (input ? 1 : 0)}`)),
  ];
  const merged = new Map<string, Col>();
  for (const leg of legs) {
    for (const c of leg.schema) {
      const seen = merged.get(c.name);
      if (!seen) merged.set(c.name, { ...c });
      else if (seen.type !== c.type) seen.type = 'dynamic';
    }
  }
  let schema = [...merged.values()];
  if (op.kind === 'inner') schema = schema.filter((c) => legs.every((l) => l.schema.some((s) => s.name === c.name)));
  if (op.withSource) schema = [{ name: op.withSource, type: 'string' }, ...schema.filter((c) => c.name !== op.withSource)];
  const source = op.withSource;
  const run = (): Row[] => {
    const out: Row[] = [];
    legs.forEach((leg, i) => {
      const has = new Set(leg.schema.map((c) => c.name));
      const cols = schema.filter((c) => c.name !== source).map((c) => ({ name: c.name, get: has.has(c.name) ? columnGetter(c.name) : () => null }));
      for (const r of leg.run()) {
        const o: Row = {};
        if (source) o[source] = legNames[i] ?? '';
        for (const c of cols) o[c.name] = c.get(r);
        out.push(o);
      }
    });
    return out;
  };
  return { schema, ordered: false, fresh: true, run };
}
