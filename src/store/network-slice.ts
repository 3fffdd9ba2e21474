import { z } from 'zod';
import type { SliceCreator, StoreDeps } from './slice.ts';
import type { WizardState } from './wizard-store.ts';

/** The state of the guide's backup path (HTTPS to Azure Storage): a fact, not a verdict. */
export type NetworkPathKind = 'open' | 'denied' | 'unknown';

export type NetworkVerdictKind = 'ready' | 'attention' | 'blocked';

/** The last network check of one VM, as the step's completion needs it. */
export type NetworkCheckSummary = {
  /** Blocked (a deny of 168.63.129.16: must be fixed), attention (may be accepted) or ready. */
  verdict: NetworkVerdictKind;
  path: NetworkPathKind;
  /** Rule ids of the findings needing attention (or blocking), for the Review step and the summary. */
  findings: string[];
  checkedAt: string;
};

/** An NSG security rule the wizard created, with the exact body it sent (the summary prints these). */
export type CreatedRuleRecord = {
  id: string;
  nsgId: string;
  name: string;
  purpose: 'allow' | 'proxy';
  /** The `properties` of the PUT body. */
  body: {
    priority: number;
    protocol: string;
    access: string;
    direction: string;
    sourceAddressPrefix: string;
    sourcePortRange: string;
    destinationAddressPrefix?: string;
    destinationAddressPrefixes?: string[];
    destinationPortRange: string;
    description?: string;
  };
  /** The VM whose check led to the rule, if any. */
  forVmId?: string;
  createdAt: string;
};

export type ProxySettings = { ip: string; port: number };

export type NetworkState = {
  /** Keys: VM ids in lower case. */
  results: Record<string, NetworkCheckSummary>;
  /** VMs whose findings needing attention the user accepted (a blocked VM can't be accepted). */
  acknowledged: string[];
  /** The proxy form as typed (kept even when invalid, so nothing typed is lost). */
  proxyDraft: { ip: string; port: string };
  /** Set when the user chose to route backup traffic through this proxy. */
  proxy: ProxySettings | null;
  createdRules: CreatedRuleRecord[];
  updatedAt: string | null;
};

export type NetworkSlice = {
  network: NetworkState;
  recordNetworkCheck(vmId: string, summary: Omit<NetworkCheckSummary, 'checkedAt'>): void;
  acknowledgeNetworkRisk(vmId: string, accepted: boolean): void;
  editProxyDraft(change: Partial<NetworkState['proxyDraft']>): void;
  /** Records the proxy path (validated by the caller); null leaves it. */
  chooseProxy(settings: ProxySettings | null): void;
  recordCreatedRule(rule: Omit<CreatedRuleRecord, 'createdAt'>): void;
};

export const initialNetwork: NetworkState = {
  results: {},
  acknowledged: [],
  proxyDraft: { ip: '', port: '' },
  proxy: null,
  createdRules: [],
  updatedAt: null,
};

const vmKey = (id: string): string => id.toLowerCase();
const id = z.string().min(1).max(1000);
const text = z.string().max(1000);

const ruleBodySchema = z.object({
  priority: z.number().int(),
  protocol: text,
  access: text,
  direction: text,
  sourceAddressPrefix: text,
  sourcePortRange: text,
  destinationAddressPrefix: text.optional(),
  destinationAddressPrefixes: z.array(text).max(100).optional(),
  destinationPortRange: text,
  description: text.optional(),
});

const checkSchema = z.object({
  verdict: z.enum(['ready', 'attention', 'blocked']),
  path: z.enum(['open', 'denied', 'unknown']),
  findings: z.array(z.string().min(1).max(100)).max(50),
  checkedAt: z.iso.datetime(),
});

/** Builds before the one vocabulary saved { verdict: open | blocked | unknown, platformDenied }: read them as the same facts. */
function fromOlderCheck(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !('platformDenied' in value)) return value;
  const old = value as { verdict?: unknown; platformDenied?: unknown; checkedAt?: unknown };
  const path = old.verdict === 'blocked' ? 'denied' : old.verdict;
  const verdict = path === 'open' && old.platformDenied !== true ? 'ready' : 'attention';
  return { verdict, path, findings: [], checkedAt: old.checkedAt };
}

export const persistedNetworkSchema = z.object({
  results: z.record(id, z.preprocess(fromOlderCheck, checkSchema)).default({}),
  acknowledged: z.array(id).max(10_000).default([]),
  proxyDraft: z.object({ ip: z.string().max(100), port: z.string().max(20) }).default({ ip: '', port: '' }),
  proxy: z.object({ ip: z.string().min(1).max(100), port: z.number().int().min(1).max(65535) }).nullable().default(null),
  createdRules: z
    .array(
      z.object({
        id,
        nsgId: id,
        name: z.string().min(1).max(100),
        purpose: z.enum(['allow', 'proxy']),
        body: ruleBodySchema,
        forVmId: id.optional(),
        createdAt: z.iso.datetime(),
      }),
    )
    .max(1000)
    .default([]),
  updatedAt: z.iso.datetime().nullable().default(null),
});

type ParsedRule = z.infer<typeof persistedNetworkSchema>['createdRules'][number];

