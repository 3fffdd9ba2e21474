import { makeStyles, tokens } from '@fluentui/react-components';
import { missingPermission, type AzureError } from '../azure/errors.ts';
import { ErrorPanel } from './error-panel.tsx';

const useStyles = makeStyles({
  lead: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  code: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
  advice: { margin: `${tokens.spacingVerticalXS} 0 0` },
});

type PermissionErrorProps = {
  title: string;
  error: AzureError;
  /** Which role grants the action, and where, e.g. "Backup Contributor or Contributor on the resource group rg-backup". */
  roleAdvice: string;
  onRetry?: () => void;
};

/**
 * A failed write. When Azure refused it for lack of permission, it first says which permission on which scope
 * and which role grants it, in plain words; then the error itself (code, message, request id), as support needs it.
 */
export function PermissionError({ title, error, roleAdvice, onRetry }: PermissionErrorProps) {
  const styles = useStyles();
  const missing = missingPermission(error);
  const lead = missing && (
    <>
      <p className={styles.lead}>
        You lack permission <span className={styles.code}>{missing.action}</span> on scope{' '}
        <span className={styles.code}>{missing.scope}</span>.
      </p>
      <p className={styles.advice}>
        The role {roleAdvice} grants it: ask an Owner or User Access Administrator to assign it to you, then sign out,
        sign in again and retry.
      </p>
    </>
  );
  return <ErrorPanel title={title} error={error} {...(onRetry ? { onRetry } : {})} {...(lead ? { lead } : {})} />;
}
