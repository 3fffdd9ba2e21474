import { agentReadable, type FleetRow } from './fleet-rows.ts';
import { regionKey } from './normalise.ts';

/** The VMs whose agent is worth reading: running (or of unknown power state) in the chosen regions, not read yet. */
export function agentEligible(rows: readonly FleetRow[], regions: readonly string[]): string[] {
  const chosen = new Set(regions.map(regionKey));
  return rows.filter((r) => chosen.has(regionKey(r.facts.location)) && agentReadable(r.facts.powerState) && r.agent.source === 'notRead').map((r) => r.facts.id);
}
