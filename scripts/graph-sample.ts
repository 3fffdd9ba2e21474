// Microsoft's Resource Graph samples against the local Azure with the real @azure/arm-resourcegraph client and a
// client_credentials token, each answer checked against the ARM list calls. Start the emulator first, then:
//
//   npm start                                            (in another terminal)
//   node scripts/with-cert.ts node scripts/graph-sample.ts [https://localhost:8443]
//
// Exits 1 if Resource Graph and ARM disagree.
import { ComputeManagementClient } from '@azure/arm-compute';
import { RecoveryServicesClient } from '@azure/arm-recoveryservices';
import { RecoveryServicesBackupClient } from '@azure/arm-recoveryservicesbackup';
import { ResourceGraphClient } from '@azure/arm-resourcegraph';
import { SAMPLES } from '../emulator/graph/samples.ts';

const origin = process.argv[2] ?? 'https://localhost:8443';
const endpoint = `${origin}/arm`;
const scope = 'https://management.azure.com/.default';
const subscriptions = ['8c6b1f3e-2a4d-4f5b-9e7c-0a1b2c3d4e5f', 'b2d4f6a8-1c3e-4a5b-8d7f-9e0a1b2c3d4e'];

const token = (await (
  await fetch(`${origin}/idp/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: '5e7a9c1b-3d5f-4a7b-8c9d-0e1f2a3b4c5d', client_secret: 'local-only-secret', scope }),
  })
).json()) as { access_token: string };
const credential = { getToken: async () => ({ token: token.access_token, expiresOnTimestamp: Date.now() + 3_000_000 }) };
const graph = new ResourceGraphClient(credential, { endpoint, credentials: { scopes: [scope] } });

/** Every row of a query across the fixture's subscriptions, page by page. */
async function rows(query: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let skipToken: string | undefined;
  do {
    const page = await graph.resources({ query, subscriptions, options: skipToken ? { skipToken } : {} });
    out.push(...(page.data as Record<string, unknown>[]));
    skipToken = page.skipToken;
  } while (skipToken);
  return out;
}

const ids = (items: readonly { id?: unknown }[]) => items.map((i) => String(i.id).toLowerCase()).sort();
let failed = false;
function check(label: string, fromGraph: string[], fromArm: string[]): void {
  const same = JSON.stringify(fromGraph) === JSON.stringify(fromArm);
  failed ||= !same;
  console.log(`${same ? 'same' : 'DIFFERENT'}  ${label}: Resource Graph ${fromGraph.length}, ARM ${fromArm.length}`);
}

// "Count virtual machines by OS type", then the VMs themselves against each subscription's VM list.
const byOs = await rows(SAMPLES.vmsByOsType);
console.log('VMs by OS type:', byOs.map((r) => `${String(r['properties_storageProfile_osDisk_osType'])} ${String(r['count_'])}`).join(', '));
const armVms = [];
for (const sub of subscriptions) {
  for await (const vm of new ComputeManagementClient(credential, sub, { endpoint, credentials: { scopes: [scope] } }).virtualMachines.listAll()) armVms.push(vm);
}
check('virtual machines', ids(await rows("Resources | where type =~ 'microsoft.compute/virtualmachines' | project id")), ids(armVms));

// Backup: protected VMs from RecoveryServicesResources against each vault's protected items.
const armItems: { id?: string; properties?: { sourceResourceId?: string } }[] = [];
for (const sub of subscriptions) {
  const vaults = new RecoveryServicesClient(credential, sub, { endpoint, credentials: { scopes: [scope] } });
  const backup = new RecoveryServicesBackupClient(credential, sub, { endpoint, credentialScopes: [scope] });
  for await (const vault of vaults.vaults.listBySubscriptionId()) {
    const rg = String(vault.id).split('/')[4] ?? '';
    for await (const item of backup.backupProtectedItems.list(String(vault.name), rg)) armItems.push(item as (typeof armItems)[number]);
  }
}
const protectedItems = (await Promise.all(subscriptions.map((sub) => rows(SAMPLES.protectedVmsBySubscription(sub))))).flat();
check('protected items', ids(protectedItems), ids(armItems));
const unprotected = await rows(SAMPLES.unprotectedVms);
const protectedVms = new Set(armItems.map((i) => String(i.properties?.sourceResourceId).toLowerCase()));
check('VMs not configured for backup', ids(unprotected), ids(armVms).filter((id) => !protectedVms.has(id)).sort());

// A bad query gets Resource Graph's 400.
const error = (await graph.resources({ query: 'Resources | wher type == 1', subscriptions }).catch((e: unknown) => e)) as {
  statusCode?: number;
  code?: string;
  details?: { error?: { details?: { code: string }[] } };
};
console.log(`bad query: ${error.statusCode} ${error.code} [${(error.details?.error?.details ?? []).map((d) => d.code).join(', ')}]`);
process.exit(failed ? 1 : 0);
