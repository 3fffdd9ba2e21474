import { Body1, Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { Checkmark16Regular } from '@fluentui/react-icons';
import type { Ref } from 'react';
import { FindingList } from '../../components/finding-list.tsx';
import { VerdictBadge } from '../../components/verdict-badge.tsx';
import { ruleTitle } from '../../readiness/index.ts';
import type { VmView } from './vm-view.ts';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    ':focus': { outline: 'none' },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    margin: 0,
  },
  fact: { margin: 0 },
  term: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  value: { margin: 0, wordBreak: 'break-word' },
  why: { margin: 0, color: tokens.colorPaletteRedForeground1 },
  p: { margin: 0 },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
});

function Fact({ term, children }: { term: string; children: string }) {
  const styles = useStyles();
  return (
    <div className={styles.fact}>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.value}>{children}</dd>
    </div>
  );
}

const LATER = { agent: { what: 'VM agent', step: 'VM agent' }, network: { what: 'network', step: 'Network' }, vm: { what: 'VM', step: 'Virtual machines' } } as const;

type AcceptanceProps = {
  view: VmView;
  selected: boolean;
  accepted: readonly string[];
  onAcceptAndSelect: () => void;
  onUnselect: () => void;
};

/** A VM that needs attention for what this step checks: select it only by accepting what will fail or degrade. */
function Acceptance({ view, selected, accepted, onAcceptAndSelect, onUnselect }: AcceptanceProps) {
  const styles = useStyles();
  const later = [...new Set(view.laterAttention.map((f) => f.area))].map((area) => LATER[area]);
  if (view.whyNot !== null) return null;
  return (
    <>
      {view.attention.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{selected ? `Accepted for ${view.name}` : `Accept to select ${view.name}`}</MessageBarTitle>
            Azure accepts protection of this VM, but its backups will fail or degrade until these are fixed:
            <ul className={styles.list}>
              {view.attention.map((f) => (
                <li key={f.ruleId}>
                  {ruleTitle(f.ruleId)}
                  {selected && accepted.includes(f.ruleId) ? ' (accepted)' : ''}
                </li>
              ))}
            </ul>
          </MessageBarBody>
          <MessageBarActions>
            {selected ? (
              <Button onClick={onUnselect}>Unselect {view.name}</Button>
            ) : (
              <Button appearance="primary" icon={<Checkmark16Regular />} onClick={onAcceptAndSelect}>
                Accept and select {view.name}
              </Button>
            )}
          </MessageBarActions>
        </MessageBar>
      )}
      {later.length > 0 && (
        <Body1 as="p" className={styles.p}>
          What needs attention about its {later.map((l) => l.what).join(' and ')} is checked again, and accepted or fixed, on
          the {later.map((l) => l.step).join(' and ')} step{later.length > 1 ? 's' : ''}.
        </Body1>
      )}
    </>
  );
}

type VmDetailsProps = Omit<AcceptanceProps, 'view'> & { view: VmView; headingRef?: Ref<HTMLHeadingElement> };

/** Everything known about one VM: its facts, why it can't be selected, and each finding with its fix and sources. */
export function VmDetails({ view, headingRef, ...acceptance }: VmDetailsProps) {
  const styles = useStyles();
  const { row } = view;
  const net = row.network;
  const overall = net.report.overall;
  const networkText = [
    overall.status === 'open' ? 'Outbound HTTPS to Azure Storage: open' : null,
    overall.status === 'denied' ? `HTTPS to Azure Storage denied by NSG ${overall.nsg}, rule ${overall.rule} (priority ${overall.priority})` : null,
    overall.status === 'unknown' ? `Unknown: ${overall.reason}` : null,
  ].find(Boolean) ?? '';
  const path = [net.nicName && `NIC ${net.nicName}`, net.privateIp, net.nsgNames.length > 0 ? `NSGs ${net.nsgNames.join(', ')}` : 'no NSG'].filter(Boolean).join(' · ');
  return (
    <section className={styles.panel} aria-labelledby="vm-details-heading">
      <h2 id="vm-details-heading" tabIndex={-1} ref={headingRef} className={styles.heading}>
        Details: {view.name}
        <VerdictBadge verdict={view.verdict} />
      </h2>
      {view.whyNot && (
        <Body1 as="p" className={styles.why}>
          Can’t be selected for this vault: {view.whyNot}
        </Body1>
      )}
      <Acceptance view={view} {...acceptance} />
      <dl className={styles.facts}>
        <Fact term="Resource group">{view.resourceGroup}</Fact>
        <Fact term="Region">{view.location}</Fact>
        <Fact term="Operating system">{view.os}</Fact>
        <Fact term="Size">{view.size || 'Not reported'}</Fact>
        <Fact term="Data disks">{String(view.dataDisks)}</Fact>
        <Fact term="Power state">{view.power}</Fact>
        <Fact term="VM agent">{view.agent}</Fact>
        <Fact term="Protection">{view.protection}</Fact>
        <Fact term="Network">{networkText}</Fact>
        <Fact term="Network path">{path}</Fact>
        {view.needsEnhanced.length > 0 ? <Fact term="Backup policy">{`Enhanced only: ${view.needsEnhanced.join('; ')}`}</Fact> : null}
      </dl>
      {row.readiness.findings.length === 0 ? (
        <Body1 as="p" className={styles.p}>
          No findings: this VM is ready to back up.
        </Body1>
      ) : (
        <FindingList findings={row.readiness.findings} label={`Findings for ${view.name}`} />
      )}
    </section>
  );
}
