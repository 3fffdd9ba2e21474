import { createHttpHeaders, type HttpClient, type PipelineRequest } from '@azure/core-rest-pipeline';
import { describe, expect, it } from 'vitest';
import { AzureRequestError } from './errors.ts';
import { createArmGateway } from './gateway.ts';

const ENDPOINT = 'https://localhost:8443/arm';

/** A fake network answering every request with `status` and `body`; records what was asked. */
function fakeArm(status: number, body: unknown, headers: Record<string, string> = {}) {
  const requests: PipelineRequest[] = [];
  const httpClient: HttpClient = {
    async sendRequest(request) {
      requests.push(request);
      return {
        request,
        status,
        headers: createHttpHeaders({ 'content-type': 'application/json', ...headers }),
        bodyAsText: JSON.stringify(body),
      };
    },
  };
  return { httpClient, requests };
}

const scopesAsked: string[][] = [];
const credential = {
  async getToken(scopes: string | string[]) {
    scopesAsked.push(Array.isArray(scopes) ? scopes : [scopes]);
    return { token: 'test-token', expiresOnTimestamp: Date.now() + 3_600_000 };
  },
};

describe('ARM gateway: subscriptions', () => {
  it('lists subscriptions from the configured endpoint with an ARM token, sorted by name', async () => {
    const arm = fakeArm(200, {
      value: [
        { id: '/subscriptions/s2', subscriptionId: 's2', displayName: 'Contoso Production', tenantId: 't', state: 'Enabled' },
        { id: '/subscriptions/s1', subscriptionId: 's1', displayName: 'Contoso Dev/Test', tenantId: 't', state: 'Disabled' },
      ],
    });
    const gateway = createArmGateway({ endpoint: ENDPOINT, credential, httpClient: arm.httpClient });

    await expect(gateway.listSubscriptions()).resolves.toEqual([
      { subscriptionId: 's1', displayName: 'Contoso Dev/Test', tenantId: 't', state: 'Disabled' },
      { subscriptionId: 's2', displayName: 'Contoso Production', tenantId: 't', state: 'Enabled' },
    ]);
    expect(arm.requests[0]?.url).toMatch(/^https:\/\/localhost:8443\/arm\/subscriptions\?api-version=/);
    expect(arm.requests[0]?.headers.get('authorization')).toBe('Bearer test-token');
    expect(scopesAsked.at(-1)).toEqual(['https://management.azure.com/.default']);
  });

  it('throws one normalised error that keeps ARM’s code, message and request ID', async () => {
    const arm = fakeArm(
      403,
      { error: { code: 'AuthorizationFailed', message: "does not have authorization to perform action 'Microsoft.Resources/subscriptions/read' over scope '/subscriptions' or the scope is invalid." } },
      { 'x-ms-request-id': 'req-403', 'x-ms-correlation-request-id': 'corr-403' },
    );
    const gateway = createArmGateway({ endpoint: ENDPOINT, credential, httpClient: arm.httpClient });

    const error = await gateway.listSubscriptions().then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(AzureRequestError);
    expect((error as AzureRequestError).detail).toEqual({
      kind: 'forbidden',
      status: 403,
      code: 'AuthorizationFailed',
      message: expect.stringContaining("perform action 'Microsoft.Resources/subscriptions/read'"),
      requestId: 'req-403',
      correlationId: 'corr-403',
    });
  });
});
