import type { ArmClientOptions } from './clients.ts';
import type { ArmGateway } from './gateway.ts';

/*
 * The gateway as main.tsx creates it before sign-in: every method loads the real one (gateway.ts: every
 * operation module, the readiness rules, the SDK glue) on its first call, so the sign-in page never loads
 * that code. The SDK packages themselves are loaded later still, per client (clients.ts).
 */

/** Every method of the gateway; `satisfies` makes a method added to ArmGateway but not here a type error. */
const METHODS = {
  listSubscriptions: true,
  listLocations: true,
  listResourceGroups: true,
  createResourceGroup: true,
  getResourceProvider: true,
  registerResourceProvider: true,
  listVirtualMachines: true,
  listVaults: true,
  findVault: true,
  checkVaultName: true,
  createVault: true,
  countProtectedVms: true,
  getStorageConfig: true,
  setStorageConfig: true,
  listVmPolicies: true,
  createVmPolicy: true,
  gatherVmReadiness: true,
  readVmForChecks: true,
  getNetworkInterface: true,
  getSubnet: true,
  getNetworkSecurityGroup: true,
  listNetworkSecurityGroups: true,
  listEffectiveNsgs: true,
  createSecurityRule: true,
  getPermissions: true,
  getVaultDetails: true,
  getVmPolicy: true,
  listProtectedVms: true,
  getVmProtectionStatus: true,
  getSecurityRule: true,
  listTenants: true,
  getProtectedVmItem: true,
  enableVmProtection: true,
  triggerVmBackup: true,
  getBackupJob: true,
  resumeOperation: true,
  paceWrite: true,
  queryGraph: true,
  loadFleetInventory: true,
  countVms: true,
  readAgents: true,
  confirmNetwork: true,
  confirmNetworks: true,
  ensureDiscovery: true,
  discoveryState: true,
  updateVaultSecurity: true,
  getMultiUserAuthorization: true,
  preValidateProtection: true,
  validateVmBackupFeature: true,
} as const satisfies Record<keyof ArmGateway, true>;

type Method = keyof ArmGateway;
type AnyMethod = (...args: unknown[]) => Promise<unknown>;

export function createLazyArmGateway(options: ArmClientOptions): ArmGateway {
  let real: Promise<ArmGateway> | undefined;
  const load = () => {
    real ??= import('./gateway.ts')
      .then((m) => m.createArmGateway(options))
      .catch((error: unknown) => {
        real = undefined; // a failed chunk load (e.g. offline) can be retried
        throw error;
      });
    return real;
  };
  const gateway: Partial<Record<Method, AnyMethod>> = {};
  for (const name of Object.keys(METHODS) as Method[]) {
    gateway[name] = async (...args) => ((await load())[name] as unknown as AnyMethod)(...args);
  }
  return gateway as unknown as ArmGateway;
}
