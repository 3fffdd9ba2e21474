// Scalar expressions, by Kusto's precedence: or < and < comparisons (==, =~, has, contains, in,
// between, matches regex…) < + - < * / % < unary < postfix (.member, [index]) < primary.
import { isAggregate } from './aggregates.ts';
import type { Expr } from './ast.ts';
import { kqlErrors } from './errors.ts';
import { isScalarFunction } from './functions.ts';
import { STRING_OPERATORS } from './string-ops.ts';
import type { TokenStream } from './token-stream.ts';
import type { KType } from './values.ts';
import { KDate, KSpan, parseDate, toDate } from './values.ts';

// Words that cannot name a column. ARG reports `where where` at the token after the second
// `where` (<EOF>, position 11): for operator names the failure points past the keyword.
const OPERATOR_WORDS = new Set([
  'where', 'filter', 'project', 'extend', 'summarize', 'order', 'sort', 'top', 'take', 'limit', 'distinct', 'join', 'union',
  'mv-expand', 'mvexpand', 'project-away', 'project-keep', 'project-rename', 'parse',
]);
const RESERVED = new Set(['by', 'and', 'or', 'on', 'let', 'asc', 'desc', 'with']);

const COMPARISONS = new Set(['==', '!=', '<>', '<', '<=', '>', '>=', '=~', '!~']);
const LIST_OPS = new Set(['in', '!in', 'in~', '!in~', 'has_any', 'has_all']);

// Type names accepted in typeof(), to typeof() and typed literals such as long(null).
export const TYPE_NAMES: Readonly<Record<string, KType>> = {
  string: 'string', long: 'long', int: 'int', real: 'real', double: 'real', decimal: 'real', bool: 'bool', boolean: 'bool',
  datetime: 'datetime', date: 'datetime', timespan: 'timespan', time: 'timespan', dynamic: 'dynamic', guid: 'string',
};

export function parseExpr(ts: TokenStream): Expr {
  return parseOr(ts);
}

function parseOr(ts: TokenStream): Expr {
  let left = parseAnd(ts);
  while (ts.isWord('or')) {
    const pos = ts.next().pos;
    left = { k: 'binary', op: 'or', left, right: parseAnd(ts), pos };
  }
  return left;
}

function parseAnd(ts: TokenStream): Expr {
  let left = parseComparison(ts);
  while (ts.isWord('and')) {
    const pos = ts.next().pos;
    left = { k: 'binary', op: 'and', left, right: parseComparison(ts), pos };
  }
  return left;
}

function parseComparison(ts: TokenStream): Expr {
  const left = parseAdditive(ts);
  const t = ts.peek();
  const text = t.text;
  if ((t.kind === 'op' && COMPARISONS.has(text)) || ((t.kind === 'ident' || t.kind === 'op') && STRING_OPERATORS.has(text))) {
    ts.next();
    return { k: 'binary', op: text === '<>' ? '!=' : text, left, right: parseAdditive(ts), pos: t.pos };
  }
  if ((t.kind === 'ident' || t.kind === 'op') && LIST_OPS.has(text)) {
    ts.next();
    ts.expectOp('(');
    const items: Expr[] = [];
    if (!ts.isOp(')')) {
      do items.push(parseExpr(ts));
      while (ts.acceptOp(','));
    }
    ts.expectOp(')');
    return { k: 'list', op: text, left, items, pos: t.pos };
  }
  if (t.kind === 'ident' && text === 'matches' && ts.isWord('regex', 1)) {
    ts.next();
    ts.next();
    return { k: 'binary', op: 'matches regex', left, right: parseAdditive(ts), pos: t.pos };
  }
  if ((t.kind === 'ident' && text === 'between') || (t.kind === 'op' && text === '!between')) {
    ts.next();
    ts.expectOp('(');
    const low = parseAdditive(ts);
    ts.expectOp('..');
    const high = parseAdditive(ts);
    ts.expectOp(')');
    return { k: 'between', negated: text !== 'between', left, low, high, pos: t.pos };
  }
  return left;
}

