import { describe, expect, it } from 'vitest';
import { nextRowIndex } from './virtual-table-keys.ts';

describe('moving between rows of a virtual table', () => {
  it('moves one row, a page, or to either end, and stays inside the table', () => {
    expect(nextRowIndex('ArrowDown', 3, 10, 4)).toBe(4);
    expect(nextRowIndex('ArrowDown', 9, 10, 4)).toBe(9);
    expect(nextRowIndex('ArrowUp', 0, 10, 4)).toBe(0);
    expect(nextRowIndex('PageDown', 8, 10, 4)).toBe(9);
    expect(nextRowIndex('PageUp', 2, 10, 4)).toBe(0);
    expect(nextRowIndex('Home', 7, 10, 4)).toBe(0);
    expect(nextRowIndex('End', 0, 1000, 4)).toBe(999);
  });

  it('ignores other keys and empty tables', () => {
    expect(nextRowIndex('Enter', 3, 10, 4)).toBeNull();
    expect(nextRowIndex('ArrowDown', 0, 0, 4)).toBeNull();
  });
});
