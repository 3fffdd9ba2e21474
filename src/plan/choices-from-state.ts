import type { VaultSecurity } from '../shared/vault-security.ts';
import { securityChoiceFor } from '../store/replication-slice.ts';
import { sameSecurity, securityFromDraft } from '../store/security-draft.ts';
import type { WizardState } from '../store/wizard-store.ts';
import { resourceGroupFromId, nameFromId } from './arm-paths.ts';
import type { NsgRuleChoice, PlanChoices, PlanVm, SecurityRuleSpec } from './plan-types.ts';

type ChoiceState = Pick<WizardState, 'setup' | 'vault' | 'replication' | 'policy' | 'vms' | 'network'>;

/** The selected VMs with their names: the saved summary when there is one, else the id's own segments. */
export function selectedPlanVms(state: Pick<WizardState, 'vms'>): PlanVm[] {
  return state.vms.selectedIds.map((id) => {
    const summary = state.vms.summaries[id];
    const vm: PlanVm = { id, name: summary?.name || nameFromId(id), resourceGroup: summary?.resourceGroup || resourceGroupFromId(id) };
    if (summary?.needsEnhanced?.length) vm.needsEnhanced = [...summary.needsEnhanced];
    return vm;
  });
}

function ruleSpec(body: WizardState['network']['createdRules'][number]['body']): SecurityRuleSpec {
  const spec: SecurityRuleSpec = {
    priority: body.priority,
    protocol: body.protocol,
    access: body.access === 'Deny' ? 'Deny' : 'Allow',
    direction: body.direction === 'Inbound' ? 'Inbound' : 'Outbound',
    sourceAddressPrefix: body.sourceAddressPrefix,
    sourcePortRange: body.sourcePortRange,
    destinationPortRange: body.destinationPortRange,
  };
  if (body.destinationAddressPrefix !== undefined) spec.destinationAddressPrefix = body.destinationAddressPrefix;
  if (body.destinationAddressPrefixes !== undefined) spec.destinationAddressPrefixes = [...body.destinationAddressPrefixes];
  if (body.description !== undefined) spec.description = body.description;
  return spec;
}

const settingsOf = ({ confirmedAt: _at, ...settings }: VaultSecurity & { confirmedAt: string }): VaultSecurity => settings;

/**
 * What the user chose on the earlier steps, in the plan's terms; null until a subscription, a vault and a
 * policy are chosen (the Review step is not reachable before that).
 */
export function choicesFromState(state: ChoiceState): PlanChoices | null {
  const subscriptionId = state.setup.subscriptionId;
  const vault = state.vault.chosen;
  const policy = state.policy.chosen;
  if (!subscriptionId || !vault || !policy) return null;
  const sameVault = state.replication.vaultId?.toLowerCase() === vault.id.toLowerCase();
  const replication = sameVault ? (state.replication.confirmed ?? state.replication.choice) : null;
  const nsgRules: NsgRuleChoice[] = state.network.createdRules.map((rule) => ({ nsgId: rule.nsgId, name: rule.name, properties: ruleSpec(rule.body) }));
  const { draft, confirmed } = securityChoiceFor(state.replication, vault.id);
  const saved = confirmed && settingsOf(confirmed);
  const settings = draft ? securityFromDraft(draft) : saved;
  return {
    subscriptionId,
    vault: { name: vault.name, resourceGroup: vault.resourceGroup, location: vault.location },
    replication: replication ? { storageType: replication.storageType, crossRegionRestore: replication.crossRegionRestore } : null,
    policy: { name: policy.name, policyType: null },
    nsgRules,
    proxy: state.network.proxy ? { proxyIp: state.network.proxy.ip, proxyPort: state.network.proxy.port } : null,
    vms: selectedPlanVms(state),
    security: settings ? { settings, saved: saved !== null && sameSecurity(settings, saved) } : null,
  };
}
