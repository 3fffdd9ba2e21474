import { createHttpHeaders, type HttpClient, type PipelineRequest } from '@azure/core-rest-pipeline';
import { describe, expect, it } from 'vitest';
import { AzureRequestError } from './errors.ts';
import { createArmGateway } from './gateway.ts';
import { operationIdFrom, retryAfterMs } from './policies.ts';
import type { VmPolicyPayload } from './policy-types.ts';

const ENDPOINT = 'https://localhost:8443/arm';
const VAULT_PATH = '/subscriptions/s1/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-1';
const vault = { subscriptionId: 's1', resourceGroup: 'rg-backup', vaultName: 'rsv-1' };
const credential = { getToken: async () => ({ token: 't', expiresOnTimestamp: Date.now() + 3_600_000 }) };
const at = (hhmm: string) => new Date(`2024-01-01T${hhmm}:00.000Z`);

const payload: VmPolicyPayload = {
  properties: {
    backupManagementType: 'AzureIaasVM',
    policyType: 'V1',
    schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicy', scheduleRunFrequency: 'Daily', scheduleRunTimes: [at('19:00')] },
    retentionPolicy: {
      retentionPolicyType: 'LongTermRetentionPolicy',
      dailySchedule: { retentionTimes: [at('19:00')], retentionDuration: { count: 30, durationType: 'Days' } },
    },
    instantRpRetentionRangeInDays: 2,
    timeZone: 'Pacific Standard Time',
  },
};

const saved = {
  id: `${VAULT_PATH}/backupPolicies/nightly`,
  name: 'nightly',
  type: 'Microsoft.RecoveryServices/vaults/backupPolicies',
  properties: {
    ...JSON.parse(JSON.stringify(payload.properties)),
    schedulePolicy: { ...JSON.parse(JSON.stringify(payload.properties.schedulePolicy)), scheduleWeeklyFrequency: 0 },
    protectedItemsCount: 0,
  },
};

type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

/** A fake ARM that answers each request with the next scripted answer for its method and path. */
function scriptedArm(script: Record<string, Answer[]>) {
  const requests: PipelineRequest[] = [];
  const httpClient: HttpClient = {
    async sendRequest(request) {
      requests.push(request);
      const url = new URL(request.url);
      const key = `${request.method} ${decodeURIComponent(url.pathname).replace('/arm', '')}`;
      const answer = script[key]?.shift();
      if (!answer) throw new Error(`unexpected request ${key}`);
      return {
        request,
        status: answer.status,
        headers: createHttpHeaders({ 'content-type': 'application/json', 'x-ms-request-id': `req-${requests.length}`, ...answer.headers }),
        bodyAsText: answer.body === undefined ? '' : JSON.stringify(answer.body),
      };
    },
  };
  return { httpClient, requests };
}

const policyPath = `${VAULT_PATH}/backupPolicies/nightly`;
const notFound = { status: 404, body: { error: { code: 'BMSUserErrorPolicyNotFound', message: 'not found' } } };
const accepted: Answer = {
  status: 202,
  headers: {
    'azure-asyncoperation': `${ENDPOINT}${policyPath}/operations/op-1?api-version=2023-06-01`,
    location: `${ENDPOINT}${policyPath}/operationResults/op-1?api-version=2023-06-01`,
    'retry-after': '60',
  },
};

