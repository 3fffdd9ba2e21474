// Which operating system a VM runs, from what the guest reports (osName/osVersion) or, failing that,
// from the Marketplace image it was deployed from. The guest wins because an in-place upgrade changes
// the OS but not the image reference.

import type { ImageRef } from './facts.ts';

export type OsFamily = 'windowsServer' | 'windowsClient' | 'linux' | 'unknown';

export type LinuxDistro =
  | 'ubuntu'
  | 'rhel'
  | 'sles'
  | 'opensuse'
  | 'debian'
  | 'centos'
  | 'oracle'
  | 'coreos'
  | 'flatcar'
  | 'almalinux'
  | 'rocky'
  | 'azurelinux';

/** Windows Server versions as users name them: '2008', '2008 R2', '2012', '2012 R2', '2016', … */
export type OsInfo = { family: OsFamily; distro?: LinuxDistro; version?: string };

export function osFrom(image?: ImageRef, osName?: string, osVersion?: string): OsInfo {
  const candidates = [fromGuest(osName, osVersion), fromImage(image), fromWindowsBuild(osVersion)];
  const first = candidates.find((c) => c !== undefined);
  if (!first) return { family: 'unknown' };
  if (first.version) return first;
  // The guest may name the OS without a version ("Windows Server Datacenter"): borrow one that agrees.
  const fill = candidates.find((c) => c?.version && c.family === first.family && c.distro === first.distro);
  return fill?.version ? { ...first, version: fill.version } : first;
}

const SERVER_YEARS = ['2008', '2012', '2016', '2019', '2022', '2025'];

function serverVersion(year: string, r2: boolean): string | undefined {
  if (!SERVER_YEARS.includes(year)) return undefined;
  return r2 && (year === '2008' || year === '2012') ? `${year} R2` : year;
}

function fromGuest(osName?: string, osVersion?: string): OsInfo | undefined {
  if (!osName) return undefined;
  const server = /windows\s+server\D{0,8}?(\d{4})(\s*r2)?/i.exec(osName);
  if (server?.[1]) {
    const version = serverVersion(server[1], Boolean(server[2]));
    return version ? { family: 'windowsServer', version } : { family: 'windowsServer' };
  }
  if (/windows\s+server/i.test(osName)) return { family: 'windowsServer' };
  const client = /^(?:microsoft\s+)?windows\s+(7|8\.1|8|10|11)\b/i.exec(osName.trim());
  if (client?.[1]) return { family: 'windowsClient', version: client[1] };
  const distro = linuxDistroFromText(osName);
  if (distro) return withVersion({ family: 'linux', distro }, osVersion?.trim());
  return undefined;
}

// The Linux agent reports the distribution's os-release ID (e.g. "ubuntu", "rhel", "sles").
const LINUX_NAMES: readonly [RegExp, LinuxDistro][] = [
  [/ubuntu/i, 'ubuntu'],
  [/^(rhel|redhat|red\s*hat)/i, 'rhel'],
  [/opensuse/i, 'opensuse'],
  [/^(sles|suse)/i, 'sles'],
  [/debian/i, 'debian'],
  [/centos/i, 'centos'],
  [/^(ol|oracle)/i, 'oracle'],
  [/flatcar/i, 'flatcar'],
  [/coreos/i, 'coreos'],
  [/alma/i, 'almalinux'],
  [/rocky/i, 'rocky'],
  [/(mariner|azurelinux|azure\s+linux)/i, 'azurelinux'],
];

function linuxDistroFromText(text: string): LinuxDistro | undefined {
  return LINUX_NAMES.find(([pattern]) => pattern.test(text.trim()))?.[1];
}

function fromImage(image?: ImageRef): OsInfo | undefined {
  if (!image) return undefined;
  const publisher = image.publisher.toLowerCase();
  const offer = image.offer.toLowerCase();
  const sku = image.sku.toLowerCase();
  if (publisher === 'microsoftwindowsdesktop') {
    const client = /(?:windows-|win)(7|8\.1|10|11)/.exec(`${offer} ${sku}`);
    return client?.[1] ? { family: 'windowsClient', version: client[1] } : { family: 'windowsClient' };
  }
  if (publisher === 'microsoftwindowsserver') {
    const year = /^(\d{4})(-r2)?(?:-|$)/.exec(sku);
    const version = year?.[1] ? serverVersion(year[1], Boolean(year[2])) : undefined;
    return version ? { family: 'windowsServer', version } : { family: 'windowsServer' };
  }
  // Server products (SQL Server, SharePoint, …) name the Windows Server they run on in the offer: "sql2019-ws2022".
  const ws = /ws(\d{4})(r2)?/.exec(offer);
  if (ws?.[1] && publisher.startsWith('microsoft')) {
    const version = serverVersion(ws[1], Boolean(ws[2]));
    if (version) return { family: 'windowsServer', version };
  }
  const distro = linuxDistroFromImage(publisher, offer);
  return distro ? withVersion({ family: 'linux', distro }, linuxVersionFromImage(distro, offer, sku)) : undefined;
}

