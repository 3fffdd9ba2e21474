// oidc-provider's storage. Sessions, grants and tokens live in memory (a restart signs users out,
// like a real IdP forgetting a browser); clients come from the live directory so that service
// principals added or removed by a fixture reset are seen immediately.
import type { Adapter, AdapterFactory, AdapterPayload, ClientMetadata } from 'oidc-provider';

// Revoking a grant removes its tokens; an Interaction that merely names the grant must survive.
const GRANT_MEMBERS = new Set(['AccessToken', 'AuthorizationCode', 'RefreshToken', 'DeviceCode', 'BackchannelAuthenticationRequest']);

interface Entry {
  payload: AdapterPayload;
  expiresAt: number;
}

export function createAdapterFactory(findClient: (clientId: string) => ClientMetadata | undefined): AdapterFactory {
  const store = new Map<string, Entry>();

  const get = (key: string): AdapterPayload | undefined => {
    const entry = store.get(key);
    if (entry && entry.expiresAt > Date.now()) return entry.payload;
    store.delete(key);
    return undefined;
  };
  const findWhere = (model: string, match: (p: AdapterPayload) => boolean) => {
    for (const key of store.keys()) {
      const payload = key.startsWith(`${model}:`) ? get(key) : undefined;
      if (payload && match(payload)) return payload;
    }
    return undefined;
  };

  return (model: string): Adapter => ({
    async upsert(id, payload, expiresIn) {
      for (const [key, entry] of store) if (entry.expiresAt <= Date.now()) store.delete(key);
      const expiresAt = expiresIn ? Date.now() + expiresIn * 1000 : Number.POSITIVE_INFINITY;
      store.set(`${model}:${id}`, { payload: model === 'RefreshToken' ? withOfflineAccess(payload) : payload, expiresAt });
    },
    async find(id) {
      return model === 'Client' ? findClient(id) : get(`${model}:${id}`);
    },
    async findByUid(uid) {
      return findWhere(model, (p) => p.uid === uid);
    },
    async findByUserCode(userCode) {
      return findWhere(model, (p) => p.userCode === userCode);
    },
    async consume(id) {
      const payload = get(`${model}:${id}`);
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    },
    async destroy(id) {
      store.delete(`${model}:${id}`);
    },
    async revokeByGrantId(grantId) {
      for (const [key, entry] of store) {
        if (entry.payload.grantId === grantId && GRANT_MEMBERS.has(key.slice(0, key.indexOf(':')))) store.delete(key);
      }
    },
  });
}

// MSAL asks for `offline_access` in every refresh request, and oidc-provider refuses a refresh
// request for a scope its refresh token does not hold. Refresh tokens issued to the SPA without
// prompt=consent (see issueRefreshToken) never hold it, although they are offline access by
// definition; recording it here has the effect of the IdP-side strip of msal-local-oidc.md §1.5
// without rewriting request bodies, which oidc-provider insists on reading itself.
function withOfflineAccess(payload: AdapterPayload): AdapterPayload {
  const scopes = new Set(typeof payload.scope === 'string' ? payload.scope.split(' ') : []);
  scopes.add('offline_access');
  return { ...payload, scope: [...scopes].join(' ') };
}
