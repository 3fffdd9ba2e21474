// Plain-words renderings shared by the Review step, the Summary and the exports.
import { verdictLabel } from '../readiness/index.ts';

const REDUNDANCY_WORDS: Record<string, string> = {
  GeoRedundant: 'geo-redundant storage (GRS)',
  LocallyRedundant: 'locally redundant storage (LRS)',
  ZoneRedundant: 'zone-redundant storage (ZRS)',
};

/** "geo-redundant storage (GRS) with cross-region restore". */
export function describeRedundancy(config: { storageType: string; crossRegionRestore: boolean }): string {
  const name = REDUNDANCY_WORDS[config.storageType] ?? config.storageType;
  return config.crossRegionRestore ? `${name} with cross-region restore` : name;
}

/** "3 virtual machines", "1 virtual machine". */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** "just now", "5 minutes ago", "yesterday", "3 days ago" — for "saved <time>". */
export function relativeTime(then: Date, now: Date): string {
  const seconds = Math.round((now.getTime() - then.getTime()) / 1000);
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return minutes === 1 ? '1 minute ago' : `${minutes} minutes ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return hours === 1 ? '1 hour ago' : `${hours} hours ago`;
  const days = Math.round(hours / 24);
  if (days === 1) return 'yesterday';
  if (days < 30) return `${days} days ago`;
  return `on ${then.toISOString().slice(0, 10)}`;
}

/**
 * Azure Backup's own pre-check in words, as the Review shows it beside the wizard's findings. A service "no"
 * is the Blocked verdict of the readiness rules, in the one vocabulary (src/readiness/verdict.ts).
 */
export function serviceCheckText(check: { verdict: 'passed' } | { verdict: 'blocked'; code: string } | { verdict: 'unchecked'; reason: string }): string {
  switch (check.verdict) {
    case 'passed':
      return 'Azure Backup’s pre-check: passed';
    case 'blocked':
      return `Azure Backup’s pre-check: ${verdictLabel('blocked')} (${check.code})`;
    case 'unchecked':
      return `Azure Backup’s pre-check could not be asked: ${check.reason}`;
  }
}
