import { WINDOWS_TIME_ZONES, type WindowsTimeZone } from '../../shared/time-zones.ts';

// Lower case without accents, and IANA separators as spaces, so "sao paulo" finds "America/Sao_Paulo".
const normalise = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[_/]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function rank(zone: WindowsTimeZone, query: string): number {
  const id = normalise(zone.id);
  if (id === query) return 0;
  if (id.startsWith(query)) return 1;
  if (id.includes(query)) return 2;
  return 3;
}

/**
 * Time zones matching what the user typed: every word must appear in the Windows id, its display label
 * (offset and cities, e.g. "(UTC-08:00) Pacific Time (US & Canada)") or its IANA city. Closest id matches
 * come first; otherwise Windows' own order (by UTC offset) is kept.
 */
export function searchTimeZones(query: string, zones: readonly WindowsTimeZone[] = WINDOWS_TIME_ZONES): WindowsTimeZone[] {
  const q = normalise(query);
  if (q === '') return [...zones];
  const words = q.split(' ');
  return zones
    .map((zone, index) => ({ zone, index, text: normalise(`${zone.id} ${zone.label} ${zone.iana}`) }))
    .filter(({ text }) => words.every((word) => text.includes(word)))
    .map((entry) => ({ ...entry, rank: rank(entry.zone, q) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ zone }) => zone);
}

/** What the picker shows for a zone: "Pacific Standard Time — (UTC-08:00) Pacific Time (US & Canada)". */
export const timeZoneText = (zone: WindowsTimeZone): string => `${zone.id} — ${zone.label}`;
