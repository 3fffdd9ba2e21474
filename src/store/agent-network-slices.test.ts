import { describe, expect, it } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { isAgentStepComplete, summarizeAgentStep } from './agent-slice.ts';
import { isNetworkStepComplete, summarizeNetworkStep } from './network-slice.ts';
import { createWizardStore, storageKeyFor } from './wizard-store.ts';

const account = { tenantId: 't', homeAccountId: 'alice.t' };
const now = () => new Date('2026-11-25T10:00:00.000Z');
const SUB = '/subscriptions/8c6b1f3e-2a4d-4f5b-9e7c-0a1b2c3d4e5f/resourceGroups/rg-apps/providers/Microsoft.Compute/virtualMachines';
const A = `${SUB}/agent-notready-01`;
const B = `${SUB}/old-agent-01`;

function memoryStorage(): StateStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

function storeWith(selected: string[], storage = memoryStorage()) {
  const store = createWizardStore({ account, storage, now });
  store.getState().selectVms(selected);
  return { store, storage };
}

describe('agent slice', () => {
  it('is complete only when every selected VM is ready or its findings needing attention were accepted', () => {
    const { store } = storeWith([A, B]);
    const s = () => store.getState();
    expect(isAgentStepComplete(s())).toBe(false);
    s().recordAgentCheck(A, { level: 'ready', warnings: [] });
    s().recordAgentCheck(B, { level: 'attention', warnings: ['agent-outdated'] });
    expect(isAgentStepComplete(s())).toBe(false);
    s().acknowledgeAgentWarnings(B, true);
    expect(isAgentStepComplete(s())).toBe(true);
    expect(summarizeAgentStep(s())).toBe('1 of 2 ready, 1 needing attention accepted');
    s().acknowledgeAgentWarnings(B, false);
    expect(isAgentStepComplete(s())).toBe(false);
  });

  it("doesn't let a blocked VM be accepted", () => {
    const { store } = storeWith([A]);
    store.getState().recordAgentCheck(A, { level: 'blocked', warnings: [] });
    store.getState().acknowledgeAgentWarnings(A, true);
    expect(store.getState().agent.acknowledged).toEqual({});
    expect(isAgentStepComplete(store.getState())).toBe(false);
  });

  it('asks again when a later check finds something that was not accepted', () => {
    const { store } = storeWith([B]);
    const s = () => store.getState();
    s().recordAgentCheck(B, { level: 'attention', warnings: ['agent-outdated'] });
    s().acknowledgeAgentWarnings(B, true);
    s().recordAgentCheck(B.toUpperCase(), { level: 'attention', warnings: ['agent-outdated', 'backup-extension'] });
    expect(isAgentStepComplete(s())).toBe(false);
  });

  it('persists results and acceptances, and forgets them when the vault changes', async () => {
    const { store, storage } = storeWith([B]);
    store.getState().recordAgentCheck(B, { level: 'attention', warnings: ['agent-outdated'] });
    store.getState().acknowledgeAgentWarnings(B, true);
    const saved = JSON.parse(storage.data.get(storageKeyFor(account)) ?? '{}') as { state: { agent: unknown } };
    expect(saved.state.agent).toEqual({
      results: { [B.toLowerCase()]: { level: 'attention', warnings: ['agent-outdated'], checkedAt: '2026-11-25T10:00:00.000Z' } },
      acknowledged: { [B.toLowerCase()]: ['agent-outdated'] },
      updatedAt: '2026-11-25T10:00:00.000Z',
    });

    const reopened = createWizardStore({ account, storage, now });
    await reopened.persist.rehydrate();
    expect(isAgentStepComplete(reopened.getState())).toBe(true);

    reopened.getState().chooseVault({ id: '/v2', name: 'v2', resourceGroup: 'rg', location: 'westeurope' });
    expect(reopened.getState().agent).toEqual({ results: {}, acknowledged: {}, updatedAt: null });
  });

  it('reads results saved in the words of older builds (ok, warning, blocker)', async () => {
    const storage = memoryStorage();
    const result = (level: string) => ({ level, warnings: [], checkedAt: '2026-11-25T09:00:00.000Z' });
    storage.data.set(storageKeyFor(account), JSON.stringify({ version: 1, state: { setup: {}, agent: { results: { a: result('ok'), b: result('warning'), c: result('blocker') } } } }));
    const store = createWizardStore({ account, storage, now });
    await store.persist.rehydrate();
    expect(Object.values(store.getState().agent.results).map((r) => r.level)).toEqual(['ready', 'attention', 'blocked']);
  });
});

