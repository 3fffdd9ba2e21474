// Azure Backup discovery, pre-checks, protection, backup now and jobs, driven by the real
// RecoveryServicesBackupClient (12.0.0). In that SDK refresh, configure protection and backup now
// are not LROs (arm-api.md §2.3), so the tests read the 202 headers with onResponse and poll the
// operation themselves, as the app does. Emulator-only: they rely on the contoso fixture.
import { ComputeManagementClient } from '@azure/arm-compute';
import {
  RecoveryServicesBackupClient,
  type AzureIaaSComputeVMProtectableItem,
  type AzureIaaSComputeVMProtectedItem,
  type AzureIaaSVMJob,
  type OperationStatusJobExtendedInfo,
} from '@azure/arm-recoveryservicesbackup';
import type { FullOperationResponse } from '@azure/core-client';
import type { TokenCredential } from '@azure/core-auth';
import { beforeEach, describe, expect, it } from 'vitest';
import { ARM_SCOPE, control, endpoint, live, servicePrincipalCredential, staticCredential, subscriptionId, userToken, collect } from './harness.ts';

const sp = servicePrincipalCredential();
const backup = (cred: TokenCredential = sp) =>
  new RecoveryServicesBackupClient(cred, subscriptionId, { endpoint, credentialScopes: [ARM_SCOPE] });

const VAULT = { rg: 'rg-backup', name: 'rsv-prod-weu' };
const LEGACY = { rg: 'rg-backup-legacy', name: 'rsv-legacy-weu' };
const vaultId = (v: { rg: string; name: string }) =>
  `/subscriptions/${subscriptionId}/resourceGroups/${v.rg}/providers/Microsoft.RecoveryServices/vaults/${v.name}`;
const vmId = (rg: string, vm: string) => `/subscriptions/${subscriptionId}/resourceGroups/${rg}/providers/Microsoft.Compute/virtualMachines/${vm}`;
const policyId = (name: string) => `${vaultId(VAULT)}/backupPolicies/${name}`;
const names = (rg: string, vm: string) => ({ container: `iaasvmcontainer;iaasvmcontainerv2;${rg};${vm}`, item: `vm;iaasvmcontainerv2;${rg};${vm}` });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const lower = (s: string | undefined) => (s ?? '').toLowerCase();


/** onResponse options that keep the raw response, for status codes and LRO headers. */
function capture() {
  let raw: FullOperationResponse | undefined;
  return {
    options: { onResponse: (r: FullOperationResponse) => void (raw = r) },
    get status() {
      return raw?.status;
    },
    header(name: string) {
      return raw?.headers.get(name) ?? undefined;
    },
  };
}

const lastSegment = (url: string | undefined) => new URL(url ?? 'https://x/').pathname.split('/').pop() ?? '';

async function refresh(vault = VAULT): Promise<string> {
  const c = capture();
  await backup().protectionContainers.refresh(vault.name, vault.rg, 'Azure', { filter: "backupManagementType eq 'AzureIaasVM'", ...c.options });
  expect(c.status).toBe(202);
  return lastSegment(c.header('location'));
}

async function protect(rg: string, vm: string, options: { policy?: string; vault?: typeof VAULT; cred?: TokenCredential } = {}) {
  const vault = options.vault ?? VAULT;
  const n = names(rg, vm);
  const c = capture();
  const body = await backup(options.cred).protectedItems.createOrUpdate(vault.name, vault.rg, 'Azure', n.container, n.item, {
    properties: {
      protectedItemType: 'Microsoft.Compute/virtualMachines',
      sourceResourceId: vmId(rg, vm),
      policyId: `${vaultId(vault)}/backupPolicies/${options.policy ?? 'DefaultPolicy'}`,
    },
  }, c.options);
  return { body, status: c.status, asyncOperation: c.header('azure-asyncoperation'), location: c.header('location'), retryAfter: c.header('retry-after') };
}

async function operationStatus(rg: string, vm: string, operationId: string) {
  const n = names(rg, vm);
  return backup().protectedItemOperationStatuses.get(VAULT.name, VAULT.rg, 'Azure', n.container, n.item, operationId);
}

