import { describe, expect, it } from 'vitest';
import type { VaultContext, VmFacts } from './facts.ts';
import { evaluateVm, GENERAL_NOTES, RULES, ruleTitle } from './rules.ts';
import { guideBeside } from './sources.ts';
import { SUB, ubuntu, VAULT, vm } from './test-fixtures.ts';
import { severityLabel, VERDICT_LABELS, verdictLabel } from './verdict.ts';

function finding(facts: VmFacts, ruleId: string, vault: VaultContext = VAULT) {
  return evaluateVm(facts, vault).findings.find((f) => f.ruleId === ruleId);
}

function noGuestUbuntu(overrides: Partial<VmFacts>): VmFacts {
  const { osName: _n, osVersion: _v, ...rest } = ubuntu(overrides);
  return rest;
}

describe('data-disks', () => {
  it.each([
    [16, undefined],
    [17, 'info'],
    [32, 'info'],
    [33, 'blocker'],
  ])('%i data disks → %s', (dataDiskCount, severity) => {
    expect(finding(vm({ dataDiskCount }), 'data-disks')?.severity).toBe(severity);
  });

  it("explains the guide's 16 and today's 32", () => {
    expect(finding(vm({ dataDiskCount: 33 }), 'data-disks')?.message).toBe(
      "This VM has 33 data disks. Azure Backup accepts at most 32 today (the 2016 guide's limit was 16).",
    );
    expect(finding(vm({ dataDiskCount: 17 }), 'data-disks')?.message).toContain("the 2016 guide's limit was 16; today's limit is 32");
  });
});

describe('operating system rules', () => {
  const noGuest = (facts: VmFacts): VmFacts => {
    const { osName: _n, osVersion: _v, ...rest } = facts;
    return rest;
  };
  const windows = (sku: string) => noGuest(vm({ image: { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku } }));

  it('block Windows Server 2008 and need attention on 2008 R2, 2012 and 2012 R2', () => {
    expect(finding(vm({ osName: 'Windows Server (R) 2008 Datacenter' }), 'os-windows-old')?.severity).toBe('blocker');
    expect(finding(windows('2008-R2-SP1'), 'os-windows-old')?.severity).toBe('attention');
    expect(finding(windows('2012-Datacenter'), 'os-windows-old')?.severity).toBe('attention');
    expect(finding(windows('2012-R2-Datacenter'), 'os-windows-old')?.message).toContain('limited');
    expect(finding(windows('2016-Datacenter'), 'os-windows-old')).toBeUndefined();
  });

  it('block Windows clients outside the support matrix; note that 10 and 11 are supported today', () => {
    expect(finding(vm({ osName: 'Windows 7 Enterprise' }), 'os-windows-client')?.severity).toBe('blocker');
    expect(finding(vm({ osName: 'Windows 11 Pro' }), 'os-windows-client')).toMatchObject({ severity: 'info', message: expect.stringContaining('the 2016 guide listed only Windows Server') });
  });

  it('block CoreOS; warn on distributions Azure no longer endorses; accept endorsed ones', () => {
    const coreos = noGuest(ubuntu({ image: { publisher: 'CoreOS', offer: 'CoreOS', sku: 'Stable' } }));
    expect(finding(coreos, 'os-linux-coreos')?.severity).toBe('blocker');
    expect(finding(coreos, 'os-linux-unendorsed')).toBeUndefined();
    const centos = ubuntu({ osName: 'centos', osVersion: '7.9.2009' });
    expect(finding(centos, 'os-linux-unendorsed')?.message).toBe(
      "CentOS isn't on Azure's endorsed list. Backup may work if the VM agent and Python are present.",
    );
    expect(finding(ubuntu(), 'os-linux-unendorsed')).toBeUndefined();
    expect(finding(ubuntu({ osName: 'rocky', osVersion: '9.3' }), 'os-linux-unendorsed')).toBeUndefined();
  });

  it('warn when a Linux guest reports a distribution that is not endorsed and not otherwise known', () => {
    const arch = ubuntu({ image: { publisher: 'contoso', offer: 'arch-linux', sku: 'rolling' }, osName: 'arch', osVersion: 'rolling' });
    expect(finding(arch, 'os-linux-unendorsed')).toMatchObject({ severity: 'attention', message: expect.stringContaining('"arch"') });
    expect(finding(arch, 'os-unknown')).toBeUndefined();
    expect(evaluateVm(arch, VAULT).verdict).toBe('attention');
  });

  it('say when the OS cannot be told', () => {
    const custom = noGuest(ubuntu({ image: { publisher: 'contoso', offer: 'golden', sku: 'v3' } }));
    expect(finding(custom, 'os-unknown')?.message).toContain('Linux distribution');
  });

  it('note the domain controller restore steps for Windows Servers, more strongly when tagged as a domain controller', () => {
    expect(finding(vm(), 'domain-controller')?.message).toMatch(/^If this VM is a domain controller/);
    expect(finding(vm(), 'domain-controller')?.message).toContain('the 2016 guide allowed a multi-DC restore only through PowerShell');
    expect(finding(vm({ tags: { role: 'DC' } }), 'domain-controller')?.message).toMatch(/^This VM is tagged as a domain controller/);
    expect(finding(vm({ tags: { 'server-role': 'domain-controller' } }), 'domain-controller')?.message).toMatch(/tagged/);
    expect(finding(ubuntu(), 'domain-controller')).toBeUndefined();
  });
});

