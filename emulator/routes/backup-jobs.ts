// Backup jobs: every configure, backup and delete leaves one in the vault (JobResource, ListJobs.json).
// A stored job keeps, next to its wire properties, which VM and item it is about (`subject`), which
// the service knows but the wire format does not show; jobView() drops it.
import { randomUUID } from 'node:crypto';
import { API_VERSIONS } from '../arm/api-versions.ts';
import { armErrors } from '../arm/errors.ts';
import { page } from '../arm/paging.ts';
import type { ArmContext, ArmRoute } from '../arm/types.ts';
import type { ArmResource, Store } from '../state/store.ts';
import { parseBackupFilter, wantsAzureVms } from './backup-items.ts';
import { requireVault, VAULT_PREFIX } from './vault-common.ts';
import { isoDuration } from '../state/wire-util.ts';

export const JOB_TYPE = 'Microsoft.RecoveryServices/vaults/backupJobs';

export type JobOperation = 'ConfigureBackup' | 'Backup' | 'DeleteBackupData';

export interface JobSubject {
  sourceResourceId: string;
  itemId: string;
  policyName?: string;
}

export interface JobError {
  code: string;
  message: string;
  recommendation: string;
}

interface StoredJob extends ArmResource {
  subject: JobSubject;
}

const lower = (s: unknown): string => String(s ?? '').toLowerCase();

/** Records a job InProgress and returns its id. */
export function startJob(store: Store, vaultId: string, operation: JobOperation, vmName: string, subject: JobSubject): string {
  const jobId = randomUUID();
  const job: StoredJob = {
    id: `${vaultId}/backupJobs/${jobId}`,
    name: jobId,
    type: JOB_TYPE,
    properties: {
      jobType: 'AzureIaaSVMJob',
      virtualMachineVersion: 'Compute',
      entityFriendlyName: vmName,
      backupManagementType: 'AzureIaasVM',
      operation,
      status: 'InProgress',
      startTime: new Date().toISOString(),
      activityId: randomUUID(),
    },
    subject,
  };
  store.put(job);
  return jobId;
}

export function finishJob(store: Store, vaultId: string, jobId: string, error?: JobError): void {
  const job = store.get(`${vaultId}/backupJobs/${jobId}`);
  if (!job) return;
  const properties: Record<string, unknown> = { ...job.properties, status: error ? 'Failed' : 'Completed', endTime: new Date().toISOString() };
  // The error's string code goes in errorTitle: the wire model's errorCode is a number whose values
  // for these errors are not published [unconfirmed].
  if (error) properties['errorDetails'] = [{ errorString: error.message, errorTitle: error.code, recommendations: [error.recommendation] }];
  store.put({ ...job, properties });
}

/** A job of the operation still running for the item (or VM) in the vault, if any. */
export function runningJob(store: Store, vaultId: string, operation: JobOperation, match: { itemId?: string; sourceResourceId?: string }): ArmResource | undefined {
  return store.list({ type: JOB_TYPE, scope: vaultId }).find((job) => {
    const subject = (job as Partial<StoredJob>).subject;
    if (job.properties?.['operation'] !== operation || job.properties['status'] !== 'InProgress' || !subject) return false;
    if (match.itemId !== undefined && lower(subject.itemId) === lower(match.itemId)) return true;
    return match.sourceResourceId !== undefined && lower(subject.sourceResourceId) === lower(match.sourceResourceId);
  });
}

/** Running ConfigureBackup jobs for a VM in any vault of its subscription. */
export function configuringJobFor(store: Store, subscriptionId: string, vmId: string): ArmResource | undefined {
  return store
    .list({ type: JOB_TYPE, scope: `/subscriptions/${subscriptionId}` })
    .find((job) => job.properties?.['operation'] === 'ConfigureBackup' && job.properties['status'] === 'InProgress'
      && lower((job as Partial<StoredJob>).subject?.sourceResourceId) === lower(vmId));
}

export function jobSubject(job: ArmResource): JobSubject | undefined {
  return (job as Partial<StoredJob>).subject;
}

function jobView(job: ArmResource, detailed: boolean): ArmResource {
  const p = job.properties ?? {};
  const start = Date.parse(String(p['startTime']));
  const end = typeof p['endTime'] === 'string' ? Date.parse(p['endTime']) : Date.now();
  const properties: Record<string, unknown> = { ...p, duration: isoDuration(end - start) };
  if (detailed) {
    const subject = jobSubject(job);
    const errors = p['errorDetails'] as { errorString?: string }[] | undefined;
    properties['extendedInfo'] = {
      tasksList: [],
      propertyBag: {
        'VM Name': p['entityFriendlyName'],
        ...(subject?.policyName ? { 'Policy Name': subject.policyName } : {}),
      },
      ...(errors?.[0]?.errorString ? { dynamicErrorMessage: errors[0].errorString } : {}),
    };
  }
  return { id: job.id, name: job.name, type: job.type, properties };
}

/** Job times in filters come as 'yyyy-mm-dd hh:mm:ss AM' (ListJobsWithAllSupportedFilters.json) or ISO-8601, in UTC. */
function filterTime(value: string, name: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(AM|PM)?\s*Z?$/i.exec(value.trim());
  if (!m) throw armErrors.backupInvalidInput(`${name} '${value}' is not a time like '2016-01-01 00:00:00 AM'.`);
  let hour = Number(m[4]);
  const half = m[7]?.toUpperCase();
  if (half === 'AM' && hour === 12) hour = 0;
  if (half === 'PM' && hour < 12) hour += 12;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), hour, Number(m[5]), Number(m[6] ?? 0));
}

function listJobs(ctx: ArmContext) {
  const vault = requireVault(ctx);
  const filter = parseBackupFilter(ctx.query.get('$filter'));
  const from = filter.has('starttime') ? filterTime(filter.get('starttime') ?? '', 'startTime') : undefined;
  const to = filter.has('endtime') ? filterTime(filter.get('endtime') ?? '', 'endTime') : undefined;
  const jobs = wantsAzureVms(filter)
    ? ctx.store.list({ type: JOB_TYPE, scope: vault.id }).filter((job) => {
        const p = job.properties ?? {};
        const started = Date.parse(String(p['startTime']));
        if (filter.has('operation') && lower(p['operation']) !== lower(filter.get('operation'))) return false;
        if (filter.has('status') && lower(p['status']) !== lower(filter.get('status'))) return false;
        if (from !== undefined && started < from) return false;
        return to === undefined || started <= to;
      })
    : [];
  // Newest first, as the portal and the service list them.
  const ordered = [...jobs].reverse().map((job) => jobView(job, false));
  return { status: 200, body: page(ctx, ordered) };
}

export const backupJobRoutes: ArmRoute[] = [
  {
    method: 'GET',
    path: `${VAULT_PREFIX}/{vaultName}/backupJobs`,
    apiVersions: API_VERSIONS.backup,
    action: 'Microsoft.RecoveryServices/Vaults/backupJobs/read',
    handler: listJobs,
  },
  {
    method: 'GET',
    path: `${VAULT_PREFIX}/{vaultName}/backupJobs/{jobName}`,
    apiVersions: API_VERSIONS.backup,
    action: 'Microsoft.RecoveryServices/Vaults/backupJobs/read',
    handler: (ctx) => {
      const vault = requireVault(ctx);
      const jobName = ctx.params['jobName'] ?? '';
      const job = ctx.store.get(`${vault.id}/backupJobs/${jobName}`);
      if (!job) throw armErrors.backupJobNotFound(jobName);
      return { status: 200, body: jobView(job, true) };
    },
  },
];
