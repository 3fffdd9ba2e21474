import type { VaultContext, VmFacts } from './facts.ts';
import type { RuleSources } from './sources.ts';

/**
 * blocker: Azure refuses protection, or backups can't work (the VM can't be selected);
 * attention: protection can be enabled, but backups will fail or degrade until it is fixed (selectable once accepted);
 * info: worth knowing, not a verdict (restore caveats, offline VMs).
 */
export type Severity = 'blocker' | 'attention' | 'info';

/**
 * Which step checks a finding in full and takes its acceptance: the VM agent and Network steps re-read
 * what they judge; everything else is accepted on the Virtual machines step.
 */
export type FindingArea = 'vm' | 'agent' | 'network';

/** What the UI shows: one sentence of what is wrong, one of what to do, and what the guide and today's documents say. */
export type Finding = {
  ruleId: string;
  severity: Severity;
  area: FindingArea;
  message: string;
  remediation: string;
  sources: RuleSources;
};

export type Rule = {
  id: string;
  /** A few words for lists and the summary's open findings, e.g. "The VM agent is not ready". */
  title: string;
  /** The worst severity the rule can raise (a rule may also raise milder ones). */
  severity: Severity;
  area: FindingArea;
  /** The facts the rule reads, so the gatherer knows what it must fetch. */
  reads: readonly (keyof VmFacts)[];
  sources: RuleSources;
  evaluate(facts: VmFacts, vault: VaultContext): Finding | undefined;
};

export type RuleCheck = Omit<Finding, 'ruleId' | 'sources' | 'area'> & { sources?: RuleSources };

/** Builds a rule whose findings carry its id, area and sources unless they say otherwise. */
export function defineRule(
  rule: Omit<Rule, 'evaluate' | 'area'> & { area?: FindingArea; check(facts: VmFacts, vault: VaultContext): RuleCheck | undefined },
): Rule {
  const { check, area = 'vm', ...meta } = rule;
  return {
    ...meta,
    area,
    evaluate(facts, vault) {
      const found = check(facts, vault);
      if (!found) return undefined;
      return { ruleId: rule.id, sources: rule.sources, area, ...found };
    },
  };
}
