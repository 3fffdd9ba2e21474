// Recovery Services resources in ARM wire format (shapes follow rest-examples/recoveryservices and
// rest-examples/recoveryservicesbackup, and arm-api.md §1a-§1e). The builders are exported so that the
// routes that create vaults, policies and protection produce the same shapes as the fixture loader.
import { AZURE_DEFAULT_SECURITY, securityProperties, type VaultSecurity } from '../../src/shared/vault-security.ts';
import type { BackupPolicy, Vault } from './fixture-schema.ts';
import type { ArmResource } from './store.ts';
import { FIXTURE_TIME, stableNumber } from './wire-util.ts';

// Only the time of day of schedule times matters to the service; the date is arbitrary.
const SCHEDULE_DATE = '2026-01-01';
const scheduleTime = (hhmm: string): string => `${SCHEDULE_DATE}T${hhmm}:00Z`;

export type StorageRedundancy = Vault['storageRedundancy'];

export interface VaultOptions {
  location: string;
  tags?: Record<string, string>;
  storageRedundancy: StorageRedundancy;
  crossRegionRestore: boolean;
  etagTime?: string;
  /** Azure's defaults for a new vault when left out. */
  security?: VaultSecurity;
  /** Whether a Resource Guard proxy links the vault (multi-user authorization). */
  resourceGuarded?: boolean;
}

export const RESOURCE_GUARD_PROXY_TYPE = 'Microsoft.RecoveryServices/vaults/backupResourceGuardProxies';

/**
 * The security sections of a vault's properties, as the service reports them (GETVault.json): the wizard's
 * settings, plus what it does not set (enhancedSecurityState follows the soft delete state; classic alerts
 * are retired, so they read Disabled).
 */
export function securityWire(security: VaultSecurity, resourceGuarded: boolean): Record<string, unknown> {
  const wire = securityProperties(security, null);
  return {
    ...wire,
    securitySettings: {
      ...wire.securitySettings,
      softDeleteSettings: { ...wire.securitySettings?.softDeleteSettings, enhancedSecurityState: security.softDeleteState },
      multiUserAuthorization: resourceGuarded ? 'Enabled' : 'Disabled',
    },
    monitoringSettings: {
      azureMonitorAlertSettings: { alertsForAllJobFailures: security.jobFailureAlerts, alertsForAllReplicationIssues: 'Enabled', alertsForAllFailoverIssues: 'Disabled' },
      classicAlertSettings: { alertsForCriticalOperations: 'Disabled', emailNotificationsForSiteRecovery: 'Disabled' },
    },
  };
}

export function vaultResource(vaultId: string, options: VaultOptions): ArmResource {
  const name = vaultId.split('/').pop() ?? '';
  const etagTime = (options.etagTime ?? FIXTURE_TIME).replace('+00:00', 'Z').replace(/:/g, '%3A');
  return {
    id: vaultId,
    name,
    type: 'Microsoft.RecoveryServices/vaults',
    location: options.location,
    tags: { ...options.tags },
    etag: `W/"datetime'${etagTime}'"`,
    sku: { name: 'RS0', tier: 'Standard' },
    properties: {
      provisioningState: 'Succeeded',
      privateEndpointStateForBackup: 'None',
      privateEndpointStateForSiteRecovery: 'None',
      redundancySettings: {
        standardTierStorageRedundancy: options.storageRedundancy,
        crossRegionRestore: options.crossRegionRestore ? 'Enabled' : 'Disabled',
      },
      ...securityWire(options.security ?? AZURE_DEFAULT_SECURITY, options.resourceGuarded ?? false),
      backupStorageVersion: 'V2',
    },
  };
}

export function storageConfigResource(vaultId: string, redundancy: StorageRedundancy, crossRegionRestore: boolean, state: 'Locked' | 'Unlocked'): ArmResource {
  return {
    id: `${vaultId}/backupstorageconfig/vaultstorageconfig`,
    name: 'vaultstorageconfig',
    type: 'Microsoft.RecoveryServices/vaults/backupstorageconfig',
    properties: {
      storageModelType: redundancy,
      storageType: redundancy,
      storageTypeState: state,
      crossRegionRestoreFlag: crossRegionRestore,
      dedupState: 'Disabled',
      xcoolState: 'Disabled',
    },
  };
}

