import type { ArmClients } from './clients.ts';

/** Supported, NotSupported, DefaultON, DefaultOFF or Invalid, as the service words it. */
export type FeatureSupportStatus = string;

/**
 * POST …/locations/{region}/backupValidateFeatures for Azure VM backup of one VM size and disk SKU
 * (SDK featureSupport.validate). The answer depends only on those two, so callers ask once per pair.
 */
export async function validateVmBackupFeature(
  clients: ArmClients,
  subscriptionId: string,
  location: string,
  vmSize: string,
  vmSku: string,
): Promise<FeatureSupportStatus> {
  const client = await clients.backup(subscriptionId);
  const answer = await client.featureSupport.validate(location, { featureType: 'AzureVMResourceBackup', vmSize, vmSku });
  return answer.supportStatus ?? 'Invalid';
}
