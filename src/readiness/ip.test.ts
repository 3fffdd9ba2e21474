import { describe, expect, it } from 'vitest';
import { isNonPublic, parseIpv4, parseIpv4Prefix, rangeContains } from './ip.ts';

describe('IPv4 helpers', () => {
  it('parse strict dotted quads', () => {
    expect(parseIpv4('10.0.0.5')).toBe(10 * 2 ** 24 + 5);
    expect(parseIpv4('255.255.255.255')).toBe(2 ** 32 - 1);
    for (const bad of ['10.0.0', '10.0.0.256', '10.0.0.05', '1.2.3.4.5', 'a.b.c.d', '', ' . . . ']) expect(parseIpv4(bad)).toBeUndefined();
  });

  it('parse prefixes and bare addresses, and test containment', () => {
    const range = parseIpv4Prefix('168.63.0.0/16');
    const wire = parseIpv4('168.63.129.16') ?? -1;
    expect(range && rangeContains(range, wire)).toBe(true);
    expect(parseIpv4Prefix('168.63.129.16')).toEqual({ first: wire, last: wire });
    expect(parseIpv4Prefix('0.0.0.0/0')).toEqual({ first: 0, last: 2 ** 32 - 1 });
    for (const bad of ['Storage', '10.0.0.0/33', '::/0', '10.0.0.0/8/1']) expect(parseIpv4Prefix(bad)).toBeUndefined();
  });

  it('tell private ranges from public ones', () => {
    const check = (p: string) => isNonPublic(parseIpv4Prefix(p) ?? { first: 0, last: 0 });
    expect(check('10.1.0.0/16')).toBe(true);
    expect(check('192.168.1.0/24')).toBe(true);
    expect(check('20.150.0.0/16')).toBe(false);
    expect(check('8.0.0.0/5')).toBe(false);
  });
});
