// The tenant fixture: an authoring format friendlier than ARM's wire format (load-fixture.ts converts).
// Objects are strict so that a typo in a field name is reported instead of silently ignored.
// Cross-references (NIC -> subnet, VM -> NIC, ...) are checked by fixture-refs.ts, run from FixtureSchema.
import { z } from 'zod';
import { ROLE_NAMES } from '../arm/rbac.ts';
import { collectReferenceIssues } from './fixture-refs.ts';

// The built-in roles the emulator knows, defined with their actions in arm/rbac.ts.
export { ROLE_NAMES } from '../arm/rbac.ts';

export const PROVIDER_NAMESPACES = [
  'Microsoft.RecoveryServices',
  'Microsoft.Compute',
  'Microsoft.Network',
  'Microsoft.Resources',
] as const;

// No "/" because references are written as "{resourceGroup}/{name}".
const name = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[A-Za-z0-9_().-]+$/, 'use letters, digits, "_", "-", ".", "(" or ")"');
const text = z.string().min(1);
const tags = z.record(z.string(), z.string()).default({});
const ipv4 = z.ipv4();
const cidr = z.cidrv4();
const isoDateTime = z.iso.datetime({ offset: true });
// "name", "{resourceGroup}/name" (same subscription) or a full ARM resource id.
const ref = z.string().min(1);
// Optional: defaults to the location of the resource group.
const location = z.string().min(1).optional();

const TenantSchema = z.strictObject({
  tenantId: z.guid(),
  displayName: text,
  defaultDomain: text,
});

const UserSchema = z.strictObject({
  objectId: z.guid(),
  userPrincipalName: z.string().regex(/^[^@\s]+@[^@\s]+$/, 'must look like user@domain'),
  displayName: text,
  password: text,
});

const ServicePrincipalSchema = z.strictObject({
  appId: z.guid(),
  objectId: z.guid(),
  displayName: text,
  secret: text,
});

const RoleAssignmentSchema = z.strictObject({
  principalId: z.guid(),
  roleName: z.enum(ROLE_NAMES),
  scope: z
    .string()
    .regex(
      /^\/subscriptions\/[^/]+(\/resourceGroups\/[^/]+)?$/i,
      'must be /subscriptions/{id} or /subscriptions/{id}/resourceGroups/{name}',
    ),
});

const RegionSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9]+$/, 'region names are lower-case letters and digits, e.g. "westeurope"'),
  displayName: text,
  regionalDisplayName: text,
  regionCategory: z.enum(['Recommended', 'Other']).default('Recommended'),
  geography: text,
  geographyGroup: text,
  physicalLocation: text,
  latitude: text,
  longitude: text,
  pairedRegion: z.string().optional(),
  availabilityZones: z.array(z.enum(['1', '2', '3'])).default([]),
  // Whether Microsoft.RecoveryServices offers vaults here (the provider's resource type locations).
  recoveryServicesVaults: z.boolean().default(true),
});

const prefixes = z.union([text, z.array(text).min(1)]);

const SecurityRuleSchema = z.strictObject({
  name,
  priority: z.int().min(100).max(4096),
  direction: z.enum(['Inbound', 'Outbound']),
  access: z.enum(['Allow', 'Deny']),
  protocol: z.enum(['*', 'Tcp', 'Udp', 'Icmp', 'Esp', 'Ah']).default('*'),
  sourceAddressPrefix: prefixes.default('*'),
  sourcePortRange: prefixes.default('*'),
  destinationAddressPrefix: prefixes.default('*'),
  destinationPortRange: prefixes.default('*'),
  description: z.string().optional(),
});

const NetworkSecurityGroupSchema = z.strictObject({
  name,
  location,
  tags,
  securityRules: z.array(SecurityRuleSchema).default([]),
});

const SubnetSchema = z.strictObject({
  name,
  addressPrefix: cidr,
  networkSecurityGroup: ref.optional(),
});

const VirtualNetworkSchema = z.strictObject({
  name,
  location,
  tags,
  addressPrefixes: z.array(cidr).min(1),
  subnets: z.array(SubnetSchema).default([]),
});

const PublicIpAddressSchema = z
  .strictObject({
    name,
    location,
    tags,
    sku: z.enum(['Basic', 'Standard']).default('Standard'),
    allocation: z.enum(['Static', 'Dynamic']).default('Static'),
    // Assigned by the loader when omitted (static, or dynamic and attached).
    ipAddress: ipv4.optional(),
    zones: z.array(z.enum(['1', '2', '3'])).optional(),
  })
  .refine((p) => !(p.sku === 'Standard' && p.allocation === 'Dynamic'), {
    message: 'a Standard SKU public IP must use Static allocation',
    path: ['allocation'],
  });

