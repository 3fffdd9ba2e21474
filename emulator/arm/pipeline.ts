// The ARM request pipeline, in the order ARM applies it: request ids and CORS, auth (401),
// injected faults, routing (404/405), api-version (400), subscription and resource group
// (404), throttling (429), RBAC (403), then the handler. Every answer — success or error —
// leaves here with ARM's headers and, for errors, the {error:{code,message}} envelope.
import { randomUUID } from 'node:crypto';
import { ArmError, armErrors } from './errors.ts';
import { createOperations, type Operations } from './lro.ts';
import { canSeeSubscription, isAuthorized, type RoleAssignment } from './rbac.ts';
import { createRouter, splitPath } from './router.ts';
import type { Settings } from './settings.ts';
import { createThrottle } from './throttle.ts';
import type { TokenVerifier } from './auth.ts';
import type { ArmContext, ArmRequest, ArmResponse, ArmRoute, HttpMethod, Principal } from './types.ts';
import type { Store } from '../state/store.ts';

export interface Fault {
  method?: string;
  /** Substring of the decoded path (case-insensitive), or "/regex/flags". */
  path: string;
  status: number;
  count: number;
  code?: string;
  message?: string;
  retryAfter?: number;
}

export interface RequestLogEntry {
  time: string;
  method: string;
  path: string;
  query: string;
  status: number;
  code?: string;
  requestId: string;
  principal?: string;
  body?: unknown;
}

export interface ArmServiceOptions {
  store: Store;
  routes: readonly ArmRoute[];
  verifyToken: TokenVerifier;
  settings: () => Settings;
  /** Where the Bearer challenge sends clients (the local IdP). */
  authority: string;
}

const EXPOSED_HEADERS = [
  'Location',
  'Azure-AsyncOperation',
  'Retry-After',
  'x-ms-request-id',
  'x-ms-correlation-request-id',
  'x-ms-client-request-id',
  'x-ms-routing-request-id',
  'x-ms-ratelimit-remaining-subscription-reads',
  'x-ms-ratelimit-remaining-subscription-writes',
  'x-ms-ratelimit-remaining-tenant-reads',
  'x-ms-ratelimit-remaining-tenant-writes',
  'x-ms-user-quota-remaining',
  'x-ms-user-quota-resets-after',
  'x-ms-tenant-subscription-limit-hit',
  'WWW-Authenticate',
].join(', ');

const ALLOWED_HEADERS =
  'Authorization, Content-Type, Accept, x-ms-client-request-id, x-ms-useragent, x-ms-correlation-request-id, x-ms-return-client-request-id, x-ms-authorization-auxiliary, If-Match, If-None-Match';

const SUBSCRIPTION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_LOG = 10_000;

function header(req: ArmRequest, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

function faultMatches(fault: Fault, method: string, path: string): boolean {
  if (fault.method && fault.method.toUpperCase() !== method) return false;
  const re = /^\/(.+)\/([a-z]*)$/.exec(fault.path);
  if (re?.[1]) return new RegExp(re[1], re[2]).test(path);
  return path.toLowerCase().includes(fault.path.toLowerCase());
}

function routingId(requestId: string): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `LOCAL:${stamp}:${requestId}`;
}

export interface ArmService {
  handle(req: ArmRequest): Promise<ArmResponse>;
  /** Answers `error` with ARM's headers and logs it: for requests refused before the pipeline (e.g. by Fastify). */
  refuse(req: ArmRequest, error: ArmError): ArmResponse;
  readonly operations: Operations;
  readonly log: RequestLogEntry[];
  faults: Fault[];
  reset(): void;
}

