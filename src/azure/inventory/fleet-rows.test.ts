import { describe, expect, it } from 'vitest';
import { generateFixture } from '../../../emulator/state/generate-fixture.ts';
import { createMemoryStore, parseFixture } from '../../../emulator/state/store.ts';
import { evaluateOutbound443, type OutboundInput } from '../../readiness/index.ts';
import { buildVmRows } from '../vm-facts.ts';
import { inventoryFrom, PROD_VAULT } from '../vm-facts.fixture.ts';
import { buildFleetRows, withAgent, withEffectiveNetwork, withVault, type FleetRow } from './fleet-rows.ts';
import { contosoStore, fleetInventoryFrom, instanceViewFrom, PRODUCTION } from './fleet.fixture.ts';
import { createPairEvaluator } from './network-verdicts.ts';
import { agentEligible } from './eligible.ts';

const store = contosoStore();
const inventory = fleetInventoryFrom(store);
const rows = buildFleetRows(inventory);
const row = (name: string, from: readonly FleetRow[] = rows): FleetRow => {
  const found = from.find((r) => r.facts.name === name);
  if (!found) throw new Error(`no row for ${name}`);
  return found;
};

describe('fleet rows from the inventory', () => {
  it('has one row per VM of the scope, usable before any agent is read', () => {
    expect(rows).toHaveLength(44);
    const web = row('web-01');
    expect(web.facts).toMatchObject({ location: 'westeurope', size: 'Standard_D2s_v5', osType: 'Windows', powerState: 'running', agent: { status: 'unknown', provisionVMAgent: true } });
    expect(web.agent).toEqual({ source: 'notRead' });
    expect(web.network).toMatchObject({ source: 'rules', nicName: 'web-01-nic', nsgNames: ['nsg-snet-web'], report: { overall: { status: 'open' } } });
    expect(web.protection).toBeNull();
    // No agent finding while the agent is unread: the verdict is what the inventory can tell.
    expect(web.readiness.findings.map((f) => f.ruleId)).not.toContain('agent-status-unknown');
    expect(web.readiness.verdict).toBe('ready');
  });

  it('carries today’s facts from the VM list: disks, security type, and the size from the region’s size list', () => {
    expect(row('tl-01').facts.securityType).toBe('TrustedLaunch');
    expect(row('web-01').facts).not.toHaveProperty('securityType');
    expect(row('pv2-data-01').facts.disks.map((d) => d.sku)).toEqual(['Premium_LRS', 'PremiumV2_LRS']);
    expect(row('wa-m-01').facts.disks.filter((d) => d.writeAccelerator).map((d) => d.lun)).toEqual([0, 1]);
    expect(row('bigdisk-01').facts.disks[1]).toMatchObject({ lun: 0, sizeGB: 70000 });
    expect(row('tiny-01').facts.sizeSpec).toEqual({ cores: 1, memoryMB: 512 });
    // Every VM's size, whatever its region, not only the vault's region.
    expect(row('dev-uks-01').facts.sizeSpec).toEqual({ cores: 2, memoryMB: 4096 });
    const verdicts = Object.fromEntries(['tl-01', 'pv2-data-01', 'wa-m-01', 'tiny-01', 'bigdisk-01', 'cvm-01'].map((name) => [name, row(name).readiness.verdict]));
    expect(verdicts).toEqual({ 'tl-01': 'ready', 'pv2-data-01': 'ready', 'wa-m-01': 'attention', 'tiny-01': 'attention', 'bigdisk-01': 'blocked', 'cvm-01': 'blocked' });
    const rules = (name: string) => row(name).readiness.findings.map((f) => `${f.ruleId}/${f.severity}`);
    expect(rules('tl-01')).toContain('enhanced-policy/info');
    expect(rules('pv2-data-01')).toContain('enhanced-policy/info');
    expect(rules('wa-m-01')).toContain('network-write-accelerator/attention');
    expect(rules('tiny-01')).toContain('vm-size/attention');
    expect(rules('bigdisk-01')).toContain('disk-size/blocker');
    expect(rules('cvm-01')).toContain('confidential-vm/blocker');
    // The vocabulary is blocker, attention and info only.
    expect(new Set(rows.flatMap((r) => r.readiness.findings.map((f) => f.severity)))).toEqual(new Set(['blocker', 'attention', 'info']));
  });

  it('says which vault protects a VM, with which policy', () => {
    const p = row('protected-01');
    expect(p.protection).toMatchObject({ vaultName: 'rsv-legacy-weu', policyName: 'legacy-nightly', protectionState: 'Protected' });
    expect(p.readiness.findings.find((f) => f.ruleId === 'protected-elsewhere')?.severity).toBe('blocker');
    // Against the vault that protects it, that is only a note.
    const legacy = { ...PROD_VAULT, id: p.protection?.vaultId ?? '', name: 'rsv-legacy-weu' };
    expect(withVault(p, legacy).readiness.findings.find((f) => f.ruleId === 'protected-elsewhere')?.severity).toBe('info');
  });

  it('needs no read for a stopped VM: its power state says why the agent is unknown', () => {
    expect(row('stopped-01').agent.source).toBe('notRunning');
    expect(row('stopped-01').facts.agent).toEqual({ status: 'unknown', unknownReason: 'vmNotRunning', provisionVMAgent: true });
    expect(agentEligible(rows, ['westeurope'])).not.toContain(row('stopped-01').facts.id);
    expect(agentEligible(rows, ['westeurope'])).toContain(row('web-01').facts.id);
    expect(agentEligible(rows, ['westeurope']).every((id) => row(id.split('/').at(-1) ?? '').facts.location === 'westeurope')).toBe(true);
  });

  it('with the agents read, agrees with the single-vault table on every VM of that vault’s region', () => {
    const old = buildVmRows(inventoryFrom(store)).filter((r) => r.inVaultScope);
    const filled = rows
      .filter((r) => r.facts.subscriptionId === PRODUCTION && r.facts.location === 'westeurope')
      .map((r) => withVault(r, PROD_VAULT))
      .map((r) => (r.agent.source === 'notRead' ? withAgent(r, { vmId: r.facts.id, outcome: 'read', view: instanceViewFrom(store, r.facts.id), readAt: 't' }) : r));
    expect(filled).toHaveLength(old.length);
    for (const before of old) {
      const now = row(before.facts.name, filled);
      expect(now.facts, before.facts.name).toEqual(before.facts);
      expect(now.os).toEqual(before.os);
      expect(now.network.report).toEqual(before.network.report);
      expect(now.readiness, before.facts.name).toEqual(before.readiness);
    }
  });

  it('keeps a failed or gone read visible on the row, and marks confirmed network verdicts', () => {
    const web = row('web-01');
    expect(withAgent(web, { vmId: web.facts.id, outcome: 'failed', error: 'boom', readAt: 't' }).agent).toEqual({ source: 'failed', error: 'boom', readAt: 't' });
    expect(withAgent(web, { vmId: web.facts.id, outcome: 'gone', readAt: 't' }).agent.source).toBe('gone');
    const denied = row('blocked-443-01');
    expect(denied.network.report.overall.status).toBe('denied');
    expect(denied.readiness.verdict).toBe('attention');
    expect(denied.readiness.findings.find((f) => f.ruleId === 'network-outbound-denied')?.severity).toBe('attention');
    const confirmed = withEffectiveNetwork(denied, row('web-01').network.report);
    expect(confirmed.network.source).toBe('effective');
    expect(confirmed.readiness.findings.map((f) => f.ruleId)).not.toContain('network-outbound-denied');
    expect(confirmed.readiness.verdict).toBe('ready');
  });
});

