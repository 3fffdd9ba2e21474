import type { AzureLocation } from '../../azure/locations.ts';
import type { ResourceProvider } from '../../azure/providers.ts';
import type { ResourceGroupPut } from '../../azure/resource-groups.ts';
import type { VaultPutBody } from '../../azure/vaults.ts';
import { resourceGroupNameProblems, vaultNameProblems } from '../../shared/names.ts';
import { newOneWaySettings, securityWriteSteps, type OneWaySetting, type SecurityWire, type VaultSecurity } from '../../shared/vault-security.ts';
import { securityDraftProblems, securityFromDraft } from '../../store/security-draft.ts';
import type { TagRow, VaultDraft } from '../../store/vault-slice.ts';

export const RECOVERY_SERVICES = 'Microsoft.RecoveryServices';

/** A region where vaults can be created, with how many of the subscription's VMs run there. */
export type VaultRegion = AzureLocation & { vmCount: number };

const normalise = (name: string) => name.toLowerCase().replace(/\s+/g, '');

/** How many VMs each region holds, keyed by lower-case region name. */
export function vmCountsByRegion(vms: readonly { location: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const vm of vms) counts.set(normalise(vm.location), (counts.get(normalise(vm.location)) ?? 0) + 1);
  return counts;
}

/**
 * The regions where the provider offers vaults. The provider lists DISPLAY names ("West Europe"); the
 * subscription's locations map them to region names ("westeurope").
 */
export function vaultRegions(
  provider: ResourceProvider,
  locations: readonly AzureLocation[],
  vmCounts: ReadonlyMap<string, number>,
): VaultRegion[] {
  const vaults = provider.resourceTypes.find((type) => type.resourceType.toLowerCase() === 'vaults');
  const offered = new Set((vaults?.locations ?? []).map(normalise));
  return locations
    .filter((location) => offered.has(normalise(location.displayName)) || offered.has(normalise(location.name)))
    .map((location) => ({ ...location, vmCount: vmCounts.get(normalise(location.name)) ?? 0 }));
}

/** The region holding most of the subscription's VMs (ties: the first by display name), or null if none holds any. */
export function defaultRegion(regions: readonly VaultRegion[]): string | null {
  let best: VaultRegion | null = null;
  for (const region of regions) {
    if (region.vmCount === 0) continue;
    if (!best || region.vmCount > best.vmCount || (region.vmCount === best.vmCount && region.displayName.localeCompare(best.displayName) < 0)) {
      best = region;
    }
  }
  return best?.name ?? null;
}

export type VmRegion = { name: string; displayName: string; vmCount: number; vaultsOffered: boolean };

/** The regions that hold VMs, most VMs first, each with whether a vault can be created there. */
export function vmRegionsSummary(
  vmCounts: ReadonlyMap<string, number>,
  locations: readonly AzureLocation[],
  regions: readonly VaultRegion[],
): VmRegion[] {
  return [...vmCounts]
    .map(([name, vmCount]) => {
      const location = locations.find((l) => normalise(l.name) === name);
      return {
        name,
        displayName: location?.displayName ?? name,
        vmCount,
        vaultsOffered: regions.some((r) => normalise(r.name) === name),
      };
    })
    .sort((a, b) => b.vmCount - a.vmCount || a.displayName.localeCompare(b.displayName));
}

export const TAG_KEY_MAX = 512;
export const TAG_VALUE_MAX = 256;
export const TAGS_MAX = 50;
const TAG_KEY_FORBIDDEN = /[<>%&\\?/]/;

export type TagProblem = { index: number; field: 'key' | 'value'; message: string };

/** Azure's tag rules, one message per rule broken. Rows left entirely blank are ignored (they are not sent). */
export function tagProblems(tags: readonly TagRow[]): TagProblem[] {
  const problems: TagProblem[] = [];
  const seen = new Map<string, number>();
  tags.forEach((tag, index) => {
    if (tag.key === '' && tag.value === '') return;
    const key = tag.key.trim();
    if (key === '') problems.push({ index, field: 'key', message: 'Enter a tag name, or remove this tag.' });
    if (tag.key.length > TAG_KEY_MAX) {
      problems.push({ index, field: 'key', message: `Use at most ${TAG_KEY_MAX} characters in a tag name (this has ${tag.key.length}).` });
    }
    if (TAG_KEY_FORBIDDEN.test(tag.key)) {
      problems.push({ index, field: 'key', message: 'A tag name cannot contain < > % & \\ ? or /.' });
    }
    const earlier = seen.get(key.toLowerCase());
    if (key !== '' && earlier !== undefined) {
      problems.push({ index, field: 'key', message: `Tag names must be unique (ignoring case); tag ${earlier + 1} has this name.` });
    } else if (key !== '') {
      seen.set(key.toLowerCase(), index);
    }
    if (tag.value.length > TAG_VALUE_MAX) {
      problems.push({ index, field: 'value', message: `Use at most ${TAG_VALUE_MAX} characters in a tag value (this has ${tag.value.length}).` });
    }
  });
  const used = tags.filter((tag) => tag.key !== '' || tag.value !== '').length;
  if (used > TAGS_MAX) {
    problems.push({ index: tags.length - 1, field: 'key', message: `A resource can have at most ${TAGS_MAX} tags (this has ${used}).` });
  }
  return problems;
}

/** The tags as sent: blank rows dropped, names trimmed. */
export function tagsToSend(tags: readonly TagRow[]): Record<string, string> {
  return Object.fromEntries(tags.filter((tag) => tag.key.trim() !== '').map((tag) => [tag.key.trim(), tag.value]));
}

