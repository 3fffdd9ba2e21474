// Limits about the VM itself and the vault it would join, one rule each, with what the 2016 guide said
// and what Azure says today. The verdict follows today.

import type { DiskFacts, VmFacts } from './facts.ts';
import { defineRule, type Rule } from './finding.ts';
import { DATA_DISKS_2016, DATA_DISKS_TODAY, DISK_SIZE_TODAY, MIN_VM_SIZE } from './limits.ts';
import { enhancedReasons } from './policy-fit.ts';
import { agreed, AGENT_TROUBLESHOOTING, ENHANCED_POLICY_DOC, guide2016, prepareToday, says, supportMatrix } from './sources.ts';

const LIMITATIONS = 'Limitations when backing up and restoring a VM';

const dataDisks = defineRule({
  id: 'data-disks',
  title: 'Too many data disks',
  severity: 'blocker',
  reads: ['dataDiskCount'],
  sources: {
    today: says(DATA_DISKS_TODAY.source, `the support matrix allows up to ${DATA_DISKS_TODAY.value} disks`),
    guide: says(DATA_DISKS_2016.source, `refused VMs with more than ${DATA_DISKS_2016.value} data disks`),
  },
  check: ({ dataDiskCount: n }) => {
    const today = DATA_DISKS_TODAY.value;
    const then = DATA_DISKS_2016.value;
    if (n > today) {
      return {
        severity: 'blocker',
        message: `This VM has ${n} data disks. Azure Backup accepts at most ${today} today (the 2016 guide's limit was ${then}).`,
        remediation: `Move data so the VM has ${today} data disks or fewer, or back up the extra disks another way (for example Azure Disk Backup).`,
      };
    }
    if (n > then) {
      return {
        severity: 'info',
        message: `This VM has ${n} data disks: the 2016 guide's limit was ${then}; today's limit is ${today}, so it can be backed up.`,
        remediation: 'Nothing to do.',
      };
    }
    return undefined;
  },
});

const TB = 1024;
const diskLabel = (d: DiskFacts) => (d.lun === undefined ? `OS disk ${d.name}` : `data disk ${d.name} (LUN ${d.lun})`);

const diskSize = defineRule({
  id: 'disk-size',
  title: 'Disks larger than backup supports',
  severity: 'blocker',
  reads: ['disks'],
  sources: {
    today: says(
      DISK_SIZE_TODAY.source,
      `each disk can be up to ${DISK_SIZE_TODAY.value.perDiskGB / TB} TB and all disks of a VM up to ${DISK_SIZE_TODAY.value.perVmGB / TB} TB together`,
    ),
  },
  check: ({ disks }) => {
    const { perDiskGB, perVmGB } = DISK_SIZE_TODAY.value;
    const big = disks.filter((d) => (d.sizeGB ?? 0) > perDiskGB);
    const total = disks.reduce((sum, d) => sum + (d.sizeGB ?? 0), 0);
    if (big.length === 0 && total <= perVmGB) return undefined;
    const parts = [
      ...big.map((d) => `${diskLabel(d)} is ${d.sizeGB ?? 0} GB`),
      ...(total > perVmGB ? [`its disks add up to ${total} GB`] : []),
    ];
    return {
      severity: 'blocker',
      message: `Azure Backup can't protect this VM: ${parts.join('; ')}. The limits are ${perDiskGB / TB} TB per disk and ${perVmGB / TB} TB per VM.`,
      remediation: 'Shrink or split the data, or back up the large disks another way (Azure Disk Backup) and exclude them with selective disk backup.',
    };
  },
});

const vmSize = defineRule({
  id: 'vm-size',
  title: 'VM size below the supported minimum',
  severity: 'attention',
  reads: ['size', 'sizeSpec'],
  sources: { today: says(MIN_VM_SIZE.source, `the support matrix covers VMs with at least ${MIN_VM_SIZE.value.cores} cores and 1 GB of memory`) },
  check: ({ size, sizeSpec }) => {
    if (!sizeSpec) return undefined;
    const { cores, memoryMB } = MIN_VM_SIZE.value;
    if (sizeSpec.cores >= cores && sizeSpec.memoryMB >= memoryMB) return undefined;
    return {
      severity: 'attention',
      message: `${size} has ${sizeSpec.cores} core${sizeSpec.cores === 1 ? '' : 's'} and ${sizeSpec.memoryMB / 1024} GB of memory. Azure accepts protection, but the support matrix covers only VMs with at least ${cores} cores and 1 GB: backups may be slow or fail, and such failures aren't supported.`,
      remediation: `Resize the VM to a size with at least ${cores} cores and 1 GB of memory, or accept the risk.`,
    };
  },
});

