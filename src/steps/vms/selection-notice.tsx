import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';

/** Tells which saved selections a new discovery removed, and why (a VM that became blocked, was protected meanwhile…). */
export function SelectionNotice({ dropped, onDismiss }: { dropped: readonly { name: string; why: string }[]; onDismiss: () => void }) {
  if (dropped.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{dropped.length === 1 ? '1 virtual machine was unselected' : `${dropped.length} virtual machines were unselected`}</MessageBarTitle>
        {dropped.map((d) => `${d.name}: ${d.why}`).join(' · ')}
      </MessageBarBody>
      <MessageBarActions containerAction={<Button appearance="transparent" aria-label="Dismiss" icon={<Dismiss20Regular />} onClick={onDismiss} />} />
    </MessageBar>
  );
}
