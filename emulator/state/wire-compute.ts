// Compute resources in ARM wire format (shapes follow rest-examples/compute/*.json).
// The VM carries its full instance view at properties.instanceView; routes strip it unless the
// request asks for $expand=instanceView, as ARM does.
import type { Fixture, ResourceGroup, Subscription, VirtualMachine, VmExtension } from './fixture-schema.ts';
import type { FixtureIndex } from './fixture-refs.ts';
import { forEachResourceGroup, idOf } from './fixture-refs.ts';
import type { ArmResource } from './store.ts';
import { resolve } from './wire-network.ts';
import { DEFAULT_TIME_CREATED, FIXTURE_TIME, lower, pushTo, ref, stableGuid } from './wire-util.ts';

const DEFAULT_AGENT_VERSION = { Windows: '2.7.41491.1102', Linux: '2.9.1.1' } as const;

export interface ComputePlan {
  avsetMembers: Map<string, string[]>; // by availability set id
  vmAvset: Map<string, string>; // by VM id
}

export function planCompute(fixture: Fixture, index: FixtureIndex): ComputePlan {
  const plan: ComputePlan = { avsetMembers: new Map(), vmAvset: new Map() };
  forEachResourceGroup(fixture, (sub, rg) => {
    for (const vm of rg.virtualMachines) {
      if (vm.availabilitySet === undefined) continue;
      const vmId = idOf('virtualMachine', sub.subscriptionId, rg.name, vm.name);
      const setId = resolve(index, vm.availabilitySet, sub, rg, 'availabilitySet').id;
      pushTo(plan.avsetMembers, setId, vmId);
      plan.vmAvset.set(lower(vmId), setId);
    }
  });
  return plan;
}

/** The compute resources of one resource group: availability sets, then each VM followed by its extensions. */
export function computeResources(plan: ComputePlan, sub: Subscription, rg: ResourceGroup, nicIds: (vm: VirtualMachine) => string[]): ArmResource[] {
  const s = sub.subscriptionId;
  const sets = rg.availabilitySets.map((set): ArmResource => {
    const id = idOf('availabilitySet', s, rg.name, set.name);
    return {
      id,
      name: set.name,
      type: 'Microsoft.Compute/availabilitySets',
      location: set.location ?? rg.location,
      tags: { ...set.tags },
      sku: { name: 'Aligned' },
      properties: {
        platformUpdateDomainCount: set.updateDomainCount,
        platformFaultDomainCount: set.faultDomainCount,
        virtualMachines: (plan.avsetMembers.get(lower(id)) ?? []).map(ref),
      },
    };
  });
  const vms = rg.virtualMachines.flatMap((vm) => {
    const id = idOf('virtualMachine', s, rg.name, vm.name);
    const setId = plan.vmAvset.get(lower(id));
    const members = setId === undefined ? [] : (plan.avsetMembers.get(lower(setId)) ?? []);
    const slot = members.findIndex((m) => lower(m) === lower(id));
    const location = vm.location ?? rg.location;
    return [
      virtualMachine(id, vm, rg, location, nicIds(vm), setId, slot),
      ...vm.extensions.map((ext) => extensionResource(id, location, ext)),
    ];
  });
  return [...sets, ...vms];
}

function computerNameOf(vm: VirtualMachine): string {
  if (vm.computerName !== undefined) return vm.computerName;
  // Windows computer names stop at 15 characters, as the portal truncates them.
  return vm.osType === 'Windows' ? vm.name.slice(0, 15).replace(/-+$/, '') : vm.name;
}

function diskId(sub: string, rg: string, name: string): string {
  return `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Compute/disks/${name}`;
}