describe('network verdicts per NSG pair', () => {
  it('evaluates each distinct (NIC NSG, subnet NSG) pair once for many VMs, with the same verdicts as per VM', { timeout: 30_000 }, () => {
    const fixture = parseFixture(generateFixture({ vmCount: 600, seed: 3 }));
    const fleet = fleetInventoryFrom(createMemoryStore(fixture), { subscriptions: fixture.subscriptions.map((s) => s.subscriptionId) });
    let calls = 0;
    const counting = (input: OutboundInput) => {
      calls++;
      return evaluateOutbound443(input);
    };
    const evaluator = createPairEvaluator(counting);
    const fleetRows = buildFleetRows(fleet, { evaluator });
    expect(fleetRows).toHaveLength(600);
    // NSGs are per subscription and region in this tenant: a pair is (subscription, region, NSG names).
    const pairs = new Set(fleetRows.map((r) => `${r.facts.subscriptionId}|${r.facts.location}|${r.network.nsgNames.join('|')}`));
    expect(calls).toBe(evaluator.evaluations);
    expect(calls).toBeLessThanOrEqual(pairs.size);
    expect(calls).toBeLessThan(100);
    // The same answers as evaluating every VM on its own.
    const perVm = buildFleetRows(fleet, { evaluator: { reportFor: (p) => createPairEvaluator().reportFor(p), evaluations: 0 } });
    expect(fleetRows.map((r) => r.network.report)).toEqual(perVm.map((r) => r.network.report));
  });

  it('tells VMs apart behind a pair whose rules name source addresses', () => {
    const fleet = fleetInventoryFrom(contosoStore());
    const nsg = fleet.nsgs.find((n) => n.name === 'nsg-snet-web');
    if (!nsg) throw new Error('fixture changed');
    nsg.rules.unshift({ ...nsg.rules[0], name: 'DenyOneHost', priority: 90, direction: 'Outbound', access: 'Deny', protocol: '*', sourcePrefixes: ['10.10.1.4/32'], sourcePorts: ['*'], destinationPrefixes: ['*'], destinationPorts: ['*'], sourceAsg: false, destinationAsg: false, isDefault: false });
    const evaluator = createPairEvaluator();
    const fleetRows = buildFleetRows(fleet, { evaluator });
    const behind = fleetRows.filter((r) => r.network.nsgNames.includes('nsg-snet-web'));
    expect(behind.length).toBeGreaterThan(1);
    const verdicts = new Map(behind.map((r) => [r.network.privateIp, r.network.report.overall.status]));
    expect(verdicts.get('10.10.1.4')).toBe('denied');
    expect([...verdicts].filter(([ip]) => ip !== '10.10.1.4').every(([, v]) => v === 'open')).toBe(true);
  });
});
