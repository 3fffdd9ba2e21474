// The Resource Graph queries that build the fleet table, as KQL text (golden files under __golden__ pin them).
// Few pages is the point: a page is 1,000 rows and a user may send 15 queries per 5 seconds, so
// - one VM query carries each VM's disks (the data disks expanded and packed back per VM with only the fields
//   the rules read: ARG has no other way to pick fields from an array's items), its NICs (NICs expanded by IP
//   configuration, joined with their public IP's allocation method, summarised per VM) and its protected item
//   (leftouter on the lower-cased VM id): 3 joins (ARG's limit), of which 1 crosses tables (Resources ↔
//   RecoveryServicesResources, ARG's limit), and 2 mv-expands (of 3);
// - subnets come from the VNets (mv-expand of their subnets, ids and NSG ids only);
// - NSGs only when something references them (ARM keeps the back-references on the NSG);
// - the VM counts per subscription and region are one summarize.
// Only the columns the table needs are projected. Load balancers need no query: a NIC's IP configuration
// names the backend pools and inbound NAT rules it belongs to.

/** ARG expands at most 400 items of an array per row (128 unless told). */
export const MV_EXPAND_LIMIT = 400;

const REGION = /^[a-z0-9]+$/;

/** `| where location in~ (...)` for a region filter, or nothing. Region names are checked, not escaped. */
function regionFilter(regions: readonly string[] | undefined, column = 'location'): string {
  if (!regions || regions.length === 0) return '';
  const names = regions.map((r) => r.replace(/\s+/g, '').toLowerCase());
  const bad = names.find((r) => !REGION.test(r));
  if (bad !== undefined) throw new Error(`Not a region name: ${bad}`);
  return `\n| where ${column} in~ (${names.map((r) => `'${r}'`).join(', ')})`;
}

/** The columns of one row of vmQuery(). */
export type GraphVmRow = {
  id: string;
  name: string;
  subscriptionId: string;
  location: string;
  tags: Record<string, string> | null;
  zones: string[] | null;
  size: string;
  osType: string;
  imagePublisher: string;
  imageOffer: string;
  imageSku: string;
  imageVersion: string;
  securityType: string;
  osDisk: GraphDiskRow | null;
  dataDisks: GraphDiskRow[] | null;
  powerState: string;
  windowsAgent: boolean | null;
  linuxAgent: boolean | null;
  windowsConfiguration: boolean;
  nicRefs: { id?: string; properties?: { primary?: boolean } }[] | null;
  nics: GraphNicConfigRow[] | null;
  itemId: string | null;
  vaultPolicyId: string | null;
  policyName: string | null;
  protectionState: string | null;
};

/** One disk as the VM query packs it (ARG's '' and null for what the VM doesn't say). */
export type GraphDiskRow = {
  name: string | null;
  lun?: number | null;
  sizeGB: number | null;
  /** managedDisk.storageAccountType. */
  sku: string | null;
  writeAccelerator: boolean | null;
};

/** One IP configuration of one NIC, as the VM query packs it. */
export type GraphNicConfigRow = {
  nicId: string;
  nicName: string;
  nsgId: string;
  primary: boolean | null;
  privateIp: string;
  subnetId: string;
  publicIpId: string;
  allocation: string;
  pools: number | null;
  natRules: number | null;
};

/**
 * mv-expand gives no row for an empty array (and one for null): a VM without data disks expands [null], which
 * make_list_if leaves out, so every VM stays one row; take_any carries its other columns through the summarize.
 */
