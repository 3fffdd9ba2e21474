import { createArmClients, type ArmClientOptions } from './clients.ts';
import { AzureRequestError, toAzureError } from './errors.ts';
import { listSubscriptions, type Subscription } from './subscriptions.ts';
import { listLocations, type AzureLocation } from './locations.ts';
import { countProtectedVms } from './protected-item-count.ts';
import { createVmPolicy, listVmPolicies, type CreatePolicyOptions, type CreatePolicyResult } from './policies.ts';
import type { VaultRef, VmBackupPolicy, VmPolicyPayload } from './policy-types.ts';
import { getResourceProvider, registerResourceProvider, type ResourceProvider } from './providers.ts';
import { createResourceGroup, listResourceGroups, type ResourceGroup, type ResourceGroupPut } from './resource-groups.ts';
import { getStorageConfig, setStorageConfig, type StorageConfigChange, type VaultStorageConfig } from './storage-config.ts';
import {
  checkVaultName,
  createVault,
  findVault,
  listVaults,
  type NameAvailability,
  type OperationProgress,
  type VaultPutBody,
  type VaultSummary,
} from './vaults.ts';
import { listVirtualMachines, type VirtualMachineSummary } from './virtual-machines.ts';
import { gatherVmReadiness, type GatherOptions, type GatherVault, type VmReadinessTable } from './vm-readiness.ts';
import {
  createSecurityRule,
  getNetworkInterface,
  getNetworkSecurityGroup,
  getSubnet,
  listEffectiveNsgs,
  listNetworkSecurityGroups,
  type CreatedRule,
  type NicInfo,
  type NsgInfo,
  type SubnetInfo,
} from './network-security.ts';
import { readVmForChecks, type VmCheckRead } from './vm-check-read.ts';
import type { NsgLayer, ProposedRule } from '../readiness/index.ts';
import type { PermissionEntry } from '../shared/rbac-actions.ts';
import { getPermissions } from './permissions.ts';
import { findVmPolicy } from './policies.ts';
import { getVmProtectionStatus, listProtectedVms, type ProtectedVm } from './protected-vms.ts';
import { getSecurityRule, type SecurityRuleRead } from './security-rule-read.ts';
import { getVaultDetails, type VaultDetails } from './vault-details.ts';
import { updateVaultSecurity } from './vault-security.ts';
import { getMultiUserAuthorization, type MultiUserAuthorization } from './resource-guard.ts';
import { preValidateProtection, type PreValidation } from './backup-prevalidate.ts';
import { validateVmBackupFeature, type FeatureSupportStatus } from './backup-features.ts';
import type { SecurityWire, VaultSecurity } from '../shared/vault-security.ts';
import { listTenants, type Tenant } from './tenants.ts';
import { queryGraph, type GraphQueryOptions, type GraphQueryResult, type GraphScope } from './resource-graph.ts';
import { createReadBudget, type ReadBudget } from './rate-budget.ts';
import { createAgentReader, type AgentReader, type AgentReaderOptions } from './inventory/agent-reader.ts';
import { confirmNetwork, confirmNetworks, type NetworkConfirmation } from './inventory/confirm-network.ts';
import { createDiscoveryRegistry, type DiscoveryState } from './inventory/discovery.ts';
import { countVms, type VmCounts } from './inventory/fleet-counts.ts';
import type { FleetRow } from './inventory/fleet-rows.ts';
import { loadFleetInventory, type LoadInventoryOptions } from './inventory/load-inventory.ts';
import { lastSegment } from './inventory/normalise.ts';
import type { FleetInventory, FleetScope, InventorySource } from './inventory/types.ts';
import { sizeCatalogFor } from './inventory/vm-sizes.ts';
import type { RefreshOptions, VaultLocator } from './vm-discovery.ts';
import { readInstanceView } from './vm-inventory.ts';
import { resumeOperation, type FollowOptions, type Settlement } from './operations.ts';
import {
  enableVmProtection,
  getBackupJob,
  getProtectedVmItem,
  triggerVmBackup,
  type BackupJob,
  type OperationObserver,
  type ProtectedVmItem,
  type VmRef,
  type WriteOperationOutcome,
} from './protect-vm.ts';

/**
 * The one way the app talks to Azure. Each method is one operation module; all of them throw only
 * AzureRequestError, so callers handle one error shape. Later issues add vaults, policies and VMs here.
 */