/** zod leaves absent optional keys out, but exactOptionalPropertyTypes needs them gone, not undefined. */
function ruleFrom(rule: ParsedRule | CreatedRuleRecord): CreatedRuleRecord {
  const { destinationAddressPrefix, destinationAddressPrefixes, description, ...body } = rule.body;
  const out: CreatedRuleRecord = {
    id: rule.id,
    nsgId: rule.nsgId,
    name: rule.name,
    purpose: rule.purpose,
    body: {
      ...body,
      ...(destinationAddressPrefix === undefined ? {} : { destinationAddressPrefix }),
      ...(destinationAddressPrefixes === undefined ? {} : { destinationAddressPrefixes: [...destinationAddressPrefixes] }),
      ...(description === undefined ? {} : { description }),
    },
    createdAt: rule.createdAt,
  };
  if (rule.forVmId !== undefined) out.forVmId = rule.forVmId;
  return out;
}

/** Restores the persisted slice into its exact state type. */
export function networkFromPersisted(parsed: z.infer<typeof persistedNetworkSchema>): NetworkState {
  return { ...parsed, createdRules: parsed.createdRules.map(ruleFrom) };
}

export const persistNetwork = (network: NetworkState): NetworkState => ({
  results: Object.fromEntries(Object.entries(network.results).map(([k, v]) => [k, copyCheck(v)])),
  acknowledged: [...network.acknowledged],
  proxyDraft: { ...network.proxyDraft },
  proxy: network.proxy && { ...network.proxy },
  createdRules: network.createdRules.map(ruleFrom),
  updatedAt: network.updatedAt,
});

export function networkResultOf(network: NetworkState, vmId: string): NetworkCheckSummary | undefined {
  return network.results[vmKey(vmId)];
}

function copyCheck(check: NetworkCheckSummary): NetworkCheckSummary {
  return { verdict: check.verdict, path: check.path, findings: [...check.findings], checkedAt: check.checkedAt };
}

export function networkRiskAcknowledged(network: NetworkState, vmId: string): boolean {
  return network.acknowledged.includes(vmKey(vmId));
}

/** What the user may accept for this VM: findings that need attention. A deny of 168.63.129.16 (Blocked) must be fixed. */
export function networkRiskAcceptable(result: Pick<NetworkCheckSummary, 'verdict'> | undefined): boolean {
  return result?.verdict === 'attention';
}

export function networkVmCleared(network: NetworkState, vmId: string): boolean {
  const result = networkResultOf(network, vmId);
  if (!result) return false;
  if (result.verdict === 'ready') return true;
  // Routing backup traffic through the guide's proxy answers a closed or unconfirmed path, not a platform deny.
  if (result.verdict === 'attention' && network.proxy !== null && result.path !== 'open') return true;
  return networkRiskAcceptable(result) && networkRiskAcknowledged(network, vmId);
}

/** Complete when every selected VM is ready, its findings accepted, or its path handled by the proxy; none is blocked. */
export function isNetworkStepComplete(state: Pick<WizardState, 'network' | 'vms'>): boolean {
  const ids = state.vms.selectedIds;
  if (ids.length === 0) return false;
  return ids.every((vmId) => networkVmCleared(state.network, vmId));
}

export function summarizeNetworkStep(state: Pick<WizardState, 'network' | 'vms'>): string | null {
  if (!isNetworkStepComplete(state)) return null;
  const { proxy, createdRules } = state.network;
  const parts: string[] = [];
  if (proxy) parts.push(`Through proxy ${proxy.ip}:${proxy.port}`);
  else parts.push('Outbound HTTPS open');
  if (createdRules.length > 0) parts.push(`${createdRules.length} rule${createdRules.length === 1 ? '' : 's'} added`);
  return parts.join(', ');
}

export const createNetworkSlice =
  ({ now }: StoreDeps): SliceCreator<NetworkSlice> =>
  (set) => ({
    network: initialNetwork,
    recordNetworkCheck: (vmId, summary) =>
      set((state) => {
        const at = now().toISOString();
        const results = { ...state.network.results, [vmKey(vmId)]: copyCheck({ ...summary, checkedAt: at }) };
        return { network: { ...state.network, results, updatedAt: at } };
      }),
    acknowledgeNetworkRisk: (vmId, accepted) =>
      set((state) => {
        const key = vmKey(vmId);
        const others = state.network.acknowledged.filter((k) => k !== key);
        const acceptable = networkRiskAcceptable(state.network.results[key]);
        const acknowledged = accepted && acceptable ? [...others, key] : others;
        return { network: { ...state.network, acknowledged, updatedAt: now().toISOString() } };
      }),
    editProxyDraft: (change) =>
      set((state) => ({
        network: { ...state.network, proxyDraft: { ...state.network.proxyDraft, ...change }, updatedAt: now().toISOString() },
      })),
    chooseProxy: (settings) =>
      set((state) => ({ network: { ...state.network, proxy: settings && { ...settings }, updatedAt: now().toISOString() } })),
    recordCreatedRule: (rule) =>
      set((state) => {
        const at = now().toISOString();
        // A PUT with the same name replaces the rule in Azure; the record follows.
        const others = state.network.createdRules.filter((r) => r.id.toLowerCase() !== rule.id.toLowerCase());
        return { network: { ...state.network, createdRules: [...others, ruleFrom({ ...rule, createdAt: at })], updatedAt: at } };
      }),
  });
