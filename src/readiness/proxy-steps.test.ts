import { describe, expect, it } from 'vitest';
import { proxyInputProblems, proxySteps, type ProxySteps, type StepBlock } from './proxy-steps.ts';

function stepsFor(input: Parameters<typeof proxySteps>[0]): ProxySteps {
  const result = proxySteps(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.steps;
}
const allText = (blocks: StepBlock[]) => blocks.map((b) => `${b.text}\n${b.code ?? ''}`).join('\n');

describe('proxySteps', () => {
  const steps = stepsFor({ proxyIp: '10.0.0.5', proxyPort: '8080', nsgName: 'NSG-lockdown', resourceGroup: 'network-rg' });

  it('fills the proxy into the Linux files', () => {
    expect(steps.linux.map((b) => b.code)).toContain('http_proxy=http://10.0.0.5:8080');
    expect(steps.linux.map((b) => b.code)).toContain('HttpProxy.Host=10.0.0.5\nHttpProxy.Port=8080');
  });

  it('gives the Windows PsExec step and a registry copy to Local System with straight quotes', () => {
    const text = allText(steps.windows);
    expect(text).toContain('psexec -i -s "c:\\Program Files\\Internet Explorer\\iexplore.exe"');
    expect(text).toContain('Address to 10.0.0.5 and Port to 8080');
    expect(text).toContain('Registry::HKEY_USERS\\S-1-5-18\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\Connections');
    expect(text).toContain('-Name DefaultConnectionSettings -Value $obj.DefaultConnectionSettings');
    expect(text).not.toMatch(/[“”‘’]/);
  });

  it("opens the proxy's port in its firewall", () => {
    const text = allText(steps.proxyFirewall);
    expect(text).toContain('Specific Ports: 8080');
    expect(text).toContain('New-NetFirewallRule');
    expect(text).toContain('-LocalPort 8080');
  });

  it('adds the allow-proxy NSG rule with the Az module and the CLI', () => {
    const [ps, cli] = steps.nsgRule;
    expect(ps?.code).toBe([
      "Get-AzNetworkSecurityGroup -Name 'NSG-lockdown' -ResourceGroupName 'network-rg' |",
      "  Add-AzNetworkSecurityRuleConfig -Name 'allow-proxy' -Access Allow -Protocol Tcp -Direction Outbound -Priority 200 -SourceAddressPrefix '10.0.0.5/32' -SourcePortRange '*' -DestinationAddressPrefix Internet -DestinationPortRange '80-443' |",
      '  Set-AzNetworkSecurityGroup',
    ].join('\n'));
    expect(cli?.code).toContain("--nsg-name 'NSG-lockdown'");
    expect(cli?.code).toContain("--source-address-prefixes '10.0.0.5/32'");
  });

  it('notes that authenticated proxies (407) are not supported', () => {
    expect(steps.notes.map((n) => n.text).join(' ')).toContain('(407) Proxy Authentication Required');
    expect(steps.notes.map((n) => n.text).join(' ')).toContain("Authenticated proxies aren't supported");
  });

  it('uses placeholders for names not given, and a chosen priority', () => {
    const s = stepsFor({ proxyIp: '192.168.10.4', proxyPort: 3128, priority: 4000 });
    expect(s.nsgRule[0]?.code).toContain("-Name '<NSG name>' -ResourceGroupName '<resource group>'");
    expect(s.nsgRule[0]?.code).toContain('-Priority 4000');
    expect(s.linux[0]?.code).toBe('http_proxy=http://192.168.10.4:3128');
  });
});

describe('proxyInputProblems', () => {
  it('accepts good input', () => {
    expect(proxyInputProblems({ proxyIp: '10.0.0.5', proxyPort: '1' })).toEqual([]);
    expect(proxyInputProblems({ proxyIp: ' 10.0.0.5 ', proxyPort: 65535 })).toEqual([]);
  });

  it.each([
    [{ proxyIp: '', proxyPort: '8080' }, 'proxyIp'],
    [{ proxyIp: '10.0.0.256', proxyPort: '8080' }, 'proxyIp'],
    [{ proxyIp: 'proxy.contoso.example', proxyPort: '8080' }, 'proxyIp'],
    [{ proxyIp: '0.0.0.0', proxyPort: '8080' }, 'proxyIp'],
    [{ proxyIp: '10.0.0.5', proxyPort: '0' }, 'proxyPort'],
    [{ proxyIp: '10.0.0.5', proxyPort: '65536' }, 'proxyPort'],
    [{ proxyIp: '10.0.0.5', proxyPort: '80a' }, 'proxyPort'],
    [{ proxyIp: '10.0.0.5', proxyPort: '' }, 'proxyPort'],
    [{ proxyIp: '10.0.0.5', proxyPort: '8080', nsgName: "nsg'; rm" }, 'nsgName'],
    [{ proxyIp: '10.0.0.5', proxyPort: '8080', resourceGroup: 'rg.' }, 'resourceGroup'],
    [{ proxyIp: '10.0.0.5', proxyPort: '8080', priority: 99 }, 'priority'],
  ])('rejects %o in %s', (input, field) => {
    const result = proxySteps(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.field)).toEqual([field]);
  });
});
