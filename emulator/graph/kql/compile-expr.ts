// Scalar expressions become closures over a row, once per query run: column reads, dynamic
// paths, operators with their constant operands prepared (lower-cased needles, regexes, sets).
import { isAggregate } from './aggregates.ts';
import { arithmetic, arithmeticType } from './arith.ts';
import type { Expr } from './ast.ts';
import { kqlErrors } from './errors.ts';
import { compileCall, isScalarFunction } from './functions.ts';
import { kustoRegex } from './regex.ts';
import { keyName } from './schema.ts';
import { STRING_OPERATORS, stringPredicate, termListPredicate } from './string-ops.ts';
import type { Compiled, Row, Scope } from './types.ts';
import { constant } from './types.ts';
import type { KType } from './values.ts';
import { KSpan, arrayGet, bagGet, dynamicIndex, equals, relCompare, toNum, toStr, truth } from './values.ts';

const hasOwn = Object.prototype.hasOwnProperty;

export function columnGetter(name: string): (r: Row) => unknown {
  // Input rows may lack a column: never read it from Object.prototype.
  if (name in Object.prototype) return (r) => (hasOwn.call(r, name) ? (r[name] ?? null) : null);
  return (r) => {
    const v = r[name];
    return v === undefined ? null : v;
  };
}

export function compileExpr(e: Expr, scope: Scope): Compiled {
  switch (e.k) {
    case 'lit':
      return constant(e.value, e.type);
    case 'name': {
      const col = scope.columns.get(e.name);
      if (col) return { fn: columnGetter(e.name), type: col.type, name: e.name };
      const scalar = scope.scalars.get(e.name);
      if (scalar) return { ...scalar, name: e.name };
      throw kqlErrors.unknownColumn(scope.operator, e.name, e.pos);
    }
    case 'member':
    case 'index':
      return compilePath(e, scope);
    case 'call':
      if (isAggregate(e.name) && !isScalarFunction(e.name)) {
        throw kqlErrors.semantic(`'${scope.operator}' operator: the aggregation function '${e.name}' can only be used in summarize`, e.pos);
      }
      if (e.args.some((a) => a.k === 'star')) throw kqlErrors.parser(e.pos, '*');
      return compileCall(e.name, e.args.map((a) => compileExpr(a, scope)), scope, e.pos);
    case 'star':
      throw kqlErrors.parser(e.pos, '*');
    case 'unary': {
      const x = compileExpr(e.operand, scope);
      if (e.op === '+') return x;
      const neg = (v: unknown): unknown => (v instanceof KSpan ? new KSpan(-v.ms) : ((n) => (n === null ? null : -n))(toNum(v)));
      return fold({ fn: (r) => neg(x.fn(r)), type: x.type }, [x]);
    }
    case 'binary':
      return compileBinary(e, scope);
    case 'list':
      return compileList(e, scope);
    case 'between': {
      const x = compileExpr(e.left, scope);
      const lo = compileExpr(e.low, scope);
      const hi = compileExpr(e.high, scope);
      const neg = e.negated;
      const fn = (r: Row): boolean | null => {
        const v = x.fn(r);
        const a = relCompare(v, lo.fn(r));
        const b = relCompare(v, hi.fn(r));
        if (a === null || b === null) return null;
        const inside = a >= 0 && b <= 0;
        return neg ? !inside : inside;
      };
      return fold({ fn, type: 'bool' }, [x, lo, hi]);
    }
  }
}

/** Folds an expression whose operands are all constant into its value. */
function fold(c: Compiled, parts: readonly Compiled[]): Compiled {
  if (!parts.every((p) => p.constant)) return c;
  const value = c.fn({});
  return { ...c, fn: () => value, constant: true, value };
}

type Step = { key: string } | { index: number } | { dyn: Compiled };

function compilePath(e: Expr, scope: Scope): Compiled {
  const steps: Step[] = [];
  let base = e;
  while (base.k === 'member' || base.k === 'index') {
    if (base.k === 'member') steps.unshift({ key: base.key });
    else {
      const idx = compileExpr(base.index, scope);
      if (idx.constant && typeof idx.value === 'string') steps.unshift({ key: idx.value });
      else if (idx.constant && typeof idx.value === 'number') steps.unshift({ index: idx.value });
      else steps.unshift({ dyn: idx });
    }
    base = base.obj;
  }
  const root = compileExpr(base, scope);
  const get = root.fn;
  const named = root.name !== undefined && steps.every((s) => !('dyn' in s));
  const name = named
    ? [root.name, ...steps.map((s) => ('key' in s ? keyName(s.key) : String((s as { index: number }).index)))].join('_')
    : undefined;
  let fn: (r: Row) => unknown;
  const keysOnly = steps.every((s) => 'key' in s);
  const keys = keysOnly ? steps.map((s) => (s as { key: string }).key) : [];
  if (root.type === 'datetime' || root.type === 'timespan') {
    fn = () => null;
  } else if (keysOnly && !keys.some((k) => k in Object.prototype)) {
    // The common properties.a.b.c: plain reads, arrays and scalars answer null.
    fn = (r) => {
      let v = get(r);
      for (let i = 0; i < keys.length; i++) {
        if (v === null || typeof v !== 'object' || Array.isArray(v)) return null;
        v = (v as Record<string, unknown>)[keys[i] as string];
        if (v === undefined) return null;
      }
      return v;
    };
  } else {
    const ops = steps.map((s): ((v: unknown, r: Row) => unknown) => {
      if ('key' in s) return (v) => bagGet(v, s.key);
      if ('index' in s) return (v) => arrayGet(v, s.index);
      return (v, r) => dynamicIndex(v, s.dyn.fn(r));
    });
    fn = (r) => {
      let v = get(r);
      for (let i = 0; i < ops.length; i++) {
        if (v === null || typeof v !== 'object') return null;
        v = (ops[i] as (v: unknown, r: Row) => unknown)(v, r);
      }
      return v;
    };
  }
  return fold({ fn, type: 'dynamic', ...(name === undefined ? {} : { name }) }, [root, ...steps.flatMap((s) => ('dyn' in s ? [s.dyn] : []))]);
}

