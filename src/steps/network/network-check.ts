// Checks outbound HTTPS for the selected VMs, NIC by NIC: the effective rules Azure computes for a running
// VM's NIC, or else the NIC's and its subnet's NSG rules. Reads are shared within one check (VMs in the same
// subnet read its NSG once); each VM stands alone, so one failure doesn't hide the others.
import { toAzureError, type AzureError } from '../../azure/errors.ts';
import type { ArmGateway } from '../../azure/gateway.ts';
import type { NicInfo, SubnetInfo } from '../../azure/network-security.ts';
import { mapConcurrent } from '../../azure/paging.ts';
import type { VmCheckRead } from '../../azure/vm-check-read.ts';
import {
  evaluateOutbound443,
  networkFindings,
  powerStateFrom,
  verdictOf,
  writeAcceleratorDisks,
  type Finding,
  type NetworkReport,
  type NsgLayer,
  type PowerState,
  type Verdict,
} from '../../readiness/index.ts';
import type { NetworkPathKind } from '../../store/network-slice.ts';

export type NetworkGateway = Pick<
  ArmGateway,
  'readVmForChecks' | 'getNetworkInterface' | 'getSubnet' | 'getNetworkSecurityGroup' | 'listEffectiveNsgs'
>;

export type Method = 'effective' | 'rules';

export type NicPath = {
  nic: NicInfo;
  /** The subnet of the NIC's primary IP configuration. */
  subnet?: SubnetInfo;
  privateIp?: string;
  layers: NsgLayer[];
  method: Method;
  /** Why the NSG rules were used instead of the effective rules. */
  fallbackReason?: string;
  report: NetworkReport;
};

export type VmNetworkView = {
  id: string;
  name: string;
  resourceGroup: string;
  subscriptionId: string;
  location: string;
  powerState: PowerState;
  /** Primary first. */
  nics: NicPath[];
  /** The primary NIC's: the guest's default route, which backup traffic takes. */
  report: NetworkReport;
  /** The guide's backup path (HTTPS to Storage) through the primary NIC: a fact, not the verdict. */
  path: NetworkPathKind;
  /** Today's rules applied to the report (a platform-address deny on any NIC counts), worst first. */
  findings: Finding[];
  verdict: Verdict;
  writeAcceleratorDisks: number;
};

export type NetworkCheckOptions = {
  concurrency?: number;
  /** The user routes backup traffic through the guide's HTTP proxy (443 to 168.63.129.16 then counts too). */
  guidePath?: boolean;
};

export type NetworkOutcome = { kind: 'checked'; view: VmNetworkView } | { kind: 'gone' } | { kind: 'failed'; error: AzureError };

export const NETWORK_CHECK_CONCURRENCY = 4;

/** Every read of one check, by resource id, so each resource is read at most once per check. */
export type NetworkReadCache = Map<string, Promise<unknown>>;

function once<T>(cache: NetworkReadCache, key: string, read: () => Promise<T>): Promise<T> {
  const k = key.toLowerCase();
  let pending = cache.get(k) as Promise<T> | undefined;
  if (!pending) {
    pending = read();
    cache.set(k, pending);
  }
  return pending;
}

const subscriptionOf = (id: string): string => id.split('/')[2] ?? '';

function unknownReport(reason: string): NetworkReport {
  const verdict = { status: 'unknown' as const, reason };
  return {
    overall: verdict,
    destinations: { Storage: verdict, AzureBackup: verdict, AzureActiveDirectory: verdict, Internet: verdict },
    platformDenies: [],
  };
}

async function ruleLayers(gateway: NetworkGateway, cache: NetworkReadCache, sub: string, nic: NicInfo, subnet: SubnetInfo | undefined): Promise<NsgLayer[]> {
  const nsg = (id: string) => once(cache, `nsg:${id}`, () => gateway.getNetworkSecurityGroup(sub, id));
  const layers: NsgLayer[] = [];
  if (nic.nsgId) layers.push({ attachedTo: 'nic', nsg: await nsg(nic.nsgId) });
  if (subnet?.nsgId) layers.push({ attachedTo: 'subnet', nsg: await nsg(subnet.nsgId) });
  return layers;
}

function explainFallback(error: AzureError): string {
  if (error.code === 'NicNotAttachedToRunningVm') return 'Azure computes effective rules only for a running VM';
  if (error.kind === 'forbidden') return `your account can't read effective rules (${error.code})`;
  return `the effective rules couldn't be read (${error.code}: ${error.message})`;
}

