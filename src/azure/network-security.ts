import { layersFromEffective, nsgFrom, type Nsg, type NsgLayer, type ProposedRule } from '../readiness/index.ts';
import { resourceGroupOf } from './arm-ids.ts';
import type { ArmClients } from './clients.ts';
import { journaled } from './journaled.ts';
import type { OperationProgress } from './vaults.ts';
import { fieldsOf, type NicLike, type Wire } from './vm-wire.ts';

/** A NIC as the readiness checks need it: where its traffic goes out and which NSG sits on it. */
export type NicInfo = {
  id: string;
  name: string;
  resourceGroup: string;
  nsgId?: string;
  ipConfigurations: { name: string; subnetId?: string; privateIp?: string; primary: boolean }[];
};

export type SubnetInfo = { id: string; name: string; addressPrefixes: string[]; nsgId?: string };

/** An NSG with its rules in the readiness module's shape, plus where it lives (for writes). */
export type NsgInfo = Nsg & { id: string; resourceGroup: string; location: string };

/** What ARM keeps after a rule PUT: enough to record it and find it again. */
export type CreatedRule = { id: string; name: string; provisioningState: string };

type Ref = { id?: string | undefined } | undefined;

/** `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/<type>/<name>[/<child>/<name>]` → its parts. */
export function networkIdParts(id: string): { resourceGroup: string; names: string[] } {
  const after = /\/providers\/Microsoft\.Network\/(.+)$/i.exec(id)?.[1] ?? '';
  const segments = after.split('/');
  // type/name pairs: keep the names.
  const names = segments.filter((_, i) => i % 2 === 1);
  return { resourceGroup: resourceGroupOf(id), names };
}

function nameOf(id: string): string {
  return id.split('/').filter(Boolean).at(-1) ?? id;
}

function refId(ref: Ref): string | undefined {
  return ref?.id === undefined || ref.id === '' ? undefined : ref.id;
}

/** A NIC as the SDK returns it (flattened) or as ARM sends it (under `properties`). */
export function nicInfoFrom(nic: NicLike, fallbackId: string): NicInfo {
  const id = nic.id ?? fallbackId;
  const fields = fieldsOf(nic);
  const info: NicInfo = {
    id,
    name: nic.name ?? nameOf(id),
    resourceGroup: resourceGroupOf(id),
    ipConfigurations: (fields.ipConfigurations ?? []).map((raw, i) => {
      const config = fieldsOf(raw);
      const out: NicInfo['ipConfigurations'][number] = { name: raw.name ?? `ipconfig${i + 1}`, primary: config.primary ?? i === 0 };
      const subnetId = refId(config.subnet);
      if (subnetId) out.subnetId = subnetId;
      if (config.privateIPAddress) out.privateIp = config.privateIPAddress;
      return out;
    }),
  };
  const nsgId = refId(fields.networkSecurityGroup);
  if (nsgId) info.nsgId = nsgId;
  return info;
}

type SubnetFields = { addressPrefix?: string | undefined; addressPrefixes?: readonly string[] | undefined; networkSecurityGroup?: Ref };

export function subnetInfoFrom(subnet: Wire<SubnetFields> & { id?: string | undefined; name?: string | undefined }, fallbackId: string): SubnetInfo {
  const fields = fieldsOf(subnet);
  const prefixes = fields.addressPrefixes && fields.addressPrefixes.length > 0
    ? [...fields.addressPrefixes]
    : fields.addressPrefix ? [fields.addressPrefix] : [];
  const id = subnet.id ?? fallbackId;
  const info: SubnetInfo = { id, name: subnet.name ?? nameOf(id), addressPrefixes: prefixes };
  const nsgId = refId(fields.networkSecurityGroup);
  if (nsgId) info.nsgId = nsgId;
  return info;
}

export async function getNetworkInterface(clients: ArmClients, subscriptionId: string, nicId: string): Promise<NicInfo> {
  const client = await clients.network(subscriptionId);
  const { resourceGroup, names } = networkIdParts(nicId);
  return nicInfoFrom(await client.networkInterfaces.get(resourceGroup, names[0] ?? nameOf(nicId)), nicId);
}

export async function getSubnet(clients: ArmClients, subscriptionId: string, subnetId: string): Promise<SubnetInfo> {
  const client = await clients.network(subscriptionId);
  const { resourceGroup, names } = networkIdParts(subnetId);
  return subnetInfoFrom(await client.subnets.get(resourceGroup, names[0] ?? '', names[1] ?? nameOf(subnetId)), subnetId);
}

type NsgWire = Parameters<typeof nsgFrom>[0] & { location?: string | undefined };

/** An NSG as the SDK returns it or as ARM sends it, default rules included. */
export function nsgInfoFrom(nsg: NsgWire, fallbackId: string): NsgInfo {
  const id = nsg.id ?? fallbackId;
  return { ...nsgFrom({ ...nsg, id }), id, resourceGroup: resourceGroupOf(id), location: nsg.location ?? '' };
}

