import type { ArmClients } from './clients.ts';

/** Azure Backup's own answer to "may this VM be protected by this vault?" (backupPreValidateProtection). */
export type PreValidation =
  | { status: 'Succeeded' }
  | { status: 'Failed'; errorCode: string; errorMessage: string; recommendation: string }
  /** The service answered Invalid, or something the wizard does not know. */
  | { status: 'Invalid'; errorCode: string; errorMessage: string };

/** POST …/locations/{region}/backupPreValidateProtection for one VM (SDK protectionIntentOperations.validate). */
export async function preValidateProtection(
  clients: ArmClients,
  subscriptionId: string,
  location: string,
  vmId: string,
  vaultId: string,
): Promise<PreValidation> {
  const client = await clients.backup(subscriptionId);
  const answer = await client.protectionIntentOperations.validate(location, { resourceType: 'VM', resourceId: vmId, vaultId, properties: '' });
  if (answer.status === 'Succeeded') return { status: 'Succeeded' };
  const errorCode = answer.errorCode ?? 'Unknown';
  const errorMessage = answer.errorMessage ?? 'Azure Backup gave no reason.';
  return answer.status === 'Failed'
    ? { status: 'Failed', errorCode, errorMessage, recommendation: answer.recommendation ?? '' }
    : { status: 'Invalid', errorCode, errorMessage };
}