async function protectAndSettle(rg: string, vm: string) {
  const r = await protect(rg, vm);
  const status = await operationStatus(rg, vm, lastSegment(r.asyncOperation));
  expect(status.status).toBe('Succeeded');
  return (status.properties as OperationStatusJobExtendedInfo).jobId ?? '';
}

async function triggerBackup(rg: string, vm: string) {
  const n = names(rg, vm);
  const c = capture();
  await backup().backups.trigger(VAULT.name, VAULT.rg, 'Azure', n.container, n.item, { properties: { objectType: 'IaasVMBackupRequest' } }, c.options);
  return { status: c.status, asyncOperation: c.header('azure-asyncoperation'), location: c.header('location') };
}

const getItem = (rg: string, vm: string, filter?: string) => {
  const n = names(rg, vm);
  return backup().protectedItems.get(VAULT.name, VAULT.rg, 'Azure', n.container, n.item, filter ? { filter } : {});
};
const jobs = (filter?: string) => collect(backup().backupJobs.list(VAULT.name, VAULT.rg, filter ? { filter } : {}));

describe.skipIf(live)('backup discovery', () => {
  beforeEach(async () => {
    await control.reset();
  });

  it('refresh answers 202 with a Location that polls 202 while running, then 204', async () => {
    await control.settings({ lroDelayMs: 400 });
    const c = capture();
    await backup().protectionContainers.refresh(VAULT.name, VAULT.rg, 'Azure', c.options);
    expect(c.status).toBe(202);
    expect(c.header('location')).toMatch(/\/backupFabrics\/Azure\/operationResults\/[0-9a-f-]{36}\?api-version=2023-06-01$/);
    expect(Number(c.header('retry-after'))).toBeGreaterThan(0);
    const operationId = lastSegment(c.header('location'));
    const poll = capture();
    await backup().protectionContainerRefreshOperationResults.get(VAULT.name, VAULT.rg, 'Azure', operationId, poll.options);
    expect(poll.status).toBe(202);
    expect(poll.header('location')).toContain(operationId);
    await sleep(500);
    const done = capture();
    await backup().protectionContainerRefreshOperationResults.get(VAULT.name, VAULT.rg, 'Azure', operationId, done.options);
    expect(done.status).toBe(204);
  });

  it('lists nothing before the first refresh, then every unprotected VM of the vault region and subscription', async () => {
    const list = () =>
      collect(backup().backupProtectableItems.list(VAULT.name, VAULT.rg, { filter: "backupManagementType eq 'AzureIaasVM'" }));
    expect(await list()).toEqual([]);
    await refresh();
    const items = await list();
    const compute = new ComputeManagementClient(sp, subscriptionId, { endpoint, credentials: { scopes: [ARM_SCOPE] } });
    const expected = (await collect(compute.virtualMachines.listAll()))
      .filter((vm) => vm.location === 'westeurope' && vm.name !== 'protected-01')
      .map((vm) => vm.name)
      .sort();
    const got = items.map((i) => i.properties?.friendlyName ?? '').sort();
    expect(got).toEqual(expected);
    expect(got).toContain('web-01');
    for (const absent of ['protected-01', 'neu-app-01', 'eus-app-01', 'ukw-app-01', 'dev-web-01']) expect(got).not.toContain(absent);
    const web = items.find((i) => i.properties?.friendlyName === 'web-01');
    expect(web).toMatchObject({
      name: 'iaasvmcontainerv2;rg-web;web-01',
      type: 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectableItems',
    });
    expect(web?.id).toBe(
      `${vaultId(VAULT)}/backupFabrics/Azure/protectionContainers/IaasVMContainer;iaasvmcontainerv2;rg-web;web-01/protectableItems/vm;iaasvmcontainerv2;rg-web;web-01`,
    );
    const props = web?.properties as AzureIaaSComputeVMProtectableItem;
    expect(props).toMatchObject({
      protectableItemType: 'Microsoft.Compute/virtualMachines',
      backupManagementType: 'AzureIaasVM',
      workloadType: 'VM',
      virtualMachineId: vmId('rg-web', 'web-01'),
      protectionState: 'NotProtected',
    });
  });

  it('pages protectable items through nextLink', async () => {
    await refresh();
    const all = await collect(backup().backupProtectableItems.list(VAULT.name, VAULT.rg));
    await control.settings({ pageSize: 4 });
    await control.clearRequests();
    const paged = await collect(backup().backupProtectableItems.list(VAULT.name, VAULT.rg));
    expect(paged.map((i) => i.name)).toEqual(all.map((i) => i.name));
    const pages = (await control.requests()).filter((r) => /\/backupProtectableItems$/i.test(r.path));
    expect(pages.length).toBe(Math.ceil(all.length / 4));
  });

  it('lists and gets the registered containers', async () => {
    const containers = await collect(backup().backupProtectionContainers.list(LEGACY.name, LEGACY.rg, { filter: "backupManagementType eq 'AzureIaasVM'" }));
    expect(containers.map((c) => c.name)).toEqual(['iaasvmcontainer;iaasvmcontainerv2;rg-apps;protected-01']);
    expect(containers[0]?.properties).toMatchObject({ registrationStatus: 'Registered', backupManagementType: 'AzureIaasVM', friendlyName: 'protected-01' });
    const one = await backup().protectionContainers.get(LEGACY.name, LEGACY.rg, 'Azure', 'IaasVMContainer;iaasvmcontainerv2;rg-apps;protected-01');
    expect(one.name).toBe('iaasvmcontainer;iaasvmcontainerv2;rg-apps;protected-01');
    expect(await collect(backup().backupProtectionContainers.list(VAULT.name, VAULT.rg))).toEqual([]);
  });

  it('answers a missing vault with ResourceNotFound', async () => {
    await expect(backup().protectionContainers.refresh('rsv-missing', VAULT.rg, 'Azure')).rejects.toMatchObject({ statusCode: 404, code: 'ResourceNotFound' });
  });
});

