// Every ARM route the emulator serves, grouped by resource provider area.
import type { ArmRoute } from '../arm/types.ts';
import { authorizationRoutes } from './authorization.ts';
import { backupDiscoveryRoutes } from './backup-discovery.ts';
import { backupJobRoutes } from './backup-jobs.ts';
import { backupPrecheckRoutes } from './backup-prechecks.ts';
import { backupProtectionRoutes } from './backup-protection.ts';
import { backupPolicyRoutes } from './backup-policies.ts';
import { backupResourceGuardRoutes } from './backup-resource-guard.ts';
import { backupStorageConfigRoutes } from './backup-storage-config.ts';
import { computeRoutes } from './compute.ts';
import { networkRoutes } from './network.ts';
import { providerRoutes } from './providers.ts';
import { resourceGroupRoutes } from './resource-groups.ts';
import { subscriptionRoutes } from './subscriptions.ts';
import { vaultRoutes } from './vaults.ts';

export const armRoutes: readonly ArmRoute[] = [
  ...subscriptionRoutes,
  ...resourceGroupRoutes,
  ...providerRoutes,
  ...computeRoutes,
  ...networkRoutes,
  ...vaultRoutes,
  ...backupStorageConfigRoutes,
  ...backupPolicyRoutes,
  ...backupDiscoveryRoutes,
  ...backupPrecheckRoutes,
  ...backupProtectionRoutes,
  ...backupJobRoutes,
  ...backupResourceGuardRoutes,
  ...authorizationRoutes,
];
