/*
 * The response headers the app is served with: by the emulator (`npm start`, a fresh style nonce per response)
 * and by a static host (public/_headers, public/staticwebapp.config.json, written from here by
 * scripts/write-host-headers.ts). One definition, so the two cannot drift apart.
 *
 * Scripts: only the app's own files ('self'), no inline script anywhere. Styles: Fluent UI (Griffel) and its
 * theme provider insert empty <style> elements and fill them through the CSSOM (insertRule), which CSP does not
 * govern. The emulator lets those elements in by a per-response nonce (read from <meta property="csp-nonce">,
 * which Vite writes, and handed to Griffel's createDOMRenderer); a static host cannot vary a nonce, so its
 * policy allows exactly one inline style: the empty one, by its hash. Injected markup with any CSS in it is
 * refused either way, and no policy here says 'unsafe-inline'.
 */

/** What Vite writes as the nonce (html.cspNonce); a server that renders index.html per response replaces it. */
export const CSP_NONCE_PLACEHOLDER = 'CSP_NONCE_PLACEHOLDER';

/** The CSP hash of an empty string: allows an empty <style> element and nothing else. */
export const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

export const AZURE_ARM_ORIGIN = 'https://management.azure.com';
export const ENTRA_ORIGIN = 'https://login.microsoftonline.com';

/** Headers every answer of this origin carries, pages and APIs alike. */
export const BASELINE_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** Headers of every HTML page: never framed, no powerful features, no cross-origin window handles. */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  ...BASELINE_HEADERS,
  'X-Frame-Options': 'DENY',
  'Permissions-Policy':
    'accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=(), browsing-topics=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export type AppPolicyOptions = {
  /** Origins the app calls besides its own: the ARM endpoint and the sign-in authority. */
  connectTo: readonly string[];
  /** The nonce of this response; without one, only empty <style> elements are allowed (static hosts). */
  styleNonce?: string | undefined;
};

/** The app's Content-Security-Policy. */
export function appContentSecurityPolicy({ connectTo, styleNonce }: AppPolicyOptions): string {
  const connect = [...new Set(["'self'", ...connectTo])];
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' ${styleNonce ? `'nonce-${styleNonce}'` : EMPTY_STYLE_HASH}`,
    "img-src 'self'",
    "font-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "manifest-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Every header of the app's HTML page. */
export function appPageHeaders(options: AppPolicyOptions): Record<string, string> {
  return { 'Content-Security-Policy': appContentSecurityPolicy(options), ...PAGE_HEADERS };
}

/** What a build for real Azure talks to: ARM, Entra, and the configured authority's origin. */
export function azureConnectSources(authority: string = `${ENTRA_ORIGIN}/organizations`): string[] {
  return [...new Set([AZURE_ARM_ORIGIN, ENTRA_ORIGIN, new URL(authority).origin])];
}

/** The headers for a static host serving a build for real Azure (HTTPS only there, so HSTS too). */
export function staticHostHeaders(authority?: string): Record<string, string> {
  return {
    ...appPageHeaders({ connectTo: azureConnectSources(authority) }),
    'Strict-Transport-Security': 'max-age=31536000',
  };
}
