import { containerNameFor, protectedItemNameFor } from '../../plan/arm-paths.ts';
import { fileStem } from './download.ts';
import { bicepString, commentText, shellQuote } from './escape.ts';
import { policyJson, type SetupSummary } from './summary-model.ts';

/** The Recovery Services api-version written into the template (the stable one of the REST specs). */
export const BICEP_API_VERSION = '2025-02-01';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Any JSON value as a Bicep literal, indented by `depth` levels of two spaces. */
export function bicepValue(value: unknown, depth = 0): string {
  const pad = '  '.repeat(depth + 1);
  const close = '  '.repeat(depth);
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return bicepString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => `${pad}${bicepValue(item, depth + 1)}`).join('\n')}\n${close}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([k, v]) => `${pad}${IDENTIFIER.test(k) ? k : bicepString(k)}: ${bicepValue(v, depth + 1)}`).join('\n')}\n${close}}`;
  }
  return bicepString(String(value));
}

/** "web-01" → "protectedItem_web_01": a symbolic name Bicep accepts, unique within the file. */
function symbol(prefix: string, name: string, used: Set<string>): string {
  const base = `${prefix}_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;
  let candidate = base;
  for (let n = 2; used.has(candidate); n++) candidate = `${base}_${n}`;
  used.add(candidate);
  return candidate;
}

/**
 * A Bicep template (deployed to the vault's resource group) that would reproduce the vault, its storage
 * config, the policy and the protected items. NSG rules live in other resource groups; the az CLI script
 * carries them.
 */
export function summaryToBicep(summary: SetupSummary): string {
  const { vault, replication, policy, security } = summary;
  const v = BICEP_API_VERSION;
  // Azure refuses to create a vault Locked: a first deployment leaves it Unlocked, a second one locks it.
  const locked = security.immutability === 'Locked';
  const lines: string[] = [
    `// ${commentText(`Azure VM backup setup of vault ${vault.name}, as read back from Azure on ${summary.generatedAt}.`)}`,
    `// ${commentText(`Deploy to resource group ${vault.resourceGroup} of subscription ${summary.subscription.id}:`)}`,
    // A command people paste into a shell: every value quoted, as in the az CLI export.
    `//   ${commentText(
      [
        'az deployment group create',
        `--subscription ${shellQuote(summary.subscription.id)}`,
        `--resource-group ${shellQuote(vault.resourceGroup)}`,
        `--template-file ${shellQuote(`${fileStem(vault.name)}.bicep`)}`,
      ].join(' '),
    )}`,
    '',
    ...(locked
      ? [
          '// The immutability of this vault is Locked. Azure does not create a vault Locked: deploy once as is (Unlocked),',
          '// then again with lockImmutability=true. Locking can never be undone, so it is never the default.',
          `@description(${bicepString("Lock the vault's immutability (irreversible). Leave false on the first deployment.")})`,
          'param lockImmutability bool = false',
          '',
        ]
      : []),
    `resource vault 'Microsoft.RecoveryServices/vaults@${v}' = {`,
    `  name: ${bicepString(vault.name)}`,
    `  location: ${bicepString(vault.location)}`,
    `  sku: {`,
    `    name: 'Standard'`,
    `  }`,
    `  properties: {`,
    `    publicNetworkAccess: ${bicepString(security.publicNetworkAccess)}`,
    `    securitySettings: {`,
    `      softDeleteSettings: {`,
    `        softDeleteState: ${bicepString(security.softDeleteState)}`,
    `        softDeleteRetentionPeriodInDays: ${security.softDeleteRetentionDays}`,
    `      }`,
    `      immutabilitySettings: {`,
    `        state: ${locked ? "lockImmutability ? 'Locked' : 'Unlocked'" : bicepString(security.immutability)}`,
    `      }`,
    `    }`,
    `    restoreSettings: {`,
    `      crossSubscriptionRestoreSettings: {`,
    `        crossSubscriptionRestoreState: ${bicepString(security.crossSubscriptionRestore)}`,
    `      }`,
    `    }`,
    `    monitoringSettings: {`,
    `      azureMonitorAlertSettings: {`,
    `        alertsForAllJobFailures: ${bicepString(security.jobFailureAlerts)}`,
    `      }`,
    `    }`,
    `  }`,
    `}`,
  ];
  const dependsOn: string[] = [];
  if (replication) {
    dependsOn.push('storageConfig');
    lines.push(
      '',
      '// Storage replication must be set before the first item is protected: it locks then.',
      `resource storageConfig 'Microsoft.RecoveryServices/vaults/backupstorageconfig@${v}' = {`,
      '  parent: vault',
      `  name: 'vaultstorageconfig'`,
      '  properties: {',
      `    storageModelType: ${bicepString(replication.storageType)}`,
      `    storageType: ${bicepString(replication.storageType)}`,
      `    crossRegionRestoreFlag: ${replication.crossRegionRestore}`,
      '  }',
      '}',
    );
  }
  if (policy?.properties) {
    lines.push(
      '',
      `resource policy 'Microsoft.RecoveryServices/vaults/backupPolicies@${v}' = {`,
      '  parent: vault',
      `  name: ${bicepString(policy.name)}`,
      `  properties: ${bicepValue(policyJson(policy.properties), 1)}`,
      '}',
    );
    dependsOn.push('policy');
  }
  const used = new Set<string>(['vault', 'storageConfig', 'policy']);
  for (const vm of summary.protectedVms) {
    const name = `${vault.name}/Azure/${containerNameFor(vm.vmResourceGroup, vm.vmName)}/${protectedItemNameFor(vm.vmResourceGroup, vm.vmName)}`;
    const policyId = policy && vm.policyName.toLowerCase() === policy.name.toLowerCase() && policy.properties ? 'policy.id' : bicepString(vm.policyId);
    lines.push(
      '',
      `resource ${symbol('protectedItem', vm.vmName, used)} 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems@${v}' = {`,
      `  name: ${bicepString(name)}`,
      '  properties: {',
      `    protectedItemType: 'Microsoft.Compute/virtualMachines'`,
      `    sourceResourceId: ${bicepString(vm.vmId)}`,
      `    policyId: ${policyId}`,
      '  }',
      `  dependsOn: [\n${['vault', ...dependsOn].map((d) => `    ${d}`).join('\n')}\n  ]`,
      '}',
    );
  }
  lines.push('');
  return lines.join('\n');
}
