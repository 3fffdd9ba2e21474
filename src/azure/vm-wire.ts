// What the VM readiness gatherer reads from ARM, typed loosely enough to accept both the SDKs' objects
// (@azure/arm-compute and @azure/arm-network flatten `properties`) and ARM's wire JSON (the emulator's
// store, the REST examples), so the facts builder is tested with the same JSON the emulator serves.
import type { DiskFacts, InstanceViewLike, OsProfileLike } from '../readiness/facts.ts';
import type { NsgLike } from '../readiness/nsg.ts';

type Maybe<T> = T | undefined;

/** Fields either at the top level (SDK) or under `properties` (wire). */
export type Wire<F> = F & { properties?: Maybe<F> };

/** The fields of a Wire object, wherever they were. */
export function fieldsOf<F extends object>(value: Wire<F>): F {
  return value.properties ? { ...value, ...value.properties } : value;
}

export type RefLike = { id?: Maybe<string> };

export type StatusListLike = Pick<InstanceViewLike, 'statuses'>;

/** A disk as storageProfile lists it; managed disks carry their SKU in managedDisk.storageAccountType. */
export type DiskLike = {
  name?: Maybe<string>;
  lun?: Maybe<number>;
  diskSizeGB?: Maybe<number>;
  writeAcceleratorEnabled?: Maybe<boolean>;
  managedDisk?: Maybe<{ id?: Maybe<string>; storageAccountType?: Maybe<string> }>;
};

export type VmFields = {
  hardwareProfile?: Maybe<{ vmSize?: Maybe<string> }>;
  storageProfile?: Maybe<{
    imageReference?: Maybe<{ publisher?: Maybe<string>; offer?: Maybe<string>; sku?: Maybe<string>; version?: Maybe<string> }>;
    osDisk?: Maybe<DiskLike & { osType?: Maybe<string> }>;
    dataDisks?: Maybe<readonly DiskLike[]>;
  }>;
  /** TrustedLaunch, ConfidentialVM; compute api-versions from 2025-11-01 also say Standard. */
  securityProfile?: Maybe<{ securityType?: Maybe<string> }>;
  osProfile?: Maybe<OsProfileLike>;
  networkProfile?: Maybe<{ networkInterfaces?: Maybe<readonly Wire<RefLike & { primary?: Maybe<boolean> }>[]> }>;
  provisioningState?: Maybe<string>;
  /** Only in the statusOnly=true list (statuses) or with $expand=instanceView. */
  instanceView?: Maybe<StatusListLike>;
};

export type VmLike = Wire<VmFields> & {
  id?: Maybe<string>;
  name?: Maybe<string>;
  location?: Maybe<string>;
  tags?: Maybe<Record<string, string>>;
};

/** GET …/virtualMachines/{vm}/instanceView: the agent, extensions and what the guest reports. */
export type VmInstanceViewLike = InstanceViewLike & {
  osName?: Maybe<string>;
  osVersion?: Maybe<string>;
  computerName?: Maybe<string>;
};

export type IpConfigurationFields = {
  primary?: Maybe<boolean>;
  privateIPAddress?: Maybe<string>;
  subnet?: Maybe<RefLike>;
  publicIPAddress?: Maybe<RefLike>;
  loadBalancerBackendAddressPools?: Maybe<readonly RefLike[]>;
  loadBalancerInboundNatRules?: Maybe<readonly RefLike[]>;
};

export type NicFields = {
  networkSecurityGroup?: Maybe<RefLike>;
  ipConfigurations?: Maybe<readonly (Wire<IpConfigurationFields> & { id?: Maybe<string>; name?: Maybe<string> })[]>;
  virtualMachine?: Maybe<RefLike>;
};

export type NicLike = Wire<NicFields> & { id?: Maybe<string>; name?: Maybe<string> };

export type PublicIpLike = Wire<{ publicIPAllocationMethod?: Maybe<string> }> & {
  id?: Maybe<string>;
  name?: Maybe<string>;
  sku?: Maybe<{ name?: Maybe<string> }>;
};

type LoadBalancerFields = {
  backendAddressPools?: Maybe<readonly Wire<{ backendIPConfigurations?: Maybe<readonly RefLike[]> }>[]>;
  inboundNatRules?: Maybe<readonly Wire<{ backendIPConfiguration?: Maybe<RefLike> }>[]>;
};

export type LoadBalancerLike = Wire<LoadBalancerFields> & { id?: Maybe<string>; name?: Maybe<string> };

export type SubnetLike = Wire<{ addressPrefix?: Maybe<string>; networkSecurityGroup?: Maybe<RefLike> }> & {
  id?: Maybe<string>;
  name?: Maybe<string>;
};

export type VnetLike = Wire<{ subnets?: Maybe<readonly SubnetLike[]> }> & { id?: Maybe<string>; name?: Maybe<string> };

export type NsgListItemLike = NsgLike;

/** GET …/locations/{region}/vmSizes (virtualMachineSizes.list). */
export type VmSizeLike = { name?: Maybe<string>; numberOfCores?: Maybe<number>; memoryInMB?: Maybe<number> };

/** POST …/locations/{region}/backupStatus. */
export type BackupStatusLike = {
  protectionStatus?: Maybe<string>;
  vaultId?: Maybe<string>;
  policyName?: Maybe<string>;
};

/** The VM's disks as the readiness rules read them: the OS disk first, then the data disks by LUN. */
export function disksOf(fields: VmFields): DiskFacts[] {
  const profile = fields.storageProfile;
  const toFacts = (disk: DiskLike, fallbackName: string): DiskFacts => {
    const facts: DiskFacts = { name: disk.name ?? fallbackName, writeAccelerator: disk.writeAcceleratorEnabled === true };
    if (typeof disk.lun === 'number') facts.lun = disk.lun;
    if (typeof disk.diskSizeGB === 'number') facts.sizeGB = disk.diskSizeGB;
    if (disk.managedDisk?.storageAccountType) facts.sku = disk.managedDisk.storageAccountType;
    return facts;
  };
  const os = profile?.osDisk ? [toFacts(profile.osDisk, 'OS disk')] : [];
  const data = [...(profile?.dataDisks ?? [])].sort((a, b) => (a.lun ?? 0) - (b.lun ?? 0)).map((d, i) => toFacts(d, `LUN ${d.lun ?? i}`));
  return [...os, ...data];
}

export function securityTypeOf(fields: VmFields): string | undefined {
  return fields.securityProfile?.securityType ?? undefined;
}
