// One request per VM for the Agent and Network steps: GET of the VM with $expand=instanceView gives its
// profiles (osProfile.provisionVMAgent, the NICs) AND its instance view (agent, extensions, power state)
// together. Listing the subscription's VMs for the profiles and then reading each instance view would cost
// the list's pages on top of the same one call per VM.
import type { DiskFacts, OsProfileLike, OsType, StatusLike } from '../readiness/index.ts';
import { resourceGroupOf } from './arm-ids.ts';
import type { ArmClients } from './clients.ts';
import { toAzureError } from './errors.ts';
import { disksOf, fieldsOf, securityTypeOf, type VmFields, type Wire } from './vm-wire.ts';

export type StatusInfo = { code?: string; level?: string; displayStatus?: string; message?: string };

/** The instance view as these steps read it: the shape `agentFrom`/`extensionsFrom` take, plus the handlers. */
export type VmInstanceViewInfo = {
  statuses: StatusInfo[];
  vmAgent?: {
    vmAgentVersion?: string;
    statuses: StatusInfo[];
    extensionHandlers: { type: string; typeHandlerVersion?: string; status?: StatusInfo }[];
  };
  extensions: { name?: string; type?: string; typeHandlerVersion?: string; statuses: StatusInfo[] }[];
  osName?: string;
  osVersion?: string;
};

export type VmCheckRead = {
  id: string;
  name: string;
  resourceGroup: string;
  location: string;
  osType: OsType;
  /** Absent for a VM built from an uploaded disk (no osProfile). */
  osProfile?: OsProfileLike;
  /** Network interface ids, the primary first. */
  nicIds: string[];
  size: string;
  /** The OS disk first: what the write-accelerator and Enhanced-policy checks read. */
  disks: DiskFacts[];
  securityType?: string;
  provisioningState?: string;
  instanceView: VmInstanceViewInfo;
};

type Maybe<T> = T | undefined;

function status(s: StatusLike): StatusInfo {
  const out: StatusInfo = {};
  if (s.code !== undefined) out.code = s.code;
  if (s.level !== undefined) out.level = String(s.level);
  if (s.displayStatus !== undefined) out.displayStatus = s.displayStatus;
  if (s.message !== undefined) out.message = s.message;
  return out;
}

type ViewLike = {
  statuses?: Maybe<readonly StatusLike[]>;
  vmAgent?: Maybe<{
    vmAgentVersion?: Maybe<string>;
    statuses?: Maybe<readonly StatusLike[]>;
    extensionHandlers?: Maybe<readonly { type?: Maybe<string>; typeHandlerVersion?: Maybe<string>; status?: Maybe<StatusLike> }[]>;
  }>;
  extensions?: Maybe<readonly { name?: Maybe<string>; type?: Maybe<string>; typeHandlerVersion?: Maybe<string>; statuses?: Maybe<readonly StatusLike[]> }[]>;
  osName?: Maybe<string>;
  osVersion?: Maybe<string>;
};

/** Copies what the checks read out of the SDK's instance view (nothing else is kept). */
export function instanceViewInfo(view: ViewLike | undefined): VmInstanceViewInfo {
  const info: VmInstanceViewInfo = {
    statuses: (view?.statuses ?? []).map(status),
    extensions: (view?.extensions ?? []).map((ext) => {
      const out: VmInstanceViewInfo['extensions'][number] = { statuses: (ext.statuses ?? []).map(status) };
      if (ext.name) out.name = ext.name;
      if (ext.type) out.type = ext.type;
      if (ext.typeHandlerVersion) out.typeHandlerVersion = ext.typeHandlerVersion;
      return out;
    }),
  };
  const agent = view?.vmAgent;
  if (agent) {
    info.vmAgent = {
      statuses: (agent.statuses ?? []).map(status),
      extensionHandlers: (agent.extensionHandlers ?? []).flatMap((h) => {
        if (!h.type) return [];
        const out: { type: string; typeHandlerVersion?: string; status?: StatusInfo } = { type: h.type };
        if (h.typeHandlerVersion) out.typeHandlerVersion = h.typeHandlerVersion;
        if (h.status) out.status = status(h.status);
        return [out];
      }),
    };
    if (agent.vmAgentVersion) info.vmAgent.vmAgentVersion = agent.vmAgentVersion;
  }
  if (view?.osName) info.osName = view.osName;
  if (view?.osVersion) info.osVersion = view.osVersion;
  return info;
}

function osTypeOf(declared: string | undefined, osProfile: OsProfileLike | undefined): OsType {
  if (declared?.toLowerCase() === 'windows') return 'Windows';
  if (declared?.toLowerCase() === 'linux') return 'Linux';
  return osProfile?.windowsConfiguration ? 'Windows' : 'Linux';
}

type VmReadLike = Wire<VmFields & { instanceView?: Maybe<ViewLike> }> & {
  id?: Maybe<string>;
  name?: Maybe<string>;
  location?: Maybe<string>;
};

/** A VM read with $expand=instanceView, as the SDK returns it (flattened) or as ARM sends it. */
export function vmCheckReadFrom(vm: VmReadLike, fallbackId: string): VmCheckRead {
  const id = vm.id ?? fallbackId;
  const fields = fieldsOf(vm);
  const osProfile = fields.osProfile ?? undefined;
  const nics = [...(fields.networkProfile?.networkInterfaces ?? [])].map((nic) => ({ id: nic.id, primary: fieldsOf(nic).primary === true }));
  const nicIds = nics.sort((a, b) => Number(b.primary) - Number(a.primary)).flatMap((nic) => (nic.id ? [nic.id] : []));
  const read: VmCheckRead = {
    id,
    name: vm.name ?? id.split('/').filter(Boolean).at(-1) ?? '',
    resourceGroup: resourceGroupOf(id),
    location: vm.location ?? '',
    osType: osTypeOf(fields.storageProfile?.osDisk?.osType ?? undefined, osProfile),
    nicIds,
    size: fields.hardwareProfile?.vmSize ?? '',
    disks: disksOf(fields),
    instanceView: instanceViewInfo(fields.instanceView ?? undefined),
  };
  if (osProfile) {
    const profile: OsProfileLike = {};
    if (osProfile.windowsConfiguration) profile.windowsConfiguration = { provisionVMAgent: osProfile.windowsConfiguration.provisionVMAgent };
    if (osProfile.linuxConfiguration) profile.linuxConfiguration = { provisionVMAgent: osProfile.linuxConfiguration.provisionVMAgent };
    read.osProfile = profile;
  }
  if (fields.provisioningState) read.provisioningState = fields.provisioningState;
  const securityType = securityTypeOf(fields);
  if (securityType) read.securityType = securityType;
  return read;
}

/** The VM with its instance view, or null when it no longer exists (deleted since it was selected). */
export async function readVmForChecks(clients: ArmClients, vmId: string): Promise<VmCheckRead | null> {
  const subscriptionId = vmId.split('/')[2] ?? '';
  const name = vmId.split('/').filter(Boolean).at(-1) ?? '';
  const client = await clients.compute(subscriptionId);
  try {
    return vmCheckReadFrom(await client.virtualMachines.get(resourceGroupOf(vmId), name, { expand: 'instanceView' }), vmId);
  } catch (error) {
    if (toAzureError(error).status === 404) return null;
    throw error;
  }
}
