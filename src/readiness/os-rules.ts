// Operating-system limits: today's support matrix decides (Windows Server 2016–2025 and 64-bit Windows
// 10/11 supported, 2008 R2–2012 R2 limited, older blocked; endorsed Linux except CoreOS), with the 2016
// guide's list beside it (Windows Server 2008 R2 or later, endorsed Linux except CoreOS).

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
import { agreed, guide2016, says, supportMatrix } from './sources.ts';

const SERVER_ORDER = ['2008', '2008 R2', '2012', '2012 R2', '2016', '2019', '2022', '2025'];

export function osOf(facts: Pick<VmFacts, 'image' | 'osName' | 'osVersion'>): OsInfo {
  return osFrom(facts.image, facts.osName, facts.osVersion);
}

function isWindows(facts: VmFacts, os: OsInfo): boolean {
  return os.family === 'windowsServer' || os.family === 'windowsClient' || (os.family === 'unknown' && facts.osType === 'Windows');
}

const OS_READS = ['image', 'osName', 'osVersion', 'osType'] as const;

const WINDOWS_TODAY = supportMatrix('Operating system support (Windows)');
const LIMITATIONS = 'Limitations when backing up and restoring a VM';

const windowsOld = defineRule({
  id: 'os-windows-old',
  title: 'Windows Server version with limited or no support',
  severity: 'blocker',
  reads: OS_READS,
  sources: {
    today: says(WINDOWS_TODAY, 'Windows Server 2016 to 2025 are supported, 2008 R2 to 2012 R2 only in a limited way (agent issues unsupported), and older versions not at all'),
    guide: says(MIN_WINDOWS_SERVER.source, `supported Windows Server ${MIN_WINDOWS_SERVER.value} and later in full`),
  },
  check: (facts) => {
    const os = osOf(facts);
    if (os.family !== 'windowsServer' || os.version === undefined) return undefined;
    const rank = SERVER_ORDER.indexOf(os.version);
    if (rank >= 0 && rank < SERVER_ORDER.indexOf(MIN_WINDOWS_SERVER.value)) {
      return {
        severity: 'blocker',
        message: `Windows Server ${os.version} is older than Windows Server ${MIN_WINDOWS_SERVER.value}: neither the 2016 guide nor today's support matrix supports it.`,
        remediation: 'Upgrade the VM to Windows Server 2016 or later (fully supported today) before protecting it.',
      };
    }
    if (!LIMITED_WINDOWS_SERVER.value.includes(os.version)) return undefined;
    return {
      severity: 'attention',
      message: `Windows Server ${os.version} has only limited backup support today: the Windows VM agent is no longer supported on it, so agent problems (and the backups they break) aren't supported.`,
      remediation: 'Backup can be enabled. Plan an upgrade to Windows Server 2016 or later.',
    };
  },
});

const windowsClient = defineRule({
  id: 'os-windows-client',
  title: 'Windows client version',
  severity: 'blocker',
  reads: OS_READS,
  sources: {
    today: says(SUPPORTED_WINDOWS_CLIENT.source, 'only 64-bit Windows 10 and 11 clients are supported'),
    guide: says(guide2016(LIMITATIONS), 'listed Windows Server versions only'),
  },
  check: (facts) => {
    const os = osOf(facts);
    if (os.family !== 'windowsClient' || os.version === undefined) return undefined;
    if (SUPPORTED_WINDOWS_CLIENT.value.includes(os.version)) {
      return {
        severity: 'info',
        message: `Windows ${os.version} is supported today (64-bit only); the 2016 guide listed only Windows Server.`,
        remediation: 'Nothing to do if the VM runs 64-bit Windows.',
      };
    }
    return {
      severity: 'blocker',
      message: `Windows ${os.version} isn't supported: the support matrix lists only 64-bit Windows 10 and 11 clients.`,
      remediation: 'Upgrade the VM to Windows 10 or 11 (64-bit), or to Windows Server 2016 or later.',
    };
  },
});

