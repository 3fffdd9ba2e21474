// Shared by the readiness tests: one healthy VM and its vault, to be varied one fact at a time.
import type { VaultContext, VmFacts } from './facts.ts';

export const SUB = '8c6b1f3e-2a4d-4f5b-9e7c-0a1b2c3d4e5f';

export const VAULT: VaultContext = {
  id: `/subscriptions/${SUB}/resourceGroups/backup-rg/providers/Microsoft.RecoveryServices/vaults/contoso-vault`,
  name: 'contoso-vault',
  location: 'westeurope',
  subscriptionId: SUB,
  backupApiVersion: '2023-06-01',
};

export function vm(overrides: Partial<VmFacts> = {}): VmFacts {
  return {
    id: `/subscriptions/${SUB}/resourceGroups/app-rg/providers/Microsoft.Compute/virtualMachines/web-01`,
    name: 'web-01',
    subscriptionId: SUB,
    resourceGroup: 'app-rg',
    location: 'westeurope',
    size: 'Standard_D2s_v5',
    osType: 'Windows',
    image: { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2022-datacenter-azure-edition', version: 'latest' },
    osName: 'Windows Server 2022 Datacenter Azure Edition',
    osVersion: 'Microsoft Windows NT 10.0.20348.0',
    dataDiskCount: 2,
    disks: [
      { name: 'web-01_OsDisk_1', sizeGB: 127, sku: 'Premium_LRS', writeAccelerator: false },
      { name: 'web-01_DataDisk_0', lun: 0, sizeGB: 128, sku: 'Premium_LRS', writeAccelerator: false },
      { name: 'web-01_DataDisk_1', lun: 1, sizeGB: 128, sku: 'Premium_LRS', writeAccelerator: false },
    ],
    sizeSpec: { cores: 2, memoryMB: 8192 },
    powerState: 'running',
    agent: { status: 'ready', version: '2.7.41491.1102', provisionVMAgent: true },
    extensions: [{ type: 'Microsoft.Azure.RecoveryServices.VMSnapshot', status: { code: 'ProvisioningState/succeeded', level: 'Info', displayStatus: 'Provisioning succeeded' } }],
    nicCount: 1,
    staticPublicIpCount: 0,
    behindLoadBalancer: false,
    tags: {},
    protection: { state: 'unprotected' },
    ...overrides,
  };
}

export function ubuntu(overrides: Partial<VmFacts> = {}): VmFacts {
  return vm({
    name: 'app-02',
    osType: 'Linux',
    image: { publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts-gen2', version: 'latest' },
    osName: 'ubuntu',
    osVersion: '22.04',
    agent: { status: 'ready', version: '2.9.1.1', provisionVMAgent: true },
    extensions: [{ type: 'Microsoft.Azure.RecoveryServices.VMSnapshotLinux' }],
    ...overrides,
  });
}
