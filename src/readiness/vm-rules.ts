// The guide's limitations about the VM itself and the vault it would join, one rule each.

import type { VmFacts } from './facts.ts';
import { defineRule, type Rule } from './finding.ts';
import { DATA_DISKS_2016, DATA_DISKS_TODAY } from './limits.ts';
import { AGENT_TROUBLESHOOTING, guide2016, supportMatrix } from './sources.ts';

const LIMITATIONS = 'Limitations when backing up and restoring a VM';

const dataDisks = defineRule({
  id: 'data-disks',
  severity: 'blocker',
  reads: ['dataDiskCount'],
  source: DATA_DISKS_TODAY.source,
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
        source: DATA_DISKS_2016.source,
      };
    }
    return undefined;
  },
});

const region = defineRule({
  id: 'region',
  severity: 'blocker',
  reads: ['location'],
  source: guide2016(LIMITATIONS),
  check: (vm, vault) =>
    sameRegion(vm.location, vault.location) ? undefined : {
      severity: 'blocker',
      message: `The VM is in ${vm.location} but vault ${vault.name} is in ${vault.location}. A vault only protects VMs in its own region.`,
      remediation: `Use a Recovery Services vault in ${vm.location} for this VM (create one if needed).`,
    },
});

const subscription = defineRule({
  id: 'subscription',
  severity: 'blocker',
  reads: ['subscriptionId'],
  source: supportMatrix('Supported backup actions'),
  check: (vm, vault) =>
    sameId(vm.subscriptionId, vault.subscriptionId) ? undefined : {
      severity: 'blocker',
      message: `The VM is in subscription ${vm.subscriptionId}, not in the vault's subscription ${vault.subscriptionId}. A vault only protects VMs in its own subscription.`,
      remediation: "Use a vault in the VM's subscription.",
    },
});

const protectedElsewhere = defineRule({
  id: 'protected-elsewhere',
  severity: 'blocker',
  reads: ['protection'],
  source: supportMatrix(),
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
  severity: 'info',
  reads: ['behindLoadBalancer', 'nicCount', 'staticPublicIpCount'],
  source: guide2016(LIMITATIONS),
  check: (vm) => {
    const parts = [
      vm.behindLoadBalancer ? 'behind a load balancer' : '',
      vm.nicCount > 1 ? `${vm.nicCount} network adapters` : '',
      vm.staticPublicIpCount > 1 ? `${vm.staticPublicIpCount} static public IP addresses` : '',
    ].filter(Boolean);
    if (parts.length === 0) return undefined;
    return {
      severity: 'info',
      message: `Special network configuration (${parts.join('; ')}). Backup works, but a VM restored from the portal won't have it.`,
      remediation: 'To keep it on restore, restore the disks and create the VM with PowerShell (or a template).',
    };
  },
});

const offline = defineRule({
  id: 'offline',
  severity: 'info',
  reads: ['powerState'],
  source: guide2016('Backup extension'),
  check: ({ powerState }) =>
    powerState !== 'stopped' && powerState !== 'deallocated' ? undefined : {
      severity: 'info',
      message: `The VM is ${powerState}: it will be backed up offline, and its recovery points will be crash-consistent, not application-consistent.`,
      remediation: 'Keep the VM running during the backup window for application-consistent recovery points.',
    },
});

const powerTransition = defineRule({
  id: 'power-transition',
  severity: 'warning',
  reads: ['powerState'],
  source: AGENT_TROUBLESHOOTING,
  check: ({ powerState }) =>
    powerState !== 'starting' && powerState !== 'stopping' && powerState !== 'deallocating' ? undefined : {
      severity: 'warning',
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

const backupExtension = defineRule({
  id: 'backup-extension',
  severity: 'warning',
  reads: ['extensions', 'osType'],
  source: guide2016('Backup extension'),
  check: ({ extensions, osType }) => {
    const name = osType === 'Windows' ? 'VMSnapshot' : 'VMSnapshotLinux';
    const ext = extensions.find((e) => BACKUP_EXTENSION.test(e.type));
    if (!ext) {
      return {
        severity: 'info',
        message: `The backup extension (${name}) isn't installed yet. Azure Backup installs it at the first backup.`,
        remediation: 'Nothing to do, as long as the VM agent is ready.',
      };
    }
    if (!failed(ext)) return undefined;
    return {
      severity: 'warning',
      message: `The backup extension (${name}) is in a failed state, so backups may fail.`,
      remediation: `Uninstall the ${name} extension from the VM (portal: Extensions + applications); the next backup reinstalls it.`,
      source: AGENT_TROUBLESHOOTING,
    };
  },
});

const otherExtensionFailed = defineRule({
  id: 'extension-failed',
  severity: 'warning',
  reads: ['extensions'],
  source: AGENT_TROUBLESHOOTING,
  check: ({ extensions }) => {
    const broken = extensions.filter((e) => !BACKUP_EXTENSION.test(e.type) && failed(e)).map((e) => e.type);
    if (broken.length === 0) return undefined;
    return {
      severity: 'warning',
      message: `Extension ${broken.join(', ')} failed. A failed extension can leave the VM in a Failed state, and backups then fail (UserErrorVmProvisioningStateFailed).`,
      remediation: 'Fix or remove the failed extension until every extension shows "Provisioning succeeded".',
    };
  },
});

export const VM_RULES: readonly Rule[] = [
  region,
  subscription,
  protectedElsewhere,
  dataDisks,
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
