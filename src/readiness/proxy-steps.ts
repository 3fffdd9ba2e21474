// The guide's "Using an HTTP proxy for VM backups", as copyable steps with the user's values filled in.
// Changes from the guide: straight quotes in the PowerShell (its curly quotes don't paste), the Az
// module instead of the retired Azure Service Management cmdlets, and today's note on proxy auth.

import { resourceGroupNameProblems } from '../shared/names.ts';
import { parseIpv4 } from './ip.ts';
import { MAX_PRIORITY, MIN_PRIORITY } from './nsg-proposals.ts';
import { guide2016, prepareToday, supportMatrix, type Source } from './sources.ts';

export type ProxyInput = {
  proxyIp: string;
  proxyPort: string | number;
  /** The NSG that locks the network down; a placeholder is shown when absent. */
  nsgName?: string;
  resourceGroup?: string;
  priority?: number;
};

export type ProxyField = keyof ProxyInput;
export type InputProblem = { field: ProxyField; message: string };

export type StepBlock = { text: string; code?: string; language?: 'cmd' | 'powershell' | 'shell' | 'ini' };

export type ProxySteps = {
  windows: StepBlock[];
  linux: StepBlock[];
  proxyFirewall: StepBlock[];
  nsgRule: StepBlock[];
  notes: { text: string; source: Source }[];
  source: Source;
};

const NSG_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,78}[A-Za-z0-9_])?$/;

export function proxyInputProblems(input: ProxyInput): InputProblem[] {
  const problems: InputProblem[] = [];
  const ip = input.proxyIp.trim();
  if (ip === '') problems.push({ field: 'proxyIp', message: "Enter the proxy VM's IP address." });
  else if (parseIpv4(ip) === undefined || ip === '0.0.0.0') {
    problems.push({ field: 'proxyIp', message: 'Enter an IPv4 address such as 10.0.0.5 (four numbers from 0 to 255).' });
  }
  const port = String(input.proxyPort).trim();
  if (port === '') problems.push({ field: 'proxyPort', message: 'Enter the port the proxy listens on.' });
  else if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
    problems.push({ field: 'proxyPort', message: 'Enter a port from 1 to 65535.' });
  }
  if (input.nsgName !== undefined && !NSG_NAME.test(input.nsgName)) {
    problems.push({ field: 'nsgName', message: 'Use 1 to 80 letters, digits, underscores, periods or hyphens; start with a letter or digit.' });
  }
  if (input.resourceGroup !== undefined) {
    for (const p of resourceGroupNameProblems(input.resourceGroup)) problems.push({ field: 'resourceGroup', message: p.message });
  }
  const priority = input.priority;
  if (priority !== undefined && (!Number.isInteger(priority) || priority < MIN_PRIORITY || priority > MAX_PRIORITY)) {
    problems.push({ field: 'priority', message: `Use a whole number from ${MIN_PRIORITY} to ${MAX_PRIORITY}.` });
  }
  return problems;
}

export function proxySteps(input: ProxyInput): { ok: true; steps: ProxySteps } | { ok: false; problems: InputProblem[] } {
  const problems = proxyInputProblems(input);
  if (problems.length > 0) return { ok: false, problems };
  const ip = input.proxyIp.trim();
  const port = String(Number(String(input.proxyPort).trim()));
  const v = { ip, port, nsg: input.nsgName ?? '<NSG name>', rg: input.resourceGroup ?? '<resource group>', priority: input.priority ?? 200 };
  return {
    ok: true,
    steps: {
      windows: windowsSteps(v),
      linux: linuxSteps(v),
      proxyFirewall: firewallSteps(v),
      nsgRule: nsgSteps(v),
      notes: [
        {
          text: 'If the proxy log shows "(407) Proxy Authentication Required", the proxy asks the VM to sign in. Authenticated proxies aren\'t supported for VM backup: let the VMs through without authentication.',
          source: prepareToday('Network connectivity'),
        },
        {
          text: "A Linux VM that uses a proxy needs Python 2.7 or later for backup.",
          source: supportMatrix('Operating system support (Linux)'),
        },
      ],
      source: guide2016('Using an HTTP proxy for VM backups'),
    },
  };
}

type Values = { ip: string; port: string; nsg: string; rg: string; priority: number };

const INTERNET_SETTINGS = 'Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings';

