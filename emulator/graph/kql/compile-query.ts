// Runs a parsed query against the input tables: binds the lets, compiles every operator of the
// pipeline once (schemas known, columns resolved), then runs it and hands back JSON rows.
import type { Let, Op, ParsedQuery, Source, Tabular } from './ast.ts';
import { compileExpr } from './compile-expr.ts';
import { kqlErrors } from './errors.ts';
import { join } from './op-join.ts';
import { mvExpand } from './op-mv-expand.ts';
import { parseOperator } from './op-parse.ts';
import { sort, top } from './op-sort.ts';
import { summarize } from './op-summarize.ts';
import { union } from './op-union.ts';
import { count, distinct, extend, project, projectAwayOrKeep, projectRename, take, where } from './ops-basic.ts';
import type { ColumnType } from './schema.ts';
import { columnType, tableSchema } from './schema.ts';
import type { QueryContext, Stage } from './stage.ts';
import { columnCopier } from './stage.ts';
import type { Col, Compiled, Row } from './types.ts';
import type { KType } from './values.ts';
import { KDate, KSpan, toJsonValue } from './values.ts';

export interface EngineInput {
  table(name: string): readonly Row[] | undefined;
  columns?(name: string): readonly { name: string; type: ColumnType }[] | undefined;
  now?: Date;
}

const FROM_COLUMN_TYPE: Record<ColumnType, KType> = {
  string: 'string', integer: 'long', number: 'real', boolean: 'bool', object: 'dynamic', datetime: 'datetime',
};

function applyOp(op: Op, input: Stage, ctx: QueryContext): Stage {
  switch (op.k) {
    case 'where':
      return where(op, input, ctx);
    case 'project':
      return project(op, input, ctx);
    case 'extend':
      return extend(op, input, ctx);
    case 'project-away':
    case 'project-keep':
      return projectAwayOrKeep(op, input);
    case 'project-rename':
      return projectRename(op, input);
    case 'summarize':
      return summarize(op, input, ctx);
    case 'sort':
      return sort(op, input, ctx);
    case 'top':
      return top(op, input, ctx);
    case 'take':
      return take(op, input, ctx);
    case 'distinct':
      return distinct(op, input, ctx);
    case 'count':
      return count(input);
    case 'join':
      return join(op, input, ctx);
    case 'union':
      return union(op, input, ctx);
    case 'mv-expand':
      return mvExpand(op, input, ctx);
    case 'parse':
      return parseOperator(op, input, ctx);
  }
}

// A tabular let sees the lets bound before it, never itself: `let Resources = Resources | …` works.
interface TableLet {
  query: Tabular;
  visible: ReadonlyMap<string, TableLet>;
}

class Compiler {
  private readonly input: EngineInput;
  private tableLets = new Map<string, TableLet>();
  private readonly scalars = new Map<string, Compiled>();
  private readonly now: number;

  constructor(input: EngineInput, lets: readonly Let[]) {
    this.input = input;
    this.now = (input.now ?? new Date()).getTime();
    for (const l of lets) this.bind(l);
  }

  private bind(l: Let): void {
    const visible = this.tableLets;
    if (l.kind === 'tabular') {
      this.tableLets = new Map(visible).set(l.name, { query: l.query, visible });
      return;
    }
    // `let t = Resources;` parses as a scalar name; it is a table when no scalar has that name.
    const e = l.expr;
    if (e.k === 'name' && !this.scalars.has(e.name)) {
      this.tableLets = new Map(visible).set(l.name, { query: { source: { k: 'table', name: e.name, pos: e.pos }, ops: [] }, visible });
      return;
    }
    const c = compileExpr(e, { columns: new Map(), scalars: this.scalars, now: this.now, operator: 'let' });
    this.scalars.set(l.name, c.constant ? c : { ...c, constant: true, value: c.fn({}) });
  }

  private table(name: string, pos: Source['pos']): Stage {
    const lower = name === '' ? 'resources' : name.toLowerCase();
    const rows = this.input.table(lower);
    if (!rows) throw kqlErrors.unknownTable(name, pos);
    const declared = this.input.columns?.(lower);
    const schema: Col[] = declared ? declared.map((c) => ({ name: c.name, type: FROM_COLUMN_TYPE[c.type] })) : tableSchema(rows);
    return { schema, ordered: false, fresh: false, run: () => rows as Row[] };
  }

  private context(lets: ReadonlyMap<string, TableLet>): QueryContext {
    return { scalars: this.scalars, now: this.now, subquery: (q) => this.tabular(q, lets) };
  }

  private source(s: Source, lets: ReadonlyMap<string, TableLet>): Stage {
    if (s.k === 'sub') return this.tabular(s.query, lets);
    if (s.k === 'union') return union(s.op, null, this.context(lets));
    const bound = lets.get(s.name);
    return bound ? this.tabular(bound.query, bound.visible) : this.table(s.name, s.pos);
  }

  tabular(q: Tabular, lets: ReadonlyMap<string, TableLet> = this.tableLets): Stage {
    const ctx = this.context(lets);
    let stage = this.source(q.source, lets);
    for (const op of q.ops) stage = applyOp(op, stage, ctx);
    return stage;
  }
}

export interface EngineResult {
  columns: { name: string; type: ColumnType }[];
  rows: Row[];
  ordered: boolean;
  limited: boolean;
}

export function runParsed(q: ParsedQuery, input: EngineInput): EngineResult {
  const stage = new Compiler(input, q.lets).tabular(q.body);
  const names = stage.schema.map((c) => c.name);
  const produced = stage.run();
  let rows: Row[];
  if (stage.fresh) {
    // Our own objects: turn datetimes/timespans into text in place, in the columns whose type
    // allows them (functions that choose among values of several types are typed dynamic).
    const temporal = stage.schema.filter((c) => c.type === 'datetime' || c.type === 'timespan' || c.type === 'dynamic').map((c) => c.name);
    if (temporal.length > 0) {
      for (const row of produced) {
        for (let i = 0; i < temporal.length; i++) {
          const n = temporal[i] as string;
          const v = row[n];
          if (v === undefined) row[n] = null;
          else if (v instanceof KDate || v instanceof KSpan) row[n] = toJsonValue(v);
        }
      }
    }
    rows = produced;
  } else {
    // Table rows pass through where/take/order untouched: copy them out in column order.
    const copy = columnCopier(names);
    rows = produced.map((r) => {
      const o: Row = {};
      copy(r, o);
      return o;
    });
  }
  return { columns: stage.schema.map((c) => ({ name: c.name, type: columnType(c.type) })), rows, ordered: stage.ordered, limited: q.limited };
}
