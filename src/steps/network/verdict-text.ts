// Words for the network verdicts, shared by the table, the cards and the status line.
import type { NetworkVerdict } from '../../readiness/index.ts';
import type { NicPath, VmNetworkView } from './network-check.ts';

export function verdictLabel(verdict: NetworkVerdict): string {
  switch (verdict.status) {
    case 'open':
      return 'Open';
    case 'blocked':
      return `Blocked by ${verdict.nsg}, rule ${verdict.rule} (priority ${verdict.priority})`;
    case 'unknown':
      return 'Unknown';
  }
}

/** Where the verdict came from, so the user knows how much to trust it. */
export function methodLabel(path: NicPath | undefined): string {
  if (!path) return 'Nothing to evaluate';
  if (path.method === 'effective') return "Effective rules of the running VM's network interface";
  return `NSG rules (${path.fallbackReason ?? 'effective rules not used'})`;
}

/** "NIC nsg-a, subnet snet-x: nsg-b" style description of what a NIC passes through. */
export function nsgPathText(path: NicPath): string {
  if (path.layers.length === 0) return 'No NSG';
  return path.layers.map((l) => `${l.attachedTo === 'nic' ? 'NIC' : l.attachedTo === 'subnet' ? 'subnet' : 'network manager'}: ${l.nsg.name}`).join('; ');
}

export function platformText(view: VmNetworkView): string {
  const denies = view.nics.flatMap((n) => n.report.platformDenies);
  if (denies.length === 0) return 'Not blocked';
  return denies.map((d) => `Denied by ${d.nsg}, rule ${d.rule} (priority ${d.priority})`).join('; ');
}
