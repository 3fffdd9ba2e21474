// The values a security rule's address and port fields accept, checked the way the network RP
// does: '*', a service tag (optionally regional, "Storage.westeurope"), an IP address, or a CIDR
// prefix whose host bits are zero ("20.20.20.20/16" is refused); ports '*', "N" or "N-M" in 0-65535.
import { isIPv4, isIPv6 } from 'node:net';

// Service tags a rule may name (case-insensitive). Not the full Azure list: the ones an NSG for VM
// backup, monitoring or common platform traffic plausibly uses. Others are refused as invalid prefixes.
const SERVICE_TAGS = [
  'Internet', 'VirtualNetwork', 'AzureLoadBalancer', 'AzureCloud', 'Storage', 'Sql', 'AzureBackup',
  'AzureActiveDirectory', 'AzureMonitor', 'AzureKeyVault', 'EventHub', 'ServiceBus', 'AzureCosmosDB',
  'AzureContainerRegistry', 'MicrosoftContainerRegistry', 'AppService', 'ApiManagement', 'AzureResourceManager',
  'AzureSiteRecovery', 'GuestAndHybridManagement', 'AzureTrafficManager', 'GatewayManager', 'AzureUpdateDelivery',
  'AzurePlatformDNS', 'AzurePlatformIMDS', 'AzurePlatformLMS', 'AzureFrontDoor.Frontend', 'AzureFrontDoor.Backend',
  'AzureFrontDoor.FirstParty', 'WindowsVirtualDesktop', 'AzureDevOps', 'AzureDatabricks', 'AzureMachineLearning',
  'BatchNodeManagement', 'DataFactory', 'LogicApps', 'PowerBI', 'HDInsight',
];
// These three never take a region suffix.
const GLOBAL_ONLY = ['internet', 'virtualnetwork', 'azureloadbalancer'];
const byLower = new Map(SERVICE_TAGS.map((t) => [t.toLowerCase(), t]));

/** The canonical tag name ("Storage.westeurope" → "Storage"), or undefined if the value is no tag. */
export function serviceTagBase(value: string): string | undefined {
  const exact = byLower.get(value.toLowerCase());
  if (exact !== undefined) return exact;
  const dot = value.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const base = byLower.get(value.slice(0, dot).toLowerCase());
  const region = value.slice(dot + 1);
  if (base === undefined || GLOBAL_ONLY.includes(base.toLowerCase()) || !/^[a-z][a-z0-9]*$/i.test(region)) return undefined;
  return base;
}

function ipv4ToBigInt(ip: string): bigint {
  return ip.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

function ipv6ToBigInt(ip: string): bigint {
  let text = ip;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (v4 !== undefined) {
    const n = ipv4ToBigInt(v4);
    text = `${text.slice(0, -v4.length)}${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const [head = '', tail] = text.split('::', 2) as [string, string?];
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const zeros = tail === undefined ? [] : Array.from({ length: 8 - left.length - right.length }, () => '0');
  return [...left, ...zeros, ...right].reduce((acc, group) => (acc << 16n) | BigInt(parseInt(group, 16)), 0n);
}

/** An IP address or a CIDR prefix with its host bits zero. */
export function isIpOrCidr(value: string): boolean {
  const slash = value.indexOf('/');
  if (slash < 0) return isIPv4(value) || isIPv6(value);
  const address = value.slice(0, slash);
  const lengthText = value.slice(slash + 1);
  if (!/^\d{1,3}$/.test(lengthText)) return false;
  const length = Number(lengthText);
  const bits = isIPv4(address) ? 32 : isIPv6(address) ? 128 : 0;
  if (bits === 0 || length > bits) return false;
  const n = bits === 32 ? ipv4ToBigInt(address) : ipv6ToBigInt(address);
  const hostMask = (1n << BigInt(bits - length)) - 1n;
  return (n & hostMask) === 0n;
}

export function isPortRange(value: string): boolean {
  if (value === '*') return true;
  const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(value);
  if (!m) return false;
  const low = Number(m[1]);
  const high = m[2] === undefined ? low : Number(m[2]);
  return low <= high && high <= 65535;
}
