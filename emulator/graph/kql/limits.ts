// Azure Resource Graph's query limits (learn.microsoft.com, "Understand the Azure Resource Graph
// query language", Supported tabular/top level operators) and where the query counts them.
import type { Op, ParsedQuery, Source, Tabular } from './ast.ts';
import { kqlErrors } from './errors.ts';

export const LIMITS = {
  /** "There's a default limit of 3 join and 3 mv-expand operators in a single Resource Graph SDK query." */
  joins: 3,
  mvExpands: 3,
  /** "Limit of 3 union legs in a single query." */
  unionLegs: 3,
  /** mv-expand "RowLimit max of 400. The default is 128." (per input row) */
  mvExpandDefaultRows: 128,
  mvExpandMaxRows: 400,
} as const;

interface Counts {
  joins: number;
  mvExpands: number;
  limited: boolean;
}

function visitSource(s: Source, c: Counts): void {
  if (s.k === 'sub') visitTabular(s.query, c);
  if (s.k === 'union') visitOp(s.op, c);
}

function visitOp(op: Op, c: Counts): void {
  if (op.k === 'join') {
    c.joins++;
    visitTabular(op.right, c);
  } else if (op.k === 'union') op.legs.forEach((l) => visitTabular(l, c));
  else if (op.k === 'mv-expand') c.mvExpands++;
  else if (op.k === 'take' || op.k === 'top') c.limited = true;
}

function visitTabular(t: Tabular, c: Counts): void {
  visitSource(t.source, c);
  t.ops.forEach((op) => visitOp(op, c));
}

/**
 * Checks the operator limits over the whole query (lets included) and tells whether the query
 * limits its own rows (take/limit/top anywhere), which makes ARG refuse $skipToken paging.
 */
export function checkLimits(q: ParsedQuery): { limited: boolean } {
  const c: Counts = { joins: 0, mvExpands: 0, limited: false };
  for (const l of q.lets) if (l.kind === 'tabular') visitTabular(l.query, c);
  visitTabular(q.body, c);
  if (c.joins > LIMITS.joins) throw kqlErrors.tooManyJoins(c.joins, LIMITS.joins);
  if (c.mvExpands > LIMITS.mvExpands) throw kqlErrors.tooManyMvExpands(c.mvExpands, LIMITS.mvExpands);
  return { limited: c.limited };
}
