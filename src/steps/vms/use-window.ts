import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';

export type WindowRange = { start: number; end: number };

/**
 * Which rows of a fixed-row-height list are in view of `scroller` (plus `overscan` on each side), so only
 * those are rendered: thousands of rows cost as much as a screenful. `offset` is the height above the rows
 * inside the scroller (a sticky header).
 */
export function useWindow(
  scroller: RefObject<HTMLElement | null>,
  { count, rowHeight, offset, overscan = 8 }: { count: number; rowHeight: number; offset: number; overscan?: number },
): { range: WindowRange; measure: () => void } {
  const [view, setView] = useState({ top: 0, height: 600 });

  const measure = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    setView((old) => (old.top === el.scrollTop && old.height === el.clientHeight ? old : { top: el.scrollTop, height: el.clientHeight }));
  }, [scroller]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    measure();
    el.addEventListener('scroll', measure, { passive: true });
    const resize = new ResizeObserver(measure);
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', measure);
      resize.disconnect();
    };
  }, [scroller, measure]);

  const first = Math.floor(Math.max(0, view.top - offset) / rowHeight);
  const last = Math.ceil(Math.max(0, view.top + view.height - offset) / rowHeight);
  return {
    range: { start: Math.max(0, first - overscan), end: Math.min(count, last + overscan) },
    measure,
  };
}
