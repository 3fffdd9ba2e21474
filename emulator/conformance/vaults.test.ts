// Recovery Services vaults and their backup storage config, driven by the real SDK clients
// (@azure/arm-recoveryservices 7.2.0 and @azure/arm-recoveryservicesbackup 12.0.0).
import { beforeEach, describe, expect, it } from 'vitest';
import { collect, control, emulatorOnly, groupsToDeleteAfterLiveRun, live, sdk, subscriptionId, unique } from './harness.ts';

const { recoveryServices: rs, backup, resources } = sdk();

const createdGroups = groupsToDeleteAfterLiveRun();


async function newResourceGroup(location = 'westeurope'): Promise<string> {
  const name = unique('rg-conf-rsv');
  await resources().resourceGroups.createOrUpdate(name, { location });
  createdGroups.push(name);
  return name;
}

async function newVault(storage?: 'LocallyRedundant' | 'GeoRedundant'): Promise<{ rg: string; name: string }> {
  const rg = await newResourceGroup();
  const name = unique('rsv-conf');
  await rs().vaults.beginCreateOrUpdateAndWait(rg, name, {
    location: 'West Europe',
    sku: { name: 'Standard' },
    properties: storage ? { redundancySettings: { standardTierStorageRedundancy: storage, crossRegionRestore: 'Disabled' } } : {},
  });
  return { rg, name };
}

