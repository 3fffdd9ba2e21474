// One rule shape for the evaluator, whatever the input: an NSG as ARM sends it (rules nested under
// `properties`), as the SDK returns it (flattened), or the effective-rules result of a NIC.

export type NsgRule = {
  name: string;
  priority: number;
  direction: string;
  /** 'Allow' | 'Deny', or 'AlwaysAllow' for network-manager admin rules. */
  access: string;
  protocol: string;
  sourcePrefixes: string[];
  sourcePorts: string[];
  destinationPrefixes: string[];
  destinationPorts: string[];
  /** Application security groups: their members aren't known here. */
  sourceAsg: boolean;
  destinationAsg: boolean;
  isDefault: boolean;
};

export type Nsg = { name: string; id?: string; rules: NsgRule[] };

/** Where an NSG applies. Outbound traffic meets the NIC's NSG first, then the subnet's. */
export type NsgLayer = { attachedTo: 'networkManager' | 'nic' | 'subnet'; nsg: Nsg };

type Maybe<T> = T | undefined;

export type RuleFieldsLike = {
  priority?: Maybe<number>;
  direction?: Maybe<string>;
  access?: Maybe<string>;
  protocol?: Maybe<string>;
  sourceAddressPrefix?: Maybe<string>;
  sourceAddressPrefixes?: Maybe<readonly string[]>;
  sourcePortRange?: Maybe<string>;
  sourcePortRanges?: Maybe<readonly string[]>;
  destinationAddressPrefix?: Maybe<string>;
  destinationAddressPrefixes?: Maybe<readonly string[]>;
  destinationPortRange?: Maybe<string>;
  destinationPortRanges?: Maybe<readonly string[]>;
  sourceApplicationSecurityGroups?: Maybe<readonly unknown[]>;
  destinationApplicationSecurityGroups?: Maybe<readonly unknown[]>;
};

export type SecurityRuleLike = RuleFieldsLike & { name?: Maybe<string>; properties?: Maybe<RuleFieldsLike> };

type RuleListsLike = {
  securityRules?: Maybe<readonly SecurityRuleLike[]>;
  defaultSecurityRules?: Maybe<readonly SecurityRuleLike[]>;
};

export type NsgLike = RuleListsLike & { name?: Maybe<string>; id?: Maybe<string>; properties?: Maybe<RuleListsLike> };

export type EffectiveNsgLike = {
  networkSecurityGroup?: Maybe<{ id?: Maybe<string> }>;
  association?: Maybe<{
    networkInterface?: Maybe<{ id?: Maybe<string> }>;
    subnet?: Maybe<{ id?: Maybe<string> }>;
    networkManager?: Maybe<{ id?: Maybe<string> }>;
  }>;
  effectiveSecurityRules?: Maybe<readonly SecurityRuleLike[]>;
};

export type EffectiveNsgListLike = { value?: Maybe<readonly EffectiveNsgLike[]> };

/** ARM's outbound defaults, added when an NSG arrives without its `defaultSecurityRules` list. */
export const DEFAULT_OUTBOUND_RULES: readonly SecurityRuleLike[] = [
  { name: 'AllowVnetOutBound', priority: 65000, destinationAddressPrefix: 'VirtualNetwork', sourceAddressPrefix: 'VirtualNetwork', access: 'Allow' },
  { name: 'AllowInternetOutBound', priority: 65001, destinationAddressPrefix: 'Internet', sourceAddressPrefix: '*', access: 'Allow' },
  { name: 'DenyAllOutBound', priority: 65500, destinationAddressPrefix: '*', sourceAddressPrefix: '*', access: 'Deny' },
].map((r) => ({ ...r, direction: 'Outbound', protocol: '*', sourcePortRange: '*', destinationPortRange: '*' }));

function list(single: Maybe<string>, many: Maybe<readonly string[]>): string[] {
  const values = many && many.length > 0 ? [...many] : single !== undefined && single !== '' ? [single] : [];
  return values.map((v) => v.trim());
}

export function normaliseRule(input: SecurityRuleLike, isDefault = false): NsgRule {
  const f: RuleFieldsLike = { ...input, ...input.properties };
  const rawName = input.name ?? '';
  // Effective rules carry their origin in the name: "securityRules/x", "defaultSecurityRules/DenyAllOutBound".
  const slash = rawName.indexOf('/');
  const prefix = slash >= 0 ? rawName.slice(0, slash).toLowerCase() : '';
  return {
    name: slash >= 0 ? rawName.slice(slash + 1) : rawName,
    priority: f.priority ?? Number.MAX_SAFE_INTEGER,
    direction: f.direction ?? '',
    access: f.access ?? '',
    protocol: f.protocol ?? '*',
    sourcePrefixes: list(f.sourceAddressPrefix, f.sourceAddressPrefixes),
    sourcePorts: list(f.sourcePortRange, f.sourcePortRanges),
    destinationPrefixes: list(f.destinationAddressPrefix, f.destinationAddressPrefixes),
    destinationPorts: list(f.destinationPortRange, f.destinationPortRanges),
    sourceAsg: (f.sourceApplicationSecurityGroups?.length ?? 0) > 0,
    destinationAsg: (f.destinationApplicationSecurityGroups?.length ?? 0) > 0,
    isDefault: isDefault || prefix === 'defaultsecurityrules',
  };
}

/** An NSG in wire or SDK shape. */
export function nsgFrom(input: NsgLike): Nsg {
  const lists: RuleListsLike = { ...input, ...input.properties };
  const defaults = lists.defaultSecurityRules ?? DEFAULT_OUTBOUND_RULES;
  const rules = [
    ...(lists.securityRules ?? []).map((r) => normaliseRule(r)),
    ...defaults.map((r) => normaliseRule(r, true)),
  ];
  const name = input.name ?? nameFromId(input.id) ?? 'unnamed NSG';
  return input.id ? { name, id: input.id, rules } : { name, rules };
}

/** The NSGs in front of one NIC, as read from the NIC and its subnet. */
export function layersFromNsgs(input: { nic?: Maybe<NsgLike>; subnet?: Maybe<NsgLike> }): NsgLayer[] {
  const layers: NsgLayer[] = [];
  if (input.nic) layers.push({ attachedTo: 'nic', nsg: nsgFrom(input.nic) });
  if (input.subnet) layers.push({ attachedTo: 'subnet', nsg: nsgFrom(input.subnet) });
  return layers;
}

/** The result of POST …/networkInterfaces/{nic}/effectiveNetworkSecurityGroups. */
export function layersFromEffective(result: EffectiveNsgListLike): NsgLayer[] {
  return (result.value ?? []).map((entry) => {
    const id = entry.networkSecurityGroup?.id;
    const nsg: Nsg = { name: nameFromId(id) ?? 'unnamed NSG', rules: (entry.effectiveSecurityRules ?? []).map((r) => normaliseRule(r)) };
    if (id) nsg.id = id;
    const a = entry.association;
    const attachedTo = a?.networkInterface ? 'nic' : a?.subnet ? 'subnet' : a?.networkManager ? 'networkManager' : 'nic';
    return { attachedTo, nsg };
  });
}

function nameFromId(id: Maybe<string>): string | undefined {
  const last = id?.split('/').filter(Boolean).at(-1);
  return last === undefined || last === '' ? undefined : last;
}
