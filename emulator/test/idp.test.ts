// The local IdP over real HTTPS, driven the way MSAL and the Azure SDK drive Entra.
// Needs the local CA in NODE_EXTRA_CA_CERTS, which Node reads only at start-up:
//   node scripts/with-cert.ts vitest run emulator/test/idp.test.ts
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SignJWT, createLocalJWKSet, decodeJwt, generateKeyPair, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCertificate } from '../cert.ts';
import { createIdp, type Idp, type IdpDirectory } from '../idp/index.ts';

const ARM = 'https://management.azure.com';
const SPA = 'vm-backup-wizard-local';
const VITE_ORIGIN = 'http://localhost:5173';
const TENANT_ID = '3f6c2a9e-8b1d-4e27-9c5a-1d2e3f4a5b6c';
const ALICE = { objectId: 'a11ce000-0000-4000-8000-000000000001', userPrincipalName: 'alice@contoso.example', displayName: 'Alice Admin', password: 'demo' };
const BEN = { objectId: 'b0b00000-0000-4000-8000-000000000002', userPrincipalName: 'ben@contoso.example', displayName: 'Ben Backup', password: 'demo' };
const CI = { appId: '5e7a9c1b-3d5f-4a7b-8c9d-0e1f2a3b4c5d', objectId: '5e7a0000-0000-4000-8000-000000000005', displayName: 'ci-automation', secret: 'local-only-secret' };
const directory: IdpDirectory = {
  tenant: { tenantId: TENANT_ID, displayName: 'Contoso', defaultDomain: 'contoso.example' },
  users: [ALICE, BEN],
  servicePrincipals: [CI],
};

let current: IdpDirectory = directory;
let server: Server;
let idp: Idp;
let origin: string;
let keyDir: string;

async function startIdp(accessTokenTtlSeconds?: number): Promise<{ idp: Idp; origin: string; server: Server }> {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const { key, cert } = await ensureCertificate(join(root, '.certs'));
  const slot: { idp?: Idp } = {}; // the origin (and so the IdP) is known only once listening
  const https = createServer({ key, cert }, (req, res) => slot.idp?.handle(req, res));
  await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
  const at = `https://localhost:${(https.address() as AddressInfo).port}`;
  const started = await createIdp({
    origin: at,
    directory: () => current,
    keyFile: join(keyDir, 'idp-signing-key.json'),
    ...(accessTokenTtlSeconds ? { accessTokenTtlSeconds } : {}),
  });
  slot.idp = started;
  return { idp: started, origin: at, server: https };
}

async function stop(https: Server): Promise<void> {
  https.closeAllConnections();
  await new Promise((resolve) => https.close(resolve));
}

beforeAll(async () => {
  if (!process.env['NODE_EXTRA_CA_CERTS']) {
    throw new Error('Run through the wrapper: node scripts/with-cert.ts vitest run emulator/test/idp.test.ts');
  }
  keyDir = await mkdtemp(join(tmpdir(), 'idp-test-'));
  ({ idp, origin, server } = await startIdp());
});

afterAll(async () => {
  await stop(server);
  await rm(keyDir, { recursive: true, force: true });
});

/** fetch with a cookie jar and manual redirects, like a browser tab seen from the network. */
class Browser {
  readonly cookies = new Map<string, string>();

  async fetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const [name = '', value = ''] = pair.split('=', 2).map((s) => s.trim());
      const expired = attributes.some((a) => /^\s*expires=/i.test(a) && Date.parse(a.split('=')[1] ?? '') < Date.now());
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /**
   * Follows redirects inside the IdP, and submits self-submitting forms (oidc-provider posts one
   * to end the old session when the account changes), like a browser running the page's script.
   * Stops at any other page or at the redirect back to the app.
   */
  async navigate(url: string | URL, init?: RequestInit, autoSubmit = true): Promise<{ page?: Response; appRedirect?: URL }> {
    let res = await this.fetch(url, init);
    for (let hops = 0; hops < 10; hops++) {
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        const next = new URL(location, res.url || url);
        if (!next.pathname.startsWith('/idp/')) return { appRedirect: next };
        res = await this.fetch(next);
        continue;
      }
      const html = autoSubmit && res.status === 200 ? await res.clone().text() : '';
      if (!html.includes('.submit()')) return { page: res };
      res = await this.fetch(formAction(html, ''), form(hiddenFields(html)));
    }
    throw new Error('too many redirects');
  }
}