const enhancedPolicy = defineRule({
  id: 'enhanced-policy',
  title: 'Needs an Enhanced policy',
  severity: 'info',
  reads: ['securityType', 'disks'],
  sources: {
    today: says(ENHANCED_POLICY_DOC, 'Ultra Disk and Premium SSD v2 need the Enhanced policy, and so do Trusted Launch VMs unless protection is enabled with backup API 2025-01-01 or later'),
  },
  check: (facts, vault) => {
    const reasons = enhancedReasons(facts, vault.backupApiVersion);
    if (reasons.length === 0) return undefined;
    return {
      severity: 'info',
      message: `This VM needs an Enhanced backup policy (${reasons.join('; ')}). Azure refuses to protect it with a Standard policy.`,
      remediation: 'Choose or create an Enhanced policy on the Policy step before enabling backup. A VM moved to Enhanced cannot go back to Standard.',
    };
  },
});

const confidentialVm = defineRule({
  id: 'confidential-vm',
  title: 'Confidential VM',
  severity: 'blocker',
  reads: ['securityType'],
  sources: { today: says(supportMatrix('VM compute support'), 'backup of confidential VMs is unsupported (the limited preview was discontinued)') },
  check: ({ securityType }) =>
    securityType?.toLowerCase() !== 'confidentialvm' ? undefined : {
      severity: 'blocker',
      message: "This is a confidential VM. Azure VM backup doesn't support confidential VMs.",
      remediation: 'Protect its data another way (for example Azure Disk Backup of its disks, or a backup inside the guest).',
    },
});

const region = defineRule({
  id: 'region',
  title: "Vault in another region",
  severity: 'blocker',
  reads: ['location'],
  sources: {
    today: says(supportMatrix('Supported backup actions'), 'backing up a VM to a different region is not supported'),
    guide: agreed(guide2016(LIMITATIONS), 'required the vault to be in the same location as the VM'),
  },
  check: (vm, vault) =>
    sameRegion(vm.location, vault.location) ? undefined : {
      severity: 'blocker',
      message: `The VM is in ${vm.location} but vault ${vault.name} is in ${vault.location}. A vault only protects VMs in its own region.`,
      remediation: `Use a Recovery Services vault in ${vm.location} for this VM (create one if needed).`,
    },
});

const subscription = defineRule({
  id: 'subscription',
  title: 'Vault in another subscription',
  severity: 'blocker',
  reads: ['subscriptionId'],
  sources: { today: says(supportMatrix('Supported backup actions'), 'VMs must be in the same subscription as the vault') },
  check: (vm, vault) =>
    sameId(vm.subscriptionId, vault.subscriptionId) ? undefined : {
      severity: 'blocker',
      message: `The VM is in subscription ${vm.subscriptionId}, not in the vault's subscription ${vault.subscriptionId}. A vault only protects VMs in its own subscription.`,
      remediation: "Use a vault in the VM's subscription.",
    },
});

const protectedElsewhere = defineRule({
  id: 'protected-elsewhere',
  title: 'Protected by another vault',
  severity: 'blocker',
  reads: ['protection'],
  sources: { today: says(supportMatrix(), 'a VM is backed up by one vault only') },
  check: ({ protection }, vault) => {
    if (protection.state === 'unknown') {
      return {
        severity: 'info',
        message: "Couldn't check whether this VM is already backed up by a vault.",
        remediation: 'If it is, enabling backup will fail with VirtualMachineAlreadyProtected; the enable step reports it.',
      };
    }
    if (protection.state === 'unprotected') return undefined;
    if (protection.vaultId === undefined || sameId(protection.vaultId, vault.id)) {
      return {
        severity: 'info',
        message: `Already protected by this vault (${vault.name}).`,
        remediation: 'Nothing to do: it keeps its current policy unless you change it.',
      };
    }
    const other = protection.vaultName ?? vaultNameFromId(protection.vaultId);
    return {
      severity: 'blocker',
      message: `Already protected by vault ${other}. A VM can be protected by only one vault.`,
      remediation: `Manage its backup in ${other}, or stop protection there first (keeping or deleting its backup data).`,
    };
  },
});

const specialNetwork = defineRule({
  id: 'special-network',
  title: 'Special network configuration',
  severity: 'info',
  reads: ['behindLoadBalancer', 'nicCount', 'staticPublicIpCount'],
  sources: {
    today: says(supportMatrix('VM network support'), 'load balancers, several NICs and several reserved IPs are supported; a restored VM gets a dynamic IP'),
    guide: says(guide2016(LIMITATIONS), 'allowed restoring such VMs only through PowerShell'),
  },
  check: (vm) => {
    const parts = [
      vm.behindLoadBalancer ? 'behind a load balancer' : '',
      vm.nicCount > 1 ? `${vm.nicCount} network adapters` : '',
      vm.staticPublicIpCount > 1 ? `${vm.staticPublicIpCount} static public IP addresses` : '',
    ].filter(Boolean);
    if (parts.length === 0) return undefined;
    return {
      severity: 'info',
      message: `Special network configuration (${parts.join('; ')}). Backup works, but a VM restored with "Create new" won't have it.`,
      remediation: 'To keep it on restore, restore the disks and create the VM with PowerShell (or a template), then attach the network configuration.',
    };
  },
});

