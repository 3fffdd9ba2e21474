import type { VaultContext, VmFacts } from './facts.ts';
import type { Source } from './sources.ts';

/** blocker: backup can't be enabled or can't work; warning: it may fail or is only partly supported; info: worth knowing. */
export type Severity = 'blocker' | 'warning' | 'info';

/** What the UI shows: one sentence of what is wrong, one of what to do, and where that comes from. */
export type Finding = {
  ruleId: string;
  severity: Severity;
  message: string;
  remediation: string;
  source: Source;
};

export type Rule = {
  id: string;
  /** The worst severity the rule can raise (a rule may also raise milder ones). */
  severity: Severity;
  /** The facts the rule reads, so the gatherer knows what it must fetch. */
  reads: readonly (keyof VmFacts)[];
  source: Source;
  evaluate(facts: VmFacts, vault: VaultContext): Finding | undefined;
};

/** Builds a rule whose findings carry its id and source unless they say otherwise. */
export function defineRule(
  rule: Omit<Rule, 'evaluate'> & {
    check(facts: VmFacts, vault: VaultContext): Omit<Finding, 'ruleId' | 'source'> & { source?: Source } | undefined;
  },
): Rule {
  const { check, ...meta } = rule;
  return {
    ...meta,
    evaluate(facts, vault) {
      const found = check(facts, vault);
      if (!found) return undefined;
      return { ruleId: rule.id, source: rule.source, ...found };
    },
  };
}
