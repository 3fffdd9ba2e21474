// The allow-rule fix for a VM whose HTTPS is denied: which NSG gets the rules, and the rules themselves (from
// proposeAllowRule), placed just in front of the rule that blocks.
import {
  BACKUP_SERVICE_TAGS,
  proposeAllowRule,
  type BackupServiceTag,
  type Proposal,
  type ProposedRule,
} from '../../readiness/index.ts';
import type { VmNetworkView } from './network-check.ts';
import { outboundPriorities } from './proxy-fix.ts';

/** The name proposeAllowRule gives the rule for a tag. */
export function allowRuleName(tag: string): string {
  return `allow-${tag.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-443`;
}

export type SourceChoice = 'subnet' | 'VirtualNetwork';

export type AllowFixPlan = {
  nsg: { id: string; name: string };
  /** The rule the new ones must come before. */
  blocking: { name: string; priority: number };
  rules: ProposedRule[];
  /** Chosen tags that another NSG also blocks: a second fix is needed there after this one. */
  stillBlockedElsewhere: { tag: BackupServiceTag; nsg: string }[];
};

/** The service tags whose HTTPS the VM's primary NIC can't reach, in the guide's order. */
export function blockedTags(view: VmNetworkView): BackupServiceTag[] {
  return BACKUP_SERVICE_TAGS.value.filter((tag) => view.report.destinations[tag].status === 'denied');
}

/** The source prefix the rule would use: the VM's subnet, when known. */
export function subnetPrefixOf(view: VmNetworkView): string | undefined {
  return view.nics[0]?.subnet?.addressPrefixes[0];
}

export function planAllowFix(view: VmNetworkView, tags: readonly BackupServiceTag[], source: SourceChoice): Proposal<AllowFixPlan> {
  if (tags.length === 0) return { ok: false, message: 'Choose at least one service tag to allow.' };
  const blocked = tags.flatMap((tag) => {
    const verdict = view.report.destinations[tag];
    return verdict.status === 'denied' ? [{ tag, verdict }] : [];
  });
  const first = blocked[0];
  if (!first) return { ok: false, message: 'None of the chosen service tags is denied for this VM, so no rule is needed.' };
  const layer = view.nics[0]?.layers.find((l) => l.nsg.name.toLowerCase() === first.verdict.nsg.toLowerCase());
  const nsgId = layer?.nsg.id;
  if (!layer || !nsgId) return { ok: false, message: `The wizard couldn't find NSG ${first.verdict.nsg} to add the rule to. Check again, then retry.` };

  const here = blocked.filter((b) => b.verdict.nsg.toLowerCase() === layer.nsg.name.toLowerCase());
  const blockingVerdict = here.reduce((low, b) => (b.verdict.priority < low.verdict.priority ? b : low), first);
  // A rule the wizard added before (same name) is replaced by the PUT, so its number is free again.
  const existingPriorities = outboundPriorities(layer.nsg, tags.map(allowRuleName));
  const sourcePrefix = source === 'subnet' ? (subnetPrefixOf(view) ?? 'VirtualNetwork') : 'VirtualNetwork';
  const proposal = proposeAllowRule({ blockingPriority: blockingVerdict.verdict.priority, existingPriorities, tags, sourcePrefix });
  if (!proposal.ok) return proposal;
  return {
    ok: true,
    value: {
      nsg: { id: nsgId, name: layer.nsg.name },
      blocking: { name: blockingVerdict.verdict.rule, priority: blockingVerdict.verdict.priority },
      rules: proposal.value,
      stillBlockedElsewhere: blocked
        .filter((b) => b.verdict.nsg.toLowerCase() !== layer.nsg.name.toLowerCase())
        .map((b) => ({ tag: b.tag, nsg: b.verdict.nsg })),
    },
  };
}