describe('scope rules', () => {
  it('block a VM in another region and name the region it needs', () => {
    const f = finding(vm({ location: 'northeurope' }), 'region');
    expect(f?.severity).toBe('blocker');
    expect(f?.remediation).toContain('vault in northeurope');
    expect(finding(vm({ location: 'West Europe' }), 'region')).toBeUndefined();
  });

  it('block a VM in another subscription', () => {
    expect(finding(vm({ subscriptionId: 'b2d4f6a8-1c3e-4a5b-8d7f-9e0a1b2c3d4e' }), 'subscription')?.severity).toBe('blocker');
    expect(finding(vm({ subscriptionId: SUB.toUpperCase() }), 'subscription')).toBeUndefined();
  });

  it('block a VM protected by another vault, naming it; note one already in this vault', () => {
    const elsewhere = vm({ protection: { state: 'protected', vaultId: `/subscriptions/${SUB}/resourceGroups/old/providers/Microsoft.RecoveryServices/vaults/legacy-vault` } });
    expect(finding(elsewhere, 'protected-elsewhere')).toMatchObject({ severity: 'blocker', message: 'Already protected by vault legacy-vault. A VM can be protected by only one vault.' });
    const here = vm({ protection: { state: 'protected', vaultId: VAULT.id.toLowerCase(), vaultName: VAULT.name } });
    expect(finding(here, 'protected-elsewhere')).toMatchObject({ severity: 'info', message: 'Already protected by this vault (contoso-vault).' });
    expect(finding(vm({ protection: { state: 'protecting', vaultId: 'x/vaults/other', vaultName: 'other' } }), 'protected-elsewhere')?.severity).toBe('blocker');
    expect(finding(vm({ protection: { state: 'unknown' } }), 'protected-elsewhere')?.severity).toBe('info');
  });
});

describe('VM state rules', () => {
  it('note offline, crash-consistent backups for stopped and deallocated VMs', () => {
    const f = finding(vm({ powerState: 'deallocated' }), 'offline');
    expect(f?.severity).toBe('info');
    expect(f?.message).toContain('crash-consistent');
    expect(f?.message).toContain('not application-consistent');
    expect(finding(vm({ powerState: 'stopped' }), 'offline')).toBeDefined();
    expect(finding(vm(), 'offline')).toBeUndefined();
  });

  it('need attention while the VM changes state', () => {
    expect(finding(vm({ powerState: 'deallocating' }), 'power-transition')?.severity).toBe('attention');
  });

  it('note special network configurations and what restore keeps', () => {
    const f = finding(vm({ behindLoadBalancer: true, nicCount: 2, staticPublicIpCount: 2 }), 'special-network');
    expect(f?.severity).toBe('info');
    expect(f?.message).toContain('behind a load balancer; 2 network adapters; 2 static public IP addresses');
    expect(f?.remediation).toContain('PowerShell');
    expect(f?.sources.guide?.says).toBe('allowed restoring such VMs only through PowerShell');
    expect(finding(vm({ staticPublicIpCount: 1 }), 'special-network')).toBeUndefined();
  });

  it('need attention on a failed backup extension with the uninstall remedy; note an absent one', () => {
    const failed = ubuntu({ extensions: [{ type: 'VMSnapshotLinux', publisher: 'Microsoft.Azure.RecoveryServices', provisioningState: 'Failed' }] });
    expect(finding(failed, 'backup-extension')).toMatchObject({ severity: 'attention', area: 'agent' });
    expect(finding(failed, 'backup-extension')?.remediation).toContain('Uninstall the VMSnapshotLinux extension');
    expect(finding(vm({ extensions: [] }), 'backup-extension')).toMatchObject({ severity: 'info', message: expect.stringContaining('installs it when backup is enabled') });
    expect(finding(vm(), 'backup-extension')).toBeUndefined();
  });

  it('warn on other failed extensions', () => {
    const facts = vm({ extensions: [{ type: 'Microsoft.Azure.Security.IaaSAntimalware', status: { level: 'Error', displayStatus: 'Provisioning failed' } }] });
    expect(finding(facts, 'extension-failed')?.message).toContain('Microsoft.Azure.Security.IaaSAntimalware');
  });
});

