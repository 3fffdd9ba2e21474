import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../journal/types.ts';
import { bicepValue, summaryToBicep } from './export-bicep.ts';
import { summaryToAzCli } from './export-cli.ts';
import { bicepString, shellQuote } from './escape.ts';
import { journalForSetup, journalLines } from './journal-lines.ts';
import { summaryToJson, summaryToMarkdown } from './summary-markdown.ts';
import { summaryFixture } from './summary.fixture.ts';

const lines = (text: string) => text.split('\n');

describe('summaryToMarkdown', () => {
  const md = summaryToMarkdown(summaryFixture());

  it('heads the document with the vault, date, tenant, account and subscription', () => {
    expect(lines(md)[0]).toBe('# Azure VM backup setup: rsv-prod-weu');
    expect(md).toContain('| Date | 2025-06-02T10:00:00.000Z |');
    expect(md).toContain('| Tenant | Contoso (3f6c2a9e-8b1d-4e27-9c5a-1d2e3f4a5b6c) |');
    expect(md).toContain('| Account | Alice Admin (alice@contoso.example) |');
    expect(md).toContain('| Subscription | Contoso Production (8c6b1f3e-2a4d-4f5b-9e7c-0a1b2c3d4e5f) |');
  });

  it('lists the vault, replication and the policy in words and as JSON', () => {
    expect(md).toContain('| rsv-prod-weu | rg-backup | westeurope | RS0 / Standard |');
    expect(md).toContain('| geo-redundant storage (GRS) | Enabled | Locked |');
    expect(md).toContain('## Backup policy: nightly-22');
    expect(md).toContain('Daily at 22:00 (UTC), keep daily points 30 days, instant restore 2 days');
    expect(md).toContain('| Daily backup points | 30 days |');
    expect(md).toContain('"scheduleRunFrequency": "Daily"');
    expect(md).toContain('"2024-01-01T22:00:00.000Z"');
  });

  it('has a row per protected VM, the NSG rule in full, the proxy, open findings and the journal', () => {
    expect(md).toContain('| web-01 | rg-web | IRPending | Passed | No backup yet | nightly-22 |');
    expect(md).toContain('| app-linux-01 | rg-apps | Protected | Passed | Completed (2025-06-02T09:00:00.000Z) | nightly-22 |');
    expect(md).toContain('Chosen but not protected: agent-notready-01.');
    expect(md).toContain('| allow-azurebackup-443 | nsg-snet-locked | 190 | Outbound | Allow | Tcp | VirtualNetwork | \\* | AzureBackup | 443 |');
    expect(md).toContain('HTTP proxy 10.10.2.50:3128');
    expect(md).toContain('- **old-agent-01** (Agent): Needs attention: The VM agent is older than Microsoft supports (accepted)');
    expect(md).toMatch(/\| 2025-06-02T09:58:00.000Z \| Enable protection \(PUT\) \| .*web-01 \| Succeeded: job 0f1e2d3c \| req-1, req-2 \|/);
  });

  it('escapes pipes inside table cells', () => {
    const summary = summaryFixture();
    summary.openFindings = [];
    const rule = summary.nsgRules[0]?.rule;
    if (rule) rule.description = 'a | b';
    expect(summaryToMarkdown(summary)).toContain('a \\| b');
  });

  it('says so when there is nothing', () => {
    const summary = { ...summaryFixture(), protectedVms: [], nsgRules: [], proxy: null, openFindings: [], journal: [], unprotectedVmNames: [] };
    const text = summaryToMarkdown(summary);
    expect(text).toContain('The vault protects no virtual machine.');
    expect(text).toContain('No proxy.');
    expect(text).toContain('No writes were recorded in this browser.');
  });
});

describe('summaryToJson', () => {
  it('is the summary, with the policy properties as plain JSON', () => {
    const parsed = JSON.parse(summaryToJson(summaryFixture())) as Record<string, unknown>;
    expect(parsed['vault']).toMatchObject({ name: 'rsv-prod-weu', location: 'westeurope' });
    expect(parsed['policy']).toMatchObject({
      name: 'nightly-22',
      properties: { schedulePolicy: { scheduleRunTimes: ['2024-01-01T22:00:00.000Z'] } },
    });
    expect((parsed['protectedVms'] as unknown[]).length).toBe(2);
    expect(parsed['journal']).toEqual(summaryFixture().journal);
  });
});

