// Small helpers shared by the wire builders. Everything derived here is deterministic (hashes of
// resource ids, fixed times) so that loading the same fixture twice yields identical state.
import { createHash } from 'node:crypto';

/** The instant the fixture "was captured": status times, default creation times and backup times derive from it. */
export const FIXTURE_TIME = '2025-06-01T08:00:00+00:00';
export const DEFAULT_TIME_CREATED = '2024-11-04T09:30:00.0000000+00:00';

function hex(seed: string): string {
  return createHash('sha1').update(seed.toLowerCase()).digest('hex');
}

/** A GUID-shaped value derived from a seed (ids compare case-insensitively, so the seed is lower-cased). */
export function stableGuid(seed: string): string {
  const h = hex(seed);
  const variant = ((parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A number in [0, modulo) derived from a seed. */
export function stableNumber(seed: string, modulo: number): number {
  return parseInt(hex(seed).slice(0, 12), 16) % modulo;
}

/** Network resources carry weak GUID etags. */
export function networkEtag(id: string): string {
  return `W/"${stableGuid(`etag:${id}`)}"`;
}

export function ref(id: string): { id: string } {
  return { id };
}

export function lower(id: string): string {
  return id.toLowerCase();
}

/** Appends to a list kept in a map under a lower-cased id. */
export function pushTo<T>(map: Map<string, T[]>, id: string, value: T): void {
  const key = lower(id);
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** ISO-8601 duration as .NET prints a TimeSpan, e.g. PT1M31.306S. */
export function isoDuration(ms: number): string {
  const total = Math.max(0, ms) / 1000;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = Number((total % 60).toFixed(3));
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`;
}
