// join as a hash join on the right side. Flavors as Kusto defines them: innerunique (the default)
// keeps one left row per key, inner keeps all, leftouter/rightouter/fullouter fill the missing
// side with nulls, leftanti keeps unmatched left rows. Right columns whose names the left side
// already has get a suffix: id1, name1. Null keys never match.
import type { Op } from './ast.ts';
import { columnGetter } from './compile-expr.ts';
import { kqlErrors } from './errors.ts';
import { uniqueName } from './schema.ts';
import type { QueryContext, Stage } from './stage.ts';
import type { Col, Row } from './types.ts';
import { keyOf } from './values.ts';

const SUPPORTED = new Set(['innerunique', 'inner', 'leftouter', 'rightouter', 'fullouter', 'leftanti', 'anti', 'leftantisemi']);
// Kusto flavors ARG refuses, spelled as ARG's message spells them.
const REFUSED: Record<string, string> = { leftsemi: 'LeftSemi', rightsemi: 'RightSemi', rightanti: 'RightAnti', rightantisemi: 'RightAnti', semi: 'LeftSemi' };

type JoinOp = Extract<Op, { k: 'join' }>;

function keyFunction(names: readonly string[], schema: readonly Col[], op: JoinOp): (r: Row) => string | null {
  for (const [i, n] of names.entries()) {
    if (!schema.some((c) => c.name === n)) throw kqlErrors.unknownColumn('join', n, op.on[i]?.pos ?? op.pos);
  }
  const getters = names.map(columnGetter);
  if (getters.length === 1) {
    const g = getters[0] as (r: Row) => unknown;
    return (r) => {
      const v = g(r);
      return v === null ? null : keyOf(v);
    };
  }
  return (r) => {
    let key = '';
    for (const g of getters) {
      const v = g(r);
      if (v === null) return null;
      key += `${keyOf(v)}\u0001`;
    }
    return key;
  };
}

export function join(op: JoinOp, left: Stage, ctx: QueryContext): Stage {
  const kind = op.kind.toLowerCase();
  const refused = REFUSED[kind];
  if (refused) throw kqlErrors.unsupportedJoinFlavor(refused, op.pos);
  if (!SUPPORTED.has(kind)) throw kqlErrors.parser(op.pos, `kind=${op.kind}`);
  const right = ctx.subquery(op.right);
  const leftKey = keyFunction(op.on.map((k) => k.left), left.schema, op);
  const rightKey = keyFunction(op.on.map((k) => k.right), right.schema, op);
  const anti = kind === 'leftanti' || kind === 'anti' || kind === 'leftantisemi';

  // Only right columns the left side has are renamed, to a name neither side uses.
  const leftNames = left.schema.map((c) => c.name);
  const taken = new Set([...leftNames, ...right.schema.map((c) => c.name)]);
  const rightOut = anti
    ? []
    : right.schema.map((c) => {
        if (!leftNames.includes(c.name)) return { from: c.name, name: c.name, type: c.type };
        const name = uniqueName(c.name, taken);
        taken.add(name);
        return { from: c.name, name, type: c.type };
      });
  const schema: Col[] = [...left.schema.map((c) => ({ ...c })), ...rightOut.map(({ name, type }) => ({ name, type }))];
  const leftGet = leftNames.map(columnGetter);
  const rightGet = rightOut.map((c) => columnGetter(c.from));
  const combine = (l: Row | null, r: Row | null): Row => {
    const o: Row = {};
    for (let i = 0; i < leftNames.length; i++) o[leftNames[i] as string] = l ? (leftGet[i] as (r: Row) => unknown)(l) : null;
    for (let i = 0; i < rightOut.length; i++) o[(rightOut[i] as { name: string }).name] = r ? (rightGet[i] as (r: Row) => unknown)(r) : null;
    return o;
  };
  const keepLeft = kind === 'leftouter' || kind === 'fullouter';
  const keepRight = kind === 'rightouter' || kind === 'fullouter';

  const run = (): Row[] => {
    const rightRows = right.run();
    const index = new Map<string, number[]>();
    for (let i = 0; i < rightRows.length; i++) {
      const k = rightKey(rightRows[i] as Row);
      if (k === null) continue;
      const list = index.get(k);
      if (list) list.push(i);
      else index.set(k, [i]);
    }
    const matched = keepRight ? new Uint8Array(rightRows.length) : null;
    const out: Row[] = [];
    const seenLeft = kind === 'innerunique' ? new Set<string>() : null;
    for (const l of left.run()) {
      const k = leftKey(l);
      const hits = k === null ? undefined : index.get(k);
      if (anti) {
        if (!hits) out.push(combine(l, null));
        continue;
      }
      if (seenLeft && k !== null) {
        if (seenLeft.has(k)) continue;
        seenLeft.add(k);
      }
      if (!hits) {
        if (keepLeft) out.push(combine(l, null));
        continue;
      }
      for (const i of hits) {
        if (matched) matched[i] = 1;
        out.push(combine(l, rightRows[i] as Row));
      }
    }
    if (matched) for (let i = 0; i < rightRows.length; i++) if (!matched[i]) out.push(combine(null, rightRows[i] as Row));
    return out;
  };
  return { schema, ordered: false, fresh: true, run };
}
