// The one vocabulary every step, the summary and the exports use: three verdict words, and the labels of
// the severities that lead to them. Change a word here and it changes everywhere.
import type { Finding, Severity } from './finding.ts';

export type Verdict = 'ready' | 'attention' | 'blocked';

export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  ready: 'Ready',
  attention: 'Needs attention',
  blocked: 'Blocked',
};

/** What each verdict means for the user, in one line (tooltips, legends, exports). */
export const VERDICT_MEANING: Readonly<Record<Verdict, string>> = {
  ready: 'Nothing stops the backup.',
  attention: 'Protection can be enabled, but backups will fail or degrade until this is fixed: accept it to go on.',
  blocked: 'Azure refuses protection, or backups cannot work: the VM cannot be selected.',
};

/** A severity's label is its verdict's word, so a finding and the verdict it causes read the same. */
export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  blocker: VERDICT_LABELS.blocked,
  attention: VERDICT_LABELS.attention,
  info: 'Note',
};

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { blocker: 0, attention: 1, info: 2 };

export function verdictLabel(verdict: Verdict): string {
  return VERDICT_LABELS[verdict];
}

export function severityLabel(severity: Severity): string {
  return SEVERITY_LABELS[severity];
}

/** The verdict the severities lead to; notes are not verdicts. */
export function verdictOfSeverities(severities: Iterable<Severity>): Verdict {
  let verdict: Verdict = 'ready';
  for (const severity of severities) {
    if (severity === 'blocker') return 'blocked';
    if (severity === 'attention') verdict = 'attention';
  }
  return verdict;
}

export function verdictOf(findings: readonly Pick<Finding, 'severity'>[]): Verdict {
  return verdictOfSeverities(findings.map((f) => f.severity));
}

/** Worst first, stable otherwise. */
export function bySeverity<F extends Pick<Finding, 'severity'>>(findings: readonly F[]): F[] {
  return [...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

/** The findings a user must accept to go on with a VM that needs attention. */
export function acceptableFindings<F extends Pick<Finding, 'severity'>>(findings: readonly F[]): F[] {
  return findings.filter((f) => f.severity === 'attention');
}