export type ArmGateway = {
  listSubscriptions(): Promise<Subscription[]>;
  // Vault and replication steps.
  listLocations(subscriptionId: string): Promise<AzureLocation[]>;
  listResourceGroups(subscriptionId: string): Promise<ResourceGroup[]>;
  createResourceGroup(subscriptionId: string, name: string, body: ResourceGroupPut): Promise<ResourceGroup>;
  getResourceProvider(subscriptionId: string, namespace: string): Promise<ResourceProvider>;
  registerResourceProvider(subscriptionId: string, namespace: string): Promise<ResourceProvider>;
  listVirtualMachines(subscriptionId: string): Promise<VirtualMachineSummary[]>;
  listVaults(subscriptionId: string): Promise<VaultSummary[]>;
  findVault(subscriptionId: string, resourceGroup: string, name: string): Promise<VaultSummary | null>;
  checkVaultName(subscriptionId: string, resourceGroup: string, location: string, name: string): Promise<NameAvailability>;
  createVault(
    subscriptionId: string,
    resourceGroup: string,
    name: string,
    body: VaultPutBody,
    onProgress?: (progress: OperationProgress) => void,
  ): Promise<VaultSummary>;
  countProtectedVms(subscriptionId: string, resourceGroup: string, vaultName: string): Promise<number | null>;
  getStorageConfig(subscriptionId: string, resourceGroup: string, vaultName: string): Promise<VaultStorageConfig>;
  /** PATCH of the vault's security sections; answers the settings Azure then reports. */
  updateVaultSecurity(
    subscriptionId: string,
    resourceGroup: string,
    vaultName: string,
    properties: SecurityWire,
    onProgress?: (progress: OperationProgress) => void,
  ): Promise<VaultSecurity>;
  /** Never throws for a refused read: "unknown" says why. */
  getMultiUserAuthorization(vault: VaultRef): Promise<MultiUserAuthorization>;
  setStorageConfig(subscriptionId: string, resourceGroup: string, vaultName: string, change: StorageConfigChange): Promise<void>;
  // Policy step.
  listVmPolicies(vault: VaultRef): Promise<VmBackupPolicy[]>;
  createVmPolicy(vault: VaultRef, name: string, payload: VmPolicyPayload, options?: CreatePolicyOptions): Promise<CreatePolicyResult>;
  // Virtual machines step: discovery and every VM's readiness facts.
  gatherVmReadiness(vault: GatherVault, options?: GatherOptions): Promise<VmReadinessTable>;
  // Agent and Network steps: one VM at a time (the selected ones), and the fixes.
  readVmForChecks(vmId: string): Promise<VmCheckRead | null>;
  getNetworkInterface(subscriptionId: string, nicId: string): Promise<NicInfo>;
  getSubnet(subscriptionId: string, subnetId: string): Promise<SubnetInfo>;
  getNetworkSecurityGroup(subscriptionId: string, nsgId: string): Promise<NsgInfo>;
  listNetworkSecurityGroups(subscriptionId: string): Promise<NsgInfo[]>;
  listEffectiveNsgs(subscriptionId: string, nicId: string): Promise<NsgLayer[]>;
  createSecurityRule(
    subscriptionId: string,
    nsgId: string,
    rule: ProposedRule,
    onProgress?: (progress: OperationProgress) => void,
  ): Promise<CreatedRule>;
  // Review, Summary and resume: read back what is in place, and what the user may change.
  getPermissions(scope: string): Promise<PermissionEntry[]>;
  getVaultDetails(subscriptionId: string, resourceGroup: string, name: string): Promise<VaultDetails | null>;
  getVmPolicy(vault: VaultRef, name: string): Promise<VmBackupPolicy | null>;
  listProtectedVms(vault: VaultRef): Promise<ProtectedVm[]>;
  getVmProtectionStatus(
    subscriptionId: string,
    location: string,
    vmId: string,
  ): Promise<{ vaultId: string; policyName: string; state: string } | null>;
  getSecurityRule(ruleId: string): Promise<SecurityRuleRead | null>;
  listTenants(): Promise<Tenant[]>;
  // Review: Azure Backup's own pre-checks.
  preValidateProtection(subscriptionId: string, location: string, vmId: string, vaultId: string): Promise<PreValidation>;
  validateVmBackupFeature(subscriptionId: string, location: string, vmSize: string, vmSku: string): Promise<FeatureSupportStatus>;
  // Enable step: configure protection, back up now, and following operations (also after a reload).
  getProtectedVmItem(vault: VaultRef, vm: VmRef): Promise<ProtectedVmItem | null>;
  /** Never throws for Azure's answers: a refused send, a failed operation and one still running are outcomes. */
  enableVmProtection(vault: VaultRef, vm: VmRef, policyId: string, observer?: OperationObserver): Promise<WriteOperationOutcome>;
  triggerVmBackup(vault: VaultRef, vm: VmRef, observer?: OperationObserver): Promise<WriteOperationOutcome>;
  getBackupJob(vault: VaultRef, jobId: string): Promise<BackupJob>;
  /** Polls a journal entry's saved operation URL (only if on the ARM endpoint) and records its result. */
  resumeOperation(entryId: string, operationUrl: string, options?: FollowOptions): Promise<Settlement>;
  // Fleet reads: one Resource Graph query over many subscriptions, every page, paced by the user's quota.
  queryGraph<T>(query: string, scope: GraphScope, options?: GraphQueryOptions): Promise<GraphQueryResult<T>>;
  // The fleet table (src/azure/inventory/): build rows with buildFleetRows(inventory), then fill them in.
  /** Every VM of the scope with its NICs, subnets, NSGs and protection: Resource Graph, or ARM lists without it. */
  loadFleetInventory(scope: FleetScope, options?: LoadInventoryOptions): Promise<FleetInventory>;
  /** VMs per subscription and region (one Resource Graph query, or each subscription's VM list). */
  countVms(subscriptions: readonly string[], options?: { source?: InventorySource | 'auto'; signal?: AbortSignal }): Promise<VmCounts>;
  /**
   * Reads the agent of these VMs (pass the running ones of the chosen regions) one instance view each, paced by
   * ARM's read bucket; merge each batch into the rows with withAgent(). Starts at once, `first` (the visible
   * rows) before the rest; prioritize() again on scroll and selection. Async like every gateway method (the
   * lazy gateway loads this module on the first call).
   */
  readAgents(vmIds: readonly string[], options?: Pick<AgentReaderOptions, 'first' | 'onBatch' | 'onProgress' | 'signal' | 'batchMs'>): Promise<AgentReader>;
  /** Azure's effective rules for the row's primary NIC: merge with withEffectiveNetwork(). Never throws. */
  confirmNetwork(row: Pick<FleetRow, 'facts' | 'network'>): Promise<NetworkConfirmation>;
  /** The same for at most `max` rows (CONFIRM_AUTOMATICALLY unless told). */
  confirmNetworks(rows: readonly Pick<FleetRow, 'facts' | 'network'>[], max?: number): Promise<NetworkConfirmation[]>;
  /** The vault's discovery, once per vault and region per session, in the background (needed before Enable only). */
  ensureDiscovery(vault: VaultLocator & { location: string }, options?: RefreshOptions): Promise<number>;
  /** Where the vault's discovery stands this session (undefined: never asked for). */
  discoveryState(vault: VaultLocator & { location: string }): Promise<DiscoveryState | undefined>;
  /** Waits until the subscription's write budget allows one more write (write-budget.ts); aborts with the signal. */
  paceWrite(subscriptionId: string, signal?: AbortSignal): Promise<void>;
};

