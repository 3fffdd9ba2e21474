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
  it('is complete only when every selected VM is OK or its warnings were accepted', () => {
    const { store } = storeWith([A, B]);
    const s = () => store.getState();
    expect(isAgentStepComplete(s())).toBe(false);
    s().recordAgentCheck(A, { level: 'ok', warnings: [] });
    s().recordAgentCheck(B, { level: 'warning', warnings: ['agent-outdated'] });
    expect(isAgentStepComplete(s())).toBe(false);
    s().acknowledgeAgentWarnings(B, true);
    expect(isAgentStepComplete(s())).toBe(true);
    expect(summarizeAgentStep(s())).toBe('1 of 2 ready, 1 accepted with warnings');
    s().acknowledgeAgentWarnings(B, false);
    expect(isAgentStepComplete(s())).toBe(false);
  });

  it("doesn't let a blocker be accepted", () => {
    const { store } = storeWith([A]);
    store.getState().recordAgentCheck(A, { level: 'blocker', warnings: [] });
    store.getState().acknowledgeAgentWarnings(A, true);
    expect(store.getState().agent.acknowledged).toEqual({});
    expect(isAgentStepComplete(store.getState())).toBe(false);
  });

  it('asks again when a later check finds a warning that was not accepted', () => {
    const { store } = storeWith([B]);
    const s = () => store.getState();
    s().recordAgentCheck(B, { level: 'warning', warnings: ['agent-outdated'] });
    s().acknowledgeAgentWarnings(B, true);
    s().recordAgentCheck(B.toUpperCase(), { level: 'warning', warnings: ['agent-outdated', 'backup-extension'] });
    expect(isAgentStepComplete(s())).toBe(false);
  });

  it('persists results and acceptances, and forgets them when the vault changes', async () => {
    const { store, storage } = storeWith([B]);
    store.getState().recordAgentCheck(B, { level: 'warning', warnings: ['agent-outdated'] });
    store.getState().acknowledgeAgentWarnings(B, true);
    const saved = JSON.parse(storage.data.get(storageKeyFor(account)) ?? '{}') as { state: { agent: unknown } };
    expect(saved.state.agent).toEqual({
      results: { [B.toLowerCase()]: { level: 'warning', warnings: ['agent-outdated'], checkedAt: '2026-11-25T10:00:00.000Z' } },
      acknowledged: { [B.toLowerCase()]: ['agent-outdated'] },
      updatedAt: '2026-11-25T10:00:00.000Z',
    });

    const reopened = createWizardStore({ account, storage, now });
    await reopened.persist.rehydrate();
    expect(isAgentStepComplete(reopened.getState())).toBe(true);

    reopened.getState().chooseVault({ id: '/v2', name: 'v2', resourceGroup: 'rg', location: 'westeurope' });
    expect(reopened.getState().agent).toEqual({ results: {}, acknowledged: {}, updatedAt: null });
  });
});

describe('network slice', () => {
  it('is complete when every VM is open, or its unknown path accepted; a blocked path must be fixed', () => {
    const { store } = storeWith([A, B]);
    const s = () => store.getState();
    s().recordNetworkCheck(A, { verdict: 'open', platformDenied: false });
    s().recordNetworkCheck(B, { verdict: 'blocked', platformDenied: false });
    s().acknowledgeNetworkRisk(B, true);
    expect(s().network.acknowledged).toEqual([]);
    expect(isNetworkStepComplete(s())).toBe(false);

    s().recordNetworkCheck(B, { verdict: 'unknown', platformDenied: false });
    expect(isNetworkStepComplete(s())).toBe(false);
    s().acknowledgeNetworkRisk(B, true);
    expect(isNetworkStepComplete(s())).toBe(true);
    expect(summarizeNetworkStep(s())).toBe('Outbound HTTPS open');
  });

  it('needs an acceptance for an open path that denies 168.63.129.16', () => {
    const { store } = storeWith([A]);
    store.getState().recordNetworkCheck(A, { verdict: 'open', platformDenied: true });
    expect(isNetworkStepComplete(store.getState())).toBe(false);
    store.getState().acknowledgeNetworkRisk(A, true);
    expect(isNetworkStepComplete(store.getState())).toBe(true);
  });

  it('is complete on the proxy path, and records the rules created', () => {
    const { store } = storeWith([A]);
    const s = () => store.getState();
    s().recordNetworkCheck(A, { verdict: 'blocked', platformDenied: false });
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
