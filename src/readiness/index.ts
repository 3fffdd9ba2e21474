// The readiness module's public surface: facts in, findings and verdicts out. Pure TypeScript, no I/O.
export * from './facts.ts';
export * from './os.ts';
export * from './limits.ts';
export * from './sources.ts';
export * from './finding.ts';
export * from './verdict.ts';
export { compareVersions, isVersion, installRemedy } from './agent.ts';
export { RULES, evaluateVm, ruleTitle, writeAcceleratorDisks, GENERAL_NOTES, type VmReadiness, type GeneralNote } from './rules.ts';
export { networkFindings, NETWORK_SOURCES, NETWORK_RULE_TITLES, type NetworkContext } from './network-rules.ts';
export { agentlessProblems, enhancedReasons, policyFindings, sizeFeatures, type PolicyKind } from './policy-fit.ts';
export { osOf, taggedAsDomainController } from './os-rules.ts';
export * from './nsg.ts';
export * from './network.ts';
export * from './nsg-proposals.ts';
export * from './proxy-steps.ts';
