// Azure VM backup policies, driven by the real backup SDK (12.0.0): createOrUpdate answers 202
// and resolves to {}, so the caller reads Azure-AsyncOperation through onResponse and polls
// protectionPolicyOperationStatuses itself (arm-api.md §1c).
import {
  type AzureIaaSVMProtectionPolicy,
  type LongTermRetentionPolicy,
  type SimpleSchedulePolicy,
  type SimpleSchedulePolicyV2,
} from '@azure/arm-recoveryservicesbackup';
import { beforeEach, describe, expect, it } from 'vitest';
import { collect, control, emulatorOnly, groupsToDeleteAfterLiveRun, live, sdk, unique } from './harness.ts';

const { recoveryServices: rs, backup, resources } = sdk();

const createdGroups = groupsToDeleteAfterLiveRun();
const at = (hhmm: string): Date => new Date(`2024-01-01T${hhmm}:00.000Z`);


async function newVault(): Promise<{ rg: string; vault: string }> {
  const rg = unique('rg-conf-pol');
  await resources().resourceGroups.createOrUpdate(rg, { location: 'westeurope' });
  createdGroups.push(rg);
  const vault = unique('rsv-conf');
  await rs().vaults.beginCreateOrUpdateAndWait(rg, vault, { location: 'westeurope', sku: { name: 'Standard' } });
  return { rg, vault };
}

/** PUTs a policy and returns the HTTP status and the operation id named by Azure-AsyncOperation. */
async function putPolicy(vault: string, rg: string, name: string, properties: AzureIaaSVMProtectionPolicy) {
  let status = 0;
  let asyncOperation = '';
  let location = '';
  await backup().protectionPolicies.createOrUpdate(vault, rg, name, { properties }, {
    onResponse: (raw) => {
      status = raw.status;
      asyncOperation = raw.headers.get('azure-asyncoperation') ?? '';
      location = raw.headers.get('location') ?? '';
    },
  });
  const operationId = new URL(asyncOperation).pathname.split('/').pop() ?? '';
  return { status, asyncOperation, location, operationId };
}

async function waitForPolicyOperation(vault: string, rg: string, policy: string, operationId: string) {
  for (let i = 0; i < 60; i++) {
    const op = await backup().protectionPolicyOperationStatuses.get(vault, rg, policy, operationId);
    if (op.status !== 'InProgress') return op;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`policy operation ${operationId} did not finish`);
}

const weeklyV1: AzureIaaSVMProtectionPolicy = {
  backupManagementType: 'AzureIaasVM',
  policyType: 'V1',
  timeZone: 'Pacific Standard Time',
  instantRpRetentionRangeInDays: 5,
  schedulePolicy: {
    schedulePolicyType: 'SimpleSchedulePolicy',
    scheduleRunFrequency: 'Weekly',
    scheduleRunDays: ['Sunday', 'Wednesday'],
    scheduleRunTimes: [at('19:00')],
  } satisfies SimpleSchedulePolicy,
  retentionPolicy: {
    retentionPolicyType: 'LongTermRetentionPolicy',
    weeklySchedule: { daysOfTheWeek: ['Sunday', 'Wednesday'], retentionTimes: [at('19:00')], retentionDuration: { count: 12, durationType: 'Weeks' } },
    monthlySchedule: {
      retentionScheduleFormatType: 'Weekly',
      retentionScheduleWeekly: { daysOfTheWeek: ['Sunday'], weeksOfTheMonth: ['First'] },
      retentionTimes: [at('19:00')],
      retentionDuration: { count: 60, durationType: 'Months' },
    },
  } satisfies LongTermRetentionPolicy,
};

const hourlyV2: AzureIaaSVMProtectionPolicy = {
  backupManagementType: 'AzureIaasVM',
  policyType: 'V2',
  timeZone: 'UTC',
  instantRpRetentionRangeInDays: 7,
  schedulePolicy: {
    schedulePolicyType: 'SimpleSchedulePolicyV2',
    scheduleRunFrequency: 'Hourly',
    hourlySchedule: { interval: 4, scheduleWindowStartTime: at('08:00'), scheduleWindowDuration: 24 },
  } satisfies SimpleSchedulePolicyV2,
  retentionPolicy: {
    retentionPolicyType: 'LongTermRetentionPolicy',
    dailySchedule: { retentionTimes: [at('08:00')], retentionDuration: { count: 30, durationType: 'Days' } },
  } satisfies LongTermRetentionPolicy,
};

