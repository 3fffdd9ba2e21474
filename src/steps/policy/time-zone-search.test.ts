import { describe, expect, it } from 'vitest';
import { WINDOWS_TIME_ZONES } from '../../shared/time-zones.ts';
import { searchTimeZones } from './time-zone-search.ts';
import { HALF_HOURS, timeLabel } from './times.ts';

const ids = (query: string) => searchTimeZones(query).map((zone) => zone.id);

describe('searchTimeZones', () => {
  it('lists every zone for an empty query', () => {
    expect(searchTimeZones('  ')).toHaveLength(WINDOWS_TIME_ZONES.length);
  });

  it('finds a zone by its Windows id, the exact id first', () => {
    const found = ids('pacific standard time');
    expect(found[0]).toBe('Pacific Standard Time');
    expect(found).toContain('Pacific Standard Time (Mexico)');
    expect(found).not.toContain('Eastern Standard Time');
  });

  it('finds a zone by a city in its label or its IANA name, ignoring case and accents', () => {
    expect(ids('london')).toEqual(['GMT Standard Time']);
    expect(ids('Los Angeles')).toEqual(['Pacific Standard Time']);
    expect(ids('são paulo')).toEqual(['E. South America Standard Time']);
  });

  it('needs every word to match, and finds offsets', () => {
    expect(ids('pacific canada')).toEqual(['Pacific Standard Time']);
    expect(ids('UTC-08:00')).toEqual(['Pacific Standard Time (Mexico)', 'UTC-08', 'Pacific Standard Time']);
    expect(ids('no such place')).toEqual([]);
  });

  it('puts ids that start with the query before other matches', () => {
    expect(ids('utc')[0]).toBe('UTC');
  });
});

describe('schedule times', () => {
  it('offers every half hour, 7 PM among them', () => {
    expect(HALF_HOURS).toHaveLength(48);
    expect(HALF_HOURS.slice(0, 3)).toEqual(['00:00', '00:30', '01:00']);
    expect(timeLabel('19:00')).toBe('19:00 (7:00 PM)');
    expect(timeLabel('00:30')).toBe('00:30 (12:30 AM)');
    expect(timeLabel('12:00')).toBe('12:00 (12:00 PM)');
  });
});
