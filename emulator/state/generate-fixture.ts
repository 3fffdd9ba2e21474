// A large, valid, deterministic fixture for benchmarks: the contoso tenant (same users, regions and
// subscriptions, so the same sign-ins work) with thousands of generated VMs spread over regions,
// resource groups and subscriptions, in the same mix of cases as the default fixture.
import type { FixtureInput } from './fixture-schema.ts';
import { DEFAULT_FIXTURE_PATH, loadFixtureFile } from './load-fixture.ts';

export interface GenerateOptions {
  vmCount: number;
  /** Same seed, same fixture. */
  seed?: number;
  /** VMs per workload resource group. */
  vmsPerResourceGroup?: number;
  /**
   * Subscriptions in the tenant, at least 3 (contoso's two and "Contoso Scale", the default). More adds
   * "Contoso Scale 2", "Contoso Scale 3", ... and spreads the VMs evenly over all of them.
   */
  subscriptionCount?: number;
  /** Only the first n regions of the mix (westeurope, northeurope, eastus, westus, uksouth, ukwest); all 6 by default. */
  regionCount?: number;
}

type ResourceGroupInput = NonNullable<FixtureInput['subscriptions'][number]['resourceGroups']>[number];
type VmInput = NonNullable<ResourceGroupInput['virtualMachines']>[number];
type NicInput = NonNullable<ResourceGroupInput['networkInterfaces']>[number];

const SCALE_SUBSCRIPTION = 'd4e6f8a0-2b4c-4d6e-8f0a-1b2c3d4e5f60';

/** Ids of the extra scale subscriptions: "Contoso Scale {n}" for n = 2, 3, ... */
function scaleSubscriptionId(n: number): string {
  return `d4e6f8a0-2b4c-4d6e-8f0a-${n.toString(16).padStart(12, '0')}`;
}
const ALICE = 'a11ce000-0000-4000-8000-000000000001';
const CI_SP = '5e7a0000-0000-4000-8000-000000000005';

// Mulberry32: tiny, fast and good enough to spread cases around.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((sum, [, w]) => sum + w, 0);
  let roll = rand() * total;
  for (const [value, weight] of weighted) {
    roll -= weight;
    if (roll < 0) return value;
  }
  const last = weighted[weighted.length - 1];
  if (last === undefined) throw new Error('pick() needs at least one option');
  return last[0];
}

interface OsCase {
  osType: 'Windows' | 'Linux';
  image?: { publisher: string; offer: string; sku: string };
  osName: string;
  osVersion: string;
}

