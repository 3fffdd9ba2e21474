// Azure Backup's own pre-checks for the VMs the plan would protect, read during Review: the pre-validation
// of each VM against the vault (backupPreValidateProtection), and whether the service backs up its size and
// disk type (backupValidateFeatures, asked once per size and disk SKU). A check that can't be asked is
// "unchecked", never a "no".
import { toAzureError } from '../azure/errors.ts';
import type { ArmGateway } from '../azure/gateway.ts';
import { mapLimit } from './map-limit.ts';
import type { PlanChoices, PlanVm, ServiceCheck } from './plan-types.ts';

export type ServiceCheckReader = Pick<ArmGateway, 'preValidateProtection' | 'validateVmBackupFeature' | 'listVirtualMachines'>;

const reason = (error: unknown): string => {
  const azure = toAzureError(error);
  return `${azure.code} (${azure.message})`;
};

/** The SKU family backupValidateFeatures asks about ("Premium/Managed etc" in the SDK) [unconfirmed mapping]. */
export function vmSkuOf(osDiskType: string): string {
  return /^(premium|ultra)/i.test(osDiskType) ? 'Premium' : 'Standard';
}

export async function readServiceChecks(
  gateway: ServiceCheckReader,
  choices: PlanChoices,
  vaultId: string,
  vms: readonly PlanVm[],
  concurrency: number,
): Promise<Record<string, ServiceCheck>> {
  if (vms.length === 0) return {};
  const { subscriptionId: sub, vault } = choices;
  const preValidations = await mapLimit(vms, concurrency, (vm) =>
    gateway.preValidateProtection(sub, vault.location, vm.id, vaultId).catch((error: unknown) => ({ status: 'unchecked' as const, reason: reason(error) })),
  );

  // Sizes come from one paged list of the subscription's VMs, not one read per VM.
  const sizing = await gateway.listVirtualMachines(sub).then(
    (list) => new Map(list.map((vm) => [vm.id.toLowerCase(), vm])),
    (error: unknown) => reason(error),
  );
  const features = new Map<string, Promise<string>>();
  const featureOf = (size: string, sku: string): Promise<string> => {
    const key = `${size.toLowerCase()}|${sku}`;
    let answer = features.get(key);
    if (!answer) {
      answer = gateway.validateVmBackupFeature(sub, vault.location, size, sku);
      features.set(key, answer);
    }
    return answer;
  };
  const featureChecks = await mapLimit(vms, concurrency, async (vm): Promise<ServiceCheck> => {
    if (typeof sizing === 'string') return { verdict: 'unchecked', reason: sizing };
    const facts = sizing.get(vm.id.toLowerCase());
    if (!facts?.size) return { verdict: 'unchecked', reason: 'Azure did not report the size of this virtual machine.' };
    try {
      const status = await featureOf(facts.size, vmSkuOf(facts.osDiskType));
      return status === 'NotSupported'
        ? {
            verdict: 'blocked',
            code: 'NotSupported',
            message: `Azure Backup does not back up virtual machines of size ${facts.size} (backupValidateFeatures answered NotSupported)`,
            recommendation: 'Resize the virtual machine to a supported size.',
          }
        : { verdict: 'passed' };
    } catch (error) {
      return { verdict: 'unchecked', reason: reason(error) };
    }
  });

  const checks: Record<string, ServiceCheck> = {};
  vms.forEach((vm, i) => {
    const pre = preValidations[i];
    const preCheck: ServiceCheck =
      pre === undefined
        ? { verdict: 'unchecked', reason: 'No answer.' }
        : 'reason' in pre
          ? { verdict: 'unchecked', reason: pre.reason }
          : pre.status === 'Failed'
            ? { verdict: 'blocked', code: pre.errorCode, message: pre.errorMessage, recommendation: pre.recommendation }
            : pre.status === 'Invalid'
              ? { verdict: 'unchecked', reason: `${pre.errorCode} (${pre.errorMessage})` }
              : { verdict: 'passed' };
    const feature = featureChecks[i] ?? { verdict: 'unchecked', reason: 'No answer.' };
    // A "no" from either check wins, then one that could not be asked.
    checks[vm.id.toLowerCase()] = WEIGHT[feature.verdict] < WEIGHT[preCheck.verdict] ? feature : preCheck;
  });
  return checks;
}

const WEIGHT: Record<ServiceCheck['verdict'], number> = { blocked: 0, unchecked: 1, passed: 2 };
