// All four exports with the hostile values of the contoso fixture (resource group "rg-ops(legacy)", its
// owner tag and the description of its NSG rule: markup, $(…), backticks, quotes, ;, |, parentheses and a
// right-to-left override), as a summary of a vault created in that group would carry them.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryStore, DEFAULT_FIXTURE_PATH, loadFixtureFile } from '../../../emulator/state/store.ts';
import { bicepString, markdownText } from './escape.ts';
import { summaryToBicep } from './export-bicep.ts';
import { summaryToAzCli } from './export-cli.ts';
import { summaryToJson, summaryToMarkdown } from './summary-markdown.ts';
import type { SetupSummary, SummaryRule } from './summary-model.ts';
import { summaryFixture } from './summary.fixture.ts';

const SUB = '8c6b1f3e-2a4d-4f5b-9e7c-0a1b2c3d4e5f';
const RG = 'rg-ops(legacy)';
const RG_ID = `/subscriptions/${SUB}/resourceGroups/${RG}`;
const NSG_ID = `${RG_ID}/providers/Microsoft.Network/networkSecurityGroups/nsg-ops`;
const RLO = '\u202E';

const store = createMemoryStore(loadFixtureFile(DEFAULT_FIXTURE_PATH));
const group = store.get(RG_ID);
const wireRule = store.get(`${NSG_ID}/securityRules/allow-ops-443`);
const HOSTILE = (group?.tags as Record<string, string> | undefined)?.['owner'] ?? '';
const ruleProperties = (wireRule?.properties ?? {}) as Record<string, string | number>;

/** The summary of a vault created in the hostile group, protecting a VM there, with its NSG rule and hostile display names. */
function hostileSummary(): SetupSummary {
  const summary = summaryFixture();
  const vaultId = `${RG_ID}/providers/Microsoft.RecoveryServices/vaults/rsv-ops-weu`;
  summary.tenant.name = HOSTILE;
  summary.account.name = HOSTILE;
  summary.subscription.name = HOSTILE;
  summary.vault = { ...summary.vault, id: vaultId, name: 'rsv-ops-weu', resourceGroup: RG };
  const [vm] = summary.protectedVms;
  if (vm) summary.protectedVms = [{ ...vm, vmResourceGroup: RG, vmId: `${RG_ID}/providers/Microsoft.Compute/virtualMachines/web-01` }];
  const rule: SummaryRule = {
    id: String(wireRule?.id),
    name: String(wireRule?.name),
    nsgId: NSG_ID,
    nsgName: 'nsg-ops',
    nsgResourceGroup: RG,
    purpose: 'allow',
    rule: {
      priority: Number(ruleProperties['priority']),
      direction: String(ruleProperties['direction']),
      access: String(ruleProperties['access']),
      protocol: String(ruleProperties['protocol']),
      sourceAddressPrefix: String(ruleProperties['sourceAddressPrefix']),
      sourcePortRange: String(ruleProperties['sourcePortRange']),
      destinationAddressPrefix: String(ruleProperties['destinationAddressPrefix']),
      destinationPortRange: String(ruleProperties['destinationPortRange']),
      description: String(ruleProperties['description']),
      provisioningState: 'Succeeded',
    },
  };
  summary.nsgRules = [rule];
  summary.openFindings = [{ vmName: 'web-01', area: 'Network', text: HOSTILE }];
  return summary;
}