describe('summaryToAzCli', () => {
  const script = summaryToAzCli(summaryFixture());

  it('is a bash script for the subscription', () => {
    expect(lines(script)[0]).toBe('#!/usr/bin/env bash');
    expect(script).toContain('set -euo pipefail');
    expect(script).toContain("az account set --subscription '8c6b1f3e-2a4d-4f5b-9e7c-0a1b2c3d4e5f'");
  });

  it('creates the vault and sets replication with cross-region restore', () => {
    expect(script).toContain("az backup vault create \\\n  --resource-group 'rg-backup' \\\n  --name 'rsv-prod-weu' \\\n  --location 'westeurope'");
    expect(script).toContain("  --backup-storage-redundancy 'GeoRedundant' \\\n  --cross-region-restore-flag 'True'");
  });

  it('creates the policy from a policy.json with its full settings', () => {
    expect(script).toContain("cat > policy.json <<'JSON'");
    expect(script).toContain('"name": "nightly-22"');
    expect(script).toContain('"retentionPolicyType": "LongTermRetentionPolicy"');
    expect(script).toContain('az backup policy create \\');
    expect(script).toContain("  --backup-management-type 'AzureIaasVM' \\\n  --policy '@policy.json'");
  });

  it('updates rather than creates a policy every vault already has', () => {
    const summary = summaryFixture();
    if (summary.policy) summary.policy.name = 'DefaultPolicy';
    const text = summaryToAzCli(summary);
    expect(text).toContain('az backup policy set \\');
    expect(text).not.toContain('az backup policy create');
  });

  it('protects each VM by its id with its policy', () => {
    expect(script).toContain(
      "az backup protection enable-for-vm \\\n  --resource-group 'rg-backup' \\\n  --vault-name 'rsv-prod-weu' \\\n  --vm '/subscriptions/8c6b1f3e-2a4d-4f5b-9e7c-0a1b2c3d4e5f/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/web-01' \\\n  --policy-name 'nightly-22'",
    );
    expect(script.match(/enable-for-vm/g)).toHaveLength(2);
  });

  it('recreates each NSG rule with every field, quoting what the shell would split', () => {
    expect(script).toContain("az network nsg rule create \\\n  --resource-group 'rg-network' \\\n  --nsg-name 'nsg-snet-locked' \\\n  --name 'allow-azurebackup-443' \\\n  --priority '190'");
    expect(script).toContain("  --source-port-ranges '*'");
    expect(script).toContain("  --destination-address-prefixes 'AzureBackup'");
    expect(script).toContain(`  --description 'Azure VM backup: allow HTTPS to AzureBackup (it'\\''s needed).'`);
  });

  it('single-quotes every value', () => {
    expect(shellQuote('rg-web')).toBe("'rg-web'");
    expect(shellQuote(190)).toBe("'190'");
    expect(shellQuote('')).toBe("''");
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('$(rm -rf /)')).toBe("'$(rm -rf /)'");
  });
});

describe('summaryToBicep', () => {
  const bicep = summaryToBicep(summaryFixture());

  it('declares the vault, its storage config and the policy', () => {
    expect(bicep).toContain("resource vault 'Microsoft.RecoveryServices/vaults@2025-02-01' = {\n  name: 'rsv-prod-weu'\n  location: 'westeurope'");
    expect(bicep).toContain("resource storageConfig 'Microsoft.RecoveryServices/vaults/backupstorageconfig@2025-02-01' = {\n  parent: vault\n  name: 'vaultstorageconfig'");
    expect(bicep).toContain('    storageModelType: \'GeoRedundant\'');
    expect(bicep).toContain('    crossRegionRestoreFlag: true');
    expect(bicep).toContain("resource policy 'Microsoft.RecoveryServices/vaults/backupPolicies@2025-02-01' = {\n  parent: vault\n  name: 'nightly-22'");
    expect(bicep).toContain("    backupManagementType: 'AzureIaasVM'");
    expect(bicep).toContain("      scheduleRunTimes: [\n        '2024-01-01T22:00:00.000Z'\n      ]");
  });

  it('declares one protected item per VM, named under the Azure fabric and its container', () => {
    expect(bicep).toContain(
      "resource protectedItem_web_01 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems@2025-02-01' = {\n  name: 'rsv-prod-weu/Azure/iaasvmcontainer;iaasvmcontainerv2;rg-web;web-01/vm;iaasvmcontainerv2;rg-web;web-01'",
    );
    expect(bicep).toContain('resource protectedItem_app_linux_01 ');
    expect(bicep).toContain("    sourceResourceId: '/subscriptions/8c6b1f3e-2a4d-4f5b-9e7c-0a1b2c3d4e5f/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/web-01'");
    expect(bicep).toContain('    policyId: policy.id');
    expect(bicep).toContain('  dependsOn: [\n    vault\n    storageConfig\n    policy\n  ]');
  });

  it('writes literals Bicep accepts', () => {
    expect(bicepString("it's ${x} \\")).toBe("'it\\'s \\${x} \\\\'");
    expect(bicepValue({ a: [1, true], 'b-c': null, d: {} })).toBe("{\n  a: [\n    1\n    true\n  ]\n  'b-c': null\n  d: {}\n}");
  });
});