describe('evaluateVm', () => {
  it('is ready when only notes remain, blocked on any blocker, attention on anything needing attention', () => {
    expect(evaluateVm(vm(), VAULT).verdict).toBe('ready');
    expect(evaluateVm(vm({ dataDiskCount: 40 }), VAULT).verdict).toBe('blocked');
    expect(evaluateVm(vm({ agent: { status: 'notReporting' } }), VAULT).verdict).toBe('attention');
  });

  it('puts blockers first', () => {
    const { findings } = evaluateVm(vm({ powerState: 'stopped', agent: { status: 'unknown', unknownReason: 'vmNotRunning' }, dataDiskCount: 40, osName: 'Windows Server 2012 R2 Datacenter' }), VAULT);
    expect(findings.map((f) => f.severity)).toEqual(['blocker', 'attention', 'info', 'info', 'info']);
    expect(findings.map((f) => f.ruleId)).toEqual(['data-disks', 'os-windows-old', 'offline', 'agent-status-unknown', 'domain-controller']);
  });

  it('turns a denied network path into attention naming the NSG, and an unknown one too', () => {
    const denied = evaluateVm(vm(), VAULT, { status: 'denied', nsg: 'nsg-lockdown', rule: 'deny-internet', priority: 200, destination: 'Storage' });
    expect(denied.verdict).toBe('attention');
    expect(denied.findings.find((f) => f.ruleId === 'network-outbound-denied')?.message).toContain('NSG nsg-lockdown');
    const unknown = evaluateVm(vm(), VAULT, { status: 'unknown', reason: 'The effective rules could not be read.' });
    expect(unknown.verdict).toBe('attention');
    expect(evaluateVm(vm(), VAULT, { status: 'open' }).verdict).toBe('ready');
  });

  it("gives every rule today's source with title, url, date and what it says, a title and a unique id", () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULES) {
      for (const source of [rule.sources.today, ...(rule.sources.guide ? [rule.sources.guide] : [])]) {
        expect(source.title).not.toBe('');
        expect(source.url).toMatch(/^https:\/\//);
        expect(source.date).toMatch(/^\d{4}/);
        expect(source.says).not.toMatch(/\.$/);
        expect(source.says.length).toBeGreaterThan(10);
      }
      // Today's source is never the 2016 guide: the verdict follows today.
      expect(rule.sources.today.date).not.toBe('2016-08-01');
      if (rule.sources.guide) expect(rule.sources.guide.date).toBe('2016-08-01');
      expect(rule.title).not.toBe('');
      expect(rule.reads.length).toBeGreaterThan(0);
    }
  });

  it('lists the general notes, including that restoring over an existing VM is not supported', () => {
    expect(GENERAL_NOTES.map((n) => n.id)).toContain('restore-replace-vm');
    expect(GENERAL_NOTES.find((n) => n.id === 'restore-replace-vm')?.message).toContain('replace its disks instead');
  });
});

