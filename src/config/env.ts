import { z } from 'zod';

/** Where the wizard's Azure lives: the local emulator (same origin) or real Azure. */
export type AzureTarget = 'local' | 'azure';

export type AppConfig = {
  target: AzureTarget;
  auth: {
    clientId: string;
    authority: string;
    knownAuthorities: string[];
    /** OIDC for the local oidc-provider; AAD (MSAL's default) for Microsoft Entra ID. */
    protocol: 'OIDC' | 'AAD';
    redirectUri: string;
    postLogoutRedirectUri: string;
  };
  arm: {
    endpoint: string;
    /** Asked for on every token request so tokens are always minted for ARM. */
    scope: string;
  };
};

export type ConfigResult = { ok: true; config: AppConfig } | { ok: false; problems: string[] };

export const ARM_USER_IMPERSONATION = 'https://management.azure.com/user_impersonation';
const LOCAL_CLIENT_ID = 'vm-backup-wizard-local';
const AZURE_ARM_ENDPOINT = 'https://management.azure.com';
const DEFAULT_ENTRA_AUTHORITY = 'https://login.microsoftonline.com/organizations';

// `VAR=` in a .env file arrives as '' — treat it as "not set" so defaults apply.
const blankAsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const envSchema = z
  .object({
    VITE_AZURE_TARGET: z.preprocess(
      blankAsUnset,
      z.enum(['local', 'azure'], { error: 'must be "local" or "azure"' }).default('local'),
    ),
    VITE_ENTRA_CLIENT_ID: z.preprocess(
      blankAsUnset,
      z.guid({ error: 'must be the application (client) ID of your Entra app registration, a GUID' }).optional(),
    ),
    VITE_ENTRA_AUTHORITY: z.preprocess(
      blankAsUnset,
      z
        .url({ protocol: /^https$/, error: 'must be an https:// URL such as https://login.microsoftonline.com/<tenant-id>' })
        .default(DEFAULT_ENTRA_AUTHORITY),
    ),
  })
  .superRefine((env, ctx) => {
    if (env.VITE_AZURE_TARGET === 'azure' && env.VITE_ENTRA_CLIENT_ID === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['VITE_ENTRA_CLIENT_ID'],
        message: 'is required when VITE_AZURE_TARGET is "azure" (the application (client) ID of your Entra app registration)',
      });
    }
  });

/**
 * Pure so it can be unit-tested: `env` is Vite's `import.meta.env`, `location` the page's.
 * Local endpoints derive from the page origin at run time, so one build works on any host and port.
 */
export function readConfig(env: Record<string, unknown>, location: { origin: string; host: string }): ConfigResult {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'configuration'} ${issue.message}`),
    };
  }
  const { VITE_AZURE_TARGET: target, VITE_ENTRA_CLIENT_ID: clientId, VITE_ENTRA_AUTHORITY: authority } = parsed.data;
  const redirectUri = `${location.origin}/`;

  if (target === 'local') {
    if (!location.origin.startsWith('https://')) {
      // MSAL refuses non-https authorities (authority_uri_insecure); say so instead of failing at sign-in.
      return {
        ok: false,
        problems: [`the local Azure target needs an https:// page origin, but this page is served from ${location.origin}`],
      };
    }
    return {
      ok: true,
      config: {
        target,
        auth: {
          clientId: LOCAL_CLIENT_ID,
          authority: `${location.origin}/idp`,
          knownAuthorities: [location.host],
          protocol: 'OIDC',
          redirectUri,
          postLogoutRedirectUri: redirectUri,
        },
        arm: { endpoint: `${location.origin}/arm`, scope: ARM_USER_IMPERSONATION },
      },
    };
  }

  return {
    ok: true,
    config: {
      target,
      auth: {
        // superRefine guarantees it is present for the azure target.
        clientId: clientId ?? '',
        authority,
        knownAuthorities: [],
        protocol: 'AAD',
        redirectUri,
        postLogoutRedirectUri: redirectUri,
      },
      arm: { endpoint: AZURE_ARM_ENDPOINT, scope: ARM_USER_IMPERSONATION },
    },
  };
}

/** Reads the configuration of this page once; main.tsx is the only caller. */
export function loadConfig(): ConfigResult {
  return readConfig(import.meta.env, window.location);
}
