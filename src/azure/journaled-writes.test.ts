import { createHttpHeaders, type HttpClient, type PipelineRequest } from '@azure/core-rest-pipeline';
import { describe, expect, it } from 'vitest';
import type { JournalSink, WriteAccepted, WriteIntent, WriteResult } from '../journal/types.ts';
import { createArmGateway } from './gateway.ts';
import type { VmPolicyPayload } from './policy-types.ts';

/*
 * Every write of the gateway goes through the journal: the intent before the request, the operation URL of
 * an asynchronous one, and the result. One test per write module, against a scripted fake ARM.
 */

const ENDPOINT = 'https://localhost:8443/arm';
const SUB = 's1';
const VAULT_PATH = `/subscriptions/${SUB}/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-1`;
const credential = { getToken: async () => ({ token: 't', expiresOnTimestamp: Date.now() + 3_600_000 }) };

type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

/** Paths compare case-insensitively, as ARM's do (the SDKs spell some segments differently). */
function scriptedArm(scriptByPath: Record<string, Answer[]>, log: string[]) {
  const script = Object.fromEntries(Object.entries(scriptByPath).map(([key, answers]) => [key.toLowerCase(), answers]));
  const httpClient: HttpClient = {
    async sendRequest(request: PipelineRequest) {
      const key = `${request.method} ${decodeURIComponent(new URL(request.url).pathname).replace('/arm', '')}`.toLowerCase();
      log.push(`http ${request.method}`);
      const answer = script[key]?.shift();
      if (!answer) throw new Error(`unexpected request ${key}`);
      return {
        request,
        status: answer.status,
        headers: createHttpHeaders({ 'content-type': 'application/json', 'x-ms-request-id': `req-${log.length}`, ...answer.headers }),
        bodyAsText: answer.body === undefined ? '' : JSON.stringify(answer.body),
      };
    },
  };
  return httpClient;
}

function journal(log: string[]) {
  const intents: WriteIntent[] = [];
  const accepted: WriteAccepted[] = [];
  const results: WriteResult[] = [];
  const sink: JournalSink = {
    intent: (intent) => {
      intents.push(intent);
      log.push(`intent ${intent.kind}`);
      return `e${intents.length}`;
    },
    attempted: () => undefined,
    accepted: (_id, a) => {
      accepted.push(a);
      log.push('accepted');
    },
    settled: (_id, result) => {
      results.push(result);
      log.push(`settled ${result.outcome}`);
    },
  };
  return { sink, intents, accepted, results };
}

function gatewayWith(script: Record<string, Answer[]>) {
  const log: string[] = [];
  const j = journal(log);
  const gateway = createArmGateway({ endpoint: ENDPOINT, credential, httpClient: scriptedArm(script, log), journal: j.sink });
  return { gateway, log, ...j };
}