function windowsSteps({ ip, port }: Values): StepBlock[] {
  const user = `Registry::HKEY_CURRENT_USER\\${INTERNET_SETTINGS}`;
  const system = `Registry::HKEY_USERS\\S-1-5-18\\${INTERNET_SETTINGS}`;
  const copy = [
    `# Copies your account's proxy settings (set them to ${ip}:${port} first) to Local System (S-1-5-18).`,
    `$obj = Get-ItemProperty -Path "${user}\\Connections"`,
    `Set-ItemProperty -Path "${system}\\Connections" -Name DefaultConnectionSettings -Value $obj.DefaultConnectionSettings`,
    `Set-ItemProperty -Path "${system}\\Connections" -Name SavedLegacySettings -Value $obj.SavedLegacySettings`,
    `$obj = Get-ItemProperty -Path "${user}"`,
    `Set-ItemProperty -Path "${system}" -Name ProxyEnable -Value $obj.ProxyEnable`,
    `Set-ItemProperty -Path "${system}" -Name ProxyServer -Value $obj.ProxyServer`,
  ].join('\n');
  return [
    { text: 'Download PsExec (https://learn.microsoft.com/sysinternals/downloads/psexec) to the VM.' },
    {
      text: 'From an elevated command prompt, open Internet Explorer as Local System:',
      code: 'psexec -i -s "c:\\Program Files\\Internet Explorer\\iexplore.exe"',
      language: 'cmd',
    },
    {
      text: `In Internet Explorer open Tools > Internet Options > Connections > LAN settings, select "Use a proxy server", set Address to ${ip} and Port to ${port}, then close Internet Explorer. This sets a machine-wide proxy for outgoing HTTP and HTTPS.`,
    },
    { text: 'If you already set this proxy for your own account, copy it to Local System instead with this PowerShell (run as administrator):', code: copy, language: 'powershell' },
  ];
}

function linuxSteps({ ip, port }: Values): StepBlock[] {
  return [
    { text: 'Add this line to /etc/environment:', code: `http_proxy=http://${ip}:${port}`, language: 'ini' },
    { text: 'Add these lines to /etc/waagent.conf (replace any existing HttpProxy lines):', code: `HttpProxy.Host=${ip}\nHttpProxy.Port=${port}`, language: 'ini' },
    {
      text: 'Restart the VM agent so it reads the new settings (the service is walinuxagent on Ubuntu and Debian, waagent on most others):',
      code: 'sudo systemctl restart walinuxagent || sudo systemctl restart waagent',
      language: 'shell',
    },
  ];
}

function firewallSteps({ port }: Values): StepBlock[] {
  return [
    { text: 'On the proxy VM, open "Windows Defender Firewall with Advanced Security".' },
    { text: 'Right-click Inbound Rules and choose New Rule. Choose Custom, then All programs.' },
    { text: `On Protocol and Ports choose TCP, set Local port to Specific Ports: ${port}, and Remote port to All Ports. Finish the wizard and name the rule.` },
    {
      text: 'Or run this PowerShell on the proxy VM as administrator:',
      code: `New-NetFirewallRule -DisplayName 'Backup proxy (TCP ${port})' -Direction Inbound -Protocol TCP -LocalPort ${port} -Action Allow`,
      language: 'powershell',
    },
  ];
}

function nsgSteps({ ip, nsg, rg, priority }: Values): StepBlock[] {
  const ps = [
    `Get-AzNetworkSecurityGroup -Name '${nsg}' -ResourceGroupName '${rg}' |`,
    `  Add-AzNetworkSecurityRuleConfig -Name 'allow-proxy' -Access Allow -Protocol Tcp -Direction Outbound -Priority ${priority} -SourceAddressPrefix '${ip}/32' -SourcePortRange '*' -DestinationAddressPrefix Internet -DestinationPortRange '80-443' |`,
    '  Set-AzNetworkSecurityGroup',
  ].join('\n');
  const cli = [
    `az network nsg rule create --resource-group '${rg}' --nsg-name '${nsg}' --name allow-proxy \\`,
    `  --priority ${priority} --direction Outbound --access Allow --protocol Tcp \\`,
    `  --source-address-prefixes '${ip}/32' --source-port-ranges '*' --destination-address-prefixes Internet --destination-port-ranges 80-443`,
  ].join('\n');
  return [
    { text: `Let the proxy VM reach the Internet: add an outbound rule to NSG ${nsg} allowing TCP from ${ip}/32 to Internet on ports 80-443 (priority ${priority}). With Azure PowerShell (Az module):`, code: ps, language: 'powershell' },
    { text: 'Or with the Azure CLI:', code: cli, language: 'shell' },
  ];
}
