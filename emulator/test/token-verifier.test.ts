// ARM's bearer-token checks (arm/auth.ts) on tokens signed with the local IdP's own key.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, importJWK, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenVerifier, type TokenVerifier } from '../arm/auth.ts';
import { ArmError } from '../arm/errors.ts';
import { loadOrCreateSecrets, toPublicJwk } from '../idp/keys.ts';

const ISSUER = 'https://localhost:8443/idp';
const TENANT_ID = '3f6c2a9e-8b1d-4e27-9c5a-1d2e3f4a5b6c';
const ALICE = 'a11ce000-0000-4000-8000-000000000001';

let dir: string;
let signingKey: JWK;
let verify: TokenVerifier;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'token-verifier-'));
  ({ signingKey } = await loadOrCreateSecrets(join(dir, 'idp-signing-key.json')));
  verify = createTokenVerifier({
    issuer: ISSUER,
    tenantId: () => TENANT_ID,
    jwks: () => ({ keys: [toPublicJwk(signingKey)] }),
    displayName: () => undefined,
  });
});

afterAll(() => rm(dir, { recursive: true, force: true }));

/** A user token as the local IdP issues it, signed with its key; `lifetime` null leaves `exp` out. */
async function token(lifetime: string | null = '1h'): Promise<string> {
  const jwt = new SignJWT({ tid: TENANT_ID, oid: ALICE, scp: 'user_impersonation', preferred_username: 'alice@contoso.example' })
    .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: signingKey.kid ?? '' })
    .setIssuer(ISSUER)
    .setAudience('https://management.azure.com')
    .setIssuedAt();
  if (lifetime) jwt.setExpirationTime(lifetime);
  return jwt.sign(await importJWK(signingKey, 'RS256'));
}

async function refusal(authorization: string): Promise<ArmError> {
  const error: unknown = await verify(authorization).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ArmError)) throw new Error(`expected an ArmError, got ${String(error)}`);
  return error;
}

describe('bearer tokens', () => {
  it('accepts a token of the IdP with a lifetime', async () => {
    await expect(verify(`Bearer ${await token()}`)).resolves.toMatchObject({ objectId: ALICE, kind: 'user' });
  });

  it('refuses a correctly signed token without exp, as ARM does: 401 InvalidAuthenticationToken', async () => {
    const error = await refusal(`Bearer ${await token(null)}`);
    expect(error.status).toBe(401);
    expect(error.code).toBe('InvalidAuthenticationToken');
    expect(error.message).toContain("'exp'");
    expect(error.headers['WWW-Authenticate']).toContain(`authorization_uri="${ISSUER}"`);
  });

  it('refuses an expired token with ExpiredAuthenticationToken', async () => {
    const error = await refusal(`Bearer ${await token('-1h')}`);
    expect([error.status, error.code]).toEqual([401, 'ExpiredAuthenticationToken']);
  });
});
