import {
  Body1,
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { VmBackupPolicy } from '../../azure/policy-types.ts';
import { PermissionError } from '../../components/permission-error.tsx';
import { VisuallyHidden } from '../../components/visually-hidden.tsx';
import { STAGE_TEXT, type CreationState } from './use-create-policy.ts';

const useStyles = makeStyles({
  working: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '520px' },
});

function announcement(creation: CreationState): string {
  switch (creation.status) {
    case 'idle':
      return '';
    case 'working':
      return STAGE_TEXT[creation.stage];
    case 'created':
      return `Policy ${creation.policy.name} was created.`;
    case 'exists':
      return `A policy named ${creation.policy.name} already exists; nothing was changed.`;
    case 'failed':
      return `Creating policy ${creation.name} failed.`;
  }
}

type CreationStatusProps = {
  creation: CreationState;
  onUseExisting: (policy: VmBackupPolicy) => void;
  onRetry: () => void;
};

/** Progress while the policy is being created, and what to do when it could not be. */
export function CreationStatus({ creation, onUseExisting, onRetry }: CreationStatusProps) {
  const styles = useStyles();
  return (
    <>
      {/* Always present, so screen readers announce each change of stage. */}
      <VisuallyHidden>
        <span role="status">{announcement(creation)}</span>
      </VisuallyHidden>
      {creation.status === 'working' && (
        <div className={styles.working}>
          <ProgressBar aria-label={`Creating policy ${creation.name}`} />
          <Body1>{STAGE_TEXT[creation.stage]}</Body1>
        </div>
      )}
      {creation.status === 'exists' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>A policy named {creation.policy.name} already exists</MessageBarTitle>
            The vault already has this policy, so nothing was sent and it was not changed. Use it, or choose another
            name for the new one.
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => onUseExisting(creation.policy)}>Use {creation.policy.name}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {creation.status === 'failed' && (
        <PermissionError
          title={`Policy ${creation.name} could not be created`}
          error={creation.error}
          roleAdvice="Backup Contributor (or Contributor) on the vault"
          onRetry={onRetry}
        />
      )}
    </>
  );
}
