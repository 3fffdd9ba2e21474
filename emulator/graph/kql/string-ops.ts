// Kusto's string predicates. `has` matches whole terms: maximal runs of ASCII letters and digits
// (learn.microsoft.com/kusto/query/datatypes-string-operators); `contains` is a plain substring.
// Both, like startswith/endswith, ignore case unless the operator ends in _cs.
import { toStr } from './values.ts';

const isTermChar = (code: number): boolean =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

function hasTerm(hay: string, needle: string, prefixOnly: boolean, suffixOnly: boolean): boolean {
  if (needle === '') return true;
  const first = isTermChar(needle.charCodeAt(0));
  const last = isTermChar(needle.charCodeAt(needle.length - 1));
  let from = 0;
  for (;;) {
    const at = hay.indexOf(needle, from);
    if (at < 0) return false;
    const end = at + needle.length;
    const okStart = suffixOnly || !first || at === 0 || !isTermChar(hay.charCodeAt(at - 1));
    const okEnd = prefixOnly || !last || end === hay.length || !isTermChar(hay.charCodeAt(end));
    if (okStart && okEnd) return true;
    from = at + 1;
  }
}

type Test = (hay: string, needle: string) => boolean;

const BASE: Record<string, Test> = {
  has: (h, n) => hasTerm(h, n, false, false),
  hasprefix: (h, n) => hasTerm(h, n, true, false),
  hassuffix: (h, n) => hasTerm(h, n, false, true),
  contains: (h, n) => h.includes(n),
  startswith: (h, n) => h.startsWith(n),
  endswith: (h, n) => h.endsWith(n),
};

export const STRING_OPERATORS: ReadonlySet<string> = new Set(
  Object.keys(BASE).flatMap((op) => [op, `!${op}`, `${op}_cs`, `!${op}_cs`]),
);

/**
 * A predicate over the left value for `left <op> needle`. With a constant needle the case
 * folding of the needle happens once, here.
 */
export function stringPredicate(op: string, needle: unknown): (left: unknown) => boolean {
  const negated = op.startsWith('!');
  const cs = op.endsWith('_cs');
  const base = op.replace(/^!/, '').replace(/_cs$/, '');
  const test = BASE[base];
  if (!test) throw new Error(`not a string operator: ${op}`);
  const n = cs ? toStr(needle) : toStr(needle).toLowerCase();
  if (cs) return negated ? (v) => !test(toStr(v), n) : (v) => test(toStr(v), n);
  return negated ? (v) => !test(toStr(v).toLowerCase(), n) : (v) => test(toStr(v).toLowerCase(), n);
}

/** has_any / has_all over a list of needles. */
export function termListPredicate(all: boolean, needles: readonly unknown[]): (left: unknown) => boolean {
  const ns = needles.map((n) => toStr(n).toLowerCase());
  return (v) => {
    const h = toStr(v).toLowerCase();
    return all ? ns.every((n) => hasTerm(h, n, false, false)) : ns.some((n) => hasTerm(h, n, false, false));
  };
}
