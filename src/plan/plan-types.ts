import type { VmPolicyPayload } from '../azure/policy-types.ts';
import type { StorageRedundancy } from '../azure/storage-config.ts';
import type { VaultSecurity } from '../shared/vault-security.ts';

/*
 * The plan of writes the Review step shows and the Enable step runs. What the user chose (PlanChoices) is
 * compared with what ARM says now (PlanObserved); every write still to do becomes a PlanItem, and what is
 * already in place is shown as "no change".
 */

/** An NSG security rule the user chose on the Network step; field names as ARM's rule `properties`. */
export type SecurityRuleSpec = {
  priority: number;
  protocol: string;
  access: 'Allow' | 'Deny';
  direction: 'Inbound' | 'Outbound';
  sourceAddressPrefix: string;
  sourcePortRange: string;
  destinationPortRange: string;
  destinationAddressPrefix?: string;
  destinationAddressPrefixes?: string[];
  description?: string;
};

export type NsgRuleChoice = { nsgId: string; name: string; properties: SecurityRuleSpec };

/** The HTTP proxy the user described on the Network step: set up inside the VMs, not through ARM. */
export type ProxyChoice = { proxyIp: string; proxyPort: number };

export type PlanVm = {
  id: string;
  name: string;
  resourceGroup: string;
  /** Why it needs an Enhanced policy (from its discovery); a Standard policy is then refused before anything is sent. */
  needsEnhanced?: readonly string[];
};

export type PlanChoices = {
  subscriptionId: string;
  vault: { name: string; resourceGroup: string; location: string; tags?: Record<string, string> };
  /** null when the Replication step has not been confirmed; then the vault's current setting stays. */
  replication: { storageType: StorageRedundancy; crossRegionRestore: boolean } | null;
  /** The policy by name; `payload` only when the wizard still holds the new policy's body. */
  policy: { name: string; policyType: 'V1' | 'V2' | null; payload?: VmPolicyPayload };
  nsgRules: readonly NsgRuleChoice[];
  proxy: ProxyChoice | null;
  vms: readonly PlanVm[];
  /**
   * The vault's security settings when the user set them (null: left as Azure has them). `saved` says
   * whether the Replication (or Vault) step wrote them and read them back: the Enable step does not.
   */
  security?: { settings: VaultSecurity; saved: boolean } | null;
};

/** Azure Backup's own answer for one VM (backupPreValidateProtection and backupValidateFeatures). */
export type ServiceCheck =
  | { verdict: 'passed' }
  | { verdict: 'blocked'; code: string; message: string; recommendation: string }
  /** A pre-check could not be asked (e.g. a Reader may not run the POST): not a "no". */
  | { verdict: 'unchecked'; reason: string };

/** A protected item, as far as the plan needs it. */
export type ObservedProtection = { vaultId: string; policyId: string; policyName: string };

/** What ARM says now. Ids compare case-insensitively; maps are keyed by lower-cased ids. */
export type PlanObserved = {
  resourceGroupExists: boolean;
  vault: { id: string; location: string } | null;
  /** null when the vault does not exist (yet). */
  storageConfig: { storageType: StorageRedundancy | 'Other'; crossRegionRestore: boolean; locked: boolean } | null;
  /** The vault's policy with the chosen name, or null. */
  policy: { id: string; name: string; policyType: 'V1' | 'V2' | null } | null;
  /** Keyed by lower-cased rule id; null when the rule does not exist. */
  nsgRules: Readonly<Record<string, SecurityRuleSpec | null>>;
  /** Keyed by lower-cased VM id; null when the VM is not protected by any vault (as far as can be seen). */
  protection: Readonly<Record<string, ObservedProtection | null>>;
  /** Keyed by lower-cased VM id: why it could not be checked whether another vault protects the VM. */
  protectionUnchecked?: Readonly<Record<string, string>>;
  /** What the vault reports now; null when it does not exist (yet). */
  security?: VaultSecurity | null;
  /** Keyed by lower-cased VM id: Azure Backup's pre-checks of the VMs still to protect. */
  serviceChecks?: Readonly<Record<string, ServiceCheck>>;
};

/**
 * create/update: a write will be sent. noChange: already as chosen. manual: something the user does outside
 * ARM (a proxy inside the VMs). conflict: cannot be done as chosen; the reason says what to change first.
 */
export type PlanAction = 'create' | 'update' | 'noChange' | 'manual' | 'conflict';

export type RequiredPermission = {
  action: string;
  /** The ARM scope the permission is checked on: the resource when it exists, else its parent. */
  scope: string;
  /** The scope in words, e.g. "vault rsv-prod-weu". */
  scopeLabel: string;
};

/** What the Enable step sends for an item; `null` for items that send nothing. */
export type PlanWrite =
  | { kind: 'resourceGroup'; subscriptionId: string; name: string; location: string }
  | {
      kind: 'vault';
      subscriptionId: string;
      resourceGroup: string;
      name: string;
      location: string;
      tags?: Record<string, string>;
    }
  | {
      kind: 'replication';
      subscriptionId: string;
      resourceGroup: string;
      vaultName: string;
      storageType: StorageRedundancy;
      crossRegionRestore: boolean;
    }
  | { kind: 'policy'; subscriptionId: string; resourceGroup: string; vaultName: string; name: string; payload: VmPolicyPayload }
  | { kind: 'nsgRule'; nsgId: string; name: string; properties: SecurityRuleSpec }
  | {
      kind: 'protect';
      subscriptionId: string;
      resourceGroup: string;
      vaultName: string;
      vmId: string;
      vmName: string;
      vmResourceGroup: string;
      containerName: string;
      protectedItemName: string;
      policyId: string;
    };

export type PlanItemKind = PlanWrite['kind'] | 'proxy' | 'security';

export type PlanItem = {
  /** Stable across rebuilds: the kind and the target. */
  key: string;
  kind: PlanItemKind;
  action: PlanAction;
  /** e.g. "Create vault rsv-prod-weu". */
  title: string;
  /** Why this action: what ARM says now and what will change. */
  detail: string;
  /** The ARM id of the resource written (or, for the proxy, of what it concerns). */
  targetId: string;
  /** What cannot be undone once this item is done. */
  oneWayDoors: string[];
  /** Checked before anything is sent; empty when nothing is sent. */
  permissions: RequiredPermission[];
  write: PlanWrite | null;
  /** For a VM to protect: what Azure Backup's own pre-checks said. */
  serviceCheck?: ServiceCheck;
  /** For a VM's protection: the VM (also when nothing is sent for it). */
  vmId?: string;
};

export type Plan = {
  items: PlanItem[];
  /** Items that send a write (create or update). */
  writeCount: number;
  /** Items that cannot be done as chosen. */
  conflictCount: number;
};
