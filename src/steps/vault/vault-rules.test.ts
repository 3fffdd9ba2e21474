import { describe, expect, it } from 'vitest';
import type { AzureLocation } from '../../azure/locations.ts';
import type { ResourceProvider } from '../../azure/providers.ts';
import { initialVaultDraft, type VaultDraft } from '../../store/vault-slice.ts';
import {
  buildCreatePlan,
  defaultRegion,
  formProblems,
  hasProblems,
  roleAdviceFor,
  tagProblems,
  tagsToSend,
  vaultRegions,
  vmCountsByRegion,
  vmRegionsSummary,
  type VaultRegion,
} from './vault-rules.ts';

const location = (name: string, displayName: string, zones: string[] = []): AzureLocation => ({
  name,
  displayName,
  regionalDisplayName: displayName,
  availabilityZones: zones,
  pairedRegion: null,
});
const locations = [
  location('eastus', 'East US'),
  location('northeurope', 'North Europe'),
  location('ukwest', 'UK West'),
  location('westeurope', 'West Europe', ['1', '2', '3']),
];
const provider: ResourceProvider = {
  namespace: 'Microsoft.RecoveryServices',
  registrationState: 'Registered',
  resourceTypes: [
    { resourceType: 'operations', locations: [] },
    { resourceType: 'vaults', locations: ['West Europe', 'North Europe', 'East US'] },
  ],
};
const region = (name: string, displayName: string, vmCount: number): VaultRegion => ({ ...location(name, displayName), vmCount });

describe('vault regions', () => {
  it('offers the regions the provider lists by display name, mapped to region names, with the VMs in each', () => {
    const counts = vmCountsByRegion([{ location: 'westeurope' }, { location: 'WestEurope' }, { location: 'ukwest' }]);
    expect(vaultRegions(provider, locations, counts)).toEqual([
      { ...locations[0], vmCount: 0 },
      { ...locations[1], vmCount: 0 },
      { ...locations[3], vmCount: 2 },
    ]);
  });

  it('defaults to the region holding most VMs, the first by name on a tie, and to none without VMs', () => {
    expect(defaultRegion([region('eastus', 'East US', 1), region('westeurope', 'West Europe', 27), region('northeurope', 'North Europe', 2)])).toBe(
      'westeurope',
    );
    expect(defaultRegion([region('westeurope', 'West Europe', 2), region('northeurope', 'North Europe', 2)])).toBe('northeurope');
    expect(defaultRegion([region('westeurope', 'West Europe', 0)])).toBeNull();
    expect(defaultRegion([])).toBeNull();
  });

  it('summarises where the VMs are, most first, and where vaults are not offered', () => {
    const counts = vmCountsByRegion([{ location: 'westeurope' }, { location: 'westeurope' }, { location: 'ukwest' }]);
    expect(vmRegionsSummary(counts, locations, vaultRegions(provider, locations, counts))).toEqual([
      { name: 'westeurope', displayName: 'West Europe', vmCount: 2, vaultsOffered: true },
      { name: 'ukwest', displayName: 'UK West', vmCount: 1, vaultsOffered: false },
    ]);
  });
});

