// Network verdicts for the whole table from the NSG rules already in the inventory, evaluated once per
// distinct path (NIC NSG, subnet NSG) rather than once per VM: a fleet has thousands of VMs but a handful of
// NSG pairs. A pair's verdict is the same for every VM behind it unless its rules look at what differs
// between those VMs — a source IP prefix (the VM's private IP decides it) or a regional service tag
// (Storage.westeurope: the VM's region decides it). Only then is the private IP or the region part of the key.
import { evaluateOutbound443, type Destination, type NetworkReport, type Nsg, type NsgLayer, type OutboundInput } from '../../readiness/index.ts';
import type { VmNetwork } from '../vm-facts.ts';
import { idKey, lastSegment } from './normalise.ts';
import type { FleetNic, FleetVm } from './types.ts';

/** Where a verdict came from: computed here from the NSGs' rules, or read from Azure's effective rules. */
export type NetworkSource = 'rules' | 'effective';

export type FleetNetwork = VmNetwork & { source: NetworkSource; nicId?: string };

export type NetworkIndex = {
  nics: ReadonlyMap<string, FleetNic>;
  /** Subnet id (lower case) → its NSG id, or undefined for a subnet without one. */
  subnetNsg: ReadonlyMap<string, string | undefined>;
  nsgs: ReadonlyMap<string, Nsg>;
};

export function indexNetwork(inventory: { nics: readonly FleetNic[]; subnets: readonly { id: string; nsgId?: string }[]; nsgs: readonly Nsg[] }): NetworkIndex {
  return {
    nics: new Map(inventory.nics.map((n) => [idKey(n.id), n])),
    subnetNsg: new Map(inventory.subnets.map((s) => [idKey(s.id), s.nsgId])),
    nsgs: new Map(inventory.nsgs.flatMap((n) => (n.id ? [[idKey(n.id), n] as const] : []))),
  };
}

const DESTINATIONS: readonly Destination[] = ['Storage', 'AzureBackup', 'AzureActiveDirectory', 'Internet'];

export function unknownReport(reason: string): NetworkReport {
  const verdict = { status: 'unknown' as const, reason };
  return {
    overall: verdict,
    destinations: Object.fromEntries(DESTINATIONS.map((d) => [d, verdict])) as NetworkReport['destinations'],
    platformDenies: [],
  };
}

/** The primary NIC's way out: its NSG and its subnet's, or why they can't be known from the inventory. */
export type PrimaryPath = {
  nicId?: string;
  nicName: string;
  nsgNames: string[];
  privateIp?: string;
  location: string;
  /** Absent when the path couldn't be read: then `unknown` says why. */
  layers?: { nic?: Nsg; subnet?: Nsg };
  unknown?: string;
};

export function primaryPath(vm: FleetVm, index: NetworkIndex): PrimaryPath {
  const ref = vm.nics.find((r) => r.primary) ?? vm.nics[0];
  if (!ref) return { nicName: '', nsgNames: [], location: vm.location, unknown: 'The VM has no network interface.' };
  const nic = index.nics.get(idKey(ref.id));
  const nicName = nic?.name ?? lastSegment(ref.id);
  if (!nic) return { nicId: ref.id, nicName, nsgNames: [], location: vm.location, unknown: `Network interface ${nicName} couldn't be read.` };
  const config = nic.ipConfigurations.find((c) => c.primary) ?? nic.ipConfigurations[0];
  const subnetNsgId = config?.subnetId ? index.subnetNsg.get(idKey(config.subnetId)) : undefined;
  const ids = [nic.nsgId, subnetNsgId].filter((id): id is string => Boolean(id));
  const base: PrimaryPath = { nicId: nic.id, nicName, nsgNames: ids.map(lastSegment), location: vm.location };
  if (config?.privateIp) base.privateIp = config.privateIp;
  const missing = ids.find((id) => !index.nsgs.has(idKey(id)));
  if (missing) return { ...base, unknown: `NSG ${lastSegment(missing)} couldn't be read.` };
  if (config?.subnetId && !index.subnetNsg.has(idKey(config.subnetId))) return { ...base, unknown: `Subnet ${lastSegment(config.subnetId)} couldn't be read.` };
  const layers: NonNullable<PrimaryPath['layers']> = {};
  const nicNsg = nic.nsgId ? index.nsgs.get(idKey(nic.nsgId)) : undefined;
  const subnetNsg = subnetNsgId ? index.nsgs.get(idKey(subnetNsgId)) : undefined;
  if (nicNsg) layers.nic = nicNsg;
  if (subnetNsg) layers.subnet = subnetNsg;
  return { ...base, layers };
}

