import { Button, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { Checkmark20Regular } from '@fluentui/react-icons';
import type { VaultStorageConfig } from '../../azure/storage-config.ts';
import { redundancyName } from '../../components/redundancy-names.ts';
import { replicationIsConfirmed } from '../../store/replication-slice.ts';
import { useWizardStore } from '../../store/store-context.tsx';
import type { VaultChoice } from '../../store/vault-slice.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '720px' },
  settings: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0 },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  text: { margin: `${tokens.spacingVerticalXS} 0 0` },
});

/** A Locked vault: its setting, read-only, with why and what the user can do instead. */
export function LockedReplication({ vault, config }: { vault: VaultChoice; config: VaultStorageConfig }) {
  const styles = useStyles();
  const confirmReplication = useWizardStore((s) => s.confirmReplication);
  const acknowledged = useWizardStore((s) => replicationIsConfirmed(s.replication, vault.id) && s.replication.confirmed?.locked === true);
  const storageType = config.storageType === 'Other' ? null : config.storageType;
  return (
    <div className={styles.root}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Replication is locked for this vault</MessageBarTitle>
          <p className={styles.text}>
            {vault.name} already protects items. Azure locks the storage replication when the first item is protected,
            so it can’t be changed here. To change it, stop protection and delete the backup data, or use a new vault.
          </p>
        </MessageBarBody>
      </MessageBar>
      <Subtitle2 as="h2">Current replication (read-only)</Subtitle2>
      <dl className={styles.settings}>
        <dt className={styles.term}>Storage replication</dt>
        <dd className={styles.value}>{redundancyName(config.storageType)}</dd>
        <dt className={styles.term}>Cross-region restore</dt>
        <dd className={styles.value}>{config.crossRegionRestore ? 'On' : 'Off'}</dd>
        <dt className={styles.term}>State</dt>
        <dd className={styles.value}>Locked</dd>
      </dl>
      <div className={styles.actions}>
        {acknowledged ? (
          <span>
            <Checkmark20Regular aria-hidden /> You keep the current setting.
          </span>
        ) : storageType ? (
          <Button
            appearance="primary"
            onClick={() => confirmReplication(vault.id, { storageType, crossRegionRestore: config.crossRegionRestore, locked: true })}
          >
            Keep this setting and continue
          </Button>
        ) : (
          <span>This vault uses a replication the wizard does not support for virtual machines: choose another vault.</span>
        )}
      </div>
    </div>
  );
}
