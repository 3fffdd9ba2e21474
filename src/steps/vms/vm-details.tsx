import { Badge, Body1, Caption1, Link, makeStyles, tokens, type BadgeProps } from '@fluentui/react-components';
import type { Ref } from 'react';
import type { Finding, Severity } from '../../readiness/index.ts';
import { VERDICT_LABELS, type VmView } from './vm-view.ts';

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
  findings: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  finding: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
  },
  blocker: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteMarigoldBorder2 },
  info: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  why: { margin: 0, color: tokens.colorPaletteRedForeground1 },
  p: { margin: 0 },
});

const SEVERITY: Record<Severity, { label: string; color: NonNullable<BadgeProps['color']> }> = {
  blocker: { label: 'Blocker', color: 'danger' },
  warning: { label: 'Warning', color: 'warning' },
  info: { label: 'Info', color: 'informative' },
};

const VERDICT_COLOR = { ready: 'success', attention: 'warning', blocked: 'danger' } as const;

function FindingItem({ finding }: { finding: Finding }) {
  const styles = useStyles();
  const { source } = finding;
  return (
    <li className={`${styles.finding} ${styles[finding.severity]}`}>
      <div>
        <Badge appearance="tint" color={SEVERITY[finding.severity].color} size="small">
          {SEVERITY[finding.severity].label}
        </Badge>
      </div>
      <Body1 as="p" className={styles.p}>
        {finding.message}
      </Body1>
      <Body1 as="p" className={styles.p}>
        <strong>What to do: </strong>
        {finding.remediation}
      </Body1>
      <Caption1 as="p" className={styles.p}>
        Source:{' '}
        <Link href={source.url} target="_blank" rel="noreferrer" inline>
          {source.title}
        </Link>
        {source.section ? `, “${source.section}”` : ''} ({source.date})
      </Caption1>
    </li>
  );
}

function Fact({ term, children }: { term: string; children: string }) {
  const styles = useStyles();
  return (
    <div className={styles.fact}>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.value}>{children}</dd>
    </div>
  );
}

/** Everything known about one VM: its facts, why it can't be selected, and each finding with its fix and source. */
export function VmDetails({ view, headingRef }: { view: VmView; headingRef?: Ref<HTMLHeadingElement> }) {
  const styles = useStyles();
  const { row } = view;
  const net = row.network;
  const overall = net.report.overall;
  const networkText = [
    overall.status === 'open' ? 'Outbound HTTPS to Azure Backup, Storage and Azure AD: open' : null,
    overall.status === 'blocked' ? `Blocked by NSG ${overall.nsg}, rule ${overall.rule} (priority ${overall.priority}), to ${overall.destination}` : null,
    overall.status === 'unknown' ? `Unknown: ${overall.reason}` : null,
  ].find(Boolean) ?? '';
  const path = [net.nicName && `NIC ${net.nicName}`, net.privateIp, net.nsgNames.length > 0 ? `NSGs ${net.nsgNames.join(', ')}` : 'no NSG'].filter(Boolean).join(' · ');
  return (
    <section className={styles.panel} aria-labelledby="vm-details-heading">
      <h2 id="vm-details-heading" tabIndex={-1} ref={headingRef} className={styles.heading}>
        Details: {view.name}
        <Badge appearance="filled" color={VERDICT_COLOR[view.verdict]}>
          {VERDICT_LABELS[view.verdict]}
        </Badge>
      </h2>
      {view.whyNot && (
        <Body1 as="p" className={styles.why}>
          Can’t be selected for this vault: {view.whyNot}
        </Body1>
      )}
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
      </dl>
      {row.readiness.findings.length === 0 ? (
        <Body1 as="p" className={styles.p}>
          No findings: this VM is ready to back up.
        </Body1>
      ) : (
        <ul className={styles.findings} aria-label={`Findings for ${view.name}`}>
          {row.readiness.findings.map((finding, i) => (
            <FindingItem key={`${finding.ruleId}-${i}`} finding={finding} />
          ))}
        </ul>
      )}
    </section>
  );
}
