// The Microsoft.Compute and Microsoft.Network surface the VM readiness checks use, driven by the real
// @azure/arm-compute and @azure/arm-network clients. It names the Contoso fixture's VMs, NICs and
// NSGs, which live Azure does not have, so the whole suite is emulator-only.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ComputeManagementClient } from '@azure/arm-compute';
import { NetworkManagementClient } from '@azure/arm-network';
import { beforeEach, describe, expect, it } from 'vitest';
import { CONTOSO, control, endpoint, live, servicePrincipalCredential, staticCredential, userToken, collect } from './harness.ts';

const options = {
  endpoint,
  credentials: { scopes: ['https://management.azure.com/.default'] },
  retryOptions: { maxRetries: 2, retryDelayInMs: 100, maxRetryDelayInMs: 1000 },
};
const sp = servicePrincipalCredential();
const compute = new ComputeManagementClient(sp, CONTOSO.production, options);
const network = new NetworkManagementClient(sp, CONTOSO.production, options);
const SUB = `/subscriptions/${CONTOSO.production}`;
const vmPath = (rg: string, vm: string) => `${SUB}/resourceGroups/${rg}/providers/Microsoft.Compute/virtualMachines/${vm}`;

interface FixtureVm { name: string }
interface FixtureRg { name: string; virtualMachines?: FixtureVm[] }
const fixture = JSON.parse(readFileSync(resolve('emulator/fixtures/contoso.json'), 'utf8')) as {
  subscriptions: { subscriptionId: string; resourceGroups: FixtureRg[] }[];
};
const productionVmNames = (fixture.subscriptions.find((s) => s.subscriptionId === CONTOSO.production)?.resourceGroups ?? [])
  .flatMap((rg) => (rg.virtualMachines ?? []).map((vm) => vm.name));


/** An agent status the way a guest agent reports "Ready" (wire-compute.ts). */
const READY_AGENT = {
  vmAgentVersion: '2.7.41491.1102',
  statuses: [{ code: 'ProvisioningState/succeeded', level: 'Info', displayStatus: 'Ready', message: 'GuestAgent is running and processing the extensions.' }],
  extensionHandlers: [],
};

