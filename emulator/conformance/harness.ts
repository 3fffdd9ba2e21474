// What the conformance tests need to talk to a target: the emulator by default, or live
// Azure when CONFORMANCE_TARGET=azure (then AZURE_TENANT_ID, AZURE_CLIENT_ID and
// AZURE_CLIENT_SECRET name a service principal, and AZURE_SUBSCRIPTION_ID a subscription).
import { createHash, randomBytes } from 'node:crypto';
import { ResourceManagementClient } from '@azure/arm-resources';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { RecoveryServicesClient } from '@azure/arm-recoveryservices';
import { RecoveryServicesBackupClient } from '@azure/arm-recoveryservicesbackup';
import { afterAll, inject, it } from 'vitest';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { CONTROL_HEADERS } from '../control/header.ts';

export const live = process.env['CONFORMANCE_TARGET'] === 'azure';
export const origin = live ? '' : inject('origin');
export const endpoint = live ? 'https://management.azure.com' : `${origin}/arm`;
export const ARM_SCOPE = 'https://management.azure.com/.default';

export const CONTOSO = {
  tenantId: '3f6c2a9e-8b1d-4e27-9c5a-1d2e3f4a5b6c',
  production: '8c6b1f3e-2a4d-4f5b-9e7c-0a1b2c3d4e5f',
  devTest: 'b2d4f6a8-1c3e-4a5b-8d7f-9e0a1b2c3d4e',
  sp: { clientId: '5e7a9c1b-3d5f-4a7b-8c9d-0e1f2a3b4c5d', secret: 'local-only-secret' },
};

export const subscriptionId = live ? (process.env['AZURE_SUBSCRIPTION_ID'] ?? '') : CONTOSO.production;

function tokenEndpoint(): string {
  return live
    ? `https://login.microsoftonline.com/${process.env['AZURE_TENANT_ID']}/oauth2/v2.0/token`
    : `${origin}/idp/token`;
}

export async function clientCredentialsToken(clientId: string, secret: string): Promise<AccessToken> {
  const res = await fetch(tokenEndpoint(), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret, scope: ARM_SCOPE }),
  });
  if (!res.ok) throw new Error(`token request failed: ${res.status} ${await res.text()}`);
  const json = (await res.json()) as { access_token: string; expires_in: number };
  return { token: json.access_token, expiresOnTimestamp: Date.now() + json.expires_in * 1000 };
}

/** The service principal's credential: what scripts and CI use. */
export function servicePrincipalCredential(): TokenCredential {
  const clientId = live ? (process.env['AZURE_CLIENT_ID'] ?? '') : CONTOSO.sp.clientId;
  const secret = live ? (process.env['AZURE_CLIENT_SECRET'] ?? '') : CONTOSO.sp.secret;
  let cached: AccessToken | undefined;
  return {
    async getToken() {
      if (!cached || cached.expiresOnTimestamp - Date.now() < 120_000) cached = await clientCredentialsToken(clientId, secret);
      return cached;
    },
  };
}

export function staticCredential(token: string): TokenCredential {
  return { getToken: async () => ({ token, expiresOnTimestamp: Date.now() + 3600_000 }) };
}

/** A demo user's token through the real authorization-code + PKCE flow (login_hint skips the page). */
export async function userToken(upn: string): Promise<string> {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const redirectUri = `${origin}/`;
  const params = new URLSearchParams({
    client_id: 'vm-backup-wizard-local',
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: 'openid profile offline_access https://management.azure.com/user_impersonation',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: randomBytes(8).toString('hex'),
    nonce: randomBytes(8).toString('hex'),
    login_hint: upn,
    response_mode: 'query',
  });
  const cookies = new Map<string, string>();
  let url = `${origin}/idp/auth?${params}`;
  for (let hop = 0; hop < 10; hop++) {
    const res = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const eq = pair.indexOf('=');
      cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`sign-in stopped at ${url} with ${res.status}`);
    const next = new URL(location, url);
    const code = next.searchParams.get('code');
    if (code && next.href.startsWith(redirectUri)) {
      const tokenRes = await fetch(`${origin}/idp/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          client_id: 'vm-backup-wizard-local',
          code,
          redirect_uri: redirectUri,
          code_verifier: verifier,
        }),
      });
      const json = (await tokenRes.json()) as { access_token?: string };
      if (!json.access_token) throw new Error(`code exchange failed: ${JSON.stringify(json)}`);
      return json.access_token;
    }
    url = next.href;
  }
  throw new Error('too many redirects during sign-in');
}

/** Emulator test controls (not available against live Azure). */
export const control = {
  async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${origin}/_emulator${path}`, {
      method,
      headers: { ...CONTROL_HEADERS, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`control ${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  },
  reset: () => control.call('POST', '/reset'),
  settings: (s: Record<string, unknown>) => control.call('POST', '/settings', s),
  fault: (f: Record<string, unknown>) => control.call('POST', '/faults', f),
  requests: async () =>
    (await control.call('GET', '/requests')) as { method: string; path: string; status: number; query: string }[],
  clearRequests: () => control.call('DELETE', '/requests'),
};

/** Tests that need the emulator's controls or fixture names; skipped against live Azure. */
export const emulatorOnly = live ? it.skip : it;

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** A name no earlier run used, for resources a test creates. */
export const unique = (prefix: string): string => `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

const modular = { endpoint, credentials: { scopes: [ARM_SCOPE] } };

/** The real SDK clients, configured as the app configures them (explicit ARM scopes, custom endpoint). */
export function sdk(credential: TokenCredential = servicePrincipalCredential(), subscription = subscriptionId) {
  return {
    subscriptions: () => new SubscriptionClient(credential, modular),
    resources: () => new ResourceManagementClient(credential, subscription, modular),
    recoveryServices: () => new RecoveryServicesClient(credential, subscription, modular),
    // The AutoRest backup client asks for `${endpoint}/.default` unless told otherwise (arm-api.md §2.1).
    backup: () => new RecoveryServicesBackupClient(credential, subscription, { endpoint, credentialScopes: [ARM_SCOPE] }),
  };
}

/** Resource groups a test file created; deleted after the file when running against live Azure. */
export function groupsToDeleteAfterLiveRun(): string[] {
  const created: string[] = [];
  afterAll(async () => {
    if (live) await Promise.all(created.map((rg) => sdk().resources().resourceGroups.delete(rg)));
  });
  return created;
}
