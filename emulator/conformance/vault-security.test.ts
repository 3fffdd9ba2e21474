// A vault's security settings (soft delete, immutability, cross-subscription restore, public network
// access, job-failure alerts) and its Resource Guard proxy, driven by the real SDK clients
// (@azure/arm-recoveryservices 7.2.0 for the vault, @azure/arm-recoveryservicesbackup 12.0.0 for the proxy).
import { beforeEach, describe, expect, it } from 'vitest';
import { collect, control, emulatorOnly, groupsToDeleteAfterLiveRun, live, sdk, unique } from './harness.ts';

const { recoveryServices: rs, backup, resources } = sdk();
const createdGroups = groupsToDeleteAfterLiveRun();

async function newVault(properties: Record<string, unknown> = {}): Promise<{ rg: string; name: string }> {
  const rg = unique('rg-conf-sec');
  await resources().resourceGroups.createOrUpdate(rg, { location: 'westeurope' });
  createdGroups.push(rg);
  const name = unique('rsv-sec');
  await rs().vaults.beginCreateOrUpdateAndWait(rg, name, { location: 'westeurope', sku: { name: 'Standard' }, properties });
  return { rg, name };
}

const security = async (rg: string, name: string) => (await rs().vaults.get(rg, name)).properties;
const patch = (rg: string, name: string, properties: Record<string, unknown>) => rs().vaults.beginUpdateAndWait(rg, name, { properties });

describe('vault security settings', () => {
  beforeEach(async () => {
    if (!live) await control.reset();
  });

  it('gives a new vault soft delete on for 14 days, immutability off, cross-subscription restore and public access on', async () => {
    const { rg, name } = await newVault();
    const p = await security(rg, name);
    expect(p?.securitySettings?.softDeleteSettings).toMatchObject({ softDeleteRetentionPeriodInDays: 14 });
    expect(['Enabled', 'AlwaysON']).toContain(p?.securitySettings?.softDeleteSettings?.softDeleteState);
    expect(p?.securitySettings?.immutabilitySettings?.state ?? 'Disabled').toBe('Disabled');
    expect(p?.restoreSettings?.crossSubscriptionRestoreSettings?.crossSubscriptionRestoreState ?? 'Enabled').toBe('Enabled');
    expect(p?.publicNetworkAccess).toBe('Enabled');
    expect(p?.securitySettings?.multiUserAuthorization ?? 'Disabled').toBe('Disabled');
  });

  it('creates a vault with its security settings and reads them back', async () => {
    const { rg, name } = await newVault({
      publicNetworkAccess: 'Disabled',
      securitySettings: { softDeleteSettings: { softDeleteState: 'AlwaysON', softDeleteRetentionPeriodInDays: 60 }, immutabilitySettings: { state: 'Unlocked' } },
      restoreSettings: { crossSubscriptionRestoreSettings: { crossSubscriptionRestoreState: 'Disabled' } },
      monitoringSettings: { azureMonitorAlertSettings: { alertsForAllJobFailures: 'Disabled' } },
    });
    const p = await security(rg, name);
    expect(p?.securitySettings?.softDeleteSettings).toMatchObject({ softDeleteState: 'AlwaysON', softDeleteRetentionPeriodInDays: 60 });
    expect(p?.securitySettings?.immutabilitySettings?.state).toBe('Unlocked');
    expect(p?.restoreSettings?.crossSubscriptionRestoreSettings?.crossSubscriptionRestoreState).toBe('Disabled');
    expect(p?.monitoringSettings?.azureMonitorAlertSettings?.alertsForAllJobFailures).toBe('Disabled');
    expect(p?.publicNetworkAccess).toBe('Disabled');
  });

  it('patches one setting at a time and keeps the others; immutability goes Unlocked, then Locked', async () => {
    const { rg, name } = await newVault();
    await patch(rg, name, { securitySettings: { softDeleteSettings: { softDeleteState: 'Enabled', softDeleteRetentionPeriodInDays: 90 } } });
    await patch(rg, name, { securitySettings: { immutabilitySettings: { state: 'Unlocked' } } });
    const locked = await patch(rg, name, { securitySettings: { immutabilitySettings: { state: 'Locked' } } });
    expect(locked.properties?.securitySettings?.immutabilitySettings?.state).toBe('Locked');
    expect((await security(rg, name))?.securitySettings?.softDeleteSettings?.softDeleteRetentionPeriodInDays).toBe(90);
  });

  it('refuses to disable soft delete, with the service code', async () => {
    const { rg, name } = await newVault();
    await expect(patch(rg, name, { securitySettings: { softDeleteSettings: { softDeleteState: 'Disabled' } } })).rejects.toMatchObject({
      statusCode: 400,
      code: 'BMSUserErrorDisablingSoftDeleteStateNotAllowed',
    });
  });

  emulatorOnly('refuses to leave Always on, and retention outside 14–180 days', async () => {
    const { rg, name } = await newVault({ securitySettings: { softDeleteSettings: { softDeleteState: 'AlwaysON' } } });
    await expect(patch(rg, name, { securitySettings: { softDeleteSettings: { softDeleteState: 'Enabled' } } })).rejects.toMatchObject({
      statusCode: 400,
      code: 'BMSUserErrorSoftDeleteStateAlwaysOn',
    });
    for (const days of [7, 365]) {
      await expect(patch(rg, name, { securitySettings: { softDeleteSettings: { softDeleteRetentionPeriodInDays: days } } })).rejects.toMatchObject({
        statusCode: 400,
        code: 'BMSUserErrorInvalidSoftDeleteRetentionPeriod',
      });
    }
    expect((await security(rg, name))?.securitySettings?.softDeleteSettings).toMatchObject({ softDeleteState: 'AlwaysON', softDeleteRetentionPeriodInDays: 14 });
  });

  it('refuses to create a vault Locked, and to unlock a Locked one', async () => {
    const rg = unique('rg-conf-sec');
    await resources().resourceGroups.createOrUpdate(rg, { location: 'westeurope' });
    createdGroups.push(rg);
    const create = rs().vaults.beginCreateOrUpdateAndWait(rg, unique('rsv-sec'), {
      location: 'westeurope',
      sku: { name: 'Standard' },
      properties: { securitySettings: { immutabilitySettings: { state: 'Locked' } } },
    });
    await expect(create).rejects.toMatchObject({ statusCode: 400, code: 'UserErrorUnsupportedVaultImmutabilityStateChange' });

    const vault = await newVault({ securitySettings: { immutabilitySettings: { state: 'Unlocked' } } });
    await patch(vault.rg, vault.name, { securitySettings: { immutabilitySettings: { state: 'Locked' } } });
    const error = await patch(vault.rg, vault.name, { securitySettings: { immutabilitySettings: { state: 'Unlocked' } } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 400, code: 'UserErrorUnsupportedVaultImmutabilityStateChange' });
    expect((error as Error).message).toMatch(/^The immutable vault property for this vault is locked, hence, this setting cannot be disabled\./);
  });

  emulatorOnly('refuses to re-enable a permanently disabled cross-subscription restore, and answers a bad value with the parameter', async () => {
    const { rg, name } = await newVault({ restoreSettings: { crossSubscriptionRestoreSettings: { crossSubscriptionRestoreState: 'PermanentlyDisabled' } } });
    await expect(patch(rg, name, { restoreSettings: { crossSubscriptionRestoreSettings: { crossSubscriptionRestoreState: 'Enabled' } } })).rejects.toMatchObject({
      statusCode: 400,
      code: 'BMSUserErrorCrossSubscriptionRestorePermanentlyDisabled',
    });
    await expect(patch(rg, name, { publicNetworkAccess: 'Sometimes' })).rejects.toMatchObject({ statusCode: 400, code: 'UserErrorInvalidRequestParameter' });
  });
});