describe.skipIf(live)('compute: virtual machines', () => {
  beforeEach(async () => {
    await control.reset();
  });

  it('lists every VM of the subscription across pages', async () => {
    await control.settings({ pageSize: 5 });
    await control.clearRequests();
    const vms = await collect(compute.virtualMachines.listAll());
    expect(vms.map((v) => v.name).sort()).toEqual([...productionVmNames].sort());
    const pages = (await control.requests()).filter((r) => r.method === 'GET' && /\/providers\/Microsoft\.Compute\/virtualMachines$/i.test(r.path));
    expect(pages.length).toBe(Math.ceil(productionVmNames.length / 5));
    // A plain list carries no instance view.
    expect(vms.every((v) => v.instanceView === undefined)).toBe(true);
  });

  it('lists statuses only with statusOnly=true', async () => {
    const vms = await collect(compute.virtualMachines.listAll({ statusOnly: 'true' }));
    expect(vms).toHaveLength(productionVmNames.length);
    for (const vm of vms) {
      const codes = vm.instanceView?.statuses?.map((s) => s.code) ?? [];
      expect(codes.some((c) => c?.startsWith('PowerState/'))).toBe(true);
      expect(vm.instanceView?.vmAgent).toBeUndefined();
      expect(vm.hardwareProfile).toBeUndefined();
    }
    const stopped = vms.find((v) => v.name === 'stopped-01');
    expect(stopped?.instanceView?.statuses?.map((s) => s.code)).toContain('PowerState/deallocated');
  });

  it('lists a resource group, and refuses $expand=instanceView without $filter', async () => {
    const vms = await collect(compute.virtualMachines.list('rg-web'));
    expect(vms.map((v) => v.name).sort()).toEqual(['lb-web-01', 'lb-web-02', 'multi-pip-01', 'web-01']);
    await expect(collect(compute.virtualMachines.list('rg-web', { expand: 'instanceView' }))).rejects.toMatchObject({
      statusCode: 400,
      code: 'InvalidParameter',
    });
  });

  it('gets a VM with its instance view only when asked', async () => {
    const plain = await compute.virtualMachines.get('rg-web', 'web-01');
    expect(plain.instanceView).toBeUndefined();
    expect(plain.networkProfile?.networkInterfaces?.[0]?.id).toMatch(/\/networkInterfaces\/web-01-nic$/);

    const ready = await compute.virtualMachines.get('rg-web', 'web-01', { expand: 'instanceView' });
    expect(ready.instanceView?.vmAgent?.statuses?.[0]?.displayStatus).toBe('Ready');

    const notReady = await compute.virtualMachines.get('rg-apps', 'agent-notready-01', { expand: 'instanceView' });
    expect(notReady.instanceView?.vmAgent?.statuses?.[0]?.displayStatus).toBe('Not Ready');

    const missing = await compute.virtualMachines.get('rg-apps', 'agent-missing-01', { expand: 'instanceView' });
    expect(missing.instanceView).toBeDefined();
    expect(missing.instanceView?.vmAgent).toBeUndefined();
    expect(missing.osProfile?.windowsConfiguration?.provisionVMAgent).toBe(false);
  });

  it('reads what the Enhanced-policy and write-accelerator rules need: security type, disk SKUs, write accelerator', async () => {
    const trusted = await compute.virtualMachines.get('rg-today', 'tl-01');
    expect(trusted.securityProfile).toMatchObject({ securityType: 'TrustedLaunch', uefiSettings: { secureBootEnabled: true, vTpmEnabled: true } });
    // From api-version 2025-11-01 (the SDK sends 2026-04-01) a VM without UEFI security says Standard.
    expect((await compute.virtualMachines.get('rg-web', 'web-01')).securityProfile?.securityType).toBe('Standard');

    const premiumV2 = await compute.virtualMachines.get('rg-today', 'pv2-data-01');
    expect(premiumV2.zones).toEqual(['1']);
    expect(premiumV2.storageProfile?.dataDisks?.[0]).toMatchObject({ lun: 0, diskSizeGB: 1024, managedDisk: { storageAccountType: 'PremiumV2_LRS' } });
    expect(premiumV2.storageProfile?.osDisk?.managedDisk?.storageAccountType).toBe('Premium_LRS');

    const accelerated = await compute.virtualMachines.get('rg-today', 'wa-m-01');
    expect(accelerated.storageProfile?.dataDisks?.map((d) => d.writeAcceleratorEnabled ?? false)).toEqual([true, true, false]);
  });

  it('lists the VM sizes of a region, with cores and memory, and refuses an unknown region', async () => {
    const sizes = await collect(compute.virtualMachineSizes.list('westeurope'));
    expect(sizes.find((s) => s.name === 'Standard_B1ls')).toMatchObject({ numberOfCores: 1, memoryInMB: 512 });
    expect(sizes.find((s) => s.name === 'Standard_D2s_v5')).toMatchObject({ numberOfCores: 2, memoryInMB: 8192, maxDataDiskCount: 4 });
    await expect(collect(compute.virtualMachineSizes.list('atlantis'))).rejects.toMatchObject({ statusCode: 400, code: 'LocationNotAvailableForResourceType' });
  });

  it('answers a missing VM with ResourceNotFound', async () => {
    await expect(compute.virtualMachines.get('rg-web', 'no-such-vm')).rejects.toMatchObject({ statusCode: 404, code: 'ResourceNotFound' });
  });

  it('returns the instance view alone', async () => {
    const view = await compute.virtualMachines.instanceView('rg-web', 'web-01');
    expect(view.computerName).toBe('web-01');
    expect(view.osName).toBe('Windows Server 2022 Datacenter Azure Edition');
    expect(view.statuses?.map((s) => s.code)).toContain('PowerState/running');
    expect(view.vmAgent?.vmAgentVersion).toBeTruthy();
    expect(view.extensions?.map((e) => e.name)).toEqual(['AzureMonitorWindowsAgent']);
  });

  it('lists and gets VM extensions', async () => {
    const list = await compute.virtualMachineExtensions.list('rg-apps', 'protected-01');
    expect(list.value).toHaveLength(1);
    expect(list.value?.[0]).toMatchObject({ name: 'VMSnapshot', publisher: 'Microsoft.Azure.RecoveryServices', typePropertiesType: 'VMSnapshot' });

    const failed = await compute.virtualMachineExtensions.get('rg-apps', 'ext-failed-01', 'VMSnapshotLinux', { expand: 'instanceView' });
    expect(failed.provisioningState).toBe('Failed');
    expect(failed.instanceView?.statuses?.[0]?.level).toBe('Error');

    expect((await compute.virtualMachineExtensions.list('rg-apps', 'agent-missing-01')).value).toEqual([]);
    await expect(compute.virtualMachineExtensions.get('rg-apps', 'protected-01', 'Nope')).rejects.toMatchObject({ statusCode: 404 });
  });

  it('lets a test change the agent and power state from outside', async () => {
    const id = vmPath('rg-apps', 'agent-notready-01');
    await control.call('PATCH', '/resource', { id, merge: { properties: { instanceView: { vmAgent: READY_AGENT } } } });
    const view = await compute.virtualMachines.instanceView('rg-apps', 'agent-notready-01');
    expect(view.vmAgent?.statuses?.[0]?.displayStatus).toBe('Ready');
  });
});