function parseAdditive(ts: TokenStream): Expr {
  let left = parseMultiplicative(ts);
  while (ts.isOp('+') || ts.isOp('-')) {
    const t = ts.next();
    left = { k: 'binary', op: t.text, left, right: parseMultiplicative(ts), pos: t.pos };
  }
  return left;
}

function parseMultiplicative(ts: TokenStream): Expr {
  let left = parseUnary(ts);
  while (ts.isOp('*') || ts.isOp('/') || ts.isOp('%')) {
    const t = ts.next();
    left = { k: 'binary', op: t.text, left, right: parseUnary(ts), pos: t.pos };
  }
  return left;
}

function parseUnary(ts: TokenStream): Expr {
  if (ts.isOp('-') || ts.isOp('+')) {
    const t = ts.next();
    return { k: 'unary', op: t.text as '-' | '+', operand: parseUnary(ts), pos: t.pos };
  }
  return parsePostfix(ts, parsePrimary(ts));
}

function parsePostfix(ts: TokenStream, base: Expr): Expr {
  let e = base;
  for (;;) {
    if (ts.isOp('.') && ts.isOp('[', 1)) {
      ts.next();
      continue;
    }
    if (ts.isOp('.')) {
      const dot = ts.next();
      const key = ts.peek();
      if (key.kind !== 'ident') throw ts.fail();
      ts.next();
      e = { k: 'member', obj: e, key: key.text, pos: dot.pos };
      continue;
    }
    if (ts.isOp('[')) {
      const open = ts.next();
      const index = parseExpr(ts);
      ts.expectOp(']');
      e = { k: 'index', obj: e, index, pos: open.pos };
      continue;
    }
    return e;
  }
}

function parsePrimary(ts: TokenStream): Expr {
  const t = ts.peek();
  if (t.kind === 'number') {
    ts.next();
    const isReal = /[.eE]/.test(t.text);
    return { k: 'lit', value: t.value, type: isReal ? 'real' : 'long', pos: t.pos };
  }
  if (t.kind === 'timespan') {
    ts.next();
    return { k: 'lit', value: t.value, type: 'timespan', pos: t.pos };
  }
  if (t.kind === 'string') {
    ts.next();
    let value = String(t.value);
    // Adjacent string literals concatenate.
    while (ts.peek().kind === 'string') value += String(ts.next().value);
    return { k: 'lit', value, type: 'string', pos: t.pos };
  }
  if (ts.isOp('(')) {
    ts.next();
    const e = parseExpr(ts);
    ts.expectOp(')');
    return e;
  }
  if (ts.isOp('[')) {
    // ['column name'] / ["column name"]
    const { text } = ts.expectName();
    return { k: 'name', name: text, pos: t.pos };
  }
  if (t.kind !== 'ident' || RESERVED.has(t.text)) throw ts.fail();
  ts.next();
  if (OPERATOR_WORDS.has(t.text) && !ts.isOp('(')) throw ts.fail();
  if (t.text === 'true' || t.text === 'false') return { k: 'lit', value: t.text === 'true', type: 'bool', pos: t.pos };
  if (!ts.isOp('(')) return { k: 'name', name: t.text, pos: t.pos };
  if (t.text === 'dynamic') return parseDynamicLiteral(ts, t.pos);
  if (t.text === 'datetime') return parseDatetimeLiteral(ts, t.pos);
  if (t.text === 'typeof') {
    ts.expectOp('(');
    const name = ts.expectIdent();
    ts.expectOp(')');
    if (!TYPE_NAMES[name.text]) throw kqlErrors.parser(name.pos, name.text);
    return { k: 'lit', value: name.text, type: 'string', pos: t.pos };
  }
  const typed = TYPE_NAMES[t.text];
  if (typed && !isScalarFunction(t.text)) return parseTypedLiteral(ts, typed, t.pos);
  if (!isScalarFunction(t.text) && !isAggregate(t.text)) throw kqlErrors.unknownFunction(t.text, t.pos);
  ts.expectOp('(');
  const args: Expr[] = [];
  if (!ts.isOp(')')) {
    do {
      if (ts.isOp('*')) args.push({ k: 'star', pos: ts.next().pos });
      else args.push(parseExpr(ts));
    } while (ts.acceptOp(','));
  }
  ts.expectOp(')');
  return { k: 'call', name: t.text, args, pos: t.pos };
}

