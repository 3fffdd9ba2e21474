import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JWK } from 'jose';

/** Structural, so the fixture store can pass its identity data as is. */
export interface IdpDirectory {
  tenant: { tenantId: string; displayName: string; defaultDomain: string };
  users: readonly { objectId: string; userPrincipalName: string; displayName: string; password: string }[];
  servicePrincipals: readonly { appId: string; objectId: string; displayName: string; secret: string }[];
}

export interface IdpOptions {
  /** e.g. "https://localhost:8443"; the issuer is `${origin}/idp`. */
  origin: string;
  /** A function: the fixture can be reset or replaced while the server runs. */
  directory: () => IdpDirectory;
  /** Where the private signing JWK is kept (cookie keys go next to it). */
  keyFile: string;
  accessTokenTtlSeconds?: number;
}

export interface Idp {
  issuer: string;
  /** For every request whose path starts with /idp, untouched. */
  handle(req: IncomingMessage, res: ServerResponse): void;
  publicJwks(): { keys: JWK[] };
}

export const ARM_RESOURCE = 'https://management.azure.com';
export const SPA_CLIENT_ID = 'vm-backup-wizard-local';
export const IDP_MOUNT_PATH = '/idp';
