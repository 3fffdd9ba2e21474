import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { staticHostHeaders } from '../src/shared/security-headers.ts';
import { expect, test } from './fixtures.ts';
import { LandingPage } from './pages/landing-page.ts';

// Another loopback origin (another port), as a page from another local dev server would be.
const ATTACKER = 'https://127.0.0.1:9';

/** A page of another origin, served by Playwright itself, with this body. */
function attackerPage(body: string) {
  return { status: 200, contentType: 'text/html', body: `<!doctype html><html lang="en"><title>other</title><body>${body}</body></html>` };
}

test('the app is served with a strict CSP whose nonce is on every style Fluent UI inserts, and looks as designed', async ({ page, landing }) => {
  const response = await page.goto('/');
  const headers = response?.headers() ?? {};
  const csp = headers['content-security-policy'] ?? '';
  for (const directive of ["default-src 'none'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'", "base-uri 'none'"]) {
    expect(csp).toContain(directive);
  }
  expect(csp).not.toContain('unsafe-inline');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['permissions-policy']).toContain('camera=()');

  await expect(landing.heading).toBeVisible();
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  const styleNonces = await page.evaluate(() => [...document.querySelectorAll('style')].map((style) => style.nonce));
  expect(styleNonces.length).toBeGreaterThan(0);
  expect(new Set(styleNonces)).toEqual(new Set([nonce]));
  // Fluent's primary button colour: the styles were applied, not refused.
  await expect(landing.signInButton).toHaveCSS('background-color', 'rgb(15, 108, 189)');
  // A new response, a new nonce.
  const again = await page.reload();
  expect(again?.headers()['content-security-policy']).not.toBe(csp);
});

test('the header set for static hosts (public/_headers) runs the app unchanged too', async ({ page, signIn, shell }) => {
  const policy = staticHostHeaders()['Content-Security-Policy'] ?? '';
  // The emulator's pages, re-served with the static hosts' policy: no nonce, only empty <style> elements allowed.
  await page.route(
    (url) => url.pathname === '/' || url.pathname.startsWith('/setup/'),
    async (route) => {
      const original = await route.fetch();
      await route.fulfill({ response: original, headers: { ...original.headers(), 'content-security-policy': policy } });
    },
  );
  await signIn('alice@contoso.example');
  await expect(shell.banner).toBeVisible();
  await expect(shell.signOutButton).toHaveCSS('font-family', /Segoe UI/);
});

test('another origin cannot frame the app', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  await page.route(`${ATTACKER}/`, (route) => route.fulfill(attackerPage(`<iframe src="${baseURL}/" title="app"></iframe>`)));
  await page.goto(`${ATTACKER}/`);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  await expect.poll(() => frame?.url()).toMatch(/^chrome-error:|^about:blank$/);
  await expect(new LandingPage(page).heading).toHaveCount(0);
  await context.close();
});

test('a page on another loopback origin cannot reset the emulator with a no-cors POST', async ({ browser, baseURL, emulator }) => {
  await emulator.injectFault({ path: '/resourcegroups', status: 503, count: 1 });
  // A real server on another loopback port: Chromium lets loopback pages call loopback addresses.
  const other = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(attackerPage('').body));
  await new Promise<void>((ready) => other.listen(0, '127.0.0.1', ready));
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  try {
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`);
    const outcome = await page.evaluate(async (target) => {
      const noCors = await fetch(`${target}/_emulator/reset`, { method: 'POST', mode: 'no-cors', headers: { 'x-emulator-control': '1' } });
      const cors = await fetch(`${target}/_emulator/reset`, { method: 'POST', headers: { 'x-emulator-control': '1' } }).then(
        () => 'sent',
        () => 'refused',
      );
      return { noCors: noCors.type, cors };
    }, baseURL);
    // The no-cors POST went out without the custom header (and was refused); the CORS one died at its preflight.
    expect(outcome).toEqual({ noCors: 'opaque', cors: 'refused' });
    expect(await emulator.faults()).toHaveLength(1);
  } finally {
    await context.close();
    await new Promise((closed) => other.close(closed));
  }
});

test('source maps are not served: the build has none and the server refuses *.map', async ({ request }) => {
  const script = readdirSync(join('dist', 'assets')).find((file) => /^index-.*\.js$/.test(file)) ?? 'missing';
  expect(readFileSync(join('dist', 'assets', script), 'utf8')).not.toContain('sourceMappingURL');
  expect((await request.get(`/assets/${script}`)).status()).toBe(200);
  expect((await request.get(`/assets/${script}.map`)).status()).toBe(404);
});
