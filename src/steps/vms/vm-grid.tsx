import { Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import {
  ArrowSortDown16Regular,
  ArrowSortUp16Regular,
  CheckboxChecked20Filled,
  CheckboxUnchecked20Regular,
  LockClosed16Regular,
} from '@fluentui/react-icons';
import { useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { VERDICT_LABELS } from '../../readiness/index.ts';
import { VerdictBadge } from '../../components/verdict-badge.tsx';
import { VisuallyHidden } from '../../components/visually-hidden.tsx';
import type { SortKey, SortOrder } from './vm-list.ts';
import { useWindow } from './use-window.ts';
import type { VmView } from './vm-view.ts';

export const ROW_HEIGHT = 56;
const HEADER_HEIGHT = 40;
const SELECT_WIDTH = 48;

/** `text` is the cell's plain text (also its tooltip, as cells cut long text short); `cell` renders it richer. */
type Column = { key: SortKey; label: string; width: number; text: (v: VmView) => string; cell?: (v: VmView) => ReactNode };

const useStyles = makeStyles({
  scroller: {
    position: 'relative',
    height: 'min(560px, 65vh)',
    overflow: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
  },
  row: {
    display: 'grid',
    alignItems: 'center',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  // The row group sticks, not the row: a sticky element can't leave its parent, and the row's parent is only as tall as itself.
  headerGroup: { position: 'sticky', top: 0, zIndex: 2, width: 'max-content' },
  header: {
    height: `${HEADER_HEIGHT}px`,
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightSemibold,
  },
  body: { position: 'relative' },
  bodyRow: {
    position: 'absolute',
    left: 0,
    height: `${ROW_HEIGHT}px`,
    cursor: 'default',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus': { outline: 'none' },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  active: { backgroundColor: tokens.colorNeutralBackground1Selected },
  selected: { backgroundColor: tokens.colorBrandBackground2, ':hover': { backgroundColor: tokens.colorBrandBackground2Hover } },
  unavailable: { color: tokens.colorNeutralForeground2 },
  cell: {
    padding: `0 ${tokens.spacingHorizontalS}`,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    minWidth: 0,
  },
  selectCell: { display: 'flex', alignItems: 'center', justifyContent: 'center', cursor: 'pointer', height: '100%' },
  // The selection box and the name stay in view while the wide table scrolls sideways.
  sticky: { position: 'sticky', zIndex: 1, backgroundColor: 'inherit', height: '100%', display: 'flex', alignItems: 'center' },
  stickySelect: { left: 0, justifyContent: 'center' },
  stickyName: { left: `${SELECT_WIDTH}px`, boxShadow: `1px 0 0 ${tokens.colorNeutralStroke2}` },
  selectDisabled: { cursor: 'not-allowed', color: tokens.colorNeutralForegroundDisabled },
  checked: { color: tokens.colorCompoundBrandForeground1 },
  name: { fontWeight: tokens.fontWeightSemibold },
  readiness: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: '2px', whiteSpace: 'normal' },
  reason: {
    display: 'block',
    maxWidth: '100%',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    color: tokens.colorNeutralForeground2,
  },
  sortButton: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    border: 'none',
    background: 'none',
    padding: `${tokens.spacingVerticalXS} 0`,
    font: 'inherit',
    fontWeight: tokens.fontWeightSemibold,
    color: 'inherit',
    cursor: 'pointer',
    maxWidth: '100%',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, borderRadius: tokens.borderRadiusSmall },
  },
  blocked: { color: tokens.colorPaletteRedForeground1 },
});

function ReadinessCell({ view }: { view: VmView }) {
  const styles = useStyles();
  return (
    <div className={styles.readiness}>
      <VerdictBadge appearance="tint" verdict={view.verdict} size="small" />
      <Caption1 className={styles.reason}>{view.reason}</Caption1>
    </div>
  );
}

function NetworkCell({ view }: { view: VmView }) {
  const styles = useStyles();
  return <span className={view.networkStatus === 'denied' || view.verdict === 'blocked' ? styles.blocked : undefined}>{view.network}</span>;
}

export const COLUMNS: readonly Column[] = [
  { key: 'name', label: 'Name', width: 170, text: (v) => v.name },
  { key: 'verdict', label: 'Readiness', width: 360, text: (v) => `${VERDICT_LABELS[v.verdict]}: ${v.reason}`, cell: (v) => <ReadinessCell view={v} /> },
  { key: 'resourceGroup', label: 'Resource group', width: 140, text: (v) => v.resourceGroup },
  { key: 'location', label: 'Region', width: 110, text: (v) => v.location },
  { key: 'os', label: 'OS', width: 180, text: (v) => v.os },
  { key: 'size', label: 'Size', width: 140, text: (v) => v.size },
  { key: 'dataDisks', label: 'Data disks', width: 90, text: (v) => String(v.dataDisks) },
  { key: 'power', label: 'Power state', width: 110, text: (v) => v.power },
  { key: 'agent', label: 'Agent', width: 190, text: (v) => v.agent },
  { key: 'network', label: 'Network', width: 180, text: (v) => v.network, cell: (v) => <NetworkCell view={v} /> },
  { key: 'protection', label: 'Protection', width: 230, text: (v) => v.protection },
];

// Every row is its own CSS grid, so tracks are fixed widths: content can't make one row's columns wider than another's.
const TEMPLATE = `${SELECT_WIDTH}px ${COLUMNS.map((c) => `${c.width}px`).join(' ')}`;
const ROW_WIDTH = SELECT_WIDTH + COLUMNS.reduce((sum, c) => sum + c.width, 0);

export type VmGridProps = {
  views: readonly VmView[];
  totalCount: number;
  selected: ReadonlySet<string>;
  sort: SortOrder;
  onSort: (key: SortKey) => void;
  onToggle: (view: VmView) => void;
  activeKey: string | null;
  onActiveChange: (view: VmView) => void;
  onOpenDetails: (view: VmView) => void;
};

/**
 * An ARIA grid of VMs, one focusable row at a time (roving tabindex): arrow keys, Page Up/Down, Home/End move,
 * Space selects, Enter opens the details. Only the rows in view are rendered (fixed row height), so it stays
 * fast with thousands of VMs; aria-rowcount/aria-rowindex tell assistive technology where each row sits.
 */
export function VmGrid({ views, totalCount, selected, sort, onSort, onToggle, activeKey, onActiveChange, onOpenDetails }: VmGridProps) {
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const { range, measure } = useWindow(scroller, { count: views.length, rowHeight: ROW_HEIGHT, offset: HEADER_HEIGHT });
  // A filter can shorten the list under a scrolled view: read the (clamped) scroll position again.
  useLayoutEffect(measure, [views.length, measure]);
  const [focusRequest, setFocusRequest] = useState(0);

  const activeIndex = Math.max(0, views.findIndex((v) => v.key === activeKey));
  const tabStopKey = views[activeIndex]?.key ?? null;

  useLayoutEffect(() => {
    if (focusRequest === 0 || tabStopKey === null) return;
    scroller.current?.querySelector<HTMLElement>(`[data-row-key="${CSS.escape(tabStopKey)}"]`)?.focus({ preventScroll: true });
  }, [focusRequest, tabStopKey]);

  const scrollIntoView = (index: number) => {
    const el = scroller.current;
    if (!el) return;
    const top = HEADER_HEIGHT + index * ROW_HEIGHT;
    if (top - HEADER_HEIGHT < el.scrollTop) el.scrollTop = top - HEADER_HEIGHT;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
  };

  const moveTo = (index: number) => {
    const target = views[Math.min(views.length - 1, Math.max(0, index))];
    if (!target) return;
    scrollIntoView(views.indexOf(target));
    onActiveChange(target);
    setFocusRequest((n) => n + 1);
  };

  const pageSize = Math.max(1, Math.floor(((scroller.current?.clientHeight ?? 560) - HEADER_HEIGHT) / ROW_HEIGHT) - 1);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, view: VmView, index: number) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(index + 1),
      ArrowUp: () => moveTo(index - 1),
      PageDown: () => moveTo(index + pageSize),
      PageUp: () => moveTo(index - pageSize),
      Home: () => moveTo(0),
      End: () => moveTo(views.length - 1),
      ' ': () => onToggle(view),
      Enter: () => onOpenDetails(view),
    };
    const action = keys[event.key];
    if (!action || event.altKey || event.metaKey) return;
    event.preventDefault();
    action();
  };

  const indexes: number[] = [];
  for (let i = range.start; i < range.end; i++) indexes.push(i);
  // The focusable row stays rendered even when scrolled away, so Tab always finds it.
  if (views[activeIndex] && (activeIndex < range.start || activeIndex >= range.end)) {
    // In document order, as assistive technology reads it.
    if (activeIndex < range.start) indexes.unshift(activeIndex);
    else indexes.push(activeIndex);
  }

  return (
    <div
      ref={scroller}
      className={styles.scroller}
      role="grid"
      aria-label="Virtual machines"
      aria-describedby="vm-grid-help"
      aria-multiselectable="true"
      aria-rowcount={views.length + 1}
      aria-colcount={COLUMNS.length + 1}
    >
      <VisuallyHidden>
        <span id="vm-grid-help">
          {`${views.length} of ${totalCount} virtual machines shown. Use the arrow keys to move between rows, Space to select, Enter for details.`}
        </span>
      </VisuallyHidden>
      <div role="rowgroup" className={styles.headerGroup}>
        <div role="row" aria-rowindex={1} className={mergeClasses(styles.row, styles.header)} style={{ gridTemplateColumns: TEMPLATE, width: `${ROW_WIDTH}px` }}>
          <div role="columnheader" className={mergeClasses(styles.cell, styles.sticky, styles.stickySelect)}>
            <VisuallyHidden>Selected</VisuallyHidden>
          </div>
          {COLUMNS.map((column) => {
            const sorted = sort.key === column.key;
            return (
              <div
                key={column.key}
                role="columnheader"
                className={mergeClasses(styles.cell, column.key === 'name' && styles.sticky, column.key === 'name' && styles.stickyName)}
                aria-sort={sorted ? sort.direction : 'none'}
              >
                <button type="button" className={styles.sortButton} onClick={() => onSort(column.key)}>
                  {column.label}
                  {sorted && (sort.direction === 'ascending' ? <ArrowSortUp16Regular aria-hidden /> : <ArrowSortDown16Regular aria-hidden />)}
                </button>
              </div>
            );
          })}
        </div>
      </div>
      <div role="rowgroup" className={styles.body} style={{ height: `${views.length * ROW_HEIGHT}px`, width: `${ROW_WIDTH}px` }}>
        {indexes.map((index) => {
          const view = views[index];
          if (!view) return null;
          const isSelected = selected.has(view.key);
          const canSelect = view.whyNot === null;
          return (
            <div
              key={view.key}
              role="row"
              data-row-key={view.key}
              aria-rowindex={index + 2}
              // A row that can't be selected has no aria-selected: it can still be focused and opened, and its first cell says why.
              {...(canSelect ? { 'aria-selected': isSelected } : {})}
              tabIndex={index === activeIndex ? 0 : -1}
              className={mergeClasses(
                styles.row,
                styles.bodyRow,
                view.key === activeKey && styles.active,
                isSelected && styles.selected,
                !canSelect && styles.unavailable,
              )}
              style={{ top: `${index * ROW_HEIGHT}px`, gridTemplateColumns: TEMPLATE, width: `${ROW_WIDTH}px` }}
              onKeyDown={(event) => onKeyDown(event, view, index)}
              onClick={() => {
                onActiveChange(view);
                setFocusRequest((n) => n + 1);
              }}
            >
              <div
                role="gridcell"
                className={mergeClasses(styles.cell, styles.selectCell, styles.sticky, styles.stickySelect, !canSelect && styles.selectDisabled)}
                title={canSelect ? (isSelected ? 'Selected: click to remove' : 'Click to select') : view.whyNot ?? undefined}
                onClick={() => onToggle(view)}
              >
                {!canSelect ? (
                  <LockClosed16Regular aria-hidden />
                ) : isSelected ? (
                  <CheckboxChecked20Filled aria-hidden className={styles.checked} />
                ) : (
                  <CheckboxUnchecked20Regular aria-hidden />
                )}
                <VisuallyHidden>{canSelect ? (isSelected ? 'Selected' : 'Not selected') : `Can't be selected: ${view.whyNot ?? ''}`}</VisuallyHidden>
              </div>
              {COLUMNS.map((column) => (
                <div
                  key={column.key}
                  role="gridcell"
                  className={mergeClasses(styles.cell, column.key === 'name' && styles.name, column.key === 'name' && styles.sticky, column.key === 'name' && styles.stickyName)}
                  title={column.text(view)}
                >
                  {column.cell ? column.cell(view) : column.text(view)}
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
