// The scalar function table and how a call becomes a closure: arguments are compiled once,
// calls with constant arguments are folded, and fixed arities avoid an array per row.
import type { Pos } from './errors.ts';
import { kqlErrors } from './errors.ts';
import { DYNAMIC_FUNCTIONS } from './functions-dynamic.ts';
import { MISC_FUNCTIONS } from './functions-misc.ts';
import { STRING_FUNCTIONS } from './functions-string.ts';
import type { Compiled, Row, Scope } from './types.ts';
import type { KType } from './values.ts';

export interface FnDef {
  min: number;
  max: number;
  type: KType | ((args: readonly Compiled[]) => KType);
  /** The plain function of the argument values. */
  impl?: (...values: unknown[]) => unknown;
  /** A custom compile: lazy branches (iff, case), the clock (now, ago), constant regexes. */
  compile?: (args: readonly Compiled[], scope: Scope, pos: Pos) => (row: Row) => unknown;
  /** Kusto names tostring(x) after x; most other calls get Column1, Column2… */
  keepsName?: boolean;
  /** False for functions whose value is not a function of their arguments. */
  pure?: boolean;
}

export const SCALAR_FUNCTIONS: Readonly<Record<string, FnDef>> = {
  ...STRING_FUNCTIONS,
  ...DYNAMIC_FUNCTIONS,
  ...MISC_FUNCTIONS,
};

export const isScalarFunction = (name: string): boolean => Object.prototype.hasOwnProperty.call(SCALAR_FUNCTIONS, name);

function callFn(impl: (...v: unknown[]) => unknown, args: readonly Compiled[]): (row: Row) => unknown {
  const fns = args.map((a) => a.fn);
  const [a, b, c, d] = fns;
  switch (fns.length) {
    case 0:
      return () => impl();
    case 1:
      return (r) => impl((a as Compiled['fn'])(r));
    case 2:
      return (r) => impl((a as Compiled['fn'])(r), (b as Compiled['fn'])(r));
    case 3:
      return (r) => impl((a as Compiled['fn'])(r), (b as Compiled['fn'])(r), (c as Compiled['fn'])(r));
    case 4:
      return (r) => impl((a as Compiled['fn'])(r), (b as Compiled['fn'])(r), (c as Compiled['fn'])(r), (d as Compiled['fn'])(r));
    default:
      return (r) => impl(...fns.map((f) => f(r)));
  }
}

export function compileCall(name: string, args: readonly Compiled[], scope: Scope, pos: Pos): Compiled {
  const def = SCALAR_FUNCTIONS[name];
  if (!def) throw kqlErrors.unknownFunction(name, pos);
  if (args.length < def.min || args.length > def.max) {
    throw kqlErrors.semantic(`Function '${name}': expected ${def.min === def.max ? def.min : `${def.min} to ${def.max}`} argument(s), got ${args.length}.`, pos);
  }
  const type = typeof def.type === 'function' ? def.type(args) : def.type;
  const fn = def.compile ? def.compile(args, scope, pos) : callFn(def.impl as (...v: unknown[]) => unknown, args);
  const first = args[0];
  const name0 = def.keepsName && first?.name !== undefined ? { name: first.name } : {};
  if (def.pure !== false && args.every((a) => a.constant)) {
    const value = fn({});
    return { fn: () => value, type, constant: true, value, ...name0 };
  }
  return { fn, type, ...name0 };
}
