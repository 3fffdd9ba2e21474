// Every VM of the contoso fixture through today's rules, read from the same wire JSON the emulator serves:
// the verdict word each case must get, the rule that decides it, and the source shown for it (today's
// document, with the 2016 guide beside it where they differ). A new fixture VM must be added here.
import { describe, expect, it } from 'vitest';
import { guideBeside, verdictLabel } from '../readiness/index.ts';
import { buildVmRows } from './vm-facts.ts';
import { contosoStore, inventoryFrom } from './vm-facts.fixture.ts';

const rows = new Map(buildVmRows(inventoryFrom(contosoStore())).map((row) => [row.facts.name, row]));

type Case = {
  verdict: 'Ready' | 'Needs attention' | 'Blocked';
  /** The rule the verdict comes from (the worst finding); for Ready VMs a note worth showing, if any. */
  rule?: string;
  /** The title of today's source of that rule. */
  today?: RegExp;
  /** The guide is quoted beside today's source ("The 2016 guide …; today …"). */
  guideBeside?: boolean;
};

const TODAY = {
  matrix: /^Support matrix for Azure VM backups$/,
  prepare: /^Back up Azure VMs in a Recovery Services vault$/,
  agentVersions: /^Minimum version support for virtual machine agents in Azure$/,
  troubleshooting: /^Troubleshoot Azure Backup failure/,
  extensions: /^Virtual machine extensions and features for Windows$/,
  enhanced: /^Back up Azure VMs with the Enhanced policy$/,
};