describe('Recovery Services vaults', () => {
  beforeEach(async () => {
    if (!live) await control.reset();
  });

  it('creates a vault in a new resource group and reads it back', async () => {
    const rg = await newResourceGroup();
    const name = unique('rsv-conf');
    const created = await rs().vaults.beginCreateOrUpdateAndWait(rg, name, {
      location: 'West Europe',
      sku: { name: 'Standard' },
      tags: { purpose: 'conformance' },
      properties: { publicNetworkAccess: 'Enabled' },
    });
    expect(created).toMatchObject({ name, location: 'westeurope', type: 'Microsoft.RecoveryServices/vaults', tags: { purpose: 'conformance' } });
    expect(created.properties?.provisioningState).toBe('Succeeded');
    const read = await rs().vaults.get(rg, name);
    expect(read.id?.toLowerCase()).toBe(`/subscriptions/${subscriptionId}/resourcegroups/${rg}/providers/microsoft.recoveryservices/vaults/${name}`.toLowerCase());
    expect(read.sku?.name).toMatch(/^(RS0|Standard)$/);
    expect(read.properties?.redundancySettings?.standardTierStorageRedundancy).toBe('GeoRedundant');
    expect((await collect(rs().vaults.listByResourceGroup(rg))).map((v) => v.name)).toEqual([name]);
    expect((await collect(rs().vaults.listBySubscriptionId())).map((v) => v.name)).toContain(name);
  });

  emulatorOnly('polls the Azure-AsyncOperation URL while the vault is Creating', async () => {
    const rg = await newResourceGroup();
    const name = unique('rsv-conf');
    await control.settings({ lroDelayMs: 1500 });
    await control.clearRequests();
    const poller = rs().vaults.createOrUpdate(rg, name, { location: 'westeurope', sku: { name: 'RS0', tier: 'Standard' } });
    await poller.submitted();
    expect((await rs().vaults.get(rg, name)).properties?.provisioningState).toBe('Creating');
    const vault = await poller.pollUntilDone();
    expect(vault.properties?.provisioningState).toBe('Succeeded');
    const log = await control.requests();
    const polls = log.filter((r) => /\/operationStatus\//i.test(r.path));
    expect(polls.length).toBeGreaterThanOrEqual(2);
    expect(log.find((r) => r.method === 'PUT' && r.path.endsWith(name))?.status).toBe(201);
    // Once created the vault has its storage config and the system policies.
    const config = await backup().backupResourceStorageConfigsNonCRR.get(name, rg);
    expect(config.properties).toMatchObject({ storageType: 'GeoRedundant', storageTypeState: 'Unlocked', crossRegionRestoreFlag: false });
  });

  it('answers name availability: available, taken and invalid', async () => {
    const rg = await newResourceGroup();
    const check = (name: string) => rs().recoveryServices.checkNameAvailability(rg, 'westeurope', { type: 'Microsoft.RecoveryServices/Vaults', name });
    expect(await check(unique('rsv-free'))).toMatchObject({ nameAvailable: true });
    const { name } = await newVault();
    // Taken anywhere in the subscription, not only in this resource group.
    expect(await check(name)).toMatchObject({ nameAvailable: false, reason: 'AlreadyExists', message: 'Resource already exists with the same name.' });
    const invalid = await check('1-starts-with-a-digit');
    expect(invalid).toMatchObject({ nameAvailable: false, reason: 'Invalid' });
    expect(invalid.message).toMatch(/Start the name with a letter/);
  });

  emulatorOnly('refuses a region where vaults are not offered', async () => {
    const rg = await newResourceGroup('uksouth');
    const error = await rs().vaults.beginCreateOrUpdateAndWait(rg, 'rsv-ukwest', { location: 'ukwest', sku: { name: 'Standard' } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 400, code: 'LocationNotAvailableForResourceType' });
    expect((error as Error).message).toContain("'ukwest'");
  });

  emulatorOnly('refuses the same name in another region with 409 InvalidResourceLocation, and updates in place otherwise', async () => {
    const error = await rs().vaults.beginCreateOrUpdateAndWait('rg-backup', 'RSV-PROD-WEU', { location: 'northeurope', sku: { name: 'Standard' } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 409, code: 'InvalidResourceLocation' });
    expect((error as Error).message).toBe(
      "The resource 'rsv-prod-weu' already exists in location 'westeurope' in resource group 'rg-backup'. A resource with the same name cannot be created in location 'northeurope'. Please select a new resource name.",
    );
    const updated = await rs().vaults.beginCreateOrUpdateAndWait('rg-backup', 'RSV-PROD-WEU', { location: 'westeurope', sku: { name: 'Standard' }, tags: { owner: 'ops' } });
    expect(updated).toMatchObject({ name: 'rsv-prod-weu', tags: { owner: 'ops' } });
    expect((await collect(rs().vaults.listByResourceGroup('rg-backup'))).length).toBe(1);
  });

  it('refuses an invalid vault name', async () => {
    const rg = await newResourceGroup();
    const error = await rs().vaults.beginCreateOrUpdateAndWait(rg, 'x', { location: 'westeurope', sku: { name: 'Standard' } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 400 });
  });

  emulatorOnly('refuses zone-redundant storage in a region without zones and CRR without geo-redundancy', async () => {
    const rg = await newResourceGroup('westus');
    const zrs = await rs()
      .vaults.beginCreateOrUpdateAndWait(rg, 'rsv-zrs', { location: 'westus', sku: { name: 'Standard' }, properties: { redundancySettings: { standardTierStorageRedundancy: 'ZoneRedundant' } } })
      .catch((e: unknown) => e);
    expect(zrs).toMatchObject({ statusCode: 400, code: 'BMSUserErrorZoneRedundancyNotSupportedInRegion' });
    const crr = await rs()
      .vaults.beginCreateOrUpdateAndWait(rg, 'rsv-crr', {
        location: 'westus',
        sku: { name: 'Standard' },
        properties: { redundancySettings: { standardTierStorageRedundancy: 'LocallyRedundant', crossRegionRestore: 'Enabled' } },
      })
      .catch((e: unknown) => e);
    expect(crr).toMatchObject({ statusCode: 400, code: 'BMSUserErrorUnableToEnableCrossRegionRestore' });
  });

  it('patches tags and keeps the storage config in sync with redundancySettings', async () => {
    const { rg, name } = await newVault();
    const patched = await rs().vaults.beginUpdateAndWait(rg, name, {
      tags: { costCenter: '42' },
      properties: { redundancySettings: { standardTierStorageRedundancy: 'LocallyRedundant' } },
    });
    expect(patched.tags).toEqual({ costCenter: '42' });
    expect(patched.properties?.redundancySettings?.standardTierStorageRedundancy).toBe('LocallyRedundant');
    const config = await backup().backupResourceStorageConfigsNonCRR.get(name, rg);
    expect(config.properties?.storageModelType ?? config.properties?.storageType).toBe('LocallyRedundant');
  });

  emulatorOnly('refuses to delete a vault that protects items', async () => {
    const error = await rs().vaults.beginDeleteAndWait('rg-backup-legacy', 'rsv-legacy-weu').catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 400, code: 'ServiceResourceNotEmpty' });
    expect((error as Error).message).toMatch(/^Vault cannot be deleted as there are existing resources within the vault\./);
    expect((await rs().vaults.get('rg-backup-legacy', 'rsv-legacy-weu')).name).toBe('rsv-legacy-weu');
  });

  it('deletes an empty vault with its children', async () => {
    const { rg, name } = await newVault();
    await rs().vaults.beginDeleteAndWait(rg, name);
    await expect(rs().vaults.get(rg, name)).rejects.toMatchObject({ statusCode: 404, code: 'ResourceNotFound' });
    await expect(collect(backup().backupPolicies.list(name, rg))).rejects.toMatchObject({ statusCode: 404 });
  });
});

