import { useArmGateway } from '../../azure/gateway-context.tsx';
import { useArmQuery } from '../../components/use-arm-query.ts';
import { RECOVERY_SERVICES } from './vault-rules.ts';

/** What the create form needs from Azure: regions and the provider, resource groups, and where the VMs are. */
export function useCreateFormData(subscriptionId: string) {
  const gateway = useArmGateway();
  const regions = useArmQuery(`regions:${subscriptionId}`, async () => {
    const [locations, provider] = await Promise.all([
      gateway.listLocations(subscriptionId),
      gateway.getResourceProvider(subscriptionId, RECOVERY_SERVICES),
    ]);
    return { locations, provider };
  });
  const resourceGroups = useArmQuery(`resource-groups:${subscriptionId}`, () => gateway.listResourceGroups(subscriptionId));
  const vms = useArmQuery(`vms:${subscriptionId}`, () => gateway.listVirtualMachines(subscriptionId));
  return { regions, resourceGroups, vms };
}