const not = (v: boolean | null): boolean | null => (v === null ? null : !v);

function compileBinary(e: Extract<Expr, { k: 'binary' }>, scope: Scope): Compiled {
  const l = compileExpr(e.left, scope);
  const r = compileExpr(e.right, scope);
  const lf = l.fn;
  const rf = r.fn;
  const op = e.op;
  const bool = (fn: (row: Row) => unknown): Compiled => fold({ fn, type: 'bool' }, [l, r]);
  switch (op) {
    case 'and':
      return bool((row) => {
        const a = truth(lf(row));
        if (a === false) return false;
        const b = truth(rf(row));
        if (b === false) return false;
        return a === null || b === null ? null : true;
      });
    case 'or':
      return bool((row) => {
        const a = truth(lf(row));
        if (a === true) return true;
        const b = truth(rf(row));
        if (b === true) return true;
        return a === null || b === null ? null : false;
      });
    case '==':
    case '!=': {
      const negate = op === '!=';
      if (r.constant && typeof r.value === 'string') {
        const c = r.value;
        return bool(negate ? (row) => { const v = lf(row); return typeof v === 'string' ? v !== c : not(equals(v, c)); }
          : (row) => { const v = lf(row); return typeof v === 'string' ? v === c : equals(v, c); });
      }
      return bool(negate ? (row) => not(equals(lf(row), rf(row))) : (row) => equals(lf(row), rf(row)));
    }
    case '=~':
    case '!~': {
      const negate = op === '!~';
      if (r.constant) {
        const c = toStr(r.value).toLowerCase();
        return bool((row) => (toStr(lf(row)).toLowerCase() === c) !== negate);
      }
      return bool((row) => (toStr(lf(row)).toLowerCase() === toStr(rf(row)).toLowerCase()) !== negate);
    }
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const test = op === '<' ? (n: number) => n < 0 : op === '<=' ? (n: number) => n <= 0 : op === '>' ? (n: number) => n > 0 : (n: number) => n >= 0;
      return bool((row) => {
        const c = relCompare(lf(row), rf(row));
        return c === null || Number.isNaN(c) ? null : test(c);
      });
    }
    case '+':
    case '-':
    case '*':
    case '/':
    case '%': {
      const f = arithmetic(op, l.type !== 'real' && r.type !== 'real');
      return fold({ fn: (row) => f(lf(row), rf(row)), type: arithmeticType(op, l.type, r.type) }, [l, r]);
    }
    case 'matches regex': {
      if (r.constant) {
        const re = kustoRegex(toStr(r.value), '', e.pos);
        return bool((row) => re.test(toStr(lf(row))));
      }
      return bool((row) => kustoRegex(toStr(rf(row)), '', e.pos).test(toStr(lf(row))));
    }
    default: {
      if (!STRING_OPERATORS.has(op)) throw kqlErrors.parser(e.pos, op);
      if (r.constant) {
        const test = stringPredicate(op, r.value);
        return bool((row) => test(lf(row)));
      }
      return bool((row) => stringPredicate(op, rf(row))(lf(row)));
    }
  }
}

// in / !in / in~ / !in~ / has_any / has_all. Arrays in the list (dynamic or lets) are spread.
function compileList(e: Extract<Expr, { k: 'list' }>, scope: Scope): Compiled {
  const l = compileExpr(e.left, scope);
  const items = e.items.map((i) => compileExpr(i, scope));
  const lf = l.fn;
  const spread = (vals: unknown[]): unknown[] => vals.flatMap((v) => (Array.isArray(v) ? (v as unknown[]) : [v]));
  const values = (row: Row): unknown[] => spread(items.map((i) => i.fn(row)));
  const allConstant = items.every((i) => i.constant);
  const type: KType = 'bool';
  if (e.op === 'has_any' || e.op === 'has_all') {
    const all = e.op === 'has_all';
    if (allConstant) {
      const test = termListPredicate(all, values({}));
      return fold({ fn: (row) => test(lf(row)), type }, [l]);
    }
    return { fn: (row) => termListPredicate(all, values(row))(lf(row)), type };
  }
  const negate = e.op.startsWith('!');
  const insensitive = e.op.endsWith('~');
  if (insensitive) {
    const lower = (vals: unknown[]): Set<string> => new Set(vals.map((v) => toStr(v).toLowerCase()));
    const fixed = allConstant ? lower(values({})) : null;
    return fold({ fn: (row) => (fixed ?? lower(values(row))).has(toStr(lf(row)).toLowerCase()) !== negate, type }, [l, ...items]);
  }
  if (allConstant) {
    const vals = values({});
    if (vals.every((v) => typeof v === 'string')) {
      const set = new Set(vals as string[]);
      const fn = (row: Row): boolean | null => {
        const v = lf(row);
        if (typeof v === 'string') return set.has(v) !== negate;
        if (v === null || v === undefined) return negate;
        return set.has(toStr(v)) !== negate;
      };
      return fold({ fn, type }, [l]);
    }
    return fold({ fn: (row) => { const v = lf(row); return vals.some((x) => equals(v, x) === true) !== negate; }, type }, [l]);
  }
  return { fn: (row) => { const v = lf(row); return values(row).some((x) => equals(v, x) === true) !== negate; }, type };
}
