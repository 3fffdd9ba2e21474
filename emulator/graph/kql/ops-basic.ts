// where, project, extend, project-away/-keep/-rename, take/limit, count, distinct.
import type { Assign, Expr, Op } from './ast.ts';
import { columnGetter, compileExpr } from './compile-expr.ts';
import { kqlErrors } from './errors.ts';
import { ColumnNamer, uniqueName } from './schema.ts';
import type { QueryContext, Stage } from './stage.ts';
import { columnCopier, rowBuilder, scopeOf } from './stage.ts';
import type { Col, Compiled, Row } from './types.ts';
import { ValueMap, keyOf, toLong, truth } from './values.ts';

type OpOf<K extends Op['k']> = Extract<Op, { k: K }>;

export function where(op: OpOf<'where'>, input: Stage, ctx: QueryContext): Stage {
  const pred = compileExpr(op.pred, scopeOf(input.schema, ctx, 'where'));
  const f = pred.fn;
  const keep = pred.type === 'bool' ? (r: Row) => f(r) === true : (r: Row) => truth(f(r)) === true;
  return { ...input, run: () => input.run().filter(keep) };
}

/** Compiles `name = expr` items, naming unnamed ones as Kusto does (x, a_b, Column1…). */
export function compileItems(items: readonly Assign[], schema: readonly Col[], ctx: QueryContext, operator: string): { names: string[]; compiled: Compiled[] } {
  const scope = scopeOf(schema, ctx, operator);
  const compiled = items.map((i) => compileExpr(i.expr, scope));
  const wanted = items.map((i, n) => i.name ?? compiled[n]?.name);
  const namer = new ColumnNamer(wanted.filter((w): w is string => w !== undefined));
  const taken = new Set<string>();
  const names = wanted.map((w) => {
    const name = uniqueName(w ?? namer.next(), taken);
    taken.add(name);
    return name;
  });
  return { names, compiled };
}

export function project(op: OpOf<'project'>, input: Stage, ctx: QueryContext): Stage {
  const { names, compiled } = compileItems(op.items, input.schema, ctx, 'project');
  const build = rowBuilder(names, compiled.map((c) => c.fn));
  const schema = names.map((name, i) => ({ name, type: (compiled[i] as Compiled).type }));
  return { schema, ordered: input.ordered, fresh: true, run: () => input.run().map(build) };
}

export function extend(op: OpOf<'extend'>, input: Stage, ctx: QueryContext): Stage {
  const schema = input.schema.map((c) => ({ ...c }));
  const namer = new ColumnNamer([...schema.map((c) => c.name), ...op.items.flatMap((i) => (i.name ? [i.name] : []))]);
  const names: string[] = [];
  const fns: ((r: Row) => unknown)[] = [];
  for (const item of op.items) {
    // Later items see earlier ones, as in Kusto: compile against the schema so far.
    const c = compileExpr(item.expr, scopeOf(schema, ctx, 'extend'));
    const name = item.name ?? namer.next();
    const existing = schema.find((s) => s.name === name);
    if (existing) existing.type = c.type;
    else schema.push({ name, type: c.type });
    names.push(name);
    fns.push(c.fn);
  }
  const copy = columnCopier(input.schema.map((c) => c.name));
  const add = (o: Row): Row => {
    for (let i = 0; i < names.length; i++) o[names[i] as string] = (fns[i] as (r: Row) => unknown)(o);
    return o;
  };
  // Rows this run created belong to this stage alone: extend them in place instead of copying.
  const build = input.fresh
    ? add
    : (r: Row): Row => {
        const o: Row = {};
        copy(r, o);
        return add(o);
      };
  return { schema, ordered: input.ordered, fresh: true, run: () => input.run().map(build) };
}

const wildcard = (pattern: string): RegExp =>
  new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);

function matching(op: OpOf<'project-away' | 'project-keep'>, schema: readonly Col[]): Set<string> {
  const hit = new Set<string>();
  for (const p of op.patterns) {
    const re = wildcard(p.text);
    const found = schema.filter((c) => re.test(c.name));
    if (found.length === 0 && !p.text.includes('*')) throw kqlErrors.unknownColumn(op.k, p.text, p.pos);
    for (const c of found) hit.add(c.name);
  }
  return hit;
}

function copyColumns(input: Stage, schema: Col[], from: readonly string[] = schema.map((c) => c.name)): Stage {
  const copy = columnCopier(from, schema.map((c) => c.name));
  const build = (r: Row): Row => {
    const o: Row = {};
    copy(r, o);
    return o;
  };
  return { schema, ordered: input.ordered, fresh: true, run: () => input.run().map(build) };
}

export function projectAwayOrKeep(op: OpOf<'project-away' | 'project-keep'>, input: Stage): Stage {
  const hit = matching(op, input.schema);
  const away = op.k === 'project-away';
  return copyColumns(input, input.schema.filter((c) => hit.has(c.name) !== away));
}

export function projectRename(op: OpOf<'project-rename'>, input: Stage): Stage {
  const schema = input.schema.map((c) => ({ ...c }));
  const sources: string[] = schema.map((c) => c.name);
  for (const r of op.renames) {
    const i = schema.findIndex((c) => c.name === r.from);
    if (i < 0) throw kqlErrors.unknownColumn('project-rename', r.from, r.pos);
    if (r.to !== r.from && schema.some((c) => c.name === r.to)) throw kqlErrors.semantic(`'project-rename' operator: a column named '${r.to}' already exists`, r.pos);
    (schema[i] as Col).name = r.to;
  }
  return copyColumns(input, schema, sources);
}

/** A row count (take, top, mv-expand limit): a constant long, from a literal or a let. */
export function constantCount(e: Expr, ctx: QueryContext, operator: string): number {
  const c = compileExpr(e, scopeOf([], ctx, operator));
  const n = c.constant ? toLong(c.value) : null;
  if (n === null || n < 0) throw kqlErrors.semantic(`'${operator}' operator: expected a non-negative constant number of rows`, e.pos);
  return n;
}

export function take(op: OpOf<'take'>, input: Stage, ctx: QueryContext): Stage {
  const n = constantCount(op.count, ctx, 'take');
  return { ...input, run: () => input.run().slice(0, n) };
}

export function count(input: Stage): Stage {
  return { schema: [{ name: 'Count', type: 'long' }], ordered: false, fresh: true, run: () => [{ Count: input.run().length }] };
}

export function distinct(op: OpOf<'distinct'>, input: Stage, ctx: QueryContext): Stage {
  const { names, compiled } = op.star
    ? { names: input.schema.map((c) => c.name), compiled: input.schema.map((c): Compiled => ({ fn: columnGetter(c.name), type: c.type })) }
    : compileItems(op.items, input.schema, ctx, 'distinct');
  const fns = compiled.map((c) => c.fn);
  const build = rowBuilder(names, fns);
  const schema = names.map((name, i) => ({ name, type: (compiled[i] as Compiled).type }));
  return {
    schema,
    ordered: false,
    fresh: true,
    run: () => {
      const seen = new ValueMap<true>();
      const out: Row[] = [];
      for (const r of input.run()) {
        const key = fns.length === 1 ? (fns[0] as (r: Row) => unknown)(r) : fns.map((f) => keyOf(f(r))).join('\u0001');
        if (seen.get(key)) continue;
        seen.set(key, true);
        out.push(build(r));
      }
      return out;
    },
  };
}