function schedulePolicy(p: BackupPolicy): Record<string, unknown> {
  const runTimes = [scheduleTime(p.time)];
  if (p.policyType === 'V1') {
    const v1: Record<string, unknown> = { schedulePolicyType: 'SimpleSchedulePolicy', scheduleRunFrequency: p.frequency };
    if (p.frequency === 'Weekly') v1.scheduleRunDays = [...(p.days ?? [])];
    v1.scheduleRunTimes = runTimes;
    v1.scheduleWeeklyFrequency = 0;
    return v1;
  }
  const v2: Record<string, unknown> = { schedulePolicyType: 'SimpleSchedulePolicyV2', scheduleRunFrequency: p.frequency };
  if (p.frequency === 'Hourly') {
    v2.hourlySchedule = { interval: p.hourlyInterval ?? 4, scheduleWindowStartTime: runTimes[0], scheduleWindowDuration: p.hourlyWindowHours ?? 24 };
  } else if (p.frequency === 'Daily') {
    v2.dailySchedule = { scheduleRunTimes: runTimes };
  } else {
    v2.weeklySchedule = { scheduleRunDays: [...(p.days ?? [])], scheduleRunTimes: runTimes };
  }
  return v2;
}

function retentionPolicy(p: BackupPolicy): Record<string, unknown> {
  const retentionTimes = [scheduleTime(p.time)];
  const retention: Record<string, unknown> = { retentionPolicyType: 'LongTermRetentionPolicy' };
  if (p.dailyRetentionDays !== undefined) {
    retention.dailySchedule = { retentionTimes, retentionDuration: { count: p.dailyRetentionDays, durationType: 'Days' } };
  }
  if (p.weeklyRetentionWeeks !== undefined) {
    retention.weeklySchedule = {
      daysOfTheWeek: [...(p.days ?? ['Sunday'])],
      retentionTimes,
      retentionDuration: { count: p.weeklyRetentionWeeks, durationType: 'Weeks' },
    };
  }
  return retention;
}

/** An AzureIaasVM policy in wire format; protectedItemsCount is for the caller to keep current. */
export function policyResource(vaultId: string, policy: BackupPolicy, protectedItemsCount = 0): ArmResource {
  return {
    id: `${vaultId}/backupPolicies/${policy.name}`,
    name: policy.name,
    type: 'Microsoft.RecoveryServices/vaults/backupPolicies',
    properties: {
      backupManagementType: 'AzureIaasVM',
      policyType: policy.policyType,
      instantRPDetails: {},
      schedulePolicy: schedulePolicy(policy),
      retentionPolicy: retentionPolicy(policy),
      instantRpRetentionRangeInDays: policy.instantRestoreDays,
      timeZone: policy.timeZone,
      protectedItemsCount,
    },
  };
}

export const DEFAULT_POLICY: BackupPolicy = {
  name: 'DefaultPolicy',
  policyType: 'V1',
  frequency: 'Daily',
  time: '19:00',
  dailyRetentionDays: 30,
  instantRestoreDays: 2,
  timeZone: 'UTC',
};

export const ENHANCED_POLICY: BackupPolicy = {
  name: 'EnhancedPolicy',
  policyType: 'V2',
  frequency: 'Hourly',
  time: '08:00',
  hourlyInterval: 4,
  hourlyWindowHours: 24,
  dailyRetentionDays: 30,
  instantRestoreDays: 7,
  timeZone: 'UTC',
};

/** The policies every new vault gets: DefaultPolicy (Standard, daily) and EnhancedPolicy (hourly). */
export function systemPolicies(vaultId: string): ArmResource[] {
  return [policyResource(vaultId, DEFAULT_POLICY), policyResource(vaultId, ENHANCED_POLICY)];
}

