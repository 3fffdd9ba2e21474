// How the emulator answers Azure Backup's own pre-checks, in one place: backupPreValidateProtection (per VM
// and vault) and backupValidateFeatures (per VM size). The answers follow from the fixture's facts.
// The service documents what it validates ("vault capacity, VM is already protected, any VM related
// configuration", SDK 12.0.0 ProtectionIntentOperations.validate) but not its codes; only
// VirtualMachineAlreadyProtected is from an example (ProtectionIntent_Validate.json). Every other code
// here is [unconfirmed code]; the rules themselves are the support matrix's (backup-support-matrix-iaas.md).
//
// Not a "no": an agent that is not ready. Azure accepts the protection and the backup jobs fail later
// (arm-api.md §3), which is the wizard's own finding to make.
import type { ArmResource, Store } from '../state/store.ts';
import { protectionOf } from './backup-items.ts';

export type PreValidation =
  | { status: 'Succeeded' }
  | { status: 'Failed'; errorCode: string; errorMessage: string; recommendation: string };

/** Up to 32 disks per VM (backup-support-matrix-iaas.md, "VM storage support"). */
export const MAX_DATA_DISKS = 32;
/** Windows older than Windows Server 2008 R2 (NT 6.1) is not supported. */
const OLDEST_WINDOWS = [6, 1] as const;

const failed = (errorCode: string, errorMessage: string, recommendation: string): PreValidation => ({ status: 'Failed', errorCode, errorMessage, recommendation });
const lower = (s: unknown): string => String(s ?? '').toLowerCase();

type VmWire = {
  storageProfile?: { imageReference?: { publisher?: string; offer?: string }; osDisk?: { osType?: string }; dataDisks?: unknown[] };
  instanceView?: { osName?: string; osVersion?: string };
};

function windowsTooOld(view: VmWire['instanceView']): boolean {
  const match = /NT (\d+)\.(\d+)/i.exec(view?.osVersion ?? '');
  if (!match) return false;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  return major < OLDEST_WINDOWS[0] || (major === OLDEST_WINDOWS[0] && minor < OLDEST_WINDOWS[1]);
}

/**
 * Whether `vmId` may be protected by `vault` (undefined when the request names none or an unknown one),
 * in the order the answers are checked: already protected, gone, wrong region, then the VM's own facts.
 */
export function preValidateProtection(store: Store, vmId: string, vault: ArmResource | undefined): PreValidation {
  if (protectionOf(store, vmId)) {
    // Wording from ProtectionIntent_Validate.json.
    return failed(
      'VirtualMachineAlreadyProtected',
      "Virtual machine with same name and same resource group is already protected. Please select `Disable' choice above for backup and go to backup item corresponding to this VM in the vault",
      'Please do not enable protection again.',
    );
  }
  const vm = store.get(vmId);
  if (!vm) return failed('UserErrorVmNotFoundV2', `Virtual machine '${vmId}' was not found.`, 'Check the virtual machine id.');
  if (vault && lower(vault.location) !== lower(vm.location)) {
    return failed(
      'BMSUserErrorVMNotInVaultRegion',
      `Virtual machine '${vm.name}' is in region '${vm.location ?? ''}' but the vault is in '${vault.location ?? ''}'.`,
      'Choose a vault in the region of the virtual machine.',
    );
  }
  return vmConfigurationCheck(vm);
}

/** The VM's own facts: operating system and disk count. */
function vmConfigurationCheck(vm: ArmResource): PreValidation {
  const p = (vm.properties ?? {}) as VmWire;
  const os = lower(p.storageProfile?.osDisk?.osType);
  const image = p.storageProfile?.imageReference;
  if (os === 'windows' && windowsTooOld(p.instanceView)) {
    return failed(
      'UserErrorGuestOSNotSupported',
      `The operating system of virtual machine '${vm.name}' (${p.instanceView?.osName ?? 'Windows'}) is not supported by Azure Backup.`,
      'Azure Backup supports Windows Server 2008 R2 and later. Upgrade the operating system, or leave the VM out.',
    );
  }
  if (os === 'linux' && (lower(image?.publisher) === 'coreos' || lower(image?.offer) === 'coreos' || lower(p.instanceView?.osName) === 'coreos')) {
    return failed(
      'UserErrorGuestOSNotSupported',
      `The operating system of virtual machine '${vm.name}' (CoreOS) is not supported by Azure Backup.`,
      'Use an endorsed Linux distribution other than CoreOS, or leave the VM out.',
    );
  }
  const disks = p.storageProfile?.dataDisks?.length ?? 0;
  if (disks > MAX_DATA_DISKS) {
    return failed(
      'UserErrorNumberOfDisksNotSupported',
      `Virtual machine '${vm.name}' has ${disks} data disks; Azure Backup backs up VMs with up to ${MAX_DATA_DISKS} disks.`,
      `Detach disks until the VM has at most ${MAX_DATA_DISKS}, or leave the VM out.`,
    );
  }
  return { status: 'Succeeded' };
}

/** Sizes below the 1 GiB of memory the wizard knows Azure Backup needs [unconfirmed]; every other size is Supported. */
const UNSUPPORTED_SIZES = new Set(['basic_a0', 'standard_a0', 'standard_b1ls']);

/** backupValidateFeatures for AzureVMResourceBackup: whether a VM of this size (and disk SKU) can be backed up. */
export function featureSupport(vmSize: unknown): 'Supported' | 'NotSupported' {
  return UNSUPPORTED_SIZES.has(lower(vmSize)) ? 'NotSupported' : 'Supported';
}
