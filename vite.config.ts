import { existsSync, readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { visualizer } from 'rollup-plugin-visualizer';
import { defineConfig, type PluginOption } from 'vite';
import { CSP_NONCE_PLACEHOLDER } from './src/shared/security-headers.ts';

/**
 * `npm start` (the emulator serving dist/) is the supported way to run the app. The dev server is a
 * convenience: it proxies the local Azure paths to an emulator on 8443. MSAL insists on an https authority,
 * so the dev server reuses the emulator's certificate from .certs/ when it exists.
 */
const EMULATOR = 'https://localhost:8443';
const proxied = { target: EMULATOR, secure: false, changeOrigin: false };
const certFile = '.certs/localhost.pem';
const keyFile = '.certs/localhost-key.pem';
const https = existsSync(certFile) && existsSync(keyFile)
  ? { cert: readFileSync(certFile), key: readFileSync(keyFile) }
  : undefined;

/**
 * Source maps are opt-in: VITE_SOURCEMAP=1 links them from the bundles, VITE_SOURCEMAP=hidden writes them without
 * the link (for an error tracker). By default none are written, so a host cannot serve them to everyone.
 */
function sourcemap(setting = process.env['VITE_SOURCEMAP'] ?? ''): boolean | 'hidden' {
  if (setting === 'hidden') return 'hidden';
  return ['1', 'true', 'yes'].includes(setting.toLowerCase());
}

// `BUNDLE_REPORT=1 npm run build` writes a treemap of every chunk (gzipped sizes) to bundle-report/stats.html,
// outside dist/ so it is never served with the app.
const bundleReport: PluginOption[] = process.env['BUNDLE_REPORT']
  ? [visualizer({ filename: 'bundle-report/stats.html', gzipSize: true, template: 'treemap' }) as PluginOption]
  : [];

export default defineConfig({
  plugins: [react(), ...bundleReport],
  // Vite writes this into <meta property="csp-nonce"> and onto its tags; the emulator swaps in a fresh nonce
  // per response (src/shared/security-headers.ts explains the policy).
  html: { cspNonce: CSP_NONCE_PLACEHOLDER },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: sourcemap(),
    rolldownOptions: {
      output: {
        // The ARM SDKs are dynamic imports in src/azure/clients.ts and the steps are lazy routes, so each gets
        // chunks of its own. These groups keep the framework code the sign-in page needs in stable, separately
        // cached chunks; the router is only needed after sign-in. Fluent is left to the splitter: one group
        // would put every component of every step on the sign-in page (scripts/bundle-size.ts checks the budget).
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'router', test: /node_modules[\\/]react-router[\\/]/ },
            { name: 'msal', test: /node_modules[\\/]@azure[\\/]msal-/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    ...(https ? { https } : {}),
    proxy: { '/arm': proxied, '/idp': proxied, '/_emulator': proxied },
  },
});
