// Facets: counts of the query result by one or more of its columns (ResourcesFacetQuery.json). An
// expression names result columns ("location", or "properties.storageProfile.osDisk.osType" for the
// projected column properties_storageProfile_osDisk_osType); anything else is a FacetError, as ARG
// answers for a column the result does not have. sortBy other than the count and `filter` are not
// implemented here and answer a FacetError saying so.
import type { FacetRequest, ResultFormat } from './request.ts';
import type { Row } from './tables.ts';

export interface Column {
  name: string;
  type: string;
}

export type FacetAnswer =
  | { expression: string; resultType: 'FacetResult'; totalRecords: number; count: number; data: unknown }
  | { expression: string; resultType: 'FacetError'; errors: { code: string; message: string }[] };

// [unconfirmed] ARG's default number of facet rows.
const DEFAULT_FACET_TOP = 10;

const keyOf = (value: unknown): string => (typeof value === 'string' ? `s:${value}` : `j:${JSON.stringify(value ?? null)}`);

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = typeof a === 'string' ? a : JSON.stringify(a ?? null);
  const y = typeof b === 'string' ? b : JSON.stringify(b ?? null);
  return x < y ? -1 : x > y ? 1 : 0;
}

function unsupported(expression: string, what: string): FacetAnswer {
  return { expression, resultType: 'FacetError', errors: [{ code: 'UnsupportedFacetOption', message: `${what} is not supported by the local Resource Graph.` }] };
}

export function computeFacet(request: FacetRequest, columns: readonly Column[], rows: readonly Row[], format: ResultFormat): FacetAnswer {
  const { expression } = request;
  const names = expression.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const resolved = names.map((n) => columns.find((c) => c.name === n) ?? columns.find((c) => c.name === n.replace(/\./g, '_')));
  const missing = names.filter((_, i) => resolved[i] === undefined);
  if (names.length === 0 || missing.length > 0) {
    return {
      expression,
      resultType: 'FacetError',
      errors: [
        ...(missing.length === names.length ? [{ code: 'NoValidColumns', message: 'No valid columns in facet expression.' }] : []),
        { code: 'InvalidColumnNames', message: `Invalid column names: [${missing.join(', ')}].` },
      ],
    };
  }
  if (request.filter !== undefined) return unsupported(expression, "The facet option 'filter'");
  const byColumn = resolved as Column[];
  const sortByColumn = request.sortBy === undefined || request.sortBy === 'count' ? undefined : byColumn.find((c) => c.name === request.sortBy);
  if (request.sortBy !== undefined && request.sortBy !== 'count' && sortByColumn === undefined) {
    return unsupported(expression, `Sorting facets by '${request.sortBy}'`);
  }

  const groups = new Map<string, { values: unknown[]; count: number }>();
  for (const row of rows) {
    const values = byColumn.map((c) => row[c.name] ?? null);
    const key = values.map(keyOf).join('\u0000');
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { values, count: 1 });
  }
  const direction = request.sortOrder === 'asc' ? 1 : -1;
  const sortIndex = sortByColumn ? byColumn.indexOf(sortByColumn) : -1;
  const sorted = [...groups.values()].sort((a, b) => {
    const primary = sortIndex >= 0 ? compareValues(a.values[sortIndex], b.values[sortIndex]) : a.count - b.count;
    return primary !== 0 ? primary * direction : compareValues(a.values[0], b.values[0]);
  });
  const page = sorted.slice(0, request.top ?? DEFAULT_FACET_TOP);
  const data =
    format === 'table'
      ? { columns: [...byColumn, { name: 'count', type: 'integer' }], rows: page.map((g) => [...g.values, g.count]) }
      : page.map((g) => Object.fromEntries([...byColumn.map((c, i) => [c.name, g.values[i]]), ['count', g.count]]));
  return { expression, resultType: 'FacetResult', totalRecords: groups.size, count: page.length, data };
}
