// The Azure Backup error codes people hit when enabling or running VM backup, with the cause and the fix in
// one line each (arm-api.md §3, paraphrasing the Azure Backup troubleshooting articles). The wizard shows
// the remedy next to the service's own code, message and request id. Pure data and a lookup.

export type BackupErrorInfo = {
  /** The code as the service spells it. */
  code: string;
  /** Other spellings of the same failure (numeric prefixes, V2 variants). */
  aliases: readonly string[];
  cause: string;
  remedy: string;
  /** The Microsoft Learn article that explains it. */
  source: string;
};

const SNAPSHOT_DOC = 'https://learn.microsoft.com/azure/backup/backup-azure-troubleshoot-vm-backup-fails-snapshot-timeout';
const VM_DOC = 'https://learn.microsoft.com/azure/backup/backup-azure-vms-troubleshoot';
const PREPARE_DOC = 'https://learn.microsoft.com/azure/backup/backup-azure-arm-vms-prepare';

export const BACKUP_ERROR_CODES: readonly BackupErrorInfo[] = [
  {
    code: 'UserErrorGuestAgentStatusUnavailable',
    aliases: [],
    cause: 'The VM agent is stopped, outdated, in an inconsistent state or not installed, so Azure Backup cannot reach it.',
    remedy:
      'Make sure the VM is running and its agent status is Ready; restart or reinstall the VM agent, and make sure every extension shows provisioning succeeded. Then retry.',
    source: SNAPSHOT_DOC,
  },
  {
    code: 'GuestAgentSnapshotTaskStatusError',
    aliases: [],
    cause: 'Azure Backup cannot get the snapshot status from the VM agent (agent unresponsive or old, waagent.conf options unset, or AppLocker blocking IaaSBcdrExtension.exe).',
    remedy:
      'Restart or update the VM agent; on Linux set Extensions.Enable=y and Provisioning.Agent=auto in waagent.conf; allow the backup extension in application-control tools.',
    source: SNAPSHOT_DOC,
  },
  {
    code: 'UserErrorVmProvisioningStateFailed',
    aliases: [],
    cause: 'An extension failure left the VM in a Failed provisioning state (or it is still Updating).',
    remedy: 'Fix the failed extensions until every one shows provisioning succeeded, then retry.',
    source: SNAPSHOT_DOC,
  },
  {
    code: 'ExtensionSnapshotFailedNoNetwork',
    aliases: [],
    cause: 'The snapshot extension has no outbound network path from the VM.',
    remedy:
      'Allow outbound traffic to Azure Storage (the Storage or Storage.<region> service tag, or through a proxy or firewall), and do not block 168.63.129.16.',
    source: SNAPSHOT_DOC,
  },
  {
    code: 'ExtensionOperationFailedForManagedDisks',
    aliases: [],
    cause: 'The VMSnapshot extension operation failed: the snapshot status was unavailable, or the agent is unresponsive or outdated.',
    remedy: 'Apply the VM agent fixes, check that DHCP is enabled in the guest, and uninstall the VMSnapshot extension so it is reloaded.',
    source: SNAPSHOT_DOC,
  },
  {
    code: 'BackUpOperationFailed',
    aliases: ['BackUpOperationFailedV2'],
    cause: 'An internal failure behind agent, snapshot or resource-group-lock problems, or a corrupt iaasvmprovider.dll or VC++ runtime.',
    remedy:
      'Retry; fix the VM agent; remove locks on the AzureBackupRG_* resource group; reinstall VC++ 2013 x64 from the extension folder.',
    source: SNAPSHOT_DOC,
  },
  {
    code: 'UserErrorRpCollectionLimitReached',
    aliases: [],
    cause: 'The restore-point collection reached its limit of 18 restore points, often because a lock blocks cleanup or many backups ran in one day.',
    remedy: 'Remove the lock on the AzureBackupRG_<geo>_<n> resource group, then trigger a backup or delete the restore-point collection.',
    source: SNAPSHOT_DOC,
  },
  {
    code: 'UserErrorKeyvaultPermissionsNotConfigured',
    aliases: [],
    cause: 'Azure Backup lacks the Key Vault permissions needed to back up an encrypted VM.',
    remedy: 'Grant the vault access to the Key Vault (portal, PowerShell or CLI), then retry.',
    source: VM_DOC,
  },
  {
    code: 'UserErrorVmNotInDesirableState',
    aliases: ['VmNotInDesirableState'],
    cause: 'The VM is Failed or between Running and Shut down (or SELinux blocks /var/lib/waagent).',
    remedy: 'Wait until the VM is stably Running, Stopped or Deallocated; exclude /var/lib/waagent from SELinux enforcement; install the VM agent.',
    source: VM_DOC,
  },
  {
    code: 'UserErrorUnsupportedDiskSize',
    aliases: [],
    cause: 'A disk is larger than 32 TB, or an encrypted disk is larger than 4 TB.',
    remedy: 'Split the data onto disks within the supported size.',
    source: VM_DOC,
  },
  {
    code: 'UserErrorBackupOperationInProgress',
    aliases: [],
    cause: 'Another backup job for this VM is still running (possibly in a vault it was protected by before).',
    remedy: 'Wait for the running job to finish, or cancel it, then retry.',
    source: VM_DOC,
  },
  {
    code: 'UserErrorRequestDisallowedByPolicy',
    aliases: [],
    cause: 'An Azure Policy (for example a tag rule with Deny) blocks creating the resource group for the backup’s restore points.',
    remedy: 'Change the policy effect to Modify, or create the restore-point resource group yourself following Azure Backup’s naming.',
    source: VM_DOC,
  },
  {
    code: 'AzureVmOffline',
    aliases: ['380008'],
    cause: 'The Recovery Services extension could not be installed because the VM agent is not running.',
    remedy: 'Install the VM agent or check that it runs, then retry the registration.',
    source: VM_DOC,
  },
  {
    code: 'UserErrorVmNotFoundV2',
    // Not the bare 'ResourceNotFound': ARM uses it for any missing resource; '320001 ResourceNotFound' still matches.
    aliases: ['320001', 'BCMV2VMNotFound', '400094'],
    cause: 'The protected VM was deleted or moved without stopping its protection.',
    remedy: 'Recreate the VM with the same name in the same resource group, or stop its protection (keeping or deleting the backup data).',
    source: VM_DOC,
  },
  {
    code: 'ExtensionFailedVssWriterInBadState',
    aliases: ['ExtensionFailedVssServiceInBadState'],
    cause: 'VSS writers or the VSS service are unhealthy in the Windows guest.',
    remedy:
      'Restart the services of the failing writers, or VSS itself (see vssadmin list writers); set SnapshotWithoutThreads; spread out heavy disk load.',
    source: VM_DOC,
  },
  {
    code: 'ExtensionStuckInDeletionState',
    aliases: [],
    cause: 'The backup extension is stuck in an inconsistent (deleting) state.',
    remedy: 'Uninstall the VMSnapshot or VMSnapshotLinux extension; the next backup installs it again.',
    source: VM_DOC,
  },
  {
    code: 'UserErrorBcmDatasourceNotPresent',
    aliases: [],
    cause: 'The VM is not actively protected (for example, its protection is paused).',
    remedy: 'Make sure protection is active, then retry.',
    source: VM_DOC,
  },
  {
    code: 'VirtualMachineAlreadyProtected',
    aliases: ['UserErrorVmAlreadyProtected'],
    cause: 'The VM is already protected, by this or another Recovery Services vault.',
    remedy: 'Don’t enable it again: manage its existing backup, or stop protection in the other vault first if it must move to this one.',
    source: PREPARE_DOC,
  },
];

/** Numeric codes arrive with or without their name ("380008 AzureVmOffline"); compare the parts case-insensitively. */
function parts(code: string): string[] {
  return code
    .trim()
    .split(/[\s:/,]+/)
    .filter(Boolean)
    .map((part) => part.toLowerCase());
}

const byCode = new Map<string, BackupErrorInfo>();
for (const info of BACKUP_ERROR_CODES) {
  for (const name of [info.code, ...info.aliases]) byCode.set(name.toLowerCase(), info);
}

/** The known cause and remedy of an Azure Backup error code, or undefined for a code not in the table. */
export function lookupBackupError(code: string | undefined | null): BackupErrorInfo | undefined {
  if (!code) return undefined;
  const whole = byCode.get(code.trim().toLowerCase());
  if (whole) return whole;
  for (const part of parts(code)) {
    const found = byCode.get(part);
    if (found) return found;
  }
  return undefined;
}