describe.skipIf(live)('network: NICs, NSGs, subnets', () => {
  beforeEach(async () => {
    await control.reset();
  });

  it('gets a NIC with its subnet, NSG and VM', async () => {
    const nic = await network.networkInterfaces.get('rg-web', 'web-01-nic');
    expect(nic.ipConfigurations?.[0]?.subnet?.id).toMatch(/\/virtualNetworks\/vnet-prod-weu\/subnets\/snet-web$/);
    expect(nic.networkSecurityGroup).toBeUndefined();
    expect(nic.virtualMachine?.id?.toLowerCase()).toBe(vmPath('rg-web', 'web-01').toLowerCase());

    const withNsg = await network.networkInterfaces.get('rg-apps', 'allowed-nsg-01-nic');
    expect(withNsg.networkSecurityGroup?.id).toMatch(/\/networkSecurityGroups\/nsg-nic-allowlist$/);

    const lbNic = await network.networkInterfaces.get('rg-web', 'lb-web-01-nic');
    expect(lbNic.ipConfigurations?.[0]?.loadBalancerBackendAddressPools?.[0]?.id).toMatch(/\/loadBalancers\/lb-web\/backendAddressPools\/bepool-web$/);
  });

  it('lists NICs per resource group and subscription, paged', async () => {
    await control.settings({ pageSize: 4 });
    const inGroup = await collect(network.networkInterfaces.list('rg-web'));
    expect(inGroup.map((n) => n.name).sort()).toEqual(['lb-web-01-nic', 'lb-web-02-nic', 'multi-pip-01-nic', 'web-01-nic']);
    await control.clearRequests();
    const all = await collect(network.networkInterfaces.listAll());
    expect(all.length).toBeGreaterThan(20);
    expect(new Set(all.map((n) => n.id)).size).toBe(all.length);
    const pages = (await control.requests()).filter((r) => /\/networkInterfaces$/i.test(r.path));
    expect(pages.length).toBe(Math.ceil(all.length / 4));
  });

  it('gets an NSG with its default rules and lists NSGs', async () => {
    const nsg = await network.networkSecurityGroups.get('rg-network', 'nsg-snet-web');
    expect(nsg.securityRules?.map((r) => r.name)).toEqual(['AllowHttpsInbound', 'AllowRdpFromCorp']);
    expect(nsg.defaultSecurityRules).toHaveLength(6);
    expect(nsg.defaultSecurityRules?.find((r) => r.name === 'AllowInternetOutBound')).toMatchObject({
      priority: 65001,
      direction: 'Outbound',
      access: 'Allow',
      destinationAddressPrefix: 'Internet',
    });
    expect(nsg.subnets?.[0]?.id).toMatch(/\/subnets\/snet-web$/);

    const all = await collect(network.networkSecurityGroups.listAll());
    expect(all.map((n) => n.name).sort()).toEqual(['nsg-nic-allowlist', 'nsg-nic-deny-platform', 'nsg-nic-nostorage', 'nsg-nic-storage-only', 'nsg-ops', 'nsg-snet-apps', 'nsg-snet-locked', 'nsg-snet-web']);
    expect((await collect(network.networkSecurityGroups.list('rg-apps'))).map((n) => n.name).sort()).toEqual(['nsg-nic-allowlist', 'nsg-nic-nostorage']);
    const defaults = await collect(network.defaultSecurityRules.list('rg-network', 'nsg-snet-web'));
    expect(defaults.map((r) => r.name)).toContain('DenyAllOutBound');
  });

  it('gets a subnet with its NSG, and VNets, public IPs and load balancers', async () => {
    const subnet = await network.subnets.get('rg-network', 'vnet-prod-weu', 'snet-locked');
    expect(subnet.networkSecurityGroup?.id).toMatch(/\/networkSecurityGroups\/nsg-snet-locked$/);
    expect(subnet.addressPrefix).toBe('10.10.4.0/24');
    expect((await network.subnets.get('rg-network', 'vnet-prod-weu', 'snet-data')).networkSecurityGroup).toBeUndefined();
    await expect(network.subnets.get('rg-network', 'vnet-prod-weu', 'nope')).rejects.toMatchObject({ statusCode: 404, code: 'NotFound' });

    const vnet = await network.virtualNetworks.get('rg-network', 'vnet-prod-weu');
    expect(vnet.addressSpace?.addressPrefixes).toEqual(['10.10.0.0/16']);
    expect((await collect(network.virtualNetworks.listAll())).length).toBe(4);

    const pip = await network.publicIPAddresses.get('rg-web', 'pip-web-01');
    expect(pip.ipConfiguration?.id).toMatch(/\/networkInterfaces\/web-01-nic\/ipConfigurations\//);
    expect((await collect(network.publicIPAddresses.list('rg-web'))).length).toBe(4);

    const lb = await network.loadBalancers.get('rg-web', 'lb-web');
    expect(lb.backendAddressPools?.[0]?.backendIPConfigurations?.map((c) => c.id)).toHaveLength(2);
    expect((await collect(network.loadBalancers.listAll())).map((l) => l.name)).toEqual(['lb-web']);
  });
});

describe.skipIf(live)('network: security rules', () => {
  beforeEach(async () => {
    await control.reset();
  });

  const backupRule = {
    protocol: 'Tcp' as const,
    sourceAddressPrefix: 'VirtualNetwork',
    sourcePortRange: '*',
    destinationAddressPrefix: 'Storage.westeurope',
    destinationPortRange: '443',
    access: 'Allow' as const,
    priority: 300,
    direction: 'Outbound' as const,
    description: 'Azure Backup snapshot traffic',
  };

  it('creates a rule (201 + Azure-AsyncOperation), then updates it (200), keeping the NSG in sync', async () => {
    const before = await network.networkSecurityGroups.get('rg-network', 'nsg-snet-apps');
    await control.clearRequests();
    const created = await network.securityRules.beginCreateOrUpdateAndWait('rg-network', 'nsg-snet-apps', 'AllowBackupStorage', backupRule);
    expect(created).toMatchObject({ name: 'AllowBackupStorage', provisioningState: 'Succeeded', priority: 300, destinationAddressPrefix: 'Storage.westeurope' });

    const log = await control.requests();
    expect(log.find((r) => r.method === 'PUT')?.status).toBe(201);
    expect(log.some((r) => r.method === 'GET' && /\/providers\/Microsoft\.Network\/locations\/westeurope\/operations\//i.test(r.path))).toBe(true);
    expect(log.at(-1)).toMatchObject({ method: 'GET', status: 200 });
    expect(log.at(-1)?.path).toMatch(/\/securityRules\/AllowBackupStorage$/);

    const after = await network.networkSecurityGroups.get('rg-network', 'nsg-snet-apps');
    expect(after.securityRules?.map((r) => r.name)).toEqual(['AllowVnetSsh', 'AllowBackupStorage']);
    expect(after.securityRules?.[1]?.provisioningState).toBe('Succeeded');
    expect(after.etag).not.toBe(before.etag);

    await control.clearRequests();
    const updated = await network.securityRules.beginCreateOrUpdateAndWait('rg-network', 'nsg-snet-apps', 'AllowBackupStorage', { ...backupRule, destinationPortRange: '443-444' });
    expect(updated.destinationPortRange).toBe('443-444');
    expect((await control.requests()).find((r) => r.method === 'PUT')?.status).toBe(200);
    expect((await collect(network.securityRules.list('rg-network', 'nsg-snet-apps'))).map((r) => r.name)).toEqual(['AllowVnetSsh', 'AllowBackupStorage']);
  });

  it('shows the rule Updating until the operation finishes', async () => {
    await control.settings({ lroDelayMs: 400, retryAfterSeconds: 0 });
    const poller = network.securityRules.createOrUpdate('rg-network', 'nsg-snet-apps', 'AllowBackupStorage', backupRule, { updateIntervalInMs: 100 });
    await poller.submitted();
    const during = await network.securityRules.get('rg-network', 'nsg-snet-apps', 'AllowBackupStorage');
    expect(during.provisioningState).toBe('Updating');
    const done = await poller.pollUntilDone();
    expect(done.provisioningState).toBe('Succeeded');
  });

  it('rejects a priority clash and invalid values the way the service does', async () => {
    // AllowVnetSsh already has Inbound 100.
    const clash = { ...backupRule, direction: 'Inbound' as const, priority: 100 };
    await expect(network.securityRules.beginCreateOrUpdateAndWait('rg-network', 'nsg-snet-apps', 'Clash', clash)).rejects.toMatchObject({
      statusCode: 400,
      code: 'SecurityRuleConflict',
    });
    // The same priority in the other direction is fine.
    await network.securityRules.beginCreateOrUpdateAndWait('rg-network', 'nsg-snet-apps', 'OutboundAt100', { ...backupRule, priority: 100 });

    const cases: [Record<string, unknown>, string][] = [
      [{ priority: 50 }, 'SecurityRuleInvalidPriority'],
      [{ priority: 4097 }, 'SecurityRuleInvalidPriority'],
      [{ destinationPortRange: '70000' }, 'SecurityRuleInvalidPortRange'],
      [{ destinationAddressPrefix: '20.20.20.20/16' }, 'SecurityRuleInvalidAddressPrefix'],
      [{ destinationAddressPrefix: 'AzureBastionSubnet' }, 'SecurityRuleInvalidAddressPrefix'],
      [{ destinationAddressPrefix: undefined, destinationAddressPrefixes: ['10.0.0.0/8', 'Storage'] }, 'SecurityRuleParameterContainsUnsupportedValue'],
      [{ protocol: 'Smtp' }, 'InvalidRequestFormat'],
    ];
    for (const [change, code] of cases) {
      await expect(
        network.securityRules.beginCreateOrUpdateAndWait('rg-network', 'nsg-snet-apps', 'Bad', { ...backupRule, ...change }),
        code,
      ).rejects.toMatchObject({ statusCode: 400, code });
    }
    await expect(network.securityRules.get('rg-network', 'nsg-snet-apps', 'Bad')).rejects.toMatchObject({ statusCode: 404, code: 'NotFound' });
    // Plural lists of plain prefixes are accepted.
    const { destinationAddressPrefix: _single, ...withoutSingle } = backupRule;
    const many = await network.securityRules.beginCreateOrUpdateAndWait('rg-network', 'nsg-snet-apps', 'Many', {
      ...withoutSingle, priority: 301, destinationAddressPrefixes: ['10.0.0.0/8', '2001:db8::/32'],
    });
    expect(many.destinationAddressPrefixes).toEqual(['10.0.0.0/8', '2001:db8::/32']);
  });

  it('deletes a rule (202) and drops it from the NSG; deleting again is a no-op', async () => {
    await control.clearRequests();
    await network.securityRules.beginDeleteAndWait('rg-network', 'nsg-snet-web', 'AllowRdpFromCorp');
    expect((await control.requests()).find((r) => r.method === 'DELETE')?.status).toBe(202);
    const nsg = await network.networkSecurityGroups.get('rg-network', 'nsg-snet-web');
    expect(nsg.securityRules?.map((r) => r.name)).toEqual(['AllowHttpsInbound']);
    await expect(network.securityRules.get('rg-network', 'nsg-snet-web', 'AllowRdpFromCorp')).rejects.toMatchObject({ statusCode: 404 });
    await network.securityRules.beginDeleteAndWait('rg-network', 'nsg-snet-web', 'AllowRdpFromCorp');
  });
});

describe.skipIf(live)('network: effective security groups', () => {
  beforeEach(async () => {
    await control.reset();
  });

  it('computes the subnet NSG rules for a running VM\'s NIC', async () => {
    await control.clearRequests();
    const result = await network.networkInterfaces.beginListEffectiveNetworkSecurityGroupsAndWait('rg-web', 'web-01-nic');
    expect(result.value).toHaveLength(1);
    const group = result.value[0];
    expect(group?.networkSecurityGroup?.id).toMatch(/\/networkSecurityGroups\/nsg-snet-web$/);
    expect(group?.association?.subnet?.id).toMatch(/\/subnets\/snet-web$/);
    const names = group?.effectiveSecurityRules?.map((r) => r.name) ?? [];
    expect(names).toContain('defaultSecurityRules/AllowInternetOutBound');
    expect(names).toContain('securityRules/AllowHttpsInbound');
    const internet = group?.effectiveSecurityRules?.find((r) => r.name === 'defaultSecurityRules/AllowInternetOutBound');
    expect(internet).toMatchObject({ protocol: 'All', sourcePortRange: '0-65535', destinationAddressPrefix: 'Internet', access: 'Allow', priority: 65001, direction: 'Outbound' });
    expect(internet?.expandedDestinationAddressPrefix?.length).toBeGreaterThan(0);
    expect(JSON.parse(group?.tagMap ?? '{}')).toHaveProperty('AzureLoadBalancer', ['168.63.129.16/32']);

    const log = await control.requests();
    expect(log.find((r) => r.method === 'POST')?.status).toBe(202);
    expect(log.at(-1)?.path).toMatch(/\/providers\/Microsoft\.Network\/locations\/westeurope\/operationResults\//i);
  });

  it('lists both the subnet NSG and the NIC NSG', async () => {
    const result = await network.networkInterfaces.beginListEffectiveNetworkSecurityGroupsAndWait('rg-apps', 'allowed-nsg-01-nic');
    expect(result.value.map((g) => g.networkSecurityGroup?.id?.split('/').pop())).toEqual(['nsg-snet-apps', 'nsg-nic-allowlist']);
    expect(result.value[1]?.association?.networkInterface?.id).toMatch(/\/networkInterfaces\/allowed-nsg-01-nic$/);
    const backup = result.value[1]?.effectiveSecurityRules?.find((r) => r.name === 'securityRules/AllowAzureBackupHttps');
    expect(backup).toMatchObject({ protocol: 'Tcp', destinationPortRange: '443-443', destinationAddressPrefix: 'AzureBackup' });
  });

  it('needs the effectiveNetworkSecurityGroups action, which Reader lacks', async () => {
    const asRita = new NetworkManagementClient(staticCredential(await userToken('rita@contoso.example')), CONTOSO.production, options);
    expect((await asRita.networkInterfaces.get('rg-web', 'web-01-nic')).name).toBe('web-01-nic');
    await expect(asRita.networkInterfaces.beginListEffectiveNetworkSecurityGroupsAndWait('rg-web', 'web-01-nic')).rejects.toMatchObject({
      statusCode: 403,
      code: 'AuthorizationFailed',
    });
    const asBen = new NetworkManagementClient(staticCredential(await userToken('ben@contoso.example')), CONTOSO.production, options);
    expect((await asBen.networkInterfaces.beginListEffectiveNetworkSecurityGroupsAndWait('rg-web', 'web-01-nic')).value).toHaveLength(1);
  });

  it('answers an empty list for a NIC without any NSG', async () => {
    const result = await network.networkInterfaces.beginListEffectiveNetworkSecurityGroupsAndWait('rg-data', 'bigdata-01-nic');
    expect(result.value).toEqual([]);
  });

  it('fails for the NIC of a VM that is not running, until it runs', async () => {
    for (const [rg, nic] of [['rg-apps', 'stopped-01-nic'], ['rg-apps', 'stopped-02-nic']] as const) {
      await expect(network.networkInterfaces.beginListEffectiveNetworkSecurityGroupsAndWait(rg, nic)).rejects.toMatchObject({
        statusCode: 400,
        code: 'NicNotAttachedToRunningVm',
      });
    }
    const running = [
      { code: 'ProvisioningState/succeeded', level: 'Info', displayStatus: 'Provisioning succeeded' },
      { code: 'PowerState/running', level: 'Info', displayStatus: 'VM running' },
    ];
    await control.call('PATCH', '/resource', { id: vmPath('rg-apps', 'stopped-01'), merge: { properties: { instanceView: { statuses: running } } } });
    const result = await network.networkInterfaces.beginListEffectiveNetworkSecurityGroupsAndWait('rg-apps', 'stopped-01-nic');
    expect(result.value[0]?.networkSecurityGroup?.id).toMatch(/nsg-snet-apps$/);
  });
});
