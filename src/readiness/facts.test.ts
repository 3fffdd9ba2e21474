import { describe, expect, it } from 'vitest';
import { agentFrom, extensionsFrom, powerStateFrom, type InstanceViewLike } from './facts.ts';

const PROVISIONED = { code: 'ProvisioningState/succeeded', level: 'Info', displayStatus: 'Provisioning succeeded' };
const power = (state: string) => ({ code: `PowerState/${state}`, level: 'Info', displayStatus: `VM ${state}` });
const READY_AGENT = {
  vmAgentVersion: '2.7.41491.949',
  statuses: [{ code: 'ProvisioningState/succeeded', level: 'Info', displayStatus: 'Ready', message: 'GuestAgent is running and accepting new configurations.' }],
};
const NOT_READY_AGENT = {
  vmAgentVersion: 'Unknown',
  statuses: [{ code: 'ProvisioningState/Unavailable', level: 'Warning', displayStatus: 'Not Ready', message: 'VM status blob is found but not yet populated.' }],
};
const WINDOWS_PROFILE = { windowsConfiguration: { provisionVMAgent: true } };

describe('powerStateFrom', () => {
  it.each(['running', 'stopped', 'deallocated', 'starting', 'stopping', 'deallocating'] as const)('reads PowerState/%s', (state) => {
    expect(powerStateFrom([PROVISIONED, power(state)])).toBe(state);
  });

  it('says unknown when no power state is reported or it is unfamiliar', () => {
    expect(powerStateFrom(undefined)).toBe('unknown');
    expect(powerStateFrom([PROVISIONED])).toBe('unknown');
    expect(powerStateFrom([power('hibernated')])).toBe('unknown');
  });
});

describe('agentFrom', () => {
  it('is ready when vmAgent reports displayStatus Ready, with its version', () => {
    const view: InstanceViewLike = { statuses: [PROVISIONED, power('running')], vmAgent: READY_AGENT };
    expect(agentFrom(view, WINDOWS_PROFILE)).toEqual({ status: 'ready', version: '2.7.41491.949', provisionVMAgent: true });
  });

  it('is notReady on "Not Ready", and drops the placeholder version "Unknown"', () => {
    const view: InstanceViewLike = { statuses: [PROVISIONED, power('running')], vmAgent: NOT_READY_AGENT };
    expect(agentFrom(view, WINDOWS_PROFILE)).toEqual({ status: 'notReady', provisionVMAgent: true });
  });

  it('is notReporting when a running VM was provisioned with the agent but no vmAgent is reported', () => {
    const view: InstanceViewLike = { statuses: [PROVISIONED, power('running')] };
    expect(agentFrom(view, { linuxConfiguration: { provisionVMAgent: true } }).status).toBe('notReporting');
    expect(agentFrom(view, undefined).status).toBe('notReporting');
  });

  it('is notInstalled when provisionVMAgent is false and nothing reports', () => {
    const view: InstanceViewLike = { statuses: [PROVISIONED, power('running')] };
    expect(agentFrom(view, { windowsConfiguration: { provisionVMAgent: false } })).toEqual({ status: 'notInstalled', provisionVMAgent: false });
  });

  it('says the status cannot be read when the VM is deallocated or stopped', () => {
    const deallocated: InstanceViewLike = { statuses: [PROVISIONED, power('deallocated')] };
    expect(agentFrom(deallocated, WINDOWS_PROFILE)).toEqual({ status: 'unknown', unknownReason: 'vmNotRunning', provisionVMAgent: true });
    const stopped: InstanceViewLike = { statuses: [PROVISIONED, power('stopped')], vmAgent: NOT_READY_AGENT };
    expect(agentFrom(stopped, { windowsConfiguration: { provisionVMAgent: false } })).toMatchObject({ status: 'unknown', provisionVMAgent: false });
  });

  it('tells a starting VM and an unknown power state apart', () => {
    expect(agentFrom({ statuses: [power('starting')] }, undefined).unknownReason).toBe('vmStarting');
    expect(agentFrom({ statuses: [PROVISIONED] }, undefined).unknownReason).toBe('powerStateUnknown');
  });
});

describe('extensionsFrom', () => {
  it('keeps each extension with its first status', () => {
    const view: InstanceViewLike = {
      extensions: [
        { name: 'VMSnapshot', type: 'Microsoft.Azure.RecoveryServices.VMSnapshot', statuses: [{ code: 'ProvisioningState/failed/-2147024891', level: 'Error', displayStatus: 'Provisioning failed' }] },
        { name: 'nameless' },
      ],
    };
    expect(extensionsFrom(view)).toEqual([
      { type: 'Microsoft.Azure.RecoveryServices.VMSnapshot', status: { code: 'ProvisioningState/failed/-2147024891', level: 'Error', displayStatus: 'Provisioning failed' } },
    ]);
  });
});