describe('network slice', () => {
  it('is complete when every VM is ready, or what needs attention accepted; a blocked VM (168.63.129.16 denied) must be fixed', () => {
    const { store } = storeWith([A, B]);
    const s = () => store.getState();
    s().recordNetworkCheck(A, { verdict: 'ready', path: 'open', findings: [] });
    s().recordNetworkCheck(B, { verdict: 'blocked', path: 'open', findings: ['network-platform-address'] });
    s().acknowledgeNetworkRisk(B, true);
    expect(s().network.acknowledged).toEqual([]);
    expect(isNetworkStepComplete(s())).toBe(false);

    // Outbound HTTPS denied: needs attention, and can be accepted.
    s().recordNetworkCheck(B, { verdict: 'attention', path: 'denied', findings: ['network-outbound-denied'] });
    expect(isNetworkStepComplete(s())).toBe(false);
    s().acknowledgeNetworkRisk(B, true);
    expect(isNetworkStepComplete(s())).toBe(true);
    expect(summarizeNetworkStep(s())).toBe('Outbound HTTPS open');
  });

  it("doesn't let the proxy path clear a deny of 168.63.129.16", () => {
    const { store } = storeWith([A]);
    store.getState().recordNetworkCheck(A, { verdict: 'blocked', path: 'open', findings: ['network-platform-address'] });
    store.getState().chooseProxy({ ip: '10.0.0.5', port: 3128 });
    expect(isNetworkStepComplete(store.getState())).toBe(false);
  });

  it('reads checks saved in the words of older builds', async () => {
    const storage = memoryStorage();
    const at = '2026-11-25T09:00:00.000Z';
    storage.data.set(storageKeyFor(account), JSON.stringify({ version: 1, state: { setup: {}, network: { results: {
      a: { verdict: 'open', platformDenied: false, checkedAt: at },
      b: { verdict: 'blocked', platformDenied: false, checkedAt: at },
    } } } }));
    const store = createWizardStore({ account, storage, now });
    await store.persist.rehydrate();
    expect(store.getState().network.results).toEqual({
      a: { verdict: 'ready', path: 'open', findings: [], checkedAt: at },
      b: { verdict: 'attention', path: 'denied', findings: [], checkedAt: at },
    });
  });

  it('is complete on the proxy path, and records the rules created', () => {
    const { store } = storeWith([A]);
    const s = () => store.getState();
    s().recordNetworkCheck(A, { verdict: 'attention', path: 'denied', findings: ['network-outbound-denied'] });
    s().chooseProxy({ ip: '10.0.0.5', port: 3128 });
    s().recordCreatedRule({
      id: '/subscriptions/s/resourceGroups/rg-network/providers/Microsoft.Network/networkSecurityGroups/nsg/securityRules/allow-proxy',
      nsgId: '/subscriptions/s/resourceGroups/rg-network/providers/Microsoft.Network/networkSecurityGroups/nsg',
      name: 'allow-proxy',
      purpose: 'proxy',
      body: { priority: 200, protocol: 'Tcp', access: 'Allow', direction: 'Outbound', sourceAddressPrefix: '10.0.0.5/32', sourcePortRange: '*', destinationAddressPrefix: 'Internet', destinationPortRange: '80-443' },
    });
    expect(isNetworkStepComplete(s())).toBe(true);
    expect(summarizeNetworkStep(s())).toBe('Through proxy 10.0.0.5:3128, 1 rule added');
  });

  it('persists the proxy, the draft and the created rules; a new vault keeps the draft and the rules', async () => {
    const { store, storage } = storeWith([A]);
    const s = () => store.getState();
    s().editProxyDraft({ ip: '10.0.0.5', port: '31x' });
    s().recordCreatedRule({
      id: '/x/securityRules/allow-storage-443',
      nsgId: '/x',
      name: 'allow-storage-443',
      purpose: 'allow',
      forVmId: A,
      body: { priority: 199, protocol: 'Tcp', access: 'Allow', direction: 'Outbound', sourceAddressPrefix: '10.10.4.0/24', sourcePortRange: '*', destinationAddressPrefix: 'Storage', destinationPortRange: '443', description: 'd' },
    });
    s().recordCreatedRule({
      id: '/X/securityRules/allow-storage-443',
      nsgId: '/x',
      name: 'allow-storage-443',
      purpose: 'allow',
      body: { priority: 198, protocol: 'Tcp', access: 'Allow', direction: 'Outbound', sourceAddressPrefix: 'VirtualNetwork', sourcePortRange: '*', destinationAddressPrefix: 'Storage', destinationPortRange: '443' },
    });
    expect(s().network.createdRules.map((r) => r.body.priority)).toEqual([198]);

    const reopened = createWizardStore({ account, storage, now });
    await reopened.persist.rehydrate();
    expect(reopened.getState().network.proxyDraft).toEqual({ ip: '10.0.0.5', port: '31x' });
    expect(reopened.getState().network.createdRules).toHaveLength(1);
    expect(reopened.getState().network.createdRules[0]).not.toHaveProperty('forVmId');

    reopened.getState().chooseProxy({ ip: '10.0.0.5', port: 3128 });
    reopened.getState().chooseVault({ id: '/v2', name: 'v2', resourceGroup: 'rg', location: 'westeurope' });
    expect(reopened.getState().network).toMatchObject({ proxy: null, results: {}, proxyDraft: { ip: '10.0.0.5', port: '31x' } });
    expect(reopened.getState().network.createdRules).toHaveLength(1);
  });

  it('ignores a tampered saved slice', async () => {
    const storage = memoryStorage();
    storage.data.set(storageKeyFor(account), JSON.stringify({ version: 1, state: { setup: {}, network: { proxy: { ip: '1.2.3.4', port: 99999 } } } }));
    const store = createWizardStore({ account, storage, now });
    await store.persist.rehydrate();
    expect(store.getState().network.proxy).toBeNull();
  });
});
