import type { ArmClients } from './clients.ts';

/** Azure's subscription states; only Enabled, Warned and PastDue subscriptions accept new resources. */
export type SubscriptionState = 'Enabled' | 'Warned' | 'PastDue' | 'Disabled' | 'Deleted';

export type Subscription = {
  subscriptionId: string;
  displayName: string;
  tenantId: string;
  state: SubscriptionState | 'Unknown';
};

const STATES: readonly string[] = ['Enabled', 'Warned', 'PastDue', 'Disabled', 'Deleted'];
const toState = (value: string | undefined): Subscription['state'] =>
  value !== undefined && STATES.includes(value) ? (value as SubscriptionState) : 'Unknown';

/** Every subscription the signed-in account can see (all pages), sorted by name. */
export async function listSubscriptions(clients: ArmClients): Promise<Subscription[]> {
  const client = await clients.subscriptions();
  const result: Subscription[] = [];
  for await (const item of client.subscriptions.list()) {
    if (!item.subscriptionId) continue;
    result.push({
      subscriptionId: item.subscriptionId,
      displayName: item.displayName ?? item.subscriptionId,
      tenantId: item.tenantId ?? '',
      state: toState(item.state),
    });
  }
  return result.sort((a, b) => a.displayName.localeCompare(b.displayName));
}
