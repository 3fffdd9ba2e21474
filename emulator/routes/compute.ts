// Microsoft.Compute virtual machines: list per subscription and resource group, get.
// The stored VM carries its instance view; ARM returns it only when asked
// ($expand=instanceView), and statusOnly=true returns just the power/provisioning statuses.
import { API_VERSIONS } from '../arm/api-versions.ts';
import { armErrors } from '../arm/errors.ts';
import { page } from '../arm/paging.ts';
import type { ArmContext, ArmRoute } from '../arm/types.ts';
import type { ArmResource } from '../state/store.ts';

const versions = API_VERSIONS.compute;
export const VM_TYPE = 'Microsoft.Compute/virtualMachines';

export function vmId(ctx: ArmContext): string {
  const p = ctx.params;
  return `/subscriptions/${p['subscriptionId']}/resourceGroups/${p['resourceGroupName']}/providers/${VM_TYPE}/${p['vmName']}`;
}

function expand(ctx: ArmContext): string {
  return (ctx.query.get('$expand') ?? '').toLowerCase();
}

/** The VM as ARM returns it for this request. */
export function vmView(vm: ArmResource, mode: 'plain' | 'instanceView' | 'statusOnly'): ArmResource {
  const { instanceView, ...properties } = (vm.properties ?? {}) as Record<string, unknown> & { instanceView?: { statuses?: unknown } };
  if (mode === 'instanceView') return vm;
  if (mode === 'statusOnly') return { ...vm, properties: { ...properties, instanceView: { statuses: instanceView?.statuses ?? [] } } };
  return { ...vm, properties };
}

export function getVm(ctx: ArmContext): ArmResource {
  const vm = ctx.store.get(vmId(ctx));
  if (!vm) throw armErrors.resourceNotFound(VM_TYPE, ctx.params['vmName'] ?? '', ctx.params['resourceGroupName'] ?? '');
  return vm;
}

function listMode(ctx: ArmContext): 'plain' | 'statusOnly' | 'instanceView' {
  if (ctx.query.get('statusOnly')?.toLowerCase() === 'true') return 'statusOnly';
  return expand(ctx) === 'instanceview' ? 'instanceView' : 'plain';
}

export const computeRoutes: ArmRoute[] = [
  {
    method: 'GET',
    path: '/subscriptions/{subscriptionId}/providers/Microsoft.Compute/virtualMachines',
    apiVersions: versions,
    action: 'Microsoft.Compute/virtualMachines/read',
    handler: (ctx) => {
      const vms = ctx.store.list({ type: VM_TYPE, scope: `/subscriptions/${ctx.params['subscriptionId']}` });
      const mode = listMode(ctx);
      return { status: 200, body: page(ctx, vms.map((vm) => vmView(vm, mode))) };
    },
  },
  {
    method: 'GET',
    path: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/virtualMachines',
    apiVersions: versions,
    action: 'Microsoft.Compute/virtualMachines/read',
    handler: (ctx) => {
      const scope = `/subscriptions/${ctx.params['subscriptionId']}/resourceGroups/${ctx.params['resourceGroupName']}`;
      const vms = ctx.store.list({ type: VM_TYPE, scope });
      const mode = listMode(ctx);
      return { status: 200, body: page(ctx, vms.map((vm) => vmView(vm, mode))) };
    },
  },
  {
    method: 'GET',
    path: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/virtualMachines/{vmName}',
    apiVersions: versions,
    action: 'Microsoft.Compute/virtualMachines/read',
    handler: (ctx) => ({ status: 200, body: vmView(getVm(ctx), expand(ctx) === 'instanceview' ? 'instanceView' : 'plain') }),
  },
];
