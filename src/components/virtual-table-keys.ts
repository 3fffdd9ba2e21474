/** The row a key moves the focus to in a table of `count` rows, or null when the key doesn't move it. */
export function nextRowIndex(key: string, index: number, count: number, pageSize: number): number | null {
  if (count === 0) return null;
  const last = count - 1;
  switch (key) {
    case 'ArrowDown':
      return Math.min(last, index + 1);
    case 'ArrowUp':
      return Math.max(0, index - 1);
    case 'PageDown':
      return Math.min(last, index + pageSize);
    case 'PageUp':
      return Math.max(0, index - pageSize);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}
