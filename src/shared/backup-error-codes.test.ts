import { describe, expect, it } from 'vitest';
import { BACKUP_ERROR_CODES, lookupBackupError } from './backup-error-codes.ts';

describe('Azure Backup error codes', () => {
  it('covers the 18 codes of the reference table, each with a cause, a remedy and a source', () => {
    expect(BACKUP_ERROR_CODES).toHaveLength(18);
    for (const info of BACKUP_ERROR_CODES) {
      expect(info.cause.length).toBeGreaterThan(20);
      expect(info.remedy.length).toBeGreaterThan(20);
      expect(info.source).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    }
  });

  it('has no code or alias twice', () => {
    const names = BACKUP_ERROR_CODES.flatMap((info) => [info.code, ...info.aliases].map((name) => name.toLowerCase()));
    expect(new Set(names).size).toBe(names.length);
  });

  it('finds a code whatever its case', () => {
    expect(lookupBackupError('UserErrorGuestAgentStatusUnavailable')?.remedy).toMatch(/agent status is Ready/);
    expect(lookupBackupError('usererrorguestagentstatusunavailable')?.code).toBe('UserErrorGuestAgentStatusUnavailable');
  });

  it('finds variants by their alias', () => {
    expect(lookupBackupError('VmNotInDesirableState')?.code).toBe('UserErrorVmNotInDesirableState');
    expect(lookupBackupError('BackUpOperationFailedV2')?.code).toBe('BackUpOperationFailed');
    expect(lookupBackupError('ExtensionFailedVssServiceInBadState')?.code).toBe('ExtensionFailedVssWriterInBadState');
  });

  it('finds numeric codes written with or without their name', () => {
    expect(lookupBackupError('380008 AzureVmOffline')?.code).toBe('AzureVmOffline');
    expect(lookupBackupError('380008')?.code).toBe('AzureVmOffline');
    expect(lookupBackupError('400094 BCMV2VMNotFound')?.code).toBe('UserErrorVmNotFoundV2');
    expect(lookupBackupError('320001 ResourceNotFound')?.code).toBe('UserErrorVmNotFoundV2');
    // A bare ResourceNotFound is ARM's generic code, not a deleted VM.
    expect(lookupBackupError('ResourceNotFound')).toBeUndefined();
  });

  it('returns nothing for codes it does not know, or no code', () => {
    expect(lookupBackupError('BMSUserErrorConflictingProtectionOperation')).toBeUndefined();
    expect(lookupBackupError('')).toBeUndefined();
    expect(lookupBackupError(undefined)).toBeUndefined();
  });
});
