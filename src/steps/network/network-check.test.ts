import { describe, expect, it } from 'vitest';
import { contosoStore, PRODUCTION, storeReads, vmIdOf } from '../../azure/check-reads.fixture.ts';
import { AzureRequestError } from '../../azure/errors.ts';
import { nsgInfoFrom, rulePutBody } from '../../azure/network-security.ts';
import type { ProposedRule } from '../../readiness/index.ts';
import type { Store } from '../../../emulator/state/store.ts';
import { blockedTags, planAllowFix } from './allow-fix.ts';
import { checkNetworks, checkVmNetwork, type NetworkGateway, type VmNetworkView } from './network-check.ts';
import { planProxyRule } from './proxy-fix.ts';
import { methodLabel, pathLabel } from './verdict-text.ts';

const apps = (name: string) => vmIdOf('rg-apps', name);
const NSG = (rg: string, name: string) => `/subscriptions/${PRODUCTION}/resourceGroups/${rg}/providers/Microsoft.Network/networkSecurityGroups/${name}`;

async function viewOf(vmId: string, gateway: NetworkGateway = storeReads(contosoStore()).gateway): Promise<VmNetworkView> {
  const outcome = await checkVmNetwork(gateway, vmId);
  if (outcome.kind !== 'checked') throw new Error(`${vmId}: ${JSON.stringify(outcome)}`);
  return outcome.view;
}

/** What the security-rule PUT does to the stored NSG (the emulator route's effect, without the LRO). */
function applyRules(store: Store, nsgId: string, rules: readonly ProposedRule[]): void {
  const nsg = store.get(nsgId);
  if (!nsg) throw new Error(`no ${nsgId}`);
  const existing = (nsg.properties?.['securityRules'] as { name: string }[] | undefined) ?? [];
  const added = rules.map((rule) => ({ id: `${nsgId}/securityRules/${rule.name}`, name: rule.name, properties: rulePutBody(rule).properties }));
  store.put({ ...nsg, properties: { ...nsg.properties, securityRules: [...existing.filter((r) => !rules.some((n) => n.name === r.name)), ...added] } });
}

describe('network check of one VM', () => {
  it('reads a running VM from its effective rules', async () => {
    const view = await viewOf(vmIdOf('rg-web', 'web-01'));
    expect(view).toMatchObject({ verdict: 'ready', path: 'open', findings: [], powerState: 'running' });
    expect(view.nics).toHaveLength(1);
    expect(view.nics[0]).toMatchObject({ method: 'effective', nic: { name: 'web-01-nic' }, subnet: { name: 'snet-web', addressPrefixes: ['10.10.1.0/24'] } });
    expect(view.nics[0]?.layers.map((l) => [l.attachedTo, l.nsg.name])).toEqual([['subnet', 'nsg-snet-web']]);
    expect(methodLabel(view.nics[0])).toMatch(/^Effective rules/);
  });

  it('names the NSG, rule and priority that deny HTTPS, which needs attention (not a block) today', async () => {
    const locked = await viewOf(apps('blocked-443-01'));
    expect(locked).toMatchObject({ verdict: 'attention', path: 'denied' });
    expect(locked.findings.map((f) => f.ruleId)).toEqual(['network-outbound-denied']);
    expect(pathLabel(locked.report.overall)).toBe('Denied by nsg-snet-locked, rule DenyHttpsToInternet (priority 200)');
    expect(blockedTags(locked)).toEqual(['Storage', 'AzureBackup', 'AzureActiveDirectory']);

    const noStorage = await viewOf(apps('blocked-storage-01'));
    expect(pathLabel(noStorage.report.overall)).toBe('Denied by nsg-nic-nostorage, rule DenyHttpsToStorage (priority 300)');
    expect(blockedTags(noStorage)).toEqual(['Storage']);

    expect((await viewOf(apps('allowed-nsg-01'))).verdict).toBe('ready');
  });

  it('falls back to the NSG rules for a VM that is not running, and says so', async () => {
    const { gateway, calls } = storeReads(contosoStore());
    const view = await viewOf(apps('stopped-01'), gateway);
    expect(view.nics[0]).toMatchObject({ method: 'rules' });
    expect(methodLabel(view.nics[0])).toBe('NSG rules (the VM is deallocated, and Azure computes effective rules only for a running VM)');
    expect(view.nics[0]?.layers.map((l) => l.nsg.name)).toEqual(['nsg-snet-apps']);
    expect(view.verdict).toBe('ready');
    // A stopped VM isn't even asked for: Azure would answer NicNotAttachedToRunningVm.
    expect(calls.some((c) => c.startsWith('effective'))).toBe(false);
  });

  it('falls back to the NSG rules when the account may not read effective rules', async () => {
    const forbidden = new AzureRequestError({
      kind: 'forbidden',
      status: 403,
      code: 'AuthorizationFailed',
      message: "does not have authorization to perform action 'Microsoft.Network/networkInterfaces/effectiveNetworkSecurityGroups/action'",
    });
    const { gateway } = storeReads(contosoStore(), { listEffectiveNsgs: () => Promise.reject(forbidden) });
    const view = await viewOf(apps('blocked-443-01'), gateway);
    expect(view.nics[0]?.fallbackReason).toBe("your account can't read effective rules (AuthorizationFailed)");
    expect(pathLabel(view.report.overall)).toBe('Denied by nsg-snet-locked, rule DenyHttpsToInternet (priority 200)');
  });

  it('checks every network interface, the primary first', async () => {
    const view = await viewOf(apps('multi-nic-01'));
    expect(view.nics.map((n) => n.nic.name)).toEqual(['multi-nic-01-nic1', 'multi-nic-01-nic2']);
    expect(view.nics[1]?.layers).toEqual([]);
  });
});

