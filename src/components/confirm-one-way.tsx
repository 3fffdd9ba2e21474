import { Button, Checkbox, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { SECURITY_DOORS } from '../plan/security-words.ts';
import type { OneWaySetting } from '../shared/vault-security.ts';

const useStyles = makeStyles({
  root: { ':focus': { outline: 'none' }, ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: `${tokens.spacingVerticalS} 0` },
  text: { margin: `0 0 0 ${tokens.spacingHorizontalXXL}`, maxWidth: '70ch' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
});

/** Each irreversible setting is confirmed on its own: one box per door, in words that name the vault. */
const CONFIRM_LABELS: Record<OneWaySetting, (vault: string) => string> = {
  softDeleteAlwaysOn: (vault) => `Make soft delete of ${vault} always on, for good`,
  immutabilityLocked: (vault) => `Lock immutability of ${vault}, for good`,
  crossSubscriptionRestorePermanentlyDisabled: (vault) => `Permanently disable cross-subscription restore of ${vault}`,
};

type ConfirmOneWayProps = {
  vaultName: string;
  doors: readonly OneWaySetting[];
  /** e.g. "Create the vault", "Save the settings". */
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
};

/**
 * Asks, in the page, before a vault setting that can never be undone is sent: nothing goes until every box is
 * ticked. Not a modal dialog: the page it sits in is replaced once the write is done, and a modal closed that
 * way leaves the page hidden from assistive technology.
 */
export function ConfirmOneWay({ vaultName, doors, confirmLabel, onConfirm, onCancel }: ConfirmOneWayProps) {
  const styles = useStyles();
  const [ticked, setTicked] = useState<ReadonlySet<OneWaySetting>>(new Set());
  const ref = useRef<HTMLDivElement>(null);
  // It replaces the button that was pressed: the focus moves here, and the question is read out.
  useEffect(() => ref.current?.focus(), []);
  const all = doors.every((door) => ticked.has(door));
  return (
    // The message bar is the group named by its title; this wrapper only takes the focus.
    <div ref={ref} tabIndex={-1} className={styles.root}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>These settings can’t be undone</MessageBarTitle>
          Once Azure has them, no one can turn them back for {vaultName}, not even an Owner. Confirm each one.
          <div className={styles.list}>
            {doors.map((door) => (
              <div key={door}>
                <Checkbox
                  label={CONFIRM_LABELS[door](vaultName)}
                  checked={ticked.has(door)}
                  onChange={(_, data) =>
                    setTicked((previous) => {
                      const next = new Set(previous);
                      if (data.checked === true) next.add(door);
                      else next.delete(door);
                      return next;
                    })
                  }
                />
                <p className={styles.text}>{SECURITY_DOORS[door]}</p>
              </div>
            ))}
          </div>
          <div className={styles.actions}>
            <Button appearance="primary" disabledFocusable={!all} onClick={onConfirm}>
              {confirmLabel}
            </Button>
            <Button onClick={onCancel}>Cancel</Button>
          </div>
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}
