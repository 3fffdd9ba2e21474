// The local OpenID Connect server, mounted at /idp of the emulator's single HTTPS origin.
import type { ServerResponse } from 'node:http';
import { errors } from 'oidc-provider';
import { createInteractionHandler } from './interactions.ts';
import { loadOrCreateSecrets, toPublicJwk } from './keys.ts';
import { errorPage, newNonce, pageHeaders } from './pages.ts';
import { createProvider, spaOrigins } from './provider.ts';
import { IDP_MOUNT_PATH, SPA_CLIENT_ID, type Idp, type IdpOptions } from './types.ts';

export type { Idp, IdpDirectory, IdpOptions } from './types.ts';
export { ARM_RESOURCE, SPA_CLIENT_ID } from './types.ts';

export async function createIdp(options: IdpOptions): Promise<Idp> {
  const secrets = await loadOrCreateSecrets(options.keyFile);
  const provider = createProvider(options, secrets);
  const callback = provider.callback();
  const interaction = createInteractionHandler(provider, options.directory, spaOrigins(options.origin));
  const publicKey = toPublicJwk(secrets.signingKey);

  return {
    issuer: provider.issuer,
    publicJwks: () => ({ keys: [publicKey] }),
    handle(req, res) {
      const url = req.url ?? '/';
      const path = url.slice(IDP_MOUNT_PATH.length) || '/';
      if (path.startsWith('/interaction/')) {
        interaction(req, res, path).catch((error: unknown) => failInteraction(res, error, spaOrigins(options.origin)));
        return;
      }
      // Mounted the way connect/express mount oidc-provider: it builds its endpoint URLs from
      // originalUrl minus url, so discovery lists every endpoint under /idp.
      req.url = withDefaultLogoutClient(path);
      Object.assign(req, { originalUrl: `${IDP_MOUNT_PATH}${req.url}` });
      void callback(req, res);
    },
  };
}

// msal-browser 5 sends neither client_id nor id_token_hint on logout, and oidc-provider then
// ignores post_logout_redirect_uri. There is one interactive client, so name it; the URI is
// still checked against that client's registered post-logout redirect URIs.
function withDefaultLogoutClient(path: string): string {
  const url = new URL(path, 'https://idp.invalid');
  const { searchParams: q } = url;
  if (url.pathname !== '/session/end' || !q.has('post_logout_redirect_uri')) return path;
  if (q.has('client_id') || q.has('id_token_hint')) return path;
  q.set('client_id', SPA_CLIENT_ID);
  return `${url.pathname}${url.search}`;
}

function failInteraction(res: ServerResponse, error: unknown, appOrigins: readonly string[]): void {
  const expired = error instanceof errors.SessionNotFound;
  if (!expired) console.error('[idp] interaction failed:', error);
  if (res.headersSent) {
    res.end();
    return;
  }
  const nonce = newNonce();
  res.writeHead(expired ? 400 : 500, { 'content-type': 'text/html; charset=utf-8', ...pageHeaders(nonce, appOrigins) });
  res.end(
    errorPage(
      expired
        ? { error: 'This sign-in has expired or was already used.', next: 'Go back to the app and sign in again.' }
        : { error: 'The sign-in page failed. See the emulator log.' },
      nonce,
    ),
  );
}
