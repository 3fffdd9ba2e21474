// oidc-provider configured to look like Entra ID to MSAL and to the ARM emulator, following the
// tested recipe of the msal-local-oidc research notes (§1.5 refresh, §1.6 logout, §3 configuration).
import { decodeJwt } from 'jose';
import Provider, { errors, interactionPolicy } from 'oidc-provider';
import type { AccessToken, ClientCredentials, ClientMetadata, Configuration, JWKS, KoaContextWithOIDC } from 'oidc-provider';
import { createAdapterFactory } from './adapter.ts';
import type { IdpSecrets } from './keys.ts';
import { errorPage, newNonce, pageHeaders, signOutPage, signedOutPage } from './pages.ts';
import { ARM_RESOURCE, IDP_MOUNT_PATH, SPA_CLIENT_ID, type IdpDirectory, type IdpOptions } from './types.ts';

const ARM_SCOPES = `${ARM_RESOURCE}/user_impersonation ${ARM_RESOURCE}/.default`;
const VITE_DEV_ORIGIN = 'http://localhost:5173';
const HOUR = 60 * 60;
const DAY = 24 * HOUR;

/** Where the SPA runs: the emulator's own origin and Vite's dev server. */
export const spaOrigins = (origin: string): string[] => [...new Set([origin, VITE_DEV_ORIGIN])];