const LoadBalancerSchema = z
  .strictObject({
    name,
    location,
    tags,
    sku: z.enum(['Basic', 'Standard']).default('Standard'),
    frontend: z.strictObject({
      name: name.default('frontend'),
      publicIpAddress: ref.optional(),
      subnet: ref.optional(),
      privateIPAddress: ipv4.optional(),
    }),
    backendPools: z.array(name).min(1),
  })
  .refine((lb) => (lb.frontend.publicIpAddress === undefined) !== (lb.frontend.subnet === undefined), {
    message: 'a frontend needs exactly one of publicIpAddress (public) or subnet (internal)',
    path: ['frontend'],
  });

const AvailabilitySetSchema = z.strictObject({
  name,
  location,
  tags,
  faultDomainCount: z.int().min(1).max(3).default(2),
  updateDomainCount: z.int().min(1).max(20).default(5),
});

const IpConfigurationSchema = z.strictObject({
  name: name.optional(), // "ipconfig{n}" when omitted
  subnet: ref, // "{vnet}/{subnet}" or "{resourceGroup}/{vnet}/{subnet}"
  privateIPAddress: ipv4.optional(), // assigned from the subnet (from .4) when omitted
  privateIPAllocationMethod: z.enum(['Dynamic', 'Static']).default('Dynamic'),
  publicIpAddress: ref.optional(),
  loadBalancerBackendAddressPools: z.array(ref).default([]), // "{lb}/{pool}"
});

const NetworkInterfaceSchema = z.strictObject({
  name,
  location,
  tags,
  networkSecurityGroup: ref.optional(),
  enableAcceleratedNetworking: z.boolean().default(false),
  macAddress: z.string().regex(/^([0-9A-F]{2}-){5}[0-9A-F]{2}$/, 'use the ARM form 00-0D-3A-12-34-56').optional(),
  ipConfigurations: z.array(IpConfigurationSchema).min(1),
});

const ImageSchema = z.strictObject({
  publisher: text,
  offer: text,
  sku: text,
  version: text.default('latest'),
  exactVersion: text.optional(),
});

const AgentSchema = z.strictObject({
  // ready: reports Ready; notReady: installed but not reporting; missing: never installed.
  status: z.enum(['ready', 'notReady', 'missing']),
  version: text.optional(),
  // osProfile.*Configuration.provisionVMAgent; defaults to status !== "missing".
  provisionVMAgent: z.boolean().optional(),
});

const ExtensionSchema = z.strictObject({
  name,
  publisher: text,
  type: text,
  typeHandlerVersion: text,
  state: z.enum(['Succeeded', 'Failed', 'Creating', 'Updating', 'Deleting']).default('Succeeded'),
  autoUpgradeMinorVersion: z.boolean().default(true),
});

const VirtualMachineSchema = z.strictObject({
  name,
  location,
  tags,
  zone: z.enum(['1', '2', '3']).optional(),
  size: text,
  osType: z.enum(['Windows', 'Linux']),
  // Omitted for a VM built from an uploaded (migrated) disk: osDisk createOption "Attach" and no osProfile.
  image: ImageSchema.optional(),
  computerName: text.optional(),
  adminUsername: text.default('azureadmin'),
  osDiskSizeGB: z.int().min(1).optional(),
  diskType: z.enum(['Standard_LRS', 'StandardSSD_LRS', 'Premium_LRS', 'StandardSSD_ZRS', 'Premium_ZRS']).default('Premium_LRS'),
  dataDisks: z.int().min(0).max(64).default(0),
  dataDiskSizeGB: z.int().min(1).default(128),
  // Data disks only: Premium SSD v2 and Ultra Disk can't be OS disks. Defaults to diskType.
  dataDiskType: z.enum(['Standard_LRS', 'StandardSSD_LRS', 'Premium_LRS', 'StandardSSD_ZRS', 'Premium_ZRS', 'PremiumV2_LRS', 'UltraSSD_LRS']).optional(),
  // The first n data disks have write accelerator on (M-series, Premium SSD).
  writeAcceleratorDisks: z.int().min(0).max(64).default(0),
  // securityProfile.securityType; left out for a standard VM.
  securityType: z.enum(['TrustedLaunch', 'ConfidentialVM']).optional(),
  powerState: z.enum(['running', 'stopped', 'deallocated']).default('running'),
  provisioningState: z.enum(['Succeeded', 'Failed', 'Updating']).default('Succeeded'),
  agent: AgentSchema.default({ status: 'ready' }),
  // What the guest agent reports in the instance view (shown only while the agent is Ready).
  osName: text.optional(),
  osVersion: text.optional(),
  extensions: z.array(ExtensionSchema).default([]),
  networkInterfaces: z.array(ref).min(1), // the first one is primary
  availabilitySet: ref.optional(),
  timeCreated: isoDateTime.optional(),
});

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM (24 h)');
const weekday = z.enum(['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']);

