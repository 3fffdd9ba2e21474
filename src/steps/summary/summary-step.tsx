import { Body1, Button, Link, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwise20Regular, ArrowDownload20Regular, Print20Regular } from '@fluentui/react-icons';
import { useNavigate } from 'react-router';
import { stepById } from '../../app/steps.ts';
import { CodeBlock } from '../../components/code-block.tsx';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { VisuallyHidden } from '../../components/visually-hidden.tsx';
import { downloadText, fileStem } from './download.ts';
import { summaryToBicep } from './export-bicep.ts';
import { summaryToAzCli } from './export-cli.ts';
import { usePrintStyles } from './print-styles.ts';
import { summaryToJson, summaryToMarkdown } from './summary-markdown.ts';
import type { SetupSummary } from './summary-model.ts';
import { Facts, FindingsSection, JournalSection, NetworkSection, PolicySection, Section, VaultSection, VmsSection } from './summary-sections.tsx';
import { useSummary } from './use-summary.ts';

const useStyles = makeStyles({
  intro: { display: 'block', maxWidth: '75ch', marginBottom: tokens.spacingVerticalL },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, padding: 0 },
  loading: { padding: tokens.spacingVerticalXXL },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  next: { maxWidth: '75ch' },
  details: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  summary: { cursor: 'pointer', fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalXS} 0` },
});

function SummaryActions({ summary, onRefresh }: { summary: SetupSummary; onRefresh: () => void }) {
  const styles = useStyles();
  const stem = fileStem(summary.vault.name);
  return (
    <div role="group" aria-label="Print and download" className={styles.toolbar} data-print="hide">
      <Button appearance="primary" icon={<Print20Regular />} onClick={() => window.print()}>
        Print
      </Button>
      <Button icon={<ArrowDownload20Regular />} onClick={() => downloadText(`${stem}.json`, summaryToJson(summary), 'application/json')}>
        Download as JSON
      </Button>
      <Button icon={<ArrowDownload20Regular />} onClick={() => downloadText(`${stem}.md`, summaryToMarkdown(summary), 'text/markdown')}>
        Download as Markdown
      </Button>
      <Button icon={<ArrowDownload20Regular />} onClick={() => downloadText(`${stem}.sh`, summaryToAzCli(summary), 'text/x-shellscript')}>
        Download az CLI script
      </Button>
      <Button icon={<ArrowDownload20Regular />} onClick={() => downloadText(`${stem}.bicep`, summaryToBicep(summary), 'text/plain')}>
        Download Bicep file
      </Button>
      <Button appearance="subtle" icon={<ArrowClockwise20Regular />} onClick={onRefresh}>
        Read again from Azure
      </Button>
    </div>
  );
}

function SummaryReport({ summary, onRefresh }: { summary: SetupSummary; onRefresh: () => void }) {
  const styles = useStyles();
  const navigate = useNavigate();
  return (
    <>
      <SummaryActions summary={summary} onRefresh={onRefresh} />
      <Section title="About this summary">
        <Facts
          rows={[
            ['Date', new Date(summary.generatedAt).toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' })],
            ['Tenant', <span className={styles.mono}>{summary.tenant.name ? `${summary.tenant.name} (${summary.tenant.id})` : summary.tenant.id}</span>],
            ['Account', `${summary.account.name} (${summary.account.username})`],
            ['Subscription', <>{summary.subscription.name} (<span className={styles.mono}>{summary.subscription.id}</span>)</>],
            ['Read back from Azure', 'The vault, replication, policy, protected virtual machines and NSG rules below are what Azure reports now.'],
          ]}
        />
      </Section>
      <VaultSection summary={summary} />
      <PolicySection summary={summary} />
      <VmsSection summary={summary} />
      <NetworkSection summary={summary} />
      <FindingsSection summary={summary} />
      <JournalSection summary={summary} />
      <div data-print="hide" className={styles.content}>
        <Section title="Reproduce this setup">
          <Body1 className={styles.next}>
            The same setup as code: an az CLI script and a Bicep template (the vault, its storage replication, the
            policy and the protected items; the script also adds the NSG rules).
          </Body1>
          <details className={styles.details}>
            <summary className={styles.summary}>Show the az CLI script</summary>
            <CodeBlock label="az CLI script" code={summaryToAzCli(summary)} />
          </details>
          <details className={styles.details}>
            <summary className={styles.summary}>Show the Bicep template</summary>
            <CodeBlock label="Bicep template" code={summaryToBicep(summary)} />
          </details>
        </Section>
        <Body1 className={styles.next}>
          Virtual machines in other regions need a vault of their own:{' '}
          <Link
            href="/"
            onClick={(event) => {
              event.preventDefault();
              void navigate('/');
            }}
          >
            set up the next region from the start page
          </Link>
          .
        </Body1>
      </div>
    </>
  );
}

export function SummaryStep() {
  const styles = useStyles();
  const step = stepById('summary');
  usePrintStyles();
  const { state, retry, reload, summary } = useSummary();
  const status =
    state.status === 'loading' ? 'Reading the setup back from Azure…' : state.status === 'failed' ? 'Reading the setup back failed.' : summary ? 'Summary ready.' : '';
  return (
    <section aria-labelledby="page-heading">
      <PageHeading>Summary of the backup setup</PageHeading>
      <Body1 as="p" className={styles.intro} data-print="hide">
        {step.description} Print it or download it to keep a record.
      </Body1>
      <VisuallyHidden>
        <span role="status">{status}</span>
      </VisuallyHidden>
      <div className={styles.content}>
        {state.status === 'loading' && <Spinner className={styles.loading} label="Reading the setup back from Azure…" />}
        {state.status === 'failed' && <ErrorPanel title="The setup could not be read back from Azure" error={state.error} onRetry={retry} />}
        {summary && <SummaryReport summary={summary} onRefresh={reload} />}
      </div>
    </section>
  );
}
