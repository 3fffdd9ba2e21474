// The fleet table's data (issue 9): the inventory of a scope, its rows, the agent reads and the network
// confirmations. I/O goes through the gateway (ArmGateway: loadFleetInventory, countVms, readAgents,
// confirmNetwork(s), ensureDiscovery); what is re-exported here is pure and safe to use in components.
export type * from './types.ts';
export { buildFleetRows, withAgent, withEffectiveNetwork, withVault, agentReadable, ownRegionVault } from './fleet-rows.ts';
export type { AgentReadResult, AgentSource, FleetAgent, FleetProtection, FleetRow, FleetRowOptions } from './fleet-rows.ts';
export { createPairEvaluator, type FleetNetwork, type NetworkSource, type PairEvaluator } from './network-verdicts.ts';
export type { AgentProgress, AgentReader, AgentReaderSummary } from './agent-reader.ts';
export { CONFIRM_AUTOMATICALLY, type NetworkConfirmation } from './confirm-network.ts';
export type { VmCount, VmCounts } from './fleet-counts.ts';
export type { LoadInventoryOptions } from './load-inventory.ts';
export type { DiscoveryState } from './discovery.ts';
export { agentEligible } from './eligible.ts';