export function createProvider(options: IdpOptions, secrets: IdpSecrets): Provider {
  const { origin, directory } = options;
  const accessTokenTtl = options.accessTokenTtlSeconds ?? HOUR;
  const findUser = (objectId: string) => directory().users.find((u) => u.objectId === objectId);
  const appOrigins = spaOrigins(origin);
  /** An HTML page of oidc-provider's, with this response's nonce and the IdP pages' headers. */
  const sendPage = (ctx: KoaContextWithOIDC, page: (nonce: string) => string) => {
    const nonce = newNonce();
    ctx.set(pageHeaders(nonce, appOrigins));
    ctx.type = 'html';
    ctx.body = page(nonce);
  };
  const spa: ClientMetadata = {
    client_id: SPA_CLIENT_ID,
    client_name: 'VM backup wizard (local)',
    application_type: 'web',
    token_endpoint_auth_method: 'none',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: appOrigins.flatMap((o) => [`${o}/`, `${o}/redirect.html`]),
    post_logout_redirect_uris: appOrigins.map((o) => `${o}/`),
  };

  const configuration: Configuration = {
    clients: [spa],
    adapter: createAdapterFactory((clientId) => servicePrincipalClient(directory(), clientId)),
    jwks: { keys: [secrets.signingKey] } as JWKS,
    cookies: { keys: secrets.cookieKeys },
    findAccount: async (_ctx, sub) => {
      const user = findUser(sub);
      if (!user) return undefined;
      const { tenantId } = directory().tenant;
      return {
        accountId: sub,
        claims: () => ({ sub, tid: tenantId, oid: sub, name: user.displayName, preferred_username: user.userPrincipalName }),
      };
    },
    claims: { openid: ['sub', 'tid', 'oid'], profile: ['name', 'preferred_username'] },
    scopes: ['openid', 'offline_access', 'profile'],
    // MSAL reads the account's name and username from the ID token of the code flow.
    conformIdTokenClaims: false,
    responseTypes: ['code'],
    pkce: { required: () => true },
    formats: {
      customizers: {
        jwt: (_ctx, token, jwt) => {
          Object.assign(jwt.payload, accessTokenClaims(directory(), token));
        },
      },
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // MSAL never sends `resource`: the scope names ARM, so ARM is the default audience.
        defaultResource: async (_ctx, _client, oneOf) => oneOf?.[0] ?? ARM_RESOURCE,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx, indicator) => {
          if (indicator.replace(/\/$/, '') !== ARM_RESOURCE) throw new errors.InvalidTarget();
          return {
            scope: ARM_SCOPES,
            audience: ARM_RESOURCE,
            accessTokenTTL: accessTokenTtl,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
      rpInitiatedLogout: {
        enabled: true,
        // No "Do you want to sign out?" question: the app asked, so the page confirms itself.
        logoutSource: async (ctx, form) => sendPage(ctx, (nonce) => signOutPage(form, nonce)),
        postLogoutSuccessSource: async (ctx) => sendPage(ctx, (nonce) => signedOutPage(`${origin}/`, nonce)),
      },
    },
    renderError: async (ctx, out) => sendPage(ctx, (nonce) => errorPage(out, nonce)),
    clientBasedCORS: (_ctx, requestOrigin, client) =>
      client.clientAuthMethod === 'none' && (client.redirectUris ?? []).some((uri) => new URL(uri).origin === requestOrigin),
    // Refresh tokens for the SPA without prompt=consent, which MSAL never sends (the documented recipe).
    issueRefreshToken: async (_ctx, client, code) =>
      client.grantTypeAllowed('refresh_token') &&
      (code.scopes.has('offline_access') || (client.applicationType === 'web' && client.clientAuthMethod === 'none')),
    // Entra does not revoke a grant when a refresh token is replayed; parallel silent calls rely on that.
    rotateRefreshToken: false,
    ttl: {
      AccessToken: accessTokenTtl,
      ClientCredentials: accessTokenTtl,
      AuthorizationCode: 60,
      IdToken: HOUR,
      RefreshToken: DAY,
      Interaction: HOUR,
      Session: 14 * DAY,
      Grant: 14 * DAY,
    },
    interactions: {
      policy: createInteractionPolicy(directory),
      url: async (_ctx, interaction) => `${IDP_MOUNT_PATH}/interaction/${interaction.uid}`,
    },
    // A first-party app: consent is implied, as for an admin-consented app in Entra.
    loadExistingGrant: async (ctx) => {
      const { oidc } = ctx;
      const accountId = oidc.session?.accountId;
      if (!oidc.client || !accountId) return undefined;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(oidc.client.clientId);
      const grant =
        (grantId ? await oidc.provider.Grant.find(grantId) : undefined) ??
        new oidc.provider.Grant({ clientId: oidc.client.clientId, accountId });
      grant.addOIDCScope('openid profile offline_access');
      grant.addOIDCClaims(['tid', 'oid', 'name', 'preferred_username']);
      grant.addResourceScope(ARM_RESOURCE, ARM_SCOPES);
      await grant.save();
      return grant;
    },
  };

  const provider = new Provider(`${origin}${IDP_MOUNT_PATH}`, configuration);
  provider.use(addClientInfo);
  // oidc-provider reports its own failures only through `debug`; keep real bugs visible.
  provider.on('server_error', (_ctx: KoaContextWithOIDC, error: Error) => console.error('[idp] server error:', error));
  return provider;
}

function servicePrincipalClient(dir: IdpDirectory, clientId: string): ClientMetadata | undefined {
  const sp = dir.servicePrincipals.find((s) => s.appId === clientId);
  if (!sp) return undefined;
  return {
    client_id: sp.appId,
    client_secret: sp.secret,
    client_name: sp.displayName,
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
    // oidc-provider accepts client_secret_basic and client_secret_post interchangeably.
    token_endpoint_auth_method: 'client_secret_post',
  };
}

/** Entra-style claims of ARM access tokens: users get scp, service principals get roles and appid. */
function accessTokenClaims(dir: IdpDirectory, token: AccessToken | ClientCredentials): Record<string, unknown> {
  const tid = dir.tenant.tenantId;
  if (token.kind === 'ClientCredentials') {
    const sp = dir.servicePrincipals.find((s) => s.appId === token.clientId);
    return sp ? { sub: sp.objectId, oid: sp.objectId, tid, appid: sp.appId, roles: [] } : {};
  }
  const user = dir.users.find((u) => u.objectId === token.accountId);
  if (!user) return {};
  return {
    tid,
    oid: user.objectId,
    name: user.displayName,
    preferred_username: user.userPrincipalName,
    upn: user.userPrincipalName,
    scp: 'user_impersonation',
  };
}

function createInteractionPolicy(directory: () => IdpDirectory): interactionPolicy.DefaultPolicy {
  const policy = interactionPolicy.base();
  // MSAL apps send prompt=select_account; without this prompt oidc-provider rejects the value.
  policy.add(new interactionPolicy.Prompt({ name: 'select_account', requestable: true }), 0);
  // Like Entra, a login_hint naming another user than the signed-in one means "sign in as them".
  policy.get('login')?.checks.add(
    new interactionPolicy.Check('login_hint_mismatch', 'login_hint names another account', (ctx) => {
      const hint = ctx.oidc.params?.['login_hint'];
      const accountId = ctx.oidc.session?.accountId;
      if (typeof hint !== 'string' || !accountId || ctx.oidc.result?.login) return false;
      const hinted = directory().users.find((u) => u.userPrincipalName.toLowerCase() === hint.toLowerCase());
      return hinted !== undefined && hinted.objectId !== accountId;
    }),
  );
  return policy;
}

// MSAL derives homeAccountId "<oid>.<tid>" from client_info, exactly as with Entra.
async function addClientInfo(ctx: KoaContextWithOIDC, next: () => Promise<unknown>): Promise<void> {
  await next();
  const body: unknown = ctx.body;
  if (ctx.oidc?.route !== 'token' || ctx.status !== 200 || typeof body !== 'object' || body === null) return;
  const idToken = (body as Record<string, unknown>)['id_token'];
  if (typeof idToken !== 'string') return;
  const { oid, tid } = decodeJwt(idToken);
  if (typeof oid !== 'string' || typeof tid !== 'string') return;
  const clientInfo = Buffer.from(JSON.stringify({ uid: oid, utid: tid })).toString('base64url');
  Object.assign(body, { client_info: clientInfo });
}
