import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowLeft20Regular, CloudAdd20Regular } from '@fluentui/react-icons';
import { Fragment, useEffect, useRef, useState } from 'react';
import { missingPermission } from '../../azure/errors.ts';
import type { VaultSummary } from '../../azure/vaults.ts';
import { ConfirmOneWay } from '../../components/confirm-one-way.tsx';
import { PermissionError } from '../../components/permission-error.tsx';
import { securityRows } from '../../plan/security-words.ts';
import type { CreateState } from './use-create-vault.ts';
import { roleAdviceFor, type CreatePlan } from './vault-rules.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '880px' },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    ':focus': { outline: 'none' },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  summary: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0 },
  requests: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  request: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, wordBreak: 'break-all' },
  json: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    margin: `${tokens.spacingVerticalXS} 0 0`,
    overflowX: 'auto',
  },
  note: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: '75ch' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
});

type VaultReviewProps = {
  plan: CreatePlan;
  subscriptionName: string;
  regionName: (location: string) => string;
  state: CreateState;
  onCreate: () => void;
  onBack: () => void;
  onUseVault: (vault: VaultSummary) => void;
};

/** Where the create stands, in words (also what the polite live region reads out). */
export function progressText(state: CreateState, plan: CreatePlan): string {
  if (state.status !== 'running') return '';
  switch (state.step) {
    case 'checking':
      return `Checking whether a vault named ${plan.vaultName} already exists…`;
    case 'resourceGroup':
      return `Creating resource group ${plan.resourceGroup}…`;
    case 'vault':
      switch (state.operation) {
        case null:
        case 'notStarted':
          return `Sending the request to create vault ${plan.vaultName}…`;
        case 'running':
          return `Azure is creating vault ${plan.vaultName}: operation in progress…`;
        default:
          return `Vault ${plan.vaultName}: operation ${state.operation}; reading the vault…`;
      }
    case 'security':
      return `Locking the immutability of vault ${plan.vaultName}…`;
    case 'reading':
      return `Reading back the security settings of vault ${plan.vaultName}…`;
  }
}

/** "Review + create": exactly the requests "Create" sends, then their progress and outcome. */
export function VaultReview({ plan, subscriptionName, regionName, state, onCreate, onBack, onUseVault }: VaultReviewProps) {
  const styles = useStyles();
  const [confirming, setConfirming] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The form this replaces held the focus: move it here so keyboard and screen-reader users land on the review.
  useEffect(() => headingRef.current?.focus(), []);
  const running = state.status === 'running';
  const done = state.status === 'created' || state.status === 'exists';
  const tags = plan.vaultRequest.body.tags ?? {};
  const failedAction = state.status === 'failed' ? (missingPermission(state.error)?.action ?? undefined) : undefined;
  return (
    <section className={styles.root} aria-labelledby="review-heading">
      <h2 id="review-heading" tabIndex={-1} ref={headingRef} className={styles.heading}>
        Review + create
      </h2>
      <dl className={styles.summary}>
        <dt className={styles.term}>Subscription</dt>
        <dd className={styles.value}>{subscriptionName}</dd>
        <dt className={styles.term}>Resource group</dt>
        <dd className={styles.value}>
          {plan.resourceGroup} {plan.resourceGroupRequest ? '(new)' : '(existing)'}
        </dd>
        <dt className={styles.term}>Region</dt>
        <dd className={styles.value}>{regionName(plan.location)}</dd>
        <dt className={styles.term}>Vault name</dt>
        <dd className={styles.value}>{plan.vaultName}</dd>
        <dt className={styles.term}>Tags</dt>
        <dd className={styles.value}>
          {Object.keys(tags).length === 0
            ? 'None'
            : Object.entries(tags)
                .map(([key, value]) => `${key}: ${value}`)
                .join(', ')}
        </dd>
        <dt className={styles.term}>Replication</dt>
        <dd className={styles.value}>Geo-redundant, Azure’s default for a new vault (you choose it in the next step)</dd>
        {securityRows(plan.security).map(([label, value]) => (
          <Fragment key={label}>
            <dt className={styles.term}>{label}</dt>
            <dd className={styles.value}>{value}</dd>
          </Fragment>
        ))}
      </dl>

      <p className={styles.note}>
        “Create” first reads the vault (GET) so it never makes a second vault with this name, then sends these requests,
        in this order:
      </p>
      <ol className={styles.requests} aria-label="Requests that will be sent">
        {[plan.resourceGroupRequest, plan.vaultRequest, ...plan.securityRequests].flatMap((request, index) =>
          request
            ? [
                <li key={`${index}|${request.method} ${request.path}`}>
                  <span className={styles.request}>
                    {request.method} {request.path}
                  </span>
                  <pre className={styles.json} role="group" tabIndex={0} aria-label={`Body of ${request.method} ${request.path}`}>
                    {JSON.stringify(request.body, null, 2)}
                  </pre>
                </li>,
              ]
            : [],
        )}
      </ol>

      {running && (
        <Field validationMessage={progressText(state, plan)} validationState="none">
          <ProgressBar aria-label="Creating the vault" />
        </Field>
      )}

      {state.status === 'exists' && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{state.vault.name} already exists</MessageBarTitle>A vault with this name is already in
            resource group {state.vault.resourceGroup} ({regionName(state.vault.location)}). Nothing was created: use it
            instead.
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={() => onUseVault(state.vault)}>
              Use {state.vault.name}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {state.status === 'conflict' && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>The name is taken in this resource group</MessageBarTitle>A vault named {state.vault.name} is
            already in resource group {state.vault.resourceGroup}, in {regionName(state.vault.location)}. A vault can’t be
            moved to another region and nothing was sent: go back and choose another name, or use that vault in its own
            region.
          </MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'failed' && (
        <PermissionError
          title={
            state.step === 'resourceGroup'
              ? `Resource group ${plan.resourceGroup} could not be created`
              : state.step === 'checking'
                ? `Whether ${plan.vaultName} already exists could not be checked`
                : state.step === 'security' || state.step === 'reading'
                  ? `Vault ${plan.vaultName} was created, but its security settings could not be finished: “Try again” offers to use it, and its Replication step sets them`
                  : `Vault ${plan.vaultName} could not be created`
          }
          error={state.error}
          roleAdvice={roleAdviceFor(failedAction, plan.resourceGroup)}
        />
      )}

      {/* While the one-way settings are being confirmed, the confirmation holds the only way to create. */}
      {confirming ? (
        <ConfirmOneWay
          vaultName={plan.vaultName}
          doors={plan.oneWayDoors}
          confirmLabel="Create the vault"
          onConfirm={() => {
            setConfirming(false);
            onCreate();
          }}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <div className={styles.actions}>
          <Button icon={<ArrowLeft20Regular />} disabled={running} onClick={onBack}>
            Back to edit
          </Button>
          {!done && (
            <Button
              appearance="primary"
              icon={<CloudAdd20Regular />}
              disabledFocusable={running || state.status === 'conflict'}
              onClick={() => (plan.oneWayDoors.length > 0 ? setConfirming(true) : onCreate())}
            >
              {running ? 'Creating…' : state.status === 'failed' ? 'Try again' : 'Create'}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}
