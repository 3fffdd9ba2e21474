import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests, and the conformance suite that drives a running emulator
// (started by its global setup) with the real Azure SDK clients.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.{ts,tsx}', 'emulator/test/**/*.test.ts', 'scripts/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'conformance',
          environment: 'node',
          include: ['emulator/conformance/**/*.test.ts'],
          globalSetup: ['emulator/conformance/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