export function containerNameFor(resourceGroup: string, vmName: string): string {
  return `iaasvmcontainer;iaasvmcontainerv2;${resourceGroup};${vmName}`;
}

export function protectedItemNameFor(resourceGroup: string, vmName: string): string {
  return `vm;iaasvmcontainerv2;${resourceGroup};${vmName}`;
}

export interface ProtectionOptions {
  vaultId: string;
  vmId: string;
  policyId: string;
  protectionState?: 'IRPending' | 'Protected' | 'ProtectionStopped' | 'ProtectionPaused' | 'ProtectionError';
  /** When omitted the item has never been backed up (lastBackupStatus ""). */
  lastBackupTime?: string;
}

/** The protection container and protected item ARM keeps for a protected Azure VM. */
export function protectionResources(options: ProtectionOptions): [container: ArmResource, item: ArmResource] {
  const parts = options.vmId.split('/');
  const resourceGroup = parts[4] ?? '';
  const vmName = parts[8] ?? '';
  const containerName = containerNameFor(resourceGroup, vmName);
  const containerId = `${options.vaultId}/backupFabrics/Azure/protectionContainers/${containerName}`;
  const container: ArmResource = {
    id: containerId,
    name: containerName,
    type: 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers',
    properties: {
      friendlyName: vmName,
      backupManagementType: 'AzureIaasVM',
      registrationStatus: 'Registered',
      healthStatus: 'Healthy',
      containerType: 'Microsoft.Compute/virtualMachines',
      virtualMachineId: options.vmId,
      virtualMachineVersion: 'Compute',
      resourceGroup,
    },
  };
  const itemName = protectedItemNameFor(resourceGroup, vmName);
  const backedUp = options.lastBackupTime !== undefined;
  const properties: Record<string, unknown> = {
    friendlyName: vmName,
    virtualMachineId: options.vmId,
    protectionStatus: 'Healthy',
    protectionState: options.protectionState ?? (backedUp ? 'Protected' : 'IRPending'),
    healthStatus: 'Passed',
    lastBackupStatus: backedUp ? 'Completed' : '',
    protectedItemDataId: String(stableNumber(`item:${options.vaultId}:${options.vmId}`, 2 ** 48)),
    protectedItemType: 'Microsoft.Compute/virtualMachines',
    backupManagementType: 'AzureIaasVM',
    workloadType: 'VM',
    containerName: `iaasvmcontainerv2;${resourceGroup};${vmName}`,
    sourceResourceId: options.vmId,
    policyId: options.policyId,
    policyName: options.policyId.split('/').pop() ?? '',
  };
  if (options.lastBackupTime !== undefined) {
    properties.lastBackupTime = options.lastBackupTime;
    properties.lastRecoveryPoint = options.lastBackupTime;
  }
  const item: ArmResource = {
    id: `${containerId}/protectedItems/${itemName}`,
    name: itemName,
    type: 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems',
    properties,
  };
  return [container, item];
}

/**
 * The proxy that links a vault to a Resource Guard (multi-user authorization). Azure names it VaultProxy;
 * the operation details are the two of GetResourceGuardProxy.json (the full list per guard is not public).
 */
export function resourceGuardProxyResource(vaultId: string, resourceGuardId: string, lastUpdatedTime: string): ArmResource {
  const request = (operation: string) => ({
    vaultCriticalOperation: `Microsoft.DataProtection/resourceGuards/${operation}`,
    defaultResourceRequest: `${resourceGuardId}/${operation}/default`,
  });
  return {
    id: `${vaultId}/backupResourceGuardProxies/VaultProxy`,
    name: 'VaultProxy',
    type: RESOURCE_GUARD_PROXY_TYPE,
    properties: {
      resourceGuardResourceId: resourceGuardId,
      resourceGuardOperationDetails: [request('deleteResourceGuardProxyRequests'), request('disableSoftDeleteRequests')],
      lastUpdatedTime,
      description: 'Critical operations on this vault need approval through the Resource Guard.',
    },
  };
}
