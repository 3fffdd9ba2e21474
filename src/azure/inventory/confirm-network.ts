// Azure's effective-rules operation confirms the verdicts computed from the NSGs: for one VM on demand, and for
// at most CONFIRM_AUTOMATICALLY selected VMs on its own (each confirmation is a long-running POST per NIC, so
// a whole table of them would cost what the pair evaluation saved).
import { evaluateOutbound443, type NetworkReport } from '../../readiness/index.ts';
import type { ArmClients } from '../clients.ts';
import { toAzureError } from '../errors.ts';
import { listEffectiveNsgs } from '../network-security.ts';
import { mapConcurrent } from '../paging.ts';
import type { FleetRow } from './fleet-rows.ts';
import { subscriptionOf } from './normalise.ts';

/** How many selected VMs are confirmed without being asked: the rest on demand, one at a time. */
export const CONFIRM_AUTOMATICALLY = 10;

export type NetworkConfirmation =
  | { vmId: string; outcome: 'confirmed'; report: NetworkReport; agreesWithRules: boolean }
  | { vmId: string; outcome: 'unavailable'; reason: string };

/** Azure's verdict for the row's primary NIC, from its effective rules. */
export async function confirmNetwork(clients: ArmClients, row: Pick<FleetRow, 'facts' | 'network'>): Promise<NetworkConfirmation> {
  const vmId = row.facts.id;
  const nicId = row.network.nicId;
  if (!nicId) return { vmId, outcome: 'unavailable', reason: 'The VM has no network interface to check.' };
  try {
    const layers = await listEffectiveNsgs(clients, subscriptionOf(nicId), nicId);
    const input = row.network.privateIp ? { layers, location: row.facts.location, sourceAddress: row.network.privateIp } : { layers, location: row.facts.location };
    const report = evaluateOutbound443(input);
    return { vmId, outcome: 'confirmed', report, agreesWithRules: report.overall.status === row.network.report.overall.status };
  } catch (error) {
    // Azure answers only for a NIC of a running VM (NicNotAttachedToRunningVm otherwise): say so, don't fail the table.
    return { vmId, outcome: 'unavailable', reason: toAzureError(error).message };
  }
}

/** Confirms at most `max` of the rows (the first ones: pass the selection in its order), 2 at a time. */
export async function confirmNetworks(clients: ArmClients, rows: readonly Pick<FleetRow, 'facts' | 'network'>[], max = CONFIRM_AUTOMATICALLY): Promise<NetworkConfirmation[]> {
  return mapConcurrent(rows.slice(0, Math.max(0, max)), 2, (row) => confirmNetwork(clients, row));
}
