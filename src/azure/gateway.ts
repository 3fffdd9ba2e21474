import { createArmClients, type ArmClientOptions } from './clients.ts';
import { AzureRequestError, toAzureError } from './errors.ts';
import { listSubscriptions, type Subscription } from './subscriptions.ts';

/**
 * The one way the app talks to Azure. Each method is one operation module; all of them throw only
 * AzureRequestError, so callers handle one error shape. Later issues add vaults, policies and VMs here.
 */
export type ArmGateway = {
  listSubscriptions(): Promise<Subscription[]>;
};

async function normalised<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw new AzureRequestError(toAzureError(error), { cause: error });
  }
}

export function createArmGateway(options: ArmClientOptions): ArmGateway {
  const clients = createArmClients(options);
  return {
    listSubscriptions: () => normalised(() => listSubscriptions(clients)),
  };
}
