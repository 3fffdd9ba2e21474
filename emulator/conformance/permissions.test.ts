// Microsoft.Authorization/permissions (api-version 2022-04-01): what the signed-in caller may do at a
// scope. @azure/arm-authorization is not a dependency, so the calls go through fetch with real tokens,
// as the app's permission check does. Emulator-only: it names the contoso users and resources.
import { describe, expect, it } from 'vitest';
import { CONTOSO, endpoint, live, servicePrincipalCredential, userToken } from './harness.ts';

const SUB = `/subscriptions/${CONTOSO.production}`;
const RG = `${SUB}/resourcegroups/rg-backup`;
const API = 'api-version=2022-04-01';

interface Permission {
  actions: string[];
  notActions: string[];
  dataActions: string[];
  notDataActions: string[];
}

async function permissions(token: string, scope: string): Promise<{ status: number; body: { value?: Permission[]; error?: { code: string } } }> {
  const res = await fetch(`${endpoint}${scope}/providers/Microsoft.Authorization/permissions?${API}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: res.status, body: (await res.json()) as { value?: Permission[]; error?: { code: string } } };
}

const tokens = new Map<string, string>();
async function tokenOf(upn: string): Promise<string> {
  let t = tokens.get(upn);
  if (!t) {
    t = await userToken(upn);
    tokens.set(upn, t);
  }
  return t;
}

describe.skipIf(live)('Microsoft.Authorization/permissions', () => {
  it('gives Ben one entry per role on rg-backup, including the backup actions', async () => {
    const { status, body } = await permissions(await tokenOf('ben@contoso.example'), RG);
    expect(status).toBe(200);
    expect(body.value).toHaveLength(3);
    const actions = body.value?.flatMap((p) => p.actions) ?? [];
    expect(actions).toContain('Microsoft.RecoveryServices/Vaults/backupFabrics/*');
    expect(actions).toContain('Microsoft.RecoveryServices/Vaults/backupPolicies/*');
    expect(actions).toContain('Microsoft.Compute/virtualMachines/*');
    expect(actions).toContain('Microsoft.Network/*');
    for (const p of body.value ?? []) expect(p).toEqual({ actions: expect.any(Array), notActions: [], dataActions: [], notDataActions: [] });
  });

  it('gives Rita read-only permissions', async () => {
    const { status, body } = await permissions(await tokenOf('rita@contoso.example'), RG);
    expect(status).toBe(200);
    expect(body.value).toEqual([{ actions: ['*/read'], notActions: [], dataActions: [], notDataActions: [] }]);
  });

  it('gives Nora, who has no role assignment, an empty list', async () => {
    const { status, body } = await permissions(await tokenOf('nora@contoso.example'), RG);
    expect(status).toBe(200);
    expect(body.value).toEqual([]);
  });

  it('answers for the service principal at subscription scope, with Contributor notActions', async () => {
    const sp = (await servicePrincipalCredential().getToken([]))?.token ?? '';
    const { status, body } = await permissions(sp, SUB);
    expect(status).toBe(200);
    expect(body.value).toEqual([
      {
        actions: ['*'],
        notActions: ['Microsoft.Authorization/*/Delete', 'Microsoft.Authorization/*/Write', 'Microsoft.Authorization/elevateAccess/Action'],
        dataActions: [],
        notDataActions: [],
      },
    ]);
  });

  it('answers at resource scope for a vault, a VM and an NSG', async () => {
    const ben = await tokenOf('ben@contoso.example');
    for (const scope of [
      `${RG}/providers/Microsoft.RecoveryServices/vaults/rsv-prod-weu`,
      `${SUB}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/web-01`,
      `${SUB}/resourceGroups/rg-network/providers/Microsoft.Network/networkSecurityGroups/nsg-snet-apps`,
    ]) {
      const { status, body } = await permissions(ben, scope);
      expect(status, scope).toBe(200);
      expect(body.value, scope).toHaveLength(3);
    }
  });

  it('answers a missing resource group with ResourceGroupNotFound and a missing token with 401', async () => {
    const { status, body } = await permissions(await tokenOf('ben@contoso.example'), `${SUB}/resourcegroups/rg-does-not-exist`);
    expect(status).toBe(404);
    expect(body.error?.code).toBe('ResourceGroupNotFound');
    const res = await fetch(`${endpoint}${RG}/providers/Microsoft.Authorization/permissions?${API}`);
    expect(res.status).toBe(401);
  });
});