describe('checking several VMs', () => {
  it('reads a subnet or an NSG shared by VMs once per check', async () => {
    const { gateway, calls } = storeReads(contosoStore());
    const ids = ['stopped-01', 'stopped-02'].map(apps);
    const verdicts: string[] = [];
    await checkNetworks(gateway, ids, (_, outcome) => verdicts.push(outcome.kind === 'checked' ? outcome.view.verdict : outcome.kind));
    expect(verdicts).toEqual(['ready', 'ready']);
    expect(calls.filter((c) => c.startsWith('getSubnet'))).toHaveLength(1);
    expect(calls.filter((c) => c.startsWith('getNsg'))).toHaveLength(1);
    expect(calls.filter((c) => c.startsWith('readVm'))).toHaveLength(2);
  });

  it('keeps the other VMs when one fails', async () => {
    const base = storeReads(contosoStore()).gateway;
    const gateway: NetworkGateway = {
      ...base,
      readVmForChecks: (vmId) =>
        vmId.endsWith('rhel-01') ? Promise.reject(new AzureRequestError({ kind: 'unknown', status: 500, code: 'InternalServerError', message: 'Boom.' })) : base.readVmForChecks(vmId),
    };
    const kinds = new Map<string, string>();
    await checkNetworks(gateway, [apps('rhel-01'), apps('sles-01')], (id, outcome) => kinds.set(id, outcome.kind));
    expect(kinds.get(apps('rhel-01'))).toBe('failed');
    expect(kinds.get(apps('sles-01'))).toBe('checked');
  });
});

