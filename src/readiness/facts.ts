// What the readiness rules read about one VM. The gatherer (elsewhere) fills these from ARM; the
// helpers below turn instance-view JSON into them. Both the SDK's flattened objects and ARM's wire
// JSON fit the *Like input types, which is why their fields are optional and may be undefined.

export type OsType = 'Windows' | 'Linux';

export type PowerState = 'running' | 'stopped' | 'deallocated' | 'starting' | 'stopping' | 'deallocating' | 'unknown';

/** `unknown`: Azure can't tell right now (the VM isn't running); `unknownReason` says why. */
export type AgentStatus = 'ready' | 'notReady' | 'notReporting' | 'notInstalled' | 'unknown';
export type AgentUnknownReason = 'vmNotRunning' | 'vmStarting' | 'powerStateUnknown';

export type AgentFacts = {
  status: AgentStatus;
  version?: string;
  provisionVMAgent?: boolean;
  unknownReason?: AgentUnknownReason;
};

export type ImageRef = { publisher: string; offer: string; sku: string; version?: string };

export type ExtensionFacts = {
  /** `VMSnapshot`, or the instance view's `Microsoft.Azure.RecoveryServices.VMSnapshot`. */
  type: string;
  publisher?: string;
  provisioningState?: string;
  status?: { code?: string; level?: string; displayStatus?: string; message?: string };
};

export type ProtectionState = 'unprotected' | 'protected' | 'protecting' | 'unknown';

/** One disk as the VM's storageProfile lists it (the OS disk has no lun). */
export type DiskFacts = {
  name: string;
  lun?: number;
  sizeGB?: number;
  /** managedDisk.storageAccountType: Premium_LRS, PremiumV2_LRS, UltraSSD_LRS, … (absent for unmanaged disks). */
  sku?: string;
  writeAccelerator: boolean;
};

/** What hardwareProfile.vmSize stands for in the region (virtualMachineSizes.list). */
export type SizeSpec = { cores: number; memoryMB: number };

export type VmFacts = {
  id: string;
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  size: string;
  osType: OsType;
  image?: ImageRef;
  /** As the guest agent reports them in the instance view (absent when it never reported). */
  osName?: string;
  osVersion?: string;
  dataDiskCount: number;
  /** The OS disk first; empty when the profile wasn't read. */
  disks: DiskFacts[];
  /** securityProfile.securityType: TrustedLaunch, ConfidentialVM, Standard, or absent (Standard). */
  securityType?: string;
  /** Absent when the region's size list wasn't read or doesn't know the size. */
  sizeSpec?: SizeSpec;
  powerState: PowerState;
  agent: AgentFacts;
  extensions: ExtensionFacts[];
  nicCount: number;
  staticPublicIpCount: number;
  behindLoadBalancer: boolean;
  tags: Record<string, string>;
  protection: { state: ProtectionState; vaultId?: string; vaultName?: string };
};

export type VaultContext = {
  id: string;
  name: string;
  location: string;
  subscriptionId: string;
  /** The backup REST api-version protection would be enabled with (what the Trusted Launch rule depends on). */
  backupApiVersion?: string;
};

export type StatusLike = {
  code?: string | undefined;
  level?: string | undefined;
  displayStatus?: string | undefined;
  message?: string | undefined;
};

export type InstanceViewLike = {
  statuses?: readonly StatusLike[] | undefined;
  vmAgent?: { vmAgentVersion?: string | undefined; statuses?: readonly StatusLike[] | undefined } | undefined;
  extensions?: readonly { name?: string | undefined; type?: string | undefined; statuses?: readonly StatusLike[] | undefined }[] | undefined;
};

export type OsProfileLike = {
  windowsConfiguration?: { provisionVMAgent?: boolean | undefined } | undefined;
  linuxConfiguration?: { provisionVMAgent?: boolean | undefined } | undefined;
};

const POWER_STATES: readonly PowerState[] = ['running', 'stopped', 'deallocated', 'starting', 'stopping', 'deallocating'];

/** Reads `PowerState/<state>` from the instance view's statuses. */
export function powerStateFrom(statuses: readonly StatusLike[] | undefined): PowerState {
  const code = statuses?.find((s) => s.code?.toLowerCase().startsWith('powerstate/'))?.code;
  const state = code?.slice('powerstate/'.length).toLowerCase();
  return POWER_STATES.find((p) => p === state) ?? 'unknown';
}

/**
 * The agent's state as Azure sees it. A Ready agent says so in `vmAgent.statuses[].displayStatus`; a VM
 * that is not running can't report, so its agent status is unknown rather than "not ready".
 */
export function agentFrom(instanceView: InstanceViewLike | undefined, osProfile: OsProfileLike | undefined): AgentFacts {
  const powerState = powerStateFrom(instanceView?.statuses);
  const vmAgent = instanceView?.vmAgent;
  const provision = osProfile?.windowsConfiguration?.provisionVMAgent ?? osProfile?.linuxConfiguration?.provisionVMAgent;
  const reported = vmAgent?.vmAgentVersion;
  // Azure reports the version "Unknown" when the agent has gone quiet.
  const version = reported && reported.toLowerCase() !== 'unknown' ? reported : undefined;
  const base: AgentFacts = { status: 'unknown' };
  if (version !== undefined) base.version = version;
  if (provision !== undefined) base.provisionVMAgent = provision;

  const display = (vmAgent?.statuses ?? []).map((s) => (s.displayStatus ?? '').trim().toLowerCase());
  if (display.includes('ready')) return { ...base, status: 'ready' };

  if (powerState === 'running') {
    if (display.includes('not ready')) return { ...base, status: 'notReady' };
    if (vmAgent === undefined && provision === false) return { ...base, status: 'notInstalled' };
    return { ...base, status: 'notReporting' };
  }
  const unknownReason: AgentUnknownReason =
    powerState === 'starting' ? 'vmStarting' : powerState === 'unknown' ? 'powerStateUnknown' : 'vmNotRunning';
  return { ...base, unknownReason };
}

/** Extensions as the instance view reports them, with their latest status. */
export function extensionsFrom(instanceView: InstanceViewLike | undefined): ExtensionFacts[] {
  return (instanceView?.extensions ?? []).flatMap((ext) => {
    if (!ext.type) return [];
    const first = ext.statuses?.[0];
    const facts: ExtensionFacts = { type: ext.type };
    if (first) facts.status = withoutUndefined(first);
    return [facts];
  });
}

function withoutUndefined(status: StatusLike): NonNullable<ExtensionFacts['status']> {
  const out: NonNullable<ExtensionFacts['status']> = {};
  if (status.code !== undefined) out.code = status.code;
  if (status.level !== undefined) out.level = status.level;
  if (status.displayStatus !== undefined) out.displayStatus = status.displayStatus;
  if (status.message !== undefined) out.message = status.message;
  return out;
}
