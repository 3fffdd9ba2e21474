import { describe, expect, it } from 'vitest';
import { decideResume, isOnArmEndpoint } from './resume.ts';
import type { JournalEntry } from './types.ts';

const ARM = 'https://localhost:8443/arm';
const now = new Date('2026-01-01T12:00:00.000Z');
const base: JournalEntry = {
  id: 'j1',
  at: '2026-01-01T11:59:00.000Z',
  kind: 'protectedItem.put',
  method: 'PUT',
  target: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v/backupFabrics/Azure/protectionContainers/c/protectedItems/i',
  summary: {},
  attempts: 1,
};
const opUrl = `${ARM}/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v/backupFabrics/Azure/protectionContainers/c/protectedItems/i/operationsStatus/op1?api-version=2023-06-01`;

describe('decideResume', () => {
  it('leaves settled writes alone', () => {
    expect(decideResume({ ...base, result: { outcome: 'succeeded', at: now.toISOString() } }, now, { armEndpoint: ARM })).toEqual({ action: 'none' });
  });

  it('polls an accepted write from its saved URL instead of sending it again', () => {
    const entry = { ...base, operationUrl: opUrl, acceptedAt: '2026-01-01T11:59:01.000Z' };
    expect(decideResume(entry, now, { armEndpoint: ARM })).toEqual({ action: 'poll', url: opUrl });
  });

  it('lets an idempotent PUT that crashed between intent and answer be sent again', () => {
    expect(decideResume(base, now, { armEndpoint: ARM }).action).toBe('resend-safe-put');
    expect(decideResume({ ...base, kind: 'storageConfig.patch', method: 'PATCH' }, now, { armEndpoint: ARM }).action).toBe('resend-safe-put');
  });

  it('never repeats a backup trigger whose answer was lost: its outcome is unknown', () => {
    const decision = decideResume({ ...base, kind: 'backup.trigger', method: 'POST' }, now, { armEndpoint: ARM });
    expect(decision).toMatchObject({ action: 'mark-unknown' });
    if (decision.action === 'mark-unknown') expect(decision.reason).toMatch(/backup jobs/);
  });

  it('polls an accepted backup trigger like any other operation', () => {
    expect(decideResume({ ...base, kind: 'backup.trigger', method: 'POST', operationUrl: opUrl }, now, { armEndpoint: ARM }).action).toBe('poll');
  });

  it('refuses to call a saved URL that is not on the ARM endpoint (it would get an ARM token)', () => {
    for (const url of ['https://evil.example/arm/op', 'http://localhost:8443/arm/op', 'https://localhost:8443/other/op', 'not a url']) {
      expect(decideResume({ ...base, operationUrl: url }, now, { armEndpoint: ARM }).action).toBe('mark-unknown');
    }
  });

  it('gives up on an operation too old for Azure to still report', () => {
    const entry = { ...base, operationUrl: opUrl, acceptedAt: '2025-12-30T11:00:00.000Z' };
    expect(decideResume(entry, now, { armEndpoint: ARM }).action).toBe('mark-unknown');
  });
});

describe('isOnArmEndpoint', () => {
  it('accepts URLs under the endpoint path only', () => {
    expect(isOnArmEndpoint(opUrl, ARM)).toBe(true);
    expect(isOnArmEndpoint(`${ARM}/`, `${ARM}/`)).toBe(true);
    expect(isOnArmEndpoint('https://localhost:8443/armory/x', ARM)).toBe(false);
    expect(isOnArmEndpoint('https://management.azure.com/subscriptions/s/x', 'https://management.azure.com')).toBe(true);
    expect(isOnArmEndpoint('https://management.azure.com.evil.example/x', 'https://management.azure.com')).toBe(false);
  });
});
