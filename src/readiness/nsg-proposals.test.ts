import { describe, expect, it } from 'vitest';
import { proposeAllowRule, proposeProxyRule } from './nsg-proposals.ts';

describe('proposeAllowRule', () => {
  it('proposes one HTTPS rule per backup service tag on the highest free priorities below the blocking rule', () => {
    const proposal = proposeAllowRule({ blockingPriority: 200, existingPriorities: [100, 199, 200] });
    expect(proposal).toEqual({
      ok: true,
      value: [
        expect.objectContaining({ name: 'allow-storage-443', priority: 198, destinationAddressPrefix: 'Storage' }),
        expect.objectContaining({ name: 'allow-azurebackup-443', priority: 197, destinationAddressPrefix: 'AzureBackup' }),
        expect.objectContaining({ name: 'allow-azureactivedirectory-443', priority: 196, destinationAddressPrefix: 'AzureActiveDirectory' }),
      ],
    });
  });

  it('fills in the fields ARM expects for an outbound HTTPS allow', () => {
    const proposal = proposeAllowRule({ blockingPriority: 4000, existingPriorities: [], tags: ['AzureBackup'], sourcePrefix: '10.0.1.0/24' });
    expect(proposal).toEqual({
      ok: true,
      value: [{
        name: 'allow-azurebackup-443',
        priority: 3999,
        protocol: 'Tcp',
        sourceAddressPrefix: '10.0.1.0/24',
        sourcePortRange: '*',
        destinationPortRange: '443',
        destinationAddressPrefix: 'AzureBackup',
        access: 'Allow',
        direction: 'Outbound',
        description: 'Azure VM backup: allow HTTPS to AzureBackup.',
      }],
    });
  });

  it('stays within custom priorities (at most 4096) before a default rule', () => {
    const proposal = proposeAllowRule({ blockingPriority: 65500, existingPriorities: [4096], tags: ['Storage.WestEurope'] });
    expect(proposal).toMatchObject({ ok: true, value: [{ name: 'allow-storage-westeurope-443', priority: 4095, sourceAddressPrefix: 'VirtualNetwork' }] });
  });

  it('puts IP prefixes together in one destinationAddressPrefixes rule', () => {
    const proposal = proposeAllowRule({ blockingPriority: 300, existingPriorities: [], tags: [], prefixes: ['20.150.0.0/16', '20.60.0.0/16'] });
    expect(proposal).toMatchObject({ ok: true, value: [{ name: 'allow-backup-prefixes-443', priority: 299, destinationAddressPrefixes: ['20.150.0.0/16', '20.60.0.0/16'] }] });
    expect(proposeAllowRule({ blockingPriority: 300, existingPriorities: [], prefixes: ['storage'] })).toMatchObject({ ok: false });
  });

  it('says clearly when no priority is free before the blocking rule', () => {
    const taken = Array.from({ length: 50 }, (_, i) => 100 + i);
    expect(proposeAllowRule({ blockingPriority: 150, existingPriorities: taken })).toEqual({
      ok: false,
      message: 'This NSG has no room for 3 free priorities between 100 and 149 (before the blocking rule). Free some numbers or renumber the blocking rule.',
    });
    expect(proposeAllowRule({ blockingPriority: 102, existingPriorities: [], tags: ['Storage', 'AzureBackup', 'AzureActiveDirectory'] }).ok).toBe(false);
    expect(proposeAllowRule({ blockingPriority: 100, existingPriorities: [] })).toMatchObject({ ok: false, message: expect.stringContaining('no rule can come before it') });
  });
});

describe('proposeProxyRule', () => {
  it("is the guide's allow-proxy rule at priority 200", () => {
    expect(proposeProxyRule({ proxyIp: '10.0.0.5' })).toEqual({
      ok: true,
      value: {
        name: 'allow-proxy',
        priority: 200,
        protocol: 'Tcp',
        sourceAddressPrefix: '10.0.0.5/32',
        sourcePortRange: '*',
        destinationAddressPrefix: 'Internet',
        destinationPortRange: '80-443',
        access: 'Allow',
        direction: 'Outbound',
        description: 'Let the HTTP proxy reach the Internet on ports 80-443 for Azure VM backup.',
      },
    });
  });

  it('takes the nearest free priority, and one before a blocking rule', () => {
    expect(proposeProxyRule({ proxyIp: '10.0.0.5', existingPriorities: [200, 199] })).toMatchObject({ ok: true, value: { priority: 201 } });
    expect(proposeProxyRule({ proxyIp: '10.0.0.5', existingPriorities: [200] })).toMatchObject({ ok: true, value: { priority: 199 } });
    expect(proposeProxyRule({ proxyIp: '10.0.0.5', blockingPriority: 150 })).toMatchObject({ ok: true, value: { priority: 149 } });
  });

  it('rejects a bad address', () => {
    expect(proposeProxyRule({ proxyIp: '10.0.0.256' })).toMatchObject({ ok: false });
  });
});
