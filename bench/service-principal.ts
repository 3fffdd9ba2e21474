// The fixture's service principal (Contributor on both subscriptions) as a TokenCredential for the SDKs:
// client-credentials tokens from the local IdP, cached until two minutes before they expire.
import type { AccessToken, TokenCredential } from '@azure/core-auth';

const SP = { clientId: '5e7a9c1b-3d5f-4a7b-8c9d-0e1f2a3b4c5d', secret: 'local-only-secret' };

export function servicePrincipalCredential(origin: string): TokenCredential {
  let cached: AccessToken | undefined;
  return {
    async getToken() {
      if (cached && cached.expiresOnTimestamp - Date.now() > 120_000) return cached;
      const res = await fetch(`${origin}/idp/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: SP.clientId,
          client_secret: SP.secret,
          scope: 'https://management.azure.com/.default',
        }),
      });
      if (!res.ok) throw new Error(`token request failed: ${res.status} ${await res.text()}`);
      const json = (await res.json()) as { access_token: string; expires_in: number };
      cached = { token: json.access_token, expiresOnTimestamp: Date.now() + json.expires_in * 1000 };
      return cached;
    },
  };
}
