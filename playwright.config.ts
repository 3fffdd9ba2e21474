import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// E2E_PORT lets two runs (say, two developers' branches) share a machine without sharing an emulator.
const PORT = Number(process.env['E2E_PORT'] ?? 8543);
const ORIGIN = `https://localhost:${PORT}`;
const DIST = process.env['E2E_DIST'] ?? 'dist';
// Debian's Chromium; without it, Playwright's own (scripts/ensure-tools.ts downloads it where it can).
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * End-to-end tests drive the built app (dist/, built by `npm run test:e2e`) served by the local Azure
 * emulator, through the real MSAL redirect sign-in and the real ARM SDKs. One worker: the emulator's
 * state is shared, and every test resets it (e2e/fixtures.ts).
 */
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: ORIGIN,
    ignoreHTTPSErrors: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(existsSync(DEBIAN_CHROMIUM) ? { executablePath: DEBIAN_CHROMIUM } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: `node scripts/with-cert.ts node emulator/server.ts --port ${PORT} --lro-delay-ms 0 --graph-lag-ms 0 --dist ${DIST}`,
    url: `${ORIGIN}/_emulator/health`,
    ignoreHTTPSErrors: true,
    reuseExistingServer: !process.env['CI'],
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
