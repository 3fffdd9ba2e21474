// The VM agent checks. The backup extension runs inside the agent, so a running VM without a working agent
// has backups that fail. Azure still accepts protection for it, so these findings need attention rather
// than block: the user is told what will fail, and how to fix it, and may accept it. A stopped VM is backed
// up offline and its agent status can't be read.

import type { AgentFacts, OsType } from './facts.ts';
import { defineRule, type Finding, type Rule, type Severity } from './finding.ts';
import { MIN_AGENT_TODAY, MIN_WINDOWS_AGENT } from './limits.ts';
import { agreed, AGENT_TROUBLESHOOTING, guide2016, prepareToday, says, type RuleSources } from './sources.ts';

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

/** The remedy for a missing or broken agent, per OS: the guide's steps, with today's minimum version and Linux advice. */
export function installRemedy(osType: OsType): string {
  const today = MIN_AGENT_TODAY.value[osType];
  if (osType === 'Windows') {
    return (
      'Sign in to the VM as an administrator and install the VM agent MSI (https://go.microsoft.com/fwlink/?LinkID=394789), ' +
      "then update the VM property that tells Azure the agent is installed (osProfile provisionVMAgent / allowExtensionOperations). " +
      `Check that C:\\WindowsAzure\\Packages\\WaAppAgent.exe has Product Version ${today} or higher (Properties > Details; the 2016 guide asked for ${MIN_WINDOWS_AGENT.value}). ` +
      NO_BACKUP_DURING_UPDATE
    );
  }
  return (
    "With root rights, install or update the Linux agent (WALinuxAgent) from your distribution's package repository " +
    '(the project release at https://github.com/Azure/WALinuxAgent only if your distribution has no package), and turn on agent auto-update. ' +
    `In /etc/waagent.conf set Extensions.Enable=y and Provisioning.Agent=auto, then restart the agent; waagent --version should show goal state agent ${today} or later. ` +
    NO_BACKUP_DURING_UPDATE
  );
}

function restartRemedy(osType: OsType): string {
  const service = osType === 'Windows'
    ? 'restart the "Windows Azure Guest Agent" service'
    : 'restart the agent (systemctl restart walinuxagent on Ubuntu/Debian, waagent elsewhere)';
  return `Make sure the VM is running, then ${service}. If it stays Not Ready: ${installRemedy(osType)}`;
}

type AgentFinding = Omit<Finding, 'ruleId' | 'sources' | 'area'> & { sources?: RuleSources };
type AgentCheck = {
  id: string;
  title: string;
  severity: Severity;
  sources: RuleSources;
  check(agent: AgentFacts, osType: OsType): AgentFinding | undefined;
};

const INSTALL_SECTION = 'Install the VM Agent on the virtual machine';
const WILL_FAIL = 'Azure accepts protection, but backups fail until the agent works';

const INSTALL_SOURCES: RuleSources = {
  today: says(prepareToday('Install the VM agent'), 'Windows VMs get the agent MSI and Linux VMs the package of their distribution, not the GitHub release'),
  guide: says(guide2016(INSTALL_SECTION), 'required the agent, installed from the MSI on Windows and from GitHub on Linux'),
};

const CHECKS: readonly AgentCheck[] = [
  {
    id: 'agent-not-installed',
    title: 'The VM agent is not installed',
    severity: 'attention',
    sources: INSTALL_SOURCES,
    check: (agent, osType) =>
      agent.status !== 'notInstalled' ? undefined : {
        severity: 'attention',
        message: `The VM was created without the VM agent, and no agent reports from it. ${WILL_FAIL}: the backup extension runs inside the agent.`,
        remediation: installRemedy(osType),
      },
  },
  {
    id: 'agent-not-ready',
    title: 'The VM agent is not ready',
    severity: 'attention',
    sources: {
      today: says(AGENT_TROUBLESHOOTING, 'protection is accepted and backups then fail with UserErrorGuestAgentStatusUnavailable'),
      guide: agreed(guide2016(INSTALL_SECTION), 'required a working agent for the backup extension'),
    },
    check: (agent, osType) =>
      agent.status !== 'notReady' ? undefined : {
        severity: 'attention',
        message: `The VM agent reports Not Ready. ${WILL_FAIL} (UserErrorGuestAgentStatusUnavailable).`,
        remediation: restartRemedy(osType),
      },
  },
  {
    id: 'agent-not-reporting',
    title: 'The VM agent does not report',
    severity: 'attention',
    sources: INSTALL_SOURCES,
    check: (agent, osType) =>
      agent.status !== 'notReporting' ? undefined : {
        severity: 'attention',
        message: `The VM is running but its agent has not reported a status: it may be missing, stopped or still starting. ${WILL_FAIL}.`,
        remediation: `Wait a few minutes and check again. If it still doesn't report: ${installRemedy(osType)}`,
      },
  },
  {
    id: 'agent-status-unknown',
    title: 'The VM agent status is unknown',
    severity: 'attention',
    sources: {
      today: says(prepareToday('Apply a backup policy'), 'a VM that is turned off is backed up as an offline VM'),
      guide: agreed(guide2016('Backup extension'), 'backed up a turned-off VM offline, crash-consistent'),
    },
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
          severity: 'attention',
          message: `${why} It was created without the agent (provisionVMAgent is false), so backups may fail once it runs.`,
          remediation: `${remediation} If no agent is installed: ${installRemedy(osType)}`,
        };
      }
      return { severity: 'info', message: why, remediation };
    },
  },
  {
    id: 'agent-outdated',
    title: 'The VM agent is older than Microsoft supports',
    severity: 'attention',
    sources: {
      today: says(MIN_AGENT_TODAY.source, `Microsoft supports Windows agent ${MIN_AGENT_TODAY.value.Windows} and Linux agent ${MIN_AGENT_TODAY.value.Linux} or later`),
      guide: says(MIN_WINDOWS_AGENT.source, `required Windows agent ${MIN_WINDOWS_AGENT.value} or later, and no Linux version`),
    },
    check: (agent, osType) => {
      if (agent.version === undefined || !isVersion(agent.version)) return undefined;
      const minimum = MIN_AGENT_TODAY.value[osType];
      if (compareVersions(agent.version, minimum) >= 0) return undefined;
      const guide = osType === 'Windows'
        ? compareVersions(agent.version, MIN_WINDOWS_AGENT.value) < 0
          ? ` It is older even than the 2016 guide's ${MIN_WINDOWS_AGENT.value}.`
          : ` It meets the 2016 guide's ${MIN_WINDOWS_AGENT.value}, but that minimum is long out of support.`
        : '';
      return {
        severity: 'attention',
        message: `The VM agent is version ${agent.version}; Microsoft supports ${minimum} or later today, so extensions (backup included) may fail and agent problems aren't supported.${guide}`,
        remediation: osType === 'Windows'
          ? `Update the agent by reinstalling the VM agent MSI (https://go.microsoft.com/fwlink/?LinkID=394789) as an administrator. ${NO_BACKUP_DURING_UPDATE}`
          : `Update WALinuxAgent with your distribution's package manager and enable auto-update (AutoUpdate.Enabled=y in /etc/waagent.conf). ${NO_BACKUP_DURING_UPDATE}`,
      };
    },
  },
];

export const AGENT_RULES: readonly Rule[] = CHECKS.map((c) =>
  defineRule({
    id: c.id,
    title: c.title,
    severity: c.severity,
    area: 'agent',
    reads: ['agent', 'osType'],
    sources: c.sources,
    check: (facts) => c.check(facts.agent, facts.osType),
  }),
);