describe('journalLines', () => {
  const entry = (change: Partial<JournalEntry>): JournalEntry => ({
    id: 'e1',
    at: '2025-06-02T09:58:00.000Z',
    kind: 'protectedItem.put',
    method: 'PUT',
    target: '/x/web-01',
    summary: {},
    attempts: 1,
    ...change,
  });

  it('words each write with its result and every request id once', () => {
    expect(
      journalLines([
        entry({ requestId: 'req-1', result: { outcome: 'succeeded', requestId: 'req-2', jobId: 'job-9', at: '2025-06-02T09:59:00.000Z' } }),
        entry({ id: 'e2', kind: 'policy.put', requestId: 'req-3', result: { outcome: 'failed', code: 'BMSUserErrorInvalidPolicyInput', message: 'Bad.', requestId: 'req-3', at: 'x' } }),
        entry({ id: 'e3', kind: 'vault.put', operationUrl: 'https://x/op' }),
      ]),
    ).toEqual([
      { at: '2025-06-02T09:58:00.000Z', operation: 'Enable protection (PUT)', target: '/x/web-01', result: 'Succeeded', detail: 'job job-9', requestIds: ['req-1', 'req-2'] },
      { at: '2025-06-02T09:58:00.000Z', operation: 'Create backup policy (PUT)', target: '/x/web-01', result: 'Failed', detail: 'BMSUserErrorInvalidPolicyInput: Bad.', requestIds: ['req-3'] },
      { at: '2025-06-02T09:58:00.000Z', operation: 'Create vault (PUT)', target: '/x/web-01', result: 'In flight', detail: 'accepted by Azure; its outcome was not seen in this browser yet', requestIds: [] },
    ]);
  });
});

describe('journalForSetup', () => {
  const VAULT = '/subscriptions/s/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/v1';
  const RULE = '/subscriptions/s/resourceGroups/rg-network/providers/Microsoft.Network/networkSecurityGroups/n/securityRules/r';
  const entry = (id: string, kind: JournalEntry['kind'], target: string): JournalEntry => ({ id, at: 'x', kind, method: 'PUT', target, summary: {}, attempts: 1 });

  it("keeps this setup's writes and leaves another region's out", () => {
    const entries = [
      entry('rg', 'resourceGroup.put', '/subscriptions/s/resourceGroups/RG-BACKUP'),
      entry('vault', 'vault.put', VAULT),
      entry('item', 'protectedItem.put', `${VAULT}/backupFabrics/Azure/protectionContainers/c/protectedItems/i`),
      entry('rule', 'nsgRule.put', RULE),
      entry('other-vault', 'vault.put', '/subscriptions/s/resourceGroups/rg-neu/providers/Microsoft.RecoveryServices/vaults/v2'),
      entry('other-rg', 'resourceGroup.put', '/subscriptions/s/resourceGroups/rg-neu'),
      entry('other-rule', 'nsgRule.put', `${RULE}-2`),
    ];
    expect(journalForSetup(entries, { vaultId: VAULT, ruleIds: [RULE] }).map((e) => e.id)).toEqual(['rg', 'vault', 'item', 'rule']);
  });
});
