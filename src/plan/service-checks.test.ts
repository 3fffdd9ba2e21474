import { describe, expect, it } from 'vitest';
import { AzureRequestError } from '../azure/errors.ts';
import type { PlanChoices } from './plan-types.ts';
import { readServiceChecks, vmSkuOf, type ServiceCheckReader } from './service-checks.ts';

const vm = (name: string) => ({ id: `/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/${name}`, name, resourceGroup: 'rg' });
const choices = { subscriptionId: 's1', vault: { name: 'v', resourceGroup: 'rg-b', location: 'westeurope' } } as PlanChoices;
const summary = (name: string, size: string) => ({ ...vm(name), location: 'westeurope', size, osDiskType: 'Premium_LRS' });

function reader(change: Partial<ServiceCheckReader> = {}) {
  const asked: string[] = [];
  const base: ServiceCheckReader = {
    preValidateProtection: async (_s, _l, id) =>
      id.endsWith('/old') ? { status: 'Failed', errorCode: 'UserErrorGuestOSNotSupported', errorMessage: 'Too old', recommendation: 'Upgrade.' } : { status: 'Succeeded' },
    validateVmBackupFeature: async (_s, _l, size, sku) => {
      asked.push(`${size}|${sku}`);
      return size === 'Basic_A0' ? 'NotSupported' : 'Supported';
    },
    listVirtualMachines: async () => [summary('a', 'Standard_D2s_v5'), summary('b', 'Standard_D2s_v5'), summary('old', 'Standard_D2s_v5'), summary('tiny', 'Basic_A0')],
  };
  return { gateway: { ...base, ...change }, asked };
}

describe('readServiceChecks', () => {
  it('asks each VM, asks each size once, and takes a "no" from either check', async () => {
    const { gateway, asked } = reader();
    const checks = await readServiceChecks(gateway, choices, 'vault-id', [vm('a'), vm('b'), vm('old'), vm('tiny')], 2);
    expect(checks[vm('a').id.toLowerCase()]).toEqual({ verdict: 'passed' });
    expect(checks[vm('old').id.toLowerCase()]).toEqual({ verdict: 'blocked', code: 'UserErrorGuestOSNotSupported', message: 'Too old', recommendation: 'Upgrade.' });
    expect(checks[vm('tiny').id.toLowerCase()]).toMatchObject({ verdict: 'blocked', code: 'NotSupported' });
    expect(asked.sort()).toEqual(['Basic_A0|Premium', 'Standard_D2s_v5|Premium']);
  });

  it('is "unchecked", never a "no", when a check can not be asked', async () => {
    const refused = new AzureRequestError({ kind: 'forbidden', code: 'AuthorizationFailed', message: 'no', status: 403 });
    const { gateway } = reader({ preValidateProtection: () => Promise.reject(refused), listVirtualMachines: () => Promise.reject(refused) });
    const checks = await readServiceChecks(gateway, choices, 'vault-id', [vm('a')], 2);
    expect(checks[vm('a').id.toLowerCase()]).toEqual({ verdict: 'unchecked', reason: 'AuthorizationFailed (no)' });
    expect(await readServiceChecks(gateway, choices, 'vault-id', [], 2)).toEqual({});
  });

  it('maps the OS disk type to the SKU family', () => {
    expect(vmSkuOf('Premium_LRS')).toBe('Premium');
    expect(vmSkuOf('UltraSSD_LRS')).toBe('Premium');
    expect(vmSkuOf('StandardSSD_LRS')).toBe('Standard');
  });
});
