import { describe, expect, it } from 'vitest';
import { countOf, describeRedundancy, relativeTime } from './words.ts';

describe('words', () => {
  it('names the redundancy, with cross-region restore when on', () => {
    expect(describeRedundancy({ storageType: 'GeoRedundant', crossRegionRestore: true })).toBe('geo-redundant storage (GRS) with cross-region restore');
    expect(describeRedundancy({ storageType: 'LocallyRedundant', crossRegionRestore: false })).toBe('locally redundant storage (LRS)');
    expect(describeRedundancy({ storageType: 'Other', crossRegionRestore: false })).toBe('Other');
  });

  it('counts in words', () => {
    expect(countOf(1, 'virtual machine')).toBe('1 virtual machine');
    expect(countOf(0, 'change')).toBe('0 changes');
  });

  it('says how long ago, coarsely', () => {
    const now = new Date('2026-01-10T12:00:00Z');
    const ago = (ms: number) => relativeTime(new Date(now.getTime() - ms), now);
    expect(ago(10_000)).toBe('just now');
    expect(ago(60_000)).toBe('1 minute ago');
    expect(ago(25 * 60_000)).toBe('25 minutes ago');
    expect(ago(3 * 3_600_000)).toBe('3 hours ago');
    expect(ago(26 * 3_600_000)).toBe('yesterday');
    expect(ago(5 * 86_400_000)).toBe('5 days ago');
    expect(ago(90 * 86_400_000)).toBe('on 2025-10-12');
  });
});
