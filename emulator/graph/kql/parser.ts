// Statements and tabular operators: `let` statements, then a pipeline `Source | op | op …`.
// A query that starts with an operator runs on Resources, as ARG's default table.
import type { Assign, JoinKey, Let, Op, ParsedQuery, ParseElement, SortKey, Source, Tabular } from './ast.ts';
import { kqlErrors } from './errors.ts';
import { tokenize } from './lexer.ts';
import { checkLimits } from './limits.ts';
import { parseExpr, TYPE_NAMES } from './parse-expr.ts';
import { TokenStream } from './token-stream.ts';

const OPERATORS = new Set([
  'where', 'filter', 'project', 'extend', 'project-away', 'project-keep', 'project-rename', 'summarize', 'order', 'sort',
  'top', 'take', 'limit', 'distinct', 'count', 'join', 'union', 'mv-expand', 'mvexpand', 'parse',
]);

export function parse(query: string): ParsedQuery {
  const ts = new TokenStream(tokenize(query));
  const lets: Let[] = [];
  while (ts.isWord('let')) {
    lets.push(parseLet(ts));
    ts.expectOp(';');
  }
  const body = parseTabular(ts, true);
  while (ts.acceptOp(';'));
  if (ts.peek().kind !== 'eof') throw ts.fail();
  const { limited } = checkLimits({ kind: 'kql-query', lets, body, limited: false });
  return { kind: 'kql-query', lets, body, limited };
}

function parseLet(ts: TokenStream): Let {
  ts.expectWord('let');
  const name = ts.expectIdent();
  ts.expectOp('=');
  if (looksTabular(ts)) return { name: name.text, pos: name.pos, kind: 'tabular', query: parseTabular(ts, false) };
  return { name: name.text, pos: name.pos, kind: 'scalar', expr: parseExpr(ts) };
}

// `let x = Resources | …`, `let x = (T | …)`, `let x = union …` are tables; the rest scalars.
function looksTabular(ts: TokenStream): boolean {
  const t = ts.peek();
  if (t.kind === 'ident') return t.text === 'union' || ts.isOp('|', 1);
  if (!ts.isOp('(')) return false;
  let depth = 0;
  for (let i = 0; ; i++) {
    const u = ts.peek(i);
    if (u.kind === 'eof') return false;
    if (u.kind !== 'op') continue;
    if (u.text === '(' || u.text === '[' || u.text === '{') depth++;
    else if (u.text === ')' || u.text === ']' || u.text === '}') {
      depth--;
      if (depth === 0) return false;
    } else if (u.text === '|' && depth === 1) return true;
  }
}

export function parseTabular(ts: TokenStream, top: boolean): Tabular {
  const source = parseSource(ts, top);
  const ops: Op[] = [];
  if (source.k === 'table' && source.name === '' && ts.peek().kind === 'ident') ops.push(parseOperator(ts));
  while (ts.acceptOp('|')) ops.push(parseOperator(ts));
  return { source, ops };
}

function parseSource(ts: TokenStream, top: boolean): Source {
  const t = ts.peek();
  if (ts.isOp('(')) {
    ts.next();
    const query = parseTabular(ts, false);
    ts.expectOp(')');
    return { k: 'sub', query, pos: t.pos };
  }
  if (t.kind !== 'ident') throw ts.fail();
  if (t.text === 'union' && !ts.isOp('|', 1)) {
    ts.next();
    return { k: 'union', op: parseUnion(ts, t.pos), pos: t.pos };
  }
  // "where type =~ …", "summarize count()": the default table. The name '' marks it.
  if (top && OPERATORS.has(t.text) && !ts.isOp('|', 1)) return { k: 'table', name: '', pos: t.pos };
  ts.next();
  return { k: 'table', name: t.text, pos: t.pos };
}

function parseAssignments(ts: TokenStream): Assign[] {
  const items: Assign[] = [];
  do items.push(parseAssign(ts));
  while (ts.acceptOp(','));
  return items;
}

function parseAssign(ts: TokenStream): Assign {
  const t = ts.peek();
  if (t.kind === 'ident' && ts.isOp('=', 1)) {
    ts.next();
    ts.next();
    return { name: t.text, expr: parseExpr(ts), pos: t.pos };
  }
  if (ts.isOp('[') && ts.peek(1).kind === 'string' && ts.isOp(']', 2) && ts.isOp('=', 3)) {
    const { text } = ts.expectName();
    ts.next();
    return { name: text, expr: parseExpr(ts), pos: t.pos };
  }
  return { expr: parseExpr(ts), pos: t.pos };
}

