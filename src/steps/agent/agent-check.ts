// Checks the selected VMs' agents: one read per VM (its profile and instance view together), a few at a
// time, each VM on its own so one failure doesn't hide the others' results.
import { toAzureError, type AzureError } from '../../azure/errors.ts';
import type { ArmGateway } from '../../azure/gateway.ts';
import { mapConcurrent } from '../../azure/paging.ts';
import type { VmCheckRead } from '../../azure/vm-check-read.ts';
import { agentView, type AgentVmView } from './agent-view.ts';

export type AgentGateway = Pick<ArmGateway, 'readVmForChecks'>;

export type AgentOutcome =
  | { kind: 'checked'; view: AgentVmView }
  /** The VM no longer exists (deleted since it was selected). */
  | { kind: 'gone' }
  | { kind: 'failed'; error: AzureError };

/** Bounded: enough to hide latency, few enough not to burn the subscription's read budget in one burst. */
export const AGENT_CHECK_CONCURRENCY = 6;

/** One check's reads, by VM id: a VM listed twice in a check is read once. */
export type ReadCache = Map<string, Promise<VmCheckRead | null>>;

export function readOnce(gateway: AgentGateway, cache: ReadCache, vmId: string): Promise<VmCheckRead | null> {
  const key = vmId.toLowerCase();
  let pending = cache.get(key);
  if (!pending) {
    pending = gateway.readVmForChecks(vmId);
    cache.set(key, pending);
  }
  return pending;
}

export async function checkAgent(gateway: AgentGateway, vmId: string, cache: ReadCache = new Map()): Promise<AgentOutcome> {
  try {
    const read = await readOnce(gateway, cache, vmId);
    return read === null ? { kind: 'gone' } : { kind: 'checked', view: agentView(read) };
  } catch (error) {
    return { kind: 'failed', error: toAzureError(error) };
  }
}

/** Checks every VM; `onOutcome` hears each as it arrives so the table fills in progressively. */
export async function checkAgents(
  gateway: AgentGateway,
  vmIds: readonly string[],
  onOutcome: (vmId: string, outcome: AgentOutcome) => void,
  concurrency = AGENT_CHECK_CONCURRENCY,
): Promise<void> {
  const cache: ReadCache = new Map();
  await mapConcurrent(vmIds, concurrency, async (vmId) => {
    onOutcome(vmId, await checkAgent(gateway, vmId, cache));
  });
}
