// The limits and support lists the rules apply, as data with their sources. Where the 2016 guide and
// today's documentation disagree both are kept, so a finding can say what changed.

import type { LinuxDistro } from './os.ts';
import { ENDORSED_DISTROS_DOC, guide2016, prepareToday, supportMatrix, type Sourced } from './sources.ts';

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

/** The Azure platform address the agent talks to; it must never be blocked. */
export const PLATFORM_ADDRESS: Sourced<{ ip: string; ports: readonly number[] }> = {
  value: { ip: '168.63.129.16', ports: [80, 443, 32526] },
  source: prepareToday('Network connectivity'),
};

export type BackupServiceTag = 'Storage' | 'AzureBackup' | 'AzureActiveDirectory';

/** Service tags a locked-down network allows on TCP 443 for backup traffic. */
export const BACKUP_SERVICE_TAGS: Sourced<readonly BackupServiceTag[]> = {
  value: ['Storage', 'AzureBackup', 'AzureActiveDirectory'],
  source: prepareToday('Network connectivity'),
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
