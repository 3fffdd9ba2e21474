// Shapes shared by the compiler: a row, a column of a stage's schema, a compiled scalar.
import type { KType } from './values.ts';

export type Row = Record<string, unknown>;

export interface Col {
  name: string;
  type: KType;
}

/** A scalar expression turned into a closure over one row, with what the compiler knows of it. */
export interface Compiled {
  fn: (row: Row) => unknown;
  type: KType;
  /** The column name Kusto would give it when the query names none. */
  name?: string;
  /** Known before any row is read (literals, lets, now(), ago(7d), tolower('X')…). */
  constant?: boolean;
  value?: unknown;
}

/** What a scalar expression can see: the stage's columns, the query's lets and the clock. */
export interface Scope {
  columns: ReadonlyMap<string, Col>;
  scalars: ReadonlyMap<string, Compiled>;
  now: number;
  /** The tabular operator being compiled, for Kusto's "'where' operator: …" messages. */
  operator: string;
}

export const constant = (value: unknown, type: KType): Compiled => ({ fn: () => value, type, constant: true, value });