export function vmQuery(regions?: readonly string[]): string {
  return `Resources
| where type =~ 'microsoft.compute/virtualmachines'${regionFilter(regions)}
| project id, name, subscriptionId, location, tags, zones,
    size = tostring(properties.hardwareProfile.vmSize),
    osType = tostring(properties.storageProfile.osDisk.osType),
    imagePublisher = tostring(properties.storageProfile.imageReference.publisher),
    imageOffer = tostring(properties.storageProfile.imageReference.offer),
    imageSku = tostring(properties.storageProfile.imageReference.sku),
    imageVersion = tostring(properties.storageProfile.imageReference.version),
    securityType = tostring(properties.securityProfile.securityType),
    osDisk = bag_pack('name', tostring(properties.storageProfile.osDisk.name),
        'sizeGB', toint(properties.storageProfile.osDisk.diskSizeGB),
        'sku', tostring(properties.storageProfile.osDisk.managedDisk.storageAccountType),
        'writeAccelerator', tobool(properties.storageProfile.osDisk.writeAcceleratorEnabled)),
    dataDiskList = properties.storageProfile.dataDisks,
    powerState = tostring(properties.extended.instanceView.powerState.code),
    windowsAgent = tobool(properties.osProfile.windowsConfiguration.provisionVMAgent),
    linuxAgent = tobool(properties.osProfile.linuxConfiguration.provisionVMAgent),
    windowsConfiguration = isnotnull(properties.osProfile.windowsConfiguration),
    nicRefs = properties.networkProfile.networkInterfaces
| mv-expand dataDisk = iff(array_length(dataDiskList) > 0, dataDiskList, dynamic([null])) limit ${MV_EXPAND_LIMIT}
| summarize dataDisks = make_list_if(bag_pack('name', tostring(dataDisk.name), 'lun', toint(dataDisk.lun),
        'sizeGB', toint(dataDisk.diskSizeGB),
        'sku', tostring(dataDisk.managedDisk.storageAccountType),
        'writeAccelerator', tobool(dataDisk.writeAcceleratorEnabled)), isnotnull(dataDisk)),
    take_any(name, subscriptionId, location, tags, zones, size, osType,
        imagePublisher, imageOffer, imageSku, imageVersion, securityType, osDisk, powerState,
        windowsAgent, linuxAgent, windowsConfiguration, nicRefs)
    by id, vmKey = tolower(id)
| join kind=leftouter (
    Resources
    | where type =~ 'microsoft.network/networkinterfaces'
    | where isnotempty(tostring(properties.virtualMachine.id))
    | mv-expand config = properties.ipConfigurations limit ${MV_EXPAND_LIMIT}
    | extend publicIpKey = tolower(tostring(config.properties.publicIPAddress.id))
    | join kind=leftouter (
        Resources
        | where type =~ 'microsoft.network/publicipaddresses'
        | project publicIpKey = tolower(id), allocation = tostring(properties.publicIPAllocationMethod)
      ) on publicIpKey
    | summarize nics = make_list(bag_pack(
        'nicId', id, 'nicName', name,
        'nsgId', tostring(properties.networkSecurityGroup.id),
        'primary', tobool(config.properties.primary),
        'privateIp', tostring(config.properties.privateIPAddress),
        'subnetId', tostring(config.properties.subnet.id),
        'publicIpId', tostring(config.properties.publicIPAddress.id),
        'allocation', allocation,
        'pools', array_length(config.properties.loadBalancerBackendAddressPools),
        'natRules', array_length(config.properties.loadBalancerInboundNatRules)))
      by vmKey = tolower(tostring(properties.virtualMachine.id))
  ) on vmKey
| join kind=leftouter (
    RecoveryServicesResources
    | where type =~ 'microsoft.recoveryservices/vaults/backupfabrics/protectioncontainers/protecteditems'
    | where tostring(properties.backupManagementType) =~ 'AzureIaasVM'
    | project vmKey = tolower(tostring(properties.sourceResourceId)), itemId = id,
        vaultPolicyId = tostring(properties.policyId),
        policyName = tostring(properties.policyName),
        protectionState = tostring(properties.protectionState)
  ) on vmKey
| project id, name, subscriptionId, location, tags, zones, size, osType,
    imagePublisher, imageOffer, imageSku, imageVersion, securityType, osDisk, dataDisks, powerState,
    windowsAgent, linuxAgent, windowsConfiguration, nicRefs, nics,
    itemId, vaultPolicyId, policyName, protectionState`;
}

/** The columns of one row of subnetQuery(). */
export type GraphSubnetRow = { vnetId: string; subnetCount: number | null; subnetId: string; nsgId: string };

export function subnetQuery(regions?: readonly string[]): string {
  return `Resources
| where type =~ 'microsoft.network/virtualnetworks'${regionFilter(regions)}
| project vnetId = id, subnetCount = array_length(properties.subnets), subnets = properties.subnets
| mv-expand subnet = subnets limit ${MV_EXPAND_LIMIT}
| project vnetId, subnetCount, subnetId = tostring(subnet.id),
    nsgId = tostring(subnet.properties.networkSecurityGroup.id)
| where isnotempty(subnetId)`;
}

/** The columns of one row of nsgQuery(). */
export type GraphNsgRow = { id: string; name: string; securityRules: unknown[] | null; defaultSecurityRules: unknown[] | null };

export function nsgQuery(regions?: readonly string[]): string {
  return `Resources
| where type =~ 'microsoft.network/networksecuritygroups'${regionFilter(regions)}
| where array_length(properties.networkInterfaces) > 0 or array_length(properties.subnets) > 0
| project id, name,
    securityRules = properties.securityRules,
    defaultSecurityRules = properties.defaultSecurityRules`;
}

/** The columns of one row of vmCountQuery(). */
export type GraphCountRow = { subscriptionId: string; location: string; vms: number };

export function vmCountQuery(regions?: readonly string[]): string {
  return `Resources
| where type =~ 'microsoft.compute/virtualmachines'${regionFilter(regions)}
| summarize vms = count() by subscriptionId, location = tolower(location)
| order by subscriptionId asc, location asc`;
}