// long(null), bool(true), real(1.5), timespan(1d), string('x')…
function parseTypedLiteral(ts: TokenStream, type: KType, pos: Expr['pos']): Expr {
  ts.expectOp('(');
  if (ts.acceptWord('null')) {
    ts.expectOp(')');
    return { k: 'lit', value: type === 'string' ? '' : null, type, pos };
  }
  const sign = ts.acceptOp('-') ? -1 : 1;
  const t = ts.next();
  ts.expectOp(')');
  let value: unknown;
  if (type === 'bool' && t.kind === 'ident' && (t.text === 'true' || t.text === 'false')) value = t.text === 'true';
  else if ((type === 'long' || type === 'int' || type === 'real') && t.kind === 'number') value = sign * Number(t.value);
  else if (type === 'timespan' && t.kind === 'timespan') value = new KSpan(sign * (t.value as KSpan).ms);
  else if (type === 'string' && t.kind === 'string') value = t.value;
  else throw kqlErrors.parser(t.pos, t.text);
  return { k: 'lit', value, type, pos };
}

function parseDatetimeLiteral(ts: TokenStream, pos: Expr['pos']): Expr {
  ts.expectOp('(');
  const t = ts.next();
  if (t.kind !== 'raw' && t.kind !== 'string') throw kqlErrors.parser(t.pos, t.text);
  const value: KDate | null = t.kind === 'string' ? toDate(t.value) : t.text === 'null' ? null : parseDate(t.text);
  if (value === null && t.text !== 'null') throw kqlErrors.parser(t.pos, t.text);
  ts.expectOp(')');
  return { k: 'lit', value, type: 'datetime', pos };
}

function parseDynamicLiteral(ts: TokenStream, pos: Expr['pos']): Expr {
  ts.expectOp('(');
  const value = parseJson(ts);
  ts.expectOp(')');
  return { k: 'lit', value, type: 'dynamic', pos };
}

function parseJson(ts: TokenStream): unknown {
  const t = ts.peek();
  if (ts.acceptOp('[')) {
    const items: unknown[] = [];
    if (!ts.isOp(']')) {
      do items.push(parseJson(ts));
      while (ts.acceptOp(','));
    }
    ts.expectOp(']');
    return items;
  }
  if (ts.acceptOp('{')) {
    const bag: Record<string, unknown> = {};
    if (!ts.isOp('}')) {
      do {
        const key = ts.next();
        if (key.kind !== 'string' && key.kind !== 'ident') throw kqlErrors.parser(key.pos, key.text);
        ts.expectOp(':');
        bag[key.kind === 'string' ? String(key.value) : key.text] = parseJson(ts);
      } while (ts.acceptOp(','));
    }
    ts.expectOp('}');
    return bag;
  }
  if (ts.acceptOp('-')) {
    const n = ts.next();
    if (n.kind !== 'number') throw kqlErrors.parser(n.pos, n.text);
    return -Number(n.value);
  }
  ts.next();
  if (t.kind === 'string' || t.kind === 'number') return t.value;
  if (t.kind === 'ident' && (t.text === 'true' || t.text === 'false')) return t.text === 'true';
  if (t.kind === 'ident' && t.text === 'null') return null;
  throw kqlErrors.parser(t.pos, t.text);
}