export function createArmService(options: ArmServiceOptions): ArmService {
  const router = createRouter(options.routes);
  const throttle = createThrottle(options.settings);
  const operations = createOperations(options.settings);
  const log: RequestLogEntry[] = [];
  const service: ArmService = {
    operations,
    log,
    faults: [],
    reset() {
      throttle.reset();
      operations.reset();
      log.length = 0;
      service.faults = [];
    },
    refuse(req, error) {
      const requestId = randomUUID();
      const { path, rawQuery } = pathOf(req.url);
      const entry: RequestLogEntry = { time: new Date().toISOString(), method: req.method.toUpperCase(), path, query: rawQuery, status: error.status, code: error.code, requestId };
      log.push(entry);
      if (log.length > MAX_LOG) log.splice(0, log.length - MAX_LOG);
      return { status: error.status, headers: { ...baseHeaders(req, requestId), ...error.headers }, body: error.toBody() };
    },
    async handle(req) {
      const requestId = randomUUID();
      const method = req.method.toUpperCase();
      const base = baseHeaders(req, requestId);
      const { segments, path, rawQuery } = pathOf(req.url);
      const query = new URLSearchParams(rawQuery);
      const entry: RequestLogEntry = { time: new Date().toISOString(), method, path, query: rawQuery, status: 0, requestId };

      if (method === 'OPTIONS') {
        entry.status = 200;
        return {
          status: 200,
          headers: {
            ...base,
            'Access-Control-Allow-Methods': 'GET, PUT, POST, PATCH, DELETE, HEAD, OPTIONS',
            'Access-Control-Allow-Headers': header(req, 'access-control-request-headers') ?? ALLOWED_HEADERS,
            'Access-Control-Max-Age': '600',
          },
        };
      }

      let principal: Principal | undefined;
      let response: ArmResponse;
      try {
        const latency = options.settings().latencyMs;
        if (latency > 0) await new Promise((r) => setTimeout(r, latency));
        operations.settleDue();

        principal = await options.verifyToken(header(req, 'authorization'));
        entry.principal = principal.userPrincipalName ?? principal.appId ?? principal.objectId;
        if (method === 'PUT' || method === 'POST' || method === 'PATCH') entry.body = req.body;

        const fault = service.faults.find((f) => f.count > 0 && faultMatches(f, method, path));
        if (fault) {
          fault.count -= 1;
          throw armErrors.injected(
            fault.status,
            fault.code ?? (fault.status === 429 ? 'TooManyRequests' : 'InjectedFault'),
            fault.message ?? `Fault injected by the emulator for ${method} ${path}.`,
            fault.retryAfter ?? (fault.status === 429 || fault.status === 503 ? 1 : undefined),
          );
        }

        const matched = router.match(method, segments);
        if (matched.kind === 'methodNotAllowed') throw armErrors.methodNotAllowed(method);
        if (matched.kind === 'none') throw notFoundFor(segments, query.get('api-version') ?? '');
        const { route, params } = matched.match;

        const apiVersion = query.get('api-version');
        if (!apiVersion) throw armErrors.missingApiVersion();
        if (!route.apiVersions.includes(apiVersion)) throw apiVersionError(route, apiVersion);

        const subscriptionId = params['subscriptionId'];
        if (subscriptionId !== undefined) checkSubscription(options.store, subscriptionId);
        const resourceGroup = params['resourceGroupName'];
        if (subscriptionId && resourceGroup && segments.length > 4) {
          if (!options.store.get(`/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`)) {
            throw armErrors.resourceGroupNotFound(resourceGroup);
          }
        }

        const kind = route.kind ?? (method === 'GET' || method === 'HEAD' ? 'read' : 'write');
        const bucketScope = subscriptionId ?? 'tenant';
        const decision = throttle.take(`${bucketScope.toLowerCase()}|${principal.objectId}`, kind);
        const quotaHeader = `x-ms-ratelimit-remaining-${subscriptionId ? 'subscription' : 'tenant'}-${kind}s`;
        base[quotaHeader] = String(decision.remaining);
        if (!decision.allowed) {
          throw armErrors.throttled(kind, bucketScope, principal.objectId, decision.retryAfterSeconds);
        }

        if (!route.public) {
          const action = typeof route.action === 'function' ? route.action(params) : route.action;
          const scope = method === 'POST' ? path.slice(0, path.lastIndexOf('/')) : path;
          const assignments = options.store.identity.roleAssignments as readonly RoleAssignment[];
          if (subscriptionId && !canSeeSubscription(assignments, principal.objectId, subscriptionId)) {
            throw armErrors.authorizationFailed(principal, action, scope);
          }
          if (!route.anySubscriptionRole && !isAuthorized(assignments, principal.objectId, action, scope)) {
            throw armErrors.authorizationFailed(principal, action, scope);
          }
        }

        const ctx: ArmContext = {
          method: method as HttpMethod,
          params,
          query,
          apiVersion,
          body: parseBody(req.body),
          principal,
          store: options.store,
          operations,
          settings: options.settings(),
          endpoint: `https://${header(req, 'host') ?? 'localhost'}/arm`,
          path,
          requestId,
          correlationId: base['x-ms-correlation-request-id'] ?? requestId,
        };
        const result = await route.handler(ctx);
        response = {
          status: result.status,
          headers: { ...base, ...(result.headers ?? {}) },
          ...(result.body === undefined ? {} : { body: result.body }),
        };
      } catch (e) {
        const error = e instanceof ArmError ? e : armErrors.internal();
        if (!(e instanceof ArmError)) console.error('[arm] unexpected error', e);
        entry.code = error.code;
        response = { status: error.status, headers: { ...base, ...error.headers }, body: error.toBody() };
      }
      entry.status = response.status;
      log.push(entry);
      if (log.length > MAX_LOG) log.splice(0, log.length - MAX_LOG);
      return response;
    },
  };
  return service;
}