export const BackupPolicySchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9-]{1,148}[A-Za-z0-9]$/, '3-150 letters, digits or hyphens; starts with a letter'),
    policyType: z.enum(['V1', 'V2']).default('V1'),
    frequency: z.enum(['Daily', 'Weekly', 'Hourly']).default('Daily'),
    time: hhmm.default('19:00'), // run time, or start of the hourly window
    days: z.array(weekday).min(1).optional(), // Weekly only
    hourlyInterval: z.union([z.literal(4), z.literal(6), z.literal(8), z.literal(12)]).optional(),
    hourlyWindowHours: z.int().min(4).max(24).optional(),
    dailyRetentionDays: z.int().min(7).max(9999).optional(),
    weeklyRetentionWeeks: z.int().min(1).max(5163).optional(),
    instantRestoreDays: z.int().min(1).max(30).default(2),
    timeZone: text.default('UTC'),
  })
  .superRefine((p, ctx) => {
    const issue = (path: string, message: string): void => {
      ctx.addIssue({ code: 'custom', path: [path], message });
    };
    if (p.frequency === 'Hourly' && p.policyType !== 'V2') issue('frequency', 'Hourly schedules need policyType V2 (Enhanced)');
    if (p.frequency === 'Hourly' && (p.hourlyInterval === undefined || p.hourlyWindowHours === undefined)) {
      issue('hourlyInterval', 'Hourly schedules need hourlyInterval and hourlyWindowHours');
    }
    if (p.frequency === 'Weekly' && p.days === undefined) issue('days', 'Weekly schedules need days');
    if (p.frequency !== 'Weekly' && p.dailyRetentionDays === undefined) {
      issue('dailyRetentionDays', 'Daily and Hourly schedules need dailyRetentionDays');
    }
    if (p.frequency === 'Weekly' && p.weeklyRetentionWeeks === undefined) {
      issue('weeklyRetentionWeeks', 'Weekly schedules need weeklyRetentionWeeks');
    }
    if (p.policyType === 'V1' && p.instantRestoreDays > 5) issue('instantRestoreDays', 'V1 (Standard) policies keep 1-5 days');
  });

const ProtectedItemSchema = z.strictObject({
  virtualMachine: ref, // "{vm}" in the vault's resource group, or "{resourceGroup}/{vm}"
  policy: name.default('DefaultPolicy'),
  lastBackupTime: isoDateTime.optional(),
});

// Fields left out are Azure's defaults for a new vault (src/shared/vault-security.ts). Soft delete can't be
// Disabled: secure by default enforces it on every Recovery Services vault.
const VaultSecuritySchema = z.strictObject({
  softDelete: z.enum(['Enabled', 'AlwaysON']).default('Enabled'),
  softDeleteRetentionDays: z.number().int().min(14).max(180).default(14),
  immutability: z.enum(['Disabled', 'Unlocked', 'Locked']).default('Disabled'),
  crossSubscriptionRestore: z.enum(['Enabled', 'Disabled', 'PermanentlyDisabled']).default('Enabled'),
  publicNetworkAccess: z.enum(['Enabled', 'Disabled']).default('Enabled'),
  jobFailureAlerts: z.enum(['Enabled', 'Disabled']).default('Enabled'),
  // The ARM id of the Microsoft.DataProtection/resourceGuards that protects the vault (multi-user authorization).
  resourceGuard: z
    .string()
    .regex(/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.DataProtection\/resourceGuards\/[^/]+$/i, 'the ARM id of a Microsoft.DataProtection/resourceGuards resource')
    .optional(),
});

