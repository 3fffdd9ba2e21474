import { describe, expect, it } from 'vitest';
import * as limits from './limits.ts';
import type { Sourced } from './sources.ts';

const isSourced = (v: unknown): v is Sourced<unknown> => typeof v === 'object' && v !== null && 'source' in v;

describe('limits', () => {
  it('keep both data-disk limits with their sources', () => {
    expect(limits.DATA_DISKS_2016).toMatchObject({ value: 16, source: { date: '2016-08-01' } });
    expect(limits.DATA_DISKS_TODAY).toMatchObject({ value: 32, source: { title: 'Support matrix for Azure VM backups' } });
  });

  it('keep CoreOS out of the endorsed list, and CentOS/openSUSE off it today', () => {
    expect(limits.ENDORSED_LINUX.value).not.toContain('coreos');
    expect(limits.ENDORSED_LINUX.value).not.toContain('centos');
    expect(limits.UNSUPPORTED_LINUX.value).toEqual(['coreos']);
  });

  it('give every limit a source with title, https url and date', () => {
    const sourced = Object.values(limits as Record<string, unknown>).filter(isSourced);
    expect(sourced.length).toBeGreaterThanOrEqual(9);
    for (const item of sourced) {
      expect(item.source.title).not.toBe('');
      expect(item.source.url).toMatch(/^https:\/\/learn\.microsoft\.com\//);
      expect(item.source.date).toMatch(/^\d{4}(-\d{2}-\d{2})?$/);
    }
  });
});
