// Azure Backup's own pre-checks before enabling protection, as the wizard's Review step calls them:
// backupPreValidateProtection (SDK protectionIntentOperations.validate) per VM and backupValidateFeatures
// (SDK featureSupport.validate) per VM size, with the real RecoveryServicesBackupClient (12.0.0).
// Emulator-only: the answers follow from the contoso fixture (emulator/routes/prevalidation-rules.ts).
import { describe, expect, it } from 'vitest';
import { control, live, sdk, subscriptionId } from './harness.ts';

const { backup } = sdk();
const VAULT = `/subscriptions/${subscriptionId}/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-prod-weu`;
const vmId = (rg: string, vm: string) => `/subscriptions/${subscriptionId}/resourceGroups/${rg}/providers/Microsoft.Compute/virtualMachines/${vm}`;
const validate = (rg: string, vm: string, vaultId = VAULT, region = 'westeurope') =>
  backup().protectionIntentOperations.validate(region, { resourceType: 'VM', resourceId: vmId(rg, vm), vaultId, properties: '' });

describe.skipIf(live)('backupPreValidateProtection', () => {
  it('says yes to a supported VM, even one whose agent is not ready (Azure accepts it; its backups fail later)', async () => {
    await control.reset();
    expect(await validate('rg-web', 'web-01')).toMatchObject({ status: 'Succeeded', containerName: 'iaasvmcontainer;iaasvmcontainerv2;rg-web;web-01' });
    expect((await validate('rg-apps', 'agent-notready-01')).status).toBe('Succeeded');
    expect((await validate('rg-legacy', 'legacy-2008r2')).status).toBe('Succeeded');
  });

  it('says no, with a code, a message and a recommendation, to what the fixture makes unsupported', async () => {
    const cases: [string, string, string][] = [
      ['rg-apps', 'protected-01', 'VirtualMachineAlreadyProtected'],
      ['rg-legacy', 'legacy-2008', 'UserErrorGuestOSNotSupported'],
      ['rg-apps', 'coreos-01', 'UserErrorGuestOSNotSupported'],
      ['rg-data', 'bigdata-01', 'UserErrorNumberOfDisksNotSupported'],
      ['rg-web', 'no-such-vm', 'UserErrorVmNotFoundV2'],
    ];
    for (const [rg, vm, code] of cases) {
      const answer = await validate(rg, vm);
      expect(answer, vm).toMatchObject({ status: 'Failed', errorCode: code });
      expect(answer.errorMessage, vm).toBeTruthy();
      expect(answer.recommendation, vm).toBeTruthy();
    }
    expect((await validate('rg-data', 'data-20disk')).status).toBe('Succeeded');
  });

  it('says no to a vault in another region than the VM', async () => {
    expect(await validate('rg-dr-neu', 'neu-app-01', VAULT, 'northeurope')).toMatchObject({ status: 'Failed', errorCode: 'BMSUserErrorVMNotInVaultRegion' });
  });

  it('follows the VM as it changes: more than 32 disks after the fact', async () => {
    const id = vmId('rg-web', 'web-01');
    const vm = (await control.call('GET', `/resource?id=${encodeURIComponent(id)}`)) as { properties: { storageProfile: { dataDisks: unknown[] } } };
    const disks = Array.from({ length: 33 }, (_, lun) => ({ lun, name: `extra-${lun}`, createOption: 'Empty', diskSizeGB: 32 }));
    await control.call('PATCH', '/resource', { id, merge: { properties: { storageProfile: { ...vm.properties.storageProfile, dataDisks: disks } } } });
    expect((await validate('rg-web', 'web-01')).errorCode).toBe('UserErrorNumberOfDisksNotSupported');
    await control.reset();
  });
});

describe.skipIf(live)('backupValidateFeatures', () => {
  it('supports ordinary sizes and not the smallest ones', async () => {
    const answer = (vmSize: string) => backup().featureSupport.validate('westeurope', { featureType: 'AzureVMResourceBackup', vmSize, vmSku: 'Premium' });
    expect((await answer('Standard_D2s_v5')).supportStatus).toBe('Supported');
    expect((await answer('Basic_A0')).supportStatus).toBe('NotSupported');
    await expect(backup().featureSupport.validate('westeurope', { featureType: 'Nonsense' } as never)).rejects.toMatchObject({ statusCode: 400 });
  });
});
