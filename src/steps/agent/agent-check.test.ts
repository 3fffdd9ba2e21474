import { describe, expect, it } from 'vitest';
import { contosoStore, patchResource, storeReads, vmIdOf } from '../../azure/check-reads.fixture.ts';
import { AzureRequestError } from '../../azure/errors.ts';
import type { VmCheckRead } from '../../azure/vm-check-read.ts';
import { checkAgent, checkAgents, type AgentOutcome } from './agent-check.ts';
import type { AgentVmView } from './agent-view.ts';

const apps = (name: string) => vmIdOf('rg-apps', name);

async function viewOf(vmId: string, store = contosoStore()): Promise<AgentVmView> {
  const outcome = await checkAgent(storeReads(store).gateway, vmId);
  if (outcome.kind !== 'checked') throw new Error(`${vmId}: ${outcome.kind}`);
  return outcome.view;
}

const NOT_READY_AGENT = {
  vmAgentVersion: '2.11.1.12',
  statuses: [{ code: 'ProvisioningState/Unavailable', level: 'Warning', displayStatus: 'Not Ready', message: 'VM status blob is found but not yet populated.' }],
  extensionHandlers: [],
};

describe('agent view of one VM', () => {
  it('reads a healthy Windows VM as Ready', async () => {
    const view = await viewOf(vmIdOf('rg-web', 'web-01'));
    expect(view).toMatchObject({
      name: 'web-01',
      osType: 'Windows',
      powerState: 'running',
      statusLabel: 'Ready',
      provisioned: 'yes',
      level: 'ready',
      extension: { state: 'absent', name: 'VMSnapshot' },
      version: { belowMinimum: false, minimum: '2.7.41491.1010', guideMinimum: '2.6.1198.718' },
    });
    // The only finding is the note that the service installs the extension at the first backup.
    expect(view.findings.map((f) => [f.ruleId, f.severity])).toEqual([['backup-extension', 'info']]);
  });

  it('needs attention (Azure accepts protection) for a running VM whose agent is Not Ready, with the Windows remedy', async () => {
    const view = await viewOf(apps('agent-notready-01'));
    expect(view).toMatchObject({ statusLabel: 'Not ready', level: 'attention', warnings: ['agent-not-ready'] });
    const finding = view.findings.find((f) => f.ruleId === 'agent-not-ready');
    expect(finding?.remediation).toMatch(/WaAppAgent\.exe/);
    expect(finding?.remediation).toMatch(/MSI/);
    expect(finding?.remediation).toMatch(/while a backup is running/);
    expect(finding?.remediation).not.toMatch(/WALinuxAgent/);
  });

  it('gives a Linux VM the Linux remedy', async () => {
    const store = contosoStore();
    patchResource(store, apps('app-linux-01'), { properties: { instanceView: { vmAgent: NOT_READY_AGENT } } });
    const view = await viewOf(apps('app-linux-01'), store);
    expect(view).toMatchObject({ osType: 'Linux', statusLabel: 'Not ready', level: 'attention' });
    const remedy = view.findings.find((f) => f.ruleId === 'agent-not-ready')?.remediation ?? '';
    expect(remedy).toMatch(/WALinuxAgent/);
    expect(remedy).toMatch(/Extensions\.Enable=y/);
    expect(remedy).not.toMatch(/MSI/);
  });

  it('tells a VM created without the agent', async () => {
    const view = await viewOf(apps('agent-missing-01'));
    expect(view).toMatchObject({ statusLabel: 'Not installed', provisioned: 'no', level: 'attention', version: { text: 'Not reported' } });
    expect(view.findings[0]?.ruleId).toBe('agent-not-installed');
  });

  it("flags a Windows agent older than today's minimum as needing attention, which can be accepted", async () => {
    const view = await viewOf(apps('old-agent-01'));
    expect(view).toMatchObject({ level: 'attention', warnings: ['agent-outdated'], version: { text: '2.6.1198.600', belowMinimum: true, minimum: '2.7.41491.1010' } });
  });

  it("can't read the agent of a deallocated VM, and says it is backed up offline", async () => {
    const view = await viewOf(apps('stopped-01'));
    expect(view).toMatchObject({ powerState: 'deallocated', statusLabel: "Can't be read: the VM is deallocated", level: 'ready', extension: { state: 'unreported' } });
    expect(view.findings.map((f) => [f.ruleId, f.severity])).toEqual([['offline', 'info'], ['agent-status-unknown', 'info']]);
    expect(view.findings[0]?.message).toMatch(/crash-consistent/);
  });

  it('shows the backup extension where the agent reports it', async () => {
    expect((await viewOf(apps('protected-01'))).extension).toMatchObject({ state: 'present', name: 'VMSnapshot', status: 'Provisioning succeeded', failed: false });
    const failed = await viewOf(apps('ext-failed-01'));
    expect(failed.extension).toMatchObject({ state: 'present', name: 'VMSnapshotLinux', failed: true });
    expect(failed.level).toBe('attention');
    expect(failed.warnings).toContain('backup-extension');
  });

  it('reports a VM that no longer exists', async () => {
    await expect(checkAgent(storeReads(contosoStore()).gateway, apps('deleted-01'))).resolves.toEqual({ kind: 'gone' });
  });
});