const offline = defineRule({
  id: 'offline',
  title: 'Backed up offline',
  severity: 'info',
  area: 'agent',
  reads: ['powerState'],
  sources: {
    today: says(supportMatrix('Supported backup actions'), 'a VM that is shut down is backed up, crash-consistent only'),
    guide: agreed(guide2016('Backup extension'), 'backed up a VM that is turned off as an offline VM, crash-consistent'),
  },
  check: ({ powerState }) =>
    powerState !== 'stopped' && powerState !== 'deallocated' ? undefined : {
      severity: 'info',
      message: `The VM is ${powerState}: it will be backed up offline, and its recovery points will be crash-consistent, not application-consistent.`,
      remediation: 'Keep the VM running during the backup window for application-consistent recovery points.',
    },
});

const powerTransition = defineRule({
  id: 'power-transition',
  title: 'VM changing power state',
  severity: 'attention',
  area: 'agent',
  reads: ['powerState'],
  sources: { today: says(AGENT_TROUBLESHOOTING, 'a backup taken while the VM changes state fails with UserErrorVmNotInDesirableState') },
  check: ({ powerState }) =>
    powerState !== 'starting' && powerState !== 'stopping' && powerState !== 'deallocating' ? undefined : {
      severity: 'attention',
      message: `The VM is ${powerState}. A backup taken while it changes state fails (UserErrorVmNotInDesirableState).`,
      remediation: 'Wait until it is running or stopped, then check again.',
    },
});

const BACKUP_EXTENSION = /(^|\.)vmsnapshot(linux)?$/i;

function failed(ext: VmFacts['extensions'][number]): boolean {
  const s = ext.status;
  return ext.provisioningState?.toLowerCase() === 'failed' ||
    s?.level?.toLowerCase() === 'error' ||
    /failed/i.test(s?.code ?? '') ||
    /failed/i.test(s?.displayStatus ?? '');
}

const EXTENSION_TODAY = says(AGENT_TROUBLESHOOTING, 'a failed backup extension is uninstalled and the next backup reinstalls it');

const backupExtension = defineRule({
  id: 'backup-extension',
  title: 'Backup extension failed',
  severity: 'attention',
  area: 'agent',
  reads: ['extensions', 'osType'],
  sources: {
    today: says(prepareToday('Apply a backup policy'), 'Azure Backup installs the extension when backup is enabled, whatever the VM\'s running state'),
    guide: agreed(guide2016('Backup extension'), 'had the Backup service install the extension'),
  },
  check: ({ extensions, osType }) => {
    const name = osType === 'Windows' ? 'VMSnapshot' : 'VMSnapshotLinux';
    const ext = extensions.find((e) => BACKUP_EXTENSION.test(e.type));
    if (!ext) {
      return {
        severity: 'info',
        message: `The backup extension (${name}) isn't installed yet. Azure Backup installs it when backup is enabled.`,
        remediation: 'Nothing to do, as long as the VM agent is ready.',
      };
    }
    if (!failed(ext)) return undefined;
    return {
      severity: 'attention',
      message: `The backup extension (${name}) is in a failed state, so backups may fail.`,
      remediation: `Uninstall the ${name} extension from the VM (portal: Extensions + applications); the next backup reinstalls it.`,
      sources: { today: EXTENSION_TODAY },
    };
  },
});

const otherExtensionFailed = defineRule({
  id: 'extension-failed',
  title: 'Another extension failed',
  severity: 'attention',
  area: 'agent',
  reads: ['extensions'],
  sources: { today: says(AGENT_TROUBLESHOOTING, 'a failed extension leaves the VM in a Failed state and backups fail (UserErrorVmProvisioningStateFailed)') },
  check: ({ extensions }) => {
    const broken = extensions.filter((e) => !BACKUP_EXTENSION.test(e.type) && failed(e)).map((e) => e.type);
    if (broken.length === 0) return undefined;
    return {
      severity: 'attention',
      message: `Extension ${broken.join(', ')} failed. A failed extension can leave the VM in a Failed state, and backups then fail (UserErrorVmProvisioningStateFailed).`,
      remediation: 'Fix or remove the failed extension until every extension shows "Provisioning succeeded".',
    };
  },
});

export const VM_RULES: readonly Rule[] = [
  region,
  subscription,
  protectedElsewhere,
  confidentialVm,
  dataDisks,
  diskSize,
  vmSize,
  enhancedPolicy,
  powerTransition,
  offline,
  backupExtension,
  otherExtensionFailed,
  specialNetwork,
];

function sameRegion(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();
  return norm(a) === norm(b);
}

function sameId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function vaultNameFromId(id: string): string {
  return /\/vaults\/([^/]+)/i.exec(id)?.[1] ?? id;
}
