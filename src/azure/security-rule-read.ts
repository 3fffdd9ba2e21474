import type { ArmClients } from './clients.ts';
import { toAzureError } from './errors.ts';

/** A security rule as read back from its NSG (the wire `properties`, which the SDK flattens). */
export type SecurityRuleRead = {
  id: string;
  name: string;
  nsgId: string;
  priority: number;
  protocol: string;
  access: 'Allow' | 'Deny';
  direction: 'Inbound' | 'Outbound';
  sourceAddressPrefix: string;
  sourcePortRange: string;
  destinationPortRange: string;
  destinationAddressPrefix?: string;
  destinationAddressPrefixes?: string[];
  description?: string;
  provisioningState: string;
};

/** `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/nsg/securityRules/rule`. */
function parts(ruleId: string): { subscriptionId: string; resourceGroup: string; nsg: string; rule: string } | null {
  const match = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Network\/networkSecurityGroups\/([^/]+)\/securityRules\/([^/]+)$/i.exec(ruleId);
  if (!match?.[1] || !match[2] || !match[3] || !match[4]) return null;
  return { subscriptionId: match[1], resourceGroup: match[2], nsg: match[3], rule: match[4] };
}

/** The rule read back from ARM, or null when it (or its NSG) does not exist. */
export async function getSecurityRule(clients: ArmClients, ruleId: string): Promise<SecurityRuleRead | null> {
  const where = parts(ruleId);
  if (!where) throw new Error(`"${ruleId}" is not the id of an NSG security rule.`);
  const client = await clients.network(where.subscriptionId);
  try {
    const rule = await client.securityRules.get(where.resourceGroup, where.nsg, where.rule);
    const result: SecurityRuleRead = {
      id: rule.id ?? ruleId,
      name: rule.name ?? where.rule,
      nsgId: ruleId.replace(/\/securityRules\/[^/]+$/i, ''),
      priority: rule.priority ?? 0,
      protocol: rule.protocol ?? '*',
      access: rule.access === 'Deny' ? 'Deny' : 'Allow',
      direction: rule.direction === 'Inbound' ? 'Inbound' : 'Outbound',
      sourceAddressPrefix: rule.sourceAddressPrefix ?? (rule.sourceAddressPrefixes ?? []).join(','),
      sourcePortRange: rule.sourcePortRange ?? (rule.sourcePortRanges ?? []).join(','),
      destinationPortRange: rule.destinationPortRange ?? (rule.destinationPortRanges ?? []).join(','),
      provisioningState: rule.provisioningState ?? '',
    };
    if (rule.destinationAddressPrefix) result.destinationAddressPrefix = rule.destinationAddressPrefix;
    if (rule.destinationAddressPrefixes && rule.destinationAddressPrefixes.length > 0) {
      result.destinationAddressPrefixes = [...rule.destinationAddressPrefixes];
    }
    if (rule.description) result.description = rule.description;
    return result;
  } catch (error) {
    if (toAzureError(error).status === 404) return null;
    throw error;
  }
}
