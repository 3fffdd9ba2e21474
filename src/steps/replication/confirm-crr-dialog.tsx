import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';

type ConfirmCrrDialogProps = {
  open: boolean;
  vaultName: string;
  pairedRegion: string | null;
  onConfirm: () => void;
  onCancel: () => void;
};

/** Cross-region restore can't be turned off again: say so, and ask before saving it. */
export function ConfirmCrrDialog({ open, vaultName, pairedRegion, onConfirm, onCancel }: ConfirmCrrDialogProps) {
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, data) => (data.open ? undefined : onCancel())}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Turn on cross-region restore for good?</DialogTitle>
          <DialogContent>
            <p>
              Once cross-region restore is on for {vaultName}, it can’t be turned off again, and the vault’s replication
              can no longer be changed to locally redundant or zone-redundant storage.
            </p>
            <p>
              It lets you restore in the paired region{pairedRegion ? ` (${pairedRegion})` : ''}, whose copy of the backups
              lags by up to about 36 hours, and it costs more than geo-redundant storage alone.
            </p>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm}>
              Turn on and save
            </Button>
            <Button onClick={onCancel}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