function parseSortKeys(ts: TokenStream): SortKey[] {
  const keys: SortKey[] = [];
  do {
    const expr = parseExpr(ts);
    // Kusto sorts descending by default; nulls come first ascending and last descending.
    let desc = true;
    if (ts.acceptWord('asc')) desc = false;
    else ts.acceptWord('desc');
    let nullsFirst = !desc;
    if (ts.acceptWord('nulls')) {
      if (ts.acceptWord('first')) nullsFirst = true;
      else {
        ts.expectWord('last');
        nullsFirst = false;
      }
    }
    keys.push({ expr, desc, nullsFirst });
  } while (ts.acceptOp(','));
  return keys;
}

// Column names and wildcards (prop*, *Id) for project-away and project-keep.
function parsePatterns(ts: TokenStream): { text: string; pos: Op['pos'] }[] {
  const out: { text: string; pos: Op['pos'] }[] = [];
  do {
    const first = ts.peek();
    if (first.kind !== 'ident' && !ts.isOp('*') && !ts.isOp('[')) throw ts.fail();
    if (ts.isOp('[')) {
      out.push({ text: ts.expectName().text, pos: first.pos });
      continue;
    }
    let text = '';
    let end = first.start;
    while ((ts.peek().kind === 'ident' || ts.isOp('*')) && ts.peek().start === end) {
      const t = ts.next();
      text += t.text;
      end = t.end;
    }
    out.push({ text, pos: first.pos });
  } while (ts.acceptOp(','));
  return out;
}

function parseOperator(ts: TokenStream): Op {
  const t = ts.peek();
  if (t.kind !== 'ident') throw ts.fail();
  const pos = t.pos;
  ts.next();
  switch (t.text) {
    case 'where':
    case 'filter':
      return { k: 'where', pred: parseExpr(ts), pos };
    case 'project':
      return { k: 'project', items: parseAssignments(ts), pos };
    case 'extend':
      return { k: 'extend', items: parseAssignments(ts), pos };
    case 'project-away':
    case 'project-keep':
      return { k: t.text, patterns: parsePatterns(ts), pos };
    case 'project-rename': {
      const renames: { to: string; from: string; pos: Op['pos'] }[] = [];
      do {
        const to = ts.expectName();
        ts.expectOp('=');
        const from = ts.expectName();
        renames.push({ to: to.text, from: from.text, pos: from.token.pos });
      } while (ts.acceptOp(','));
      return { k: 'project-rename', renames, pos };
    }
    case 'summarize': {
      const aggs = ts.isWord('by') ? [] : parseAssignments(ts);
      const by = ts.acceptWord('by') ? parseAssignments(ts) : [];
      return { k: 'summarize', aggs, by, pos };
    }
    case 'order':
    case 'sort':
      ts.expectWord('by');
      return { k: 'sort', keys: parseSortKeys(ts), pos };
    case 'top': {
      const count = parseExpr(ts);
      ts.expectWord('by');
      return { k: 'top', count, keys: parseSortKeys(ts), pos };
    }
    case 'take':
    case 'limit':
      return { k: 'take', count: parseExpr(ts), pos };
    case 'distinct':
      if (ts.acceptOp('*')) return { k: 'distinct', items: [], star: true, pos };
      return { k: 'distinct', items: parseAssignments(ts), star: false, pos };
    case 'count':
      return { k: 'count', pos };
    case 'join':
      return parseJoin(ts, pos);
    case 'union':
      return parseUnion(ts, pos);
    case 'mv-expand':
    case 'mvexpand':
      return parseMvExpand(ts, pos);
    case 'parse':
      return parseParse(ts, pos);
    default:
      throw kqlErrors.parser(t.pos, t.text);
  }
}

/** `name = value` options before an operator's arguments (kind=inner, hint.strategy=…). */
function parseOptions(ts: TokenStream, names: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (;;) {
    const t = ts.peek();
    if (t.kind !== 'ident' || !ts.isOp('=', 1)) return out;
    const name = t.text.toLowerCase();
    if (!names.includes(name) && !name.startsWith('hint.')) return out;
    ts.next();
    ts.next();
    const v = ts.next();
    if (v.kind !== 'ident' && v.kind !== 'string' && v.kind !== 'number') throw kqlErrors.parser(v.pos, v.text);
    out.set(name, v.kind === 'string' ? String(v.value) : v.text);
  }
}

