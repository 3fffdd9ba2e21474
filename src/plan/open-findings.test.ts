import { describe, expect, it } from 'vitest';
import { initialAgent } from '../store/agent-slice.ts';
import { initialNetwork } from '../store/network-slice.ts';
import { initialVms } from '../store/vms-slice.ts';
import { openFindings, openFindingText } from './open-findings.ts';

const VM = (name: string) => `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/${name}`;
const at = '2026-11-25T10:00:00.000Z';

describe('openFindings', () => {
  const state = {
    vms: {
      ...initialVms,
      selectedIds: [VM('tiny'), VM('agent'), VM('net'), VM('platform')],
      summaries: { [VM('tiny')]: { name: 'tiny', resourceGroup: 'rg', verdict: 'attention' as const, attention: ['vm-size'], accepted: ['vm-size'] } },
    },
    agent: {
      ...initialAgent,
      results: { [VM('agent').toLowerCase()]: { level: 'attention' as const, warnings: ['agent-not-ready'], checkedAt: at } },
      acknowledged: { [VM('agent').toLowerCase()]: ['agent-not-ready'] },
    },
    network: {
      ...initialNetwork,
      results: {
        [VM('net').toLowerCase()]: { verdict: 'attention' as const, path: 'denied' as const, findings: ['network-outbound-denied'], checkedAt: at },
        [VM('platform').toLowerCase()]: { verdict: 'blocked' as const, path: 'open' as const, findings: ['network-platform-address'], checkedAt: at },
      },
      acknowledged: [VM('net').toLowerCase()],
    },
  };

  it('lists what each step found per VM, with whether it was accepted', () => {
    expect(openFindings(state).map((f) => [f.vmName, f.area, f.ruleId, f.verdict, f.accepted])).toEqual([
      ['tiny', 'Virtual machine', 'vm-size', 'attention', true],
      ['agent', 'Agent', 'agent-not-ready', 'attention', true],
      ['net', 'Network', 'network-outbound-denied', 'attention', true],
      ['platform', 'Network', 'network-platform-address', 'blocked', false],
    ]);
  });

  it('words a finding with the verdict label, its title, the acceptance and the proxy', () => {
    const [tiny, agent, net] = openFindings(state);
    expect(tiny && openFindingText(tiny)).toBe('Needs attention: VM size below the supported minimum (accepted).');
    expect(agent && openFindingText(agent)).toBe(`Needs attention: The VM agent is not ready (accepted), as of ${at}.`);
    expect(net && openFindingText(net, { ip: '10.0.0.5', port: 3128 })).toBe(
      `Needs attention: Outbound HTTPS to Azure Storage is denied (accepted); backup traffic goes through proxy 10.0.0.5:3128, as of ${at}.`,
    );
  });
});
