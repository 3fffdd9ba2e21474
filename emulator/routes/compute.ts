// Microsoft.Compute virtual machines: list per subscription and resource group, get, the instance
// view, and the VM's extensions. The stored VM carries its instance view; ARM returns it only when
// asked ($expand=instanceView or /instanceView), and statusOnly=true returns just the statuses.
import { API_VERSIONS } from '../arm/api-versions.ts';
import { armErrors } from '../arm/errors.ts';
import { page } from '../arm/paging.ts';
import type { ArmContext, ArmRoute } from '../arm/types.ts';
import type { ArmResource } from '../state/store.ts';
import { VM_SIZES } from '../state/vm-sizes.ts';
import { findRegion } from '../state/wire-catalog.ts';

const versions = API_VERSIONS.compute;
export const VM_TYPE = 'Microsoft.Compute/virtualMachines';
const EXTENSION_TYPE = 'Microsoft.Compute/virtualMachines/extensions';
const VM_PATH = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/virtualMachines/{vmName}';

type Obj = Record<string, unknown>;
type ViewMode = 'plain' | 'instanceView' | 'statusOnly';

export function vmId(ctx: ArmContext): string {
  const p = ctx.params;
  return `/subscriptions/${p['subscriptionId']}/resourceGroups/${p['resourceGroupName']}/providers/${VM_TYPE}/${p['vmName']}`;
}

function expand(ctx: ArmContext): string {
  return (ctx.query.get('$expand') ?? '').toLowerCase();
}

export function instanceViewOf(vm: ArmResource): Obj | undefined {
  const view = vm.properties?.['instanceView'];
  return typeof view === 'object' && view !== null ? (view as Obj) : undefined;
}

/**
 * The VM as ARM returns it for this request. statusOnly=true drops the profiles and tags: public
 * clients report that real ARM leaves them out (they merge the answer with a plain list), though
 * exactly which fields remain is [unconfirmed]. Dropping them keeps the app from relying on more
 * than Azure is known to send.
 */
export function vmView(vm: ArmResource, mode: ViewMode, apiVersion?: string): ArmResource {
  const { instanceView, ...stored } = vm.properties ?? {};
  const properties = withSecurityType(stored, apiVersion);
  if (mode === 'instanceView') return { ...vm, properties: { ...properties, instanceView } };
  if (mode === 'statusOnly') {
    const statuses = (instanceView as { statuses?: unknown } | undefined)?.statuses ?? [];
    return {
      id: vm.id,
      name: vm.name,
      type: vm.type,
      ...(vm.location === undefined ? {} : { location: vm.location }),
      properties: { vmId: properties['vmId'], instanceView: { statuses } },
    };
  }
  return { ...vm, properties };
}

// From api-version 2025-11-01 on, a VM without UEFI security features says so: securityType Standard.
const STANDARD_SECURITY_FROM = '2025-11-01';

function withSecurityType(properties: Obj, apiVersion: string | undefined): Obj {
  if (apiVersion === undefined || apiVersion < STANDARD_SECURITY_FROM || properties['securityProfile'] !== undefined) return properties;
  return { ...properties, securityProfile: { securityType: 'Standard' } };
}

export function getVm(ctx: ArmContext): ArmResource {
  const vm = ctx.store.get(vmId(ctx));
  if (!vm) throw armErrors.resourceNotFound(VM_TYPE, ctx.params['vmName'] ?? '', ctx.params['resourceGroupName'] ?? '');
  return vm;
}

const SCALE_SET_FILTER = /^\s*'?virtualMachineScaleSet\/id'?\s+eq\s+'([^']+)'\s*$/i;

/**
 * The list calls' view and filter. The SDK documents that $expand=instanceView "can only be specified
 * if a valid $filter option is specified"; we enforce that (error code [unconfirmed]) so the app cannot
 * come to depend on a combination Azure refuses. The only documented filter is by scale set.
 */
function listQuery(ctx: ArmContext): { mode: ViewMode; keep: (vm: ArmResource) => boolean } {
  const filter = ctx.query.get('$filter');
  let keep: (vm: ArmResource) => boolean = () => true;
  if (filter !== null) {
    const scaleSet = SCALE_SET_FILTER.exec(filter)?.[1];
    if (scaleSet === undefined) {
      throw armErrors.invalidComputeParameter(
        `The $filter '${filter}' is not supported. Use 'virtualMachineScaleSet/id' eq '<scale set id>'.`,
        '$filter',
      );
    }
    keep = (vm) => {
      const ref = vm.properties?.['virtualMachineScaleSet'] as { id?: string } | undefined;
      return ref?.id?.toLowerCase() === scaleSet.toLowerCase();
    };
  }
  if (ctx.query.get('statusOnly')?.toLowerCase() === 'true') return { mode: 'statusOnly', keep };
  const wanted = expand(ctx);
  if (wanted === '') return { mode: 'plain', keep };
  if (wanted !== 'instanceview') {
    throw armErrors.invalidComputeParameter(`The value '${ctx.query.get('$expand') ?? ''}' of $expand is not supported. Use 'instanceView'.`, '$expand');
  }
  if (filter === null) {
    throw armErrors.invalidComputeParameter("The $expand option 'instanceView' can be used only together with a valid $filter.", '$expand');
  }
  return { mode: 'instanceView', keep };
}