function virtualMachine(id: string, vm: VirtualMachine, rg: ResourceGroup, location: string, nics: string[], setId: string | undefined, slot: number): ArmResource {
  const sub = id.split('/')[2] ?? '';
  const osDiskName = `${vm.name}_OsDisk_1_${stableGuid(`osdisk:${id}`).replace(/-/g, '')}`;
  const osDisk: Record<string, unknown> = {
    osType: vm.osType,
    name: osDiskName,
    createOption: vm.image === undefined ? 'Attach' : 'FromImage',
    caching: 'ReadWrite',
    managedDisk: { id: diskId(sub, rg.name, osDiskName), storageAccountType: vm.diskType },
    deleteOption: vm.image === undefined ? 'Detach' : 'Delete',
    diskSizeGB: vm.osDiskSizeGB ?? (vm.osType === 'Windows' ? 127 : 30),
  };
  const dataDisks = Array.from({ length: vm.dataDisks }, (_, lun) => {
    const name = `${vm.name}_DataDisk_${lun}`;
    const disk: Record<string, unknown> = {
      lun,
      name,
      createOption: 'Empty',
      // Write accelerator needs caching None or ReadOnly; Premium SSD v2 and Ultra take None only.
      caching: 'None',
      managedDisk: { id: diskId(sub, rg.name, name), storageAccountType: vm.dataDiskType ?? vm.diskType },
      deleteOption: 'Detach',
      diskSizeGB: vm.dataDiskSizeGB,
      toBeDetached: false,
    };
    if (lun < vm.writeAcceleratorDisks) disk.writeAcceleratorEnabled = true;
    return disk;
  });
  const storageProfile: Record<string, unknown> = {};
  if (vm.image !== undefined) {
    storageProfile.imageReference = {
      publisher: vm.image.publisher,
      offer: vm.image.offer,
      sku: vm.image.sku,
      version: vm.image.version,
      exactVersion: vm.image.exactVersion ?? (vm.image.version === 'latest' ? '1.0.20250101' : vm.image.version),
    };
  }
  storageProfile.osDisk = osDisk;
  storageProfile.dataDisks = dataDisks;
  storageProfile.diskControllerType = 'SCSI';

  const properties: Record<string, unknown> = {
    vmId: stableGuid(`vmid:${id}`),
    hardwareProfile: { vmSize: vm.size },
    storageProfile,
  };
  // A VM built by attaching an uploaded OS disk has no osProfile at all.
  if (vm.image !== undefined) properties.osProfile = osProfile(vm);
  if (vm.securityType !== undefined) {
    properties.securityProfile = { securityType: vm.securityType, uefiSettings: { secureBootEnabled: true, vTpmEnabled: true } };
  }
  properties.networkProfile = { networkInterfaces: nics.map((nicId, i) => ({ id: nicId, properties: { primary: i === 0 } })) };
  properties.diagnosticsProfile = { bootDiagnostics: { enabled: true } };
  if (setId !== undefined) properties.availabilitySet = ref(setId);
  properties.provisioningState = vm.provisioningState;
  properties.timeCreated = vm.timeCreated ?? DEFAULT_TIME_CREATED;
  properties.instanceView = instanceView(vm, osDiskName, slot);

  const resource: ArmResource = {
    id,
    name: vm.name,
    type: 'Microsoft.Compute/virtualMachines',
    location,
    tags: { ...vm.tags },
    properties,
  };
  if (vm.zone !== undefined) resource.zones = [vm.zone];
  return resource;
}

function osProfile(vm: VirtualMachine): Record<string, unknown> {
  const provisionVMAgent = vm.agent.provisionVMAgent ?? vm.agent.status !== 'missing';
  const profile: Record<string, unknown> = { computerName: computerNameOf(vm), adminUsername: vm.adminUsername };
  if (vm.osType === 'Windows') {
    profile.windowsConfiguration = {
      provisionVMAgent,
      enableAutomaticUpdates: true,
      patchSettings: { patchMode: 'AutomaticByOS', assessmentMode: 'ImageDefault' },
    };
  } else {
    profile.linuxConfiguration = {
      disablePasswordAuthentication: true,
      provisionVMAgent,
      patchSettings: { patchMode: 'ImageDefault', assessmentMode: 'ImageDefault' },
    };
  }
  profile.secrets = [];
  profile.allowExtensionOperations = true;
  profile.requireGuestProvisionSignal = true;
  return profile;
}

interface InstanceViewStatus {
  code: string;
  level: 'Info' | 'Warning' | 'Error';
  displayStatus: string;
  message?: string;
  time?: string;
}

const POWER_DISPLAY = { running: 'VM running', stopped: 'VM stopped', deallocated: 'VM deallocated' } as const;

function provisioningStatus(vm: VirtualMachine): InstanceViewStatus {
  if (vm.provisioningState === 'Failed') {
    const failed = vm.extensions.find((e) => e.state === 'Failed');
    return {
      code: 'ProvisioningState/failed/VMExtensionProvisioningError',
      level: 'Error',
      displayStatus: 'Provisioning failed',
      message: `VM has reported a failure when processing extension '${failed?.name ?? 'unknown'}'.`,
      time: FIXTURE_TIME,
    };
  }
  if (vm.provisioningState === 'Updating') return { code: 'ProvisioningState/updating', level: 'Info', displayStatus: 'Updating' };
  return { code: 'ProvisioningState/succeeded', level: 'Info', displayStatus: 'Provisioning succeeded', time: FIXTURE_TIME };
}

