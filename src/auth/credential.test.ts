import { InteractionRequiredAuthError, type IPublicClientApplication } from '@azure/msal-browser';
import { describe, expect, it, vi } from 'vitest';
import { createArmCredential } from './credential.ts';

const ARM = 'https://management.azure.com/user_impersonation';
const account = { homeAccountId: 'a.t', environment: 'localhost', tenantId: 't', username: 'alice', localAccountId: 'a' };

function fakeMsal(overrides: Partial<IPublicClientApplication>): IPublicClientApplication {
  return { getActiveAccount: () => account, ...overrides } as IPublicClientApplication;
}

describe('createArmCredential', () => {
  it('always asks MSAL for the ARM scope, whatever scope the SDK passes', async () => {
    const expiresOn = new Date('2026-11-25T11:00:00Z');
    const acquireTokenSilent = vi.fn().mockResolvedValue({ accessToken: 'at', expiresOn });
    const credential = createArmCredential(fakeMsal({ acquireTokenSilent }), ARM);

    await expect(credential.getToken('https://localhost:8443/.default')).resolves.toEqual({
      token: 'at',
      expiresOnTimestamp: expiresOn.getTime(),
      tokenType: 'Bearer',
    });
    expect(acquireTokenSilent).toHaveBeenCalledWith(expect.objectContaining({ scopes: [ARM], account }));
  });

  it('falls back to a redirect sign-in once when interaction is required', async () => {
    const acquireTokenSilent = vi.fn().mockRejectedValue(new InteractionRequiredAuthError('interaction_required', 'Sign in again.'));
    const acquireTokenRedirect = vi.fn().mockResolvedValue(undefined);
    const credential = createArmCredential(fakeMsal({ acquireTokenSilent, acquireTokenRedirect }), ARM);

    const first = credential.getToken(['https://management.azure.com/.default']);
    const second = credential.getToken(['https://management.azure.com/.default']);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(acquireTokenRedirect).toHaveBeenCalledTimes(1);
    expect(acquireTokenRedirect).toHaveBeenCalledWith({ scopes: [ARM], account });
    // The page is navigating away: the calls neither resolve nor fail.
    const outcome = (call: Promise<unknown>) => call.then(() => 'settled', () => 'settled');
    const pending = new Promise((resolve) => setTimeout(() => resolve('pending'), 20));
    expect(await Promise.race([outcome(first), outcome(second), pending])).toBe('pending');
  });

  it('passes other failures through for the gateway to normalise', async () => {
    const failure = new Error('network down');
    const credential = createArmCredential(fakeMsal({ acquireTokenSilent: vi.fn().mockRejectedValue(failure) }), ARM);
    await expect(credential.getToken('x')).rejects.toBe(failure);
  });
});