const WINDOWS_IMAGE = { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer' };
const UBUNTU_2204 = { publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts-gen2' };

const OS_CASES: readonly (readonly [OsCase, number])[] = [
  [{ osType: 'Windows', image: { ...WINDOWS_IMAGE, sku: '2022-datacenter-azure-edition' }, osName: 'Windows Server 2022 Datacenter Azure Edition', osVersion: 'Microsoft Windows NT 10.0.20348.0' }, 30],
  [{ osType: 'Windows', image: { ...WINDOWS_IMAGE, sku: '2019-Datacenter' }, osName: 'Windows Server 2019 Datacenter', osVersion: 'Microsoft Windows NT 10.0.17763.0' }, 15],
  [{ osType: 'Windows', image: { ...WINDOWS_IMAGE, sku: '2016-Datacenter' }, osName: 'Windows Server 2016 Datacenter', osVersion: 'Microsoft Windows NT 10.0.14393.0' }, 5],
  [{ osType: 'Windows', image: { ...WINDOWS_IMAGE, sku: '2008-R2-SP1' }, osName: 'Windows Server 2008 R2 Datacenter', osVersion: 'Microsoft Windows NT 6.1.7601 Service Pack 1' }, 2],
  [{ osType: 'Windows', osName: 'Windows Server 2008 Datacenter', osVersion: 'Microsoft Windows NT 6.0.6002 Service Pack 2' }, 1],
  [{ osType: 'Linux', image: UBUNTU_2204, osName: 'ubuntu', osVersion: '22.04' }, 20],
  [{ osType: 'Linux', image: { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server' }, osName: 'ubuntu', osVersion: '24.04' }, 7],
  [{ osType: 'Linux', image: { publisher: 'RedHat', offer: 'RHEL', sku: '8-lvm-gen2' }, osName: 'rhel', osVersion: '8.9' }, 7],
  [{ osType: 'Linux', image: { publisher: 'SUSE', offer: 'sles-15-sp5', sku: 'gen2' }, osName: 'sles', osVersion: '15.5' }, 5],
  [{ osType: 'Linux', image: { publisher: 'Debian', offer: 'debian-12', sku: '12-gen2' }, osName: 'debian', osVersion: '12' }, 5],
  [{ osType: 'Linux', image: { publisher: 'CoreOS', offer: 'CoreOS', sku: 'Stable' }, osName: 'coreos', osVersion: '2345.3.0' }, 1],
  [{ osType: 'Linux', image: { publisher: 'contoso', offer: 'arch-linux', sku: 'rolling' }, osName: 'arch', osVersion: 'rolling' }, 2],
];

const REGION_WEIGHTS = [
  ['westeurope', 40],
  ['northeurope', 20],
  ['eastus', 15],
  ['westus', 10],
  ['uksouth', 10],
  ['ukwest', 5],
] as const;

const DATA_DISKS = [[0, 50], [2, 20], [4, 15], [12, 10], [20, 4], [40, 1]] as const;

export function generateFixture(options: GenerateOptions): FixtureInput {
  const rand = random(options.seed ?? 1);
  const perGroup = options.vmsPerResourceGroup ?? 50;
  const base = loadFixtureFile(DEFAULT_FIXTURE_PATH);
  const zonal = new Set(base.regions.filter((r) => r.availabilityZones.length > 0).map((r) => r.name));
  const regionWeights = REGION_WEIGHTS.slice(0, Math.max(1, options.regionCount ?? REGION_WEIGHTS.length));
  const withVaults = new Set(base.regions.filter((r) => r.recoveryServicesVaults).map((r) => r.name));

  const extraScale = Array.from({ length: Math.max(0, (options.subscriptionCount ?? 3) - 3) }, (_, i) => scaleSubscriptionId(i + 2));
  const subscriptionIds = [...base.subscriptions.map((s) => s.subscriptionId), SCALE_SUBSCRIPTION, ...extraScale];
  const scaleIds = new Set([SCALE_SUBSCRIPTION, ...extraScale]);
  // The default mix (60/15/25) is kept exactly when there are no extra subscriptions, so existing fixtures stay the same.
  const subscriptionWeights: readonly (readonly [string, number])[] =
    extraScale.length === 0
      ? ([[subscriptionIds[0] ?? '', 60], [subscriptionIds[1] ?? '', 15], [SCALE_SUBSCRIPTION, 25]] as const)
      : subscriptionIds.map((id) => [id, 1] as const);
  const groups = new Map<string, ResourceGroupInput[]>(subscriptionIds.map((id) => [id, []]));
  const workload = new Map<string, { rg: ResourceGroupInput; count: number }>();
  const networks = new Set<string>();
  const vaultItems = new Map<string, { virtualMachine: string; policy: string }[]>();

  const networkGroup = (sub: string, region: string, ordinal: number): void => {
    const key = `${sub}:${region}`;
    if (networks.has(key)) return;
    networks.add(key);
    const octet = 10 + ordinal;
    groups.get(sub)?.push({
      name: `rg-net-${region}`,
      location: region,
      virtualNetworks: [{
        name: `vnet-${region}`,
        addressPrefixes: [`10.${octet}.0.0/16`],
        subnets: [
          { name: 'snet-0', addressPrefix: `10.${octet}.0.0/18`, networkSecurityGroup: 'nsg-open' },
          { name: 'snet-1', addressPrefix: `10.${octet}.64.0/18` },
          { name: 'snet-2', addressPrefix: `10.${octet}.128.0/18` },
          { name: 'snet-locked', addressPrefix: `10.${octet}.192.0/18`, networkSecurityGroup: 'nsg-deny-https' },
        ],
      }],
      networkSecurityGroups: [
        { name: 'nsg-open', securityRules: [{ name: 'AllowVnetRdp', priority: 100, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', sourceAddressPrefix: 'VirtualNetwork', destinationPortRange: '3389' }] },
        { name: 'nsg-deny-https', securityRules: [{ name: 'DenyHttpsToInternet', priority: 200, direction: 'Outbound', access: 'Deny', protocol: 'Tcp', destinationAddressPrefix: 'Internet', destinationPortRange: '443' }] },
        { name: 'nsg-nic-nostorage', securityRules: [{ name: 'DenyHttpsToStorage', priority: 300, direction: 'Outbound', access: 'Deny', protocol: 'Tcp', destinationAddressPrefix: 'Storage', destinationPortRange: '443' }] },
        {
          name: 'nsg-nic-allowlist',
          securityRules: [
            { name: 'AllowAzureBackupHttps', priority: 100, direction: 'Outbound', access: 'Allow', protocol: 'Tcp', destinationAddressPrefix: 'AzureBackup', destinationPortRange: '443' },
            { name: 'AllowStorageHttps', priority: 110, direction: 'Outbound', access: 'Allow', protocol: 'Tcp', destinationAddressPrefix: 'Storage', destinationPortRange: '443' },
            { name: 'AllowAadHttps', priority: 120, direction: 'Outbound', access: 'Allow', protocol: 'Tcp', destinationAddressPrefix: 'AzureActiveDirectory', destinationPortRange: '443' },
            { name: 'DenyAllInternetOutbound', priority: 4000, direction: 'Outbound', access: 'Deny', destinationAddressPrefix: 'Internet' },
          ],
        },
      ],
    });
  };

  const workloadGroup = (sub: string, region: string): ResourceGroupInput => {
    const key = `${sub}:${region}`;
    const current = workload.get(key);
    if (current !== undefined && current.count < perGroup) {
      current.count++;
      return current.rg;
    }
    const ordinal = (groups.get(sub) ?? []).filter((g) => g.location === region).length;
    const name = `rg-app-${region}-${String(ordinal).padStart(3, '0')}`;
    const rg: ResourceGroupInput = {
      name,
      location: region,
      tags: { env: scaleIds.has(sub) ? 'scale' : 'generated' },
      publicIpAddresses: [{ name: 'pip-lb', sku: 'Standard', allocation: 'Static' }],
      loadBalancers: [{ name: 'lb-app', frontend: { publicIpAddress: 'pip-lb' }, backendPools: ['bepool'] }],
      availabilitySets: [{ name: 'avset-app' }],
      networkInterfaces: [],
      virtualMachines: [],
    };
    groups.get(sub)?.push(rg);
    workload.set(key, { rg, count: 1 });
    return rg;
  };

  for (let i = 0; i < options.vmCount; i++) {
    const sub = pick(rand, subscriptionWeights);
    const region = pick(rand, regionWeights);
    networkGroup(sub, region, REGION_WEIGHTS.findIndex(([r]) => r === region));
    const rg = workloadGroup(sub, region);
    const name = `vm-${String(i + 1).padStart(5, '0')}`;
    const os = pick(rand, OS_CASES);
    const nicCount = rand() < 0.03 ? 2 : 1;
    const nics: NicInput[] = Array.from({ length: nicCount }, (_, n) => {
      const subnet = pick(rand, [['snet-0', 45], ['snet-1', 30], ['snet-2', 20], ['snet-locked', 5]] as const);
      const nic: NicInput = { name: `${name}-nic${n + 1}`, ipConfigurations: [{ subnet: `rg-net-${region}/vnet-${region}/${subnet}` }] };
      const nsgRoll = rand();
      if (nsgRoll < 0.05) nic.networkSecurityGroup = `rg-net-${region}/nsg-nic-nostorage`;
      else if (nsgRoll < 0.1) nic.networkSecurityGroup = `rg-net-${region}/nsg-nic-allowlist`;
      return nic;
    });
    const firstConfig = nics[0]?.ipConfigurations[0];
    if (firstConfig !== undefined && rand() < 0.05) firstConfig.loadBalancerBackendAddressPools = ['lb-app/bepool'];
    rg.networkInterfaces?.push(...nics);

    const agentRoll = rand();
    const agent = os.image === undefined && agentRoll < 0.5
      ? { status: 'missing' as const }
      : agentRoll < 0.85 ? { status: 'ready' as const }
      : agentRoll < 0.9 ? { status: 'notReady' as const }
      : agentRoll < 0.93 ? { status: 'missing' as const, provisionVMAgent: false }
      : os.osType === 'Windows' ? { status: 'ready' as const, version: '2.6.1198.600' } : { status: 'ready' as const };
    const failedExtension = rand() < 0.01;
    const snapshot = failedExtension || rand() < 0.1;
    const vm: VmInput = {
      name,
      size: pick(rand, [['Standard_D2s_v5', 50], ['Standard_D4s_v5', 25], ['Standard_E16s_v5', 15], ['Standard_M64s', 1], ['Standard_B2s', 9]] as const),
      osType: os.osType,
      osName: os.osName,
      osVersion: os.osVersion,
      agent,
      powerState: pick(rand, [['running', 85], ['stopped', 5], ['deallocated', 10]] as const),
      dataDisks: pick(rand, DATA_DISKS),
      networkInterfaces: nics.map((n) => n.name),
      tags: { generated: 'true' },
    };
    if (os.image !== undefined) vm.image = { ...os.image };
    if (snapshot) {
      const type = os.osType === 'Windows' ? 'VMSnapshot' : 'VMSnapshotLinux';
      vm.extensions = [{ name: type, publisher: 'Microsoft.Azure.RecoveryServices', type, typeHandlerVersion: os.osType === 'Windows' ? '1.9' : '1.0', state: failedExtension ? 'Failed' : 'Succeeded' }];
      if (failedExtension) vm.provisioningState = 'Failed';
    }
    const placement = rand();
    if (zonal.has(region) && placement < 0.2) vm.zone = pick(rand, [['1', 1], ['2', 1], ['3', 1]] as const);
    else if (placement > 0.95) vm.availabilitySet = 'avset-app';
    rg.virtualMachines?.push(vm);

    if (withVaults.has(region) && rand() < 0.15) {
      const key = `${sub}:${region}`;
      const items = vaultItems.get(key) ?? [];
      items.push({ virtualMachine: `${rg.name}/${name}`, policy: rand() < 0.7 ? 'DefaultPolicy' : 'EnhancedPolicy' });
      vaultItems.set(key, items);
    }
  }

  for (const [key, items] of vaultItems) {
    const [sub = '', region = ''] = key.split(':');
    groups.get(sub)?.push({ name: `rg-backup-${region}`, location: region, vaults: [{ name: `rsv-${region}`, protectedItems: items }] });
  }
  for (const sub of subscriptionIds) {
    for (const region of withVaults) {
      if (!vaultItems.has(`${sub}:${region}`) && networks.has(`${sub}:${region}`)) {
        groups.get(sub)?.push({ name: `rg-backup-${region}`, location: region, vaults: [{ name: `rsv-${region}`, storageConfig: 'Unlocked' }] });
      }
    }
  }

  return {
    description: `Generated: ${options.vmCount} VMs, seed ${options.seed ?? 1}`,
    tenant: base.tenant,
    users: base.users,
    servicePrincipals: base.servicePrincipals,
    roleAssignments: [
      ...base.roleAssignments.filter((ra) => !ra.scope.toLowerCase().includes('/resourcegroups/')),
      ...[SCALE_SUBSCRIPTION, ...extraScale].flatMap((id) => [
        { principalId: ALICE, roleName: 'Owner' as const, scope: `/subscriptions/${id}` },
        { principalId: CI_SP, roleName: 'Contributor' as const, scope: `/subscriptions/${id}` },
      ]),
    ],
    regions: base.regions,
    subscriptions: [
      ...base.subscriptions.map((s) => ({
        subscriptionId: s.subscriptionId,
        displayName: s.displayName,
        state: s.state,
        quotaId: s.quotaId,
        tags: s.tags,
        providerRegistrations: s.providerRegistrations,
        resourceGroups: groups.get(s.subscriptionId) ?? [],
      })),
      { subscriptionId: SCALE_SUBSCRIPTION, displayName: 'Contoso Scale', resourceGroups: groups.get(SCALE_SUBSCRIPTION) ?? [] },
      ...extraScale.map((id, i) => ({ subscriptionId: id, displayName: `Contoso Scale ${i + 2}`, resourceGroups: groups.get(id) ?? [] })),
    ],
  };
}