const decodeHtml = (s: string) => s.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&amp;/g, '&');

function formAction(html: string, suffix: string): string {
  const action = new RegExp(`<form[^>]*action="([^"]*${suffix})"`).exec(html)?.[1];
  if (!action) throw new Error(`no form posting to *${suffix}`);
  return new URL(decodeHtml(action), origin).href;
}

function hiddenFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [, name = '', value = ''] of html.matchAll(/<input type="hidden"[^>]*name="([^"]+)" value="([^"]*)"/g)) {
    fields[name] = decodeHtml(value);
  }
  return fields;
}

const form = (fields: Record<string, string>): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields),
});

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function authorizeUrl(challenge: string, extra: Record<string, string> = {}): URL {
  const url = new URL(`${origin}/idp/auth`);
  url.search = new URLSearchParams({
    client_id: SPA,
    redirect_uri: `${origin}/`,
    response_type: 'code',
    response_mode: 'fragment',
    scope: `${ARM}/user_impersonation openid profile offline_access`,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: 'state-1',
    nonce: 'nonce-1',
    // The rest of what msal-browser 5 sends; oidc-provider must ignore it.
    client_info: '1',
    'client-request-id': '0b7f6c1e-4a9e-4a55-8a3a-1f2e3d4c5b6a',
    'x-client-SKU': 'msal.js.browser',
    'x-client-VER': '5.30.0',
    claims: '{"id_token":{"signin_state":{"essential":true}}}',
    ...extra,
  }).toString();
  return url;
}

function postToken(params: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${origin}/idp/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(params),
  });
}

function codeFrom(appRedirect: URL | undefined): string {
  const code = new URLSearchParams(appRedirect?.hash.slice(1)).get('code');
  if (!code) throw new Error(`no code in ${appRedirect?.href}`);
  return code;
}

async function redeem(code: string, verifier: string): Promise<Record<string, string>> {
  const res = await postToken(
    { client_id: SPA, redirect_uri: `${origin}/`, grant_type: 'authorization_code', code, code_verifier: verifier, scope: `${ARM}/user_impersonation openid profile offline_access`, client_info: '1' },
    { origin },
  );
  expect(res.status).toBe(200);
  expect(res.headers.get('access-control-allow-origin')).toBe(origin);
  return (await res.json()) as Record<string, string>;
}

function verifyArmToken(token: string | undefined) {
  return jwtVerify(token ?? '', createLocalJWKSet(idp.publicJwks()), {
    issuer: `${origin}/idp`,
    audience: ARM,
    algorithms: ['RS256'],
  });
}

async function signIn(browser: Browser, extra: Record<string, string> = {}) {
  const { verifier, challenge } = pkce();
  const { appRedirect } = await browser.navigate(authorizeUrl(challenge, extra));
  return redeem(codeFrom(appRedirect), verifier);
}

