import type { VmPolicyProperties } from '../../azure/policy-types.ts';
import type { VaultSecurity } from '../../shared/vault-security.ts';

/*
 * Everything the Summary shows, prints and exports. The vault, replication, policy, protected VMs and NSG
 * rules are read back from ARM when the page opens; the proxy, the open findings and the journal are the
 * wizard's own record (they are not ARM resources).
 */

export type SummaryVault = {
  id: string;
  name: string;
  resourceGroup: string;
  location: string;
  skuName: string;
  skuTier: string;
  provisioningState: string;
};

export type SummaryReplication = { storageType: string; crossRegionRestore: boolean; locked: boolean };

/** The vault's security settings as read back, and whether a Resource Guard protects it. */
export type SummarySecurity = VaultSecurity & {
  /** The guard's ARM id; null when none protects the vault (or the proxies could not be read: see `multiUserAuthorization`). */
  resourceGuardId: string | null;
  /** In words: "Protected by Resource Guard …", "Not protected …", or why it is not known. */
  multiUserAuthorization: string;
};

export type SummaryPolicy = {
  id: string;
  name: string;
  protectedItemsCount: number;
  /** null when Azure returned a shape the wizard does not understand. */
  properties: VmPolicyProperties | null;
};

export type SummaryVm = {
  /** The protected item's id. */
  itemId: string;
  vmId: string;
  vmName: string;
  vmResourceGroup: string;
  protectionState: string;
  healthStatus: string;
  lastBackupStatus: string;
  lastBackupTime: string | null;
  policyName: string;
  policyId: string;
};

export type SummaryRule = {
  id: string;
  name: string;
  nsgId: string;
  nsgName: string;
  nsgResourceGroup: string;
  /** What the wizard added it for. */
  purpose: 'allow' | 'proxy';
  /** null when the rule is no longer in its NSG. */
  rule: {
    priority: number;
    direction: string;
    access: string;
    protocol: string;
    sourceAddressPrefix: string;
    sourcePortRange: string;
    destinationAddressPrefix?: string;
    destinationAddressPrefixes?: string[];
    destinationPortRange: string;
    description?: string;
    provisioningState: string;
  } | null;
};

export type SummaryFinding = { vmName: string; area: 'Virtual machine' | 'Agent' | 'Network'; text: string };

export type SummaryJournalLine = {
  at: string;
  operation: string;
  target: string;
  /** Succeeded, Failed, Unknown, or In flight. */
  result: string;
  detail: string | null;
  requestIds: string[];
};

export type SetupSummary = {
  generatedAt: string;
  tenant: { id: string; name: string | null };
  account: { name: string; username: string };
  subscription: { id: string; name: string };
  vault: SummaryVault;
  replication: SummaryReplication | null;
  security: SummarySecurity;
  policy: SummaryPolicy | null;
  protectedVms: SummaryVm[];
  /** VMs chosen in this setup that the vault does not protect (yet). */
  unprotectedVmNames: string[];
  nsgRules: SummaryRule[];
  proxy: { ip: string; port: number } | null;
  openFindings: SummaryFinding[];
  journal: SummaryJournalLine[];
};

/** The policy's ARM `properties` as plain JSON (dates as ISO strings): what the exports write. */
export function policyJson(properties: VmPolicyProperties): Record<string, unknown> {
  return JSON.parse(JSON.stringify(properties)) as Record<string, unknown>;
}