function linuxDistroFromImage(publisher: string, offer: string): LinuxDistro | undefined {
  if (publisher === 'canonical') return 'ubuntu';
  if (publisher === 'redhat') return 'rhel';
  if (publisher === 'suse') return offer.includes('opensuse') ? 'opensuse' : 'sles';
  if (publisher === 'debian' || publisher === 'credativ') return 'debian';
  if (publisher === 'openlogic') return offer.includes('centos') ? 'centos' : undefined;
  if (publisher === 'oracle') return offer.includes('oracle-linux') ? 'oracle' : undefined;
  if (publisher === 'coreos') return 'coreos';
  // Flatcar offers contain "corevm": check it before anything that could mistake it for CoreOS.
  if (publisher === 'kinvolk' || offer.includes('flatcar')) return 'flatcar';
  if (publisher === 'almalinux' || offer.includes('almalinux')) return 'almalinux';
  if (offer.includes('rocky')) return 'rocky';
  if (publisher === 'microsoftcblmariner' || offer.includes('azure-linux') || offer.includes('cbl-mariner')) return 'azurelinux';
  return undefined;
}

function linuxVersionFromImage(distro: LinuxDistro, offer: string, sku: string): string | undefined {
  const text = `${offer} ${sku}`;
  switch (distro) {
    case 'ubuntu': {
      // "18.04-LTS", "20_04-lts-gen2", offer "ubuntu-24_04-lts"; older offers name the release only.
      const numbered = /(\d{2})[._](\d{2})/.exec(text);
      if (numbered) return `${numbered[1]}.${numbered[2]}`;
      const codename = CODENAMES.find(([name]) => offer.includes(name));
      return codename?.[1];
    }
    case 'sles':
    case 'opensuse': {
      const sp = /(\d{2})-sp(\d)/.exec(text);
      if (sp) return `${sp[1]} SP${sp[2]}`;
      const leap = /leap-(\d{2})-(\d)/.exec(text);
      return leap ? `${leap[1]}.${leap[2]}` : /sles-(\d{2})\b/.exec(text)?.[1];
    }
    case 'oracle': {
      const ol = /\bol(\d)(\d{1,2})?/.exec(sku);
      if (ol?.[1]) return ol[2] ? `${ol[1]}.${ol[2]}` : ol[1];
      return majorMinor(sku);
    }
    case 'debian':
      return /debian-(\d{1,2})\b/.exec(offer)?.[1] ?? majorMinor(sku);
    case 'azurelinux':
      return /(?:mariner|linux)-(\d)/.exec(text)?.[1];
    default:
      return enterpriseLinuxVersion(sku);
  }
}

const CODENAMES: readonly [string, string][] = [
  ['xenial', '16.04'],
  ['bionic', '18.04'],
  ['focal', '20.04'],
  ['jammy', '22.04'],
  ['noble', '24.04'],
];

/** "7_9" → "7.9", "7.5" → "7.5", "8-lvm-gen2" → "8", "9-gen2" → "9". */
function majorMinor(sku: string): string | undefined {
  const m = /^(\d{1,2})(?:[._](\d{1,2}))?(?!\d)/.exec(sku);
  if (!m?.[1]) return undefined;
  return m[2] ? `${m[1]}.${m[2]}` : m[1];
}

/** RHEL-family SKUs also run the digits together: "86-gen2" → "8.6", "810-gen2" → "8.10". */
function enterpriseLinuxVersion(sku: string): string | undefined {
  const joined = /^([6-9])(\d{1,2})(?=[-_]|$)/.exec(sku);
  if (joined?.[1] && joined[2]) return `${joined[1]}.${joined[2]}`;
  return majorMinor(sku);
}

// The guest's osVersion is "Microsoft Windows NT 6.1.7601.0"-like; the kernel build names the server release.
const SERVER_BUILDS: readonly [RegExp, string][] = [
  [/\b6\.0\.\d+/, '2008'],
  [/\b6\.1\.\d+/, '2008 R2'],
  [/\b6\.2\.\d+/, '2012'],
  [/\b6\.3\.\d+/, '2012 R2'],
  [/\b10\.0\.14393\b/, '2016'],
  [/\b10\.0\.17763\b/, '2019'],
  [/\b10\.0\.20348\b/, '2022'],
  [/\b10\.0\.26100\b/, '2025'],
];

function fromWindowsBuild(osVersion?: string): OsInfo | undefined {
  if (!osVersion || !/windows/i.test(osVersion)) return undefined;
  const version = SERVER_BUILDS.find(([pattern]) => pattern.test(osVersion))?.[1];
  return version ? { family: 'windowsServer', version } : undefined;
}

function withVersion(info: OsInfo, version: string | undefined): OsInfo {
  return version ? { ...info, version } : info;
}
