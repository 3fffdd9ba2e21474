// The fleet inventory: what the VM table needs about every VM of a scope (many subscriptions and regions),
// in one compact normalised shape that both ways of reading it produce — Resource Graph queries
// (read-graph.ts) and ARM list calls (read-lists.ts). Rows are built from it by one builder (fleet-rows.ts),
// which is what makes the two paths comparable row for row.
//
// Ids keep Azure's spelling; every lookup between them is by lower-cased id (Azure's ids are case-insensitive
// and references often differ in case from the resource's own id).
import type { DiskFacts, ImageRef, Nsg, OsType, PowerState, SizeSpec } from '../../readiness/index.ts';

/** What the table covers: subscriptions, and optionally only some regions of them. */
export type FleetScope = {
  subscriptions: readonly string[];
  /** Programmatic region names (westeurope); absent or empty = every region. */
  regions?: readonly string[];
};

export type FleetNicRef = { id: string; primary: boolean };

export type FleetVm = {
  id: string;
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  /** Lower case, no spaces: westeurope. */
  location: string;
  size: string;
  /** As declared on the OS disk; '' when the VM doesn't say (an attached disk). */
  osType: OsType | '';
  /** The VM has a Windows osProfile section (a fallback for the OS type). */
  windowsConfiguration: boolean;
  image?: ImageRef;
  dataDiskCount: number;
  /** The OS disk first, then the data disks by LUN (what the disk-size, Enhanced-policy and network rules read). */
  disks: DiskFacts[];
  /** securityProfile.securityType when it is not Standard: TrustedLaunch, ConfidentialVM (absent = Standard). */
  securityType?: string;
  /** Cores and memory of `size` from the region's size list (absent when the list couldn't be read or lacks it). */
  sizeSpec?: SizeSpec;
  zones: string[];
  tags: Record<string, string>;
  powerState: PowerState;
  /** osProfile's provisionVMAgent (Windows or Linux section), when set. */
  provisionVMAgent?: boolean;
  nics: FleetNicRef[];
};

export type FleetIpConfiguration = {
  primary: boolean;
  privateIp?: string;
  subnetId?: string;
  publicIpId?: string;
  /** The public IP is statically allocated (only known when the public IP itself was read). */
  staticPublicIp: boolean;
  /** The configuration is in a load balancer's backend pool or the target of one of its inbound NAT rules. */
  loadBalanced: boolean;
};

export type FleetNic = {
  id: string;
  name: string;
  nsgId?: string;
  ipConfigurations: FleetIpConfiguration[];
};

export type FleetSubnet = { id: string; nsgId?: string };

/** An Azure VM protected item: which vault protects the VM, with which policy. */
export type FleetProtectedItem = {
  id: string;
  vmId: string;
  vaultId: string;
  policyId: string;
  policyName: string;
  /** IRPending, Protected, ProtectionError, ProtectionStopped, ProtectionPaused … as the service words it. */
  protectionState: string;
};

export type InventorySource = 'graph' | 'lists';

export type FleetInventory = {
  source: InventorySource;
  scope: FleetScope;
  vms: FleetVm[];
  nics: FleetNic[];
  subnets: FleetSubnet[];
  /** Only the NSGs a NIC or subnet of the inventory references, rules normalised. */
  nsgs: Nsg[];
  protectedItems: FleetProtectedItem[];
  /** Requests it took: Resource Graph queries (pages) or ARM list pages. */
  requests: { graph: number; arm: number };
  /** Where Resource Graph cut a list short (mv-expand row limit): the VNets whose subnets may be missing. */
  truncated: string[];
  readAt: string;
};

export type InventoryStage = 'vms' | 'subnets' | 'nsgs' | 'protection';

export type InventoryProgress = {
  source: InventorySource;
  /** Requests sent so far. */
  requests: number;
  /** VMs received so far. */
  vms: number;
  stagesDone: InventoryStage[];
};

export type InventoryOptions = {
  onProgress?: (progress: InventoryProgress) => void;
  /**
   * Parts of the inventory as they are read (a group of subscriptions), each complete enough for its rows:
   * it carries every subnet and NSG it may reference. The returned inventory is all parts together.
   */
  onPart?: (part: FleetInventory) => void;
  signal?: AbortSignal;
  now?: () => Date;
};