describe('checking several VMs', () => {
  it('reads each VM once, whatever the list holds, and reports each as it arrives', async () => {
    const { gateway, calls } = storeReads(contosoStore());
    const ids = [apps('agent-notready-01'), vmIdOf('rg-web', 'web-01'), apps('AGENT-NOTREADY-01')];
    const outcomes: [string, AgentOutcome['kind']][] = [];
    await checkAgents(gateway, ids, (vmId, outcome) => outcomes.push([vmId, outcome.kind]));
    expect(calls).toEqual([`readVm ${ids[0]}`, `readVm ${ids[1]}`]);
    expect(outcomes.map(([, kind]) => kind)).toEqual(['checked', 'checked', 'checked']);
  });

  it('keeps the other VMs when one read fails', async () => {
    const base = storeReads(contosoStore()).gateway;
    const failing = apps('old-agent-01');
    const gateway = {
      readVmForChecks: (vmId: string) =>
        vmId === failing
          ? Promise.reject(new AzureRequestError({ kind: 'throttled', status: 429, code: 'TooManyRequests', message: 'Slow down.' }))
          : base.readVmForChecks(vmId),
    };
    const outcomes = new Map<string, AgentOutcome>();
    await checkAgents(gateway, [failing, vmIdOf('rg-web', 'web-01')], (vmId, outcome) => outcomes.set(vmId, outcome));
    expect(outcomes.get(failing)).toEqual({ kind: 'failed', error: { kind: 'throttled', status: 429, code: 'TooManyRequests', message: 'Slow down.' } });
    expect(outcomes.get(vmIdOf('rg-web', 'web-01'))?.kind).toBe('checked');
  });

  it('has at most the given number of reads in flight', async () => {
    const base = storeReads(contosoStore()).gateway;
    let inFlight = 0;
    let most = 0;
    const gateway = {
      async readVmForChecks(vmId: string): Promise<VmCheckRead | null> {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
        return base.readVmForChecks(vmId);
      },
    };
    const ids = ['web-01', 'lb-web-01', 'lb-web-02', 'multi-pip-01'].map((n) => vmIdOf('rg-web', n)).concat(['old-agent-01', 'rhel-01', 'sles-01'].map(apps));
    let count = 0;
    await checkAgents(gateway, ids, () => count++, 3);
    expect(count).toBe(ids.length);
    expect(most).toBe(3);
  });

  it('sees a changed agent when checked again', async () => {
    const store = contosoStore();
    const { gateway } = storeReads(store);
    const id = apps('agent-notready-01');
    expect((await checkAgent(gateway, id)).kind === 'checked').toBe(true);
    const ready = {
      vmAgentVersion: '2.7.41491.1102',
      statuses: [{ code: 'ProvisioningState/succeeded', level: 'Info', displayStatus: 'Ready' }],
      extensionHandlers: [],
    };
    patchResource(store, id, { properties: { instanceView: { vmAgent: ready } } });
    const again = await checkAgent(gateway, id);
    expect(again.kind === 'checked' && again.view.statusLabel).toBe('Ready');
    expect(again.kind === 'checked' && again.view.level).toBe('ready');
  });
});