describe.skipIf(live)('backup pre-checks', () => {
  beforeEach(async () => {
    await control.reset();
  });

  it('backupStatus: protected-01 is Protected by rsv-legacy-weu, web-01 is not protected', async () => {
    const status = await backup().backupStatus.get('westeurope', { resourceId: vmId('rg-apps', 'protected-01'), resourceType: 'VM' });
    expect(status).toMatchObject({
      protectionStatus: 'Protected',
      fabricName: 'Azure',
      containerName: 'iaasvmcontainer;iaasvmcontainerv2;rg-apps;protected-01',
      protectedItemName: 'vm;iaasvmcontainerv2;rg-apps;protected-01',
      policyName: 'legacy-nightly',
      errorCode: 'Success',
      registrationStatus: 'Registered',
    });
    expect(lower(status.vaultId)).toBe(lower(vaultId(LEGACY)));
    const free = await backup().backupStatus.get('westeurope', { resourceId: vmId('rg-web', 'web-01'), resourceType: 'VM' });
    expect(free.protectionStatus).toBe('NotProtected');
    expect(free.vaultId).toBeUndefined();
  });

  it('backupPreValidateProtection refuses an already protected VM and accepts a free one', async () => {
    const taken = await backup().protectionIntentOperations.validate('westeurope', {
      resourceType: 'VM',
      resourceId: vmId('rg-apps', 'protected-01'),
      vaultId: vaultId(VAULT),
      properties: '',
    });
    expect(taken).toMatchObject({ status: 'Failed', errorCode: 'VirtualMachineAlreadyProtected', containerName: 'iaasvmcontainer;iaasvmcontainerv2;rg-apps;protected-01' });
    const free = await backup().protectionIntentOperations.validate('westeurope', {
      resourceType: 'VM',
      resourceId: vmId('rg-web', 'web-01'),
      vaultId: vaultId(VAULT),
      properties: '',
    });
    expect(free).toMatchObject({ status: 'Succeeded', protectedItemName: 'vm;iaasvmcontainerv2;rg-web;web-01' });
  });

  it('backupValidateFeatures supports the fixture VM sizes', async () => {
    const r = await backup().featureSupport.validate('westeurope', { featureType: 'AzureVMResourceBackup', vmSize: 'Standard_D2s_v5', vmSku: 'Premium' });
    expect(r.supportStatus).toBe('Supported');
  });
});

