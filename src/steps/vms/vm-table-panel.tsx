import { Body1, Button, Field, MessageBar, MessageBarBody, MessageBarTitle, SearchBox, Select, makeStyles, tokens } from '@fluentui/react-components';
import { CheckboxChecked20Regular, Dismiss20Regular } from '@fluentui/react-icons';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import type { VmReadinessTable } from '../../azure/vm-readiness.ts';
import { VisuallyHidden } from '../../components/visually-hidden.tsx';
import { VERDICT_LABELS, type Verdict } from '../../readiness/index.ts';
import { useWizardStore } from '../../store/store-context.tsx';
import type { VmSummary } from '../../store/vms-slice.ts';
import { VmDetails } from './vm-details.tsx';
import { VmGrid } from './vm-grid.tsx';
import {
  DEFAULT_SORT,
  filterVms,
  nextSort,
  NO_FILTERS,
  regionCounts,
  regionsOf,
  regionSummary,
  sortVms,
  vaultsNeeded,
  type SortKey,
  type VmFilters,
} from './vm-list.ts';
import { needsAcceptance, summaryOf, toView, type OsGroup, type VmView } from './vm-view.ts';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'flex-end' },
  search: { minWidth: '260px', flexGrow: 1, maxWidth: '420px' },
  select: { minWidth: '170px' },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  count: { color: tokens.colorNeutralForeground2, marginRight: 'auto' },
});

function countWhere<T>(items: readonly T[], test: (item: T) => boolean): number {
  let n = 0;
  for (const item of items) if (test(item)) n++;
  return n;
}

