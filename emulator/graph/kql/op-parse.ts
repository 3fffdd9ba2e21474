// parse [kind=simple|regex] Expr with [*] 'text' Column[:type] …: one regex built once, its
// groups extended as columns. Simple mode matches its literal texts from the start of the value;
// regex mode takes the texts as regex pieces and searches anywhere (as ARG's subnet sample needs).
import type { Op } from './ast.ts';
import { columnGetter, compileExpr } from './compile-expr.ts';
import { kustoRegex } from './regex.ts';
import type { QueryContext, Stage } from './stage.ts';
import { scopeOf } from './stage.ts';
import type { Col, Row } from './types.ts';
import type { KType } from './values.ts';
import { toLong, toNum, toStr } from './values.ts';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const GROUP: Partial<Record<KType, string>> = { long: '(-?\\d+)', int: '(-?\\d+)', real: '(-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)' };
const CONVERT: Partial<Record<KType, (s: string) => unknown>> = { long: toLong, int: toLong, real: toNum };

export function parseOperator(op: Extract<Op, { k: 'parse' }>, input: Stage, ctx: QueryContext): Stage {
  const source = compileExpr(op.source, scopeOf(input.schema, ctx, 'parse'));
  const columns = op.elements.filter((e) => e.kind === 'column').map((e) => ({ name: e.text, type: e.type ?? ('string' as KType) }));
  const lastIsColumn = op.elements[op.elements.length - 1]?.kind === 'column';
  const pattern = op.elements
    .map((e, i) => {
      if (e.kind === 'text') return op.regex ? e.text : escape(e.text);
      if (e.kind === 'star') return '.*?';
      const group = GROUP[e.type ?? 'string'];
      if (group) return group;
      return lastIsColumn && i === op.elements.length - 1 ? '(.*)' : '(.*?)';
    })
    .join('');
  const re = kustoRegex(op.regex ? pattern : `^${pattern}`, '', op.pos);
  const schema: Col[] = input.schema.map((c) => ({ ...c }));
  for (const c of columns) {
    const existing = schema.find((s) => s.name === c.name);
    if (existing) existing.type = c.type;
    else schema.push({ ...c });
  }
  const names = schema.map((c) => c.name);
  const getters = names.map(columnGetter);
  const slots = columns.map((c) => names.indexOf(c.name));
  const converters = columns.map((c) => CONVERT[c.type] ?? ((s: string) => s));
  const empty = columns.map((c) => (c.type === 'string' ? '' : null));
  const run = (): Row[] =>
    input.run().map((row) => {
      const values = getters.map((g) => g(row));
      const m = re.exec(toStr(source.fn(row)));
      columns.forEach((_, j) => {
        const hit = m?.[j + 1];
        values[slots[j] as number] = hit === undefined ? empty[j] : (converters[j] as (s: string) => unknown)(hit);
      });
      const o: Row = {};
      for (let k = 0; k < names.length; k++) o[names[k] as string] = values[k];
      return o;
    });
  return { schema, ordered: input.ordered, fresh: true, run };
}
