// The VM agent checks. The backup extension runs inside the agent, so a running VM without a working
// agent can't be backed up; a stopped VM is backed up offline and its agent status can't be read.

import type { AgentFacts, OsType } from './facts.ts';
import { defineRule, type Finding, type Rule, type Severity } from './finding.ts';
import { MIN_WINDOWS_AGENT } from './limits.ts';
import { AGENT_TROUBLESHOOTING, guide2016, prepareToday, type Source } from './sources.ts';

/** True for dotted numeric versions such as "2.7.41491.949". */
export function isVersion(text: string): boolean {
  return /^\d+(\.\d+)*$/.test(text.trim());
}

/** Numeric, segment by segment; missing segments count as 0. Returns -1, 0 or 1. */
export function compareVersions(a: string, b: string): -1 | 0 | 1 {
  const left = a.trim().split('.').map(Number);
  const right = b.trim().split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const l = left[i] ?? 0;
    const r = right[i] ?? 0;
    if (l !== r) return l < r ? -1 : 1;
  }
  return 0;
}

const NO_BACKUP_DURING_UPDATE = "Don't install or update the agent while a backup is running.";

/** The guide's remedy for a missing or broken agent, per OS (Linux updated to today's advice: distro packages). */
export function installRemedy(osType: OsType): string {
  if (osType === 'Windows') {
    return (
      'Sign in to the VM as an administrator and install the VM agent MSI (https://go.microsoft.com/fwlink/?LinkID=394789), ' +
      "then update the VM property that tells Azure the agent is installed (osProfile provisionVMAgent / allowExtensionOperations). " +
      `Check that C:\\WindowsAzure\\Packages\\WaAppAgent.exe has Product Version ${MIN_WINDOWS_AGENT.value} or higher (Properties > Details). ` +
      NO_BACKUP_DURING_UPDATE
    );
  }
  return (
    "With root rights, install or update the Linux agent (WALinuxAgent) from your distribution's package repository " +
    '(or the project release at https://github.com/Azure/WALinuxAgent if your distribution has no package). ' +
    'In /etc/waagent.conf set Extensions.Enable=y and Provisioning.Agent=auto, then restart the agent. ' +
    NO_BACKUP_DURING_UPDATE
  );
}

function restartRemedy(osType: OsType): string {
  const service = osType === 'Windows'
    ? 'restart the "Windows Azure Guest Agent" service'
    : 'restart the agent (systemctl restart walinuxagent on Ubuntu/Debian, waagent elsewhere)';
  return `Make sure the VM is running, then ${service}. If it stays Not Ready: ${installRemedy(osType)}`;
}

type AgentFinding = Omit<Finding, 'ruleId' | 'source'> & { source?: Source };
type AgentCheck = { id: string; severity: Severity; source: Source; check(agent: AgentFacts, osType: OsType): AgentFinding | undefined };

const INSTALL_SECTION = 'Install the VM Agent on the virtual machine';

/** Linux install advice follows today's article (distro packages), not the 2016 guide (GitHub). */
function installSource(osType: OsType): Source | undefined {
  return osType === 'Linux' ? prepareToday('Install the VM agent') : undefined;
}

function withSource(finding: Omit<AgentFinding, 'source'>, source: Source | undefined): AgentFinding {
  return source ? { ...finding, source } : finding;
}

const CHECKS: readonly AgentCheck[] = [
  {
    id: 'agent-not-installed',
    severity: 'blocker',
    source: guide2016(INSTALL_SECTION),
    check: (agent, osType) =>
      agent.status !== 'notInstalled' ? undefined : withSource({
        severity: 'blocker',
        message: 'The VM was created without the VM agent, and no agent reports from it. The backup extension needs the agent.',
        remediation: installRemedy(osType),
      }, installSource(osType)),
  },
  {
    id: 'agent-not-ready',
    severity: 'blocker',
    source: AGENT_TROUBLESHOOTING,
    check: (agent, osType) =>
      agent.status !== 'notReady' ? undefined : {
        severity: 'blocker',
        message: 'The VM agent reports Not Ready, so backups would fail (UserErrorGuestAgentStatusUnavailable).',
        remediation: restartRemedy(osType),
      },
  },
  {
    id: 'agent-not-reporting',
    severity: 'warning',
    source: guide2016(INSTALL_SECTION),
    check: (agent, osType) =>
      agent.status !== 'notReporting' ? undefined : withSource({
        severity: 'warning',
        message: 'The VM is running but its agent has not reported a status. The agent may be missing, stopped or still starting.',
        remediation: `Wait a few minutes and check again. If it still doesn't report: ${installRemedy(osType)}`,
      }, installSource(osType)),
  },
  {
    id: 'agent-status-unknown',
    severity: 'warning',
    source: guide2016('Backup extension'),
    check: (agent, osType) => {
      if (agent.status !== 'unknown') return undefined;
      const why = agent.unknownReason === 'vmStarting'
        ? "The VM is starting, so its agent status isn't known yet."
        : agent.unknownReason === 'powerStateUnknown'
          ? "Azure didn't report the VM's power state, so its agent status can't be read."
          : "The VM isn't running, so Azure can't read its agent status.";
      const remediation = 'Start the VM and check again to confirm the agent is Ready before relying on application-consistent backups.';
      // Offline backups work without the agent, but this VM will likely fail once it runs.
      if (agent.provisionVMAgent === false) {
        return {
          severity: 'warning',
          message: `${why} It was created without the agent (provisionVMAgent is false), so backups may fail once it runs.`,
          remediation: `${remediation} If no agent is installed: ${installRemedy(osType)}`,
        };
      }
      return { severity: 'info', message: why, remediation };
    },
  },
  {
    id: 'agent-outdated',
    severity: 'warning',
    source: MIN_WINDOWS_AGENT.source,
    check: (agent, osType) => {
      if (osType !== 'Windows' || agent.version === undefined || !isVersion(agent.version)) return undefined;
      if (compareVersions(agent.version, MIN_WINDOWS_AGENT.value) >= 0) return undefined;
      return {
        severity: 'warning',
        message: `The VM agent is version ${agent.version}; the backup extension needs ${MIN_WINDOWS_AGENT.value} or later.`,
        remediation: `Update the agent by reinstalling the VM agent MSI (https://go.microsoft.com/fwlink/?LinkID=394789) as an administrator. ${NO_BACKUP_DURING_UPDATE}`,
      };
    },
  },
];

export const AGENT_RULES: readonly Rule[] = CHECKS.map((c) =>
  defineRule({
    id: c.id,
    severity: c.severity,
    reads: ['agent', 'osType'],
    source: c.source,
    check: (facts) => c.check(facts.agent, facts.osType),
  }),
);
