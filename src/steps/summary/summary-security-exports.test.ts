import { describe, expect, it } from 'vitest';
import { summaryToBicep } from './export-bicep.ts';
import { summaryToAzCli } from './export-cli.ts';
import { summaryToJson, summaryToMarkdown } from './summary-markdown.ts';
import { summaryFixture } from './summary.fixture.ts';

// The fixture's vault: soft delete always on for 30 days, immutability Locked, cross-subscription restore
// disabled, public access and job-failure alerts on, no Resource Guard.
describe('vault security in the summary exports', () => {
  it('Markdown: one row per setting, in words, and multi-user authorization', () => {
    const md = summaryToMarkdown(summaryFixture());
    expect(md).toContain('## Vault security');
    expect(md).toContain('| Soft delete | Always on (irreversible) |');
    expect(md).toContain('| Soft delete retention | 30 days |');
    expect(md).toContain('| Immutability | On and locked (irreversible) |');
    expect(md).toContain('| Cross-subscription restore | Not allowed |');
    expect(md).toContain('| Multi-user authorization | Not protected by a Resource Guard |');
  });

  it('JSON: the settings as Azure names them', () => {
    expect(JSON.parse(summaryToJson(summaryFixture())).security).toMatchObject({ softDeleteState: 'AlwaysON', softDeleteRetentionDays: 30, immutability: 'Locked', resourceGuardId: null });
  });

  it('az CLI: the real flags; created Unlocked, then locked; soft delete through backup-properties', () => {
    const script = summaryToAzCli(summaryFixture());
    expect(script).toContain("  --public-network-access 'Enable' \\\n  --immutability-state 'Unlocked' \\\n  --cross-subscription-restore-state 'Disable' \\\n  --job-failure-alerts 'Enable'");
    expect(script).toContain("az backup vault backup-properties set \\\n  --resource-group 'rg-backup' \\\n  --name 'rsv-prod-weu' \\\n  --soft-delete-feature-state 'AlwaysOn' \\\n  --soft-delete-duration '30'");
    expect(script).toContain("# Lock immutability: this can never be undone.\naz backup vault update \\\n  --resource-group 'rg-backup' \\\n  --name 'rsv-prod-weu' \\\n  --immutability-state 'Locked'");
    expect(script.indexOf("--immutability-state 'Locked'")).toBeGreaterThan(script.indexOf('az backup vault create'));
  });

  it('az CLI: no lock step for a vault that is not Locked', () => {
    const summary = summaryFixture();
    summary.security = { ...summary.security, immutability: 'Unlocked', softDeleteState: 'Enabled', crossSubscriptionRestore: 'PermanentlyDisabled' };
    const script = summaryToAzCli(summary);
    expect(script).not.toContain('az backup vault update');
    expect(script).toContain("--immutability-state 'Unlocked'");
    expect(script).toContain("--cross-subscription-restore-state 'PermanentlyDisable'");
    expect(script).toContain("--soft-delete-feature-state 'Enable'");
  });

  it('Bicep: the vault properties, and a parameter that locks immutability only when asked', () => {
    const bicep = summaryToBicep(summaryFixture());
    expect(bicep).toContain("@description('Lock the vault\\'s immutability (irreversible). Leave false on the first deployment.')\nparam lockImmutability bool = false");
    expect(bicep).toContain("        softDeleteState: 'AlwaysON'\n        softDeleteRetentionPeriodInDays: 30");
    expect(bicep).toContain("        state: lockImmutability ? 'Locked' : 'Unlocked'");
    expect(bicep).toContain("        crossSubscriptionRestoreState: 'Disabled'");
    expect(bicep).toContain("        alertsForAllJobFailures: 'Enabled'");
    const summary = summaryFixture();
    summary.security = { ...summary.security, immutability: 'Disabled' };
    const plain = summaryToBicep(summary);
    expect(plain).not.toContain('lockImmutability');
    expect(plain).toContain("        state: 'Disabled'");
  });
});
