// The limits and support lists the rules apply, as data with their sources. Where the 2016 guide and
// today's documentation disagree both are kept, so a finding can say what changed.

import type { OsType } from './facts.ts';
import type { LinuxDistro } from './os.ts';
import {
  AGENT_VERSIONS_DOC,
  AGENTLESS_DOC,
  ENDORSED_DISTROS_DOC,
  ENHANCED_POLICY_DOC,
  EXTENSIONS_NETWORK_DOC,
  guide2016,
  supportMatrix,
  type Sourced,
} from './sources.ts';

export const DATA_DISKS_2016: Sourced<number> = {
  value: 16,
  source: guide2016('Limitations when backing up and restoring a VM'),
};

export const DATA_DISKS_TODAY: Sourced<number> = {
  value: 32,
  source: supportMatrix('VM storage support'),
};

/** Product Version of C:\WindowsAzure\Packages\WaAppAgent.exe; today's prepare article still gives it. */
export const MIN_WINDOWS_AGENT: Sourced<string> = {
  value: '2.6.1198.718',
  source: guide2016('Install the VM Agent on the virtual machine'),
};

/** The oldest agents Microsoft supports today, per OS (KB 4049215). The Linux one is the goal-state agent's version. */
export const MIN_AGENT_TODAY: Sourced<Readonly<Record<OsType, string>>> = {
  value: { Windows: '2.7.41491.1010', Linux: '2.2.53.1' },
  source: AGENT_VERSIONS_DOC,
};

/** Per disk and per VM, in GiB as ARM reports diskSizeGB (64 TB and 512 TB). */
export const DISK_SIZE_TODAY: Sourced<{ perDiskGB: number; perVmGB: number }> = {
  value: { perDiskGB: 64 * 1024, perVmGB: 512 * 1024 },
  source: supportMatrix('VM storage support'),
};

/** "You can back up any Azure VM that has at least two CPU cores and 1 GB of RAM." */
export const MIN_VM_SIZE: Sourced<{ cores: number; memoryMB: number }> = {
  value: { cores: 2, memoryMB: 1024 },
  source: supportMatrix('VM compute support'),
};

/** Managed-disk SKUs the Standard policy can't protect. */
export const ENHANCED_ONLY_DISKS: Sourced<Readonly<Record<string, string>>> = {
  value: { ultrassd_lrs: 'Ultra Disk', premiumv2_lrs: 'Premium SSD v2' },
  source: supportMatrix('VM storage support'),
};

/** Trusted Launch VMs take a Standard policy only from this backup REST API version on; before it, Enhanced only. */
export const TRUSTED_LAUNCH_STANDARD_FROM: Sourced<string> = {
  value: '2025-01-01',
  source: ENHANCED_POLICY_DOC,
};

/**
 * Agentless crash-consistent backup: Enhanced only, premium-storage sizes ("s" in the name), not Azure Boost
 * sizes (Intel v6 and later, AMD v7 and later), and none of these disks.
 */
export const AGENTLESS_LIMITS: Sourced<{ intelFrom: number; amdFrom: number; disks: readonly string[] }> = {
  value: { intelFrom: 6, amdFrom: 7, disks: ['Ultra Disk', 'Premium SSD v2', 'write-accelerated', 'shared', 'ephemeral OS'] },
  source: AGENTLESS_DOC,
};

/** Platform-image partners on the endorsed page (CentOS and openSUSE, endorsed in 2016, are gone). */
export const ENDORSED_LINUX: Sourced<readonly LinuxDistro[]> = {
  value: ['almalinux', 'ubuntu', 'debian', 'flatcar', 'oracle', 'rhel', 'rocky', 'sles'],
  source: ENDORSED_DISTROS_DOC,
};

export const UNSUPPORTED_LINUX: Sourced<readonly LinuxDistro[]> = {
  value: ['coreos'],
  source: guide2016('Limitations when backing up and restoring a VM'),
};

/** The guide: "Versions older than Windows Server 2008 R2 are not supported." */
export const MIN_WINDOWS_SERVER: Sourced<string> = {
  value: '2008 R2',
  source: guide2016('Limitations when backing up and restoring a VM'),
};

/** Supported today, but with agent issues unsupported ("limited" support). */
export const LIMITED_WINDOWS_SERVER: Sourced<readonly string[]> = {
  value: ['2008 R2', '2012', '2012 R2'],
  source: supportMatrix('Operating system support (Windows)'),
};

export const SUPPORTED_WINDOWS_CLIENT: Sourced<readonly string[]> = {
  value: ['10', '11'],
  source: supportMatrix('Operating system support (Windows)'),
};

export type PlatformPort = 80 | 443 | 32526;

/**
 * The Azure platform address (WireServer and the HostGAPlugin). Extensions fail without 80 and 32526
 * whatever else is open; 443 counts where the guide's path (an HTTP proxy) is used.
 */
export const PLATFORM_ADDRESS: Sourced<{ ip: string; ports: readonly PlatformPort[]; requiredPorts: readonly PlatformPort[] }> = {
  value: { ip: '168.63.129.16', ports: [80, 32526, 443], requiredPorts: [80, 32526] },
  source: EXTENSIONS_NETWORK_DOC,
};

export type BackupServiceTag = 'Storage' | 'AzureBackup' | 'AzureActiveDirectory';

/**
 * Service tags the guide's allow-list becomes today, on TCP 443. Today they are documented for in-guest
 * workloads (MARS, SQL and SAP HANA in a VM), not for VM snapshots.
 */
export const BACKUP_SERVICE_TAGS: Sourced<readonly BackupServiceTag[]> = {
  value: ['Storage', 'AzureBackup', 'AzureActiveDirectory'],
  source: guide2016('Network connectivity'),
};

/** The guide's backup path: "the backup extension … sends the snapshot management commands to Azure Storage using an HTTPS API". */
export const BACKUP_PATH: Sourced<readonly ('Storage' | 'Internet')[]> = {
  value: ['Storage'],
  source: guide2016('Using an HTTP proxy for VM backups'),
};

const DISTRO_NAMES: Record<LinuxDistro, string> = {
  ubuntu: 'Ubuntu',
  rhel: 'Red Hat Enterprise Linux',
  sles: 'SUSE Linux Enterprise Server',
  opensuse: 'openSUSE',
  debian: 'Debian',
  centos: 'CentOS',
  oracle: 'Oracle Linux',
  coreos: 'CoreOS',
  flatcar: 'Flatcar Container Linux',
  almalinux: 'AlmaLinux',
  rocky: 'Rocky Linux',
  azurelinux: 'Azure Linux (CBL-Mariner)',
};

export function distroName(distro: LinuxDistro): string {
  return DISTRO_NAMES[distro];
}
