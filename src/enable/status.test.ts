import { describe, expect, it } from 'vitest';
import { protectedItemIdFor } from '../azure/protection-names.ts';
import type { JournalEntry } from '../journal/types.ts';
import { initialEnable, type EnableState } from '../store/enable-slice.ts';
import { enableTargets, isEnableComplete, selectProtectedVms, summarizeEnable, vmEnableRows } from './status.ts';

const sub = '8c6b1f3e-2a4d-4f5b-9e7c-0a1b2c3d4e5f';
const vaultId = `/subscriptions/${sub}/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv`;
const policyId = `${vaultId}/backupPolicies/DefaultPolicy`;
const vmId = (name: string) => `/subscriptions/${sub}/resourceGroups/rg-apps/providers/Microsoft.Compute/virtualMachines/${name}`;
const vaultRef = { subscriptionId: sub, resourceGroup: 'rg-backup', vaultName: 'rsv' };
const itemOf = (name: string) => protectedItemIdFor(vaultRef, { id: vmId(name), name, resourceGroup: 'rg-apps' });

function state(entries: JournalEntry[], enable: EnableState = initialEnable, selected = ['a', 'b']) {
  return {
    vault: { chosen: { id: vaultId, name: 'rsv', resourceGroup: 'rg-backup', location: 'westeurope' }, draft: {} as never, updatedAt: null },
    policy: { chosen: { id: policyId, name: 'DefaultPolicy' }, draft: null, updatedAt: null },
    vms: {
      selectedIds: selected.map(vmId),
      discoveredAt: null,
      summaries: Object.fromEntries(selected.map((name) => [vmId(name), { name, resourceGroup: 'rg-apps', verdict: name === 'blocked' ? 'blocked' : 'ready' }])),
      updatedAt: null,
    },
    journal: { entries },
    enable,
  } as Parameters<typeof vmEnableRows>[0];
}

const entry = (name: string, change: Partial<JournalEntry>): JournalEntry => ({
  id: `e-${name}-${change.at ?? ''}`,
  at: '2026-01-01T10:00:00.000Z',
  kind: 'protectedItem.put',
  method: 'PUT',
  target: itemOf(name),
  summary: { vmId: vmId(name), policyId },
  attempts: 1,
  ...change,
});
const ok = (jobId: string) => ({ outcome: 'succeeded' as const, at: '2026-01-01T10:01:00.000Z', jobId });

describe('enable status', () => {
  it('works on the chosen vault and policy and the selected VMs the VM step did not block', () => {
    const targets = enableTargets(state([], initialEnable, ['a', 'blocked', 'b']));
    expect(targets?.vault).toEqual(vaultRef);
    expect(targets?.vms.map((vm) => vm.name)).toEqual(['a', 'b']);
  });

  it('derives each VM’s state from its newest write with this policy', () => {
    const rows = vmEnableRows(
      state([
        entry('a', { result: { outcome: 'failed', at: '2026-01-01T10:00:30.000Z', code: 'X' } }),
        entry('a', { at: '2026-01-01T10:02:00.000Z', result: ok('job-a') }),
        entry('b', { operationUrl: 'https://arm/op' }),
      ]),
    );
    expect(rows.map((row) => row.status.state)).toEqual(['protected', 'inFlight']);
  });

  it('ignores writes made with another policy', () => {
    const rows = vmEnableRows(state([entry('a', { summary: { vmId: vmId('a'), policyId: `${vaultId}/backupPolicies/Other` }, result: ok('j') })]));
    expect(rows[0]?.status.state).toBe('notStarted');
  });

  it('is complete when every VM is protected, including those found already protected', () => {
    const enable: EnableState = { ...initialEnable, unchanged: [{ vmId: vmId('b'), vaultId, policyId, checkedAt: '2026-01-01T10:03:00.000Z' }] };
    const s = state([entry('a', { result: ok('job-a') })], enable);
    expect(isEnableComplete(s)).toBe(true);
    expect(selectProtectedVms(s)).toEqual([
      expect.objectContaining({ vmName: 'a', jobId: 'job-a', unchanged: false }),
      expect.objectContaining({ vmName: 'b', jobId: null, unchanged: true }),
    ]);
    expect(summarizeEnable(s)).toBe('2 of 2 VMs protected');
  });

  it('is not complete with a failure, until the user accepts exactly those failures', () => {
    const failed = entry('b', { result: { outcome: 'failed', at: '2026-01-01T10:01:00.000Z', code: 'UserErrorVmProvisioningStateFailed' } });
    const entries = [entry('a', { result: ok('job-a') }), failed];
    expect(isEnableComplete(state(entries))).toBe(false);
    const accepted = (vmIds: string[]): EnableState => ({ ...initialEnable, acceptedFailures: { vaultId, policyId, vmIds, acceptedAt: '2026-01-01T10:05:00.000Z' } });
    expect(isEnableComplete(state(entries, accepted([vmId('b')])))).toBe(true);
    expect(isEnableComplete(state(entries, accepted([])))).toBe(false);
    expect(summarizeEnable(state(entries))).toBe('1 of 2 VMs protected, 1 failed');
  });

  it('is not complete while a write is in flight', () => {
    expect(isEnableComplete(state([entry('a', { result: ok('j') }), entry('b', { operationUrl: 'https://arm/op' })]))).toBe(false);
  });
});
