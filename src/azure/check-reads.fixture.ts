// Test support: the per-VM reads of the Agent and Network steps, answered from the emulator's store
// loaded with a fixture — the same wire JSON the emulator serves — through the same mapping functions the
// real gateway applies to the SDK's answers. Every call is logged, so tests can count requests.
import { instanceViewOf, vmView } from '../../emulator/routes/compute.ts';
import { effectiveGroups } from '../../emulator/routes/network-effective.ts';
import { createMemoryStore, DEFAULT_FIXTURE_PATH, loadFixtureFile, type ArmResource, type Store } from '../../emulator/state/store.ts';
import { layersFromEffective } from '../readiness/index.ts';
import { AzureRequestError, type AzureError } from './errors.ts';
import type { ArmGateway } from './gateway.ts';
import { nicInfoFrom, nsgInfoFrom, subnetInfoFrom } from './network-security.ts';
import { vmCheckReadFrom } from './vm-check-read.ts';

export const PRODUCTION = '8c6b1f3e-2a4d-4f5b-9e7c-0a1b2c3d4e5f';

export function contosoStore(): Store {
  return createMemoryStore(loadFixtureFile(DEFAULT_FIXTURE_PATH));
}

export function vmIdOf(resourceGroup: string, name: string): string {
  return `/subscriptions/${PRODUCTION}/resourceGroups/${resourceGroup}/providers/Microsoft.Compute/virtualMachines/${name}`;
}

export type CheckReads = Pick<
  ArmGateway,
  'readVmForChecks' | 'getNetworkInterface' | 'getSubnet' | 'getNetworkSecurityGroup' | 'listEffectiveNsgs'
>;

const cast = <T>(value: unknown): T => value as T;

function fail(detail: AzureError): never {
  throw new AzureRequestError(detail);
}

function need(store: Store, id: string): ArmResource {
  return store.get(id) ?? fail({ kind: 'notFound', status: 404, code: 'NotFound', message: `Resource ${id} not found.` });
}

function running(vm: ArmResource | undefined): boolean {
  const statuses = (vm && (instanceViewOf(vm)?.['statuses'] as { code?: string }[] | undefined)) ?? [];
  return statuses.some((s) => s.code?.toLowerCase() === 'powerstate/running');
}

/** A gateway over `store`; `calls` lists each call as "operation id". `overrides` replace single operations. */
export function storeReads(store: Store, overrides: Partial<CheckReads> = {}): { gateway: CheckReads; calls: string[] } {
  const calls: string[] = [];
  const gateway: CheckReads = {
    async readVmForChecks(vmId) {
      calls.push(`readVm ${vmId}`);
      const vm = store.get(vmId);
      return vm ? vmCheckReadFrom(cast(vmView(vm, 'instanceView')), vmId) : null;
    },
    async getNetworkInterface(_sub, nicId) {
      calls.push(`getNic ${nicId}`);
      return nicInfoFrom(cast(need(store, nicId)), nicId);
    },
    async getSubnet(_sub, subnetId) {
      calls.push(`getSubnet ${subnetId}`);
      return subnetInfoFrom(cast(need(store, subnetId)), subnetId);
    },
    async getNetworkSecurityGroup(_sub, nsgId) {
      calls.push(`getNsg ${nsgId}`);
      return nsgInfoFrom(cast(need(store, nsgId)), nsgId);
    },
    async listEffectiveNsgs(_sub, nicId) {
      calls.push(`effective ${nicId}`);
      const nic = need(store, nicId);
      const vmRef = nic.properties?.['virtualMachine'] as { id: string } | undefined;
      if (!running(vmRef ? store.get(vmRef.id) : undefined)) {
        fail({ kind: 'validation', status: 400, code: 'NicNotAttachedToRunningVm', message: `Network interface ${nicId} is not attached to a running VM.` });
      }
      return layersFromEffective(cast({ value: effectiveGroups(store, nic) }));
    },
    ...overrides,
  };
  return { gateway, calls };
}

/** Changes a stored resource the way `PATCH /_emulator/resource` does (objects merge, arrays replace). */
export function patchResource(store: Store, id: string, merge: Record<string, unknown>): void {
  const current = need(store, id);
  store.put(deepMerge(current, merge) as ArmResource);
}

function deepMerge(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  if (typeof target !== 'object' || target === null || Array.isArray(target)) return patch;
  const out: Record<string, unknown> = { ...(target as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch)) out[key] = deepMerge(out[key], value);
  return out;
}
