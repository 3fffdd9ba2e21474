import type { ArmGateway } from '../../azure/gateway.ts';
import type { JournalEntry } from '../../journal/types.ts';
import { nameFromId, resourceGroupFromId, sameId } from '../../plan/arm-paths.ts';
import { mapLimit } from '../../plan/map-limit.ts';
import { multiUserAuthorizationWords } from '../../plan/security-words.ts';
import { journalLines } from './journal-lines.ts';
import type { SetupSummary, SummaryFinding, SummaryRule } from './summary-model.ts';

export type SummaryReader = Pick<
  ArmGateway,
  'getVaultDetails' | 'getStorageConfig' | 'getVmPolicy' | 'listProtectedVms' | 'getSecurityRule' | 'listTenants' | 'getMultiUserAuthorization'
>;

/** What the wizard itself knows: who, where, and what it recorded; everything else is read from ARM. */
export type SummaryInput = {
  now: Date;
  tenantId: string;
  account: { name: string; username: string };
  subscription: { id: string; name: string };
  vault: { name: string; resourceGroup: string };
  policyName: string | null;
  selectedVms: readonly { id: string; name: string }[];
  createdRules: readonly { id: string; nsgId: string; name: string; purpose: 'allow' | 'proxy' }[];
  proxy: { ip: string; port: number } | null;
  openFindings: SummaryFinding[];
  journal: readonly JournalEntry[];
};

export class VaultGoneError extends Error {
  constructor(message: string) {
    super(message);
    // The error panel shows the name as the code.
    this.name = 'VaultNotFound';
  }
}

/** Reads back from ARM everything the setup applied, and puts it together with the wizard's own record. */
export async function readSummary(gateway: SummaryReader, input: SummaryInput): Promise<SetupSummary> {
  const sub = input.subscription.id;
  const { name, resourceGroup } = input.vault;
  const vault = await gateway.getVaultDetails(sub, resourceGroup, name);
  if (!vault) throw new VaultGoneError(`The vault ${name} (resource group ${resourceGroup}) is not in Azure any more.`);
  const vaultRef = { subscriptionId: sub, resourceGroup, vaultName: name };
  const [replication, policy, protectedVms, rules, tenantName, mua] = await Promise.all([
    gateway.getStorageConfig(sub, resourceGroup, name),
    input.policyName ? gateway.getVmPolicy(vaultRef, input.policyName) : Promise.resolve(null),
    gateway.listProtectedVms(vaultRef),
    mapLimit(input.createdRules, 6, async (record): Promise<SummaryRule> => {
      const read = await gateway.getSecurityRule(record.id);
      return {
        id: record.id,
        name: record.name,
        nsgId: record.nsgId,
        nsgName: nameFromId(record.nsgId),
        nsgResourceGroup: resourceGroupFromId(record.nsgId),
        purpose: record.purpose,
        rule: read && {
          priority: read.priority,
          direction: read.direction,
          access: read.access,
          protocol: read.protocol,
          sourceAddressPrefix: read.sourceAddressPrefix,
          sourcePortRange: read.sourcePortRange,
          ...(read.destinationAddressPrefix !== undefined ? { destinationAddressPrefix: read.destinationAddressPrefix } : {}),
          ...(read.destinationAddressPrefixes !== undefined ? { destinationAddressPrefixes: read.destinationAddressPrefixes } : {}),
          destinationPortRange: read.destinationPortRange,
          ...(read.description !== undefined ? { description: read.description } : {}),
          provisioningState: read.provisioningState,
        },
      };
    }),
    // Only a name for the header: the summary stands without it.
    gateway.listTenants().then(
      (tenants) => tenants.find((t) => t.tenantId.toLowerCase() === input.tenantId.toLowerCase())?.displayName ?? null,
      () => null,
    ),
    gateway.getMultiUserAuthorization(vaultRef),
  ]);
  return {
    generatedAt: input.now.toISOString(),
    tenant: { id: input.tenantId, name: tenantName },
    account: { ...input.account },
    subscription: { ...input.subscription },
    vault: {
      id: vault.id,
      name: vault.name,
      resourceGroup: vault.resourceGroup,
      location: vault.location,
      skuName: vault.skuName,
      skuTier: vault.skuTier,
      provisioningState: vault.provisioningState,
    },
    replication,
    security: {
      ...vault.security,
      resourceGuardId: mua.state === 'protected' ? mua.guard.id : null,
      multiUserAuthorization: multiUserAuthorizationWords(mua),
    },
    policy: policy && { id: policy.id, name: policy.name, protectedItemsCount: policy.protectedItemsCount, properties: policy.properties },
    protectedVms: protectedVms.map((item) => ({
      itemId: item.id,
      vmId: item.vmId,
      vmName: item.vmName,
      vmResourceGroup: resourceGroupFromId(item.vmId),
      protectionState: item.protectionState,
      healthStatus: item.healthStatus,
      lastBackupStatus: item.lastBackupStatus,
      lastBackupTime: item.lastBackupTime,
      policyName: item.policyName,
      policyId: item.policyId,
    })),
    unprotectedVmNames: input.selectedVms.filter((vm) => !protectedVms.some((item) => sameId(item.vmId, vm.id))).map((vm) => vm.name),
    nsgRules: rules,
    proxy: input.proxy && { ...input.proxy },
    openFindings: input.openFindings,
    journal: journalLines(input.journal),
  };
}
