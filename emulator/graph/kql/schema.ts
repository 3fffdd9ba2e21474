// Column lists: the schema of an input table, the names Kusto gives to unnamed expressions,
// and the mapping of Kusto types onto ARG's ColumnDataType.
import type { Col, Row } from './types.ts';
import type { KType } from './values.ts';
import { typeOfValue } from './values.ts';

export type ColumnType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'datetime';

export function columnType(t: KType): ColumnType {
  switch (t) {
    case 'string':
    case 'timespan':
      return 'string';
    case 'long':
    case 'int':
      return 'integer';
    case 'real':
      return 'number';
    case 'bool':
      return 'boolean';
    case 'datetime':
      return 'datetime';
    default:
      return 'object';
  }
}

// The columns every ARG resource table has, whether or not a row carries them.
export const ARG_RESOURCE_COLUMNS: readonly Col[] = [
  ...['id', 'name', 'type', 'tenantId', 'kind', 'location', 'resourceGroup', 'subscriptionId', 'managedBy'].map((name) => ({ name, type: 'string' as const })),
  ...['sku', 'plan', 'properties', 'tags', 'identity', 'zones', 'extendedLocation'].map((name) => ({ name, type: 'dynamic' as const })),
];

const inferred = new WeakMap<readonly Row[], Col[]>();

/**
 * The schema of a table: ARG's standard columns, then any other key found in the rows, typed
 * after its first non-null value. Cached per rows array, since tables are rebuilt, not mutated.
 */
export function tableSchema(rows: readonly Row[]): Col[] {
  const hit = inferred.get(rows);
  if (hit) return hit;
  const cols = new Map<string, Col>(ARG_RESOURCE_COLUMNS.map((c) => [c.name, { ...c }]));
  const untyped = new Set<string>();
  for (const row of rows) {
    for (const key in row) {
      if (!cols.has(key)) {
        cols.set(key, { name: key, type: 'dynamic' });
        untyped.add(key);
      }
      if (untyped.has(key)) {
        const v = row[key];
        if (v !== null && v !== undefined) {
          (cols.get(key) as Col).type = typeOfValue(v);
          untyped.delete(key);
        }
      }
    }
  }
  const schema = [...cols.values()];
  inferred.set(rows, schema);
  return schema;
}

/** Picks names that are not taken yet: x, x1, x2… (join's rule for duplicate right columns). */
export function uniqueName(wanted: string, taken: ReadonlySet<string>): string {
  if (!taken.has(wanted)) return wanted;
  for (let i = 1; ; i++) if (!taken.has(`${wanted}${i}`)) return `${wanted}${i}`;
}

/** Names for unnamed expressions that Kusto cannot name after a column: Column1, Column2… */
export class ColumnNamer {
  private n = 0;
  private readonly taken: Set<string>;

  constructor(taken: Iterable<string>) {
    this.taken = new Set(taken);
  }

  next(): string {
    let name: string;
    do name = `Column${++this.n}`;
    while (this.taken.has(name));
    this.taken.add(name);
    return name;
  }
}

export const keyName = (key: string): string => key.replace(/[^A-Za-z0-9_]/g, '_');
