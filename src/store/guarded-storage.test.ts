import { describe, expect, it } from 'vitest';
import { guardedStorage } from './guarded-storage.ts';

describe('guarded storage', () => {
  it('reads always, but saves only while the tab holds the write lock', () => {
    const data = new Map<string, string>([['k', 'saved by the other tab']]);
    let held = false;
    const storage = guardedStorage(
      { getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value), removeItem: (key) => void data.delete(key) },
      () => held,
    );
    storage.setItem('k', 'stale copy');
    storage.removeItem('k');
    expect(storage.getItem('k')).toBe('saved by the other tab');
    held = true;
    storage.setItem('k', 'new');
    expect(data.get('k')).toBe('new');
  });
});
