// The foundation's ARM surface, driven by the real SDK clients over HTTPS with real tokens.
// Tests marked emulator-only use the test controls; the rest also run against live Azure.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ResourceManagementClient } from '@azure/arm-resources';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { SignJWT, importJWK, generateKeyPair, type JWK } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  CONTOSO,
  collect,
  control,
  emulatorOnly,
  endpoint,
  live,
  origin,
  servicePrincipalCredential,
  staticCredential,
  subscriptionId,
  userToken,
} from './harness.ts';

const sp = servicePrincipalCredential();
const subscriptions = () => new SubscriptionClient(sp, { endpoint });
const resources = (cred = sp) =>
  new ResourceManagementClient(cred, subscriptionId, {
    endpoint,
    credentials: { scopes: ['https://management.azure.com/.default'] },
    retryOptions: { maxRetries: 3, retryDelayInMs: 100, maxRetryDelayInMs: 2000 },
  });



describe('subscriptions and resource groups', () => {
  beforeEach(async () => {
    if (!live) await control.reset();
  });

  it('lists the subscriptions the principal can see', async () => {
    const subs = await collect(subscriptions().subscriptions.list());
    expect(subs.map((s) => s.subscriptionId)).toContain(subscriptionId);
    if (!live) {
      expect(subs.map((s) => s.subscriptionId).sort()).toEqual([CONTOSO.production, CONTOSO.devTest].sort());
      const prod = subs.find((s) => s.subscriptionId === CONTOSO.production);
      expect(prod).toMatchObject({ displayName: 'Contoso Production', state: 'Enabled', tenantId: CONTOSO.tenantId });
    }
  });

  it('gets one subscription and its locations', async () => {
    const sub = await subscriptions().subscriptions.get(subscriptionId);
    expect(sub.subscriptionId).toBe(subscriptionId);
    const locations = await collect(subscriptions().subscriptions.listLocations(subscriptionId));
    expect(locations.length).toBeGreaterThan(2);
    expect(locations[0]).toHaveProperty('name');
    expect(locations[0]).toHaveProperty('displayName');
  });

  emulatorOnly('follows nextLink across pages', async () => {
    await control.settings({ pageSize: 2 });
    await control.clearRequests();
    const groups = await collect(resources().resourceGroups.list());
    expect(groups.length).toBeGreaterThan(4);
    const pages = (await control.requests()).filter((r) => r.method === 'GET' && /\/resourcegroups$/i.test(r.path));
    expect(pages.length).toBe(Math.ceil(groups.length / 2));
    expect(new Set(groups.map((g) => g.name)).size).toBe(groups.length);
  });

  it('creates a resource group (201), updates it (200) and reads it back', async () => {
    const name = `rg-conformance-${Date.now().toString(36)}`;
    const rg = resources();
    const created = await rg.resourceGroups.createOrUpdate(name, { location: 'westeurope', tags: { purpose: 'test' } });
    expect(created).toMatchObject({ name, location: 'westeurope' });
    expect(created.properties?.provisioningState).toBe('Succeeded');
    const updated = await rg.resourceGroups.createOrUpdate(name, { location: 'westeurope', tags: { purpose: 'again' } });
    expect(updated.tags).toEqual({ purpose: 'again' });
    const read = await rg.resourceGroups.get(name);
    expect(read.id?.toLowerCase()).toBe(`/subscriptions/${subscriptionId}/resourcegroups/${name}`.toLowerCase());
    if (live) await rg.resourceGroups.delete(name);
  });

  it('reads the Recovery Services provider with the regions where vaults are offered', async () => {
    const provider = await resources().providers.get('Microsoft.RecoveryServices');
    expect(provider.namespace?.toLowerCase()).toBe('microsoft.recoveryservices');
    const vaults = provider.resourceTypes?.find((t) => t.resourceType?.toLowerCase() === 'vaults');
    expect(vaults?.locations?.length).toBeGreaterThan(0);
  });

  it('answers a missing resource group with ResourceGroupNotFound', async () => {
    await expect(resources().resourceGroups.get('rg-does-not-exist-xyz')).rejects.toMatchObject({
      statusCode: 404,
      code: 'ResourceGroupNotFound',
    });
  });
});