/** The headers ARM puts on every answer: request ids, no caching, HSTS, nosniff, CORS for any origin. */
function baseHeaders(req: ArmRequest, requestId: string): Record<string, string> {
  const clientRequestId = header(req, 'x-ms-client-request-id');
  const origin = header(req, 'origin');
  return {
    'x-ms-request-id': requestId,
    'x-ms-correlation-request-id': header(req, 'x-ms-correlation-request-id') ?? requestId,
    'x-ms-routing-request-id': routingId(requestId),
    ...(clientRequestId ? { 'x-ms-client-request-id': clientRequestId } : {}),
    'Cache-Control': 'no-cache',
    Pragma: 'no-cache',
    Expires: '-1',
    'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
    'X-Content-Type-Options': 'nosniff',
    'Access-Control-Allow-Origin': origin ?? '*',
    'Access-Control-Expose-Headers': EXPOSED_HEADERS,
    ...(origin ? { Vary: 'Origin' } : {}),
  };
}

/** Segments percent-decoded where they can be (a malformed escape stays as sent). */
function pathOf(url: string): { segments: string[]; path: string; rawQuery: string } {
  const [rawPath = '', rawQuery = ''] = url.split('?', 2) as [string?, string?];
  let segments: string[];
  try {
    segments = splitPath(rawPath).map((s) => decodeURIComponent(s));
  } catch {
    segments = splitPath(rawPath);
  }
  return { segments, path: `/${segments.join('/')}`, rawQuery };
}

function parseBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  if (body.trim() === '') return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch (e) {
    throw armErrors.invalidRequestContent(e instanceof Error ? e.message : 'invalid JSON');
  }
}

function checkSubscription(store: Store, subscriptionId: string): void {
  if (!SUBSCRIPTION_ID.test(subscriptionId)) throw armErrors.invalidSubscriptionId(subscriptionId);
  const known = store.catalog.subscriptions.some((s) => s.subscriptionId.toLowerCase() === subscriptionId.toLowerCase());
  if (!known) throw armErrors.subscriptionNotFound(subscriptionId);
}

function providerOf(route: ArmRoute): { namespace: string; type: string } | undefined {
  const segs = splitPath(route.path);
  const i = segs.map((s) => s.toLowerCase()).lastIndexOf('providers');
  const ns = segs[i + 1];
  if (i < 0 || !ns || ns.startsWith('{')) return undefined;
  const typeSegs = segs.slice(i + 2).filter((_, k) => k % 2 === 0);
  return { namespace: ns, type: [ns, ...typeSegs].join('/') };
}

function apiVersionError(route: ArmRoute, apiVersion: string): ArmError {
  const p = providerOf(route);
  if (p && p.namespace.toLowerCase() !== 'microsoft.resources') {
    return armErrors.noRegisteredProviderForApiVersion(apiVersion, p.type, route.apiVersions);
  }
  return armErrors.invalidApiVersion(apiVersion, route.apiVersions);
}

const KNOWN_NAMESPACES = [
  'microsoft.recoveryservices', 'microsoft.compute', 'microsoft.network', 'microsoft.resources', 'microsoft.authorization', 'microsoft.resourcegraph',
];

function notFoundFor(segments: readonly string[], apiVersion: string): ArmError {
  const i = segments.map((s) => s.toLowerCase()).lastIndexOf('providers');
  const ns = i >= 0 ? segments[i + 1] : undefined;
  if (ns && segments.length > i + 2) {
    if (!KNOWN_NAMESPACES.includes(ns.toLowerCase())) return armErrors.invalidResourceNamespace(ns);
    return armErrors.invalidResourceType(segments[i + 2] ?? '', ns, apiVersion);
  }
  return armErrors.pathNotFound(`/${segments.join('/')}`);
}
