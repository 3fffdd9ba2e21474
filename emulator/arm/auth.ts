// Bearer-token checks as ARM does them: signature (JWKS of the local IdP), issuer, audience,
// expiry (which must be there), tenant — each failure with ARM's own 401 code.
import { createLocalJWKSet, decodeJwt, errors as joseErrors, jwtVerify, type JSONWebKeySet } from 'jose';
import { armErrors } from './errors.ts';
import type { Principal } from './types.ts';

export const ARM_AUDIENCES = [
  'https://management.core.windows.net/',
  'https://management.core.windows.net',
  'https://management.azure.com/',
  'https://management.azure.com',
] as const;

export interface TokenVerifierOptions {
  issuer: string;
  tenantId: () => string;
  jwks: () => JSONWebKeySet;
  /** Names principals by object id (the token carries only ids for service principals). */
  displayName: (objectId: string) => string | undefined;
}

export type TokenVerifier = (authorization: string | undefined) => Promise<Principal>;

export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  return async (authorization) => {
    const authority = options.issuer;
    if (!authorization) throw armErrors.missingAuthorization(authority);
    const m = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!m?.[1]) throw armErrors.invalidAuthorizationHeader(authority);
    const token = m[1];

    let claims: Record<string, unknown>;
    try {
      claims = decodeJwt(token);
    } catch {
      throw armErrors.invalidToken(authority);
    }
    const aud = claims['aud'];
    const audiences = Array.isArray(aud) ? aud.map(String) : [String(aud ?? '')];
    if (!audiences.some((a) => (ARM_AUDIENCES as readonly string[]).includes(a))) {
      throw armErrors.wrongAudience(authority, audiences.join(','), ARM_AUDIENCES);
    }
    if (claims['iss'] !== options.issuer) throw armErrors.wrongIssuer(authority, String(claims['iss'] ?? ''));

    try {
      const { payload } = await jwtVerify(token, createLocalJWKSet(options.jwks()), {
        issuer: options.issuer,
        algorithms: ['RS256'],
        clockTolerance: 5,
      });
      claims = payload;
    } catch (e) {
      if (e instanceof joseErrors.JWTExpired) {
        const exp = typeof claims['exp'] === 'number' ? claims['exp'] : 0;
        throw armErrors.expiredToken(authority, new Date(exp * 1000), new Date());
      }
      throw armErrors.invalidToken(authority);
    }
    // jose checks `exp` only when it is present; ARM refuses a token that never expires.
    if (typeof claims['exp'] !== 'number') throw armErrors.tokenWithoutExpiry(authority);

    const tenantId = String(claims['tid'] ?? '');
    if (tenantId.toLowerCase() !== options.tenantId().toLowerCase()) {
      throw armErrors.wrongIssuer(authority, options.issuer);
    }
    const objectId = String(claims['oid'] ?? claims['sub'] ?? '');
    if (!objectId) throw armErrors.invalidToken(authority);
    const appId = typeof claims['appid'] === 'string' ? claims['appid'] : undefined;
    const upn = (claims['preferred_username'] ?? claims['upn']) as string | undefined;
    const isUser = typeof claims['scp'] === 'string' && !!upn;
    return {
      objectId,
      tenantId,
      kind: isUser ? 'user' : 'servicePrincipal',
      displayName: upn ?? options.displayName(objectId) ?? appId ?? objectId,
      ...(upn ? { userPrincipalName: upn } : {}),
      ...(appId ? { appId } : {}),
    };
  };
}