describe('journaled writes', () => {
  it('resource group PUT', async () => {
    const path = `/subscriptions/${SUB}/resourceGroups/rg-new`;
    const { gateway, log, intents, results } = gatewayWith({ [`PUT ${path}`]: [{ status: 201, body: { id: path, name: 'rg-new', location: 'westeurope' } }] });
    await gateway.createResourceGroup(SUB, 'rg-new', { location: 'westeurope' });
    expect(log).toEqual(['intent resourceGroup.put', 'http PUT', 'settled succeeded']);
    expect(intents[0]).toMatchObject({ method: 'PUT', target: path, summary: { location: 'westeurope' } });
    expect(results[0]).toMatchObject({ outcome: 'succeeded', status: 201, requestId: 'req-2' });
  });

  it('vault PUT, a long-running operation: its operation URL is journaled before it is polled', async () => {
    const op = `${ENDPOINT}${VAULT_PATH}/operationStatus/op-1?api-version=2026-07-01`;
    const vault = { id: VAULT_PATH, name: 'rsv-1', location: 'westeurope', properties: { provisioningState: 'Succeeded' } };
    const { gateway, log, accepted, intents } = gatewayWith({
      [`PUT ${VAULT_PATH}`]: [{ status: 201, body: { ...vault, properties: { provisioningState: 'Creating' } }, headers: { 'azure-asyncoperation': op, 'retry-after': '0' } }],
      [`GET ${VAULT_PATH}/operationStatus/op-1`]: [{ status: 200, body: { id: 'op-1', name: 'op-1', status: 'Succeeded' } }],
      [`GET ${VAULT_PATH}`]: [{ status: 200, body: vault }],
    });
    await gateway.createVault(SUB, 'rg-backup', 'rsv-1', { location: 'westeurope', sku: { name: 'Standard' }, properties: { publicNetworkAccess: 'Enabled' } });
    expect(log).toEqual(['intent vault.put', 'http PUT', 'accepted', 'http GET', 'http GET', 'settled succeeded']);
    expect(intents[0]).toMatchObject({ target: VAULT_PATH, summary: { location: 'westeurope', sku: 'Standard' } });
    expect(accepted[0]).toMatchObject({ status: 201, operationUrl: op });
  });

  it('vault security PATCH: only the sections sent, and the settings Azure reports back', async () => {
    const sent: unknown[] = [];
    const vault = {
      id: VAULT_PATH,
      name: 'rsv-1',
      location: 'westeurope',
      properties: { provisioningState: 'Succeeded', securitySettings: { immutabilitySettings: { state: 'Unlocked' }, softDeleteSettings: { softDeleteState: 'AlwaysON', softDeleteRetentionPeriodInDays: 30 } } },
    };
    const { gateway, log, intents } = gatewayWith({ [`PATCH ${VAULT_PATH}`]: [{ status: 200, body: vault }] });
    const security = await gateway.updateVaultSecurity(SUB, 'rg-backup', 'rsv-1', { securitySettings: { immutabilitySettings: { state: 'Unlocked' } } }, (p) => sent.push(p));
    expect(log).toEqual(['intent vault.patch', 'http PATCH', 'settled succeeded']);
    expect(intents[0]).toMatchObject({ method: 'PATCH', target: VAULT_PATH, summary: { sections: 'securitySettings' } });
    expect(security).toMatchObject({ immutability: 'Unlocked', softDeleteState: 'AlwaysON', softDeleteRetentionDays: 30 });
  });

  it('storage config PATCH', async () => {
    const path = `${VAULT_PATH}/backupstorageconfig/vaultstorageconfig`;
    const { gateway, log, intents } = gatewayWith({ [`PATCH ${path}`]: [{ status: 204 }] });
    await gateway.setStorageConfig(SUB, 'rg-backup', 'rsv-1', { storageType: 'LocallyRedundant', crossRegionRestore: false });
    expect(log).toEqual(['intent storageConfig.patch', 'http PATCH', 'settled succeeded']);
    expect(intents[0]).toMatchObject({ method: 'PATCH', target: path, summary: { storageType: 'LocallyRedundant', crossRegionRestore: false } });
  });

  it('provider registration', async () => {
    const path = `/subscriptions/${SUB}/providers/Microsoft.RecoveryServices/register`;
    const { gateway, log, intents } = gatewayWith({
      [`POST ${path}`]: [{ status: 200, body: { namespace: 'Microsoft.RecoveryServices', registrationState: 'Registering' } }],
    });
    await gateway.registerResourceProvider(SUB, 'Microsoft.RecoveryServices');
    expect(log).toEqual(['intent provider.register', 'http POST', 'settled succeeded']);
    expect(intents[0]).toMatchObject({ method: 'POST', target: `/subscriptions/${SUB}/providers/Microsoft.RecoveryServices` });
  });

  it('policy PUT: accepted with its operation, settled once the operation succeeded', async () => {
    const policyPath = `${VAULT_PATH}/backupPolicies/nightly`;
    const at = new Date('2024-01-01T19:00:00.000Z');
    const payload: VmPolicyPayload = {
      properties: {
        backupManagementType: 'AzureIaasVM',
        policyType: 'V1',
        schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicy', scheduleRunFrequency: 'Daily', scheduleRunTimes: [at] },
        retentionPolicy: { retentionPolicyType: 'LongTermRetentionPolicy', dailySchedule: { retentionTimes: [at], retentionDuration: { count: 30, durationType: 'Days' } } },
        instantRpRetentionRangeInDays: 2,
        timeZone: 'UTC',
      },
    };
    const saved = { id: policyPath, name: 'nightly', properties: { ...JSON.parse(JSON.stringify(payload.properties)), protectedItemsCount: 0 } };
    const op = `${ENDPOINT}${policyPath}/operations/op-7?api-version=2023-06-01`;
    const { gateway, log, accepted, results } = gatewayWith({
      [`GET ${policyPath}`]: [{ status: 404, body: { error: { code: 'BMSUserErrorPolicyNotFound', message: 'none' } } }, { status: 200, body: saved }],
      [`PUT ${policyPath}`]: [{ status: 202, headers: { 'azure-asyncoperation': op, location: op.replace('operations', 'operationResults') } }],
      [`GET ${policyPath}/operations/op-7`]: [{ status: 200, body: { id: 'op-7', name: 'op-7', status: 'Succeeded' } }],
    });
    await gateway.createVmPolicy({ subscriptionId: SUB, resourceGroup: 'rg-backup', vaultName: 'rsv-1' }, 'nightly', payload, { sleep: async () => undefined });
    expect(log).toEqual(['http GET', 'intent policy.put', 'http PUT', 'accepted', 'http GET', 'settled succeeded', 'http GET']);
    expect(accepted[0]).toMatchObject({ status: 202, operationUrl: op });
    expect(results[0]).toMatchObject({ outcome: 'succeeded', requestId: 'req-3' });
  });

  it('NSG security rule PUT', async () => {
    const nsgId = `/subscriptions/${SUB}/resourceGroups/rg-network/providers/Microsoft.Network/networkSecurityGroups/nsg-1`;
    const rulePath = `${nsgId}/securityRules/allow-backup`;
    const rule = {
      name: 'allow-backup',
      priority: 200,
      protocol: 'Tcp' as const,
      sourceAddressPrefix: 'VirtualNetwork',
      sourcePortRange: '*' as const,
      destinationPortRange: '443',
      destinationAddressPrefix: 'AzureBackup',
      access: 'Allow' as const,
      direction: 'Outbound' as const,
      description: 'Azure Backup',
    };
    const created = { id: rulePath, name: 'allow-backup', properties: { ...rule, name: undefined, provisioningState: 'Succeeded' } };
    const { gateway, log, intents } = gatewayWith({
      [`PUT ${rulePath}`]: [{ status: 200, body: created }],
    });
    await gateway.createSecurityRule(SUB, nsgId, rule);
    expect(log[0]).toBe('intent nsgRule.put');
    expect(log.at(-1)).toBe('settled succeeded');
    expect(intents[0]).toMatchObject({
      target: rulePath,
      summary: { direction: 'Outbound', access: 'Allow', priority: 200, destination: 'AzureBackup', port: '443' },
    });
  });

  it('a failed write is settled as failed with ARM’s code and request id', async () => {
    const path = `/subscriptions/${SUB}/resourceGroups/rg-new`;
    const { gateway, results } = gatewayWith({
      [`PUT ${path}`]: [{ status: 403, body: { error: { code: 'AuthorizationFailed', message: 'no' } } }],
    });
    await expect(gateway.createResourceGroup(SUB, 'rg-new', { location: 'westeurope' })).rejects.toMatchObject({ detail: { code: 'AuthorizationFailed' } });
    expect(results[0]).toMatchObject({ outcome: 'failed', status: 403, code: 'AuthorizationFailed', requestId: 'req-2' });
  });
});
