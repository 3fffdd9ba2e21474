import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { nextRowIndex } from './virtual-table-keys.ts';

/*
 * A table that renders only the rows in view, for lists of thousands (the Enable step's VMs; the VMs, agent and
 * network steps can adopt it). It keeps table semantics for assistive technology: role=table/row/cell with
 * aria-rowcount and each row's aria-rowindex, so "row 412 of 1,001" is announced although only ~20 exist in
 * the page. The header stays in view while the body scrolls. Rows are keyboard-reachable: Tab enters the
 * table on one row, arrows, Page Up/Down, Home and End move between rows (scrolling them into view).
 */

export type VirtualColumn<Row> = {
  id: string;
  header: ReactNode;
  /** A CSS grid track, e.g. "minmax(160px, 2fr)" or "120px". */
  width: string;
  cell: (row: Row) => ReactNode;
};

export type VirtualTableProps<Row> = {
  label: string;
  rows: readonly Row[];
  columns: readonly VirtualColumn<Row>[];
  rowKey: (row: Row) => string;
  /** A first guess at a row's height; rows are measured once rendered. */
  estimateRowHeight?: number;
  /** The body scrolls beyond this height. */
  maxHeight?: number;
  /** Rows re-render only when this says they changed (defaults to identity). */
  rowEquals?: (a: Row, b: Row) => boolean;
  className?: string;
};

const useStyles = makeStyles({
  table: {
    overflow: 'auto',
    position: 'relative',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
  },
  head: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  row: {
    display: 'grid',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    padding: `0 ${tokens.spacingHorizontalM}`,
    boxSizing: 'border-box',
  },
  headerCell: {
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalS} 0`,
    textAlign: 'start',
  },
  bodyRow: {
    position: 'absolute',
    left: 0,
    width: '100%',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  cell: { minWidth: 0, padding: `${tokens.spacingVerticalXS} 0`, overflowWrap: 'anywhere' },
});

type RowProps<Row> = {
  row: Row;
  index: number;
  start: number;
  columns: readonly VirtualColumn<Row>[];
  template: string;
  focusable: boolean;
  measure: (node: HTMLDivElement | null) => void;
  onFocusRow: (index: number) => void;
  rowEquals?: (a: Row, b: Row) => boolean;
};

function RowView<Row>({ row, index, start, columns, template, focusable, measure, onFocusRow }: RowProps<Row>) {
  const styles = useStyles();
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-index={index}
      ref={measure}
      tabIndex={focusable ? 0 : -1}
      onFocus={() => onFocusRow(index)}
      className={mergeClasses(styles.row, styles.bodyRow)}
      style={{ gridTemplateColumns: template, transform: `translateY(${start}px)` }}
    >
      {columns.map((column) => (
        <div role="cell" key={column.id} className={styles.cell}>
          {column.cell(row)}
        </div>
      ))}
    </div>
  );
}

function sameRowProps<Row>(a: RowProps<Row>, b: RowProps<Row>): boolean {
  return (
    a.index === b.index &&
    a.start === b.start &&
    a.focusable === b.focusable &&
    a.columns === b.columns &&
    a.template === b.template &&
    a.measure === b.measure &&
    a.onFocusRow === b.onFocusRow &&
    (a.rowEquals ?? Object.is)(a.row, b.row)
  );
}

// Only the rows whose content changed re-render when a batch of progress arrives.
const MemoRow = memo(RowView, sameRowProps) as typeof RowView;

export function VirtualTable<Row>({ label, rows, columns, rowKey, estimateRowHeight = 56, maxHeight = 560, rowEquals, className }: VirtualTableProps<Row>) {
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement | null>(null);
  const [active, setActive] = useState(0);
  const [focusRequest, setFocusRequest] = useState<number | null>(null);
  const template = columns.map((column) => column.width).join(' ');
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => estimateRowHeight,
    overscan: 6,
    getItemKey: (index) => {
      const row = rows[index];
      return row === undefined ? index : rowKey(row);
    },
  });
  const activeIndex = Math.min(active, Math.max(0, rows.length - 1));

  // Focus follows the keyboard once the row is rendered (it may have been scrolled in just now).
  useEffect(() => {
    if (focusRequest === null) return;
    const node = scroller.current?.querySelector<HTMLElement>(`[data-index="${focusRequest}"]`);
    if (node) {
      node.focus({ preventScroll: true });
      setFocusRequest(null);
    }
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if ((event.target as HTMLElement).getAttribute('role') !== 'row') return;
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? maxHeight) / estimateRowHeight) - 1);
    const next = nextRowIndex(event.key, activeIndex, rows.length, page);
    if (next === null) return;
    event.preventDefault();
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    setFocusRequest(next);
  };

  const items = virtualizer.getVirtualItems();
  return (
    <div
      ref={scroller}
      role="table"
      aria-label={label}
      aria-rowcount={rows.length + 1}
      className={mergeClasses(styles.table, className)}
      style={{ maxHeight }}
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" className={styles.head}>
        <div role="row" aria-rowindex={1} className={styles.row} style={{ gridTemplateColumns: template }}>
          {columns.map((column) => (
            <div role="columnheader" key={column.id} className={styles.headerCell}>
              {column.header}
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const row = rows[item.index];
          if (row === undefined) return null;
          return (
            <MemoRow
              key={item.key}
              row={row}
              index={item.index}
              start={item.start}
              columns={columns}
              template={template}
              focusable={item.index === activeIndex}
              measure={virtualizer.measureElement}
              onFocusRow={setActive}
              {...(rowEquals ? { rowEquals } : {})}
            />
          );
        })}
      </div>
    </div>
  );
}