describe('discovery', () => {
  it('publishes the issuer and every endpoint under /idp, readable from the SPA origins', async () => {
    const res = await fetch(`${origin}/idp/.well-known/openid-configuration`, { headers: { origin: VITE_ORIGIN } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(VITE_ORIGIN);
    const doc = (await res.json()) as Record<string, unknown>;
    expect(doc['issuer']).toBe(`${origin}/idp`);
    for (const name of ['authorization_endpoint', 'token_endpoint', 'end_session_endpoint', 'jwks_uri']) {
      expect(doc[name]).toMatch(new RegExp(`^${origin}/idp/`));
    }
    expect(doc['code_challenge_methods_supported']).toEqual(['S256']);

    const jwks = (await (await fetch(String(doc['jwks_uri']))).json()) as { keys: { kid: string; d?: string }[] };
    expect(jwks.keys.map((k) => k.kid)).toEqual(idp.publicJwks().keys.map((k) => k.kid));
    expect(jwks.keys[0]?.d).toBeUndefined();
    expect(idp.publicJwks().keys[0]?.d).toBeUndefined();
  });

  it('keeps its signing key across restarts', async () => {
    const again = await createIdp({ origin, directory: () => current, keyFile: join(keyDir, 'idp-signing-key.json') });
    expect(again.publicJwks()).toEqual(idp.publicJwks());
  });
});

describe('client credentials (service principals)', () => {
  it('issues an ARM token carrying the service principal identity', async () => {
    const res = await postToken({ grant_type: 'client_credentials', client_id: CI.appId, client_secret: CI.secret, scope: `${ARM}/.default` });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body['token_type']).toBe('Bearer');
    const { payload, protectedHeader } = await verifyArmToken(String(body['access_token']));
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload).toMatchObject({ aud: ARM, iss: `${origin}/idp`, tid: TENANT_ID, oid: CI.objectId, sub: CI.objectId, appid: CI.appId, roles: [] });
    expect(payload['scp']).toBeUndefined();
  });

  it('accepts the secret in HTTP Basic authentication too', async () => {
    const basic = Buffer.from(`${CI.appId}:${CI.secret}`).toString('base64');
    const res = await postToken({ grant_type: 'client_credentials', scope: `${ARM}/.default` }, { authorization: `Basic ${basic}` });
    expect(res.status).toBe(200);
  });

  it('honours accessTokenTtlSeconds', async () => {
    const short = await startIdp(120);
    try {
      const res = await fetch(`${short.origin}/idp/token`, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: CI.appId, client_secret: CI.secret, scope: `${ARM}/.default` }),
      });
      const body = (await res.json()) as { access_token: string; expires_in: number };
      expect(body.expires_in).toBe(120);
      const { exp = 0, iat = 0 } = decodeJwt(body.access_token);
      expect(exp - iat).toBe(120);
    } finally {
      await stop(short.server);
    }
  });

  it('sees service principals of the current directory (after a fixture reset)', async () => {
    current = { ...directory, servicePrincipals: [] };
    try {
      const res = await postToken({ grant_type: 'client_credentials', client_id: CI.appId, client_secret: CI.secret, scope: `${ARM}/.default` });
      expect(res.status).toBe(401);
    } finally {
      current = directory;
    }
  });

  it('rejects a wrong secret with 401 invalid_client', async () => {
    const res = await postToken({ grant_type: 'client_credentials', client_id: CI.appId, client_secret: 'wrong', scope: `${ARM}/.default` });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: string }).error).toBe('invalid_client');
  });
});