describe.skipIf(live)('enable protection', () => {
  beforeEach(async () => {
    await control.reset();
  });

  it('enables web-01 with DefaultPolicy: 202, operation Succeeded with a job, item, Locked storage, policy count', async () => {
    const r = await protect('rg-web', 'web-01');
    expect(r.status).toBe(202);
    const itemPath = `${vaultId(VAULT)}/backupFabrics/Azure/protectionContainers/iaasvmcontainer%3Biaasvmcontainerv2%3Brg-web%3Bweb-01/protectedItems/vm%3Biaasvmcontainerv2%3Brg-web%3Bweb-01`;
    expect(r.asyncOperation).toContain(`${itemPath}/operationsStatus/`);
    expect(r.location).toContain(`${itemPath}/operationResults/`);
    expect(lastSegment(r.location)).toBe(lastSegment(r.asyncOperation));
    expect(r.retryAfter).toBeDefined();

    const operationId = lastSegment(r.asyncOperation);
    const status = await operationStatus('rg-web', 'web-01', operationId);
    expect(status).toMatchObject({ id: operationId, name: operationId, status: 'Succeeded' });
    const jobId = (status.properties as OperationStatusJobExtendedInfo).jobId;
    expect(status.properties).toMatchObject({ objectType: 'OperationStatusJobExtendedInfo' });
    expect(jobId).toMatch(/^[0-9a-f-]{36}$/);

    const n = names('rg-web', 'web-01');
    const result = capture();
    const fromResult = await backup().protectedItemOperationResults.get(VAULT.name, VAULT.rg, 'Azure', n.container, n.item, operationId, result.options);
    expect(result.status).toBe(200);
    expect(fromResult.name).toBe('vm;iaasvmcontainerv2;rg-web;web-01');

    const item = await getItem('rg-web', 'web-01');
    expect(item.type).toBe('Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems');
    expect(item.properties as AzureIaaSComputeVMProtectedItem).toMatchObject({
      protectedItemType: 'Microsoft.Compute/virtualMachines',
      friendlyName: 'web-01',
      virtualMachineId: vmId('rg-web', 'web-01'),
      sourceResourceId: vmId('rg-web', 'web-01'),
      protectionStatus: 'Healthy',
      protectionState: 'IRPending',
      healthStatus: 'Passed',
      lastBackupStatus: '',
      backupManagementType: 'AzureIaasVM',
      workloadType: 'VM',
      containerName: 'iaasvmcontainerv2;rg-web;web-01',
      policyName: 'DefaultPolicy',
    });
    expect(lower(item.properties?.policyId)).toBe(lower(policyId('DefaultPolicy')));

    const config = await backup().backupResourceStorageConfigsNonCRR.get(VAULT.name, VAULT.rg);
    expect(config.properties?.storageTypeState).toBe('Locked');
    const policy = await backup().protectionPolicies.get(VAULT.name, VAULT.rg, 'DefaultPolicy');
    expect(policy.properties?.protectedItemsCount).toBe(1);
    const job = await backup().jobDetails.get(VAULT.name, VAULT.rg, jobId ?? '');
    expect(job.properties as AzureIaaSVMJob).toMatchObject({ jobType: 'AzureIaaSVMJob', operation: 'ConfigureBackup', status: 'Completed', entityFriendlyName: 'web-01', backupManagementType: 'AzureIaasVM' });

    const backupStatus = await backup().backupStatus.get('westeurope', { resourceId: vmId('rg-web', 'web-01'), resourceType: 'VM' });
    expect(backupStatus.protectionStatus).toBe('Protected');
    expect(lower(backupStatus.vaultId)).toBe(lower(vaultId(VAULT)));
    const listed = await collect(backup().backupProtectedItems.list(VAULT.name, VAULT.rg, { filter: "backupManagementType eq 'AzureIaasVM' and itemType eq 'VM'" }));
    expect(listed.map((i) => i.name)).toEqual(['vm;iaasvmcontainerv2;rg-web;web-01']);
  });

  it('a second PUT with the same policy answers 200 with the item and creates nothing', async () => {
    await protectAndSettle('rg-web', 'web-01');
    const itemsBefore = await collect(backup().backupProtectedItems.list(VAULT.name, VAULT.rg));
    const jobsBefore = await jobs();
    await control.clearRequests();
    const again = await protect('rg-web', 'web-01');
    expect(again.status).toBe(200);
    expect(again.asyncOperation).toBeUndefined();
    expect(again.body.name).toBe('vm;iaasvmcontainerv2;rg-web;web-01');
    const log = await control.requests();
    expect(log.map((e) => [e.method, e.status])).toEqual([['PUT', 200]]);
    expect(await collect(backup().backupProtectedItems.list(VAULT.name, VAULT.rg))).toHaveLength(itemsBefore.length);
    expect(await jobs()).toHaveLength(jobsBefore.length);
    // The container segment may also be the 3-part name responses carry.
    const byShortName = await backup().protectedItems.get(VAULT.name, VAULT.rg, 'Azure', 'iaasvmcontainerv2;rg-web;web-01', 'VM;iaasvmcontainerv2;rg-web;web-01');
    expect(byShortName.name).toBe('vm;iaasvmcontainerv2;rg-web;web-01');
  });

  it('reports a running configure as InProgress, refuses a concurrent one, then settles', async () => {
    await control.settings({ lroDelayMs: 400 });
    const r = await protect('rg-apps', 'app-linux-01');
    const operationId = lastSegment(r.asyncOperation);
    expect((await operationStatus('rg-apps', 'app-linux-01', operationId)).status).toBe('InProgress');
    const n = names('rg-apps', 'app-linux-01');
    const pending = capture();
    await backup().protectedItemOperationResults.get(VAULT.name, VAULT.rg, 'Azure', n.container, n.item, operationId, pending.options);
    expect(pending.status).toBe(202);
    await expect(protect('rg-apps', 'app-linux-01')).rejects.toMatchObject({ statusCode: 400, code: 'BMSUserErrorConflictingProtectionOperation' });
    const during = await backup().backupStatus.get('westeurope', { resourceId: vmId('rg-apps', 'app-linux-01'), resourceType: 'VM' });
    expect(during.protectionStatus).toBe('Protecting');
    await expect(getItem('rg-apps', 'app-linux-01')).rejects.toMatchObject({ statusCode: 404, code: 'BMSUserErrorDataSourceObjectNotFound' });
    await sleep(500);
    expect((await operationStatus('rg-apps', 'app-linux-01', operationId)).status).toBe('Succeeded');
    expect(((await getItem('rg-apps', 'app-linux-01')).properties as AzureIaaSComputeVMProtectedItem).protectionState).toBe('IRPending');
  });

  it('configures a VM whose agent is not ready (Azure fails only its first backup)', async () => {
    await protectAndSettle('rg-apps', 'agent-notready-01');
    expect(((await getItem('rg-apps', 'agent-notready-01')).properties as AzureIaaSComputeVMProtectedItem).protectionState).toBe('IRPending');
  });

  it('refuses protected-01 for rsv-prod-weu: it is protected by rsv-legacy-weu', async () => {
    await expect(protect('rg-apps', 'protected-01')).rejects.toMatchObject({ statusCode: 400, code: 'VirtualMachineAlreadyProtected' });
    expect(await jobs()).toEqual([]);
    expect(await collect(backup().backupProtectedItems.list(VAULT.name, VAULT.rg))).toEqual([]);
  });

  it('refuses a VM of another region, mismatched names and an unknown policy', async () => {
    await expect(protect('rg-dr-neu', 'neu-app-01')).rejects.toMatchObject({ statusCode: 400, code: 'BMSUserErrorVMNotInVaultRegion' });
    const n = names('rg-web', 'web-01');
    await expect(
      backup().protectedItems.createOrUpdate(VAULT.name, VAULT.rg, 'Azure', n.container, n.item, {
        properties: { protectedItemType: 'Microsoft.Compute/virtualMachines', sourceResourceId: vmId('rg-web', 'lb-web-01'), policyId: policyId('DefaultPolicy') },
      }),
    ).rejects.toMatchObject({ statusCode: 400, code: 'BMSUserErrorInvalidConfigureProtectionRequest' });
    await expect(protect('rg-web', 'web-01', { policy: 'NoSuchPolicy' })).rejects.toMatchObject({ statusCode: 404, code: 'BMSUserErrorPolicyNotFound' });
  });

  it('answers a missing item with BMSUserErrorDataSourceObjectNotFound', async () => {
    await expect(getItem('rg-web', 'web-01')).rejects.toMatchObject({ statusCode: 404, code: 'BMSUserErrorDataSourceObjectNotFound' });
  });

  it('lets Ben (Backup + VM Contributor) enable backup and refuses Rita (Reader)', async () => {
    const ben = staticCredential(await userToken('ben@contoso.example'));
    expect((await protect('rg-identity', 'dc-01', { cred: ben })).status).toBe(202);
    const rita = staticCredential(await userToken('rita@contoso.example'));
    await expect(protect('rg-web', 'web-01', { cred: rita })).rejects.toMatchObject({ statusCode: 403, code: 'AuthorizationFailed' });
  });
});