export async function getNetworkSecurityGroup(clients: ArmClients, subscriptionId: string, nsgId: string): Promise<NsgInfo> {
  const client = await clients.network(subscriptionId);
  const { resourceGroup, names } = networkIdParts(nsgId);
  return nsgInfoFrom(await client.networkSecurityGroups.get(resourceGroup, names[0] ?? nameOf(nsgId)), nsgId);
}

/** Every NSG of the subscription (all pages): where the proxy's outbound rule can go. */
export async function listNetworkSecurityGroups(clients: ArmClients, subscriptionId: string): Promise<NsgInfo[]> {
  const client = await clients.network(subscriptionId);
  const result: NsgInfo[] = [];
  for await (const nsg of client.networkSecurityGroups.listAll()) {
    if (nsg.id) result.push(nsgInfoFrom(nsg, nsg.id));
  }
  return result.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The rules Azure applies to a NIC (subnet and NIC NSGs, network-manager rules). A long-running POST that
 * Azure answers only for a NIC attached to a running VM (400 NicNotAttachedToRunningVm otherwise).
 */
export async function listEffectiveNsgs(clients: ArmClients, subscriptionId: string, nicId: string): Promise<NsgLayer[]> {
  const client = await clients.network(subscriptionId);
  const { resourceGroup, names } = networkIdParts(nicId);
  const result = await client.networkInterfaces.listEffectiveNetworkSecurityGroups(resourceGroup, names[0] ?? nameOf(nicId)).pollUntilDone();
  return layersFromEffective(result);
}

/** The api-version @azure/arm-network 39.0.0 sends with every network operation (it can't be changed per client). */
export const NETWORK_API_VERSION = '2026-01-01';

export type RulePutBody = {
  properties: {
    description?: string;
    protocol: string;
    sourcePortRange: string;
    destinationPortRange: string;
    sourceAddressPrefix: string;
    destinationAddressPrefix?: string;
    destinationAddressPrefixes?: string[];
    access: string;
    priority: number;
    direction: string;
  };
};

/** The body the SDK sends for this rule, in its field order: what the wizard shows before sending it. */
export function rulePutBody(rule: ProposedRule): RulePutBody {
  return {
    properties: {
      ...(rule.description === '' ? {} : { description: rule.description }),
      protocol: rule.protocol,
      sourcePortRange: rule.sourcePortRange,
      destinationPortRange: rule.destinationPortRange,
      sourceAddressPrefix: rule.sourceAddressPrefix,
      ...(rule.destinationAddressPrefix === undefined ? {} : { destinationAddressPrefix: rule.destinationAddressPrefix }),
      ...(rule.destinationAddressPrefixes === undefined ? {} : { destinationAddressPrefixes: [...rule.destinationAddressPrefixes] }),
      access: rule.access,
      priority: rule.priority,
      direction: rule.direction,
    },
  };
}

/** The request line of the rule's PUT, relative to the ARM endpoint. */
export function rulePutPath(nsgId: string, ruleName: string): string {
  return `${securityRuleId(nsgId, ruleName)}?api-version=${NETWORK_API_VERSION}`;
}

/** The ARM resource id a security rule gets. */
export function securityRuleId(nsgId: string, ruleName: string): string {
  return `${nsgId}/securityRules/${ruleName}`;
}

/** PUT of one security rule: asynchronous in Azure, followed to its end; `onProgress` hears each poll's state. */
export async function createSecurityRule(
  clients: ArmClients,
  subscriptionId: string,
  nsgId: string,
  rule: ProposedRule,
  onProgress?: (progress: OperationProgress) => void,
): Promise<CreatedRule> {
  const client = await clients.network(subscriptionId);
  const { resourceGroup, names } = networkIdParts(nsgId);
  const { name, ...fields } = rule;
  const summary = {
    direction: fields.direction,
    access: fields.access,
    priority: fields.priority,
    destination: fields.destinationAddressPrefix ?? (fields.destinationAddressPrefixes ?? []).join(','),
    port: fields.destinationPortRange,
  };
  const created = await journaled(clients.journal, { kind: 'nsgRule.put', method: 'PUT', target: securityRuleId(nsgId, name), summary }, async (hooks) => {
    const poller = client.securityRules.createOrUpdate(resourceGroup, names[0] ?? nameOf(nsgId), name, fields, hooks.modular);
    if (onProgress) poller.onProgress((state) => onProgress(state.status));
    await poller.submitted();
    onProgress?.('running');
    return poller.pollUntilDone();
  });
  return { id: created.id ?? securityRuleId(nsgId, name), name: created.name ?? name, provisioningState: created.provisioningState ?? 'Succeeded' };
}
