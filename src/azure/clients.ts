import type { TokenCredential } from '@azure/core-auth';
import type { HttpClient } from '@azure/core-rest-pipeline';
import type { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import type { ComputeManagementClient } from '@azure/arm-compute';
import type { NetworkManagementClient } from '@azure/arm-network';
import type { RecoveryServicesClient } from '@azure/arm-recoveryservices';
import type { RecoveryServicesBackupClient } from '@azure/arm-recoveryservicesbackup';
import type { ResourceManagementClient } from '@azure/arm-resources';
import type { ResourceGraphClient } from '@azure/arm-resourcegraph';
import { RECOVERY_SERVICES_API_VERSION, RESOURCES_API_VERSION } from './api-versions.ts';
import type { JournalSink } from '../journal/types.ts';
import { createAttemptRegistry, type ArmJournal } from './journaled.ts';
import { keepErrorBodyPolicy } from './keep-error-body-policy.ts';
import { createGraphPacer, graphPacingPolicy } from './graph-pacer.ts';
import type { ReadBudget } from './rate-budget.ts';
import { readBudgetPolicy } from './read-budget-policy.ts';
import { createBudgetBoard, rateLimitPolicy, type BudgetBoard, type BudgetOptions } from './write-budget.ts';

export type ArmClientOptions = {
  /** ARM base URL: https://management.azure.com, or <origin>/arm for the local emulator. */
  endpoint: string;
  credential: TokenCredential;
  /** Replaces the network in tests; the browser's fetch otherwise. */
  httpClient?: HttpClient;
  /** Where every write is recorded (journaled.ts); main.tsx passes the relay to the signed-in account's journal. */
  journal?: JournalSink;
  /** ARM's write bucket as the budgets assume it (write-budget.ts); the defaults are ARM's. */
  writeBudget?: BudgetOptions;
  /** Mirrors ARM's read bucket per subscription from every answer (rate-budget.ts), for paced fan-out reads. */
  readBudget?: ReadBudget;
};

/**
 * The SDKs weigh megabytes, so each client's package is imported on first use and kept in its own chunk:
 * the first paint (sign-in page, wizard shell) never waits for them.
 */
export type ArmClients = {
  /** The ARM base URL the clients call; operation URLs are polled only if they are on it. */
  endpoint: string;
  /** Absent only in tests that don't journal. */
  journal?: ArmJournal;
  /** Writes left per subscription, fed from every response's rate-limit headers. */
  budgets: BudgetBoard;
  subscriptions(): Promise<SubscriptionClient>;
  /** The clients below are bound to one subscription (their constructors take it); one instance per subscription. */
  resources(subscriptionId: string): Promise<ResourceManagementClient>;
  recoveryServices(subscriptionId: string): Promise<RecoveryServicesClient>;
  backup(subscriptionId: string): Promise<RecoveryServicesBackupClient>;
  compute(subscriptionId: string): Promise<ComputeManagementClient>;
  network(subscriptionId: string): Promise<NetworkManagementClient>;
  /** Tenant-level; its requests are paced by the user's Resource Graph quota (one pacer per gateway). */
  resourceGraph(): Promise<ResourceGraphClient>;
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

function perSubscription<T>(create: (subscriptionId: string) => Promise<T>): (subscriptionId: string) => Promise<T> {
  const instances = new Map<string, () => Promise<T>>();
  return (subscriptionId) => {
    let instance = instances.get(subscriptionId);
    if (!instance) {
      instance = lazily(() => create(subscriptionId));
      instances.set(subscriptionId, instance);
    }
    return instance();
  };
}

export function createArmClients({ endpoint, credential, httpClient, journal, writeBudget, readBudget }: ArmClientOptions): ArmClients {
  // Per retry: each HTTP attempt of a journaled write is counted, including the SDK's own retries.
  const attempts = journal ? createAttemptRegistry() : null;
  const budgets = createBudgetBoard(writeBudget);
  // Modular (TypeSpec) clients take `credentials.scopes`; the AutoRest backup client will take `credentialScopes`.
  const modular = {
    endpoint,
    credentials: { scopes: [ARM_DEFAULT_SCOPE] },
    additionalPolicies: [
      { policy: keepErrorBodyPolicy, position: 'perCall' as const },
      { policy: rateLimitPolicy(budgets), position: 'perRetry' as const },
      ...(attempts ? [{ policy: attempts.policy, position: 'perRetry' as const }] : []),
      ...(readBudget ? [{ policy: readBudgetPolicy(readBudget), position: 'perRetry' as const }] : []),
    ],
    ...(httpClient ? { httpClient } : {}),
  };
  return {
    endpoint,
    budgets,
    ...(journal ? { journal: { sink: journal, attempts } } : {}),
    subscriptions: lazily(async () => {
      const { SubscriptionClient } = await import('@azure/arm-resources-subscriptions');
      return new SubscriptionClient(credential, modular);
    }),
    // api-versions are pinned where the client allows it, so the request previews the wizard shows are exact.
    resources: perSubscription(async (subscriptionId) => {
      const { ResourceManagementClient } = await import('@azure/arm-resources');
      return new ResourceManagementClient(credential, subscriptionId, { ...modular, apiVersion: RESOURCES_API_VERSION });
    }),
    recoveryServices: perSubscription(async (subscriptionId) => {
      const { RecoveryServicesClient } = await import('@azure/arm-recoveryservices');
      return new RecoveryServicesClient(credential, subscriptionId, { ...modular, apiVersion: RECOVERY_SERVICES_API_VERSION });
    }),
    // The AutoRest backup client would ask for `${endpoint}/.default` tokens; ARM tokens are what the endpoint accepts.
    backup: perSubscription(async (subscriptionId) => {
      const { RecoveryServicesBackupClient } = await import('@azure/arm-recoveryservicesbackup');
      return new RecoveryServicesBackupClient(credential, subscriptionId, {
        endpoint,
        credentialScopes: [ARM_DEFAULT_SCOPE],
        additionalPolicies: modular.additionalPolicies,
        ...(httpClient ? { httpClient } : {}),
      });
    }),
    compute: perSubscription(async (subscriptionId) => {
      const { ComputeManagementClient } = await import('@azure/arm-compute');
      return new ComputeManagementClient(credential, subscriptionId, modular);
    }),
    network: perSubscription(async (subscriptionId) => {
      const { NetworkManagementClient } = await import('@azure/arm-network');
      return new NetworkManagementClient(credential, subscriptionId, modular);
    }),
    resourceGraph: lazily(async () => {
      const { ResourceGraphClient } = await import('@azure/arm-resourcegraph');
      const pacer = createGraphPacer();
      return new ResourceGraphClient(credential, {
        ...modular,
        additionalPolicies: [...modular.additionalPolicies, { policy: graphPacingPolicy(pacer), position: 'perRetry' as const }],
      });
    }),
  };
}
