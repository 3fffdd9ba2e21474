import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwise20Regular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { whatToDo, type AzureError } from '../azure/errors.ts';

const useStyles = makeStyles({
  details: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: `${tokens.spacingVerticalS} 0 0`,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, wordBreak: 'break-all' },
  code: { fontFamily: tokens.fontFamilyMonospace },
  advice: { margin: `${tokens.spacingVerticalS} 0 0` },
  lead: { margin: `${tokens.spacingVerticalXS} 0 ${tokens.spacingVerticalS}` },
});

type ErrorPanelProps = {
  /** What the user was trying to do, e.g. "We couldn't load your subscriptions". */
  title: string;
  error: AzureError;
  onRetry?: () => void;
  /** Said first, before Azure's own message: e.g. which permission is missing, in plain words. */
  lead?: ReactNode;
  /** A more specific "what to do" than the generic advice, e.g. from the Azure Backup error-code table. */
  remedy?: string;
  /** The retry button's text when "Retry" alone would be ambiguous, e.g. "Retry app-01". */
  retryLabel?: string;
};

/**
 * Shows a normalised Azure error the way support needs it: code, message, request and correlation ids,
 * plus one sentence on what to do. role="alert" announces it when it appears.
 */
export function ErrorPanel({ title, error, onRetry, lead, remedy, retryLabel = 'Retry' }: ErrorPanelProps) {
  const styles = useStyles();
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {lead && <div className={styles.lead}>{lead}</div>}
        {error.message}
        <dl className={styles.details}>
          <dt className={styles.term}>Code</dt>
          <dd className={`${styles.value} ${styles.code}`}>{error.code}</dd>
          {error.status !== undefined && (
            <>
              <dt className={styles.term}>HTTP status</dt>
              <dd className={`${styles.value} ${styles.code}`}>{error.status}</dd>
            </>
          )}
          {error.target && (
            <>
              <dt className={styles.term}>Target</dt>
              <dd className={`${styles.value} ${styles.code}`}>{error.target}</dd>
            </>
          )}
          {error.requestId && (
            <>
              <dt className={styles.term}>Request ID</dt>
              <dd className={`${styles.value} ${styles.code}`}>{error.requestId}</dd>
            </>
          )}
          {error.correlationId && (
            <>
              <dt className={styles.term}>Correlation ID</dt>
              <dd className={`${styles.value} ${styles.code}`}>{error.correlationId}</dd>
            </>
          )}
        </dl>
        <p className={styles.advice}>
          <strong>What to do: </strong>
          {remedy ?? whatToDo(error)}
        </p>
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button icon={<ArrowClockwise20Regular />} onClick={onRetry}>
            {retryLabel}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
