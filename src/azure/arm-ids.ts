/** The resource group named in an ARM resource id (ARM spells the segment in any case), or '' if none. */
export function resourceGroupOf(id: string): string {
  return /\/resourceGroups\/([^/]+)/i.exec(id)?.[1] ?? '';
}

/** ARM compares names and locations case-insensitively. */
export const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
