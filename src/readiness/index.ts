// The readiness module's public surface: facts in, findings and verdicts out. Pure TypeScript, no I/O.
export * from './facts.ts';
export * from './os.ts';
export * from './limits.ts';
export * from './sources.ts';
export * from './finding.ts';
export { compareVersions, isVersion, installRemedy } from './agent.ts';
export { RULES, evaluateVm, networkFindings, GENERAL_NOTES, type Verdict, type VmReadiness, type GeneralNote } from './rules.ts';
export { osOf, taggedAsDomainController } from './os-rules.ts';
export * from './nsg.ts';
export * from './network.ts';
export * from './nsg-proposals.ts';
export * from './proxy-steps.ts';
