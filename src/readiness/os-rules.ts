// Operating-system limits: the 2016 guide's (Windows Server 2008 R2 or later, endorsed Linux except
// CoreOS) with today's support matrix layered on top (2008 R2–2012 R2 "limited", Windows 10/11 clients).

import type { VmFacts } from './facts.ts';
import { defineRule, type Rule } from './finding.ts';
import {
  distroName,
  ENDORSED_LINUX,
  LIMITED_WINDOWS_SERVER,
  MIN_WINDOWS_SERVER,
  SUPPORTED_WINDOWS_CLIENT,
  UNSUPPORTED_LINUX,
} from './limits.ts';
import { osFrom, type OsInfo } from './os.ts';
import { guide2016, supportMatrix } from './sources.ts';

const SERVER_ORDER = ['2008', '2008 R2', '2012', '2012 R2', '2016', '2019', '2022', '2025'];

export function osOf(facts: Pick<VmFacts, 'image' | 'osName' | 'osVersion'>): OsInfo {
  return osFrom(facts.image, facts.osName, facts.osVersion);
}

function isWindows(facts: VmFacts, os: OsInfo): boolean {
  return os.family === 'windowsServer' || os.family === 'windowsClient' || (os.family === 'unknown' && facts.osType === 'Windows');
}

const OS_READS = ['image', 'osName', 'osVersion', 'osType'] as const;

const windowsOld = defineRule({
  id: 'os-windows-old',
  severity: 'blocker',
  reads: OS_READS,
  source: MIN_WINDOWS_SERVER.source,
  check: (facts) => {
    const os = osOf(facts);
    if (os.family !== 'windowsServer' || os.version === undefined) return undefined;
    const rank = SERVER_ORDER.indexOf(os.version);
    if (rank >= 0 && rank < SERVER_ORDER.indexOf(MIN_WINDOWS_SERVER.value)) {
      return {
        severity: 'blocker',
        message: `Windows Server ${os.version} is older than Windows Server ${MIN_WINDOWS_SERVER.value}, the oldest version the guide supports.`,
        remediation: 'Upgrade the VM to Windows Server 2016 or later (fully supported today) before protecting it.',
      };
    }
    if (!LIMITED_WINDOWS_SERVER.value.includes(os.version)) return undefined;
    return {
      severity: 'warning',
      message: `Windows Server ${os.version} has only limited backup support today: agent problems on it aren't supported.`,
      remediation: 'Backup can be enabled. Plan an upgrade to Windows Server 2016 or later.',
      source: LIMITED_WINDOWS_SERVER.source,
    };
  },
});

const windowsClient = defineRule({
  id: 'os-windows-client',
  severity: 'warning',
  reads: OS_READS,
  source: SUPPORTED_WINDOWS_CLIENT.source,
  check: (facts) => {
    const os = osOf(facts);
    if (os.family !== 'windowsClient' || os.version === undefined) return undefined;
    if (SUPPORTED_WINDOWS_CLIENT.value.includes(os.version)) return undefined;
    return {
      severity: 'warning',
      message: `Windows ${os.version} isn't in the support matrix (only 64-bit Windows 10 and 11 clients are).`,
      remediation: 'Upgrade the VM to a supported Windows version; backups may fail otherwise.',
    };
  },
});

const coreos = defineRule({
  id: 'os-linux-coreos',
  severity: 'blocker',
  reads: OS_READS,
  source: UNSUPPORTED_LINUX.source,
  check: (facts) => {
    const os = osOf(facts);
    if (os.distro === undefined || !UNSUPPORTED_LINUX.value.includes(os.distro)) return undefined;
    return {
      severity: 'blocker',
      message: `Azure Backup doesn't support ${distroName(os.distro)}.`,
      remediation: 'Move the workload to an endorsed distribution (Flatcar Container Linux is the endorsed successor of CoreOS).',
    };
  },
});

