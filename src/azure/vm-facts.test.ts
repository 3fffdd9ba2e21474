import { describe, expect, it } from 'vitest';
import { buildVmRows, type VmInventory, type VmRow } from './vm-facts.ts';
import { contosoStore, inventoryFrom, PROD_VAULT } from './vm-facts.fixture.ts';

const rows = buildVmRows(inventoryFrom(contosoStore()));
const row = (name: string): VmRow => {
  const found = rows.find((r) => r.facts.name === name);
  if (!found) throw new Error(`no row for ${name}`);
  return found;
};
const ruleIds = (name: string) => row(name).readiness.findings.map((f) => f.ruleId);

describe('buildVmRows on the contoso fixture (wire JSON as the emulator serves it)', () => {
  it('lists every VM of the subscription once, in list order, with where it is', () => {
    expect(rows).toHaveLength(41);
    expect(new Set(rows.map((r) => r.facts.id.toLowerCase())).size).toBe(rows.length);
    expect(row('web-01').facts).toMatchObject({ resourceGroup: 'rg-web', location: 'westeurope', size: 'Standard_D2s_v5', osType: 'Windows' });
    expect(rows.filter((r) => !r.inVaultScope).map((r) => r.facts.name)).toEqual(['neu-app-01', 'neu-linux-01', 'eus-app-01', 'ukw-app-01']);
  });

  it('reads the happy path as ready', () => {
    const web = row('web-01');
    expect(web.readiness.verdict).toBe('ready');
    expect(web.facts.agent).toEqual({ status: 'ready', version: '2.7.41491.1102', provisionVMAgent: true });
    expect(web.os).toEqual({ family: 'windowsServer', version: '2022' });
    expect(web.facts.powerState).toBe('running');
    expect(web.network).toMatchObject({ nicName: 'web-01-nic', nsgNames: ['nsg-snet-web'], report: { overall: { status: 'open' } } });
    expect(web.facts.protection).toEqual({ state: 'unprotected' });
  });

  it('reads the agent cases from the instance view', () => {
    expect(row('old-agent-01').facts.agent.version).toBe('2.6.1198.600');
    expect(row('old-agent-01').readiness).toMatchObject({ verdict: 'attention' });
    expect(ruleIds('old-agent-01')).toContain('agent-outdated');
    expect(row('agent-notready-01').facts.agent.status).toBe('notReady');
    // Azure accepts protection of a VM whose agent is Not Ready; its backups then fail.
    expect(row('agent-notready-01').readiness.verdict).toBe('attention');
    expect(row('agent-missing-01').facts.agent).toEqual({ status: 'notInstalled', provisionVMAgent: false });
    expect(row('agent-missing-01').readiness.findings[0]?.ruleId).toBe('agent-not-installed');
  });

  it('needs no instance view for a stopped VM: the status list says why its agent is unknown', () => {
    const inventory = inventoryFrom(contosoStore());
    expect([...inventory.instanceViews.keys()].some((id) => /stopped-0[12]$/.test(id))).toBe(false);
    expect(inventory.instanceViews.size).toBe(35);
    expect(row('stopped-02').facts.agent).toEqual({ status: 'unknown', unknownReason: 'vmNotRunning', provisionVMAgent: true });
  });

  it('reads power states: deallocated and stopped VMs are backed up offline', () => {
    expect(row('stopped-01').facts).toMatchObject({ powerState: 'deallocated', agent: { status: 'unknown', unknownReason: 'vmNotRunning' } });
    expect(row('stopped-02').facts.powerState).toBe('stopped');
    for (const name of ['stopped-01', 'stopped-02']) {
      expect(row(name).readiness.findings.find((f) => f.ruleId === 'offline')?.severity).toBe('info');
    }
  });

  it('tells the OS from the image and what the guest reports', () => {
    expect(row('coreos-01').os).toMatchObject({ family: 'linux', distro: 'coreos' });
    expect(row('coreos-01').readiness.verdict).toBe('blocked');
    expect(row('rhel-01').os.distro).toBe('rhel');
    expect(row('sles-01').os.distro).toBe('sles');
    expect(row('debian-01').os.distro).toBe('debian');
    expect(row('custom-linux-01').facts).toMatchObject({ osName: 'arch', image: { publisher: 'contoso', offer: 'arch-linux' } });
    expect(row('custom-linux-01').readiness.verdict).toBe('attention');
    expect(ruleIds('custom-linux-01')).toContain('os-linux-unendorsed');
    // An uploaded disk: no image and no osProfile; the guest says which Windows it is.
    expect(row('legacy-2008').facts.image).toBeUndefined();
    expect(row('legacy-2008').os).toEqual({ family: 'windowsServer', version: '2008' });
    expect(row('legacy-2008').readiness.verdict).toBe('blocked');
    expect(row('legacy-2008r2').os.version).toBe('2008 R2');
    expect(row('legacy-2008r2').readiness.verdict).toBe('attention');
  });

  it('counts data disks against the limits', () => {
    expect(row('bigdata-01').facts.dataDiskCount).toBe(40);
    expect(row('bigdata-01').readiness.findings[0]).toMatchObject({ ruleId: 'data-disks', severity: 'blocker' });
    expect(row('data-20disk').facts.dataDiskCount).toBe(20);
    expect(row('data-20disk').readiness.verdict).toBe('ready');
  });

  it('reads load balancers, NICs and static public IPs from the subscription lists', () => {
    expect(row('lb-web-01').facts.behindLoadBalancer).toBe(true);
    expect(row('lb-web-02').facts.behindLoadBalancer).toBe(true);
    expect(row('web-01').facts).toMatchObject({ behindLoadBalancer: false, staticPublicIpCount: 0 });
    expect(row('multi-pip-01').facts.staticPublicIpCount).toBe(2);
    expect(row('multi-nic-01').facts.nicCount).toBe(2);
    for (const name of ['lb-web-01', 'multi-pip-01', 'multi-nic-01']) expect(ruleIds(name)).toContain('special-network');
  });

  it('evaluates outbound 443 through the NIC and subnet NSGs as listed', () => {
    expect(row('blocked-443-01').network.report.overall).toEqual({
      status: 'denied', nsg: 'nsg-snet-locked', rule: 'DenyHttpsToInternet', priority: 200, destination: 'Storage',
    });
    expect(row('blocked-443-01').readiness.verdict).toBe('attention');
    expect(row('blocked-storage-01').network.nsgNames).toEqual(['nsg-nic-nostorage', 'nsg-snet-apps']);
    expect(row('blocked-storage-01').network.report.overall).toMatchObject({ status: 'denied', rule: 'DenyHttpsToStorage', priority: 300 });
    expect(row('allowed-nsg-01').network.report.overall).toMatchObject({ status: 'open', allowedBy: [{ nsg: 'nsg-nic-allowlist' }] });
    expect(row('allowed-nsg-01').network.report.destinations.Internet).toMatchObject({ status: 'denied' });
    expect(row('allowed-nsg-01').readiness.verdict).toBe('ready');
    expect(row('blocked-443-01').network.privateIp).toMatch(/^10\.10\.4\./);
  });

  it('reads the failed backup extension', () => {
    expect(row('ext-failed-01').facts.extensions[0]).toMatchObject({ type: 'Microsoft.Azure.RecoveryServices.VMSnapshotLinux', status: { level: 'Error' } });
    expect(row('ext-failed-01').readiness.findings[0]).toMatchObject({ ruleId: 'backup-extension', severity: 'attention' });
  });

  it('names the vault that protects a VM, from backupStatus', () => {
    expect(row('protected-01').facts.protection).toMatchObject({ state: 'protected', vaultName: 'rsv-legacy-weu' });
    expect(row('protected-01').readiness.findings[0]).toMatchObject({ ruleId: 'protected-elsewhere', severity: 'blocker' });
  });

  it('marks VMs this vault already protects', () => {
    const inventory = inventoryFrom(contosoStore());
    const web = row('web-01').facts.id;
    const again = buildVmRows({
      ...inventory,
      protection: { ...inventory.protection, protectableVmIds: inventory.protection.protectableVmIds.filter((id) => id !== web), protectedByVault: [web.toUpperCase()] },
    });
    expect(again.find((r) => r.facts.name === 'web-01')?.facts.protection).toEqual({ state: 'protected', vaultId: PROD_VAULT.id, vaultName: PROD_VAULT.name });
  });

  it('says protection is unknown when backupStatus failed, and reads Protecting', () => {
    const inventory = inventoryFrom(contosoStore());
    const id = row('protected-01').facts.id;
    const status = (value: 'failed' | { protectionStatus: string; vaultId?: string }) =>
      buildVmRows({ ...inventory, protection: { ...inventory.protection, backupStatus: new Map([[id, value]]) } }).find((r) => r.facts.id === id)?.facts.protection;
    expect(status('failed')).toEqual({ state: 'unknown' });
    expect(status({ protectionStatus: 'Protecting', vaultId: PROD_VAULT.id })).toEqual({ state: 'protecting', vaultId: PROD_VAULT.id, vaultName: 'rsv-prod-weu' });
  });

  it('keeps VMs in other regions to what the lists tell: region blocker, no agent or protection findings', () => {
    const neu = row('neu-app-01');
    expect(neu.inVaultScope).toBe(false);
    expect(neu.readiness.verdict).toBe('blocked');
    expect(neu.readiness.findings[0]?.ruleId).toBe('region');
    expect(neu.readiness.findings.map((f) => f.ruleId)).not.toEqual(expect.arrayContaining(['agent-status-unknown']));
    expect(neu.readiness.findings.some((f) => f.ruleId.startsWith('agent') || f.ruleId === 'protected-elsewhere' || f.ruleId === 'backup-extension')).toBe(false);
    expect(neu.facts.powerState).toBe('running'); // from the statusOnly list
    expect(neu.os).toMatchObject({ family: 'windowsServer', version: '2022' }); // from the image
  });

  it('gives the same rows for the SDK shapes, which flatten `properties`', () => {
    const inventory = inventoryFrom(contosoStore());
    const flatInventory: VmInventory = {
      ...inventory,
      vms: inventory.vms.map(flatten),
      statuses: inventory.statuses.map(flatten),
      nics: inventory.nics.map(flatten),
      nsgs: inventory.nsgs.map(flatten),
      publicIps: inventory.publicIps.map(flatten),
      loadBalancers: inventory.loadBalancers.map(flatten),
      vnets: inventory.vnets.map(flatten),
    };
    expect(buildVmRows(flatInventory)).toEqual(rows);
  });
});

/** What the modular SDKs do to ARM JSON: every `properties` object is merged into its parent, at every depth. */
function flatten<T>(value: T): T {
  if (Array.isArray(value)) return value.map(flatten) as T;
  if (value === null || typeof value !== 'object') return value;
  const { properties, ...rest } = value as Record<string, unknown>;
  const merged = properties && typeof properties === 'object' ? { ...rest, ...(properties as Record<string, unknown>) } : rest;
  return Object.fromEntries(Object.entries(merged).map(([k, v]) => [k, flatten(v)])) as T;
}
