import { createHttpHeaders, type HttpClient, type PipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import { describe, expect, it } from 'vitest';
import type { JournalSink, WriteAccepted, WriteAttempt, WriteIntent, WriteResult } from '../journal/types.ts';
import { createArmGateway } from './gateway.ts';

const ENDPOINT = 'https://localhost:8443/arm';
const SUB = '8c6b1f3e-2a4d-4f5b-9e7c-0a1b2c3d4e5f';
const vault = { subscriptionId: SUB, resourceGroup: 'rg-backup', vaultName: 'rsv-prod-weu' };
const vaultId = `/subscriptions/${SUB}/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-prod-weu`;
const policyId = `${vaultId}/backupPolicies/DefaultPolicy`;
const vm = { id: `/subscriptions/${SUB}/resourceGroups/rg-apps/providers/Microsoft.Compute/virtualMachines/app-linux-01`, name: 'app-linux-01', resourceGroup: 'rg-apps' };
const itemPath = `${vaultId}/backupFabrics/Azure/protectionContainers/iaasvmcontainer;iaasvmcontainerv2;rg-apps;app-linux-01/protectedItems/vm;iaasvmcontainerv2;rg-apps;app-linux-01`;
const statusUrl = `${ENDPOINT}${itemPath.replaceAll(';', '%3B')}/operationsStatus/op-1?api-version=2023-06-01`;

const credential = { getToken: async () => ({ token: 'test-token', expiresOnTimestamp: Date.now() + 3_600_000 }) };

type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

/** Answers requests in order from `answers`; records what was sent and what the journal saw meanwhile. */
function fakeArm(answers: Answer[], log: string[]) {
  const requests: PipelineRequest[] = [];
  const httpClient: HttpClient = {
    async sendRequest(request): Promise<PipelineResponse> {
      requests.push(request);
      log.push(`http ${request.method} ${decodeURIComponent(new URL(request.url).pathname).split('/').slice(-2).join('/')}`);
      const answer = answers.shift() ?? { status: 500, body: { error: { code: 'NoMoreAnswers', message: 'test ran out of answers' } } };
      return {
        request,
        status: answer.status,
        headers: createHttpHeaders({ 'content-type': 'application/json', 'x-ms-request-id': `req-${requests.length}`, ...answer.headers }),
        ...(answer.body !== undefined ? { bodyAsText: JSON.stringify(answer.body) } : {}),
      };
    },
  };
  return { httpClient, requests };
}

function recordingJournal(log: string[]) {
  const intents: WriteIntent[] = [];
  const accepted: WriteAccepted[] = [];
  const attempts: WriteAttempt[] = [];
  const results: WriteResult[] = [];
  const sink: JournalSink = {
    intent: (intent) => {
      intents.push(intent);
      log.push(`intent ${intent.kind}`);
      return 'entry-1';
    },
    attempted: (_id, attempt) => {
      attempts.push(attempt);
      log.push(`attempt ${attempt.status}`);
    },
    accepted: (_id, a) => {
      accepted.push(a);
      log.push('accepted');
    },
    settled: (_id, result) => {
      results.push(result);
      log.push(`settled ${result.outcome}`);
    },
  };
  return { sink, intents, accepted, attempts, results };
}

const accepted202: Answer = {
  status: 202,
  headers: { 'azure-asyncoperation': statusUrl, location: statusUrl.replace('operationsStatus', 'operationResults'), 'retry-after': '1' },
};
const inProgress: Answer = { status: 200, body: { id: 'op-1', name: 'op-1', status: 'InProgress' }, headers: { 'retry-after': '1' } };
const succeeded: Answer = {
  status: 200,
  body: { id: 'op-1', name: 'op-1', status: 'Succeeded', properties: { objectType: 'OperationStatusJobExtendedInfo', jobId: 'job-42' } },
};

describe('configure protection through the gateway', () => {
  it('journals the intent before sending, keeps the operation URL from the 202, polls it and records the job', async () => {
    const log: string[] = [];
    const arm = fakeArm([accepted202, inProgress, succeeded], log);
    const journal = recordingJournal(log);
    const gateway = createArmGateway({ endpoint: ENDPOINT, credential, httpClient: arm.httpClient, journal: journal.sink });

    const outcome = await gateway.enableVmProtection(vault, vm, policyId, { sleep: async () => undefined });

    expect(outcome).toEqual({ kind: 'succeeded', entryId: 'entry-1', jobId: 'job-42', requestId: 'req-1' });
    expect(log).toEqual([
      'intent protectedItem.put',
      'http PUT protectedItems/vm;iaasvmcontainerv2;rg-apps;app-linux-01',
      'attempt 202',
      'accepted',
      'http GET operationsStatus/op-1',
      'http GET operationsStatus/op-1',
      'settled succeeded',
    ]);
    const put = arm.requests[0];
    expect(put?.url).toContain('/protectionContainers/iaasvmcontainer%3Biaasvmcontainerv2%3Brg-apps%3Bapp-linux-01/protectedItems/vm%3Biaasvmcontainerv2%3Brg-apps%3Bapp-linux-01?api-version=');
    expect(JSON.parse(String(put?.body))).toEqual({
      properties: { protectedItemType: 'Microsoft.Compute/virtualMachines', sourceResourceId: vm.id, policyId },
    });
    expect(journal.intents[0]).toMatchObject({ kind: 'protectedItem.put', method: 'PUT', target: itemPath, summary: { vmId: vm.id, policyId } });
    // The client request id the journal keeps is the one ARM saw.
    expect(put?.headers.get('x-ms-client-request-id')).toBe(journal.intents[0]?.clientRequestId);
    expect(journal.accepted[0]).toMatchObject({ status: 202, operationUrl: statusUrl, requestId: 'req-1' });
    expect(journal.results[0]).toMatchObject({ outcome: 'succeeded', finalState: 'Succeeded', jobId: 'job-42' });
    // The status polls carry the ARM token: they go through the authenticated pipeline.
    expect(arm.requests[1]?.headers.get('authorization')).toBe('Bearer test-token');
  });

  it('counts the SDK’s own retries of a throttled PUT as attempts of one journal entry', async () => {
    const log: string[] = [];
    const throttled: Answer = {
      status: 429,
      body: { error: { code: 'SubscriptionRequestsThrottled', message: 'slow down' } },
      headers: { 'retry-after-ms': '1' },
    };
    const arm = fakeArm([throttled, throttled, accepted202, succeeded], log);
    const journal = recordingJournal(log);
    const gateway = createArmGateway({ endpoint: ENDPOINT, credential, httpClient: arm.httpClient, journal: journal.sink });

    const outcome = await gateway.enableVmProtection(vault, vm, policyId, { sleep: async () => undefined });

    expect(outcome.kind).toBe('succeeded');
    expect(journal.intents).toHaveLength(1);
    expect(journal.attempts.map((a) => a.status)).toEqual([429, 429, 202]);
  });

  it('records a failed operation with the service’s code and message', async () => {
    const log: string[] = [];
    const failed: Answer = {
      status: 200,
      body: { id: 'op-1', name: 'op-1', status: 'Failed', error: { code: 'UserErrorVmProvisioningStateFailed', message: 'The VM is in failed state.' } },
    };
    const arm = fakeArm([accepted202, failed], log);
    const journal = recordingJournal(log);
    const gateway = createArmGateway({ endpoint: ENDPOINT, credential, httpClient: arm.httpClient, journal: journal.sink });

    const outcome = await gateway.enableVmProtection(vault, vm, policyId, { sleep: async () => undefined });

    expect(outcome).toMatchObject({
      kind: 'failed',
      phase: 'operation',
      error: { code: 'UserErrorVmProvisioningStateFailed', message: 'The VM is in failed state.', requestId: 'req-1' },
    });
    expect(journal.results[0]).toMatchObject({ outcome: 'failed', code: 'UserErrorVmProvisioningStateFailed' });
  });

  it('records a refused PUT as failed and nothing as accepted', async () => {
    const log: string[] = [];
    const refused: Answer = { status: 400, body: { error: { code: 'BMSUserErrorVMNotInVaultRegion', message: 'wrong region' } } };
    const arm = fakeArm([refused], log);
    const journal = recordingJournal(log);
    const gateway = createArmGateway({ endpoint: ENDPOINT, credential, httpClient: arm.httpClient, journal: journal.sink });

    const outcome = await gateway.enableVmProtection(vault, vm, policyId);

    expect(outcome).toMatchObject({ kind: 'failed', phase: 'send', error: { code: 'BMSUserErrorVMNotInVaultRegion', status: 400, requestId: 'req-1' } });
    expect(journal.accepted).toEqual([]);
    expect(journal.results[0]).toMatchObject({ outcome: 'failed', status: 400, code: 'BMSUserErrorVMNotInVaultRegion', requestId: 'req-1' });
  });

  it('sends nothing when the journal refuses the write (another tab holds the lock)', async () => {
    const log: string[] = [];
    const arm = fakeArm([accepted202], log);
    const sink: JournalSink = {
      intent: () => {
        throw Object.assign(new Error('open in another tab'), { code: 'SetupOpenInAnotherTab' });
      },
      attempted: () => undefined,
      accepted: () => undefined,
      settled: () => undefined,
    };
    const gateway = createArmGateway({ endpoint: ENDPOINT, credential, httpClient: arm.httpClient, journal: sink });

    const outcome = await gateway.enableVmProtection(vault, vm, policyId);

    expect(outcome).toMatchObject({ kind: 'failed', phase: 'send', error: { code: 'SetupOpenInAnotherTab' } });
    expect(arm.requests).toHaveLength(0);
  });
});

describe('resuming a saved operation', () => {
  it('polls the saved URL, without sending the write again, and records the result on the same entry', async () => {
    const log: string[] = [];
    const arm = fakeArm([inProgress, succeeded], log);
    const settled: [string, WriteResult][] = [];
    const sink: JournalSink = {
      intent: () => {
        throw new Error('no write expected');
      },
      attempted: () => undefined,
      accepted: () => undefined,
      settled: (id, result) => void settled.push([id, result]),
    };
    const gateway = createArmGateway({ endpoint: ENDPOINT, credential, httpClient: arm.httpClient, journal: sink });

    const settlement = await gateway.resumeOperation('saved-entry', statusUrl, { sleep: async () => undefined });

    expect(settlement.settled).toBe(true);
    expect(arm.requests.map((r) => r.method)).toEqual(['GET', 'GET']);
    expect(settled).toEqual([['saved-entry', expect.objectContaining({ outcome: 'succeeded', jobId: 'job-42' })]]);
  });

  it('refuses to call a saved URL that is not on the ARM endpoint', async () => {
    const log: string[] = [];
    const arm = fakeArm([succeeded], log);
    const gateway = createArmGateway({ endpoint: ENDPOINT, credential, httpClient: arm.httpClient });

    const settlement = await gateway.resumeOperation('e', 'https://attacker.example/arm/subscriptions/s/op', { sleep: async () => undefined });

    expect(settlement).toMatchObject({ settled: false, error: { code: 'OperationUrlNotOnArm' } });
    expect(arm.requests).toHaveLength(0);
  });
});

describe('back up now', () => {
  it('posts the backup request and names the job its operation started', async () => {
    const log: string[] = [];
    const arm = fakeArm([accepted202, succeeded], log);
    const journal = recordingJournal(log);
    const gateway = createArmGateway({ endpoint: ENDPOINT, credential, httpClient: arm.httpClient, journal: journal.sink });

    const outcome = await gateway.triggerVmBackup(vault, vm, { sleep: async () => undefined });

    expect(outcome).toMatchObject({ kind: 'succeeded', jobId: 'job-42' });
    expect(arm.requests[0]?.method).toBe('POST');
    expect(arm.requests[0]?.url).toMatch(/\/protectedItems\/vm%3Biaasvmcontainerv2%3Brg-apps%3Bapp-linux-01\/backup\?api-version=/);
    expect(JSON.parse(String(arm.requests[0]?.body))).toEqual({ properties: { objectType: 'IaasVMBackupRequest' } });
    expect(journal.intents[0]).toMatchObject({ kind: 'backup.trigger', method: 'POST' });
  });

  it('reads a failed backup job with the service’s error code', async () => {
    const log: string[] = [];
    const job: Answer = {
      status: 200,
      body: {
        id: `${vaultId}/backupJobs/job-42`,
        name: 'job-42',
        properties: {
          jobType: 'AzureIaaSVMJob',
          status: 'Failed',
          operation: 'Backup',
          entityFriendlyName: 'app-linux-01',
          startTime: '2026-01-01T10:00:00Z',
          endTime: '2026-01-01T10:05:00Z',
          errorDetails: [{ errorTitle: 'UserErrorGuestAgentStatusUnavailable', errorString: 'VM Agent unable to communicate with Azure Backup.', recommendations: ['Restart the agent.'] }],
        },
      },
    };
    const arm = fakeArm([job], log);
    const gateway = createArmGateway({ endpoint: ENDPOINT, credential, httpClient: arm.httpClient });

    await expect(gateway.getBackupJob(vault, 'job-42')).resolves.toMatchObject({
      name: 'job-42',
      status: 'Failed',
      vmName: 'app-linux-01',
      errors: [{ code: 'UserErrorGuestAgentStatusUnavailable', message: 'VM Agent unable to communicate with Azure Backup.', recommendations: ['Restart the agent.'] }],
    });
  });
});
