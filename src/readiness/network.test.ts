import { describe, expect, it } from 'vitest';
import { evaluateOutbound443, portCovers } from './network.ts';
import { layersFromEffective, layersFromNsgs, type NsgLike, type SecurityRuleLike } from './nsg.ts';

type RuleOptions = { protocol?: string; ports?: string | string[]; source?: string; direction?: string };

/** A custom rule in ARM's wire shape (fields under `properties`). */
function rule(name: string, priority: number, access: 'Allow' | 'Deny', destination: string, o: RuleOptions = {}): SecurityRuleLike {
  const ports = o.ports ?? '443';
  return {
    name,
    properties: {
      priority,
      access,
      direction: o.direction ?? 'Outbound',
      protocol: o.protocol ?? 'Tcp',
      sourceAddressPrefix: o.source ?? '*',
      sourcePortRange: '*',
      destinationAddressPrefix: destination,
      ...(Array.isArray(ports) ? { destinationPortRanges: ports } : { destinationPortRange: ports }),
    },
  };
}

/** An NSG as GET …/networkSecurityGroups/{name} returns it; ARM's default rules are added by nsgFrom. */
function nsg(name: string, ...securityRules: SecurityRuleLike[]): NsgLike {
  return { name, id: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/${name}`, properties: { securityRules } };
}

function check(nic?: NsgLike, subnet?: NsgLike, location = 'westeurope', sourceAddress?: string) {
  return evaluateOutbound443({ layers: layersFromNsgs({ nic, subnet }), location, ...(sourceAddress ? { sourceAddress } : {}) });
}

describe('evaluateOutbound443 with NSGs read from ARM', () => {
  it('is open with no NSG, and with only the default rules', () => {
    expect(check().overall).toEqual({ status: 'open' });
    expect(check(nsg('nic-nsg')).destinations.Internet).toEqual({ status: 'open' });
  });

  it('blocks everything when Internet 443 is denied at 200, before the default allow at 65001', () => {
    const report = check(undefined, nsg('NSG-lockdown', rule('deny-internet', 200, 'Deny', 'Internet')));
    expect(report.destinations.Internet).toEqual({ status: 'denied', nsg: 'NSG-lockdown', rule: 'deny-internet', priority: 200, destination: 'Internet' });
    expect(report.overall).toEqual({ status: 'denied', nsg: 'NSG-lockdown', rule: 'deny-internet', priority: 200, destination: 'Storage' });
  });

  it('blocks only Storage when the NIC NSG denies the Storage tag', () => {
    const report = check(nsg('nic-nsg', rule('deny-storage', 300, 'Deny', 'Storage')));
    expect(report.destinations.Storage).toMatchObject({ status: 'denied', nsg: 'nic-nsg', rule: 'deny-storage' });
    expect(report.destinations.AzureBackup).toEqual({ status: 'open' });
    expect(report.destinations.Internet).toEqual({ status: 'open' });
    expect(report.overall).toMatchObject({ status: 'denied', destination: 'Storage' });
  });

  it('is open when AzureBackup, Storage and AzureActiveDirectory are allowed before a deny-all, naming the allow, though the Internet is not', () => {
    const report = check(undefined, nsg('NSG-lockdown',
      rule('allow-azurebackup-443', 3000, 'Allow', 'AzureBackup'),
      rule('allow-storage-443', 3001, 'Allow', 'Storage'),
      rule('allow-azureactivedirectory-443', 3002, 'Allow', 'AzureActiveDirectory'),
      rule('deny-all-out', 4000, 'Deny', '*', { protocol: '*', ports: '*' }),
    ));
    expect(report.overall).toEqual({ status: 'open', allowedBy: [{ nsg: 'NSG-lockdown', rule: 'allow-storage-443', priority: 3001 }] });
    expect(report.destinations.Internet).toMatchObject({ status: 'denied', rule: 'deny-all-out', priority: 4000 });
  });

  it("judges the guide's backup path, Storage: an allow to Storage before a deny of the Internet leaves it open", () => {
    const report = check(nsg('nsg-storage-only', rule('allow-storage', 100, 'Allow', 'Storage'), rule('deny-internet', 200, 'Deny', 'Internet')));
    expect(report.overall).toEqual({ status: 'open', allowedBy: [{ nsg: 'nsg-storage-only', rule: 'allow-storage', priority: 100 }] });
    expect(report.destinations.AzureBackup).toMatchObject({ status: 'denied', rule: 'deny-internet' });
    expect(report.destinations.Internet).toMatchObject({ status: 'denied', rule: 'deny-internet' });
  });

  it('needs every NSG in the path to allow: a Storage allow in the NIC NSG and a deny in the subnet NSG deny it', () => {
    const report = check(nsg('nic-nsg', rule('allow-storage', 100, 'Allow', 'Storage')), nsg('subnet-nsg', rule('deny-internet', 200, 'Deny', 'Internet')));
    expect(report.overall).toMatchObject({ status: 'denied', nsg: 'subnet-nsg', rule: 'deny-internet', destination: 'Storage' });
    const both = check(nsg('nic-nsg', rule('allow-storage', 100, 'Allow', 'Storage')), nsg('subnet-nsg', rule('allow-storage-too', 150, 'Allow', 'Storage'), rule('deny-internet', 200, 'Deny', 'Internet')));
    expect(both.overall).toEqual({ status: 'open', allowedBy: [{ nsg: 'nic-nsg', rule: 'allow-storage', priority: 100 }, { nsg: 'subnet-nsg', rule: 'allow-storage-too', priority: 150 }] });
  });

  it('blocks on a deny with port *, a range holding 443, or a port list holding 443', () => {
    expect(check(nsg('n', rule('d', 100, 'Deny', 'Internet', { ports: '*' }))).overall.status).toBe('denied');
    expect(check(nsg('n', rule('d', 100, 'Deny', 'Internet', { ports: '80-443' }))).overall.status).toBe('denied');
    expect(check(nsg('n', rule('d', 100, 'Deny', 'Internet', { ports: ['80', '443'] }))).overall.status).toBe('denied');
    expect(check(nsg('n', rule('d', 100, 'Deny', 'Internet', { ports: '444-8443' }))).overall.status).toBe('open');
  });

  it('ignores a UDP deny and inbound rules', () => {
    expect(check(nsg('n', rule('deny-udp', 100, 'Deny', '*', { protocol: 'Udp', ports: '*' }))).overall).toEqual({ status: 'open' });
    expect(check(nsg('n', rule('deny-in', 100, 'Deny', '*', { direction: 'Inbound', ports: '*' }))).overall).toEqual({ status: 'open' });
  });

  it('blocks when the subnet allows but the NIC denies, naming the NIC NSG', () => {
    const report = check(
      nsg('nic-nsg', rule('deny-https', 150, 'Deny', '0.0.0.0/0')),
      nsg('subnet-nsg', rule('allow-https', 100, 'Allow', 'Internet')),
    );
    expect(report.overall).toMatchObject({ status: 'denied', nsg: 'nic-nsg', rule: 'deny-https', priority: 150 });
  });

  it('blocks when the NIC allows but the subnet denies', () => {
    const report = check(nsg('nic-nsg', rule('allow', 100, 'Allow', '*')), nsg('subnet-nsg', rule('deny', 100, 'Deny', 'Internet')));
    expect(report.overall).toMatchObject({ status: 'denied', nsg: 'subnet-nsg' });
  });

  it("matches a regional tag only in the VM's region", () => {
    const lockdown = nsg('n', rule('allow-storage-we', 200, 'Allow', 'Storage.WestEurope'), rule('deny-all', 300, 'Deny', '*', { ports: '*' }));
    expect(check(lockdown, undefined, 'westeurope').destinations.Storage).toMatchObject({ status: 'open' });
    expect(check(lockdown, undefined, 'northeurope').destinations.Storage).toMatchObject({ status: 'denied', rule: 'deny-all' });
  });

  it('is unknown when a public IP prefix or AzureCloud allow comes before the deciding deny', () => {
    const prefix = check(nsg('n', rule('allow-some-azure', 200, 'Allow', '20.150.0.0/16'), rule('deny-all', 300, 'Deny', '*')));
    expect(prefix.destinations.Storage).toMatchObject({ status: 'unknown' });
    expect(prefix.overall.status === 'unknown' && prefix.overall.reason).toContain('allow-some-azure (priority 200)');
    const cloud = check(nsg('n', rule('allow-azurecloud', 200, 'Allow', 'AzureCloud'), rule('deny-all', 300, 'Deny', '*')));
    expect(cloud.overall.status).toBe('unknown');
    // Neither decides "the Internet at large".
    expect(cloud.destinations.Internet).toMatchObject({ status: 'denied', rule: 'deny-all' });
  });

  it('ignores private prefixes and VirtualNetwork rules', () => {
    const report = check(nsg('n', rule('deny-onprem', 100, 'Deny', '10.0.0.0/8', { ports: '*' }), rule('deny-vnet', 110, 'Deny', 'VirtualNetwork', { ports: '*' })));
    expect(report.overall).toEqual({ status: 'open' });
  });

  it('decides rules with an IP source only when the VM address is known', () => {
    const scoped = nsg('n', rule('deny-web-subnet', 100, 'Deny', 'Internet', { source: '10.1.0.0/24' }));
    expect(check(scoped).overall.status).toBe('unknown');
    expect(check(scoped, undefined, 'westeurope', '10.1.0.4').overall.status).toBe('denied');
    expect(check(scoped, undefined, 'westeurope', '10.2.0.4').overall).toEqual({ status: 'open' });
  });

  it('reads the flattened SDK shape the same as the wire shape', () => {
    const sdk: NsgLike = {
      name: 'sdk-nsg',
      securityRules: [{ name: 'deny-internet', priority: 200, access: 'Deny', direction: 'Outbound', protocol: '*', sourceAddressPrefix: '*', sourcePortRange: '*', destinationAddressPrefix: 'Internet', destinationPortRange: '443' }],
      defaultSecurityRules: [{ name: 'AllowInternetOutBound', priority: 65001, access: 'Allow', direction: 'Outbound', protocol: '*', sourceAddressPrefix: '*', sourcePortRange: '*', destinationAddressPrefix: 'Internet', destinationPortRange: '*' }],
    };
    expect(check(sdk).overall).toMatchObject({ status: 'denied', nsg: 'sdk-nsg', rule: 'deny-internet' });
  });
});

describe('evaluateOutbound443 with the effective-NSG result', () => {
  const effective = (nicRules: SecurityRuleLike[], subnetRules: SecurityRuleLike[]) => ({
    value: [
      {
        networkSecurityGroup: { id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/vm-nic-nsg' },
        association: { networkInterface: { id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkInterfaces/vm-nic' } },
        effectiveSecurityRules: nicRules,
      },
      {
        networkSecurityGroup: { id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/subnet-nsg' },
        association: { subnet: { id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/default' } },
        effectiveSecurityRules: subnetRules,
      },
    ],
  });
  const defaults: SecurityRuleLike[] = [
    { name: 'defaultSecurityRules/AllowInternetOutBound', protocol: 'All', sourcePortRange: '0-65535', destinationPortRange: '0-65535', sourceAddressPrefix: '0.0.0.0/0', destinationAddressPrefix: 'Internet', access: 'Allow', priority: 65001, direction: 'Outbound' },
    { name: 'defaultSecurityRules/DenyAllOutBound', protocol: 'All', sourcePortRange: '0-65535', destinationPortRange: '0-65535', sourceAddressPrefix: '0.0.0.0/0', destinationAddressPrefix: '0.0.0.0/0', access: 'Deny', priority: 65500, direction: 'Outbound' },
  ];

  it('is open with the default rules ("All" protocol, "0-65535" ports)', () => {
    const report = evaluateOutbound443({ layers: layersFromEffective(effective(defaults, defaults)), location: 'westeurope' });
    expect(report.overall).toEqual({ status: 'open' });
  });

  it('names the NSG and strips the "securityRules/" prefix from a blocking rule', () => {
    const deny: SecurityRuleLike = { name: 'securityRules/deny-storage', protocol: 'Tcp', sourcePortRange: '0-65535', destinationPortRange: '443-443', sourceAddressPrefix: '0.0.0.0/0', destinationAddressPrefix: 'Storage', access: 'Deny', priority: 500, direction: 'Outbound' };
    const report = evaluateOutbound443({ layers: layersFromEffective(effective(defaults, [deny, ...defaults])), location: 'westeurope' });
    expect(report.overall).toEqual({ status: 'denied', nsg: 'subnet-nsg', rule: 'deny-storage', priority: 500, destination: 'Storage' });
  });
});

describe('the platform address 168.63.129.16', () => {
  it('is flagged when a rule names it or a prefix holding it', () => {
    expect(check(nsg('n', rule('deny-wireserver', 100, 'Deny', '168.63.129.16', { ports: '*' }))).platformDenies).toEqual([
      { nsg: 'n', rule: 'deny-wireserver', priority: 100, prefix: '168.63.129.16', ports: [80, 32526, 443], certain: true },
    ]);
    expect(check(nsg('n', rule('deny-168', 100, 'Deny', '168.63.0.0/16', { ports: '32526' }))).platformDenies).toMatchObject([{ ports: [32526] }]);
  });

  it('is judged per port, lowest priority first: an allow of 80 and 32526 before a deny-all of the address leaves only 443 denied', () => {
    const report = check(nsg('n',
      rule('allow-wireserver', 100, 'Allow', '168.63.129.16', { ports: ['80', '32526'] }),
      rule('deny-platform', 200, 'Deny', '168.63.129.16/32', { ports: '*' }),
    ));
    expect(report.platformDenies).toEqual([{ nsg: 'n', rule: 'deny-platform', priority: 200, prefix: '168.63.129.16/32', ports: [443], certain: true }]);
  });

  it('is flagged in the subnet NSG too, and marked uncertain when the rule may not apply to this VM', () => {
    const subnet = check(undefined, nsg('subnet-nsg', rule('deny-platform', 300, 'Deny', '168.63.129.16', { ports: '80' })));
    expect(subnet.platformDenies).toMatchObject([{ nsg: 'subnet-nsg', ports: [80], certain: true }]);
    const scoped = check(nsg('n', rule('deny-platform', 300, 'Deny', '168.63.129.16', { ports: '80', source: '10.1.0.0/24' })));
    expect(scoped.platformDenies).toMatchObject([{ certain: false }]);
  });

  it('is not flagged for catch-all denies, other ports, or when an allow for it comes first', () => {
    expect(check(nsg('n', rule('deny-all', 100, 'Deny', '*', { ports: '*' }))).platformDenies).toEqual([]);
    expect(check(nsg('n', rule('deny-dns', 100, 'Deny', '168.63.129.16', { protocol: 'Udp', ports: '53' }))).platformDenies).toEqual([]);
    expect(check(nsg('n', rule('deny-8080', 100, 'Deny', '168.63.129.16', { ports: '8080' }))).platformDenies).toEqual([]);
    const allowedFirst = nsg('n', rule('allow-wireserver', 100, 'Allow', '168.63.129.16/32', { ports: '*' }), rule('deny', 200, 'Deny', '168.63.129.16', { ports: '*' }));
    expect(check(allowedFirst).platformDenies).toEqual([]);
  });
});

describe('portCovers', () => {
  it('reads *, single ports and ranges', () => {
    expect(portCovers('*', 443)).toBe(true);
    expect(portCovers('443', 443)).toBe(true);
    expect(portCovers('80-443', 443)).toBe(true);
    expect(portCovers('0-65535', 443)).toBe(true);
    expect(portCovers('444-445', 443)).toBe(false);
    expect(portCovers('nonsense', 443)).toBe(false);
  });
});