describe('Resource Guard proxy (multi-user authorization)', () => {
  beforeEach(async () => {
    if (!live) await control.reset();
  });

  emulatorOnly('lists the VaultProxy of a guarded vault, reads it by name, and the vault says MUA is on', async () => {
    const proxies = await collect(backup().resourceGuardProxies.list('rsv-legacy-weu', 'rg-backup-legacy'));
    expect(proxies).toHaveLength(1);
    expect(proxies[0]).toMatchObject({ name: 'VaultProxy', type: 'Microsoft.RecoveryServices/vaults/backupResourceGuardProxies' });
    expect(proxies[0]?.properties?.resourceGuardResourceId).toMatch(/\/providers\/Microsoft\.DataProtection\/resourceGuards\/guard-contoso-backup$/);
    const one = await backup().resourceGuardProxy.get('rsv-legacy-weu', 'rg-backup-legacy', 'VaultProxy');
    expect(one.properties?.resourceGuardOperationDetails?.map((d) => d.vaultCriticalOperation)).toContain('Microsoft.DataProtection/resourceGuards/disableSoftDeleteRequests');
    const vault = await rs().vaults.get('rg-backup-legacy', 'rsv-legacy-weu');
    expect(vault.properties?.securitySettings?.multiUserAuthorization).toBe('Enabled');
    expect(vault.properties?.securitySettings?.immutabilitySettings?.state).toBe('Locked');
  });

  emulatorOnly('an unguarded vault has no proxy', async () => {
    expect(await collect(backup().resourceGuardProxies.list('rsv-prod-weu', 'rg-backup'))).toEqual([]);
    await expect(backup().resourceGuardProxy.get('rsv-prod-weu', 'rg-backup', 'VaultProxy')).rejects.toMatchObject({ statusCode: 404 });
  });
});

describe('protected-item delete on an immutable vault', () => {
  emulatorOnly('accepts the request, then fails its operation with UserErrorDeleteBackupItemOnImmutableItem and keeps the item', async () => {
    await control.reset();
    const [rg, vault, container, item] = ['rg-backup-legacy', 'rsv-legacy-weu', 'iaasvmcontainer;iaasvmcontainerv2;rg-apps;protected-01', 'vm;iaasvmcontainerv2;rg-apps;protected-01'];
    let location = '';
    await backup().protectedItems.delete(vault, rg, 'Azure', container, item, { onResponse: (r) => void (location = r.headers.get('location') ?? '') });
    const operationId = new URL(location).pathname.split('/').pop() ?? '';
    const status = await backup().backupOperationStatuses.get(vault, rg, operationId);
    expect(status).toMatchObject({ status: 'Failed', error: { code: 'UserErrorDeleteBackupItemOnImmutableItem' } });
    expect((await backup().protectedItems.get(vault, rg, 'Azure', container, item)).name).toBe(item);
  });
});
