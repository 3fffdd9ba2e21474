import { useMemo } from 'react';
import { useSignedInAccount } from '../../auth/auth-provider.tsx';
import { useArmGateway } from '../../azure/gateway-context.tsx';
import { useArmQuery } from '../../components/use-arm-query.ts';
import { selectedPlanVms } from '../../plan/choices-from-state.ts';
import { useWizardStore } from '../../store/store-context.tsx';
import { journalForSetup } from './journal-lines.ts';
import { openFindings } from './open-findings.ts';
import { readSummary, type SummaryInput } from './read-summary.ts';
import type { SetupSummary } from './summary-model.ts';

/** The summary of the current setup, read back from ARM when the page opens (and on `retry`). */
export function useSummary() {
  const gateway = useArmGateway();
  const account = useSignedInAccount();
  const setup = useWizardStore((s) => s.setup);
  const vault = useWizardStore((s) => s.vault.chosen);
  const policy = useWizardStore((s) => s.policy.chosen);
  const vms = useWizardStore((s) => s.vms);
  const agent = useWizardStore((s) => s.agent);
  const network = useWizardStore((s) => s.network);
  const journal = useWizardStore((s) => s.journal.entries);

  const input = useMemo((): SummaryInput | null => {
    if (!account || !setup.subscriptionId || !vault) return null;
    const selectedVms = selectedPlanVms({ vms });
    return {
      now: new Date(),
      tenantId: account.tenantId,
      account: { name: account.name, username: account.username },
      subscription: { id: setup.subscriptionId, name: setup.subscriptionName ?? setup.subscriptionId },
      vault: { name: vault.name, resourceGroup: vault.resourceGroup },
      policyName: policy?.name ?? null,
      selectedVms,
      createdRules: network.createdRules.map(({ id, nsgId, name, purpose }) => ({ id, nsgId, name, purpose })),
      proxy: network.proxy,
      openFindings: openFindings({ vms, agent, network }),
      journal: journalForSetup(journal, { vaultId: vault.id, ruleIds: network.createdRules.map((rule) => rule.id) }),
    };
  }, [account, setup, vault, policy, vms, agent, network, journal]);

  // Read once per vault and policy; the journal and findings change often and are local, so they don't re-read ARM.
  const key = input ? `${input.subscription.id}|${vault?.id ?? ''}|${policy?.id ?? ''}` : null;
  const query = useArmQuery<SetupSummary>(key, () => {
    if (!input) return Promise.reject(new Error('No setup to summarise yet.'));
    return readSummary(gateway, input);
  });
  // The local parts stay current without another round trip to Azure.
  const data = query.state.status === 'loaded' && input ? { ...query.state.data, openFindings: input.openFindings } : null;
  return { ...query, summary: data };
}