describe('ARM errors', () => {
  beforeEach(async () => {
    if (!live) await control.reset();
  });

  it('401 InvalidAuthenticationToken for a malformed token', async () => {
    await expect(collect(resources(staticCredential('not-a-jwt')).resourceGroups.list())).rejects.toMatchObject({
      statusCode: 401,
      code: 'InvalidAuthenticationToken',
    });
  });

  emulatorOnly('401 AuthenticationFailed with a WWW-Authenticate challenge when the header is missing', async () => {
    const res = await fetch(`${endpoint}/subscriptions?api-version=2022-12-01`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer authorization_uri="/);
    expect(res.headers.get('x-ms-request-id')).toMatch(/[0-9a-f-]{36}/);
    expect(await res.json()).toEqual({
      error: { code: 'AuthenticationFailed', message: "Authentication failed. The 'Authorization' header is missing." },
    });
  });

  emulatorOnly('401 InvalidAuthenticationTokenAudience for a token issued to another audience', async () => {
    // Sign with the IdP's own key so only the audience is wrong.
    const jwk = JSON.parse(readFileSync(resolve('.certs/idp-signing-key.json'), 'utf8')) as JWK;
    const key = await importJWK(jwk, 'RS256');
    const token = await new SignJWT({ tid: CONTOSO.tenantId, oid: 'a11ce000-0000-4000-8000-000000000001', scp: 'user_impersonation' })
      .setProtectedHeader({ alg: 'RS256', ...(jwk.kid ? { kid: jwk.kid } : {}) })
      .setIssuer(`${origin}/idp`)
      .setAudience('https://graph.microsoft.com')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(key);
    await expect(collect(resources(staticCredential(token)).resourceGroups.list())).rejects.toMatchObject({
      statusCode: 401,
      code: 'InvalidAuthenticationTokenAudience',
    });
  });

  emulatorOnly('401 InvalidAuthenticationToken for a token signed by an unknown key', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT({ tid: CONTOSO.tenantId, oid: 'x' })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(`${origin}/idp`)
      .setAudience('https://management.azure.com')
      .setExpirationTime('10m')
      .sign(privateKey);
    await expect(collect(resources(staticCredential(token)).resourceGroups.list())).rejects.toMatchObject({
      statusCode: 401,
      code: 'InvalidAuthenticationToken',
    });
  });

  emulatorOnly('403 AuthorizationFailed naming the action and scope for a Reader who writes', async () => {
    const rita = staticCredential(await userToken('rita@contoso.example'));
    const groups = await collect(resources(rita).resourceGroups.list());
    expect(groups.length).toBeGreaterThan(0);
    const error = await resources(rita)
      .resourceGroups.createOrUpdate('rg-rita', { location: 'westeurope' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 403, code: 'AuthorizationFailed' });
    expect((error as Error).message).toContain("'Microsoft.Resources/subscriptions/resourceGroups/write'");
    expect((error as Error).message).toContain(`/subscriptions/${CONTOSO.production}/resourcegroups/rg-rita`);
  });

  emulatorOnly('any role in the subscription may read its locations and providers, as in ARM', async () => {
    const ben = staticCredential(await userToken('ben@contoso.example'));
    const locations = await collect(new SubscriptionClient(ben, { endpoint }).subscriptions.listLocations(CONTOSO.production));
    expect(locations.length).toBeGreaterThan(2);
    const provider = await resources(ben).providers.get('Microsoft.RecoveryServices');
    expect(provider.registrationState).toBe('Registered');
    const nora = staticCredential(await userToken('nora@contoso.example'));
    await expect(collect(new SubscriptionClient(nora, { endpoint }).subscriptions.listLocations(CONTOSO.production))).rejects.toMatchObject({
      statusCode: 403,
      code: 'AuthorizationFailed',
    });
  });

  emulatorOnly('429 with Retry-After, then success: the SDK retry honours it', async () => {
    await control.fault({ method: 'GET', path: '/resourcegroups', status: 429, count: 2, retryAfter: 1 });
    await control.clearRequests();
    const groups = await collect(resources().resourceGroups.list());
    expect(groups.length).toBeGreaterThan(0);
    const attempts = (await control.requests()).filter((r) => /\/resourcegroups$/i.test(r.path));
    expect(attempts.map((r) => r.status)).toEqual([429, 429, 200]);
  });

  emulatorOnly('token-bucket throttling per subscription and principal', async () => {
    await control.settings({ throttle: { readCapacity: 2, readRefillPerSecond: 2 } });
    const headers: (string | null)[] = [];
    const statuses: number[] = [];
    const { token } = (await sp.getToken('https://management.azure.com/.default'))!;
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${endpoint}/subscriptions/${CONTOSO.production}/resourcegroups?api-version=2025-04-01`, {
        headers: { authorization: `Bearer ${token}` },
      });
      statuses.push(res.status);
      headers.push(res.status === 429 ? res.headers.get('retry-after') : res.headers.get('x-ms-ratelimit-remaining-subscription-reads'));
      if (res.status === 429) expect((await res.json()) as unknown).toMatchObject({ error: { code: 'SubscriptionRequestsThrottled' } });
    }
    expect(statuses.slice(0, 2)).toEqual([200, 200]);
    expect(statuses).toContain(429);
    expect(headers[0]).toBe('1');
    // The SDK rides it out.
    const groups = await collect(resources().resourceGroups.list());
    expect(groups.length).toBeGreaterThan(0);
  });

  emulatorOnly('bad input gets ARM errors, never HTML', async () => {
    const { token } = (await sp.getToken('https://management.azure.com/.default'))!;
    const get = async (path: string) => {
      const res = await fetch(`${endpoint}${path}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      return { status: res.status, body: (await res.json()) as { error: { code: string } } };
    };
    expect(await get(`/subscriptions/${CONTOSO.production}/resourcegroups`)).toMatchObject({
      status: 400,
      body: { error: { code: 'MissingApiVersionParameter' } },
    });
    expect(await get(`/subscriptions/${CONTOSO.production}/resourcegroups?api-version=1999-01-01`)).toMatchObject({
      status: 400,
      body: { error: { code: 'InvalidApiVersionParameter' } },
    });
    expect(await get(`/subscriptions/00000000-0000-4000-8000-000000000000/resourcegroups?api-version=2025-04-01`)).toMatchObject({
      status: 404,
      body: { error: { code: 'SubscriptionNotFound' } },
    });
    expect(await get(`/subscriptions/not-a-guid/resourcegroups?api-version=2025-04-01`)).toMatchObject({
      status: 400,
      body: { error: { code: 'InvalidSubscriptionId' } },
    });
    expect(await get(`/subscriptions/${CONTOSO.production}/providers/Microsoft.Nope/things?api-version=2025-04-01`)).toMatchObject({
      status: 404,
      body: { error: { code: 'InvalidResourceNamespace' } },
    });
    const bad = await fetch(`${endpoint}/subscriptions/${CONTOSO.production}/resourcegroups/rg-x?api-version=2025-04-01`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"location":',
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('InvalidRequestContent');
  });

  emulatorOnly('CORS preflight allows the SDK headers and exposes the LRO and request-id headers', async () => {
    const res = await fetch(`${endpoint}/subscriptions?api-version=2022-12-01`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization,x-ms-client-request-id,x-ms-useragent',
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/x-ms-useragent/i);
    const get = await fetch(`${endpoint}/subscriptions?api-version=2022-12-01`, { headers: { origin: 'http://localhost:5173' } });
    const exposed = get.headers.get('access-control-expose-headers') ?? '';
    for (const h of ['Location', 'Azure-AsyncOperation', 'Retry-After', 'x-ms-request-id']) expect(exposed).toContain(h);
  });
});
