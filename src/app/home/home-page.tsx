import { Body1, Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowRight20Regular } from '@fluentui/react-icons';
import { useMemo, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { PageHeading } from '../../components/page-heading.tsx';
import { countOf, relativeTime } from '../../plan/words.ts';
import { useWizardStore } from '../../store/store-context.tsx';
import { stepById } from '../steps.ts';
import { ContinueFromVault } from './continue-from-vault.tsx';
import { NextRegion } from './next-region.tsx';
import { resumeEntry } from './resume-entry.ts';

const useStyles = makeStyles({
  intro: { display: 'block', maxWidth: '75ch', marginBottom: tokens.spacingVerticalL },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '880px' },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalXL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  subheading: { marginTop: tokens.spacingVerticalL, fontSize: tokens.fontSizeBase400 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  muted: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

function Card({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  const id = `home-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section aria-labelledby={id} className={styles.card}>
      <h2 id={id} className={styles.heading}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The signed-in start page: continue where you were, continue from a vault in Azure, or set up the next region. */
export function HomePage() {
  const styles = useStyles();
  const navigate = useNavigate();
  // The whole state: which step is next depends on every slice (a derived object must not be the selector's result).
  const state = useWizardStore((s) => s);
  const entry = useMemo(() => resumeEntry(state), [state]);
  const completed = useWizardStore((s) => s.setups.completed);
  const now = new Date();

  return (
    <section aria-labelledby="page-heading">
      <PageHeading>Your backup setups</PageHeading>
      <Body1 as="p" className={styles.intro}>
        Your progress is saved in this browser for your account, so you can stop at any point and carry on later. A
        setup started elsewhere can be finished here too, from what its vault holds in Azure.
      </Body1>
      <div className={styles.content}>
        {entry && !entry.finished && (
          <Card title="Continue where you were">
            <div className={styles.actions}>
              <Button appearance="primary" size="large" icon={<ArrowRight20Regular />} iconPosition="after" onClick={() => void navigate(entry.step.path)}>
                {`${entry.vaultName ? `Continue setup of ${entry.vaultName} in ${entry.region}` : `Continue the setup in ${entry.region}`} — ${entry.step.title}${entry.savedAt ? `, saved ${relativeTime(new Date(entry.savedAt), now)}` : ''}`}
              </Button>
            </div>
          </Card>
        )}
        {entry?.finished && (
          <Card title={`${entry.vaultName ?? 'The vault'} in ${entry.region} is set up`}>
            <Body1>
              Backup is enabled for the chosen virtual machines
              {entry.savedAt ? `; last change ${relativeTime(new Date(entry.savedAt), now)}` : ''}.
            </Body1>
            <div className={styles.actions}>
              <Button appearance="primary" onClick={() => void navigate(stepById('summary').path)}>
                View the summary
              </Button>
            </div>
            <h3 className={mergeClasses(styles.heading, styles.subheading)}>Set up the next region</h3>
            <Body1 className={styles.muted}>
              A vault protects the virtual machines of its own region. The next setup starts with a new vault in that
              region and the same policy settings.
            </Body1>
            <NextRegion />
          </Card>
        )}
        {completed.length > 0 && (
          <Card title="Finished regions">
            <ul className={styles.list}>
              {completed.map((setup) => (
                <li key={setup.vaultId}>
                  {setup.vaultName} in {setup.location}: {countOf(setup.vmCount, 'virtual machine')}
                  {setup.policyName ? ` with policy ${setup.policyName}` : ''}, finished {relativeTime(new Date(setup.completedAt), now)}
                </li>
              ))}
            </ul>
          </Card>
        )}
        <Card title="Continue from an existing vault">
          <Body1 className={styles.muted}>
            Pick a vault to carry on its setup: its replication, policy and protected virtual machines are read from
            Azure{entry ? ', replacing the progress saved here if it is another vault' : ''}.
          </Body1>
          <ContinueFromVault />
        </Card>
        {!entry && (
          <div className={styles.actions}>
            <Button onClick={() => void navigate(stepById('subscription').path)}>Start a new setup</Button>
          </div>
        )}
      </div>
    </section>
  );
}