function listVms(ctx: ArmContext, scope: string) {
  const { mode, keep } = listQuery(ctx);
  const vms = ctx.store.list({ type: VM_TYPE, scope }).filter(keep);
  return { status: 200, body: page(ctx, vms.map((vm) => vmView(vm, mode, ctx.apiVersion))) };
}

/** An extension as ARM returns it; $expand=instanceView adds the status the guest agent reported. */
function extensionView(ctx: ArmContext, vm: ArmResource, ext: ArmResource): ArmResource {
  if (expand(ctx) !== 'instanceview') return ext;
  const reported = (instanceViewOf(vm)?.['extensions'] as Obj[] | undefined) ?? [];
  const status = reported.find((e) => typeof e['name'] === 'string' && e['name'].toLowerCase() === ext.name.toLowerCase());
  return status ? { ...ext, properties: { ...ext.properties, instanceView: status } } : ext;
}

export const computeRoutes: ArmRoute[] = [
  {
    // Not paged: ARM answers one {value} list per region.
    method: 'GET',
    path: '/subscriptions/{subscriptionId}/providers/Microsoft.Compute/locations/{location}/vmSizes',
    apiVersions: versions,
    action: 'Microsoft.Compute/locations/vmSizes/read',
    handler: (ctx) => {
      const location = ctx.params['location'] ?? '';
      if (!findRegion(ctx.store.catalog, location)) {
        throw armErrors.invalidLocation(location, 'Microsoft.Compute/locations/vmSizes', ctx.store.catalog.regions.map((r) => r.name));
      }
      return { status: 200, body: { value: VM_SIZES.map((s) => ({ ...s })) } };
    },
  },
  {
    method: 'GET',
    path: '/subscriptions/{subscriptionId}/providers/Microsoft.Compute/virtualMachines',
    apiVersions: versions,
    action: 'Microsoft.Compute/virtualMachines/read',
    handler: (ctx) => listVms(ctx, `/subscriptions/${ctx.params['subscriptionId']}`),
  },
  {
    method: 'GET',
    path: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/virtualMachines',
    apiVersions: versions,
    action: 'Microsoft.Compute/virtualMachines/read',
    handler: (ctx) => listVms(ctx, `/subscriptions/${ctx.params['subscriptionId']}/resourceGroups/${ctx.params['resourceGroupName']}`),
  },
  {
    method: 'GET',
    path: VM_PATH,
    apiVersions: versions,
    action: 'Microsoft.Compute/virtualMachines/read',
    handler: (ctx) => ({ status: 200, body: vmView(getVm(ctx), expand(ctx) === 'instanceview' ? 'instanceView' : 'plain', ctx.apiVersion) }),
  },
  {
    method: 'GET',
    path: `${VM_PATH}/instanceView`,
    apiVersions: versions,
    action: 'Microsoft.Compute/virtualMachines/instanceView/read',
    handler: (ctx) => ({ status: 200, body: instanceViewOf(getVm(ctx)) ?? {} }),
  },
  {
    method: 'GET',
    path: `${VM_PATH}/extensions`,
    apiVersions: versions,
    action: 'Microsoft.Compute/virtualMachines/extensions/read',
    // Not paged: the SDK reads one {value} answer.
    handler: (ctx) => {
      const vm = getVm(ctx);
      const extensions = ctx.store.list({ type: EXTENSION_TYPE, scope: vm.id });
      return { status: 200, body: { value: extensions.map((ext) => extensionView(ctx, vm, ext)) } };
    },
  },
  {
    method: 'GET',
    path: `${VM_PATH}/extensions/{extensionName}`,
    apiVersions: versions,
    action: 'Microsoft.Compute/virtualMachines/extensions/read',
    handler: (ctx) => {
      const vm = getVm(ctx);
      const ext = ctx.store.get(`${vm.id}/extensions/${ctx.params['extensionName'] ?? ''}`);
      if (!ext) throw armErrors.computeEntityNotFound(ctx.params['extensionName'] ?? '');
      return { status: 200, body: extensionView(ctx, vm, ext) };
    },
  },
];
