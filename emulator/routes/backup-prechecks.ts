// The subscription- and region-scoped backup pre-checks (all POST, single 200; arm-api.md §1f):
// backupStatus (is this VM protected, and where), backupPreValidateProtection and backupValidateFeatures
// (their answers are decided in prevalidation-rules.ts).
import { API_VERSIONS } from '../arm/api-versions.ts';
import { armErrors } from '../arm/errors.ts';
import type { ArmContext, ArmRoute } from '../arm/types.ts';
import type { ArmResource } from '../state/store.ts';
import { containerNameFor, protectedItemNameFor } from '../state/wire-backup.ts';
import { parseVmId, protectionOf, type VmRef, vaultIdOfBackupResource } from './backup-items.ts';
import { configuringJobFor, jobSubject } from './backup-jobs.ts';
import { featureSupport, preValidateProtection } from './prevalidation-rules.ts';

const versions = API_VERSIONS.backup;
const LOCATION = '/subscriptions/{subscriptionId}/providers/Microsoft.RecoveryServices/locations/{azureRegion}';
const lower = (s: unknown): string => String(s ?? '').toLowerCase();

function body(ctx: ArmContext): Record<string, unknown> {
  const b = ctx.body;
  if (!b || typeof b !== 'object' || Array.isArray(b)) throw armErrors.backupInvalidInput('The request body must be a JSON object.');
  return b as Record<string, unknown>;
}

function vmFromBody(b: Record<string, unknown>): { id: string; ref: VmRef } {
  if (b['resourceType'] !== undefined && lower(b['resourceType']) !== 'vm') {
    throw armErrors.backupInvalidInput(`resourceType '${String(b['resourceType'])}' is not supported here; use 'VM'.`);
  }
  const ref = parseVmId(b['resourceId']);
  if (!ref) throw armErrors.backupInvalidInput('resourceId must be the ARM id of a virtual machine.');
  return { id: String(b['resourceId']), ref };
}

function backupStatus(ctx: ArmContext) {
  const { id, ref } = vmFromBody(body(ctx));
  const names = {
    fabricName: 'Azure',
    containerName: containerNameFor(ref.resourceGroup, ref.name),
    protectedItemName: protectedItemNameFor(ref.resourceGroup, ref.name),
  };
  const item = protectionOf(ctx.store, id);
  if (item) {
    return {
      status: 200,
      body: {
        protectionStatus: 'Protected',
        vaultId: vaultIdOfBackupResource(item.id),
        ...names,
        policyName: item.properties?.['policyName'] ?? '',
        errorCode: 'Success',
        registrationStatus: 'Registered',
      },
    };
  }
  const configuring = configuringJobFor(ctx.store, ref.subscriptionId, id);
  if (configuring) {
    return {
      status: 200,
      body: { protectionStatus: 'Protecting', vaultId: configuring.id.replace(/\/backupJobs\/[^/]+$/i, ''), ...names, policyName: jobSubject(configuring)?.policyName ?? '' },
    };
  }
  // [unconfirmed] Azure's exact body for an unprotected VM is not documented; only the status is certain.
  return { status: 200, body: { protectionStatus: 'NotProtected' } };
}

function preValidate(ctx: ArmContext) {
  const b = body(ctx);
  const { id, ref } = vmFromBody(b);
  const names = { containerName: containerNameFor(ref.resourceGroup, ref.name), protectedItemName: protectedItemNameFor(ref.resourceGroup, ref.name) };
  const vault: ArmResource | undefined = typeof b['vaultId'] === 'string' ? ctx.store.get(b['vaultId']) : undefined;
  return { status: 200, body: { ...preValidateProtection(ctx.store, id, vault), ...names } };
}

function validateFeatures(ctx: ArmContext) {
  const b = body(ctx);
  const featureType = b['featureType'];
  if (featureType !== 'AzureVMResourceBackup' && featureType !== 'AzureBackupGoals') {
    throw armErrors.backupInvalidInput(`featureType must be 'AzureVMResourceBackup' or 'AzureBackupGoals' (got ${JSON.stringify(featureType)}).`);
  }
  // [unconfirmed] what DefaultOFF/DefaultON would mean; the emulator answers Supported or NotSupported only.
  return { status: 200, body: { supportStatus: featureType === 'AzureVMResourceBackup' ? featureSupport(b['vmSize']) : 'Supported' } };
}

export const backupPrecheckRoutes: ArmRoute[] = [
  { method: 'POST', path: `${LOCATION}/backupStatus`, apiVersions: versions, action: 'Microsoft.RecoveryServices/locations/backupStatus/action', handler: backupStatus },
  {
    method: 'POST',
    path: `${LOCATION}/backupPreValidateProtection`,
    apiVersions: versions,
    action: 'Microsoft.RecoveryServices/locations/backupPreValidateProtection/action',
    handler: preValidate,
  },
  {
    method: 'POST',
    path: `${LOCATION}/backupValidateFeatures`,
    apiVersions: versions,
    action: 'Microsoft.RecoveryServices/locations/backupValidateFeatures/action',
    handler: validateFeatures,
  },
];
