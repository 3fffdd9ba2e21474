import type { ArmClients } from './clients.ts';

export type AzureLocation = {
  /** The programmatic name, e.g. "westeurope". */
  name: string;
  /** e.g. "West Europe": what provider resource types list. */
  displayName: string;
  regionalDisplayName: string;
  /** Logical zone numbers; empty where the region has no availability zones. */
  availabilityZones: string[];
  pairedRegion: string | null;
};

/** The regions of a subscription (physical regions only), sorted by display name. */
export async function listLocations(clients: ArmClients, subscriptionId: string): Promise<AzureLocation[]> {
  const client = await clients.subscriptions();
  const result: AzureLocation[] = [];
  for await (const location of client.subscriptions.listLocations(subscriptionId)) {
    if (!location.name || (location.type !== undefined && location.type !== 'Region')) continue;
    result.push({
      name: location.name,
      displayName: location.displayName ?? location.name,
      regionalDisplayName: location.regionalDisplayName ?? location.displayName ?? location.name,
      availabilityZones: (location.availabilityZoneMappings ?? []).flatMap((zone) => zone.logicalZone ?? []),
      pairedRegion: location.metadata?.pairedRegion?.[0]?.name ?? null,
    });
  }
  return result.sort((a, b) => a.displayName.localeCompare(b.displayName));
}
