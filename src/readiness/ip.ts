// Just enough IPv4 to reason about NSG prefixes: parse, contain, and tell private from public.

/** Strict dotted quad: four 0–255 numbers, no leading zeros (they'd be read as octal by some tools). */
export function parseIpv4(text: string): number | undefined {
  const parts = text.trim().split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    value = value * 256 + n;
  }
  return value;
}

export type Ipv4Range = { first: number; last: number };

/** "10.0.0.0/8" or a bare address (a /32). Undefined for tags, IPv6 and anything malformed. */
export function parseIpv4Prefix(text: string): Ipv4Range | undefined {
  const [address, bits, extra] = text.trim().split('/');
  if (address === undefined || extra !== undefined) return undefined;
  const base = parseIpv4(address);
  if (base === undefined) return undefined;
  const length = bits === undefined ? 32 : /^\d{1,2}$/.test(bits) ? Number(bits) : NaN;
  if (!(length >= 0 && length <= 32)) return undefined;
  const size = 2 ** (32 - length);
  const first = Math.floor(base / size) * size;
  return { first, last: first + size - 1 };
}

export function rangeContains(range: Ipv4Range, address: number): boolean {
  return address >= range.first && address <= range.last;
}

export function rangesOverlap(a: Ipv4Range, b: Ipv4Range): boolean {
  return a.first <= b.last && b.first <= a.last;
}

// Ranges that can never hold a public Azure service endpoint (Storage, AzureBackup, Entra ID).
const NON_PUBLIC = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16']
  .map((p) => parseIpv4Prefix(p))
  .filter((r): r is Ipv4Range => r !== undefined);

/** True when every address in the range is private, shared or link-local. */
export function isNonPublic(range: Ipv4Range): boolean {
  return NON_PUBLIC.some((p) => range.first >= p.first && range.last <= p.last);
}
