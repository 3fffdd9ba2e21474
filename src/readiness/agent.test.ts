import { describe, expect, it } from 'vitest';
import { AGENT_RULES, compareVersions, installRemedy, isVersion } from './agent.ts';
import type { AgentFacts, VmFacts } from './facts.ts';
import { ubuntu, VAULT, vm } from './test-fixtures.ts';

function findingsFor(facts: VmFacts) {
  return AGENT_RULES.flatMap((r) => r.evaluate(facts, VAULT) ?? []);
}
const withAgent = (agent: AgentFacts, base = vm()) => ({ ...base, agent });

describe('compareVersions', () => {
  it('compares segment by segment, numerically', () => {
    expect(compareVersions('2.6.1198.718', '2.7.2422.1')).toBe(-1);
    expect(compareVersions('2.7.2422.1', '2.6.1198.718')).toBe(1);
    expect(compareVersions('2.6.1198.718', '2.6.1198.718')).toBe(0);
    expect(compareVersions('2.6.1198.718', '2.6.1198.99')).toBe(1);
    expect(compareVersions('2.6.1198.718', '2.6.10000.0')).toBe(-1);
  });

  it('treats missing segments as zero', () => {
    expect(compareVersions('2.7', '2.7.0.0')).toBe(0);
    expect(compareVersions('2.7', '2.7.0.1')).toBe(-1);
  });

  it('knows a version from a placeholder', () => {
    expect(isVersion('2.7.41491.949')).toBe(true);
    expect(isVersion('Unknown')).toBe(false);
  });
});

describe('agent rules', () => {
  it('say nothing about a ready, current agent', () => {
    expect(findingsFor(vm())).toEqual([]);
  });

  it("need attention when the agent is not installed, with the guide's Windows remedy and today's minimum", () => {
    const [f] = findingsFor(withAgent({ status: 'notInstalled', provisionVMAgent: false }));
    expect(f).toMatchObject({ ruleId: 'agent-not-installed', severity: 'attention', area: 'agent' });
    expect(f?.message).toContain('Azure accepts protection, but backups fail until the agent works');
    expect(f?.remediation).toContain('MSI');
    expect(f?.remediation).toContain('administrator');
    expect(f?.remediation).toContain('provisionVMAgent');
    expect(f?.remediation).toContain('C:\\WindowsAzure\\Packages\\WaAppAgent.exe');
    expect(f?.remediation).toContain('2.7.41491.1010 or higher');
    expect(f?.remediation).toContain('the 2016 guide asked for 2.6.1198.718');
    expect(f?.remediation).toContain("Don't install or update the agent while a backup is running.");
    expect(f?.sources.guide?.date).toBe('2016-08-01');
    expect(f?.sources.today.date).toBe('2026-01-22');
  });

  it("give Linux today's remedy: distribution packages, auto-update and waagent.conf settings", () => {
    const [f] = findingsFor(withAgent({ status: 'notInstalled' }, ubuntu()));
    expect(f?.remediation).toContain("distribution's package");
    expect(f?.remediation).toContain('auto-update');
    expect(f?.remediation).toContain('Extensions.Enable=y');
    expect(f?.remediation).toContain('Provisioning.Agent=auto');
    expect(f?.remediation).toContain('/etc/waagent.conf');
    expect(f?.remediation).toContain('2.2.53.1');
    expect(installRemedy('Linux')).not.toContain('MSI');
  });

  it('need attention, not block, on Not Ready and when a running VM does not report: Azure accepts protection', () => {
    expect(findingsFor(withAgent({ status: 'notReady' }))).toMatchObject([{ ruleId: 'agent-not-ready', severity: 'attention' }]);
    expect(findingsFor(withAgent({ status: 'notReporting', provisionVMAgent: true }))).toMatchObject([{ ruleId: 'agent-not-reporting', severity: 'attention' }]);
    const [notReady] = findingsFor(withAgent({ status: 'notReady' }));
    expect(notReady?.message).toContain('UserErrorGuestAgentStatusUnavailable');
    expect(notReady?.remediation).toContain('Windows Azure Guest Agent');
  });

  it('say plainly that a stopped VM’s agent status cannot be read', () => {
    const [f] = findingsFor(withAgent({ status: 'unknown', unknownReason: 'vmNotRunning', provisionVMAgent: true }));
    expect(f).toMatchObject({ ruleId: 'agent-status-unknown', severity: 'info', message: "The VM isn't running, so Azure can't read its agent status." });
  });

  it('need attention when a stopped VM was created without the agent', () => {
    const [f] = findingsFor(withAgent({ status: 'unknown', unknownReason: 'vmNotRunning', provisionVMAgent: false }));
    expect(f).toMatchObject({ ruleId: 'agent-status-unknown', severity: 'attention' });
    expect(f?.message).toContain('provisionVMAgent is false');
    expect(f?.remediation).toContain('MSI');
  });

  it("judge the version by today's minimums, per OS, with the guide's 2.6.1198.718 beside", () => {
    const older = findingsFor(withAgent({ status: 'ready', version: '2.6.1198.717' }));
    expect(older).toMatchObject([{ ruleId: 'agent-outdated', severity: 'attention' }]);
    expect(older[0]?.message).toContain("older even than the 2016 guide's 2.6.1198.718");
    // Enough for the guide, too old today.
    const guideOnly = findingsFor(withAgent({ status: 'ready', version: '2.7.41491.949' }));
    expect(guideOnly[0]?.message).toContain('Microsoft supports 2.7.41491.1010 or later today');
    expect(guideOnly[0]?.message).toContain("meets the 2016 guide's 2.6.1198.718");
    expect(findingsFor(withAgent({ status: 'ready', version: '2.7.41491.1010' }))).toEqual([]);
    expect(findingsFor(withAgent({ status: 'ready', version: '2.2.45' }, ubuntu()))).toMatchObject([{ ruleId: 'agent-outdated', severity: 'attention' }]);
    expect(findingsFor(withAgent({ status: 'ready', version: '2.2.53.1' }, ubuntu()))).toEqual([]);
  });

  it('show both sources on the version rule: the guide differs from today', () => {
    const [f] = findingsFor(withAgent({ status: 'ready', version: '2.6.1198.600' }));
    expect(f?.sources.today).toMatchObject({ title: 'Minimum version support for virtual machine agents in Azure', date: '2025-09-15' });
    expect(f?.sources.guide).toMatchObject({ date: '2016-08-01', says: 'required Windows agent 2.6.1198.718 or later, and no Linux version' });
    expect(f?.sources.guide?.agrees).toBeUndefined();
  });
});