const CASES: Record<string, Case> = {
  'web-01': { verdict: 'Ready' },
  'lb-web-01': { verdict: 'Ready', rule: 'special-network', today: TODAY.matrix, guideBeside: true },
  'lb-web-02': { verdict: 'Ready', rule: 'special-network', today: TODAY.matrix, guideBeside: true },
  'multi-pip-01': { verdict: 'Ready', rule: 'special-network', today: TODAY.matrix, guideBeside: true },
  'app-linux-01': { verdict: 'Ready' },
  'old-agent-01': { verdict: 'Needs attention', rule: 'agent-outdated', today: TODAY.agentVersions, guideBeside: true },
  'agent-notready-01': { verdict: 'Needs attention', rule: 'agent-not-ready', today: TODAY.troubleshooting, guideBeside: false },
  'agent-missing-01': { verdict: 'Needs attention', rule: 'agent-not-installed', today: TODAY.prepare, guideBeside: true },
  'coreos-01': { verdict: 'Blocked', rule: 'os-linux-coreos', today: TODAY.matrix, guideBeside: false },
  'rhel-01': { verdict: 'Ready' },
  'sles-01': { verdict: 'Ready' },
  'debian-01': { verdict: 'Ready' },
  'custom-linux-01': { verdict: 'Needs attention', rule: 'os-linux-unendorsed', today: TODAY.matrix, guideBeside: false },
  'stopped-01': { verdict: 'Ready', rule: 'offline', today: TODAY.matrix, guideBeside: false },
  'stopped-02': { verdict: 'Ready', rule: 'offline', today: TODAY.matrix, guideBeside: false },
  'protected-01': { verdict: 'Blocked', rule: 'protected-elsewhere', today: TODAY.matrix },
  'multi-nic-01': { verdict: 'Ready', rule: 'special-network', today: TODAY.matrix, guideBeside: true },
  'blocked-443-01': { verdict: 'Needs attention', rule: 'network-outbound-denied', today: TODAY.prepare, guideBeside: true },
  'blocked-storage-01': { verdict: 'Needs attention', rule: 'network-outbound-denied', today: TODAY.prepare, guideBeside: true },
  'allowed-nsg-01': { verdict: 'Ready', rule: 'network-storage-open', today: TODAY.prepare, guideBeside: true },
  'ext-failed-01': { verdict: 'Needs attention', rule: 'backup-extension', today: TODAY.troubleshooting },
  'zonal-01': { verdict: 'Ready' },
  'legacy-2008': { verdict: 'Blocked', rule: 'os-windows-old', today: TODAY.matrix, guideBeside: true },
  'legacy-2008r2': { verdict: 'Needs attention', rule: 'os-windows-old', today: TODAY.matrix, guideBeside: true },
  'bigdata-01': { verdict: 'Blocked', rule: 'data-disks', today: TODAY.matrix, guideBeside: true },
  'data-20disk': { verdict: 'Ready', rule: 'data-disks', today: TODAY.matrix, guideBeside: true },
  'dc-01': { verdict: 'Ready', rule: 'domain-controller', today: TODAY.matrix, guideBeside: true },
  'neu-app-01': { verdict: 'Blocked', rule: 'region', today: TODAY.matrix, guideBeside: false },
  'neu-linux-01': { verdict: 'Blocked', rule: 'region', today: TODAY.matrix, guideBeside: false },
  'eus-app-01': { verdict: 'Blocked', rule: 'region', today: TODAY.matrix, guideBeside: false },
  'ukw-app-01': { verdict: 'Blocked', rule: 'region', today: TODAY.matrix, guideBeside: false },
  // What Azure says today (rg-today).
  'storage-only-01': { verdict: 'Ready', rule: 'network-storage-open', today: TODAY.prepare, guideBeside: true },
  'platform-deny-01': { verdict: 'Blocked', rule: 'network-platform-address', today: TODAY.extensions, guideBeside: true },
  'tl-01': { verdict: 'Ready', rule: 'enhanced-policy', today: TODAY.enhanced, guideBeside: false },
  'pv2-data-01': { verdict: 'Ready', rule: 'enhanced-policy', today: TODAY.enhanced, guideBeside: false },
  'wa-m-01': { verdict: 'Needs attention', rule: 'network-write-accelerator', today: TODAY.matrix, guideBeside: false },
  'tiny-01': { verdict: 'Needs attention', rule: 'vm-size', today: TODAY.matrix, guideBeside: false },
  'agent-2023-01': { verdict: 'Needs attention', rule: 'agent-outdated', today: TODAY.agentVersions, guideBeside: true },
  'linux-oldagent-01': { verdict: 'Needs attention', rule: 'agent-outdated', today: TODAY.agentVersions, guideBeside: true },
  'bigdisk-01': { verdict: 'Blocked', rule: 'disk-size', today: TODAY.matrix, guideBeside: false },
  'cvm-01': { verdict: 'Blocked', rule: 'confidential-vm', today: TODAY.matrix, guideBeside: false },
};

describe('every contoso VM of Contoso Production through the rules', () => {
  it('covers every VM of the subscription, and nothing else', () => {
    expect([...rows.keys()].sort()).toEqual(Object.keys(CASES).sort());
  });

  it.each(Object.entries(CASES))('%s: %s', (name, expected) => {
    const row = rows.get(name);
    if (!row) throw new Error(`no VM ${name}`);
    expect(verdictLabel(row.readiness.verdict)).toBe(expected.verdict);
    const decisive = row.readiness.findings.filter((f) => f.severity !== 'info');
    if (expected.verdict !== 'Ready') expect(decisive[0]?.ruleId).toBe(expected.rule);
    else expect(decisive).toEqual([]);
    if (!expected.rule) return;
    const finding = row.readiness.findings.find((f) => f.ruleId === expected.rule);
    expect(finding, `${name} has ${expected.rule}`).toBeDefined();
    if (!finding) return;
    if (expected.today) expect(finding.sources.today.title).toMatch(expected.today);
    expect(finding.sources.today.url).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    expect(finding.sources.today.date).not.toBe('2016-08-01');
    if (expected.guideBeside !== undefined) expect(guideBeside(finding.sources) !== null).toBe(expected.guideBeside);
  });
});