function parseJoin(ts: TokenStream, pos: Op['pos']): Op {
  const options = parseOptions(ts, ['kind']);
  const right = ts.isOp('(') ? parseParenTabular(ts) : tableRef(ts);
  ts.expectWord('on');
  const on: JoinKey[] = [];
  do {
    const t = ts.peek();
    if (t.kind === 'ident' && (t.text === '$left' || t.text === '$right')) {
      const a = sideColumn(ts);
      ts.expectOp('==');
      const b = sideColumn(ts);
      if (a.side === b.side) throw kqlErrors.parser(t.pos, t.text);
      on.push(a.side === 'left' ? { left: a.name, right: b.name, pos: t.pos } : { left: b.name, right: a.name, pos: t.pos });
    } else {
      const { text } = ts.expectName();
      on.push({ left: text, right: text, pos: t.pos });
    }
  } while (ts.acceptOp(',') || ts.acceptWord('and'));
  return { k: 'join', kind: options.get('kind') ?? 'innerunique', right, on, pos };
}

function sideColumn(ts: TokenStream): { side: 'left' | 'right'; name: string } {
  const t = ts.expectIdent();
  if (t.text !== '$left' && t.text !== '$right') throw kqlErrors.parser(t.pos, t.text);
  ts.expectOp('.');
  return { side: t.text === '$left' ? 'left' : 'right', name: ts.expectName().text };
}

function parseParenTabular(ts: TokenStream): Tabular {
  ts.expectOp('(');
  const q = parseTabular(ts, false);
  ts.expectOp(')');
  return q;
}

function tableRef(ts: TokenStream): Tabular {
  const t = ts.expectIdent();
  return { source: { k: 'table', name: t.text, pos: t.pos }, ops: [] };
}

function parseUnion(ts: TokenStream, pos: Op['pos']): Extract<Op, { k: 'union' }> {
  const options = parseOptions(ts, ['kind', 'withsource', 'isfuzzy']);
  const legs: Tabular[] = [];
  do legs.push(ts.isOp('(') ? parseParenTabular(ts) : tableRef(ts));
  while (ts.acceptOp(','));
  const kind = options.get('kind') === 'inner' ? 'inner' : 'outer';
  const withSource = options.get('withsource');
  return { k: 'union', kind, legs, pos, ...(withSource === undefined ? {} : { withSource }) };
}

function parseMvExpand(ts: TokenStream, pos: Op['pos']): Op {
  const options = parseOptions(ts, ['bagexpansion', 'kind', 'with_itemindex']);
  const bagAsArray = (options.get('bagexpansion') ?? options.get('kind')) === 'array';
  const itemIndex = options.get('with_itemindex');
  const items = parseAssignments(ts).map((a) => {
    if (!ts.acceptWord('to')) return a;
    ts.expectWord('typeof');
    ts.expectOp('(');
    const type = ts.expectIdent();
    ts.expectOp(')');
    const toType = TYPE_NAMES[type.text];
    if (!toType) throw kqlErrors.parser(type.pos, type.text);
    return { ...a, toType };
  });
  const limit = ts.acceptWord('limit') ? parseExpr(ts) : undefined;
  return { k: 'mv-expand', bagAsArray, items, pos, ...(itemIndex === undefined ? {} : { itemIndex }), ...(limit === undefined ? {} : { limit }) };
}

// parse [kind=simple|regex] Expr with [*] 'text' Column[:type] 'text' …
function parseParse(ts: TokenStream, pos: Op['pos']): Op {
  const options = parseOptions(ts, ['kind', 'flags']);
  const kind = options.get('kind') ?? 'simple';
  if (kind !== 'simple' && kind !== 'regex') throw kqlErrors.parser(pos, `kind=${kind}`);
  const source = parseExpr(ts);
  ts.expectWord('with');
  const elements: ParseElement[] = [];
  for (;;) {
    const t = ts.peek();
    if (t.kind === 'string') {
      ts.next();
      elements.push({ kind: 'text', text: String(t.value) });
    } else if (ts.isOp('*')) {
      ts.next();
      elements.push({ kind: 'star', text: '*' });
    } else if (t.kind === 'ident') {
      ts.next();
      let type = undefined;
      if (ts.acceptOp(':')) {
        const tn = ts.expectIdent();
        type = TYPE_NAMES[tn.text];
        if (!type) throw kqlErrors.parser(tn.pos, tn.text);
      }
      elements.push({ kind: 'column', text: t.text, ...(type === undefined ? {} : { type }) });
    } else break;
  }
  if (elements.length === 0) throw ts.fail();
  return { k: 'parse', regex: kind === 'regex', source, elements, pos };
}
