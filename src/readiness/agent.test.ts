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

  it('block when the agent is not installed, with the Windows remedy from the guide', () => {
    const [f] = findingsFor(withAgent({ status: 'notInstalled', provisionVMAgent: false }));
    expect(f).toMatchObject({ ruleId: 'agent-not-installed', severity: 'blocker' });
    expect(f?.remediation).toContain('MSI');
    expect(f?.remediation).toContain('administrator');
    expect(f?.remediation).toContain('provisionVMAgent');
    expect(f?.remediation).toContain('C:\\WindowsAzure\\Packages\\WaAppAgent.exe');
    expect(f?.remediation).toContain('2.6.1198.718');
    expect(f?.remediation).toContain("Don't install or update the agent while a backup is running.");
    expect(f?.source.date).toBe('2016-08-01');
  });

  it("give Linux today's remedy: distribution packages and waagent.conf settings", () => {
    const [f] = findingsFor(withAgent({ status: 'notInstalled' }, ubuntu()));
    expect(f?.remediation).toContain("distribution's package");
    expect(f?.remediation).toContain('Extensions.Enable=y');
    expect(f?.remediation).toContain('Provisioning.Agent=auto');
    expect(f?.remediation).toContain('/etc/waagent.conf');
    expect(f?.source.date).toBe('2026-01-22');
    expect(installRemedy('Linux')).not.toContain('MSI');
  });

  it('block on Not Ready and warn when a running VM does not report', () => {
    expect(findingsFor(withAgent({ status: 'notReady' }))).toMatchObject([{ ruleId: 'agent-not-ready', severity: 'blocker' }]);
    expect(findingsFor(withAgent({ status: 'notReporting', provisionVMAgent: true }))).toMatchObject([{ ruleId: 'agent-not-reporting', severity: 'warning' }]);
  });

  it('say plainly that a stopped VM’s agent status cannot be read', () => {
    const [f] = findingsFor(withAgent({ status: 'unknown', unknownReason: 'vmNotRunning', provisionVMAgent: true }));
    expect(f).toMatchObject({ ruleId: 'agent-status-unknown', severity: 'info', message: "The VM isn't running, so Azure can't read its agent status." });
  });

  it('warn when a stopped VM was created without the agent', () => {
    const [f] = findingsFor(withAgent({ status: 'unknown', unknownReason: 'vmNotRunning', provisionVMAgent: false }));
    expect(f).toMatchObject({ ruleId: 'agent-status-unknown', severity: 'warning' });
    expect(f?.message).toContain('provisionVMAgent is false');
    expect(f?.remediation).toContain('MSI');
  });

  it('warn about a Windows agent older than 2.6.1198.718, and only on Windows', () => {
    expect(findingsFor(withAgent({ status: 'ready', version: '2.6.1198.717' }))).toMatchObject([{ ruleId: 'agent-outdated', severity: 'warning' }]);
    expect(findingsFor(withAgent({ status: 'ready', version: '2.6.1198.718' }))).toEqual([]);
    expect(findingsFor(withAgent({ status: 'ready', version: '2.2.10' }, ubuntu()))).toEqual([]);
  });
});