describe.skipIf(live)('backup now, jobs and stop protection', () => {
  beforeEach(async () => {
    await control.reset();
  });

  it('backs up now: 202, a Backup job InProgress that completes and makes the item Protected', async () => {
    await protectAndSettle('rg-web', 'web-01');
    await control.settings({ lroDelayMs: 400 });
    const r = await triggerBackup('rg-web', 'web-01');
    expect(r.status).toBe(202);
    expect(r.asyncOperation).toContain('/operationsStatus/');
    expect(r.location).toContain('/operationResults/');
    const operationId = lastSegment(r.asyncOperation);
    const running = await operationStatus('rg-web', 'web-01', operationId);
    expect(running.status).toBe('InProgress');
    const jobId = (running.properties as OperationStatusJobExtendedInfo).jobId;
    const inProgress = await jobs("operation eq 'Backup' and status eq 'InProgress'");
    expect(inProgress.map((j) => j.name)).toEqual([jobId]);
    await expect(triggerBackup('rg-web', 'web-01')).rejects.toMatchObject({ statusCode: 400, code: 'UserErrorBackupOperationInProgress' });

    await sleep(500);
    expect((await operationStatus('rg-web', 'web-01', operationId)).status).toBe('Succeeded');
    const job = await backup().jobDetails.get(VAULT.name, VAULT.rg, jobId ?? '');
    expect(job.properties as AzureIaaSVMJob).toMatchObject({ operation: 'Backup', status: 'Completed', entityFriendlyName: 'web-01' });
    expect((job.properties as AzureIaaSVMJob).duration).toMatch(/^PT/);
    const item = (await getItem('rg-web', 'web-01', "expand eq 'extendedinfo'")).properties as AzureIaaSComputeVMProtectedItem;
    expect(item).toMatchObject({ protectionState: 'Protected', lastBackupStatus: 'Completed', healthStatus: 'Passed' });
    expect(item.lastBackupTime).toBeInstanceOf(Date);
    expect(item.extendedInfo?.recoveryPointCount).toBe(1);
    expect((await getItem('rg-web', 'web-01')).properties).not.toHaveProperty('extendedInfo');
  });

  it('fails the backup job of a running VM whose agent is not ready with UserErrorGuestAgentStatusUnavailable', async () => {
    await protectAndSettle('rg-apps', 'agent-notready-01');
    const r = await triggerBackup('rg-apps', 'agent-notready-01');
    const status = await operationStatus('rg-apps', 'agent-notready-01', lastSegment(r.asyncOperation));
    expect(status.status).toBe('Succeeded');
    const job = (await backup().jobDetails.get(VAULT.name, VAULT.rg, (status.properties as OperationStatusJobExtendedInfo).jobId ?? '')).properties as AzureIaaSVMJob;
    expect(job.status).toBe('Failed');
    expect(job.errorDetails?.[0]).toMatchObject({ errorTitle: 'UserErrorGuestAgentStatusUnavailable' });
    expect(job.errorDetails?.[0]?.recommendations?.length).toBeGreaterThan(0);
    const item = (await getItem('rg-apps', 'agent-notready-01')).properties as AzureIaaSComputeVMProtectedItem;
    expect(item).toMatchObject({ lastBackupStatus: 'Failed', protectionState: 'IRPending' });
  });

  it('filters jobs by operation, status and start time', async () => {
    await protectAndSettle('rg-web', 'web-01');
    await triggerBackup('rg-web', 'web-01');
    const all = await jobs();
    expect(all.map((j) => j.properties?.operation)).toEqual(['Backup', 'ConfigureBackup']);
    expect((await jobs("operation eq 'ConfigureBackup'")).map((j) => j.properties?.operation)).toEqual(['ConfigureBackup']);
    expect(await jobs("status eq 'InProgress'")).toEqual([]);
    expect(await jobs("backupManagementType eq 'AzureIaasVM' and status eq 'Completed'")).toHaveLength(2);
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    expect(await jobs(`startTime eq '${day(-1)} 00:00:00 AM' and endTime eq '${day(1)} 00:00:00 AM'`)).toHaveLength(2);
    expect(await jobs(`startTime eq '${day(1)} 00:00:00 AM' and endTime eq '${day(2)} 00:00:00 AM'`)).toEqual([]);
    await expect(jobs('operation = Backup')).rejects.toMatchObject({ statusCode: 400, code: 'BMSUserErrorInvalidInput' });
    await expect(backup().jobDetails.get(VAULT.name, VAULT.rg, '00000000-0000-0000-0000-000000000000')).rejects.toMatchObject({ statusCode: 404 });
  });

  it('stops protection and deletes data: 202, vault-level operation, item gone, storage stays Locked', async () => {
    await refresh();
    await protectAndSettle('rg-web', 'web-01');
    const n = names('rg-web', 'web-01');
    const c = capture();
    await backup().protectedItems.delete(VAULT.name, VAULT.rg, 'Azure', n.container, n.item, c.options);
    expect(c.status).toBe(202);
    expect(c.header('location')).toContain(`${vaultId(VAULT)}/backupOperationResults/`);
    expect(c.header('azure-asyncoperation')).toContain(`${vaultId(VAULT)}/backupOperations/`);
    const operationId = lastSegment(c.header('location'));
    const result = capture();
    await backup().backupOperationResults.get(VAULT.name, VAULT.rg, operationId, result.options);
    expect(result.status).toBe(204);
    expect((await backup().backupOperationStatuses.get(VAULT.name, VAULT.rg, operationId)).status).toBe('Succeeded');
    await expect(getItem('rg-web', 'web-01')).rejects.toMatchObject({ statusCode: 404 });
    expect((await backup().backupStatus.get('westeurope', { resourceId: vmId('rg-web', 'web-01'), resourceType: 'VM' })).protectionStatus).toBe('NotProtected');
    expect((await backup().backupResourceStorageConfigsNonCRR.get(VAULT.name, VAULT.rg)).properties?.storageTypeState).toBe('Locked');
    expect((await jobs("operation eq 'DeleteBackupData'")).map((j) => j.properties?.status)).toEqual(['Completed']);
    const protectable = await collect(backup().backupProtectableItems.list(VAULT.name, VAULT.rg));
    expect(protectable.map((i) => i.properties?.friendlyName)).toContain('web-01');
  });
});
