import { describe, expect, it } from 'vitest';
import { buildVmRows } from '../../azure/vm-facts.ts';
import { contosoStore, inventoryFrom, PROD_VAULT } from '../../azure/vm-facts.fixture.ts';
import { toView, type VmView } from './vm-view.ts';

const views = buildVmRows(inventoryFrom(contosoStore())).map((row) => toView(row, PROD_VAULT));
const view = (name: string): VmView => {
  const found = views.find((v) => v.name === name);
  if (!found) throw new Error(`no VM ${name}`);
  return found;
};

describe('toView on the contoso fixture', () => {
  it('labels the happy path', () => {
    expect(view('web-01')).toMatchObject({
      os: 'Windows Server 2022',
      osGroup: 'windows',
      power: 'Running',
      agent: 'Ready (2.7.41491.1102)',
      network: 'Open',
      protection: 'Unprotected',
      verdict: 'ready',
      reason: 'No problems found.',
      whyNot: null,
    });
    expect(view('app-linux-01').os).toBe('Ubuntu 22.04');
  });

  it('says why a VM cannot be selected for this vault', () => {
    expect(view('neu-app-01').whyNot).toBe('Needs a vault in northeurope');
    expect(view('neu-app-01').reason).toBe('Needs a vault in northeurope');
    expect(view('neu-app-01').agent).toBe('Not read (other region)');
    expect(view('neu-app-01').protection).toBe('Not checked');
    expect(view('protected-01').whyNot).toBe('Protected by rsv-legacy-weu');
    expect(view('protected-01').protection).toBe('Protected by rsv-legacy-weu');
    expect(view('bigdata-01').whyNot).toMatch(/^Blocked: This VM has 40 data disks/);
    expect(view('coreos-01').whyNot).toMatch(/^Blocked: .*CoreOS/);
    expect(view('legacy-2008').whyNot).toMatch(/^Blocked: Windows Server 2008 is older/);
    // Azure accepts protection without a working agent: it needs attention, accepted on the VM agent step.
    expect(view('agent-missing-01')).toMatchObject({ whyNot: null, verdict: 'attention', attention: [] });
    expect(view('agent-missing-01').laterAttention.map((f) => f.ruleId)).toEqual(['agent-not-installed']);
  });

  it('keeps VMs that need attention selectable and says why on the row', () => {
    expect(view('blocked-443-01')).toMatchObject({ verdict: 'attention', whyNot: null, network: 'HTTPS denied by nsg-snet-locked', networkStatus: 'denied' });
    expect(view('blocked-443-01').reason).toMatch(/NSG nsg-snet-locked denies outbound HTTPS/);
    expect(view('custom-linux-01')).toMatchObject({ verdict: 'attention', os: 'Linux (arch)', osGroup: 'linux' });
    expect(view('custom-linux-01').reason).toMatch(/isn't on Azure's endorsed list/);
    expect(view('old-agent-01').reason).toMatch(/2\.6\.1198\.600/);
  });

  it('asks for acceptance here only of what no later step checks again', () => {
    // The OS is judged only here: accepted when selecting.
    expect(view('custom-linux-01').attention.map((f) => f.ruleId)).toEqual(['os-linux-unendorsed']);
    // The network and the agent are checked again, and accepted, on their own steps.
    expect(view('blocked-443-01')).toMatchObject({ attention: [], laterAttention: [{ ruleId: 'network-outbound-denied', area: 'network' }] });
    expect(view('old-agent-01')).toMatchObject({ attention: [], laterAttention: [{ ruleId: 'agent-outdated', area: 'agent' }] });
  });

  it('shows the note worth reading on ready VMs', () => {
    expect(view('stopped-01')).toMatchObject({ verdict: 'ready', power: 'Deallocated', agent: 'Unknown (VM not running)' });
    expect(view('stopped-01').reason).toMatch(/backed up offline/);
    expect(view('lb-web-01').reason).toMatch(/load balancer/);
    expect(view('dc-01').reason).toMatch(/tagged as a domain controller/);
  });
});
