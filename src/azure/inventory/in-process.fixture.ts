// Test support: the app's real SDK clients talking to the emulator's ARM service (with Resource Graph) in
// process — no port, no certificate, no token server. The bearer token is the principal's object id, which
// the harness maps back to the fixture's user or service principal.
import { createHttpHeaders, type HttpClient } from '@azure/core-rest-pipeline';
import { graphHarness } from '../../../emulator/test/graph-harness.ts';
import type { Settings } from '../../../emulator/arm/settings.ts';
import type { Fixture } from '../../../emulator/state/store.ts';
import { createArmClients, type ArmClients } from '../clients.ts';
import type { ReadBudget } from '../rate-budget.ts';

export const IN_PROCESS_ENDPOINT = 'https://localhost:8443/arm';

export function inProcessArm(fixture?: Fixture, tune?: (s: Settings) => void) {
  const harness = graphHarness(fixture, tune);
  const log: { method: string; url: string; status: number }[] = [];
  const httpClient: HttpClient = {
    async sendRequest(request) {
      const url = request.url.slice(IN_PROCESS_ENDPOINT.length);
      const body = typeof request.body === 'string' ? request.body : undefined;
      const res = await harness.arm.handle({ method: request.method, url, headers: { ...request.headers.toJSON(), host: 'localhost:8443' }, body });
      log.push({ method: request.method, url, status: res.status });
      return {
        request,
        status: res.status,
        headers: createHttpHeaders({ 'content-type': 'application/json', ...res.headers }),
        ...(res.body === undefined ? {} : { bodyAsText: JSON.stringify(res.body) }),
      };
    },
  };
  const clientsFor = (principalObjectId: string, readBudget?: ReadBudget): ArmClients =>
    createArmClients({
      endpoint: IN_PROCESS_ENDPOINT,
      credential: { getToken: async () => ({ token: principalObjectId, expiresOnTimestamp: Date.now() + 3_600_000 }) },
      httpClient,
      ...(readBudget ? { readBudget } : {}),
    });
  return { ...harness, httpClient, log, clientsFor };
}