describe('the allow-rule fix', () => {
  it('proposes one rule per tag just before the blocking rule, from the subnet, and turns the VM open', async () => {
    const store = contosoStore();
    const { gateway } = storeReads(store);
    const before = await viewOf(apps('blocked-443-01'), gateway);
    const plan = planAllowFix(before, blockedTags(before), 'subnet');
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.value.nsg).toEqual({ id: NSG('rg-network', 'nsg-snet-locked'), name: 'nsg-snet-locked' });
    expect(plan.value.blocking).toEqual({ name: 'DenyHttpsToInternet', priority: 200 });
    expect(plan.value.rules.map((r) => [r.name, r.priority, r.destinationAddressPrefix, r.sourceAddressPrefix])).toEqual([
      ['allow-storage-443', 199, 'Storage', '10.10.4.0/24'],
      ['allow-azurebackup-443', 198, 'AzureBackup', '10.10.4.0/24'],
      ['allow-azureactivedirectory-443', 197, 'AzureActiveDirectory', '10.10.4.0/24'],
    ]);
    expect(rulePutBody(plan.value.rules[0] as ProposedRule)).toEqual({
      properties: {
        description: 'Azure VM backup: allow HTTPS to Storage.',
        protocol: 'Tcp',
        sourcePortRange: '*',
        destinationPortRange: '443',
        sourceAddressPrefix: '10.10.4.0/24',
        destinationAddressPrefix: 'Storage',
        access: 'Allow',
        priority: 199,
        direction: 'Outbound',
      },
    });

    applyRules(store, plan.value.nsg.id, plan.value.rules);
    const after = await viewOf(apps('blocked-443-01'), gateway);
    expect(after.verdict).toBe('ready');
    // Internet stays denied: the recommended lock-down, and the UI says the Storage path is open.
    expect(after.report.destinations.Internet.status).toBe('denied');
    expect(after.findings.map((f) => f.ruleId)).toEqual(['network-storage-open']);
  });

  it('fixes only what is blocked in that NSG, with VirtualNetwork as source when asked', async () => {
    const store = contosoStore();
    const { gateway } = storeReads(store);
    const view = await viewOf(apps('blocked-storage-01'), gateway);
    const plan = planAllowFix(view, ['Storage'], 'VirtualNetwork');
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.value.rules.map((r) => [r.name, r.priority, r.sourceAddressPrefix])).toEqual([['allow-storage-443', 299, 'VirtualNetwork']]);
    applyRules(store, plan.value.nsg.id, plan.value.rules);
    expect((await viewOf(apps('blocked-storage-01'), gateway)).verdict).toBe('ready');
  });

  it('refuses with a reason when nothing chosen needs a rule', async () => {
    const view = await viewOf(apps('blocked-storage-01'));
    expect(planAllowFix(view, [], 'subnet')).toEqual({ ok: false, message: 'Choose at least one service tag to allow.' });
    expect(planAllowFix(view, ['AzureBackup'], 'subnet')).toMatchObject({ ok: false, message: expect.stringMatching(/no rule is needed/) });
  });

  it('reuses the priority of a rule it replaces (same name)', async () => {
    const store = contosoStore();
    const { gateway } = storeReads(store);
    const view = await viewOf(apps('blocked-443-01'), gateway);
    const first = planAllowFix(view, ['Storage'], 'subnet');
    if (!first.ok) throw new Error(first.message);
    // A rule of that name exists but is, say, narrower: the PUT replaces it, so its number counts as free.
    applyRules(store, first.value.nsg.id, [{ ...(first.value.rules[0] as ProposedRule), destinationPortRange: '8443' }]);
    const again = planAllowFix(await viewOf(apps('blocked-443-01'), gateway), ['Storage'], 'subnet');
    expect(again.ok && again.value.rules.map((r) => r.priority)).toEqual([199]);
  });
});

describe('the proxy rule', () => {
  it('goes in front of a rule that keeps the proxy from the Internet', () => {
    const store = contosoStore();
    const nsg = nsgInfoFrom(store.get(NSG('rg-network', 'nsg-snet-locked')) as never, NSG('rg-network', 'nsg-snet-locked'));
    const plan = planProxyRule(nsg, '10.10.4.10');
    expect(plan).toMatchObject({
      ok: true,
      value: { name: 'allow-proxy', priority: 199, sourceAddressPrefix: '10.10.4.10/32', destinationAddressPrefix: 'Internet', destinationPortRange: '80-443' },
    });
  });

  it('takes the guide priority 200 where nothing blocks', () => {
    const store = contosoStore();
    const nsg = nsgInfoFrom(store.get(NSG('rg-network', 'nsg-snet-apps')) as never, NSG('rg-network', 'nsg-snet-apps'));
    expect(planProxyRule(nsg, '10.10.2.50')).toMatchObject({ ok: true, value: { priority: 200 } });
    expect(planProxyRule(nsg, '10.10.2')).toMatchObject({ ok: false });
  });
});