/** The discovered VMs: how many vaults the job needs, filters, the grid and the details of the active row. */
export function VmTablePanel({ table }: { table: VmReadinessTable }) {
  const styles = useStyles();
  const vault = table.vault;
  const views = useMemo(() => table.rows.map((row) => toView(row, vault)), [table, vault]);
  const counts = useMemo(() => regionCounts(views, vault.location), [views, vault.location]);
  const regions = useMemo(() => regionsOf(views), [views]);

  const [filters, setFilters] = useState<VmFilters>(NO_FILTERS);
  const query = useDeferredValue(filters.query);
  const [sort, setSort] = useState(DEFAULT_SORT);
  const sorted = useMemo(() => sortVms(views, sort), [views, sort]);
  const shown = useMemo(() => filterVms(sorted, { ...filters, query }), [sorted, filters, query]);

  const selectedIds = useWizardStore((s) => s.vms.selectedIds);
  const summaries = useWizardStore((s) => s.vms.summaries);
  const toggleVm = useWizardStore((s) => s.toggleVm);
  const selectVms = useWizardStore((s) => s.selectVms);
  const clearVms = useWizardStore((s) => s.clearVms);
  const selected = useMemo(() => new Set(selectedIds.map((id) => id.toLowerCase())), [selectedIds]);

  const [activeKey, setActiveKey] = useState<string | null>(null);
  const active = (activeKey && views.find((v) => v.key === activeKey)) || shown[0];
  const detailsHeading = useRef<HTMLHeadingElement>(null);
  const [announcement, setAnnouncement] = useState('');

  const showDetails = (view: VmView) => {
    setActiveKey(view.key);
    // After the panel shows this VM.
    requestAnimationFrame(() => detailsHeading.current?.focus());
  };

  const toggle = (view: VmView) => {
    if (view.whyNot !== null) {
      setAnnouncement(`${view.name} can't be selected: ${view.whyNot}`);
      return;
    }
    const wasSelected = selected.has(view.key);
    // Needs attention: selected only together with the user's acceptance, given in the details.
    if (!wasSelected && needsAcceptance(view)) {
      showDetails(view);
      setAnnouncement(`${view.name} needs attention: read its findings in the details, then accept them to select it.`);
      return;
    }
    toggleVm(view.id, summaryOf(view));
    const total = selected.size + (wasSelected ? -1 : 1);
    setAnnouncement(`${view.name} ${wasSelected ? 'unselected' : 'selected'}. ${total} selected.`);
  };

  const acceptAndSelect = (view: VmView) => {
    if (view.whyNot !== null || selected.has(view.key)) return;
    toggleVm(view.id, summaryOf(view, view.attention.map((f) => f.ruleId)));
    setAnnouncement(`${view.name} selected, its findings accepted. ${selected.size + 1} selected.`);
  };

  // "Select all" leaves out what needs an acceptance of its own.
  const selectableShown = shown.filter((v) => v.whyNot === null && (!needsAcceptance(v) || selected.has(v.key)));
  const selectAllShown = () => {
    const summaries: Record<string, VmSummary> = {};
    for (const v of selectableShown) summaries[v.id] = summaryOf(v);
    const ids = [...selectedIds, ...selectableShown.filter((v) => !selected.has(v.key)).map((v) => v.id)];
    selectVms(ids, summaries);
    setAnnouncement(`${ids.length} selected.`);
  };

  const needed = vaultsNeeded(counts);
  const filter = <K extends keyof VmFilters>(key: K, value: VmFilters[K]) => setFilters((f) => ({ ...f, [key]: value }));
  const verdictCount = (verdict: Verdict) => countWhere(views, (v) => v.verdict === verdict);

  if (views.length === 0) {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>No virtual machines</MessageBarTitle>
          This subscription has no virtual machines your account can see. Create them, or check your role on the
          subscription, then discover again.
        </MessageBarBody>
      </MessageBar>
    );
  }

  return (
    <div className={styles.panel}>
      <MessageBar intent={needed.more > 0 ? 'warning' : 'info'} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>
            {needed.more > 0 ? `This subscription's VMs need ${needed.total} vaults` : `All VMs are in the vault's region`}
          </MessageBarTitle>
          <span>{regionSummary(counts)}</span>
          {needed.more > 0 &&
            `. Vault ${vault.name} protects only VMs in ${vault.location}: for the others, create a vault in each of their regions and run this wizard again for it.`}
        </MessageBarBody>
      </MessageBar>

      <div className={styles.filters} role="search" aria-label="Filter virtual machines">
        <Field label="Search by name or resource group" className={styles.search}>
          <SearchBox value={filters.query} onChange={(_e, data) => filter('query', data.value)} placeholder="e.g. web or rg-apps" />
        </Field>
        <Field label="Readiness" className={styles.select}>
          <Select value={filters.verdict} onChange={(_e, data) => filter('verdict', data.value as VmFilters['verdict'])}>
            <option value="all">All ({views.length})</option>
            {(['ready', 'attention', 'blocked'] as const).map((v) => (
              <option key={v} value={v}>
                {VERDICT_LABELS[v]} ({verdictCount(v)})
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Region" className={styles.select}>
          <Select value={filters.region} onChange={(_e, data) => filter('region', data.value)}>
            <option value="all">All regions</option>
            {regions.map((r) => (
              <option key={r} value={r}>
                {r}
                {r.toLowerCase() === vault.location.toLowerCase() ? ' (this vault)' : ''}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Operating system" className={styles.select}>
          <Select value={filters.os} onChange={(_e, data) => filter('os', data.value as OsGroup | 'all')}>
            <option value="all">All</option>
            <option value="windows">Windows</option>
            <option value="linux">Linux</option>
            <option value="unknown">Unidentified</option>
          </Select>
        </Field>
      </div>

      <div className={styles.toolbar}>
        <Body1 className={styles.count}>
          Showing {shown.length} of {views.length} virtual machines · {selectedIds.length} selected
        </Body1>
        <Button icon={<CheckboxChecked20Regular />} disabledFocusable={selectableShown.length === 0} onClick={selectAllShown}>
          Select all that can be selected ({selectableShown.length} shown)
        </Button>
        <Button icon={<Dismiss20Regular />} disabledFocusable={selectedIds.length === 0} onClick={() => { clearVms(); setAnnouncement('Selection cleared.'); }}>
          Clear selection
        </Button>
      </div>
      <VisuallyHidden>
        <span role="status">{announcement}</span>
      </VisuallyHidden>

      <VmGrid
        views={shown}
        totalCount={views.length}
        selected={selected}
        sort={sort}
        onSort={(key: SortKey) => setSort((s) => nextSort(s, key))}
        onToggle={toggle}
        activeKey={active?.key ?? null}
        onActiveChange={(view) => setActiveKey(view.key)}
        onOpenDetails={showDetails}
      />
      {shown.length === 0 && <Body1>No virtual machine matches these filters.</Body1>}
      {active && (
        <VmDetails
          view={active}
          headingRef={detailsHeading}
          selected={selected.has(active.key)}
          accepted={summaries[active.id]?.accepted ?? []}
          onAcceptAndSelect={() => acceptAndSelect(active)}
          onUnselect={() => toggle(active)}
        />
      )}
    </div>
  );
}
