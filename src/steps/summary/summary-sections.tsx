import { Body1, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { CodeBlock } from '../../components/code-block.tsx';
import { describePolicy, policyFacts } from '../../plan/describe-policy.ts';
import { CLASSIC_ALERTS_NOTE, securityRows } from '../../plan/security-words.ts';
import { describeRedundancy } from '../../plan/words.ts';
import { policyJson, type SetupSummary } from './summary-model.ts';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  group: { display: 'contents' },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, overflowWrap: 'anywhere' },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  tableWrap: { overflowX: 'auto' },
  table: { tableLayout: 'auto' },
  muted: { color: tokens.colorNeutralForeground2 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

export function Section({ title, children, long = false }: { title: string; children: ReactNode; long?: boolean }) {
  const styles = useStyles();
  const id = `summary-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section aria-labelledby={id} className={styles.section} data-print={long ? 'long-section' : 'section'}>
      <h2 id={id} className={styles.heading}>
        {title}
      </h2>
      {children}
    </section>
  );
}

export function Facts({ rows }: { rows: readonly (readonly [string, ReactNode])[] }) {
  const styles = useStyles();
  return (
    <dl className={styles.facts}>
      {rows.map(([term, value]) => (
        <div key={term} className={styles.group}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function SimpleTable({ label, headers, rows }: { label: string; headers: readonly string[]; rows: readonly (readonly ReactNode[])[] }) {
  const styles = useStyles();
  return (
    <div className={styles.tableWrap}>
      <Table className={styles.table} aria-label={label} size="small">
        <TableHeader>
          <TableRow>
            {headers.map((header) => (
              <TableHeaderCell key={header}>{header}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row, i) => (
            <TableRow key={i}>
              {row.map((value, j) => (
                <TableCell key={j}>{value}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

export function VaultSection({ summary }: { summary: SetupSummary }) {
  const styles = useStyles();
  const { vault, replication } = summary;
  return (
    <>
      <Section title="Recovery Services vault">
        <Facts
          rows={[
            ['Name', vault.name],
            ['Resource group', vault.resourceGroup],
            ['Region', vault.location],
            ['SKU', [vault.skuName, vault.skuTier].filter(Boolean).join(' / ') || '—'],
            ['Provisioning state', vault.provisioningState || '—'],
            ['Resource ID', <span className={styles.mono}>{vault.id}</span>],
          ]}
        />
      </Section>
      <Section title="Storage replication">
        {replication ? (
          <Facts
            rows={[
              ['Type', describeRedundancy({ storageType: replication.storageType, crossRegionRestore: false })],
              ['Cross-region restore', replication.crossRegionRestore ? 'Enabled' : 'Disabled'],
              ['State', replication.locked ? 'Locked (cannot be changed any more)' : 'Unlocked'],
            ]}
          />
        ) : (
          <Body1 className={styles.muted}>Could not be read back from Azure.</Body1>
        )}
      </Section>
      <Section title="Vault security">
        <Facts rows={[...securityRows(summary.security), ['Multi-user authorization', summary.security.multiUserAuthorization]]} />
        <Body1 className={styles.muted}>{CLASSIC_ALERTS_NOTE}</Body1>
      </Section>
    </>
  );
}

export function PolicySection({ summary }: { summary: SetupSummary }) {
  const styles = useStyles();
  const { policy } = summary;
  if (!policy) {
    return (
      <Section title="Backup policy">
        <Body1 className={styles.muted}>The chosen policy is not in the vault.</Body1>
      </Section>
    );
  }
  return (
    <Section title={`Backup policy: ${policy.name}`} long>
      {policy.properties ? (
        <>
          <Body1>{describePolicy(policy.properties)}</Body1>
          <Facts rows={[...policyFacts(policy.properties).map((fact) => [fact.label, fact.value] as const), ['Policy ID', <span className={styles.mono}>{policy.id}</span>]]} />
          <CodeBlock label={`Policy ${policy.name} as JSON`} code={JSON.stringify({ properties: policyJson(policy.properties) }, null, 2)} />
        </>
      ) : (
        <Body1 className={styles.muted}>Its settings are in a form this wizard does not describe; see the Azure portal. ID: {policy.id}</Body1>
      )}
    </Section>
  );
}

export function VmsSection({ summary }: { summary: SetupSummary }) {
  const styles = useStyles();
  return (
    <Section title="Protected virtual machines" long>
      {summary.protectedVms.length === 0 ? (
        <Body1 className={styles.muted}>The vault protects no virtual machine.</Body1>
      ) : (
        <SimpleTable
          label="Protected virtual machines"
          headers={['Virtual machine', 'Resource group', 'Protection state', 'Health', 'Last backup', 'Policy']}
          rows={summary.protectedVms.map((vm) => [
            vm.vmName,
            vm.vmResourceGroup,
            vm.protectionState || '—',
            vm.healthStatus || '—',
            vm.lastBackupStatus ? `${vm.lastBackupStatus}${vm.lastBackupTime ? `, ${new Date(vm.lastBackupTime).toLocaleString()}` : ''}` : 'No backup yet',
            vm.policyName,
          ])}
        />
      )}
      {summary.unprotectedVmNames.length > 0 && (
        <Body1>Chosen in this setup but not protected: {summary.unprotectedVmNames.join(', ')}.</Body1>
      )}
    </Section>
  );
}

export function NetworkSection({ summary }: { summary: SetupSummary }) {
  const styles = useStyles();
  return (
    <>
      <Section title="NSG rules added" long>
        {summary.nsgRules.length === 0 ? (
          <Body1 className={styles.muted}>The wizard added no NSG rule.</Body1>
        ) : (
          <SimpleTable
            label="NSG rules added"
            headers={['Rule', 'NSG', 'Priority', 'Direction', 'Access', 'Protocol', 'Source', 'Destination', 'Ports', 'Description']}
            rows={summary.nsgRules.map(({ name, nsgName, nsgResourceGroup, rule }) =>
              rule
                ? [
                    name,
                    `${nsgName} (${nsgResourceGroup})`,
                    rule.priority,
                    rule.direction,
                    rule.access,
                    rule.protocol,
                    `${rule.sourceAddressPrefix}, ports ${rule.sourcePortRange}`,
                    rule.destinationAddressPrefix ?? (rule.destinationAddressPrefixes ?? []).join(', '),
                    rule.destinationPortRange,
                    rule.description ?? '—',
                  ]
                : [name, `${nsgName} (${nsgResourceGroup})`, 'Not in Azure any more', '', '', '', '', '', '', ''],
            )}
          />
        )}
      </Section>
      <Section title="Proxy">
        <Body1>
          {summary.proxy
            ? `Backup traffic goes through the HTTP proxy ${summary.proxy.ip}:${summary.proxy.port}, set up inside the virtual machines.`
            : 'No proxy: the virtual machines reach Azure directly.'}
        </Body1>
      </Section>
    </>
  );
}

export function FindingsSection({ summary }: { summary: SetupSummary }) {
  const styles = useStyles();
  return (
    <Section title="Readiness findings still open">
      {summary.openFindings.length === 0 ? (
        <Body1 className={styles.muted}>None.</Body1>
      ) : (
        <ul className={styles.list}>
          {summary.openFindings.map((finding, i) => (
            <li key={i}>
              <strong>{finding.vmName}</strong> ({finding.area}): {finding.text}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function JournalSection({ summary }: { summary: SetupSummary }) {
  const styles = useStyles();
  return (
    <Section title="Operation journal" long>
      {summary.journal.length === 0 ? (
        <Body1 className={styles.muted}>No writes were recorded in this browser.</Body1>
      ) : (
        <SimpleTable
          label="Operation journal"
          headers={['Time', 'Operation', 'Target', 'Result', 'Request IDs']}
          rows={summary.journal.map((line) => [
            new Date(line.at).toLocaleString(),
            line.operation,
            <span className={styles.mono}>{line.target}</span>,
            line.detail ? `${line.result}: ${line.detail}` : line.result,
            <span className={styles.mono}>{line.requestIds.join(', ') || '—'}</span>,
          ])}
        />
      )}
    </Section>
  );
}
