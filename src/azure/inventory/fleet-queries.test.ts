// Golden queries: the KQL sent to Resource Graph is pinned in __golden__/*.kql, so a change to it is a
// reviewed diff. UPDATE_GOLDEN=1 rewrites the files.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nsgQuery, subnetQuery, vmCountQuery, vmQuery } from './fleet-queries.ts';

const golden = (name: string, text: string) => {
  const path = new URL(`./__golden__/${name}.kql`, import.meta.url);
  if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(path, `${text}\n`);
  expect(text).toBe(readFileSync(path, 'utf8').replace(/\n$/, ''));
};

const count = (query: string, re: RegExp) => query.match(re)?.length ?? 0;

describe('Resource Graph queries of the fleet table', () => {
  it('match their golden files', () => {
    golden('vms', vmQuery());
    golden('vms-regions', vmQuery(['westeurope', 'North Europe']));
    golden('subnets', subnetQuery());
    golden('nsgs', nsgQuery());
    golden('vm-counts', vmCountQuery());
  });

  it('stay within ARG’s limits: 3 joins (1 across tables), mv-expand with an explicit row limit', () => {
    for (const query of [vmQuery(), subnetQuery(), nsgQuery(), vmCountQuery()]) {
      expect(count(query, /\|\s*join\b/g)).toBeLessThanOrEqual(3);
      expect(count(query, /\bRecoveryServicesResources\b/g)).toBeLessThanOrEqual(1);
      expect(count(query, /\|\s*mv-expand\b/g)).toBeLessThanOrEqual(2);
      for (const line of query.split('\n').filter((l) => l.includes('mv-expand'))) expect(line).toMatch(/limit 400$/);
      // take/limit would make the result unpageable.
      expect(query).not.toMatch(/\|\s*(take|limit)\b/);
    }
  });

  it('refuses anything but region names in a region filter', () => {
    expect(() => vmQuery(["westeurope') or (1==1"])).toThrow(/Not a region name/);
  });
});
