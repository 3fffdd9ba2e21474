import type { VmPolicyProperties } from '../../azure/policy-types.ts';
import type { SetupSummary } from './summary-model.ts';

/** A filled-in summary for the builders' tests. */
const SUB = '8c6b1f3e-2a4d-4f5b-9e7c-0a1b2c3d4e5f';
const VAULT_ID = `/subscriptions/${SUB}/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-prod-weu`;
const NSG_ID = `/subscriptions/${SUB}/resourceGroups/rg-network/providers/Microsoft.Network/networkSecurityGroups/nsg-snet-locked`;
const vmId = (rg: string, name: string) => `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.Compute/virtualMachines/${name}`;

export const POLICY_PROPERTIES: VmPolicyProperties = {
  backupManagementType: 'AzureIaasVM',
  policyType: 'V1',
  timeZone: 'UTC',
  instantRpRetentionRangeInDays: 2,
  schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicy', scheduleRunFrequency: 'Daily', scheduleRunTimes: [new Date('2024-01-01T22:00:00.000Z')] },
  retentionPolicy: {
    retentionPolicyType: 'LongTermRetentionPolicy',
    dailySchedule: { retentionTimes: [new Date('2024-01-01T22:00:00.000Z')], retentionDuration: { count: 30, durationType: 'Days' } },
  },
};

export function summaryFixture(): SetupSummary {
  return {
    generatedAt: '2025-06-02T10:00:00.000Z',
    tenant: { id: '3f6c2a9e-8b1d-4e27-9c5a-1d2e3f4a5b6c', name: 'Contoso' },
    account: { name: 'Alice Admin', username: 'alice@contoso.example' },
    subscription: { id: SUB, name: 'Contoso Production' },
    vault: {
      id: VAULT_ID,
      name: 'rsv-prod-weu',
      resourceGroup: 'rg-backup',
      location: 'westeurope',
      skuName: 'RS0',
      skuTier: 'Standard',
      provisioningState: 'Succeeded',
    },
    replication: { storageType: 'GeoRedundant', crossRegionRestore: true, locked: true },
    security: {
      softDeleteState: 'AlwaysON',
      softDeleteRetentionDays: 30,
      immutability: 'Locked',
      crossSubscriptionRestore: 'Disabled',
      publicNetworkAccess: 'Enabled',
      jobFailureAlerts: 'Enabled',
      resourceGuardId: null,
      multiUserAuthorization: 'Not protected by a Resource Guard',
    },
    policy: { id: `${VAULT_ID}/backupPolicies/nightly-22`, name: 'nightly-22', protectedItemsCount: 2, properties: POLICY_PROPERTIES },
    protectedVms: [
      {
        itemId: `${VAULT_ID}/backupFabrics/Azure/protectionContainers/iaasvmcontainer;iaasvmcontainerv2;rg-web;web-01/protectedItems/vm;iaasvmcontainerv2;rg-web;web-01`,
        vmId: vmId('rg-web', 'web-01'),
        vmName: 'web-01',
        vmResourceGroup: 'rg-web',
        protectionState: 'IRPending',
        healthStatus: 'Passed',
        lastBackupStatus: '',
        lastBackupTime: null,
        policyName: 'nightly-22',
        policyId: `${VAULT_ID}/backupPolicies/nightly-22`,
      },
      {
        itemId: `${VAULT_ID}/backupFabrics/Azure/protectionContainers/iaasvmcontainer;iaasvmcontainerv2;rg-apps;app-linux-01/protectedItems/vm;iaasvmcontainerv2;rg-apps;app-linux-01`,
        vmId: vmId('rg-apps', 'app-linux-01'),
        vmName: 'app-linux-01',
        vmResourceGroup: 'rg-apps',
        protectionState: 'Protected',
        healthStatus: 'Passed',
        lastBackupStatus: 'Completed',
        lastBackupTime: '2025-06-02T09:00:00.000Z',
        policyName: 'nightly-22',
        policyId: `${VAULT_ID}/backupPolicies/nightly-22`,
      },
    ],
    unprotectedVmNames: ['agent-notready-01'],
    nsgRules: [
      {
        id: `${NSG_ID}/securityRules/allow-azurebackup-443`,
        name: 'allow-azurebackup-443',
        nsgId: NSG_ID,
        nsgName: 'nsg-snet-locked',
        nsgResourceGroup: 'rg-network',
        purpose: 'allow',
        rule: {
          priority: 190,
          direction: 'Outbound',
          access: 'Allow',
          protocol: 'Tcp',
          sourceAddressPrefix: 'VirtualNetwork',
          sourcePortRange: '*',
          destinationAddressPrefix: 'AzureBackup',
          destinationPortRange: '443',
          description: "Azure VM backup: allow HTTPS to AzureBackup (it's needed).",
          provisioningState: 'Succeeded',
        },
      },
    ],
    proxy: { ip: '10.10.2.50', port: 3128 },
    openFindings: [{ vmName: 'old-agent-01', area: 'Agent', text: 'Needs attention: The VM agent is older than Microsoft supports (accepted), as of 2026-11-25T10:00:00.000Z.' }],
    journal: [
      {
        at: '2025-06-02T09:58:00.000Z',
        operation: 'Enable protection (PUT)',
        target: `${VAULT_ID}/backupFabrics/Azure/protectionContainers/iaasvmcontainer;iaasvmcontainerv2;rg-web;web-01/protectedItems/vm;iaasvmcontainerv2;rg-web;web-01`,
        result: 'Succeeded',
        detail: 'job 0f1e2d3c',
        requestIds: ['req-1', 'req-2'],
      },
    ],
  };
}
