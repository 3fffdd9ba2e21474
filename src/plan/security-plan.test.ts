import { describe, expect, it } from 'vitest';
import { AZURE_DEFAULT_SECURITY, type VaultSecurity } from '../shared/vault-security.ts';
import { buildPlan } from './build-plan.ts';
import type { PlanChoices, PlanItem, PlanObserved } from './plan-types.ts';

const SUB = 's1';
const VAULT_ID = `/subscriptions/${SUB}/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-prod-weu`;
const WEB = { id: `/subscriptions/${SUB}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/web-01`, name: 'web-01', resourceGroup: 'rg-web' };
const BIG = { ...WEB, id: WEB.id.replace('web-01', 'bigdata-01'), name: 'bigdata-01' };
const d = AZURE_DEFAULT_SECURITY;

const choices = (security: NonNullable<PlanChoices['security']> | null, vms = [WEB]): PlanChoices => ({
  subscriptionId: SUB,
  vault: { name: 'rsv-prod-weu', resourceGroup: 'rg-backup', location: 'westeurope' },
  replication: null,
  policy: { name: 'DefaultPolicy', policyType: 'V1' },
  nsgRules: [],
  proxy: null,
  vms,
  security,
});
const observed = (security: VaultSecurity, change: Partial<PlanObserved> = {}): PlanObserved => ({
  resourceGroupExists: true,
  vault: { id: VAULT_ID, location: 'westeurope' },
  storageConfig: { storageType: 'GeoRedundant', crossRegionRestore: false, locked: false },
  policy: { id: `${VAULT_ID}/backupPolicies/DefaultPolicy`, name: 'DefaultPolicy', policyType: 'V1' },
  nsgRules: {},
  protection: {},
  security,
  ...change,
});
const rows = (items: PlanItem[]) => items.filter((i) => i.kind === 'security');
const row = (items: PlanItem[], field: string) => items.find((i) => i.key === `security:${field}`);

describe('plan: vault security rows', () => {
  it('has none when the user left the settings as Azure has them', () => {
    expect(rows(buildPlan(choices(null), observed(d)).items)).toEqual([]);
  });

  it('shows each setting saved and read back as "no change", with the one-way doors it passed', () => {
    const settings: VaultSecurity = { ...d, softDeleteState: 'AlwaysON', softDeleteRetentionDays: 30, immutability: 'Locked' };
    const plan = buildPlan(choices({ settings, saved: true }), observed(settings));
    expect(rows(plan.items).map((i) => [i.title, i.action])).toEqual([
      ['Soft delete', 'noChange'],
      ['Immutability', 'noChange'],
      ['Cross-subscription restore', 'noChange'],
      ['Public network access', 'noChange'],
      ['Alerts for failed backup jobs', 'noChange'],
    ]);
    expect(row(plan.items, 'softDeleteState')?.detail).toBe('Always on (irreversible), 30 days: already set.');
    expect(row(plan.items, 'immutability')?.oneWayDoors[0]).toMatch(/^Locked immutability can never be unlocked/);
    expect(plan.conflictCount).toBe(0);
    expect(plan.writeCount).toBe(1);
  });

  it('blocks Enable on a setting not saved yet, naming where to save it', () => {
    const plan = buildPlan(choices({ settings: { ...d, immutability: 'Unlocked' }, saved: false }), observed(d));
    const immutability = row(plan.items, 'immutability');
    expect(immutability?.action).toBe('conflict');
    expect(immutability?.detail).toMatch(/^Not saved yet: Off now, On, can still be turned off \(Unlocked\) chosen\. Save the security settings on the Replication step/);
    expect(row(plan.items, 'softDeleteState')?.action).toBe('noChange');
  });

  it('says when Azure now holds something else than what was saved, and what Azure refuses', () => {
    const drift = buildPlan(choices({ settings: { ...d, publicNetworkAccess: 'Disabled' }, saved: true }), observed(d));
    expect(row(drift.items, 'publicNetworkAccess')?.detail).toMatch(/^Azure now reports Allowed, not the Private endpoints only saved earlier\./);
    const refused = buildPlan(choices({ settings: { ...d, immutability: 'Unlocked' }, saved: false }), observed({ ...d, immutability: 'Locked' }));
    expect(row(refused.items, 'immutability')?.detail).toMatch(/can’t be set: The immutable vault property for this vault is locked/);
  });
});

describe('plan: Azure Backup pre-checks', () => {
  it('turns a service "no" into a conflict with its code, message and recommendation; a "yes" stays a create', () => {
    const plan = buildPlan(choices(null, [WEB, BIG]), observed(d, {
      serviceChecks: {
        [WEB.id.toLowerCase()]: { verdict: 'passed' },
        [BIG.id.toLowerCase()]: { verdict: 'blocked', code: 'UserErrorNumberOfDisksNotSupported', message: 'It has 40 data disks', recommendation: 'Detach disks.' },
      },
    }));
    const web = plan.items.find((i) => i.key === `protect:${WEB.id.toLowerCase()}`);
    const big = plan.items.find((i) => i.key === `protect:${BIG.id.toLowerCase()}`);
    expect(web).toMatchObject({ action: 'create', serviceCheck: { verdict: 'passed' } });
    expect(big).toMatchObject({ action: 'conflict', write: null, permissions: [], serviceCheck: { verdict: 'blocked' } });
    expect(big?.detail).toBe('Azure Backup’s own pre-check refuses it: It has 40 data disks (UserErrorNumberOfDisksNotSupported). Detach disks. Leave it out, or fix it and check again.');
    expect(plan.conflictCount).toBe(1);
  });

  it('does not block on a check that could not be asked', () => {
    const plan = buildPlan(choices(null), observed(d, { serviceChecks: { [WEB.id.toLowerCase()]: { verdict: 'unchecked', reason: 'AuthorizationFailed (no)' } } }));
    expect(plan.items.find((i) => i.kind === 'protect')).toMatchObject({ action: 'create', serviceCheck: { verdict: 'unchecked' } });
  });
});
