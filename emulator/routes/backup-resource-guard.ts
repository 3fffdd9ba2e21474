// The Resource Guard proxy of a vault (multi-user authorization), read only: the list and the one proxy
// Azure keeps, VaultProxy (GetResourceGuardProxy.json). Linking and unlinking a guard are critical
// operations that need the guard's owner; the wizard only reports whether a guard protects the vault.
import { API_VERSIONS } from '../arm/api-versions.ts';
import { armErrors } from '../arm/errors.ts';
import { page } from '../arm/paging.ts';
import type { ArmRoute } from '../arm/types.ts';
import { requireVault, VAULT_PREFIX } from './vault-common.ts';
import { resourceGuardProxiesOf } from './vault-security.ts';

const versions = API_VERSIONS.backup;
const PROXIES = `${VAULT_PREFIX}/{vaultName}/backupResourceGuardProxies`;
const read = 'Microsoft.RecoveryServices/Vaults/backupResourceGuardProxies/read';

export const backupResourceGuardRoutes: ArmRoute[] = [
  {
    method: 'GET',
    path: PROXIES,
    apiVersions: versions,
    action: read,
    handler: (ctx) => ({ status: 200, body: page(ctx, resourceGuardProxiesOf(ctx.store, requireVault(ctx).id)) }),
  },
  {
    method: 'GET',
    path: `${PROXIES}/{resourceGuardProxyName}`,
    apiVersions: versions,
    action: read,
    handler: (ctx) => {
      const name = ctx.params['resourceGuardProxyName'] ?? '';
      const proxy = resourceGuardProxiesOf(ctx.store, requireVault(ctx).id).find((p) => p.name.toLowerCase() === name.toLowerCase());
      if (!proxy) throw armErrors.resourceGuardProxyNotFound(name);
      return { status: 200, body: proxy };
    },
  },
];