const IPV4_PREFIX = /^\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?$/;
const REGIONAL_TAG = /^[a-z]+\.[a-z0-9]+$/i;

type Sensitivity = { source: boolean; region: boolean };

/** Whether a pair's rules can answer differently for two VMs behind it (see the file comment). */
function sensitivityOf(nsgs: readonly Nsg[]): Sensitivity {
  let source = false;
  let region = false;
  for (const nsg of nsgs) {
    for (const rule of nsg.rules) {
      if (rule.direction.toLowerCase() !== 'outbound') continue;
      if (rule.sourcePrefixes.some((p) => IPV4_PREFIX.test(p) && p !== '0.0.0.0/0')) source = true;
      if (rule.destinationPrefixes.some((p) => REGIONAL_TAG.test(p) && !IPV4_PREFIX.test(p))) region = true;
    }
  }
  return { source, region };
}

export type PairEvaluator = {
  /** The verdict for a VM's path; the rules are evaluated once per distinct key. */
  reportFor(path: PrimaryPath): NetworkReport;
  /** Distinct keys evaluated so far. */
  readonly evaluations: number;
};

/** `evaluate` is the readiness module's evaluator; tests pass a counting one. */
export function createPairEvaluator(evaluate: (input: OutboundInput) => NetworkReport = evaluateOutbound443): PairEvaluator {
  const reports = new Map<string, NetworkReport>();
  const sensitivity = new Map<string, Sensitivity>();
  return {
    reportFor(path) {
      if (!path.layers) return unknownReport(path.unknown ?? 'The network path could not be read.');
      const { nic, subnet } = path.layers;
      const pair = `${idKey(nic?.id ?? '')}|${idKey(subnet?.id ?? '')}`;
      let sense = sensitivity.get(pair);
      if (!sense) {
        sense = sensitivityOf([nic, subnet].filter((n): n is Nsg => n !== undefined));
        sensitivity.set(pair, sense);
      }
      const key = `${pair}|${sense.region ? path.location : ''}|${sense.source ? (path.privateIp ?? '') : ''}`;
      let report = reports.get(key);
      if (!report) {
        const layers: NsgLayer[] = [];
        if (nic) layers.push({ attachedTo: 'nic', nsg: nic });
        if (subnet) layers.push({ attachedTo: 'subnet', nsg: subnet });
        const input: OutboundInput = { layers, location: path.location };
        if (sense.source && path.privateIp) input.sourceAddress = path.privateIp;
        report = evaluate(input);
        reports.set(key, report);
      }
      return report;
    },
    get evaluations() {
      return reports.size;
    },
  };
}

/** The table's network cell for a VM, from the rules in the inventory. */
export function networkFromRules(vm: FleetVm, index: NetworkIndex, evaluator: PairEvaluator): FleetNetwork {
  const path = primaryPath(vm, index);
  const network: FleetNetwork = { report: evaluator.reportFor(path), nicName: path.nicName, nsgNames: path.nsgNames, source: 'rules' };
  if (path.privateIp) network.privateIp = path.privateIp;
  if (path.nicId) network.nicId = path.nicId;
  return network;
}
