import { Body1, Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowLeft20Regular, ArrowRight20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { stepAfter, stepBefore, stepById } from '../../app/steps.ts';
import { useArmGateway } from '../../azure/gateway-context.tsx';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { useArmQuery } from '../../components/use-arm-query.ts';
import { VisuallyHidden } from '../../components/visually-hidden.tsx';
import { replicationIsConfirmed } from '../../store/replication-slice.ts';
import { useWizardStore } from '../../store/store-context.tsx';
import type { VaultChoice } from '../../store/vault-slice.ts';
import { LockedReplication } from './locked-replication.tsx';
import { ReplicationForm } from './replication-form.tsx';
import { SecuritySection } from './security-section.tsx';

const useStyles = makeStyles({
  intro: { display: 'block', maxWidth: '70ch', marginBottom: tokens.spacingVerticalL },
  vault: { display: 'block', marginBottom: tokens.spacingVerticalXL },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  loading: { padding: tokens.spacingVerticalXXL, alignSelf: 'flex-start' },
  footer: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    marginTop: tokens.spacingVerticalXL,
    paddingTop: tokens.spacingVerticalL,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

export function ReplicationStep() {
  const subscriptionId = useWizardStore((s) => s.setup.subscriptionId);
  const vault = useWizardStore((s) => s.vault.chosen);
  // The route's loader guarantees both; this only satisfies the types.
  return subscriptionId && vault ? <ReplicationStepFor subscriptionId={subscriptionId} vault={vault} /> : null;
}

function ReplicationStepFor({ subscriptionId, vault }: { subscriptionId: string; vault: VaultChoice }) {
  const styles = useStyles();
  const step = stepById('replication');
  const next = stepAfter('replication');
  const previous = stepBefore('replication');
  const navigate = useNavigate();
  const gateway = useArmGateway();
  const done = useWizardStore((s) => replicationIsConfirmed(s.replication, vault.id));
  const [announcement, setAnnouncement] = useState('');

  // The storage config first: whether it is Locked decides what this page can offer.
  const current = useArmQuery(`storage-config:${vault.id}`, async () => {
    const [config, locations] = await Promise.all([
      gateway.getStorageConfig(subscriptionId, vault.resourceGroup, vault.name),
      gateway.listLocations(subscriptionId),
    ]);
    return { config, region: locations.find((l) => l.name.toLowerCase() === vault.location.toLowerCase()), locations };
  });

  const loaded = current.state.status === 'loaded' ? current.state.data : null;
  const paired = loaded?.region?.pairedRegion ?? null;
  const pairedRegionName = paired === null ? null : (loaded?.locations.find((l) => l.name === paired)?.displayName ?? paired);

  return (
    <section aria-labelledby="page-heading">
      <PageHeading>Set storage replication</PageHeading>
      <Body1 as="p" className={styles.intro}>
        {step.description}
      </Body1>
      <Body1 className={styles.vault}>
        Vault: <strong>{vault.name}</strong> (resource group {vault.resourceGroup},{' '}
        {current.state.status === 'loaded' ? (current.state.data.region?.displayName ?? vault.location) : vault.location})
      </Body1>
      <VisuallyHidden>
        <span role="status">
          {current.state.status === 'loading' ? 'Reading the vault’s storage replication…' : announcement}
        </span>
      </VisuallyHidden>

      <div className={styles.content}>
        {current.state.status === 'loading' && <Spinner className={styles.loading} label="Reading the vault’s storage replication…" />}
        {current.state.status === 'failed' && (
          <ErrorPanel title="The vault’s storage replication could not be read" error={current.state.error} onRetry={current.retry} />
        )}
        {current.state.status === 'loaded' &&
          (current.state.data.config.locked ? (
            <LockedReplication vault={vault} config={current.state.data.config} />
          ) : (
            <ReplicationForm
              subscriptionId={subscriptionId}
              vault={vault}
              config={current.state.data.config}
              region={current.state.data.region}
              pairedRegionName={pairedRegionName}
              onSaved={(readBack, text) => {
                setAnnouncement(text);
                current.update((data) => ({ ...data, config: readBack }));
              }}
            />
          ))}
        {current.state.status === 'loaded' && <SecuritySection subscriptionId={subscriptionId} vault={vault} />}
      </div>

      <div className={styles.footer}>
        {previous ? (
          <Button icon={<ArrowLeft20Regular />} onClick={() => void navigate(previous.path)}>
            Back
          </Button>
        ) : (
          <span />
        )}
        {next && (
          <Button
            appearance="primary"
            icon={<ArrowRight20Regular />}
            iconPosition="after"
            disabledFocusable={!done}
            onClick={() => void navigate(next.path)}
          >
            Next
          </Button>
        )}
      </div>
    </section>
  );
}