describe('backup policies', () => {
  beforeEach(async () => {
    if (!live) await control.reset();
  });

  it('a new vault lists DefaultPolicy and EnhancedPolicy', async () => {
    const { rg, vault } = await newVault();
    const policies = await collect(backup().backupPolicies.list(vault, rg, { filter: "backupManagementType eq 'AzureIaasVM'" }));
    expect(policies.map((p) => p.name).sort()).toEqual(['DefaultPolicy', 'EnhancedPolicy']);
    const defaultPolicy = policies.find((p) => p.name === 'DefaultPolicy')?.properties as AzureIaaSVMProtectionPolicy;
    expect(defaultPolicy).toMatchObject({ backupManagementType: 'AzureIaasVM', protectedItemsCount: 0 });
    expect((defaultPolicy.schedulePolicy as SimpleSchedulePolicy).scheduleRunFrequency).toBe('Daily');
    expect(await collect(backup().backupPolicies.list(vault, rg, { filter: "backupManagementType eq 'AzureWorkload'" }))).toEqual([]);
  });

  it('creates a weekly V1 policy (202, then the operation), and reads it back', async () => {
    const { rg, vault } = await newVault();
    const put = await putPolicy(vault, rg, 'weekly-pst', weeklyV1);
    expect(put.status).toBe(202);
    expect(put.asyncOperation).toMatch(/\/backupPolicies\/weekly-pst\/operations\/[^/?]+\?api-version=/i);
    expect(put.location).toMatch(/\/backupPolicies\/weekly-pst\/operationResults\/[^/?]+\?api-version=/i);
    const op = await waitForPolicyOperation(vault, rg, 'weekly-pst', put.operationId);
    expect(op.status).toBe('Succeeded');
    const result = await backup().protectionPolicyOperationResults.get(vault, rg, 'weekly-pst', put.operationId);
    expect(result.name).toBe('weekly-pst');

    const read = await backup().protectionPolicies.get(vault, rg, 'weekly-pst');
    const p = read.properties as AzureIaaSVMProtectionPolicy;
    expect(read).toMatchObject({ name: 'weekly-pst', type: 'Microsoft.RecoveryServices/vaults/backupPolicies' });
    expect(p).toMatchObject({ backupManagementType: 'AzureIaasVM', policyType: 'V1', timeZone: 'Pacific Standard Time', instantRpRetentionRangeInDays: 5, protectedItemsCount: 0 });
    const schedule = p.schedulePolicy as SimpleSchedulePolicy;
    expect(schedule).toMatchObject({ schedulePolicyType: 'SimpleSchedulePolicy', scheduleRunFrequency: 'Weekly', scheduleRunDays: ['Sunday', 'Wednesday'] });
    expect(schedule.scheduleRunTimes?.map((d) => d.toISOString())).toEqual(['2024-01-01T19:00:00.000Z']);
    const retention = p.retentionPolicy as LongTermRetentionPolicy;
    expect(retention.weeklySchedule?.retentionDuration).toEqual({ count: 12, durationType: 'Weeks' });
    expect(retention.monthlySchedule).toMatchObject({
      retentionScheduleFormatType: 'Weekly',
      retentionScheduleWeekly: { daysOfTheWeek: ['Sunday'], weeksOfTheMonth: ['First'] },
      retentionDuration: { count: 60, durationType: 'Months' },
    });
    expect(retention.dailySchedule).toBeUndefined();
  });

  it('creates an hourly V2 policy (every 4 hours) and reads it back', async () => {
    const { rg, vault } = await newVault();
    const put = await putPolicy(vault, rg, 'hourly-4h', hourlyV2);
    expect(put.status).toBe(202);
    expect((await waitForPolicyOperation(vault, rg, 'hourly-4h', put.operationId)).status).toBe('Succeeded');
    const p = (await backup().protectionPolicies.get(vault, rg, 'hourly-4h')).properties as AzureIaaSVMProtectionPolicy;
    expect(p).toMatchObject({ policyType: 'V2', instantRpRetentionRangeInDays: 7, timeZone: 'UTC' });
    const schedule = p.schedulePolicy as SimpleSchedulePolicyV2;
    expect(schedule).toMatchObject({ schedulePolicyType: 'SimpleSchedulePolicyV2', scheduleRunFrequency: 'Hourly' });
    expect(schedule.hourlySchedule).toMatchObject({ interval: 4, scheduleWindowDuration: 24 });
    expect(schedule.hourlySchedule?.scheduleWindowStartTime?.toISOString()).toBe('2024-01-01T08:00:00.000Z');
    expect((p.retentionPolicy as LongTermRetentionPolicy).dailySchedule?.retentionDuration).toEqual({ count: 30, durationType: 'Days' });
  });

  emulatorOnly('the policy becomes visible only when its operation settles', async () => {
    const { rg, vault } = await newVault();
    await control.settings({ lroDelayMs: 60_000 });
    const put = await putPolicy(vault, rg, 'slow-policy', hourlyV2);
    expect((await backup().protectionPolicyOperationStatuses.get(vault, rg, 'slow-policy', put.operationId)).status).toBe('InProgress');
    await expect(backup().protectionPolicies.get(vault, rg, 'slow-policy')).rejects.toMatchObject({ statusCode: 404 });
    // The SDK declares only 200 for operationResults, so the service's 202 "still running" surfaces as an error.
    await expect(backup().protectionPolicyOperationResults.get(vault, rg, 'slow-policy', put.operationId)).rejects.toMatchObject({ statusCode: 202 });
  });

  it('rejects an invalid policy (3 days of daily retention) with the service code', async () => {
    const { rg, vault } = await newVault();
    const invalid: AzureIaaSVMProtectionPolicy = {
      ...hourlyV2,
      retentionPolicy: {
        retentionPolicyType: 'LongTermRetentionPolicy',
        dailySchedule: { retentionTimes: [at('08:00')], retentionDuration: { count: 3, durationType: 'Days' } },
      } satisfies LongTermRetentionPolicy,
    };
    const error = await putPolicy(vault, rg, 'too-short', invalid).catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 400, code: 'BMSUserErrorInvalidPolicyInput' });
    if (!live) expect((error as Error).message).toContain('daily retention must be 7 to 9999 days (got 3)');
  });

  emulatorOnly('refuses other workloads, V1 hourly schedules and unknown time zones', async () => {
    const { rg, vault } = await newVault();
    const hourlyV1: AzureIaaSVMProtectionPolicy = { ...hourlyV2, policyType: 'V1' };
    await expect(putPolicy(vault, rg, 'hourly-v1', hourlyV1)).rejects.toMatchObject({ statusCode: 400, code: 'BMSUserErrorInvalidPolicyInput' });
    await expect(putPolicy(vault, rg, 'bad-zone', { ...weeklyV1, timeZone: 'Mars/Olympus_Mons' })).rejects.toMatchObject({
      statusCode: 400,
      code: 'BMSUserErrorInvalidTimeZone',
    });
    await expect(
      backup().protectionPolicies.createOrUpdate(vault, rg, 'sql-policy', { properties: { backupManagementType: 'AzureSql', retentionPolicy: { retentionPolicyType: 'SimpleRetentionPolicy' } } }),
    ).rejects.toMatchObject({ statusCode: 400, code: 'BMSUserErrorUnsupportedBackupManagementType' });
  });

  emulatorOnly('counts protected items and refuses to delete a policy in use', async () => {
    const p = await backup().protectionPolicies.get('rsv-legacy-weu', 'rg-backup-legacy', 'legacy-nightly');
    expect(p.properties?.protectedItemsCount).toBe(1);
    await expect(backup().protectionPolicies.beginDeleteAndWait('rsv-legacy-weu', 'rg-backup-legacy', 'legacy-nightly')).rejects.toMatchObject({
      statusCode: 400,
      code: 'BMSUserErrorPolicyInUse',
    });
  });

  it('deletes an unused policy', async () => {
    const { rg, vault } = await newVault();
    const put = await putPolicy(vault, rg, 'to-delete', hourlyV2);
    await waitForPolicyOperation(vault, rg, 'to-delete', put.operationId);
    await backup().protectionPolicies.beginDeleteAndWait(vault, rg, 'to-delete');
    await expect(backup().protectionPolicies.get(vault, rg, 'to-delete')).rejects.toMatchObject({ statusCode: 404 });
  });
});
