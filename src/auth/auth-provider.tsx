import { MsalProvider, useMsal } from '@azure/msal-react';
import type { IPublicClientApplication } from '@azure/msal-browser';
import { createContext, use, useMemo, type ReactNode } from 'react';
import type { SignedInAccount } from './account.ts';

type AuthActions = {
  /** Starts the redirect sign-in; a login hint lets the IdP skip the account picker. */
  signIn(loginHint?: string): Promise<void>;
  signOut(): Promise<void>;
};

const ActionsContext = createContext<AuthActions | null>(null);

type AuthProviderProps = { msal: IPublicClientApplication; armScope: string; children: ReactNode };

export function AuthProvider({ msal, armScope, children }: AuthProviderProps) {
  const actions = useMemo<AuthActions>(
    () => ({
      signIn: (loginHint) =>
        msal.loginRedirect({
          // Asking for ARM at sign-in means the first ARM call is answered from the cache.
          scopes: [armScope],
          ...(loginHint ? { loginHint } : {}),
        }),
      signOut: () => {
        const account = msal.getActiveAccount();
        return msal.logoutRedirect({
          account,
          // Without id_token_hint the IdP ignores post_logout_redirect_uri and the user is stranded there.
          ...(account?.idToken ? { idTokenHint: account.idToken } : {}),
          postLogoutRedirectUri: `${window.location.origin}/`,
        });
      },
    }),
    [msal, armScope],
  );
  return (
    <MsalProvider instance={msal}>
      <ActionsContext value={actions}>{children}</ActionsContext>
    </MsalProvider>
  );
}

/** The signed-in user, or null. Sign-in and sign-out are full-page redirects, so this rarely changes in place. */
export function useSignedInAccount(): SignedInAccount | null {
  // `accounts` re-renders us on MSAL account events; the active account is read directly because
  // MsalProvider starts with an empty list, which would flash the signed-out page.
  const { instance, accounts } = useMsal();
  const active = instance.getActiveAccount() ?? accounts[0] ?? null;
  const homeAccountId = active?.homeAccountId;
  const tenantId = active?.tenantId ?? '';
  const username = active?.username ?? '';
  const name = active?.name ?? username;
  // Memoised on the fields themselves: MSAL hands out a new AccountInfo object on every read.
  return useMemo(
    () => (homeAccountId === undefined ? null : { homeAccountId, tenantId, name, username }),
    [homeAccountId, tenantId, name, username],
  );
}

export function useAuthActions(): AuthActions {
  const actions = use(ActionsContext);
  if (!actions) throw new Error('useAuthActions must be used inside <AuthProvider>.');
  return actions;
}
