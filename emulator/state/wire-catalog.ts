// Subscriptions, regions and resource providers: tenant-wide data that is not an ARM resource.
import type { Fixture, ProviderNamespace, RegistrationState } from './fixture-schema.ts';
import { PROVIDER_NAMESPACES } from './fixture-schema.ts';

export interface SubscriptionWire {
  id: string;
  subscriptionId: string;
  displayName: string;
  tenantId: string;
  state: string;
  subscriptionPolicies: { locationPlacementId: string; quotaId: string; spendingLimit: string };
  authorizationSource: 'RoleBased';
  managedByTenants: { tenantId: string }[];
  tags: Record<string, string>;
}

interface RegionMetadata {
  regionType: 'Physical';
  regionCategory: string;
  geography: string;
  geographyGroup: string;
  physicalLocation: string;
  latitude: string;
  longitude: string;
}

/** An item of GET /subscriptions/{id}/locations. */
export interface LocationWire {
  id: string;
  name: string;
  displayName: string;
  regionalDisplayName: string;
  type: 'Region';
  availabilityZoneMappings?: { logicalZone: string; physicalZone: string }[];
  metadata: RegionMetadata & { pairedRegion: { name: string; id: string }[] };
}

/**
 * A region as the catalog keeps it: the location wire shape without the subscription-scoped ids
 * (locationsFor() adds them), plus fixture-only facts.
 */
export interface CatalogRegion {
  name: string;
  displayName: string;
  regionalDisplayName: string;
  type: 'Region';
  metadata: RegionMetadata & { pairedRegion: { name: string }[] };
  availabilityZones: string[];
  recoveryServicesVaults: boolean;
}

export interface ProviderResourceType {
  resourceType: string;
  locations: string[]; // display names, as real ARM returns them
  apiVersions: string[];
  defaultApiVersion?: string;
  capabilities?: string;
  zoneMappings?: { location: string; zones: string[] }[];
}

/** GET /subscriptions/{s}/providers/{namespace}. */
export interface ProviderWire {
  id: string;
  namespace: string;
  registrationState: string;
  registrationPolicy: 'RegistrationRequired' | 'RegistrationFree';
  resourceTypes: ProviderResourceType[];
}

export interface CatalogData {
  subscriptions: SubscriptionWire[];
  regions: CatalogRegion[];
  /** Tenant-level view (id "/providers/{namespace}"); providerFor() gives a subscription's view. */
  providers: ProviderWire[];
  /** Lower-cased subscription id -> provider namespace -> state. */
  registrations: Record<string, Record<string, RegistrationState>>;
}

const API_VERSIONS: Record<ProviderNamespace, string[]> = {
  'Microsoft.RecoveryServices': ['2026-07-01', '2025-02-01', '2024-10-01', '2024-04-01', '2023-06-01', '2016-06-01'],
  'Microsoft.Compute': ['2026-04-01', '2024-07-01', '2024-03-01', '2023-09-01'],
  'Microsoft.Network': ['2026-01-01', '2024-07-01', '2024-05-01', '2018-10-01'],
  'Microsoft.Resources': ['2025-04-01', '2024-11-01', '2022-12-01'],
};

const TRACKED = 'CrossResourceGroupResourceMove, CrossSubscriptionResourceMove, SupportsTags, SupportsLocation';

export function buildCatalog(fixture: Fixture): CatalogData {
  const regions: CatalogRegion[] = fixture.regions.map((r) => ({
    name: r.name,
    displayName: r.displayName,
    regionalDisplayName: r.regionalDisplayName,
    type: 'Region',
    metadata: {
      regionType: 'Physical',
      regionCategory: r.regionCategory,
      geography: r.geography,
      geographyGroup: r.geographyGroup,
      physicalLocation: r.physicalLocation,
      latitude: r.latitude,
      longitude: r.longitude,
      pairedRegion: r.pairedRegion === undefined ? [] : [{ name: r.pairedRegion }],
    },
    availabilityZones: [...r.availabilityZones],
    recoveryServicesVaults: r.recoveryServicesVaults,
  }));
  const subscriptions: SubscriptionWire[] = fixture.subscriptions.map((s) => ({
    id: `/subscriptions/${s.subscriptionId}`,
    subscriptionId: s.subscriptionId,
    displayName: s.displayName,
    tenantId: fixture.tenant.tenantId,
    state: s.state,
    subscriptionPolicies: { locationPlacementId: s.locationPlacementId, quotaId: s.quotaId, spendingLimit: s.spendingLimit },
    authorizationSource: 'RoleBased',
    managedByTenants: [],
    tags: { ...s.tags },
  }));
  const registrations: CatalogData['registrations'] = {};
  for (const s of fixture.subscriptions) {
    const states: Record<string, RegistrationState> = {};
    for (const ns of PROVIDER_NAMESPACES) states[ns] = s.providerRegistrations[ns] ?? 'Registered';
    registrations[s.subscriptionId.toLowerCase()] = states;
  }
  return { subscriptions, regions, providers: buildProviders(regions), registrations };
}