const work = mkdtempSync(join(tmpdir(), 'hostile-exports-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs a script with `az` replaced by a function that records its arguments, one per line; returns them. */
function azArgumentsOf(script: string): string[][] {
  const file = join(work, 'script.sh');
  const out = join(work, 'az-calls');
  writeFileSync(file, script);
  writeFileSync(out, '');
  execFileSync('bash', ['-c', `az() { printf '%s\\0' "$@" >> "$AZ_OUT"; printf '\\n' >> "$AZ_OUT"; }; source "$0"`, file], {
    cwd: work,
    env: { ...process.env, AZ_OUT: out },
  });
  return readFileSync(out, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((call) => call.split('\0').filter((_, i, all) => i < all.length - 1));
}

// CI must have shellcheck (.ci/run and scripts/ensure-tools.ts install Debian's package); elsewhere it may be missing.
const skipShellcheck = spawnSync('shellcheck', ['--version']).status !== 0 && !process.env['CI'];
if (skipShellcheck) console.warn('hostile-exports: shellcheck is not installed, so the CLI script is not linted (apt-get install shellcheck).');

describe('the fixture', () => {
  it('holds the hostile values in places Azure allows them', () => {
    expect(group?.name).toBe(RG);
    for (const piece of ['<img src=x onerror=alert(1)>', '$(touch /tmp/pwned)', '`id`', "it's", '"ops"', ';', '(a|b)', RLO]) {
      expect(HOSTILE).toContain(piece);
    }
    expect(ruleProperties['description']).toBe(HOSTILE);
  });
});

describe('exports with hostile names', () => {
  const summary = hostileSummary();

  it('JSON keeps every value exact and shows the bidi override as an escape', () => {
    const json = summaryToJson(summary);
    expect(json).not.toContain(RLO);
    expect(json).toContain('\\u202e');
    const parsed = JSON.parse(json) as SetupSummary;
    expect(parsed.account.name).toBe(HOSTILE);
    expect(parsed.vault.resourceGroup).toBe(RG);
    expect(parsed.nsgRules[0]?.rule?.description).toBe(HOSTILE);
  });

  it('Markdown carries no raw HTML or bidi control, and its tables keep their columns', () => {
    const md = summaryToMarkdown(summary);
    expect(md).not.toMatch(/<img|<\/?[a-z]/i);
    expect(md).not.toContain(RLO);
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(md).toContain('\\[U+202E\\]gpj.exe');
    expect(md).toContain(`| Account | ${markdownText(HOSTILE)} (alice@contoso.example) |`);
    // A row of the NSG table has 11 cells: 12 pipes that are not escaped.
    const row = md.split('\n').find((line) => line.startsWith('| allow-ops-443 '));
    expect(row?.match(/(?<!\\)\|/g)).toHaveLength(12);
    expect(md).toContain('`id`'.replace(/`/g, '\\`'));
  });

  it('the az CLI script passes bash -n, and every value reaches az exactly as Azure holds it', () => {
    const script = summaryToAzCli(summary);
    expect(script).not.toContain(RLO);
    execFileSync('bash', ['-n'], { input: script });
    const calls = azArgumentsOf(script);
    const rule = calls.find((args) => args.slice(0, 4).join(' ') === 'network nsg rule create');
    expect(rule?.[rule.indexOf('--description') + 1]).toBe(HOSTILE);
    expect(rule?.[rule.indexOf('--resource-group') + 1]).toBe(RG);
    const vault = calls.find((args) => args.slice(0, 3).join(' ') === 'backup vault create');
    expect(vault?.[vault.indexOf('--resource-group') + 1]).toBe(RG);
  });

  it.skipIf(skipShellcheck)('the az CLI script passes shellcheck with no warnings', () => {
    const file = join(work, 'backup-setup.sh');
    writeFileSync(file, summaryToAzCli(summary));
    const result = spawnSync('shellcheck', ['--severity=style', file], { encoding: 'utf8' });
    expect(result.error, 'shellcheck must be installed in CI (Debian package shellcheck)').toBeUndefined();
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('Bicep: the deploy command in its header runs in a shell, and strings and comments show the bidi override', () => {
    const bicep = summaryToBicep(summary);
    expect(bicep).not.toContain(RLO);
    const deploy = bicep.split('\n').find((line) => line.startsWith('//   az deployment group create'))?.slice('//   '.length) ?? '';
    execFileSync('bash', ['-n'], { input: deploy });
    const [args] = azArgumentsOf(deploy);
    expect(args?.[args.indexOf('--resource-group') + 1]).toBe(RG);
    expect(args?.[args.indexOf('--template-file') + 1]).toBe('backup-setup-rsv-ops-weu.bicep');
    expect(bicep).toContain(`sourceResourceId: '${RG_ID}/providers/Microsoft.Compute/virtualMachines/web-01'`);
    expect(bicepString(HOSTILE)).toBe(
      "'<img src=x onerror=alert(1)> $(touch /tmp/pwned); `id` it\\'s \"ops\" (a|b) *x* \\u{202E}gpj.exe'",
    );
    expect(bicepString('${x}\r\n\t')).toBe("'\\${x}\\r\\n\\t'");
  });
});