describe('tag rules', () => {
  it('accepts valid tags and ignores blank rows', () => {
    expect(tagProblems([{ key: 'env', value: 'prod' }, { key: '', value: '' }, { key: 'cost center', value: '' }])).toEqual([]);
  });

  it('gives one message per rule broken, on the right row and field', () => {
    const problems = tagProblems([
      { key: '', value: 'orphan' },
      { key: 'a/b', value: 'x' },
      { key: 'k'.repeat(513), value: 'v'.repeat(257) },
      { key: 'ENV', value: '' },
      { key: 'env', value: '' },
    ]);
    expect(problems).toEqual([
      { index: 0, field: 'key', message: 'Enter a tag name, or remove this tag.' },
      { index: 1, field: 'key', message: 'A tag name cannot contain < > % & \\ ? or /.' },
      { index: 2, field: 'key', message: 'Use at most 512 characters in a tag name (this has 513).' },
      { index: 2, field: 'value', message: 'Use at most 256 characters in a tag value (this has 257).' },
      { index: 4, field: 'key', message: 'Tag names must be unique (ignoring case); tag 4 has this name.' },
    ]);
  });

  it.each(['<', '>', '%', '&', '\\', '?', '/'])('refuses %s in a tag name', (character) => {
    expect(tagProblems([{ key: `a${character}b`, value: '' }])).toHaveLength(1);
  });

  it('refuses more than 50 tags', () => {
    const tags = Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: '' }));
    expect(tagProblems(tags).map((p) => p.message)).toEqual(['A resource can have at most 50 tags (this has 51).']);
  });

  it('sends tags without blank rows, names trimmed', () => {
    expect(tagsToSend([{ key: ' env ', value: 'prod' }, { key: '', value: '' }])).toEqual({ env: 'prod' });
  });
});

describe('create form problems', () => {
  const context = {
    existingResourceGroups: [{ name: 'rg-backup', location: 'westeurope' }],
    regions: [region('westeurope', 'West Europe', 3)],
    providerRegistered: true,
  };
  const draft = (change: Partial<VaultDraft>): VaultDraft => ({ ...initialVaultDraft, mode: 'new', ...change });

  it('finds nothing wrong with a complete draft', () => {
    const problems = formProblems(draft({ name: 'rsv-a', existingResourceGroup: 'rg-backup' }), 'westeurope', context);
    expect(hasProblems(problems)).toBe(false);
  });

  it('names each field that is wrong, with the shared naming rules', () => {
    const problems = formProblems(
      draft({ name: '_', resourceGroupMode: 'new', newResourceGroup: 'rg.', tags: [{ key: 'a?', value: '' }] }),
      '',
      { ...context, providerRegistered: false },
    );
    expect(problems).toEqual({
      name: ['Use 2 to 50 characters (this has 1).', 'Start the name with a letter.', 'Use only letters, digits and hyphens (-).'],
      resourceGroup: ['The name cannot end with a period.'],
      location: ['Choose a region.'],
      tags: [{ index: 0, field: 'key', message: 'A tag name cannot contain < > % & \\ ? or /.' }],
      provider: ['Register Microsoft.RecoveryServices in this subscription before creating a vault.'],
      security: [],
    });
  });

  it('refuses a soft delete retention outside 14–180 days before anything is sent', () => {
    const bad = draft({ name: 'rsv-a', existingResourceGroup: 'rg-backup', security: { ...initialVaultDraft.security, softDeleteRetentionDays: '7' } });
    const problems = formProblems(bad, 'westeurope', context);
    expect(problems.security).toEqual(['Enter a whole number of days from 14 to 180.']);
    expect(hasProblems(problems)).toBe(true);
  });

  it('refuses a "new" resource group that already exists, and an existing one that is gone', () => {
    expect(formProblems(draft({ name: 'rsv-a', resourceGroupMode: 'new', newResourceGroup: 'RG-BACKUP' }), 'westeurope', context).resourceGroup).toEqual([
      'A resource group named rg-backup already exists: choose it under “Use an existing resource group”.',
    ]);
    expect(formProblems(draft({ name: 'rsv-a', existingResourceGroup: 'rg-gone' }), 'westeurope', context).resourceGroup).toEqual([
      'The resource group rg-gone no longer exists or you cannot see it. Choose another.',
    ]);
  });

  it('refuses a region where vaults are not offered', () => {
    expect(formProblems(draft({ name: 'rsv-a', existingResourceGroup: 'rg-backup' }), 'ukwest', context).location).toEqual([
      'Vaults are not offered in this region. Choose another.',
    ]);
  });
});

