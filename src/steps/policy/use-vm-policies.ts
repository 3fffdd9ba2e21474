import { useArmGateway } from '../../azure/gateway-context.tsx';
import type { VaultRef } from '../../azure/policy-types.ts';
import { useArmQuery } from '../../components/use-arm-query.ts';
import { useWizardStore } from '../../store/store-context.tsx';

/** The chosen vault as the policy operations address it, or null before one is chosen. */
export function useChosenVaultRef(): (VaultRef & { id: string }) | null {
  const subscriptionId = useWizardStore((s) => s.setup.subscriptionId);
  const vault = useWizardStore((s) => s.vault.chosen);
  if (!subscriptionId || !vault) return null;
  return { id: vault.id, subscriptionId, resourceGroup: vault.resourceGroup, vaultName: vault.name };
}

/** The vault's Azure VM policies; `reload` refreshes them quietly after a write. */
export function useVmPolicies(vault: (VaultRef & { id: string }) | null) {
  const gateway = useArmGateway();
  return useArmQuery(vault ? vault.id.toLowerCase() : null, () =>
    vault ? gateway.listVmPolicies(vault) : Promise.resolve([]),
  );
}
