// Words for the state of a network path, shared by the table, the cards and the status line. These are facts
// (open, denied by a rule, unknown); the verdict words come from src/readiness.
import type { NetworkVerdict } from '../../readiness/index.ts';
import type { NicPath, VmNetworkView } from './network-check.ts';

export function pathLabel(verdict: NetworkVerdict): string {
  switch (verdict.status) {
    case 'open':
      return verdict.allowedBy?.length
        ? `Open: allowed by ${verdict.allowedBy.map((r) => `${r.nsg}, rule ${r.rule} (priority ${r.priority})`).join(' and ')}`
        : 'Open';
    case 'denied':
      return `Denied by ${verdict.nsg}, rule ${verdict.rule} (priority ${verdict.priority})`;
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
  if (denies.length === 0) return 'Not denied';
  return denies
    .map((d) => `${d.certain ? 'Denied' : 'May be denied'} by ${d.nsg}, rule ${d.rule} (priority ${d.priority}), on ${d.ports.join(', ')}`)
    .join('; ');
}
