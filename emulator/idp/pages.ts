// HTML of the IdP's own pages. Plain server-rendered forms: they must work by keyboard, with
// a screen reader and without the app's JavaScript. Each response gets a fresh nonce for its one
// <style> (and the sign-out page's one <script>) and a strict CSP (pageHeaders).
import { randomBytes } from 'node:crypto';
import { PAGE_HEADERS } from '../../src/shared/security-headers.ts';

/** A nonce for one response. */
export const newNonce = (): string => randomBytes(16).toString('base64');

/**
 * The headers of an IdP page: nothing but its own nonce'd style and script, forms posting to the IdP, whose
 * redirects after a post may end at the app's redirect URIs (`formTargets`, checked by form-action too).
 */
export function pageHeaders(nonce: string, formTargets: readonly string[]): Record<string, string> {
  const csp = [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    "img-src 'self'",
    `form-action 'self' ${formTargets.join(' ')}`.trim(),
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return { 'Content-Security-Policy': csp, ...PAGE_HEADERS, 'Cache-Control': 'no-store' };
}

export interface SignInAccount {
  objectId: string;
  displayName: string;
  userPrincipalName: string;
}

export interface SignInPageModel {
  action: string;
  cancelAction: string;
  tenantName: string;
  accounts: readonly SignInAccount[];
  selectedObjectId?: string | undefined;
  /** The account this browser is signed in with; marked in the list. */
  signedInObjectId?: string | undefined;
  notice?: string | undefined;
  error?: string | undefined;
  /** Which field the error is about: it gets the focus and aria-invalid. */
  errorField?: 'account' | 'password' | undefined;
}

export function signInPage(model: SignInPageModel, nonce: string): string {
  const error = model.error
    ? `<p class="error" role="alert" id="sign-in-error">${escapeHtml(model.error)}</p>`
    : '';
  const notice = model.notice ? `<p class="notice" role="status">${escapeHtml(model.notice)}</p>` : '';
  const accountError = model.error !== undefined && model.errorField === 'account';
  const passwordError = model.error !== undefined && !accountError;
  const accounts = model.accounts
    .map((account, i) => {
      const id = `account-${i}`;
      const checked = account.objectId === model.selectedObjectId ? ' checked' : '';
      const current = account.objectId === model.signedInObjectId ? ' <span class="upn">(signed in)</span>' : '';
      // The first account takes the focus when the error is that none was chosen.
      const focus = accountError && i === 0 ? ' autofocus' : '';
      return `<li><input type="radio" name="account" id="${id}" value="${escapeHtml(account.objectId)}" required${checked}${focus}>
        <label for="${id}"><span class="name">${escapeHtml(account.displayName)}</span>${current}
        <span class="upn">${escapeHtml(account.userPrincipalName)}</span></label></li>`;
    })
    .join('\n');
  const describedBy = ['password-hint', ...(passwordError ? ['sign-in-error'] : [])].join(' ');
  const fieldsetError = accountError ? ' aria-describedby="sign-in-error"' : '';
  return layout(
    'Sign in to the local Azure',
    `<h1>Sign in to the local Azure</h1>
    <p>Directory: <strong>${escapeHtml(model.tenantName)}</strong>. This sign-in page belongs to the local
    emulator; no data leaves this computer.</p>
    ${notice}${error}
    <form method="post" action="${escapeHtml(model.action)}" novalidate>
      <fieldset${fieldsetError}>
        <legend>Choose an account</legend>
        <ul class="accounts">${accounts}</ul>
      </fieldset>
      <label for="password">Password</label>
      <input type="password" id="password" name="password" autocomplete="current-password"
        aria-describedby="${describedBy}"${passwordError ? ' aria-invalid="true" autofocus' : ''}>
      <p class="hint" id="password-hint">The demo password of every account is <code>demo</code>.</p>
      <button type="submit">Sign in</button>
    </form>
    <form method="post" action="${escapeHtml(model.cancelAction)}">
      <button type="submit" class="secondary">Cancel</button>
    </form>`,
    nonce,
  );
}

/** `form` is oidc-provider's hidden confirmation form; submitting it with logout=yes ends the session. */
export function signOutPage(form: string, nonce: string): string {
  return layout(
    'Signing out',
    `<h1>Signing out…</h1>
    ${form}
    <p>If nothing happens, confirm below.</p>
    <input type="hidden" form="op.logoutForm" name="logout" value="yes">
    <button type="submit" form="op.logoutForm">Sign out</button>
    <script nonce="${nonce}">document.getElementById('op.logoutForm').submit();</script>`,
    nonce,
  );
}

export function signedOutPage(returnUrl: string, nonce: string): string {
  return layout(
    'Signed out',
    `<h1>You have signed out</h1>
    <p><a href="${escapeHtml(returnUrl)}">Return to the VM backup wizard</a></p>`,
    nonce,
  );
}

export function errorPage(fields: object, nonce: string): string {
  const rows = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `<dt>${escapeHtml(key)}</dt><dd>${escapeHtml(String(value))}</dd>`)
    .join('');
  return layout('Sign-in error', `<h1>Sign-in error</h1><dl>${rows}</dl>`, nonce);
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
  body { font-family: system-ui, sans-serif; color: #1b1b1b; background: #f5f5f5; margin: 0; line-height: 1.5; }
  main { max-width: 28rem; margin: 2rem auto; padding: 1.5rem 2rem; background: #fff; border-radius: 8px;
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.2); }
  h1 { font-size: 1.5rem; margin-top: 0; }
  fieldset { border: 0; padding: 0; margin: 0 0 1rem; }
  legend { font-weight: 600; margin-bottom: 0.5rem; }
  .accounts { list-style: none; padding: 0; margin: 0; }
  .accounts li { display: flex; align-items: flex-start; gap: 0.5rem; padding: 0.5rem 0; border-bottom: 1px solid #e0e0e0; }
  .accounts input { margin-top: 0.3rem; }
  .name { display: block; font-weight: 600; }
  .upn { color: #4a4a4a; }
  label[for=password] { display: block; font-weight: 600; }
  input[type=password] { width: 100%; box-sizing: border-box; padding: 0.5rem; font-size: 1rem;
    border: 1px solid #616161; border-radius: 4px; }
  .hint { color: #4a4a4a; margin-top: 0.25rem; }
  .error { color: #a4262c; font-weight: 600; border-left: 4px solid #a4262c; padding-left: 0.5rem; }
  .notice { border-left: 4px solid #0f6cbd; padding-left: 0.5rem; }
  button { font-size: 1rem; padding: 0.5rem 1.25rem; border-radius: 4px; border: 1px solid #0f6cbd;
    background: #0f6cbd; color: #fff; cursor: pointer; margin-top: 0.5rem; }
  button.secondary { background: #fff; color: #0f6cbd; }
  a { color: #0f6cbd; }
  :focus-visible { outline: 3px solid #1b1b1b; outline-offset: 2px; }
`;

function layout(title: string, body: string, nonce: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)}</title>
  <style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}
