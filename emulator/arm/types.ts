// Types shared by the ARM pipeline and the route modules.
import type { Store } from '../state/store.ts';
import type { Operations } from './lro.ts';
import type { Settings } from './settings.ts';

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE' | 'HEAD';

export interface Principal {
  objectId: string;
  tenantId: string;
  kind: 'user' | 'servicePrincipal';
  displayName: string;
  userPrincipalName?: string;
  appId?: string;
}

export interface ArmRequest {
  method: string;
  /** Raw request target after the /arm mount, e.g. "/subscriptions/x?api-version=...". */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  remoteAddress?: string;
}

export interface ArmResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

export interface ArmContext {
  method: HttpMethod;
  /** Decoded path params of the matched route template. */
  params: Record<string, string>;
  /** Query with names decoded ("%24filter" arrives as "$filter"). */
  query: URLSearchParams;
  apiVersion: string;
  body: unknown;
  principal: Principal;
  store: Store;
  operations: Operations;
  settings: Settings;
  /** Absolute ARM endpoint of this emulator, e.g. "https://localhost:8443/arm". */
  endpoint: string;
  /** Decoded request path (no query), as the client sent it. */
  path: string;
  requestId: string;
  /** The client's x-ms-correlation-request-id, or the request id (services quote it in errors). */
  correlationId: string;
}

export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface ArmRoute {
  method: HttpMethod;
  /** Template with {params}; literal segments match case-insensitively, like ARM. */
  path: string;
  apiVersions: readonly string[];
  /** The RBAC action ARM would check, e.g. "Microsoft.Compute/virtualMachines/read". */
  action: string | ((params: Record<string, string>) => string);
  /** Skip RBAC (tenant-level list calls that filter by access instead). */
  public?: boolean;
  /** Any role in the subscription suffices: ARM lets every member read its locations and providers. */
  anySubscriptionRole?: boolean;
  /** Writes consume the write throttling bucket. Defaults from the method. */
  kind?: 'read' | 'write';
  handler: (ctx: ArmContext) => RouteResult | Promise<RouteResult>;
}