async function nicPath(gateway: NetworkGateway, cache: NetworkReadCache, vm: VmCheckRead, powerState: PowerState, nicId: string): Promise<NicPath> {
  const sub = subscriptionOf(vm.id);
  const nic = await once(cache, `nic:${nicId}`, () => gateway.getNetworkInterface(sub, nicId));
  const config = nic.ipConfigurations.find((c) => c.primary) ?? nic.ipConfigurations[0];
  const subnetId = config?.subnetId;
  // Read even when the effective rules decide: its prefix is what an allow rule can name as its source.
  const subnet = subnetId ? await once(cache, `subnet:${subnetId}`, () => gateway.getSubnet(sub, subnetId)) : undefined;
  const privateIp = config?.privateIp;

  let layers: NsgLayer[] | undefined;
  let fallbackReason: string | undefined;
  if (powerState === 'running') {
    try {
      layers = await once(cache, `effective:${nic.id}`, () => gateway.listEffectiveNsgs(sub, nic.id));
    } catch (error) {
      fallbackReason = explainFallback(toAzureError(error));
    }
  } else {
    fallbackReason = `the VM is ${powerState}, and Azure computes effective rules only for a running VM`;
  }
  const method: Method = layers ? 'effective' : 'rules';
  layers ??= await ruleLayers(gateway, cache, sub, nic, subnet);
  const report = evaluateOutbound443(privateIp ? { layers, location: vm.location, sourceAddress: privateIp } : { layers, location: vm.location });
  const path: NicPath = { nic, layers, method, report };
  if (subnet) path.subnet = subnet;
  if (privateIp) path.privateIp = privateIp;
  if (fallbackReason) path.fallbackReason = fallbackReason;
  return path;
}

export function pathOf(report: NetworkReport): NetworkPathKind {
  return report.overall.status;
}

/** The findings of a VM's check: its primary path, and the platform-address denies of every NIC. */
export function findingsOf(nics: readonly NicPath[], report: NetworkReport, disks: number, guidePath: boolean): Finding[] {
  const platformDenies = nics.flatMap((n) => n.report.platformDenies);
  const unique = platformDenies.filter((d, i) => platformDenies.findIndex((o) => o.nsg === d.nsg && o.rule === d.rule) === i);
  return networkFindings({ ...report, platformDenies: unique }, { writeAcceleratorDisks: disks, guidePath });
}

export async function checkVmNetwork(
  gateway: NetworkGateway,
  vmId: string,
  cache: NetworkReadCache = new Map(),
  options: Pick<NetworkCheckOptions, 'guidePath'> = {},
): Promise<NetworkOutcome> {
  try {
    const vm = await once(cache, `vm:${vmId}`, () => gateway.readVmForChecks(vmId));
    if (vm === null) return { kind: 'gone' };
    const powerState = powerStateFrom(vm.instanceView.statuses);
    const nics = await Promise.all(vm.nicIds.map((nicId) => nicPath(gateway, cache, vm, powerState, nicId)));
    const report = nics[0]?.report ?? unknownReport('The VM has no network interface.');
    const disks = writeAcceleratorDisks(vm);
    const findings = findingsOf(nics, report, disks, options.guidePath === true);
    return {
      kind: 'checked',
      view: {
        id: vm.id,
        name: vm.name,
        resourceGroup: vm.resourceGroup,
        subscriptionId: subscriptionOf(vm.id),
        location: vm.location,
        powerState,
        nics,
        report,
        path: pathOf(report),
        findings,
        verdict: verdictOf(findings),
        writeAcceleratorDisks: disks,
      },
    };
  } catch (error) {
    return { kind: 'failed', error: toAzureError(error) };
  }
}

export async function checkNetworks(
  gateway: NetworkGateway,
  vmIds: readonly string[],
  onOutcome: (vmId: string, outcome: NetworkOutcome) => void,
  { concurrency = NETWORK_CHECK_CONCURRENCY, guidePath = false }: NetworkCheckOptions = {},
): Promise<void> {
  const cache: NetworkReadCache = new Map();
  await mapConcurrent(vmIds, concurrency, async (vmId) => {
    onOutcome(vmId, await checkVmNetwork(gateway, vmId, cache, { guidePath }));
  });
}

/** The NSG in front of this VM named by a verdict, with the id a write needs. */
export function layerNamed(view: VmNetworkView, nsgName: string): NsgLayer | undefined {
  return view.nics[0]?.layers.find((l) => l.nsg.name.toLowerCase() === nsgName.toLowerCase());
}

