import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headersFile, staticWebAppConfig } from './host-header-files.ts';
import { appContentSecurityPolicy, azureConnectSources, CSP_NONCE_PLACEHOLDER, EMPTY_STYLE_HASH, staticHostHeaders } from './security-headers.ts';

const directives = (csp: string) => new Map(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

describe('the app’s Content-Security-Policy', () => {
  it('allows only its own scripts, and styles by this response’s nonce', () => {
    const csp = directives(appContentSecurityPolicy({ connectTo: [], styleNonce: 'n0nce' }));
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'", "'nonce-n0nce'"]);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
  });

  it('admits only empty <style> elements where there is no nonce (static hosts), and never unsafe-inline', () => {
    const csp = appContentSecurityPolicy({ connectTo: [] });
    expect(directives(csp).get('style-src')).toEqual(["'self'", EMPTY_STYLE_HASH]);
    expect(csp).not.toContain('unsafe');
  });

  it('lets a build for Azure call ARM, Entra and the configured authority', () => {
    expect(azureConnectSources()).toEqual(['https://management.azure.com', 'https://login.microsoftonline.com']);
    expect(azureConnectSources('https://login.microsoftonline.us/tenant')).toContain('https://login.microsoftonline.us');
    expect(directives(staticHostHeaders()['Content-Security-Policy'] ?? '').get('connect-src')).toEqual([
      "'self'",
      'https://management.azure.com',
      'https://login.microsoftonline.com',
    ]);
  });

  it('uses a placeholder Vite writes and servers replace, which no real nonce looks like', () => {
    expect(CSP_NONCE_PLACEHOLDER).toMatch(/^[A-Z_]+$/);
  });
});

describe('the static hosts’ header files', () => {
  it('are current (regenerate with node scripts/write-host-headers.ts)', () => {
    expect(readFileSync('public/_headers', 'utf8')).toBe(headersFile());
    expect(readFileSync('public/staticwebapp.config.json', 'utf8')).toBe(staticWebAppConfig());
  });

  it('carry every header of the emulator’s pages, plus HSTS', () => {
    const headers = staticHostHeaders();
    for (const name of ['Content-Security-Policy', 'X-Frame-Options', 'X-Content-Type-Options', 'Referrer-Policy', 'Permissions-Policy', 'Strict-Transport-Security']) {
      expect(headers[name], name).toBeTruthy();
    }
  });
});