describe('create plan (the review preview)', () => {
  const versions = { resources: '2025-04-01', recoveryServices: '2026-07-01' };
  // Azure's defaults, written out: the review shows exactly what is sent.
  const defaults = {
    publicNetworkAccess: 'Enabled',
    securitySettings: { softDeleteSettings: { softDeleteState: 'Enabled', softDeleteRetentionPeriodInDays: 14 }, immutabilitySettings: { state: 'Disabled' } },
    restoreSettings: { crossSubscriptionRestoreSettings: { crossSubscriptionRestoreState: 'Enabled' } },
    monitoringSettings: { azureMonitorAlertSettings: { alertsForAllJobFailures: 'Enabled' } },
  };

  it('puts a new resource group first, then the vault, with the exact bodies', () => {
    const plan = buildCreatePlan(
      'sub-1',
      { ...initialVaultDraft, mode: 'new', name: 'rsv-a', resourceGroupMode: 'new', newResourceGroup: 'rg-new', tags: [{ key: 'env', value: 'test' }, { key: '', value: '' }] },
      'westeurope',
      versions,
    );
    expect(plan.resourceGroupRequest).toEqual({
      method: 'PUT',
      path: '/subscriptions/sub-1/resourcegroups/rg-new?api-version=2025-04-01',
      body: { location: 'westeurope' },
    });
    expect(plan.vaultRequest).toEqual({
      method: 'PUT',
      path: '/subscriptions/sub-1/resourceGroups/rg-new/providers/Microsoft.RecoveryServices/vaults/rsv-a?api-version=2026-07-01',
      body: { location: 'westeurope', sku: { name: 'Standard' }, properties: defaults, tags: { env: 'test' } },
    });
    expect(plan.securityRequests).toEqual([]);
    expect(plan.oneWayDoors).toEqual([]);
  });

  it('creates a vault to be locked as Unlocked, then locks it with a PATCH; and names the doors', () => {
    const security = { ...initialVaultDraft.security, immutability: 'Locked' as const, softDeleteState: 'AlwaysON' as const, softDeleteRetentionDays: '30' };
    const plan = buildCreatePlan('sub-1', { ...initialVaultDraft, name: 'rsv-a', existingResourceGroup: 'rg-backup', security }, 'westeurope', versions);
    expect(plan.vaultRequest.body.properties.securitySettings).toEqual({
      softDeleteSettings: { softDeleteState: 'AlwaysON', softDeleteRetentionPeriodInDays: 30 },
      immutabilitySettings: { state: 'Unlocked' },
    });
    expect(plan.securityRequests).toEqual([
      { method: 'PATCH', path: plan.vaultRequest.path, body: { properties: { securitySettings: { immutabilitySettings: { state: 'Locked' } } } } },
    ]);
    expect(plan.oneWayDoors).toEqual(['softDeleteAlwaysOn', 'immutabilityLocked']);
  });

  it('sends no resource group request and no tags when there are none', () => {
    const plan = buildCreatePlan('sub-1', { ...initialVaultDraft, name: 'rsv-a', existingResourceGroup: 'rg-backup' }, 'northeurope', versions);
    expect(plan.resourceGroupRequest).toBeNull();
    expect(plan.vaultRequest.body).toEqual({ location: 'northeurope', sku: { name: 'Standard' }, properties: defaults });
    expect(plan.resourceGroup).toBe('rg-backup');
  });
});

describe('role advice', () => {
  it('names the role that grants the missing action, and where', () => {
    expect(roleAdviceFor('Microsoft.RecoveryServices/Vaults/write', 'rg-backup')).toBe('Backup Contributor or Contributor on the resource group rg-backup');
    expect(roleAdviceFor('Microsoft.Resources/subscriptions/resourcegroups/write', 'rg-new')).toMatch(/^Contributor \(or Owner\) on the subscription/);
    expect(roleAdviceFor('Microsoft.RecoveryServices/register/action', '')).toBe('Contributor (or Owner) on the subscription');
  });
});
