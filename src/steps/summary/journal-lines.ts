import type { JournalEntry, WriteKind } from '../../journal/types.ts';
import type { SummaryJournalLine } from './summary-model.ts';

const OPERATIONS: Record<WriteKind, string> = {
  'resourceGroup.put': 'Create resource group',
  'vault.put': 'Create vault',
  'vault.patch': 'Set vault security settings',
  'storageConfig.patch': 'Set storage replication',
  'storageConfig.put': 'Set storage replication',
  'policy.put': 'Create backup policy',
  'provider.register': 'Register resource provider',
  'nsgRule.put': 'Add NSG rule',
  'protectedItem.put': 'Enable protection',
  'backup.trigger': 'Back up now',
};

const RESULTS = { succeeded: 'Succeeded', failed: 'Failed', unknown: 'Unknown' } as const;

/** The journal as the Summary prints it: oldest first, one line per write, with every id support may ask for. */
export function journalLines(entries: readonly JournalEntry[]): SummaryJournalLine[] {
  return entries.map((entry) => {
    const result = entry.result;
    const ids = [entry.requestId, result?.requestId].filter((id): id is string => typeof id === 'string' && id !== '');
    const detail = result
      ? [result.code && result.message ? `${result.code}: ${result.message}` : (result.code ?? result.message), result.jobId ? `job ${result.jobId}` : undefined]
          .filter((part): part is string => typeof part === 'string' && part !== '')
          .join('; ')
      : entry.operationUrl
        ? 'accepted by Azure; its outcome was not seen in this browser yet'
        : '';
    return {
      at: entry.at,
      operation: `${OPERATIONS[entry.kind]} (${entry.method})`,
      target: entry.target,
      result: result ? RESULTS[result.outcome] : 'In flight',
      detail: detail === '' ? null : detail,
      requestIds: [...new Set(ids)],
    };
  });
}

/**
 * The journal entries of this setup: writes to the vault and what lies in it, its resource group, the NSG rules
 * the setup added, and provider registration. A finished region's writes belong to that region's summary.
 */
export function journalForSetup(
  entries: readonly JournalEntry[],
  setup: { vaultId: string; ruleIds: readonly string[] },
): JournalEntry[] {
  const vault = setup.vaultId.toLowerCase();
  const group = vault.replace(/\/providers\/microsoft\.recoveryservices\/vaults\/[^/]+$/, '');
  const rules = new Set(setup.ruleIds.map((id) => id.toLowerCase()));
  return entries.filter((entry) => {
    const target = entry.target.toLowerCase();
    return (
      target === vault ||
      target.startsWith(`${vault}/`) ||
      (entry.kind === 'resourceGroup.put' && target === group) ||
      rules.has(target) ||
      entry.kind === 'provider.register'
    );
  });
}
