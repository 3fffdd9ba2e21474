/** How the wizard names a vault's backup storage redundancy, everywhere it shows one. */
export const REDUNDANCY_NAMES = {
  GeoRedundant: 'Geo-redundant',
  LocallyRedundant: 'Locally redundant',
  ZoneRedundant: 'Zone-redundant',
} as const;

export function redundancyName(type: string): string {
  return type in REDUNDANCY_NAMES ? REDUNDANCY_NAMES[type as keyof typeof REDUNDANCY_NAMES] : type;
}