describe('ARM gateway: backup policies', () => {
  it('creates a policy: checks the name is free, PUTs, polls the operation honouring Retry-After (capped), reads it back', async () => {
    const arm = scriptedArm({
      [`GET ${policyPath}`]: [notFound, { status: 200, body: saved }],
      [`PUT ${policyPath}`]: [accepted],
      [`GET ${policyPath}/operations/op-1`]: [
        { status: 200, body: { id: 'op-1', name: 'op-1', status: 'InProgress' }, headers: { 'retry-after': '60' } },
        { status: 200, body: { id: 'op-1', name: 'op-1', status: 'Succeeded' } },
      ],
    });
    const gateway = createArmGateway({ endpoint: ENDPOINT, credential, httpClient: arm.httpClient });
    const waits: number[] = [];
    const stages: string[] = [];

    const result = await gateway.createVmPolicy(vault, 'nightly', payload, {
      sleep: async (ms) => void waits.push(ms),
      onStage: (stage) => stages.push(stage),
    });

    expect(result.outcome).toBe('created');
    expect(result.policy).toMatchObject({ name: 'nightly', protectedItemsCount: 0, properties: { timeZone: 'Pacific Standard Time' } });
    expect(result.outcome === 'created' && result.operationId).toBe('op-1');
    expect(waits).toEqual([5000]);
    expect(stages).toEqual(['checking', 'sending', 'waiting', 'reading']);
    const put = arm.requests.find((r) => r.method === 'PUT');
    expect(JSON.parse(String(put?.body))).toEqual(JSON.parse(JSON.stringify(payload)));
    expect(put?.url).toContain('api-version=2023-06-01');
  });

  it('never overwrites a policy that already has the name: nothing is PUT', async () => {
    const arm = scriptedArm({ [`GET ${policyPath}`]: [{ status: 200, body: saved }] });
    const gateway = createArmGateway({ endpoint: ENDPOINT, credential, httpClient: arm.httpClient });
    const result = await gateway.createVmPolicy(vault, 'nightly', payload);
    expect(result).toMatchObject({ outcome: 'exists', policy: { name: 'nightly' } });
    expect(arm.requests.map((r) => r.method)).toEqual(['GET']);
  });

  it('reports a failed operation with the service’s code, message and the request id of the status call', async () => {
    const arm = scriptedArm({
      [`GET ${policyPath}`]: [notFound],
      [`PUT ${policyPath}`]: [accepted],
      [`GET ${policyPath}/operations/op-1`]: [
        { status: 200, body: { status: 'Failed', error: { code: 'BMSUserErrorInvalidPolicyInput', message: 'Bad schedule' } } },
      ],
    });
    const gateway = createArmGateway({ endpoint: ENDPOINT, credential, httpClient: arm.httpClient });
    const error = await gateway.createVmPolicy(vault, 'nightly', payload).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AzureRequestError);
    expect((error as AzureRequestError).detail).toMatchObject({ code: 'BMSUserErrorInvalidPolicyInput', message: 'Bad schedule', requestId: 'req-3' });
  });

  it('lists the vault’s Azure VM policies with the filter, sorted, with counts and readable properties', async () => {
    const arm = scriptedArm({
      [`GET ${VAULT_PATH}/backupPolicies`]: [
        { status: 200, body: { value: [{ ...saved, name: 'z-policy' }, { ...saved, properties: { ...saved.properties, protectedItemsCount: 3 } }] } },
      ],
    });
    const gateway = createArmGateway({ endpoint: ENDPOINT, credential, httpClient: arm.httpClient });
    const policies = await gateway.listVmPolicies(vault);
    expect(policies.map((p) => [p.name, p.protectedItemsCount])).toEqual([
      ['nightly', 3],
      ['z-policy', 0],
    ]);
    expect(policies[0]?.properties?.schedulePolicy).toEqual(payload.properties.schedulePolicy);
    expect(new URL(arm.requests[0]?.url ?? '').searchParams.get('$filter')).toBe("backupManagementType eq 'AzureIaasVM'");
  });
});

describe('policy operation helpers', () => {
  it('holds Retry-After between 1 and 5 seconds, 2 when absent or unreadable', () => {
    expect([undefined, '', '0', '3', '60', 'soon'].map((h) => retryAfterMs(h))).toEqual([2000, 2000, 1000, 3000, 5000, 2000]);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:04 GMT', now)).toBe(4000);
  });

  it('reads the operation id from either header', () => {
    expect(operationIdFrom(`${ENDPOINT}${policyPath}/operations/op%2D1?api-version=1`)).toBe('op-1');
    expect(operationIdFrom(`${ENDPOINT}${policyPath}/operationResults/op-2`)).toBe('op-2');
    expect(operationIdFrom(`${ENDPOINT}${policyPath}`)).toBeNull();
    expect(operationIdFrom(undefined)).toBeNull();
  });
});
