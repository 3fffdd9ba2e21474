import { describePolicy, policyFacts } from '../../plan/describe-policy.ts';
import { securityRows } from '../../plan/security-words.ts';
import { describeRedundancy } from '../../plan/words.ts';
import { jsonText, markdownCode, markdownText } from './escape.ts';
import { policyJson, type SetupSummary, type SummaryRule } from './summary-model.ts';

/** A table cell: escaped text (pipes and line breaks would break the table; markup must not render). */
const cell = (value: string | number | null | undefined): string =>
  value === null || value === undefined || value === '' ? '—' : markdownText(value);

function table(headers: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string[] {
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ];
}

const destination = (rule: NonNullable<SummaryRule['rule']>): string =>
  rule.destinationAddressPrefix ?? (rule.destinationAddressPrefixes ?? []).join(', ');

/** The summary as a Markdown document, to file or paste into a ticket. */
export function summaryToMarkdown(summary: SetupSummary): string {
  const { vault, replication, policy } = summary;
  const lines: string[] = [
    `# Azure VM backup setup: ${markdownText(vault.name)}`,
    '',
    ...table(
      ['', ''],
      [
        ['Date', summary.generatedAt],
        ['Tenant', summary.tenant.name ? `${summary.tenant.name} (${summary.tenant.id})` : summary.tenant.id],
        ['Account', `${summary.account.name} (${summary.account.username})`],
        ['Subscription', `${summary.subscription.name} (${summary.subscription.id})`],
      ],
    ),
    '',
    '## Recovery Services vault',
    '',
    ...table(
      ['Name', 'Resource group', 'Region', 'SKU', 'Resource ID'],
      [[vault.name, vault.resourceGroup, vault.location, [vault.skuName, vault.skuTier].filter(Boolean).join(' / '), vault.id]],
    ),
    '',
    '## Storage replication',
    '',
  ];
  if (replication) {
    lines.push(
      ...table(
        ['Type', 'Cross-region restore', 'State'],
        [[describeRedundancy({ ...replication, crossRegionRestore: false }), replication.crossRegionRestore ? 'Enabled' : 'Disabled', replication.locked ? 'Locked' : 'Unlocked']],
      ),
    );
  } else lines.push('Could not be read back from Azure.');

  lines.push('', '## Vault security', '', ...table(['Setting', 'Value'], [...securityRows(summary.security), ['Multi-user authorization', summary.security.multiUserAuthorization]]));

  lines.push('', `## Backup policy${policy ? `: ${markdownText(policy.name)}` : ''}`, '');
  if (policy?.properties) {
    lines.push(markdownText(describePolicy(policy.properties)), '', ...table(['Setting', 'Value'], policyFacts(policy.properties).map((f) => [f.label, f.value])));
    lines.push('', `Policy ID: ${markdownCode(policy.id)}`, '', '```json', jsonText({ properties: policyJson(policy.properties) }), '```');
  } else if (policy) {
    lines.push(`Policy ID: ${markdownCode(policy.id)}. Its settings are in a form this wizard does not describe; see the Azure portal.`);
  } else lines.push('No policy could be read back from Azure.');

  lines.push('', '## Protected virtual machines', '');
  if (summary.protectedVms.length > 0) {
    lines.push(
      ...table(
        ['Virtual machine', 'Resource group', 'Protection state', 'Health', 'Last backup', 'Policy'],
        summary.protectedVms.map((vm) => [
          vm.vmName,
          vm.vmResourceGroup,
          vm.protectionState,
          vm.healthStatus,
          vm.lastBackupStatus ? `${vm.lastBackupStatus}${vm.lastBackupTime ? ` (${vm.lastBackupTime})` : ''}` : 'No backup yet',
          vm.policyName,
        ]),
      ),
    );
  } else lines.push('The vault protects no virtual machine.');
  if (summary.unprotectedVmNames.length > 0) {
    lines.push('', `Chosen but not protected: ${summary.unprotectedVmNames.map(markdownText).join(', ')}.`);
  }

  lines.push('', '## NSG rules added', '');
  if (summary.nsgRules.length > 0) {
    lines.push(
      ...table(
        ['Rule', 'NSG', 'Priority', 'Direction', 'Access', 'Protocol', 'Source', 'Source ports', 'Destination', 'Destination ports', 'Description'],
        summary.nsgRules.map((r) =>
          r.rule
            ? [r.name, r.nsgName, r.rule.priority, r.rule.direction, r.rule.access, r.rule.protocol, r.rule.sourceAddressPrefix, r.rule.sourcePortRange, destination(r.rule), r.rule.destinationPortRange, r.rule.description]
            : [r.name, r.nsgName, 'Not found in Azure any more', '', '', '', '', '', '', '', ''],
        ),
      ),
    );
  } else lines.push('None.');

  lines.push('', '## Proxy', '', summary.proxy ? `Backup traffic goes through the HTTP proxy ${markdownText(`${summary.proxy.ip}:${summary.proxy.port}`)}.` : 'No proxy.');

  lines.push('', '## Readiness findings still open', '');
  if (summary.openFindings.length > 0) lines.push(...summary.openFindings.map((f) => `- **${markdownText(f.vmName)}** (${f.area}): ${markdownText(f.text)}`));
  else lines.push('None.');

  lines.push('', '## Operation journal', '');
  if (summary.journal.length > 0) {
    lines.push(
      ...table(
        ['Time', 'Operation', 'Target', 'Result', 'Request IDs'],
        summary.journal.map((j) => [j.at, j.operation, j.target, j.detail ? `${j.result}: ${j.detail}` : j.result, j.requestIds.join(', ')]),
      ),
    );
  } else lines.push('No writes were recorded in this browser.');
  lines.push('');
  return lines.join('\n');
}

/** The summary as JSON: the same facts, for tools. */
export function summaryToJson(summary: SetupSummary): string {
  const { policy, ...rest } = summary;
  return `${jsonText({ ...rest, policy: policy && { ...policy, properties: policy.properties ? policyJson(policy.properties) : null } })}\n`;
}