describe('authorization code + PKCE (the SPA)', () => {
  it('signs the login_hint user in without a page and issues ARM, ID and refresh tokens', async () => {
    const tokens = await signIn(new Browser(), { login_hint: 'Alice@Contoso.example' });

    const { payload } = await verifyArmToken(tokens['access_token']);
    expect(payload).toMatchObject({
      aud: ARM,
      tid: TENANT_ID,
      oid: ALICE.objectId,
      sub: ALICE.objectId,
      scp: 'user_impersonation',
      name: ALICE.displayName,
      preferred_username: ALICE.userPrincipalName,
      upn: ALICE.userPrincipalName,
    });
    expect(decodeJwt(tokens['id_token'] ?? '')).toMatchObject({
      aud: SPA,
      nonce: 'nonce-1',
      sub: ALICE.objectId,
      tid: TENANT_ID,
      oid: ALICE.objectId,
      name: ALICE.displayName,
      preferred_username: ALICE.userPrincipalName,
    });
    expect(JSON.parse(Buffer.from(tokens['client_info'] ?? '', 'base64url').toString())).toEqual({ uid: ALICE.objectId, utid: TENANT_ID });
    expect(tokens['refresh_token']).toBeTruthy();

    // MSAL's silent renewal: it always asks for offline_access again.
    const refreshed = await postToken(
      { client_id: SPA, grant_type: 'refresh_token', refresh_token: tokens['refresh_token'] ?? '', scope: `${ARM}/user_impersonation openid profile offline_access`, client_info: '1' },
      { origin: VITE_ORIGIN },
    );
    expect(refreshed.status).toBe(200);
    expect(refreshed.headers.get('access-control-allow-origin')).toBe(VITE_ORIGIN);
    const renewed = (await refreshed.json()) as Record<string, string>;
    const { payload: renewedPayload } = await verifyArmToken(renewed['access_token']);
    expect(renewedPayload['oid']).toBe(ALICE.objectId);
    expect(renewedPayload['jti']).not.toBe(payload['jti']);
    expect(renewed['client_info']).toBe(tokens['client_info']);

    // Parallel silent calls reuse one refresh token; like Entra, that must not revoke the grant.
    const again = await Promise.all(
      [1, 2].map(() => postToken({ client_id: SPA, grant_type: 'refresh_token', refresh_token: tokens['refresh_token'] ?? '', scope: `${ARM}/user_impersonation offline_access` })),
    );
    expect(again.map((r) => r.status)).toEqual([200, 200]);
  });

  it('shows the account picker without login_hint, and keeps the user on it after a wrong password', async () => {
    const browser = new Browser();
    const { verifier, challenge } = pkce();
    const { page } = await browser.navigate(authorizeUrl(challenge));
    expect(page?.status).toBe(200);
    const html = await page!.text();
    expect(html).toContain('<title>Sign in to the local Azure</title>');
    expect(html).toContain('<html lang="en">');
    for (const user of [ALICE, BEN]) {
      expect(html).toContain(user.displayName);
      expect(html).toContain(user.userPrincipalName);
    }
    const action = formAction(html, '/login');

    const wrong = await browser.navigate(action, form({ account: BEN.objectId, password: 'not-demo' }));
    expect(wrong.page?.status).toBe(200);
    const errorHtml = await wrong.page!.text();
    expect(errorHtml).toContain('role="alert"');
    expect(errorHtml).toContain('The password for ben@contoso.example is incorrect.');

    const right = await browser.navigate(action, form({ account: BEN.objectId, password: 'demo' }));
    const tokens = await redeem(codeFrom(right.appRedirect), verifier);
    expect((await verifyArmToken(tokens['access_token'])).payload['preferred_username']).toBe(BEN.userPrincipalName);
  });

  it('answers a sign-in posted with no account chosen with an alert, focusing the first account', async () => {
    const browser = new Browser();
    const { page } = await browser.navigate(authorizeUrl(pkce().challenge));
    const html = await page!.text();
    // The browser's own "required" check would stop the form silently; the server says what is missing.
    expect(html).toMatch(/<form method="post" action="[^"]*\/login" novalidate>/);
    const empty = await browser.navigate(formAction(html, '/login'), form({ password: 'demo' }));
    expect(empty.page?.status).toBe(200);
    const answer = await empty.page!.text();
    expect(answer).toContain('<p class="error" role="alert" id="sign-in-error">Choose an account to sign in with.</p>');
    expect(answer).toMatch(/id="account-0"[^>]* autofocus>/);
    expect(answer).toContain('<fieldset aria-describedby="sign-in-error">');
    expect(answer).not.toMatch(/id="password"[^>]*autofocus/);
  });

  it('serves its pages with a strict CSP whose nonce is the one on the page’s style, and never framed', async () => {
    const { page } = await new Browser().navigate(authorizeUrl(pkce().challenge));
    const csp = page?.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1] ?? 'none';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain(`form-action 'self' ${origin} ${VITE_ORIGIN}`);
    expect(csp).not.toContain('unsafe-inline');
    expect(await page!.text()).toContain(`<style nonce="${nonce}">`);
    expect(page?.headers.get('x-frame-options')).toBe('DENY');
    expect(page?.headers.get('x-content-type-options')).toBe('nosniff');
    const again = await new Browser().navigate(authorizeUrl(pkce().challenge));
    expect(again.page?.headers.get('content-security-policy')).not.toBe(csp);
  });

  it('shows the picker with a notice for an unknown login_hint', async () => {
    const { page } = await new Browser().navigate(authorizeUrl(pkce().challenge, { login_hint: 'zoe@contoso.example' }));
    const html = await page!.text();
    expect(html).toContain('There is no account zoe@contoso.example in this directory.');
  });

  it('switches account when login_hint names another user than the signed-in one', async () => {
    const browser = new Browser();
    await signIn(browser, { login_hint: ALICE.userPrincipalName });
    const tokens = await signIn(browser, { login_hint: BEN.userPrincipalName });
    expect((await verifyArmToken(tokens['access_token'])).payload['oid']).toBe(BEN.objectId);
  });

  it('supports prompt=select_account; the signed-in account needs no password', async () => {
    const browser = new Browser();
    await signIn(browser, { login_hint: ALICE.userPrincipalName });
    const { verifier, challenge } = pkce();
    const { page } = await browser.navigate(authorizeUrl(challenge, { prompt: 'select_account' }));
    const html = await page!.text();
    expect(html).toContain('(signed in)');
    const { appRedirect } = await browser.navigate(formAction(html, '/login'), form({ account: ALICE.objectId }));
    const tokens = await redeem(codeFrom(appRedirect), verifier);
    expect((await verifyArmToken(tokens['access_token'])).payload['oid']).toBe(ALICE.objectId);
  });

  it('asks for the password again on prompt=login, even for the signed-in account', async () => {
    const browser = new Browser();
    await signIn(browser, { login_hint: ALICE.userPrincipalName });
    const { page } = await browser.navigate(authorizeUrl(pkce().challenge, { prompt: 'login' }));
    const retry = await browser.navigate(formAction(await page!.text(), '/login'), form({ account: ALICE.objectId }));
    expect(await retry.page!.text()).toContain('The password for alice@contoso.example is incorrect.');
  });

  it('returns access_denied to the app when the user cancels', async () => {
    const browser = new Browser();
    const { page } = await browser.navigate(authorizeUrl(pkce().challenge));
    const { appRedirect } = await browser.navigate(formAction(await page!.text(), '/abort'), { method: 'POST' });
    expect(new URLSearchParams(appRedirect?.hash.slice(1)).get('error')).toBe('access_denied');
  });

  it('refuses a sign-in form posted without the interaction cookie (cross-site)', async () => {
    const browser = new Browser();
    const { page } = await browser.navigate(authorizeUrl(pkce().challenge));
    const action = formAction(await page!.text(), '/login');
    const forged = await new Browser().fetch(action, form({ account: ALICE.objectId, password: 'demo' }));
    expect(forged.status).toBe(400);
    expect(forged.headers.get('location')).toBeNull();
  });
});

