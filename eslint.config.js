// Import boundaries keep the layers honest: one gateway to Azure, one auth module,
// steps that don't know each other, shared code that depends on nothing.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ['error', { patterns }];

const ARM_SDK = {
  group: ['@azure/arm-*', '@azure/core-*', '@azure/abort-controller', '@azure/logger'],
  message: 'Only the gateway (src/azure/) talks to Azure SDKs: add an operation module there and import it.',
};
const MSAL = {
  group: ['@azure/msal-*'],
  message: 'Only the auth module (src/auth/) uses MSAL: use its hooks and credential.',
};
const OTHER_STEPS = {
  group: ['../*/**', '!../../**', '**/steps/*/**'],
  message: 'Steps do not import each other: share through src/store, src/azure or src/components.',
};
const APP_OR_EMULATOR = {
  group: ['**/emulator/**', '**/app/**', '**/steps/**', '**/store/**', '**/azure/**', '**/auth/**', 'react', 'react-dom'],
  message: 'src/shared is used by both the app and the emulator: it imports neither.',
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', '.certs/', 'bundle-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['src/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': restrict([ARM_SDK, MSAL]) } },
  { files: ['src/azure/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': restrict([MSAL]) } },
  { files: ['src/auth/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': restrict([ARM_SDK]) } },
  // main.tsx is the composition root: it wires auth to the gateway.
  { files: ['src/main.tsx'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['src/steps/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': restrict([ARM_SDK, MSAL, OTHER_STEPS]) } },
  { files: ['src/shared/**/*.ts'], rules: { 'no-restricted-imports': restrict([APP_OR_EMULATOR]) } },
);
