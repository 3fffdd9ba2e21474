import { describe, expect, it } from 'vitest';
import type { AzureLocation } from '../../azure/locations.ts';
import type { VaultStorageConfig } from '../../azure/storage-config.ts';
import {
  choiceProblem,
  initialChoice,
  matchesConfig,
  needsIrreversibleConfirmation,
  normaliseChoice,
  redundancyOptions,
} from './replication-rules.ts';

const westEurope: AzureLocation = {
  name: 'westeurope',
  displayName: 'West Europe',
  regionalDisplayName: '(Europe) West Europe',
  availabilityZones: ['1', '2', '3'],
  pairedRegion: 'northeurope',
};
const westUs: AzureLocation = { ...westEurope, name: 'westus', displayName: 'West US', availabilityZones: [], pairedRegion: 'eastus' };
const grs: VaultStorageConfig = { storageType: 'GeoRedundant', locked: false, crossRegionRestore: false };
const disabled = (config: VaultStorageConfig, region: AzureLocation) =>
  Object.fromEntries(redundancyOptions(config, region).map((o) => [o.value, o.disabledReason]));

describe('replication options', () => {
  it('offers GRS, LRS and ZRS, with the guide’s wording on GRS and LRS', () => {
    const options = redundancyOptions(grs, westEurope);
    expect(options.map((o) => o.value)).toEqual(['GeoRedundant', 'LocallyRedundant', 'ZoneRedundant']);
    expect(options[0]?.description).toMatch(/Keep it if this is your primary backup/);
    expect(options[1]?.description).toMatch(/cheaper option that isn’t quite as durable/);
    expect(disabled(grs, westEurope)).toEqual({ GeoRedundant: null, LocallyRedundant: null, ZoneRedundant: null });
  });

  it('disables zone-redundancy, with the reason, where the region has no availability zones', () => {
    expect(disabled(grs, westUs).ZoneRedundant).toBe('West US has no availability zones, so zone-redundant storage isn’t offered there.');
    expect(choiceProblem({ storageType: 'ZoneRedundant', crossRegionRestore: false }, redundancyOptions(grs, westUs))).toMatch(/no availability zones/);
  });

  it('keeps a vault with cross-region restore on geo-redundant', () => {
    const crr = { ...grs, crossRegionRestore: true };
    expect(disabled(crr, westEurope)).toEqual({
      GeoRedundant: null,
      LocallyRedundant: expect.stringMatching(/can’t be turned off/),
      ZoneRedundant: expect.stringMatching(/can’t be turned off/),
    });
  });
});

describe('replication choice', () => {
  it('starts from the saved choice, else from what the vault has (a new vault: GRS)', () => {
    const lrs = { storageType: 'LocallyRedundant' as const, crossRegionRestore: false };
    expect(initialChoice(grs, lrs)).toEqual(lrs);
    expect(initialChoice(grs, null)).toEqual({ storageType: 'GeoRedundant', crossRegionRestore: false });
    expect(initialChoice({ storageType: 'ZoneRedundant', locked: false, crossRegionRestore: false }, null).storageType).toBe('ZoneRedundant');
    expect(initialChoice({ storageType: 'Other', locked: false, crossRegionRestore: false }, null).storageType).toBe('GeoRedundant');
  });

  it('drops cross-region restore when leaving geo-redundancy', () => {
    expect(normaliseChoice({ storageType: 'LocallyRedundant', crossRegionRestore: true })).toEqual({ storageType: 'LocallyRedundant', crossRegionRestore: false });
    expect(normaliseChoice({ storageType: 'GeoRedundant', crossRegionRestore: true })).toEqual({ storageType: 'GeoRedundant', crossRegionRestore: true });
  });

  it('asks for confirmation only when cross-region restore would be turned on', () => {
    expect(needsIrreversibleConfirmation({ storageType: 'GeoRedundant', crossRegionRestore: true }, grs)).toBe(true);
    expect(needsIrreversibleConfirmation({ storageType: 'GeoRedundant', crossRegionRestore: true }, { ...grs, crossRegionRestore: true })).toBe(false);
    expect(needsIrreversibleConfirmation({ storageType: 'LocallyRedundant', crossRegionRestore: false }, grs)).toBe(false);
  });

  it('compares a choice with what Azure reports', () => {
    expect(matchesConfig({ storageType: 'GeoRedundant', crossRegionRestore: false }, grs)).toBe(true);
    expect(matchesConfig({ storageType: 'GeoRedundant', crossRegionRestore: true }, grs)).toBe(false);
  });
});
