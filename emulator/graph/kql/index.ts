// The KQL engine of the local Azure Resource Graph: the only module the endpoint imports.
// parseQuery() turns query text into a cacheable AST (or throws ARG's ParserFailure and friends);
// evaluate() runs it over the tables the endpoint builds; runQuery() does both.
import type { ParsedQuery } from './ast.ts';
import { runParsed } from './compile-query.ts';
import { KqlError } from './errors.ts';
import { parse } from './parser.ts';
import type { ColumnType } from './schema.ts';

export { KqlError } from './errors.ts';
export type { KqlErrorDetail } from './errors.ts';
export type { ColumnType } from './schema.ts';
export { LIMITS } from './limits.ts';

export type Row = Record<string, unknown>;

export interface QueryInput {
  /** Lower-cased table name -> rows. Names: 'resources', 'resourcecontainers', 'recoveryservicesresources', ... */
  table(name: string): readonly Row[] | undefined;
  /**
   * Optional: a table's columns in order. Without it the engine uses ARG's standard resource
   * columns plus any other key the rows carry.
   */
  columns?(name: string): readonly { name: string; type: ColumnType }[] | undefined;
  /** For now()/ago(); default new Date(). */
  now?: Date;
}

export interface QueryResult {
  columns: { name: string; type: ColumnType }[];
  /** Objects keyed by column name, in column order; datetimes back as ISO strings. Read-only: dynamic values may be shared with the input rows. */
  rows: Row[];
  /** true when the query's last effective operator fixes an order (order/sort by, top). */
  ordered: boolean;
  /** true when the query limits rows itself (take/limit/top) — ARG then refuses $skipToken paging. */
  limited: boolean;
}

/** Throws KqlError (ParserFailure, UnknownFunction, operator limits…). The result can be cached by query text. */
export function parseQuery(query: string): unknown {
  return parse(query);
}

function isParsedQuery(ast: unknown): ast is ParsedQuery {
  return typeof ast === 'object' && ast !== null && (ast as { kind?: unknown }).kind === 'kql-query';
}

/** Throws KqlError for unknown tables and columns and other semantic errors. */
export function evaluate(ast: unknown, input: QueryInput): QueryResult {
  if (!isParsedQuery(ast)) throw new TypeError('evaluate() takes what parseQuery() returned');
  return runParsed(ast, input);
}

export function runQuery(query: string, input: QueryInput): QueryResult {
  return evaluate(parseQuery(query), input);
}

export const isKqlError = (e: unknown): e is KqlError => e instanceof KqlError;
