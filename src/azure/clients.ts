import type { TokenCredential } from '@azure/core-auth';
import type { HttpClient } from '@azure/core-rest-pipeline';
import type { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { keepErrorBodyPolicy } from './keep-error-body-policy.ts';

export type ArmClientOptions = {
  /** ARM base URL: https://management.azure.com, or <origin>/arm for the local emulator. */
  endpoint: string;
  credential: TokenCredential;
  /** Replaces the network in tests; the browser's fetch otherwise. */
  httpClient?: HttpClient;
};

/**
 * The SDKs weigh megabytes, so each client's package is imported on first use and kept in its own chunk:
 * the first paint (sign-in page, wizard shell) never waits for them.
 */
export type ArmClients = {
  subscriptions(): Promise<SubscriptionClient>;
};

/** Whatever the endpoint, tokens must be minted for ARM (the emulator checks the audience like ARM does). */
export const ARM_DEFAULT_SCOPE = 'https://management.azure.com/.default';

function lazily<T>(create: () => Promise<T>): () => Promise<T> {
  let instance: Promise<T> | undefined;
  return () => {
    instance ??= create().catch((error: unknown) => {
      instance = undefined; // a failed chunk load (e.g. offline) can be retried
      throw error;
    });
    return instance;
  };
}

export function createArmClients({ endpoint, credential, httpClient }: ArmClientOptions): ArmClients {
  // Modular (TypeSpec) clients take `credentials.scopes`; the AutoRest backup client will take `credentialScopes`.
  const modular = {
    endpoint,
    credentials: { scopes: [ARM_DEFAULT_SCOPE] },
    additionalPolicies: [{ policy: keepErrorBodyPolicy, position: 'perCall' as const }],
    ...(httpClient ? { httpClient } : {}),
  };
  return {
    subscriptions: lazily(async () => {
      const { SubscriptionClient } = await import('@azure/arm-resources-subscriptions');
      return new SubscriptionClient(credential, modular);
    }),
  };
}
