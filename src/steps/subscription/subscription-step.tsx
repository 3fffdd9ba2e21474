import {
  Body1,
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwise20Regular, ArrowRight20Regular } from '@fluentui/react-icons';
import { useNavigate } from 'react-router';
import { stepAfter, stepById } from '../../app/steps.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { VisuallyHidden } from '../../components/visually-hidden.tsx';
import { useWizardStore } from '../../store/store-context.tsx';
import { whyNotSelectable } from './subscription-rules.ts';
import { SubscriptionTable } from './subscription-table.tsx';
import { useSubscriptions, type SubscriptionsState } from './use-subscriptions.ts';

const useStyles = makeStyles({
  intro: { display: 'block', maxWidth: '70ch', marginBottom: tokens.spacingVerticalXL },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  loading: { padding: tokens.spacingVerticalXXL },
  footer: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'flex-end',
    gap: tokens.spacingHorizontalL,
    marginTop: tokens.spacingVerticalXL,
    paddingTop: tokens.spacingVerticalL,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  chosen: { color: tokens.colorNeutralForeground2 },
});

function statusMessage(state: SubscriptionsState): string {
  switch (state.status) {
    case 'loading':
      return 'Loading your subscriptions…';
    case 'failed':
      return 'Loading your subscriptions failed.';
    case 'loaded':
      return state.subscriptions.length === 1
        ? '1 subscription found.'
        : `${state.subscriptions.length} subscriptions found.`;
  }
}

export function SubscriptionStep() {
  const styles = useStyles();
  const step = stepById('subscription');
  const next = stepAfter('subscription');
  const navigate = useNavigate();
  const { state, retry } = useSubscriptions();
  const chosenId = useWizardStore((s) => s.setup.subscriptionId);
  const chosenName = useWizardStore((s) => s.setup.subscriptionName);
  const chooseSubscription = useWizardStore((s) => s.chooseSubscription);

  const subscriptions = state.status === 'loaded' ? state.subscriptions : [];
  const chosen = subscriptions.find((subscription) => subscription.subscriptionId === chosenId);
  const canContinue = chosen !== undefined && whyNotSelectable(chosen) === null;
  // A saved choice the account can no longer see (access removed, subscription moved) must be made again.
  const chosenIsGone = state.status === 'loaded' && chosenId !== null && chosen === undefined;

  return (
    <section aria-labelledby="page-heading">
      <PageHeading>Choose a subscription</PageHeading>
      <Body1 as="p" className={styles.intro}>
        {step.description}
      </Body1>
      <VisuallyHidden>
        <span role="status">{statusMessage(state)}</span>
      </VisuallyHidden>

      <div className={styles.content}>
        {state.status === 'loading' && <Spinner className={styles.loading} label="Loading your subscriptions…" />}

        {state.status === 'failed' && (
          <ErrorPanel title="Your subscriptions could not be loaded" error={state.error} onRetry={retry} />
        )}

        {state.status === 'loaded' && subscriptions.length === 0 && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>No subscriptions</MessageBarTitle>
              Your account has no access to any subscription in this tenant — ask an administrator for a role such as
              Reader or Backup Contributor.
            </MessageBarBody>
            <MessageBarActions>
              <Button icon={<ArrowClockwise20Regular />} onClick={retry}>
                Check again
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}

        {chosenIsGone && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Your saved subscription is no longer available</MessageBarTitle>
              {chosenName ?? chosenId} is not in the list of subscriptions your account can access. Choose another.
            </MessageBarBody>
          </MessageBar>
        )}

        {subscriptions.length > 0 && (
          <SubscriptionTable
            subscriptions={subscriptions}
            chosenId={chosenId}
            onChoose={(subscription) =>
              chooseSubscription({ subscriptionId: subscription.subscriptionId, displayName: subscription.displayName })
            }
          />
        )}
      </div>

      {next && (
        <div className={styles.footer}>
          {canContinue && <Body1 className={styles.chosen}>Selected: {chosen.displayName}</Body1>}
          <Button
            appearance="primary"
            icon={<ArrowRight20Regular />}
            iconPosition="after"
            disabledFocusable={!canContinue}
            onClick={() => void navigate(next.path)}
          >
            Next
          </Button>
        </div>
      )}
    </section>
  );
}
