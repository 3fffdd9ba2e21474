// The parsed query: plain data, no row logic, so the endpoint can cache it by query text.
import type { Pos } from './errors.ts';
import type { KType } from './values.ts';

export type Expr =
  | { k: 'lit'; value: unknown; type: KType; pos: Pos }
  | { k: 'name'; name: string; pos: Pos }
  | { k: 'member'; obj: Expr; key: string; pos: Pos }
  | { k: 'index'; obj: Expr; index: Expr; pos: Pos }
  | { k: 'call'; name: string; args: Expr[]; pos: Pos }
  | { k: 'star'; pos: Pos }
  | { k: 'unary'; op: '-' | '+'; operand: Expr; pos: Pos }
  | { k: 'binary'; op: string; left: Expr; right: Expr; pos: Pos }
  | { k: 'list'; op: string; left: Expr; items: Expr[]; pos: Pos }
  | { k: 'between'; negated: boolean; left: Expr; low: Expr; high: Expr; pos: Pos };

/** `name = expr` or a bare `expr` in project, extend, summarize, by, mv-expand… */
export interface Assign {
  name?: string;
  expr: Expr;
  pos: Pos;
}

export interface SortKey {
  expr: Expr;
  desc: boolean;
  nullsFirst: boolean;
}

export interface ParseElement {
  kind: 'text' | 'column' | 'star';
  text: string;
  type?: KType;
}

export type Op =
  | { k: 'where'; pred: Expr; pos: Pos }
  | { k: 'project'; items: Assign[]; pos: Pos }
  | { k: 'extend'; items: Assign[]; pos: Pos }
  | { k: 'project-away' | 'project-keep'; patterns: { text: string; pos: Pos }[]; pos: Pos }
  | { k: 'project-rename'; renames: { to: string; from: string; pos: Pos }[]; pos: Pos }
  | { k: 'summarize'; aggs: Assign[]; by: Assign[]; pos: Pos }
  | { k: 'sort'; keys: SortKey[]; pos: Pos }
  | { k: 'top'; count: Expr; keys: SortKey[]; pos: Pos }
  | { k: 'take'; count: Expr; pos: Pos }
  | { k: 'distinct'; items: Assign[]; star: boolean; pos: Pos }
  | { k: 'count'; pos: Pos }
  | { k: 'join'; kind: string; right: Tabular; on: JoinKey[]; pos: Pos }
  | { k: 'union'; kind: 'inner' | 'outer'; withSource?: string; legs: Tabular[]; pos: Pos }
  | { k: 'mv-expand'; bagAsArray: boolean; itemIndex?: string; items: (Assign & { toType?: KType })[]; limit?: Expr; pos: Pos }
  | { k: 'parse'; regex: boolean; source: Expr; elements: ParseElement[]; pos: Pos };

export interface JoinKey {
  left: string;
  right: string;
  pos: Pos;
}

export type Source =
  | { k: 'table'; name: string; pos: Pos }
  | { k: 'sub'; query: Tabular; pos: Pos }
  | { k: 'union'; op: Extract<Op, { k: 'union' }>; pos: Pos };

export interface Tabular {
  source: Source;
  ops: Op[];
}

export type Let = { name: string; pos: Pos } & ({ kind: 'scalar'; expr: Expr } | { kind: 'tabular'; query: Tabular });

export interface ParsedQuery {
  readonly kind: 'kql-query';
  readonly lets: readonly Let[];
  readonly body: Tabular;
  /** take/limit/top appear somewhere: ARG refuses $skipToken paging for such queries. */
  readonly limited: boolean;
}