function buildProviders(regions: CatalogRegion[]): ProviderWire[] {
  const all = regions.map((r) => r.displayName);
  const vaultRegions = regions.filter((r) => r.recoveryServicesVaults).map((r) => r.displayName);
  const zoneMappings = regions
    .filter((r) => r.availabilityZones.length > 0)
    .map((r) => ({ location: r.displayName, zones: [...r.availabilityZones] }));
  const type = (ns: ProviderNamespace, resourceType: string, locations: string[], extra: Partial<ProviderResourceType> = {}): ProviderResourceType => ({
    resourceType,
    locations: [...locations],
    apiVersions: [...API_VERSIONS[ns]],
    defaultApiVersion: API_VERSIONS[ns][0] ?? '',
    ...extra,
  });
  const provider = (namespace: ProviderNamespace, resourceTypes: ProviderResourceType[]): ProviderWire => ({
    id: `/providers/${namespace}`,
    namespace,
    registrationState: 'Registered',
    registrationPolicy: namespace === 'Microsoft.Resources' ? 'RegistrationFree' : 'RegistrationRequired',
    resourceTypes,
  });
  const rs = 'Microsoft.RecoveryServices';
  const compute = 'Microsoft.Compute';
  const network = 'Microsoft.Network';
  const resources = 'Microsoft.Resources';
  return [
    provider(rs, [
      type(rs, 'vaults', vaultRegions, { capabilities: TRACKED }),
      type(rs, 'operations', []),
      type(rs, 'locations', vaultRegions),
      type(rs, 'locations/backupStatus', vaultRegions),
      type(rs, 'locations/checkNameAvailability', vaultRegions),
      type(rs, 'locations/backupValidateFeatures', vaultRegions),
      type(rs, 'locations/backupPreValidateProtection', vaultRegions),
      type(rs, 'locations/capabilities', vaultRegions),
    ]),
    provider(compute, [
      type(compute, 'virtualMachines', all, { capabilities: TRACKED, zoneMappings }),
      type(compute, 'virtualMachines/extensions', all, { capabilities: 'SupportsTags, SupportsLocation' }),
      type(compute, 'availabilitySets', all, { capabilities: TRACKED }),
      type(compute, 'disks', all, { capabilities: TRACKED, zoneMappings }),
      type(compute, 'locations', []),
    ]),
    provider(network, [
      type(network, 'virtualNetworks', all, { capabilities: TRACKED }),
      type(network, 'networkInterfaces', all, { capabilities: TRACKED }),
      type(network, 'networkSecurityGroups', all, { capabilities: TRACKED }),
      type(network, 'publicIPAddresses', all, { capabilities: TRACKED, zoneMappings }),
      type(network, 'loadBalancers', all, { capabilities: TRACKED }),
      type(network, 'locations', []),
    ]),
    provider(resources, [
      type(resources, 'resourceGroups', all),
      type(resources, 'subscriptions', []),
      type(resources, 'providers', []),
      type(resources, 'locations', []),
      type(resources, 'deployments', []),
    ]),
  ];
}

/** The value of GET /subscriptions/{subscriptionId}/locations. */
export function locationsFor(catalog: CatalogData, subscriptionId: string): LocationWire[] {
  const idOf = (name: string): string => `/subscriptions/${subscriptionId}/locations/${name}`;
  return catalog.regions.map((r) => {
    const location: LocationWire = {
      id: idOf(r.name),
      name: r.name,
      displayName: r.displayName,
      regionalDisplayName: r.regionalDisplayName,
      type: 'Region',
      metadata: { ...r.metadata, pairedRegion: r.metadata.pairedRegion.map((p) => ({ name: p.name, id: idOf(p.name) })) },
    };
    if (r.availabilityZones.length > 0) {
      location.availabilityZoneMappings = r.availabilityZones.map((zone) => ({ logicalZone: zone, physicalZone: `${r.name}-az${zone}` }));
    }
    return location;
  });
}

/** GET /subscriptions/{s}/providers/{namespace}; undefined for a namespace the catalog does not know. */
export function providerFor(catalog: CatalogData, subscriptionId: string, namespace: string): ProviderWire | undefined {
  const provider = catalog.providers.find((p) => p.namespace.toLowerCase() === namespace.toLowerCase());
  if (provider === undefined) return undefined;
  const state = catalog.registrations[subscriptionId.toLowerCase()]?.[provider.namespace] ?? 'NotRegistered';
  return {
    ...structuredClone(provider),
    id: `/subscriptions/${subscriptionId}/providers/${provider.namespace}`,
    registrationState: state,
  };
}

/** Finds a region by its name ("westeurope") or display name ("West Europe"), case-insensitively. */
export function findRegion(catalog: CatalogData, nameOrDisplayName: string): CatalogRegion | undefined {
  const key = nameOrDisplayName.replace(/\s+/g, '').toLowerCase();
  return catalog.regions.find((r) => r.name === key || r.displayName.replace(/\s+/g, '').toLowerCase() === key);
}
