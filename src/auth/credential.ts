import {
  AuthError,
  CacheLookupPolicy,
  ClientAuthErrorCodes,
  InteractionRequiredAuthError,
  InteractionRequiredAuthErrorCodes,
  type AuthenticationResult,
  type IPublicClientApplication,
} from '@azure/msal-browser';

/**
 * Structurally a @azure/core-auth TokenCredential. It is declared here rather than imported because only
 * src/azure may import @azure/core-*; main.tsx hands this object to the gateway and tsc checks the fit.
 */
export type ArmTokenCredential = {
  getToken(
    scopes: string | string[],
    options?: { abortSignal?: { readonly aborted: boolean } | undefined; claims?: string | undefined },
  ): Promise<{ token: string; expiresOnTimestamp: number; tokenType: 'Bearer' } | null>;
};

// Codes MSAL uses when the cached refresh token can't produce a token: only a new sign-in helps.
const NEEDS_SIGN_IN = new Set<string>([
  InteractionRequiredAuthErrorCodes.noTokensFound,
  InteractionRequiredAuthErrorCodes.refreshTokenExpired,
  ClientAuthErrorCodes.tokenRefreshRequired,
  'invalid_grant',
]);

export function needsInteractiveSignIn(error: unknown): boolean {
  if (error instanceof InteractionRequiredAuthError) return true;
  return error instanceof AuthError && NEEDS_SIGN_IN.has(error.errorCode);
}

/**
 * A TokenCredential over MSAL. Whatever scope the SDK passes (".default" of the endpoint, which is the
 * emulator's URL for the HLC backup client), it asks for `armScope` so the token's audience is always ARM.
 */
export function createArmCredential(msal: IPublicClientApplication, armScope: string): ArmTokenCredential {
  let redirecting: Promise<never> | undefined;

  return {
    async getToken(_scopes, options) {
      if (redirecting) return redirecting;
      const account = msal.getActiveAccount();
      if (!account) {
        throw new InteractionRequiredAuthError(InteractionRequiredAuthErrorCodes.noTokensFound, 'Not signed in.');
      }
      try {
        const result = await msal.acquireTokenSilent({
          scopes: [armScope],
          account,
          // Cache, then refresh token — never the hidden iframe, which needs a bridge page and only
          // ends in a timeout when the IdP session is gone. Failing fast lets us redirect instead.
          cacheLookupPolicy: CacheLookupPolicy.AccessTokenAndRefreshToken,
          ...(options?.claims ? { claims: options.claims } : {}),
        });
        return toAccessToken(result);
      } catch (error) {
        if (!needsInteractiveSignIn(error)) throw error;
        // The page navigates away; concurrent SDK calls (some already past the silent attempt) share this
        // never-settling promise instead of starting a second interaction (MSAL: interaction_in_progress).
        redirecting ??= msal.acquireTokenRedirect({ scopes: [armScope], account }).then(
          () => new Promise<never>(() => undefined),
          (redirectError: unknown) => {
            redirecting = undefined;
            throw redirectError;
          },
        );
        return redirecting;
      }
    },
  };
}

function toAccessToken(result: AuthenticationResult) {
  return {
    token: result.accessToken,
    // expiresOn is typed nullable; a short fallback makes the pipeline ask again soon rather than never.
    expiresOnTimestamp: result.expiresOn?.getTime() ?? Date.now() + 60_000,
    tokenType: 'Bearer' as const,
  };
}
