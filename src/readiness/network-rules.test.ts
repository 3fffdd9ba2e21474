import { describe, expect, it } from 'vitest';
import { evaluateOutbound443 } from './network.ts';
import { networkFindings } from './network-rules.ts';
import { layersFromNsgs, type NsgLike, type SecurityRuleLike } from './nsg.ts';
import { guideBeside } from './sources.ts';

function rule(name: string, priority: number, access: 'Allow' | 'Deny', destination: string, ports = '443'): SecurityRuleLike {
  return { name, properties: { priority, access, direction: 'Outbound', protocol: '*', sourceAddressPrefix: '*', sourcePortRange: '*', destinationAddressPrefix: destination, destinationPortRange: ports } };
}
const nsg = (name: string, ...securityRules: SecurityRuleLike[]): NsgLike => ({ name, properties: { securityRules } });
const report = (...rules: SecurityRuleLike[]) => evaluateOutbound443({ layers: layersFromNsgs({ nic: nsg('nsg-a', ...rules) }), location: 'westeurope', sourceAddress: '10.0.0.4' });

describe('networkFindings', () => {
  it('says nothing about an open path through the default rules', () => {
    expect(networkFindings(report())).toEqual([]);
  });

  it('blocks a deny of 168.63.129.16 on the ports extensions need, with both sources', () => {
    const [f] = networkFindings(report(rule('deny-platform', 100, 'Deny', '168.63.129.16', '*')));
    expect(f).toMatchObject({ ruleId: 'network-platform-address', severity: 'blocker', area: 'network' });
    expect(f?.message).toContain('on TCP 80, TCP 32526, TCP 443');
    expect(f?.message).toContain('backups cannot work');
    expect(f?.sources.today).toMatchObject({ title: 'Virtual machine extensions and features for Windows', date: '2025-08-18' });
    expect(guideBeside(f?.sources ?? { today: { title: '', url: '', date: '', says: '' } })).toMatch(/^The 2016 guide asked only for outbound connectivity .*; today extensions fail when 168\.63\.129\.16 is blocked/);
  });

  it("needs attention when only 443 to the platform address is denied, and blocks it on the guide's proxy path", () => {
    const only443 = report(rule('deny-platform-https', 100, 'Deny', '168.63.129.16'));
    expect(networkFindings(only443)).toMatchObject([{ ruleId: 'network-platform-https', severity: 'attention' }]);
    expect(networkFindings(only443, { guidePath: true })).toMatchObject([{ ruleId: 'network-platform-address', severity: 'blocker' }]);
  });

  it('needs attention, not a block, when outbound 443 to Storage is denied, offering the guide\'s fixes', () => {
    const [f] = networkFindings(report(rule('deny-https', 200, 'Deny', 'Internet')));
    expect(f).toMatchObject({ ruleId: 'network-outbound-denied', severity: 'attention' });
    expect(f?.message).toContain('Rule deny-https (priority 200) in NSG nsg-a denies outbound HTTPS (TCP 443) to Azure Storage');
    expect(f?.remediation).toContain('Storage, AzureBackup, AzureActiveDirectory service tags');
    expect(f?.remediation).toContain('HTTP proxy');
    expect(f?.remediation).toContain('below 200');
    expect(f?.sources.today.says).toContain("explicit outbound connectivity isn't required");
  });

  it('says the Storage path is open when an allow to Storage comes before a deny of the Internet', () => {
    const findings = networkFindings(report(rule('allow-storage', 100, 'Allow', 'Storage'), rule('deny-internet', 200, 'Deny', 'Internet')));
    expect(findings).toMatchObject([{ ruleId: 'network-storage-open', severity: 'info' }]);
    expect(findings[0]?.message).toBe(
      "HTTPS to Azure Storage is open: rule allow-storage (priority 100) in NSG nsg-a allows it before rule deny-internet (priority 200) in NSG nsg-a denies the rest. AzureBackup, AzureActiveDirectory, Internet are denied, which VM backup doesn't need (AzureBackup and AzureActiveDirectory are for in-guest workloads such as SQL Server in a VM).",
    );
  });

  it('flags write-accelerated disks: attention when the Internet is denied, a note when open', () => {
    const storageOnly = report(rule('allow-storage', 100, 'Allow', 'Storage'), rule('deny-internet', 200, 'Deny', 'Internet'));
    expect(networkFindings(storageOnly, { writeAcceleratorDisks: 2 })).toMatchObject([
      { ruleId: 'network-write-accelerator', severity: 'attention', message: expect.stringContaining('2 write-accelerated disks') },
      { ruleId: 'network-storage-open' },
    ]);
    expect(networkFindings(report(), { writeAcceleratorDisks: 1 })).toMatchObject([{ ruleId: 'network-write-accelerator', severity: 'info' }]);
  });

  it('needs attention when the path cannot be confirmed', () => {
    expect(networkFindings({ status: 'unknown', reason: 'The effective rules could not be read.' })).toMatchObject([{ ruleId: 'network-unknown', severity: 'attention' }]);
  });
});
