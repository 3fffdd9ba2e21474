// The QueryRequest body (resourcegraph.json 2024-04-01), checked as the service checks it before the
// query runs. Problems answer 400 BadRequest through graphErrors.invalidRequest.

export type ResultFormat = 'objectArray' | 'table';
export type AuthorizationScopeFilter = 'AtScopeAndBelow' | 'AtScopeAndAbove' | 'AtScopeExact' | 'AtScopeAboveAndBelow';

export interface FacetRequest {
  expression: string;
  sortBy?: string;
  sortOrder: 'asc' | 'desc';
  filter?: string;
  top?: number;
}

export interface GraphQueryRequest {
  query: string;
  subscriptions?: string[];
  managementGroups?: string[];
  top?: number;
  skip?: number;
  skipToken?: string;
  /** objectArray unless asked (the default since api-version 2021-03-01). */
  resultFormat: ResultFormat;
  allowPartialScopes: boolean;
  authorizationScopeFilter: AuthorizationScopeFilter;
  facets: FacetRequest[];
}

export class RequestProblem extends Error {
  readonly target: string;
  constructor(target: string, message: string) {
    super(message);
    this.target = target;
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SCOPE_FILTERS: readonly AuthorizationScopeFilter[] = ['AtScopeAndBelow', 'AtScopeAndAbove', 'AtScopeExact', 'AtScopeAboveAndBelow'];
export const MAX_TOP = 1000;

function stringList(value: unknown, target: string, check?: (s: string) => boolean, what = 'a string'): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw new RequestProblem(target, `'${target}' must be an array.`);
  return value.map((item, i) => {
    if (typeof item !== 'string' || (check && !check(item))) throw new RequestProblem(`${target}[${i}]`, `'${target}[${i}]' must be ${what}; got ${JSON.stringify(item)}.`);
    return item;
  });
}

function integer(value: unknown, target: string, min: number, max?: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || (max !== undefined && value > max)) {
    const range = max === undefined ? `at least ${min}` : `between ${min} and ${max}`;
    throw new RequestProblem(target, `'${target}' must be an integer ${range}; got ${JSON.stringify(value)}.`);
  }
  return value;
}

function enumValue<T extends string>(value: unknown, target: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined || value === null) return fallback;
  const found = typeof value === 'string' ? allowed.find((a) => a.toLowerCase() === value.toLowerCase()) : undefined;
  if (found === undefined) throw new RequestProblem(target, `'${target}' must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)}.`);
  return found;
}

function facet(value: unknown, i: number): FacetRequest {
  const target = `facets[${i}]`;
  if (!isObj(value) || typeof value['expression'] !== 'string' || value['expression'].trim() === '') {
    throw new RequestProblem(`${target}.expression`, `'${target}.expression' is required.`);
  }
  const options = isObj(value['options']) ? value['options'] : {};
  const top = integer(options['$top'], `${target}.options.$top`, 1, MAX_TOP);
  return {
    expression: value['expression'],
    sortOrder: enumValue(options['sortOrder'], `${target}.options.sortOrder`, ['asc', 'desc'] as const, 'desc'),
    ...(typeof options['sortBy'] === 'string' ? { sortBy: options['sortBy'] } : {}),
    ...(typeof options['filter'] === 'string' ? { filter: options['filter'] } : {}),
    ...(top === undefined ? {} : { top }),
  };
}

export function parseQueryRequest(body: unknown): GraphQueryRequest {
  if (!isObj(body)) throw new RequestProblem('query', 'The request body must be a QueryRequest object with a query.');
  const query = body['query'];
  if (typeof query !== 'string' || query.trim() === '') throw new RequestProblem('query', "The 'query' property is required and must be a non-empty string.");
  const subscriptions = stringList(body['subscriptions'], 'subscriptions', (s) => GUID.test(s), 'a subscription id (a GUID)');
  const managementGroups = stringList(body['managementGroups'], 'managementGroups', (s) => s.trim() !== '', 'a management group id');
  // [unconfirmed] ARG's older API refused managementGroupId together with subscriptions; so does this one.
  if (subscriptions !== undefined && managementGroups !== undefined) {
    throw new RequestProblem('managementGroups', "Give either 'subscriptions' or 'managementGroups', not both.");
  }
  const rawOptions = body['options'];
  if (rawOptions !== undefined && rawOptions !== null && !isObj(rawOptions)) throw new RequestProblem('options', "'options' must be an object.");
  const options = isObj(rawOptions) ? rawOptions : {};
  const top = integer(options['$top'], 'options.$top', 1, MAX_TOP);
  const skip = integer(options['$skip'], 'options.$skip', 0);
  const skipToken = options['$skipToken'];
  if (skipToken !== undefined && skipToken !== null && typeof skipToken !== 'string') {
    throw new RequestProblem('options.$skipToken', "'options.$skipToken' must be a string.");
  }
  const allowPartialScopes = options['allowPartialScopes'];
  if (allowPartialScopes !== undefined && allowPartialScopes !== null && typeof allowPartialScopes !== 'boolean') {
    throw new RequestProblem('options.allowPartialScopes', "'options.allowPartialScopes' must be true or false.");
  }
  const facets = body['facets'];
  if (facets !== undefined && facets !== null && !Array.isArray(facets)) throw new RequestProblem('facets', "'facets' must be an array.");
  return {
    query,
    ...(subscriptions === undefined ? {} : { subscriptions }),
    ...(managementGroups === undefined ? {} : { managementGroups }),
    ...(top === undefined ? {} : { top }),
    ...(skip === undefined ? {} : { skip }),
    ...(typeof skipToken === 'string' && skipToken !== '' ? { skipToken } : {}),
    resultFormat: enumValue(options['resultFormat'], 'options.resultFormat', ['objectArray', 'table'] as const, 'objectArray'),
    allowPartialScopes: allowPartialScopes === true,
    authorizationScopeFilter: enumValue(options['authorizationScopeFilter'], 'options.authorizationScopeFilter', SCOPE_FILTERS, 'AtScopeAndBelow'),
    facets: Array.isArray(facets) ? facets.map(facet) : [],
  };
}