const unendorsed = defineRule({
  id: 'os-linux-unendorsed',
  severity: 'warning',
  reads: OS_READS,
  source: supportMatrix('Operating system support (Linux)'),
  check: (facts) => {
    const os = osOf(facts);
    const reported = unrecognisedLinux(facts, os);
    if (reported !== undefined) {
      // Every endorsed distribution is one osFrom knows, so a name the guest reports that it doesn't know isn't endorsed.
      return {
        severity: 'warning',
        message: `The VM reports its Linux distribution as "${reported}", which isn't on Azure's endorsed list. Backup may work if the VM agent and Python are present.`,
        remediation: 'Check that the VM agent is Ready and Python is installed, or move to an endorsed distribution.',
      };
    }
    if (os.distro === undefined || UNSUPPORTED_LINUX.value.includes(os.distro) || ENDORSED_LINUX.value.includes(os.distro)) return undefined;
    return {
      severity: 'warning',
      message: `${distroName(os.distro)} isn't on Azure's endorsed list. Backup may work if the VM agent and Python are present.`,
      remediation: 'Check that the VM agent is Ready and Python is installed, or move to an endorsed distribution.',
    };
  },
});

/** The distribution name a Linux guest reported, when it is none osFrom recognises. */
function unrecognisedLinux(facts: VmFacts, os: OsInfo): string | undefined {
  const name = facts.osName?.trim();
  if (facts.osType !== 'Linux' || os.distro !== undefined || name === undefined || name === '') return undefined;
  return os.family === 'unknown' || os.family === 'linux' ? name : undefined;
}

const unknownOs = defineRule({
  id: 'os-unknown',
  severity: 'info',
  reads: OS_READS,
  source: guide2016('Limitations when backing up and restoring a VM'),
  check: (facts) => {
    const os = osOf(facts);
    const known = os.family === 'linux' ? os.distro !== undefined : os.family === 'windowsServer' ? os.version !== undefined : os.family !== 'unknown';
    if (known || unrecognisedLinux(facts, os) !== undefined) return undefined;
    const what = facts.osType === 'Windows' ? 'Windows version' : 'Linux distribution';
    return {
      severity: 'info',
      message: `Couldn't tell which ${what} this VM runs (custom image, and the agent hasn't reported it).`,
      remediation: facts.osType === 'Windows'
        ? 'Make sure it is Windows Server 2008 R2 or later (2016 or later for full support).'
        : "Make sure it is a distribution Azure endorses (not CoreOS), with the VM agent and Python installed.",
    };
  },
});

const DC_PHRASE = /domain[\s_-]*controller/i;
const DC_ROLE = /^(dc|ad|adds|ad[\s_-]ds|active[\s_-]directory)$/i;

/** Tags such as `role: domain-controller`, `server-role: DC` or a `DomainController` tag. */
export function taggedAsDomainController(tags: Record<string, string>): boolean {
  return Object.entries(tags).some(
    ([key, value]) => DC_PHRASE.test(key) || DC_PHRASE.test(value) || (/role/i.test(key) && DC_ROLE.test(value.trim())),
  );
}

const domainController = defineRule({
  id: 'domain-controller',
  severity: 'info',
  reads: [...OS_READS, 'tags'],
  source: guide2016('Limitations when backing up and restoring a VM'),
  check: (facts) => {
    const os = osOf(facts);
    if (!isWindows(facts, os) || os.family === 'windowsClient') return undefined;
    const remediation = 'To restore it, restore the disks and create the VM with PowerShell, then follow the domain controller restore steps.';
    if (taggedAsDomainController(facts.tags)) {
      return {
        severity: 'info',
        message: 'This VM is tagged as a domain controller. If its domain has other domain controllers, it can be restored only through PowerShell.',
        remediation,
      };
    }
    return {
      severity: 'info',
      message: 'If this VM is a domain controller in a domain with several domain controllers, it can be restored only through PowerShell.',
      remediation,
    };
  },
});

export const OS_RULES: readonly Rule[] = [windowsOld, windowsClient, coreos, unendorsed, unknownOs, domainController];
