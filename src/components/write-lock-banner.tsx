import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useWriteLock } from './write-lock-context.tsx';

const useStyles = makeStyles({ banner: { marginBottom: tokens.spacingVerticalL } });

/** Shown in every page of a tab that does not hold the write lock: says why nothing can be changed here. */
export function WriteLockBanner() {
  const styles = useStyles();
  const { status, takeOver } = useWriteLock();
  if (status !== 'elsewhere') return null;
  return (
    <MessageBar className={styles.banner} intent="warning" layout="multiline" role="region" aria-label="Open in another tab">
      <MessageBarBody>
        <MessageBarTitle>This setup is open in another tab — changes are made there</MessageBarTitle>
        This tab shows the saved progress but sends nothing to Azure. Take over to make changes here; the other tab
        then becomes read-only.
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={takeOver}>
          Take over here
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
