import { describe, expect, it } from 'vitest';
import type { DiskFacts } from './facts.ts';
import { agentlessProblems, enhancedReasons, policyFindings, sizeFeatures } from './policy-fit.ts';
import { vm } from './test-fixtures.ts';

const disk = (name: string, sku: string, extra: Partial<DiskFacts> = {}): DiskFacts => ({ name, lun: 0, sizeGB: 256, sku, writeAccelerator: false, ...extra });
const standard = { name: 'DefaultPolicy', policyType: 'V1' as const };
const enhanced = { name: 'EnhancedPolicy', policyType: 'V2' as const };

describe('enhancedReasons', () => {
  it("needs Enhanced for Trusted Launch below backup API 2025-01-01 only (the rule's API version)", () => {
    const tl = vm({ securityType: 'TrustedLaunch' });
    expect(enhancedReasons(tl, '2023-06-01')).toEqual(['Trusted Launch: a Standard policy needs backup API 2025-01-01 or later, and this wizard uses 2023-06-01']);
    expect(enhancedReasons(tl, '2025-01-01')).toEqual([]);
    expect(enhancedReasons(tl, '2025-02-01')).toEqual([]);
    expect(enhancedReasons(tl, undefined)).toHaveLength(1);
    expect(enhancedReasons(vm({ securityType: 'Standard' }), '2023-06-01')).toEqual([]);
  });

  it('needs Enhanced for Ultra Disk and Premium SSD v2 whatever the API version', () => {
    const facts = vm({ disks: [{ name: 'os', sizeGB: 127, sku: 'Premium_LRS', writeAccelerator: false }, disk('data-0', 'PremiumV2_LRS'), disk('data-1', 'PremiumV2_LRS'), disk('log', 'UltraSSD_LRS')] });
    expect(enhancedReasons(facts, '2025-02-01')).toEqual(['Premium SSD v2 disks data-0, data-1', 'Ultra Disk disk log']);
  });
});

describe('policyFindings', () => {
  it('refuses a Standard policy for a VM that needs Enhanced, naming why', () => {
    const [f] = policyFindings(vm({ securityType: 'TrustedLaunch' }), standard, '2023-06-01');
    expect(f).toMatchObject({ ruleId: 'policy-needs-enhanced', severity: 'blocker' });
    expect(f?.message).toContain('Policy DefaultPolicy is a Standard policy');
    expect(f?.sources.today.title).toBe('Back up Azure VMs with the Enhanced policy');
    expect(policyFindings(vm({ securityType: 'TrustedLaunch' }), enhanced, '2023-06-01')).toEqual([]);
    expect(policyFindings(vm(), standard, '2023-06-01')).toEqual([]);
    expect(policyFindings(vm({ securityType: 'TrustedLaunch' }), { name: 'x', policyType: null }, '2023-06-01')).toEqual([]);
  });

  it('refuses an agentless policy for Azure Boost sizes and unsupported disks', () => {
    const agentless = { ...enhanced, crashConsistentOnly: true };
    expect(policyFindings(vm({ size: 'Standard_D4s_v5' }), agentless, '2023-06-01')).toEqual([]);
    const [boost] = policyFindings(vm({ size: 'Standard_D4s_v6' }), agentless, '2023-06-01');
    expect(boost).toMatchObject({ ruleId: 'policy-agentless', severity: 'blocker', message: expect.stringContaining('Azure Boost (Intel v6 or later)') });
    expect(policyFindings(vm({ size: 'Standard_D4as_v6' }), agentless, '2023-06-01')).toEqual([]);
    expect(policyFindings(vm({ size: 'Standard_D4as_v7' }), agentless, '2023-06-01')[0]?.message).toContain('AMD v7 or later');
  });
});

describe('agentless support', () => {
  it('reads size names', () => {
    expect(sizeFeatures('Standard_D4as_v7')).toEqual({ premium: true, amd: true, version: 7 });
    expect(sizeFeatures('Standard_DS2_v2')).toEqual({ premium: true, amd: false, version: 2 });
    expect(sizeFeatures('Standard_E4-2ds_v5')).toEqual({ premium: true, amd: false, version: 5 });
    expect(sizeFeatures('Standard_A2_v2')).toMatchObject({ premium: false });
    expect(sizeFeatures('Standard_B1s')).toEqual({ premium: true, amd: false, version: undefined });
  });

  it('lists what stops agentless backup', () => {
    const facts = vm({ size: 'Standard_A2_v2', disks: [disk('wa', 'Premium_LRS', { writeAccelerator: true })] });
    expect(agentlessProblems(facts)).toEqual(['size Standard_A2_v2 is not premium-storage capable', 'write-accelerated disk wa']);
  });
});
