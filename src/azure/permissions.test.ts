import { createHttpHeaders, type HttpClient, type PipelineRequest } from '@azure/core-rest-pipeline';
import { describe, expect, it } from 'vitest';
import { AzureRequestError } from './errors.ts';
import { createArmGateway } from './gateway.ts';

const ENDPOINT = 'https://localhost:8443/arm';
const credential = { getToken: async () => ({ token: 'test-token', expiresOnTimestamp: Date.now() + 3_600_000 }) };

function fakeArm(status: number, body: unknown, headers: Record<string, string> = {}) {
  const requests: PipelineRequest[] = [];
  const httpClient: HttpClient = {
    async sendRequest(request) {
      requests.push(request);
      return { request, status, headers: createHttpHeaders({ 'content-type': 'application/json', ...headers }), bodyAsText: JSON.stringify(body) };
    },
  };
  return { httpClient, requests };
}

describe('gateway.getPermissions', () => {
  it('reads the permissions API on the scope, with an ARM token, and keeps actions and notActions', async () => {
    const arm = fakeArm(200, {
      value: [
        { actions: ['*'], notActions: ['Microsoft.Authorization/*/Write'], dataActions: [], notDataActions: [] },
        { actions: ['*/read'], notActions: [] },
      ],
    });
    const gateway = createArmGateway({ endpoint: ENDPOINT, credential, httpClient: arm.httpClient });
    const scope = '/subscriptions/s1/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/web-01';

    await expect(gateway.getPermissions(scope)).resolves.toEqual([
      { actions: ['*'], notActions: ['Microsoft.Authorization/*/Write'] },
      { actions: ['*/read'], notActions: [] },
    ]);
    expect(arm.requests[0]?.method).toBe('GET');
    expect(arm.requests[0]?.url).toBe(`${ENDPOINT}${scope}/providers/Microsoft.Authorization/permissions?api-version=2022-04-01`);
    expect(arm.requests[0]?.headers.get('authorization')).toBe('Bearer test-token');
  });

  it('turns a refusal into the one normalised error, with ARM’s code and request id', async () => {
    const arm = fakeArm(404, { error: { code: 'SubscriptionNotFound', message: "The subscription 's9' could not be found." } }, { 'x-ms-request-id': 'req-404' });
    const gateway = createArmGateway({ endpoint: ENDPOINT, credential, httpClient: arm.httpClient });

    const error = await gateway.getPermissions('/subscriptions/s9').then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(AzureRequestError);
    expect((error as AzureRequestError).detail).toMatchObject({
      kind: 'notFound',
      status: 404,
      code: 'SubscriptionNotFound',
      requestId: 'req-404',
    });
  });
});