describe('vault backup storage config', () => {
  beforeEach(async () => {
    if (!live) await control.reset();
  });

  it('gets, updates (PUT 200), patches (204) and reads back, in sync with the vault', async () => {
    const { rg, name } = await newVault();
    const configs = backup().backupResourceStorageConfigsNonCRR;
    expect((await configs.get(name, rg)).properties).toMatchObject({ storageType: 'GeoRedundant', storageTypeState: 'Unlocked', crossRegionRestoreFlag: false });

    const updated = await configs.update(name, rg, { properties: { storageType: 'LocallyRedundant', storageTypeState: 'Unlocked' } });
    expect(updated.properties).toMatchObject({ storageModelType: 'LocallyRedundant', storageType: 'LocallyRedundant', storageTypeState: 'Unlocked' });
    expect((await rs().vaults.get(rg, name)).properties?.redundancySettings?.standardTierStorageRedundancy).toBe('LocallyRedundant');

    let patchStatus = 0;
    await configs.patch(name, rg, { properties: { storageModelType: 'GeoRedundant', crossRegionRestoreFlag: true } }, { onResponse: (r) => (patchStatus = r.status) });
    expect(patchStatus).toBe(204);
    expect((await configs.get(name, rg)).properties).toMatchObject({ storageType: 'GeoRedundant', crossRegionRestoreFlag: true });
    expect((await rs().vaults.get(rg, name)).properties?.redundancySettings).toMatchObject({ standardTierStorageRedundancy: 'GeoRedundant', crossRegionRestore: 'Enabled' });
  });

  it('refuses Cross Region Restore on a locally-redundant vault, and turning it off once on', async () => {
    const { rg, name } = await newVault('LocallyRedundant');
    const configs = backup().backupResourceStorageConfigsNonCRR;
    await expect(configs.patch(name, rg, { properties: { crossRegionRestoreFlag: true } })).rejects.toMatchObject({
      statusCode: 400,
      code: 'BMSUserErrorUnableToEnableCrossRegionRestore',
    });
    await configs.patch(name, rg, { properties: { storageType: 'GeoRedundant', crossRegionRestoreFlag: true } });
    await expect(configs.patch(name, rg, { properties: { crossRegionRestoreFlag: false } })).rejects.toMatchObject({
      statusCode: 400,
      code: 'BMSUserErrorCrossRegionRestoreCannotBeDisabled',
    });
    await expect(configs.update(name, rg, { properties: { storageType: 'LocallyRedundant' } })).rejects.toMatchObject({
      statusCode: 400,
      code: 'BMSUserErrorUnableToEnableCrossRegionRestore',
    });
  });

  emulatorOnly('a vault that protects a VM is Locked and refuses a change of storage type', async () => {
    const configs = backup().backupResourceStorageConfigsNonCRR;
    expect((await configs.get('rsv-legacy-weu', 'rg-backup-legacy')).properties?.storageTypeState).toBe('Locked');
    const error = await configs.update('rsv-legacy-weu', 'rg-backup-legacy', { properties: { storageType: 'LocallyRedundant' } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 400, code: 'StorageModelModifyError' });
    expect((error as Error).message).toBe('Storage Redundancy option is locked when the first machine is registered with the vault, and cannot be modified thereafter.');
    await expect(rs().vaults.beginUpdateAndWait('rg-backup-legacy', 'rsv-legacy-weu', { properties: { redundancySettings: { standardTierStorageRedundancy: 'LocallyRedundant' } } })).rejects.toMatchObject({
      statusCode: 400,
      code: 'StorageModelModifyError',
    });
    expect((await configs.get('rsv-legacy-weu', 'rg-backup-legacy')).properties?.storageType).toBe('GeoRedundant');
  });
});
