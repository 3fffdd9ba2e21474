import { RecoveryServicesBackupClient } from '@azure/arm-recoveryservicesbackup';
import { describe, expect, it } from 'vitest';
import { BACKUP_API_VERSION } from './api-versions.ts';

describe('BACKUP_API_VERSION', () => {
  it("is the backup client's own api-version, which the Trusted Launch rule depends on", () => {
    const client = new RecoveryServicesBackupClient({ getToken: () => Promise.resolve(null) }, 'sub');
    expect(client.apiVersion).toBe(BACKUP_API_VERSION);
  });
});
