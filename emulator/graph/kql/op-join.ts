// join as a hash join on the right side. Flavors as Kusto defines them: innerunique (the default)
// keeps one left row per key, inner keeps all, leftouter/rightouter/fullouter fill the missing
// side with nulls, leftanti keeps unmatched left rows. Right columns whose names the left side
// already has get a suffix: id1, name1. Null keys never match.
import type { Op } from './ast.ts';
import { columnGetter } from './compile-expr.ts';
import { kqlErrors } from './errors.ts';
import { uniqueName } from './schema.ts';
import type { QueryContext, Stage } from './stage.ts';
import { columnCopier } from './stage.ts';
import type { Col, Row } from './types.ts';
import { ValueMap, keyOf } from './values.ts';

const SUPPORTED = new Set(['innerunique', 'inner', 'leftouter', 'rightouter', 'fullouter', 'leftanti', 'anti', 'leftantisemi']);
// Kusto flavors ARG refuses, spelled as ARG's message spells them.
const REFUSED: Record<string, string> = { leftsemi: 'LeftSemi', rightsemi: 'RightSemi', rightanti: 'RightAnti', rightantisemi: 'RightAnti', semi: 'LeftSemi' };

type JoinOp = Extract<Op, { k: 'join' }>;

/**
 * The key of a row: the value itself for a single key column (looked up in a ValueMap), a
 * composite string for several. null when any part is null: null keys never match.
 */
function keyFunction(names: readonly string[], schema: readonly Col[], op: JoinOp): (r: Row) => unknown {
  for (const [i, n] of names.entries()) {
    if (!schema.some((c) => c.name === n)) throw kqlErrors.unknownColumn('join', n, op.on[i]?.pos ?? op.pos);
  }
  const getters = names.map(columnGetter);
  if (getters.length === 1) return getters[0] as (r: Row) => unknown;
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
  const copyLeft = columnCopier(leftNames);
  const copyRight = columnCopier(rightOut.map((c) => c.from), rightOut.map((c) => c.name));
  const nullRow: Row = {};
  const combine = (l: Row | null, r: Row | null): Row => {
    const o: Row = {};
    copyLeft(l ?? nullRow, o);
    copyRight(r ?? nullRow, o);
    return o;
  };
  const keepLeft = kind === 'leftouter' || kind === 'fullouter';
  const keepRight = kind === 'rightouter' || kind === 'fullouter';

  const run = (): Row[] => {
    const rightRows = right.run();
    const index = new ValueMap<number[]>();
    for (let i = 0; i < rightRows.length; i++) {
      const k = rightKey(rightRows[i] as Row);
      if (k === null) continue;
      const list = index.get(k);
      if (list) list.push(i);
      else index.set(k, [i]);
    }
    const matched = keepRight ? new Uint8Array(rightRows.length) : null;
    const out: Row[] = [];
    const seenLeft = kind === 'innerunique' ? new ValueMap<true>() : null;
    for (const l of left.run()) {
      const k = leftKey(l);
      const hits = k === null ? undefined : index.get(k);
      if (anti) {
        if (!hits) out.push(combine(l, null));
        continue;
      }
      if (seenLeft && k !== null) {
        if (seenLeft.get(k)) continue;
        seenLeft.set(k, true);
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
