/** The app's own view of the signed-in user, so nothing outside src/auth depends on MSAL types. */
export type SignedInAccount = {
  /** Stable per user and tenant ("<oid>.<tid>" with Entra and the local IdP). */
  homeAccountId: string;
  tenantId: string;
  name: string;
  /** The UPN / sign-in name, e.g. alice@contoso.example. */
  username: string;
};
