import { describe, expect, it } from 'vitest';
import { readConfig } from './env.ts';

const page = { origin: 'https://localhost:8543', host: 'localhost:8543' };

describe('readConfig', () => {
  it('defaults to the local Azure on the page origin', () => {
    const result = readConfig({}, page);
    expect(result).toEqual({
      ok: true,
      config: {
        target: 'local',
        auth: {
          clientId: 'vm-backup-wizard-local',
          authority: 'https://localhost:8543/idp',
          knownAuthorities: ['localhost:8543'],
          protocol: 'OIDC',
          redirectUri: 'https://localhost:8543/',
          postLogoutRedirectUri: 'https://localhost:8543/',
        },
        arm: { endpoint: 'https://localhost:8543/arm', scope: 'https://management.azure.com/user_impersonation' },
      },
    });
  });

  it('configures Entra ID and real ARM for the azure target', () => {
    const result = readConfig(
      { VITE_AZURE_TARGET: 'azure', VITE_ENTRA_CLIENT_ID: '11111111-2222-3333-4444-555555555555' },
      { origin: 'https://backup.contoso.example', host: 'backup.contoso.example' },
    );
    expect(result.ok && result.config.auth).toMatchObject({
      clientId: '11111111-2222-3333-4444-555555555555',
      authority: 'https://login.microsoftonline.com/organizations',
      knownAuthorities: [],
      protocol: 'AAD',
    });
    expect(result.ok && result.config.arm.endpoint).toBe('https://management.azure.com');
  });

  it('lists every problem instead of starting with a broken configuration', () => {
    const result = readConfig({ VITE_AZURE_TARGET: 'azure', VITE_ENTRA_AUTHORITY: 'http://login.example' }, page);
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toMatch(/VITE_ENTRA_AUTHORITY must be an https:\/\/ URL/);
    expect(problems.join('\n')).toMatch(/VITE_ENTRA_CLIENT_ID is required/);
  });

  it('rejects an unknown target and a client id that is not a GUID', () => {
    expect(readConfig({ VITE_AZURE_TARGET: 'prod' }, page)).toMatchObject({ ok: false });
    const result = readConfig({ VITE_AZURE_TARGET: 'azure', VITE_ENTRA_CLIENT_ID: 'my-app' }, page);
    expect(result.ok ? [] : result.problems).toEqual([
      'VITE_ENTRA_CLIENT_ID must be the application (client) ID of your Entra app registration, a GUID',
    ]);
  });

  it('treats empty values as unset', () => {
    expect(readConfig({ VITE_AZURE_TARGET: '', VITE_ENTRA_CLIENT_ID: '' }, page)).toMatchObject({
      ok: true,
      config: { target: 'local' },
    });
  });

  it('refuses the local target on a plain-http page, which MSAL would reject at sign-in', () => {
    expect(readConfig({}, { origin: 'http://localhost:5173', host: 'localhost:5173' })).toMatchObject({ ok: false });
  });
});