const VaultSchema = z
  .strictObject({
    name: z.string().regex(/^[A-Za-z][A-Za-z0-9-]{1,49}$/, '2-50 letters, digits or hyphens; starts with a letter'),
    location,
    tags,
    storageRedundancy: z.enum(['GeoRedundant', 'LocallyRedundant', 'ZoneRedundant']).default('GeoRedundant'),
    crossRegionRestore: z.boolean().default(false),
    // Defaults to Locked when the vault protects anything (Azure locks it at first registration), else Unlocked.
    storageConfig: z.enum(['Locked', 'Unlocked']).optional(),
    policies: z.array(BackupPolicySchema).default([]),
    protectedItems: z.array(ProtectedItemSchema).default([]),
    security: VaultSecuritySchema.prefault({}),
  })
  .refine((v) => !(v.crossRegionRestore && v.storageRedundancy !== 'GeoRedundant'), {
    message: 'crossRegionRestore needs storageRedundancy GeoRedundant',
    path: ['crossRegionRestore'],
  })
  .refine((v) => !(v.storageConfig === 'Unlocked' && v.protectedItems.length > 0), {
    message: 'a vault that protects items has a Locked storage config',
    path: ['storageConfig'],
  });

const ResourceGroupSchema = z.strictObject({
  name,
  location: text,
  tags,
  virtualNetworks: z.array(VirtualNetworkSchema).default([]),
  networkSecurityGroups: z.array(NetworkSecurityGroupSchema).default([]),
  publicIpAddresses: z.array(PublicIpAddressSchema).default([]),
  loadBalancers: z.array(LoadBalancerSchema).default([]),
  availabilitySets: z.array(AvailabilitySetSchema).default([]),
  networkInterfaces: z.array(NetworkInterfaceSchema).default([]),
  virtualMachines: z.array(VirtualMachineSchema).default([]),
  vaults: z.array(VaultSchema).default([]),
});

const RegistrationState = z.enum(['Registered', 'NotRegistered', 'Registering', 'Unregistering']);

const SubscriptionSchema = z.strictObject({
  subscriptionId: z.guid(),
  displayName: text,
  state: z.enum(['Enabled', 'Warned', 'PastDue', 'Disabled', 'Deleted']).default('Enabled'),
  locationPlacementId: text.default('Public_2014-09-01'),
  quotaId: text.default('PayAsYouGo_2014-09-01'),
  spendingLimit: z.enum(['On', 'Off', 'CurrentPeriodOff']).default('Off'),
  tags,
  // Namespaces left out are Registered.
  providerRegistrations: z.partialRecord(z.enum(PROVIDER_NAMESPACES), RegistrationState).default({}),
  resourceGroups: z.array(ResourceGroupSchema).default([]),
});

export const FixtureShape = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().optional(),
  tenant: TenantSchema,
  users: z.array(UserSchema).default([]),
  servicePrincipals: z.array(ServicePrincipalSchema).default([]),
  roleAssignments: z.array(RoleAssignmentSchema).default([]),
  regions: z.array(RegionSchema).min(1),
  subscriptions: z.array(SubscriptionSchema).min(1),
});

export const FixtureSchema = FixtureShape.superRefine((fixture, ctx) => {
  for (const issue of collectReferenceIssues(fixture)) {
    ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  }
});

/** A validated fixture, defaults applied. */
export type Fixture = z.output<typeof FixtureShape>;
/** The JSON a fixture file holds (defaults not yet applied). */
export type FixtureInput = z.input<typeof FixtureShape>;

export type Tenant = Fixture['tenant'];
export type User = Fixture['users'][number];
export type ServicePrincipal = Fixture['servicePrincipals'][number];
export type RoleAssignment = Fixture['roleAssignments'][number];
export type RoleName = RoleAssignment['roleName'];
export type Region = Fixture['regions'][number];
export type Subscription = Fixture['subscriptions'][number];
export type ProviderNamespace = (typeof PROVIDER_NAMESPACES)[number];
export type RegistrationState = z.output<typeof RegistrationState>;
export type ResourceGroup = Subscription['resourceGroups'][number];
export type VirtualNetwork = ResourceGroup['virtualNetworks'][number];
export type NetworkSecurityGroup = ResourceGroup['networkSecurityGroups'][number];
export type SecurityRule = NetworkSecurityGroup['securityRules'][number];
export type PublicIpAddress = ResourceGroup['publicIpAddresses'][number];
export type LoadBalancer = ResourceGroup['loadBalancers'][number];
export type AvailabilitySet = ResourceGroup['availabilitySets'][number];
export type NetworkInterface = ResourceGroup['networkInterfaces'][number];
export type IpConfiguration = NetworkInterface['ipConfigurations'][number];
export type VirtualMachine = ResourceGroup['virtualMachines'][number];
export type VmExtension = VirtualMachine['extensions'][number];
export type Vault = ResourceGroup['vaults'][number];
export type BackupPolicy = Vault['policies'][number];
export type BackupPolicyInput = z.input<typeof BackupPolicySchema>;
export type ProtectedItem = Vault['protectedItems'][number];
