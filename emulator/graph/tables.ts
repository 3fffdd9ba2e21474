// Resource Graph rows from the store's ARM wire resources, one function per table, shaped as ARG
// documents them (governance/resource-graph concepts/explore-resources.md, reference/supported-tables-
// resources.md, backup/query-backups-using-azure-resource-graph.md). Where ARG differs from an ARM GET,
// ARG wins: `type` and `location` lower-cased, `resourceGroup` lower-cased in Resources, empty strings and
// objects instead of missing fields, VMs' runtime facts under properties.extended.instanceView.
// Rows share nested objects with the store's resources: neither side may change them in place.
import type { ArmResource } from '../state/store.ts';
import type { SubscriptionWire } from '../state/wire-catalog.ts';
import { isoDuration } from '../state/wire-util.ts';

export type Row = Record<string, unknown>;
export type GraphTable = 'resources' | 'resourcecontainers' | 'recoveryservicesresources';
export const GRAPH_TABLES: readonly GraphTable[] = ['resources', 'resourcecontainers', 'recoveryservicesresources'];

/** A row with what the indexer and the RBAC filter need to know about it. */
export interface GraphEntry {
  table: GraphTable;
  /** Lower-cased id: identity in the index and the default sort key. */
  key: string;
  row: Row;
  /** Lower-cased subscription id, for the query's scope. */
  subscriptionId: string;
  /** Where ARM would check the read: the resource group, or the subscription for subscription-level rows. */
  rbacScope: string;
  readAction: string;
  /** `${rbacScope}|${readAction}`, lower-cased: one RBAC decision holds for every row with the same key. */
  rbacKey: string;
  /** ARG keeps some rows only for a while (backup jobs: 14 days); absent = forever. */
  expiresAt?: number;
}