const coreos = defineRule({
  id: 'os-linux-coreos',
  title: 'CoreOS',
  severity: 'blocker',
  reads: OS_READS,
  sources: {
    today: says(supportMatrix('Operating system support (Linux)'), "agent-based VM backup doesn't support CoreOS Linux"),
    guide: agreed(UNSUPPORTED_LINUX.source, 'supported the endorsed distributions except CoreOS'),
  },
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

const LINUX_TODAY = supportMatrix('Operating system support (Linux)');

const unendorsed = defineRule({
  id: 'os-linux-unendorsed',
  title: 'Linux distribution not endorsed',
  severity: 'attention',
  reads: OS_READS,
  sources: {
    today: says(LINUX_TODAY, 'other distributions might work if the Linux VM agent and Python are available; endorsed ones are supported'),
    guide: agreed(guide2016(LIMITATIONS), 'said other Linux distributions might work if the VM agent and Python are available'),
  },
  check: (facts) => {
    const os = osOf(facts);
    const reported = unrecognisedLinux(facts, os);
    if (reported !== undefined) {
      // Every endorsed distribution is one osFrom knows, so a name the guest reports that it doesn't know isn't endorsed.
      return {
        severity: 'attention',
        message: `The VM reports its Linux distribution as "${reported}", which isn't on Azure's endorsed list. Backup may work if the VM agent and Python are present.`,
        remediation: 'Check that the VM agent is Ready and Python is installed, or move to an endorsed distribution.',
      };
    }
    if (os.distro === undefined || UNSUPPORTED_LINUX.value.includes(os.distro) || ENDORSED_LINUX.value.includes(os.distro)) return undefined;
    return {
      severity: 'attention',
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
  title: 'Operating system not identified',
  severity: 'info',
  reads: OS_READS,
  sources: {
    today: says(WINDOWS_TODAY, 'Windows Server 2016 to 2025, 64-bit Windows 10 and 11, and the endorsed Linux distributions except CoreOS are supported'),
    guide: says(guide2016(LIMITATIONS), 'supported Windows Server 2008 R2 and later, and the endorsed Linux distributions except CoreOS'),
  },
  check: (facts) => {
    const os = osOf(facts);
    const known = os.family === 'linux' ? os.distro !== undefined : os.family === 'windowsServer' ? os.version !== undefined : os.family !== 'unknown';
    if (known || unrecognisedLinux(facts, os) !== undefined) return undefined;
    const what = facts.osType === 'Windows' ? 'Windows version' : 'Linux distribution';
    return {
      severity: 'info',
      message: `Couldn't tell which ${what} this VM runs (custom image, and the agent hasn't reported it).`,
      remediation: facts.osType === 'Windows'
        ? 'Make sure it is Windows Server 2016 or later (2008 R2 to 2012 R2 have limited support), or 64-bit Windows 10 or 11.'
        : "Make sure it is a 64-bit distribution Azure endorses (not CoreOS), with the VM agent and Python installed.",
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
  title: 'Domain controller restore',
  severity: 'info',
  reads: [...OS_READS, 'tags'],
  sources: {
    today: says(supportMatrix('Support for VM management'), 'restoring a domain controller VM is supported, following the domain controller restore steps'),
    guide: says(guide2016(LIMITATIONS), 'allowed restoring a domain controller of a multi-DC domain only through PowerShell'),
  },
  check: (facts) => {
    const os = osOf(facts);
    if (!isWindows(facts, os) || os.family === 'windowsClient') return undefined;
    const remediation = 'When you restore it, follow the domain controller restore steps (single-DC and multi-DC domains differ).';
    if (taggedAsDomainController(facts.tags)) {
      return {
        severity: 'info',
        message: 'This VM is tagged as a domain controller. Restoring it is supported today, with the domain controller restore steps (the 2016 guide allowed a multi-DC restore only through PowerShell).',
        remediation,
      };
    }
    return {
      severity: 'info',
      message: 'If this VM is a domain controller, restore it with the domain controller restore steps (the 2016 guide allowed a multi-DC restore only through PowerShell).',
      remediation,
    };
  },
});

export const OS_RULES: readonly Rule[] = [windowsOld, windowsClient, coreos, unendorsed, unknownOs, domainController];
