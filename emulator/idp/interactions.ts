// The sign-in interaction: GET /idp/interaction/:uid shows the account picker (or signs the
// login_hint user in at once), POST …/login checks the password, POST …/abort cancels.
// Cross-site forgery is stopped by oidc-provider's interaction cookie: it is SameSite=Lax and
// scoped to this uid's path, and interactionDetails() refuses a request without it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { InteractionResults } from 'oidc-provider';
import { newNonce, pageHeaders, signInPage, type SignInPageModel } from './pages.ts';
import { IDP_MOUNT_PATH, type IdpDirectory } from './types.ts';

type Details = Awaited<ReturnType<Provider['interactionDetails']>>;

const MAX_FORM_BYTES = 16 * 1024;

/** `appOrigins`: where a sign-in may end (the SPA's redirect URIs), which the page's form-action must allow. */
export function createInteractionHandler(provider: Provider, directory: () => IdpDirectory, appOrigins: readonly string[]) {
  const findByUpn = (upn: string) =>
    directory().users.find((u) => u.userPrincipalName.toLowerCase() === upn.toLowerCase());

  const finish = (req: IncomingMessage, res: ServerResponse, result: InteractionResults) =>
    provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });

  function render(res: ServerResponse, details: Details, extra: Partial<SignInPageModel>): void {
    const dir = directory();
    const base = `${IDP_MOUNT_PATH}/interaction/${details.uid}`;
    const nonce = newNonce();
    const html = signInPage(
      {
        action: `${base}/login`,
        cancelAction: `${base}/abort`,
        tenantName: dir.tenant.displayName,
        accounts: dir.users,
        selectedObjectId: details.session?.accountId,
        signedInObjectId: details.session?.accountId,
        ...extra,
      },
      nonce,
    );
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...pageHeaders(nonce, appOrigins) });
    res.end(html);
  }

  async function start(req: IncomingMessage, res: ServerResponse, details: Details): Promise<void> {
    // prompt=consent was asked for explicitly; consent itself is implied (see loadExistingGrant).
    if (details.prompt.name === 'consent') {
      await provider.interactionFinished(req, res, { consent: {} }, { mergeWithLastSubmission: true });
      return;
    }
    const hint = details.params['login_hint'];
    const hinted = typeof hint === 'string' ? findByUpn(hint) : undefined;
    // Tests and scripted sign-ins name the user; only an explicit account choice shows the page.
    if (hinted && details.prompt.name === 'login') {
      await finish(req, res, { login: { accountId: hinted.objectId } });
      return;
    }
    const notice =
      typeof hint === 'string' && !hinted ? `There is no account ${hint} in this directory. Choose an account.` : undefined;
    render(res, details, { ...(hinted ? { selectedObjectId: hinted.objectId } : {}), notice });
  }

  async function login(req: IncomingMessage, res: ServerResponse, details: Details): Promise<void> {
    const form = await readForm(req);
    const user = directory().users.find((u) => u.objectId === form.get('account'));
    if (!user) {
      render(res, details, { error: 'Choose an account to sign in with.', errorField: 'account' });
      return;
    }
    // Picking the account this browser is already signed in with is not a new sign-in,
    // unless the app demanded one (prompt=login).
    const alreadySignedIn = details.prompt.name === 'select_account' && user.objectId === details.session?.accountId;
    if (!alreadySignedIn && form.get('password') !== user.password) {
      render(res, details, {
        selectedObjectId: user.objectId,
        error: `The password for ${user.userPrincipalName} is incorrect. Try again.`,
        errorField: 'password',
      });
      return;
    }
    await finish(req, res, { login: { accountId: user.objectId }, select_account: {} });
  }

  /** `path` is the request path below the mount point, e.g. /interaction/abc/login. */
  return async function handleInteraction(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const match = /^\/interaction\/([\w-]+)(\/login|\/abort)?$/.exec(path.split('?')[0] ?? '');
    const action = match?.[2] ?? '';
    const allowed = action ? 'POST' : 'GET';
    if (!match) {
      res.writeHead(404).end();
      return;
    }
    if (req.method !== allowed) {
      res.writeHead(405, { allow: allowed }).end();
      return;
    }
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== match[1]) {
      res.writeHead(400).end();
      return;
    }
    if (action === '/login') return login(req, res, details);
    if (action === '/abort') {
      await finish(req, res, { error: 'access_denied', error_description: 'The user cancelled the sign-in.' });
      return;
    }
    return start(req, res, details);
  };
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) throw new Error('sign-in form too large');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