/** What a row may need beyond its own resource. */
export interface TableContext {
  tenantId: string;
  /** Another stored resource (the VM behind a protected item, a vault's location). */
  lookup(id: string): ArmResource | undefined;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const lower = (s: unknown): string => (typeof s === 'string' ? s.toLowerCase() : '');

const PROTECTED_ITEM = 'microsoft.recoveryservices/vaults/backupfabrics/protectioncontainers/protecteditems';
const BACKUP_POLICY = 'microsoft.recoveryservices/vaults/backuppolicies';
const BACKUP_JOB = 'microsoft.recoveryservices/vaults/backupjobs';
const RESOURCE_GROUP = 'microsoft.resources/resourcegroups';
const VIRTUAL_MACHINE = 'microsoft.compute/virtualmachines';
// Child types ARG does not index as rows of their own: they live inside their parent's properties
// (subnets in the VNet, rules in the NSG) or are not ARM-indexed (the vault's storage config, containers).
const NOT_INDEXED = new Set([
  'microsoft.network/virtualnetworks/subnets',
  'microsoft.network/networksecuritygroups/securityrules',
  'microsoft.network/networksecuritygroups/defaultsecurityrules',
  'microsoft.recoveryservices/vaults/backupstorageconfig',
  'microsoft.recoveryservices/vaults/backupfabrics/protectioncontainers',
]);
/** Backup and restore jobs stay in ARG for 14 days (query-backups-using-azure-resource-graph.md). */
export const JOB_RETENTION_MS = 14 * 24 * 3600_000;

function idParts(id: string): { subscriptionId: string; resourceGroup: string } {
  const m = /^\/subscriptions\/([^/]+)(?:\/resourceGroups\/([^/]+))?/i.exec(id);
  return { subscriptionId: m?.[1] ?? '', resourceGroup: m?.[2] ?? '' };
}

function rbacScopeOf(id: string): string {
  const { subscriptionId, resourceGroup } = idParts(id);
  const sub = `/subscriptions/${subscriptionId}`;
  return (resourceGroup ? `${sub}/resourcegroups/${resourceGroup}` : sub).toLowerCase();
}

/** The columns every ARG table has, in ARG's order. */
function baseRow(r: ArmResource, ctx: TableContext, overrides: Partial<Row> = {}): Row {
  const { subscriptionId, resourceGroup } = idParts(r.id);
  return {
    id: r.id,
    name: r.name,
    type: r.type.toLowerCase(),
    tenantId: ctx.tenantId,
    kind: typeof r['kind'] === 'string' ? r['kind'] : '',
    location: lower(r.location),
    resourceGroup: resourceGroup.toLowerCase(),
    subscriptionId,
    managedBy: typeof r['managedBy'] === 'string' ? r['managedBy'] : '',
    sku: r.sku ?? {},
    plan: isObj(r['plan']) ? r['plan'] : {},
    properties: r.properties ?? {},
    tags: r.tags ?? {},
    identity: r.identity ?? null,
    zones: r.zones ?? null,
    extendedLocation: isObj(r['extendedLocation']) ? r['extendedLocation'] : null,
    ...overrides,
  };
}

function entry(table: GraphTable, r: ArmResource, row: Row, extra: Partial<Omit<GraphEntry, 'rbacKey'>> = {}): GraphEntry {
  const e = {
    table,
    key: r.id.toLowerCase(),
    row,
    subscriptionId: idParts(r.id).subscriptionId.toLowerCase(),
    rbacScope: rbacScopeOf(r.id),
    readAction: `${r.type}/read`,
    ...extra,
  };
  return { ...e, rbacKey: `${e.rbacScope}|${e.readAction.toLowerCase()}` };
}

/**
 * What ARG exposes of a VM's instance view (properties.extended.instanceView): the power state and the
 * facts the guest agent reports. The agent's own status and the extension statuses are not there.
 */
export function extendedInstanceView(view: unknown): Obj {
  const out: Obj = {};
  if (!isObj(view)) return out;
  for (const key of ['computerName', 'osName', 'osVersion', 'hyperVGeneration'] as const) {
    if (typeof view[key] === 'string') out[key] = view[key];
  }
  const statuses = Array.isArray(view['statuses']) ? (view['statuses'] as unknown[]).filter(isObj) : [];
  const power = statuses.find((s) => lower(s['code']).startsWith('powerstate/'));
  if (power) out['powerState'] = { code: power['code'], level: power['level'], displayStatus: power['displayStatus'] };
  return out;
}

function virtualMachineRow(r: ArmResource, ctx: TableContext): Row {
  const { instanceView, ...properties } = r.properties ?? {};
  return baseRow(r, ctx, { properties: { ...properties, extended: { instanceView: extendedInstanceView(instanceView) } } });
}

/** Backup's protection state in the words ARG's currentProtectionState uses (the article's filter list). */
function currentProtectionState(protectionState: unknown): string {
  switch (protectionState) {
    case 'IRPending':
    case 'Protected':
      return 'ProtectionConfigured';
    case 'ProtectionStopped':
    case 'ProtectionPaused':
      return 'ProtectionStopped';
    case 'ProtectionError':
      return 'ProtectionError';
    default:
      return 'ConfiguringProtection';
  }
}

function vaultIdOf(id: string): string {
  const m = /^(.*?\/providers\/Microsoft\.RecoveryServices\/vaults\/[^/]+)/i.exec(id);
  return m?.[1] ?? id;
}

function protectedItemRow(r: ArmResource, ctx: TableContext): Row {
  const { extendedInfo: _extendedInfo, ...properties } = r.properties ?? {};
  const vault = ctx.lookup(vaultIdOf(r.id));
  const sourceId = typeof properties['sourceResourceId'] === 'string' ? properties['sourceResourceId'] : '';
  const vm = sourceId ? ctx.lookup(sourceId) : undefined;
  return baseRow(r, ctx, {
    location: lower(vault?.location),
    properties: {
      ...properties,
      currentProtectionState: currentProtectionState(properties['protectionState']),
      dataSourceInfo: {
        resourceID: sourceId,
        resourceName: vm?.name ?? sourceId.split('/').pop() ?? '',
        resourceType: 'Microsoft.Compute/virtualMachines',
        resourceLocation: lower(vm?.location ?? vault?.location),
        datasourceType: 'Microsoft.Compute/virtualMachines',
      },
    },
  });
}

/**
 * Backup policy ids are lower-cased: Microsoft's "List all Backup policies used for Azure VMs" sample
 * finds the vault name by splitting the id on the lower-case 'microsoft.recoveryservices/vaults/'.
 */
function policyRow(r: ArmResource, ctx: TableContext): Row {
  const vault = ctx.lookup(vaultIdOf(r.id));
  return baseRow(r, ctx, { id: r.id.toLowerCase(), location: lower(vault?.location) });
}

/** The job as ARG shows it: the service's job properties plus which data source it is about. */
function jobRow(r: ArmResource, ctx: TableContext): Row {
  const p = r.properties ?? {};
  const subject = isObj(r['subject']) ? r['subject'] : {};
  const sourceId = typeof subject['sourceResourceId'] === 'string' ? subject['sourceResourceId'] : '';
  const vault = ctx.lookup(vaultIdOf(r.id));
  const start = Date.parse(String(p['startTime']));
  const end = typeof p['endTime'] === 'string' ? Date.parse(p['endTime']) : Number.NaN;
  const properties: Obj = {
    ...p,
    vaultName: vault?.name ?? vaultIdOf(r.id).split('/').pop() ?? '',
    dataSourceId: sourceId,
    dataSourceLocation: lower(ctx.lookup(sourceId)?.location ?? vault?.location),
    // "Back up now" is the only job a user starts by hand; the others follow configuration.
    isUserTriggered: p['operation'] === 'Backup',
  };
  if (Number.isFinite(start) && Number.isFinite(end)) properties['duration'] = isoDuration(end - start);
  return baseRow(r, ctx, { location: lower(vault?.location), properties });
}

/** The row a stored resource contributes to Resource Graph, if any. */
export function entryFor(r: ArmResource, ctx: TableContext): GraphEntry | undefined {
  const type = r.type.toLowerCase();
  if (NOT_INDEXED.has(type)) return undefined;
  if (type === RESOURCE_GROUP) {
    return entry('resourcecontainers', r, baseRow(r, ctx, { type: 'microsoft.resources/subscriptions/resourcegroups' }), {
      readAction: 'Microsoft.Resources/subscriptions/resourceGroups/read',
    });
  }
  if (type === PROTECTED_ITEM) return entry('recoveryservicesresources', r, protectedItemRow(r, ctx));
  if (type === BACKUP_POLICY) return entry('recoveryservicesresources', r, policyRow(r, ctx));
  if (type === BACKUP_JOB) {
    const start = Date.parse(String(r.properties?.['startTime']));
    return entry('recoveryservicesresources', r, jobRow(r, ctx), Number.isFinite(start) ? { expiresAt: start + JOB_RETENTION_MS } : {});
  }
  // Other Recovery Services children (containers, storage config, ...) are not in ARG.
  if (type.startsWith('microsoft.recoveryservices/vaults/')) return undefined;
  return entry('resources', r, type === VIRTUAL_MACHINE ? virtualMachineRow(r, ctx) : baseRow(r, ctx));
}

/** Subscriptions are ResourceContainers rows too; they come from the catalog, not from ARM resources. */
export function subscriptionEntry(s: SubscriptionWire, ctx: TableContext): GraphEntry {
  const row: Row = {
    id: `/subscriptions/${s.subscriptionId}`,
    name: s.displayName,
    type: 'microsoft.resources/subscriptions',
    tenantId: s.tenantId || ctx.tenantId,
    kind: '',
    location: '',
    resourceGroup: '',
    subscriptionId: s.subscriptionId,
    managedBy: '',
    sku: {},
    plan: {},
    properties: {
      state: s.state,
      subscriptionPolicies: s.subscriptionPolicies,
      // Every fixture subscription sits directly under the tenant root group, whose name is the tenant id.
      managementGroupAncestorsChain: [{ name: ctx.tenantId, displayName: 'Tenant Root Group' }],
    },
    tags: s.tags,
    identity: null,
    zones: null,
    extendedLocation: null,
  };
  const sub = `/subscriptions/${s.subscriptionId}`.toLowerCase();
  return {
    table: 'resourcecontainers',
    key: sub,
    row,
    subscriptionId: s.subscriptionId.toLowerCase(),
    rbacScope: sub,
    readAction: 'Microsoft.Resources/subscriptions/read',
    rbacKey: `${sub}|microsoft.resources/subscriptions/read`,
  };
}
