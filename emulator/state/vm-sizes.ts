// The VM sizes the emulator offers in every region, as GET …/locations/{region}/vmSizes lists them
// (virtualMachineSizes.list). Real regions offer hundreds; these are the ones the fixtures and the
// generator use, plus the small and Azure Boost sizes the readiness rules tell apart. Figures from the
// published size tables (cores, memory, max data disks).

export interface VmSizeWire {
  name: string;
  numberOfCores: number;
  osDiskSizeInMB: number;
  resourceDiskSizeInMB: number;
  memoryInMB: number;
  maxDataDiskCount: number;
}

const OS_DISK_MB = 1_047_552;

function size(name: string, cores: number, memoryGB: number, maxDataDisks: number, tempDiskGB = 0): VmSizeWire {
  return {
    name,
    numberOfCores: cores,
    osDiskSizeInMB: OS_DISK_MB,
    resourceDiskSizeInMB: tempDiskGB * 1024,
    memoryInMB: Math.round(memoryGB * 1024),
    maxDataDiskCount: maxDataDisks,
  };
}

export const VM_SIZES: readonly VmSizeWire[] = [
  size('Standard_B1ls', 1, 0.5, 2, 4),
  size('Standard_B1s', 1, 1, 2, 4),
  size('Standard_B2s', 2, 4, 4, 8),
  size('Standard_D2s_v3', 2, 8, 4, 16),
  size('Standard_D2s_v5', 2, 8, 4),
  size('Standard_D4s_v5', 4, 16, 8),
  size('Standard_D2s_v6', 2, 8, 8),
  size('Standard_D2as_v7', 2, 8, 8),
  size('Standard_E16s_v5', 16, 128, 32),
  size('Standard_M8ms', 8, 218.75, 8, 256),
  size('Standard_M64s', 64, 1000, 64, 2048),
];