describe('disk, size and security rules (today only: the guide knew none of them)', () => {
  const disk = (name: string, sizeGB: number, sku = 'Premium_LRS', lun: number | undefined = 0) => ({ name, sizeGB, sku, writeAccelerator: false, ...(lun === undefined ? {} : { lun }) });

  it('blocks a disk over 64 TB or disks over 512 TB together', () => {
    expect(finding(vm(), 'disk-size')).toBeUndefined();
    const big = finding(vm({ disks: [disk('os', 127, 'Premium_LRS', undefined), disk('huge', 70_000)] }), 'disk-size');
    expect(big).toMatchObject({ severity: 'blocker', message: expect.stringContaining('data disk huge (LUN 0) is 70000 GB') });
    const many = vm({ disks: Array.from({ length: 9 }, (_, i) => disk(`d${i}`, 64 * 1024, 'Premium_LRS', i)) });
    expect(finding(many, 'disk-size')?.message).toContain('its disks add up to 589824 GB');
    expect(finding(vm({ disks: [disk('edge', 64 * 1024)] }), 'disk-size')).toBeUndefined();
  });

  it('needs attention below 2 cores or 1 GB of memory, and says nothing when the size is unknown', () => {
    expect(finding(vm({ size: 'Standard_B1ls', sizeSpec: { cores: 1, memoryMB: 512 } }), 'vm-size')).toMatchObject({
      severity: 'attention',
      message: expect.stringContaining('Standard_B1ls has 1 core and 0.5 GB of memory'),
    });
    expect(finding(vm({ sizeSpec: { cores: 2, memoryMB: 1024 } }), 'vm-size')).toBeUndefined();
    const { sizeSpec: _s, ...unknownSize } = vm();
    expect(finding(unknownSize, 'vm-size')).toBeUndefined();
  });

  it('notes a Trusted Launch VM or a Premium SSD v2 disk needs an Enhanced policy, without changing the verdict', () => {
    const tl = vm({ securityType: 'TrustedLaunch' });
    expect(finding(tl, 'enhanced-policy')).toMatchObject({ severity: 'info', message: expect.stringContaining('Trusted Launch') });
    expect(evaluateVm(tl, VAULT).verdict).toBe('ready');
    expect(finding(tl, 'enhanced-policy')?.sources.guide).toBeUndefined();
    expect(finding(tl, 'enhanced-policy', { ...VAULT, backupApiVersion: '2025-02-01' })).toBeUndefined();
    expect(finding(vm({ disks: [disk('fast', 512, 'PremiumV2_LRS')] }), 'enhanced-policy')?.message).toContain('Premium SSD v2 disk fast');
  });

  it('blocks a confidential VM', () => {
    expect(finding(vm({ securityType: 'ConfidentialVM' }), 'confidential-vm')?.severity).toBe('blocker');
    expect(finding(vm({ securityType: 'TrustedLaunch' }), 'confidential-vm')).toBeUndefined();
  });
});

describe('sources beside each other', () => {
  it('shows the guide beside today where they differ, and not where they agree', () => {
    const disks = finding(vm({ dataDiskCount: 20 }), 'data-disks');
    expect(disks && guideBeside(disks.sources)).toBe('The 2016 guide refused VMs with more than 16 data disks; today the support matrix allows up to 32 disks.');
    const coreos = finding(noGuestUbuntu({ image: { publisher: 'CoreOS', offer: 'CoreOS', sku: 'Stable' } }), 'os-linux-coreos');
    expect(coreos?.sources.guide?.agrees).toBe(true);
    expect(coreos && guideBeside(coreos.sources)).toBeNull();
  });

  it('names every rule in a few words, network and policy rules included', () => {
    expect(ruleTitle('agent-not-ready')).toBe('The VM agent is not ready');
    expect(ruleTitle('network-platform-address')).toBe('An NSG denies the platform address 168.63.129.16');
    expect(ruleTitle('policy-needs-enhanced')).toBe('A Standard policy for a VM that needs Enhanced');
    expect(ruleTitle('some-future-rule')).toBe('some future rule');
  });

  it('uses one vocabulary: the severity labels are the verdict words', () => {
    expect(Object.values(VERDICT_LABELS)).toEqual(['Ready', 'Needs attention', 'Blocked']);
    expect(severityLabel('blocker')).toBe(verdictLabel('blocked'));
    expect(severityLabel('attention')).toBe(verdictLabel('attention'));
    expect(severityLabel('info')).toBe('Note');
  });
});
