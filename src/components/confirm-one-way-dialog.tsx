import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { SECURITY_DOORS } from '../plan/security-words.ts';
import type { OneWaySetting } from '../shared/vault-security.ts';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: `${tokens.spacingVerticalM} 0 0` },
});

/** Each irreversible setting is confirmed on its own: one box per door, in words that name the vault. */
const CONFIRM_LABELS: Record<OneWaySetting, (vault: string) => string> = {
  softDeleteAlwaysOn: (vault) => `Make soft delete of ${vault} always on, for good`,
  immutabilityLocked: (vault) => `Lock immutability of ${vault}, for good`,
  crossSubscriptionRestorePermanentlyDisabled: (vault) => `Permanently disable cross-subscription restore of ${vault}`,
};

type ConfirmOneWayDialogProps = {
  open: boolean;
  vaultName: string;
  doors: readonly OneWaySetting[];
  /** e.g. "Create the vault", "Save the settings". */
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
};

/** Asks before a vault setting that can never be undone is sent: nothing goes until every box is ticked. */
export function ConfirmOneWayDialog({ open, vaultName, doors, confirmLabel, onConfirm, onCancel }: ConfirmOneWayDialogProps) {
  const styles = useStyles();
  const [ticked, setTicked] = useState<ReadonlySet<OneWaySetting>>(new Set());
  // Every opening asks afresh.
  useEffect(() => {
    if (open) setTicked(new Set());
  }, [open]);
  const all = doors.every((door) => ticked.has(door));
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, data) => (data.open ? undefined : onCancel())}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>These settings can’t be undone</DialogTitle>
          <DialogContent>
            <p>Once Azure has them, no one can turn them back for {vaultName}, not even an Owner. Confirm each one.</p>
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
                  <p>{SECURITY_DOORS[door]}</p>
                </div>
              ))}
            </div>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabledFocusable={!all} onClick={onConfirm}>
              {confirmLabel}
            </Button>
            <Button onClick={onCancel}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
