import { PublicClientApplication, type IPublicClientApplication } from '@azure/msal-browser';
import type { AppConfig } from '../config/env.ts';
import { createMsalConfiguration } from './msal-config.ts';

export type AuthStart = {
  msal: IPublicClientApplication;
  /** Why the sign-in that just returned to this page failed (the IdP's or MSAL's error), if it did. */
  signInError: unknown;
};

/**
 * Creates the one MSAL instance and finishes any redirect that brought us back here. Awaited before the
 * first render so the app never shows a signed-out page to a user who is in the middle of signing in.
 */
export async function startAuth(config: AppConfig): Promise<AuthStart> {
  const msal = new PublicClientApplication(createMsalConfiguration(config));
  await msal.initialize();
  let signInError: unknown = null;
  try {
    const result = await msal.handleRedirectPromise();
    if (result?.account) msal.setActiveAccount(result.account);
  } catch (error) {
    signInError = error;
  }
  const accounts = msal.getAllAccounts();
  if (!msal.getActiveAccount() && accounts.length === 1 && accounts[0]) msal.setActiveAccount(accounts[0]);
  return { msal, signInError };
}