export type FormContext = {
  /** Resource group names that already exist in the subscription. */
  existingResourceGroups: readonly { name: string; location: string }[];
  regions: readonly VaultRegion[];
  providerRegistered: boolean;
};

export type FormProblems = {
  name: string[];
  resourceGroup: string[];
  location: string[];
  tags: TagProblem[];
  provider: string[];
  /** The security settings' problems (each is shown by its field too). */
  security: string[];
};

/** The resource group the vault goes into, as the draft says. */
export function targetResourceGroup(draft: VaultDraft): string {
  return draft.resourceGroupMode === 'new' ? draft.newResourceGroup : draft.existingResourceGroup;
}

/** Everything wrong with the draft, per field, before anything is sent. */
export function formProblems(draft: VaultDraft, location: string, context: FormContext): FormProblems {
  const resourceGroup: string[] = [];
  if (draft.resourceGroupMode === 'existing') {
    if (draft.existingResourceGroup === '') resourceGroup.push('Choose a resource group.');
    else if (!context.existingResourceGroups.some((g) => g.name.toLowerCase() === draft.existingResourceGroup.toLowerCase())) {
      resourceGroup.push(`The resource group ${draft.existingResourceGroup} no longer exists or you cannot see it. Choose another.`);
    }
  } else {
    resourceGroup.push(...resourceGroupNameProblems(draft.newResourceGroup).map((p) => p.message));
    const existing = context.existingResourceGroups.find((g) => g.name.toLowerCase() === draft.newResourceGroup.toLowerCase());
    if (existing) resourceGroup.push(`A resource group named ${existing.name} already exists: choose it under “Use an existing resource group”.`);
  }
  const locationProblems: string[] = [];
  if (location === '') locationProblems.push('Choose a region.');
  else if (!context.regions.some((r) => r.name === location)) locationProblems.push('Vaults are not offered in this region. Choose another.');
  return {
    name: vaultNameProblems(draft.name).map((p) => p.message),
    resourceGroup,
    location: locationProblems,
    tags: tagProblems(draft.tags),
    provider: context.providerRegistered ? [] : [`Register ${RECOVERY_SERVICES} in this subscription before creating a vault.`],
    security: Object.values(securityDraftProblems(draft.security, null)),
  };
}

export const hasProblems = (problems: FormProblems): boolean =>
  Object.values(problems).some((list: readonly unknown[]) => list.length > 0);

export type PlannedRequest = { method: 'PUT' | 'PATCH'; path: string; body: unknown };

export type CreatePlan = {
  resourceGroup: string;
  location: string;
  vaultName: string;
  /** The resource group PUT, when the group is new. */
  resourceGroupRequest: (PlannedRequest & { body: ResourceGroupPut }) | null;
  vaultRequest: PlannedRequest & { body: VaultPutBody };
  /** PATCHes that finish the security settings once the vault exists (locking immutability takes a second write). */
  securityRequests: (PlannedRequest & { body: { properties: SecurityWire } })[];
  /** The settings the new vault gets, and which of them can never be undone. */
  security: VaultSecurity;
  oneWayDoors: OneWaySetting[];
};

/** Exactly what "Create" sends, in order: shown on the review and then sent as is. */
export function buildCreatePlan(
  subscriptionId: string,
  draft: VaultDraft,
  location: string,
  apiVersions: { resources: string; recoveryServices: string },
): CreatePlan {
  const resourceGroup = targetResourceGroup(draft);
  const tags = tagsToSend(draft.tags);
  const hasTags = Object.keys(tags).length > 0;
  const security = securityFromDraft(draft.security);
  const [createSecurity = {}, ...later] = securityWriteSteps(null, security);
  const vaultBody: VaultPutBody = {
    location,
    sku: { name: 'Standard' },
    properties: { ...createSecurity, publicNetworkAccess: security.publicNetworkAccess },
    ...(hasTags ? { tags } : {}),
  };
  const subscriptionPath = `/subscriptions/${subscriptionId}`;
  const vaultPath = `${subscriptionPath}/resourceGroups/${resourceGroup}/providers/Microsoft.RecoveryServices/vaults/${draft.name}?api-version=${apiVersions.recoveryServices}`;
  return {
    resourceGroup,
    location,
    vaultName: draft.name,
    resourceGroupRequest:
      draft.resourceGroupMode === 'new'
        ? {
            method: 'PUT',
            path: `${subscriptionPath}/resourcegroups/${resourceGroup}?api-version=${apiVersions.resources}`,
            body: { location },
          }
        : null,
    vaultRequest: { method: 'PUT', path: vaultPath, body: vaultBody },
    securityRequests: later.map((properties) => ({ method: 'PATCH', path: vaultPath, body: { properties } })),
    security,
    oneWayDoors: newOneWaySettings(null, security),
  };
}

/** Who can grant what a failed write lacked, in words an administrator acts on. */
export function roleAdviceFor(action: string | undefined, resourceGroup: string): string {
  const lower = (action ?? '').toLowerCase();
  if (lower.startsWith('microsoft.resources/subscriptions/resourcegroups/')) {
    return 'Contributor (or Owner) on the subscription — Backup Contributor does not create resource groups; or choose an existing resource group';
  }
  if (lower.endsWith('/register/action')) return 'Contributor (or Owner) on the subscription';
  return `Backup Contributor or Contributor on the resource group ${resourceGroup}`;
}