async function normalised<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw new AzureRequestError(toAzureError(error), { cause: error });
  }
}

export function createArmGateway(options: ArmClientOptions): ArmGateway {
  // One read budget per gateway (= per signed-in principal), fed by every read the clients make.
  const readBudget: ReadBudget = options.readBudget ?? createReadBudget();
  const clients = createArmClients({ ...options, readBudget });
  const discovery = createDiscoveryRegistry(clients);
  // Each region's VM sizes, read once per session whatever the number of inventories.
  const sizes = sizeCatalogFor(clients);
  return {
    listSubscriptions: () => normalised(() => listSubscriptions(clients)),
    listLocations: (sub) => normalised(() => listLocations(clients, sub)),
    listResourceGroups: (sub) => normalised(() => listResourceGroups(clients, sub)),
    createResourceGroup: (sub, name, body) => normalised(() => createResourceGroup(clients, sub, name, body)),
    getResourceProvider: (sub, namespace) => normalised(() => getResourceProvider(clients, sub, namespace)),
    registerResourceProvider: (sub, namespace) => normalised(() => registerResourceProvider(clients, sub, namespace)),
    listVirtualMachines: (sub) => normalised(() => listVirtualMachines(clients, sub)),
    listVaults: (sub) => normalised(() => listVaults(clients, sub)),
    findVault: (sub, rg, name) => normalised(() => findVault(clients, sub, rg, name)),
    checkVaultName: (sub, rg, location, name) => normalised(() => checkVaultName(clients, sub, rg, location, name)),
    createVault: (sub, rg, name, body, onProgress) => normalised(() => createVault(clients, sub, rg, name, body, onProgress)),
    countProtectedVms: (sub, rg, vault) => normalised(() => countProtectedVms(clients, sub, rg, vault)),
    getStorageConfig: (sub, rg, vault) => normalised(() => getStorageConfig(clients, sub, rg, vault)),
    updateVaultSecurity: (sub, rg, vault, properties, onProgress) => normalised(() => updateVaultSecurity(clients, sub, rg, vault, properties, onProgress)),
    getMultiUserAuthorization: (vault) => normalised(() => getMultiUserAuthorization(clients, vault)),
    setStorageConfig: (sub, rg, vault, change) => normalised(() => setStorageConfig(clients, sub, rg, vault, change)),
    listVmPolicies: (vault) => normalised(() => listVmPolicies(clients, vault)),
    createVmPolicy: (vault, name, payload, options) => normalised(() => createVmPolicy(clients, vault, name, payload, options)),
    gatherVmReadiness: (vault, options) => normalised(() => gatherVmReadiness(clients, vault, options)),
    readVmForChecks: (vmId) => normalised(() => readVmForChecks(clients, vmId)),
    getNetworkInterface: (sub, nicId) => normalised(() => getNetworkInterface(clients, sub, nicId)),
    getSubnet: (sub, subnetId) => normalised(() => getSubnet(clients, sub, subnetId)),
    getNetworkSecurityGroup: (sub, nsgId) => normalised(() => getNetworkSecurityGroup(clients, sub, nsgId)),
    listNetworkSecurityGroups: (sub) => normalised(() => listNetworkSecurityGroups(clients, sub)),
    listEffectiveNsgs: (sub, nicId) => normalised(() => listEffectiveNsgs(clients, sub, nicId)),
    createSecurityRule: (sub, nsgId, rule, onProgress) => normalised(() => createSecurityRule(clients, sub, nsgId, rule, onProgress)),
    getPermissions: (scope) => normalised(() => getPermissions(clients, options.endpoint, scope)),
    getVaultDetails: (sub, rg, name) => normalised(() => getVaultDetails(clients, sub, rg, name)),
    getVmPolicy: (vault, name) => normalised(() => findVmPolicy(clients, vault, name)),
    listProtectedVms: (vault) => normalised(() => listProtectedVms(clients, vault)),
    getVmProtectionStatus: (sub, location, vmId) => normalised(() => getVmProtectionStatus(clients, sub, location, vmId)),
    getSecurityRule: (ruleId) => normalised(() => getSecurityRule(clients, ruleId)),
    listTenants: () => normalised(() => listTenants(clients)),
    preValidateProtection: (sub, location, vmId, vaultId) => normalised(() => preValidateProtection(clients, sub, location, vmId, vaultId)),
    validateVmBackupFeature: (sub, location, size, sku) => normalised(() => validateVmBackupFeature(clients, sub, location, size, sku)),
    getProtectedVmItem: (vault, vm) => normalised(() => getProtectedVmItem(clients, vault, vm)),
    enableVmProtection: (vault, vm, policyId, observer) => normalised(() => enableVmProtection(clients, vault, vm, policyId, observer)),
    triggerVmBackup: (vault, vm, observer) => normalised(() => triggerVmBackup(clients, vault, vm, observer)),
    getBackupJob: (vault, jobId) => normalised(() => getBackupJob(clients, vault, jobId)),
    resumeOperation: (entryId, url, options) => normalised(() => resumeOperation(clients, entryId, url, options)),
    queryGraph: (query, scope, options) => normalised(() => queryGraph(clients, query, scope, options)),
    loadFleetInventory: (scope, options) => normalised(() => loadFleetInventory(clients, scope, options, sizes)),
    countVms: (subscriptions, options) => normalised(() => countVms(clients, subscriptions, options)),
    readAgents: async (vmIds, options = {}) =>
      createAgentReader(vmIds, { ...options, budget: readBudget, read: (vmId, signal) => readInstanceView(clients, vmId, lastSegment(vmId), signal) }),
    confirmNetwork: (row) => confirmNetwork(clients, row),
    confirmNetworks: (rows, max) => confirmNetworks(clients, rows, max),
    ensureDiscovery: (vault, options) => normalised(() => discovery.ensure(vault, options)),
    discoveryState: async (vault) => discovery.stateOf(vault),
    paceWrite: (sub, signal) => clients.budgets.writes(sub).acquire(signal),
  };
}