describe('sign-out', () => {
  for (const withHint of [true, false]) {
    it(`confirms itself and returns to the app${withHint ? ' (id_token_hint)' : ' (no hint, as msal-browser 5 sends it)'}`, async () => {
      const browser = new Browser();
      const tokens = await signIn(browser, { login_hint: ALICE.userPrincipalName });
      const url = new URL(`${origin}/idp/session/end`);
      url.searchParams.set('post_logout_redirect_uri', `${origin}/`);
      if (withHint) url.searchParams.set('id_token_hint', tokens['id_token'] ?? '');
      const { page } = await browser.navigate(url, undefined, false);
      const html = await page!.text();
      expect(html).toContain('<html lang="en">');
      expect(html).toContain("document.getElementById('op.logoutForm').submit()");
      // Its one script runs under the page's CSP by the response's nonce.
      const nonce = /'nonce-([^']+)'/.exec(page?.headers.get('content-security-policy') ?? '')?.[1] ?? 'none';
      expect(html).toContain(`<script nonce="${nonce}">`);
      // What the page's script submits:
      expect(hiddenFields(html)).toMatchObject({ logout: 'yes', xsrf: expect.any(String) });
      const { appRedirect } = await browser.navigate(formAction(html, '/session/end/confirm'), form(hiddenFields(html)));
      expect(appRedirect?.href).toBe(`${origin}/`);
      expect(browser.cookies.has('_session')).toBe(false);
    });
  }
});

describe('token verification', () => {
  it('rejects a token signed by another key, even with the same kid', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const kid = idp.publicJwks().keys[0]?.kid ?? '';
    const forged = await new SignJWT({ tid: TENANT_ID, oid: ALICE.objectId, scp: 'user_impersonation' })
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid })
      .setIssuer(`${origin}/idp`)
      .setAudience(ARM)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    await expect(verifyArmToken(forged)).rejects.toThrow(/signature verification failed/);
  });
});