function extensionStatus(ext: VmExtension): InstanceViewStatus {
  const state = ext.state.toLowerCase();
  const status: InstanceViewStatus = {
    code: `ProvisioningState/${state}`,
    level: ext.state === 'Failed' ? 'Error' : 'Info',
    displayStatus: `Provisioning ${state}`,
    time: FIXTURE_TIME,
  };
  if (ext.state === 'Failed') status.message = `Extension ${ext.publisher}.${ext.type} failed while processing the last goal state.`;
  return status;
}

/**
 * The guest agent is the only source of computerName/osName/osVersion, vmAgent and extension statuses,
 * so they appear only while it reports (agent Ready on a running VM). A stopped VM's agent shows Not Ready,
 * a deallocated VM has no agent section at all, and a VM without the agent never had one.
 */
function instanceView(vm: VirtualMachine, osDiskName: string, slot: number): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  if (slot >= 0) {
    view.platformUpdateDomain = slot % 5;
    view.platformFaultDomain = slot % 2;
  }
  const agentInstalled = vm.agent.status !== 'missing';
  const reporting = agentInstalled && vm.agent.status === 'ready' && vm.powerState === 'running';
  if (reporting) {
    view.computerName = computerNameOf(vm);
    if (vm.osName !== undefined) view.osName = vm.osName;
    if (vm.osVersion !== undefined) view.osVersion = vm.osVersion;
  }
  if (agentInstalled && vm.powerState !== 'deallocated') view.vmAgent = agentView(vm, reporting);
  const diskStatus: InstanceViewStatus = { code: 'ProvisioningState/succeeded', level: 'Info', displayStatus: 'Provisioning succeeded', time: FIXTURE_TIME };
  view.disks = [osDiskName, ...Array.from({ length: vm.dataDisks }, (_, lun) => `${vm.name}_DataDisk_${lun}`)].map((name) => ({ name, statuses: [diskStatus] }));
  if (reporting) {
    view.extensions = vm.extensions.map((ext) => ({
      name: ext.name,
      type: `${ext.publisher}.${ext.type}`,
      typeHandlerVersion: ext.typeHandlerVersion,
      statuses: [extensionStatus(ext)],
    }));
  }
  view.hyperVGeneration = 'V2';
  view.statuses = [
    provisioningStatus(vm),
    { code: `PowerState/${vm.powerState}`, level: 'Info', displayStatus: POWER_DISPLAY[vm.powerState] },
  ];
  return view;
}

function agentView(vm: VirtualMachine, reporting: boolean): Record<string, unknown> {
  if (reporting) {
    return {
      vmAgentVersion: vm.agent.version ?? DEFAULT_AGENT_VERSION[vm.osType],
      statuses: [{
        code: 'ProvisioningState/succeeded',
        level: 'Info',
        displayStatus: 'Ready',
        message: 'GuestAgent is running and processing the extensions.',
        time: FIXTURE_TIME,
      }],
      extensionHandlers: vm.extensions.map((ext) => ({
        type: `${ext.publisher}.${ext.type}`,
        typeHandlerVersion: ext.typeHandlerVersion,
        status: ext.state === 'Failed'
          ? { code: 'ProvisioningState/failed', level: 'Error', displayStatus: 'Not Ready' }
          : { code: 'ProvisioningState/succeeded', level: 'Info', displayStatus: 'Ready' },
      })),
    };
  }
  const stopped = vm.powerState !== 'running';
  return {
    vmAgentVersion: stopped ? 'Unknown' : (vm.agent.version ?? 'Unknown'),
    statuses: [{
      code: 'ProvisioningState/Unavailable',
      level: 'Warning',
      displayStatus: 'Not Ready',
      message: stopped ? 'VM Agent is unresponsive.' : 'VM status blob is found but not yet populated.',
      time: FIXTURE_TIME,
    }],
    extensionHandlers: [],
  };
}

/** A VM extension as a child resource (also what a PUT of an extension should store). */
export function extensionResource(vmId: string, location: string, ext: VmExtension): ArmResource {
  return {
    id: `${vmId}/extensions/${ext.name}`,
    name: ext.name,
    type: 'Microsoft.Compute/virtualMachines/extensions',
    location,
    properties: {
      autoUpgradeMinorVersion: ext.autoUpgradeMinorVersion,
      provisioningState: ext.state,
      publisher: ext.publisher,
      type: ext.type,
      typeHandlerVersion: ext.typeHandlerVersion,
      settings: {},
    },
  };
}
